import { formatOre, formatOsloDate } from '../format';

it('formats a timestamp as the date it was in Norway, not in UTC', () => {
  expect(formatOsloDate('2024-12-31T23:30:00.000Z')).toBe('01.01.2025'); // 00:30 in Oslo (winter time)
  expect(formatOsloDate('2025-06-30T22:15:00.000Z')).toBe('01.07.2025'); // 00:15 in Oslo (summer time)
  expect(formatOsloDate('2025-01-01T10:00:00.000Z')).toBe('01.01.2025');
});

it('formats øre as whole kroner the way the cost pages did', () => {
  expect(formatOre(500_000_000)).toBe('kr\u00a05\u00a0000\u00a0000');
  expect(formatOre(-100_000_000)).toBe('kr\u00a0\u22121\u00a0000\u00a0000');
  expect(formatOre(2_970_000 / 13_469)).toBe('kr\u00a02');
});
