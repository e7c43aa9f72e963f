import { formatInteger, formatDate, formatDecimal } from './format';
import { formatKroner } from './money';

const NBSP = '\u00a0';

describe('nb-NO formatting', () => {
  it.each([
    [0, '0'],
    [999, '999'],
    [1234, `1${NBSP}234`],
    [5550203, `5${NBSP}550${NBSP}203`],
    [-1234, `\u22121${NBSP}234`],
  ])('formatInteger(%p) = %p', (value, expected) => {
    expect(formatInteger(value)).toBe(expected);
  });

  it.each([
    [1234567, `kr${NBSP}1${NBSP}234${NBSP}567`],
    [79, `kr${NBSP}79`],
  ])('formatKroner(%p) = %p', (value, expected) => {
    expect(formatKroner(value)).toBe(expected);
  });

  it.each([
    [454.12, 2, '454,12'],
    [1.05, 1, '1,1'],
    [1000.5, 1, `1${NBSP}000,5`],
  ])('formatDecimal(%p, %p) = %p', (value, decimals, expected) => {
    expect(formatDecimal(value, decimals)).toBe(expected);
  });

  it.each([
    ['2026-11-21', '21.11.2026'],
    ['2024-01-01', '01.01.2024'],
    ['2024-02-29', '29.02.2024'],
  ])('formatDate(%p) = %p', (value, expected) => {
    expect(formatDate(value)).toBe(expected);
  });

  it.each(['2023-02-29', '21.11.2026', '2026-13-01', ''])('formatDate refuses %p', (value) => {
    expect(() => formatDate(value)).toThrow(RangeError);
  });
});
