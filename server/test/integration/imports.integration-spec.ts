import { createTestApp, userWith, type TestApp } from '../utils/test-app';

let app: TestApp;
let SALTEN: string;
let GOOD: string;
beforeAll(async () => {
  app = await createTestApp({ label: 'imports' });
  SALTEN = (await app.ds.query(`SELECT id FROM crisis_centre WHERE seed_key = 'centre:Krisesenteret i Salten'`))[0].id;
  // SSB 07459 as downloaded: a title, the header, the country and a county, then every municipality for 2025.
  const all: { kommunenummer: string; name: string; population: number }[] = await app.ds.query(
    `SELECT m.kommunenummer, m.name, p.population FROM municipality m JOIN municipality_population p ON p.kommunenummer = m.kommunenummer AND p.year = 2024 ORDER BY 1`,
  );
  GOOD = [
    '"07459: Befolkning, etter region, statistikkvariabel og år"',
    '',
    '"region";"statistikkvariabel";"år";"07459: Befolkning"',
    '"0 Hele landet";"Personer";"2025";5594340',
    '"18 Nordland";"Personer";"2025";243335',
    ...all.map((m) => `"K-${m.kommunenummer} ${m.name}";"Personer";"2025";${m.population + 10}`),
  ].join('\r\n');
});
afterAll(() => app?.close());

const PREVIEW = `mutation($csv: String!) { previewPopulationImport(csv: $csv) { checksum years rows added changed unchanged skipped errors { line column message } changes { kommunenummer year before after } } }`;
const CONFIRM = `mutation($csv: String!, $sum: String!) { confirmPopulationImport(csv: $csv, checksum: $sum) { added changed unchanged } }`;
const count2025 = async () => (await app.ds.query(`SELECT count(*)::int AS n FROM municipality_population WHERE year = 2025`))[0].n;
const audits = async () => (await app.ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'PopulationFigure'`))[0].n;
const distribution = async () =>
  (await app.gql(`query($c: ID!) { costDistribution(centreId: $c, year: 2026) { populationYear populationNote } }`, { c: SALTEN })).data!.costDistribution;

describe('population import (SSB 07459)', () => {
  it('a good file: previewed without writing, then written at once and audited; the cost engine uses the new year', async () => {
    const before = await distribution();
    expect(before.populationNote).toMatch(/1\. januar 2024/); // falls back to 2024
    const p = (await app.gql(PREVIEW, { csv: GOOD })).data!.previewPopulationImport;
    expect(p).toMatchObject({ years: [2025], rows: 357, added: 357, changed: 0, unchanged: 0, skipped: 2, errors: [] });
    expect(p.changes[0]).toMatchObject({ year: 2025, before: null });
    expect(await count2025()).toBe(0); // nothing written by the preview
    const r = await app.gql(CONFIRM, { csv: GOOD, sum: p.checksum });
    expect(r.errors).toBeUndefined();
    expect(r.data!.confirmPopulationImport).toEqual({ added: 357, changed: 0, unchanged: 0 });
    expect(await count2025()).toBe(357);
    expect(await audits()).toBe(357);
    const [bodo] = await app.ds.query(`SELECT population, source FROM municipality_population WHERE kommunenummer = '1804' AND year = 2025`);
    const [bodo24] = await app.ds.query(`SELECT population FROM municipality_population WHERE kommunenummer = '1804' AND year = 2024`);
    expect(bodo).toEqual({ population: bodo24.population + 10, source: 'SSB tabell 07459 (importert)' });
    expect(await distribution()).toEqual({ populationYear: 2025, populationNote: null });
  });

  it('the same file again changes nothing', async () => {
    const p = (await app.gql(PREVIEW, { csv: GOOD })).data!.previewPopulationImport;
    expect(p).toMatchObject({ added: 0, changed: 0, unchanged: 357, changes: [] });
    const r = await app.gql(CONFIRM, { csv: GOOD, sum: p.checksum });
    expect(r.data!.confirmPopulationImport).toEqual({ added: 0, changed: 0, unchanged: 357 });
    expect(await audits()).toBe(357);
  });

  it('a file with bad rows: every error by line, and nothing written even when confirmed', async () => {
    const bad = [
      '"region";"statistikkvariabel";"år";"Personer"',
      '"1804 Bodø";"Personer";"2026";54000',
      '"3005 Drammen";"Personer";"2026";102000',
      '"1899 Ukjentvik";"Personer";"2026";100',
      '"1841 Fauske";"Personer";"2026";ni tusen',
    ].join('\n');
    const p = (await app.gql(PREVIEW, { csv: bad })).data!.previewPopulationImport;
    expect(p.errors).toEqual([
      { line: 3, column: 'region', message: expect.stringContaining('3005 Drammen hører til en tidligere kommunestruktur') },
      { line: 4, column: 'region', message: 'Ukjent kommunenummer 1899 (Ukjentvik) i dagens kommunestruktur.' },
      { line: 5, column: 'Personer', message: '«ni tusen» er ikke et helt, ikke-negativt folketall.' },
    ]);
    expect(p.added).toBe(1);
    const r = await app.gql(CONFIRM, { csv: bad, sum: p.checksum });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'csv', rowErrors: expect.arrayContaining([expect.objectContaining({ line: 3 })]) });
    expect((await app.ds.query(`SELECT count(*)::int AS n FROM municipality_population WHERE year = 2026`))[0].n).toBe(0);
  });

  it('refuses a file that differs from the preview, and anyone but an administrator', async () => {
    const p = (await app.gql(PREVIEW, { csv: GOOD })).data!.previewPopulationImport;
    const changed = GOOD.replace(/;(\d+)$/, ';1');
    const r = await app.gql(CONFIRM, { csv: changed, sum: p.checksum });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'checksum' });
    const director = userWith('imp-dir', { role: 'DIRECTOR', kommunenummer: '1804' });
    expect((await app.gql(PREVIEW, { csv: GOOD }, { as: director })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await app.gql(PREVIEW, { csv: '' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'csv' });
  });
});
