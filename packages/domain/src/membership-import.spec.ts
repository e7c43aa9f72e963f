import { readCsv } from './csv-read';
import { parseDateCell, parseMembershipRows } from './membership-import';
import type { ImportRowError } from './population-import';

/** The bokmål side of row errors (their keys are checked below). */
const plain = (errors: readonly ImportRowError[]) =>
  errors.map(({ line, column, message }) => ({ line, column, message }));

it.each([
  ['2026-01-01', '2026-01-01'],
  ['1.2.2026', '2026-02-01'],
  ['31.12.2025', '2025-12-31'],
  ['', null],
  ['31.02.2026', 'invalid'],
  ['i fjor', 'invalid'],
])('parseDateCell(%s) = %s', (raw, expected) => expect(parseDateCell(raw)).toBe(expected));

describe('parseMembershipRows', () => {
  it('columns by their header in any order, roles in Norwegian or English', () => {
    const p = parseMembershipRows(
      readCsv(
        'Kommunenummer;Senter;Rolle;Inn;Ut\n1804;Krisesenteret i Salten;Vertskommune;;\n841;Krisesenteret i Salten;partner;01.01.2020;31.12.2026',
      ),
    );
    expect(p.errors).toEqual([]);
    expect(p.rows).toEqual([
      { line: 2, centre: 'Krisesenteret i Salten', kommunenummer: '1804', role: 'host', joinedOn: null, leftOn: null },
      {
        line: 3,
        centre: 'Krisesenteret i Salten',
        kommunenummer: '0841',
        role: 'partner',
        joinedOn: '2020-01-01',
        leftOn: '2026-12-31',
      },
    ]);
  });

  it.each([
    ['senter;kommunenummer;rolle\n;1804;vertskommune', { line: 2, column: 'senter', message: 'Senteret mangler.' }],
    [
      'senter;kommunenummer;rolle\nX;18a4;vertskommune',
      { line: 2, column: 'kommunenummer', message: '«18a4» er ikke et kommunenummer (fire sifre).' },
    ],
    [
      'senter;kommunenummer;rolle\nX;1804;eier',
      { line: 2, column: 'rolle', message: '«eier» er ikke en rolle (vertskommune eller samarbeidskommune).' },
    ],
    [
      'senter;kommunenummer;rolle;inn;ut\nX;1804;partner;2026-01-01;2025-01-01',
      { line: 2, column: 'ut', message: 'Ut-datoen er før inn-datoen.' },
    ],
    [
      'senter;kommunenummer;rolle;inn\nX;1804;partner;snart',
      { line: 2, column: 'inn', message: '«snart» er ikke en dato (åååå-mm-dd eller dd.mm.åååå).' },
    ],
    [
      'senter;kommunenummer;rolle\nX;1804;partner\nX;1804;partner',
      { line: 3, column: 'kommunenummer', message: '1804 står allerede for X (linje 2).' },
    ],
    [
      'navn;nummer\nX;1804',
      { line: 1, column: null, message: 'Overskriftsraden mangler kolonnene senter, kommunenummer, rolle.' },
    ],
  ])('row error %#', (text, error) => expect(plain(parseMembershipRows(readCsv(text)).errors)).toContainEqual(error));
});

it('row errors carry their key and params', () => {
  const { errors } = parseMembershipRows(
    readCsv('senter;kommunenummer;rolle;inn;ut\nBodø;1804;gjest;i fjor;\nBodø;1841;vert;2026-02-01;2026-01-01'),
  );
  expect(errors.map(({ line, messageKey, params }) => ({ line, messageKey, params }))).toEqual([
    { line: 2, messageKey: 'import.notRole', params: { value: 'gjest' } },
    { line: 2, messageKey: 'import.notDate', params: { value: 'i fjor' } },
    { line: 3, messageKey: 'import.leftBeforeJoined', params: {} },
  ]);
});
