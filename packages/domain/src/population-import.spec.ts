import { readCsv } from './csv-read';
import { parseSsb07459, unknownMunicipality, unknownMunicipalityMessage } from './population-import';

const LONG = [
  '"Befolkning, etter region, statistikkvariabel og år"',
  '',
  '"region";"statistikkvariabel";"år";"07459: Befolkning"',
  '"0 Hele landet";"Personer";"2025";5594340',
  '"18 Nordland";"Personer";"2025";243335',
  '"1804 Bodø";"Personer";"2025";53914',
  '"K-1841 Fauske";"Personer";"2025";9822',
  '"1840 Saltdal";"Personer";"2025";..',
].join('\r\n');

const WIDE = [
  '"region";"Personer 2024";"Personer 2025"',
  '"1804 Bodø";53712;53914',
  '"1841 Fauske Fuossko";9790;9 822',
].join('\n');

describe('parseSsb07459', () => {
  it('long format: municipalities only, SSB’s «..» skipped', () => {
    const p = parseSsb07459(LONG);
    expect(p.errors).toEqual([]);
    expect(p.rows).toEqual([
      { line: 6, kommunenummer: '1804', name: 'Bodø', year: 2025, population: 53914 },
      { line: 7, kommunenummer: '1841', name: 'Fauske', year: 2025, population: 9822 },
    ]);
    expect(p.skipped).toBe(3);
  });

  it('wide format: a column per year, spaces in numbers', () => {
    const p = parseSsb07459(WIDE);
    expect(p.errors).toEqual([]);
    expect(p.rows.map((r) => [r.kommunenummer, r.year, r.population])).toEqual([
      ['1804', 2024, 53712],
      ['1804', 2025, 53914],
      ['1841', 2024, 9790],
      ['1841', 2025, 9822],
    ]);
    expect(p.rows[2].name).toBe('Fauske Fuossko');
  });

  it.each([
    [
      '"region";"år";"x"\n"Bodø";"2025";1',
      2,
      'region',
      '«Bodø» er ikke en region med kommunenummer (som «1804 Bodø»).',
    ],
    ['"region";"år";"x"\n"1804 Bodø";"tjuetjuefem";1', 2, 'år', '«tjuetjuefem» er ikke et årstall.'],
    ['"region";"år";"x"\n"1804 Bodø";"2025";-5', 2, 'x', '«-5» er ikke et helt, ikke-negativt folketall.'],
    ['"region";"år";"x"\n"1804 Bodø";"2025";12,5', 2, 'x', '«12,5» er ikke et helt, ikke-negativt folketall.'],
    [
      '"region";"år";"x"\n"1804 Bodø";"2025";1\n"1804 Bodø";"2025";2',
      3,
      'x',
      '1804 Bodø har allerede et tall for 2025 (linje 2).',
    ],
    [
      'just some text',
      1,
      null,
      'Fant ikke overskriftsraden (første kolonne «region»). Last ned tabell 07459 fra SSB som CSV (semikolonseparert).',
    ],
    [
      '"region";"kjønn"\n"1804 Bodø";"Menn"',
      1,
      null,
      'Fant verken en kolonne «år» eller kolonner med årstall i overskriften.',
    ],
  ])('row errors name the line and column: %#', (text, line, column, message) => {
    expect(parseSsb07459(text).errors.map(({ line, column, message }) => ({ line, column, message }))).toContainEqual({
      line,
      column,
      message,
    });
  });
});

it.each([
  ['1804', 'Bodø', 'Ukjent kommunenummer 1804 (Bodø) i dagens kommunestruktur.'],
  [
    '3005',
    'Drammen',
    '3005 Drammen hører til en tidligere kommunestruktur (fylke 30 finnes ikke fra 2024): kommunen er slått sammen, delt eller har fått nytt nummer. Bruk tall for dagens kommuner.',
  ],
])('unknownMunicipalityMessage(%s)', (k, n, m) => expect(unknownMunicipalityMessage(k, n)).toBe(m));

it('row errors carry their key and params', () => {
  const errors = parseSsb07459(
    '"region";"år";"x"\n"1804 Bodø";"2025";-5\n"1804 Bodø";"2025";1\n"1804 Bodø";"2025";2',
  ).errors;
  expect(errors.map(({ line, messageKey, params }) => ({ line, messageKey, params }))).toEqual([
    { line: 2, messageKey: 'import.notPopulation', params: { value: '-5' } },
    {
      line: 4,
      messageKey: 'import.populationTwice',
      params: { kommunenummer: '1804', name: 'Bodø', year: 2025, line: 3 },
    },
  ]);
  expect(unknownMunicipality('3005', 'Drammen')).toEqual({
    key: 'import.formerMunicipality',
    params: { kommunenummer: '3005', name: 'Drammen', county: '30' },
  });
});

describe('readCsv', () => {
  it('quotes, doubled quotes, semicolons inside quotes, line numbers across blank lines', () => {
    expect(readCsv('a;"b;c";"d ""e"""\n\n1;2;3')).toEqual([
      { line: 1, cells: ['a', 'b;c', 'd "e"'] },
      { line: 3, cells: ['1', '2', '3'] },
    ]);
    expect(readCsv('a,b\n1,2')[1].cells).toEqual(['1', '2']);
  });
});
