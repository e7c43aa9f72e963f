import ExcelJS from 'exceljs';
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
const count2025 = async () =>
  (await app.ds.query(`SELECT count(*)::int AS n FROM municipality_population WHERE year = 2025`))[0].n;
const audits = async () =>
  (await app.ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'PopulationFigure'`))[0].n;
const distribution = async () =>
  (
    await app.gql(`query($c: ID!) { costDistribution(centreId: $c, year: 2026) { populationYear populationNote } }`, {
      c: SALTEN,
    })
  ).data!.costDistribution;

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
    const [bodo] = await app.ds.query(
      `SELECT population, source FROM municipality_population WHERE kommunenummer = '1804' AND year = 2025`,
    );
    const [bodo24] = await app.ds.query(
      `SELECT population FROM municipality_population WHERE kommunenummer = '1804' AND year = 2024`,
    );
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
      {
        line: 3,
        column: 'region',
        message: expect.stringContaining('3005 Drammen hører til en tidligere kommunestruktur'),
      },
      { line: 4, column: 'region', message: 'Ukjent kommunenummer 1899 (Ukjentvik) i dagens kommunestruktur.' },
      { line: 5, column: 'Personer', message: '«ni tusen» er ikke et helt, ikke-negativt folketall.' },
    ]);
    expect(p.added).toBe(1);
    const r = await app.gql(CONFIRM, { csv: bad, sum: p.checksum });
    expect(r.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'csv',
      rowErrors: expect.arrayContaining([expect.objectContaining({ line: 3 })]),
    });
    expect((await app.ds.query(`SELECT count(*)::int AS n FROM municipality_population WHERE year = 2026`))[0].n).toBe(
      0,
    );
  });

  it('refuses a file that differs from the preview, and anyone but an administrator', async () => {
    const p = (await app.gql(PREVIEW, { csv: GOOD })).data!.previewPopulationImport;
    const changed = GOOD.replace(/;(\d+)$/, ';1');
    const r = await app.gql(CONFIRM, { csv: changed, sum: p.checksum });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'checksum' });
    const director = userWith('imp-dir', { role: 'DIRECTOR', kommunenummer: '1804' });
    expect((await app.gql(PREVIEW, { csv: GOOD }, { as: director })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await app.gql(PREVIEW, { csv: '' })).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'csv',
    });
  });
});

describe('membership import (CSV or XLSX)', () => {
  const MP = `mutation($f: String!, $fmt: ImportFormat) { previewMembershipImport(file: $f, format: $fmt) { checksum rows added changed unchanged errors { line column message } changes { line action kommunenummer municipality role joinedOn leftOn } } }`;
  const MC = `mutation($f: String!, $s: String!, $fmt: ImportFormat) { confirmMembershipImport(file: $f, checksum: $s, format: $fmt) { added changed unchanged } }`;
  const GOOD_M = [
    'senter;kommunenummer;rolle;inn;ut',
    'Krisesenteret i Salten;1804;vertskommune;;',
    'Krisesenteret i Salten;1841;samarbeidskommune;;',
    'Krisesenteret i Salten;1840;samarbeidskommune;;31.12.2026',
    'krisesenteret i salten;1868;Samarbeidskommune;01.01.2027;',
  ].join('\n');
  interface PartyRow {
    kommunenummer: string;
    role: string;
    joined: string | null;
    left: string | null;
  }
  const partyRows = async (): Promise<PartyRow[]> =>
    app.ds.query(
      `SELECT p.kommunenummer, p.role, to_char(p.joined_on, 'YYYY-MM-DD') AS joined, to_char(p.left_on, 'YYYY-MM-DD') AS left
       FROM agreement_party p JOIN agreement a ON a.id = p.agreement_id JOIN crisis_centre c ON c.id = a.centre_id
       WHERE c.seed_key = 'centre:Krisesenteret i Salten' AND a.status <> 'ENDED' AND p.kommunenummer IN ('1804', '1841', '1840', '1868') ORDER BY 1`,
    );

  it('a good file: preview writes nothing; confirm adds and changes exactly what was shown, audited under the agreement', async () => {
    const before = await partyRows();
    expect(before.find((r) => r.kommunenummer === '1868')).toBeUndefined();
    const p = (await app.gql(MP, { f: GOOD_M })).data!.previewMembershipImport;
    expect(p.errors).toEqual([]);
    expect(p).toMatchObject({ rows: 4, added: 1, changed: 1, unchanged: 2 });
    expect(p.changes).toEqual([
      {
        line: 4,
        action: 'CHANGE',
        kommunenummer: '1840',
        municipality: 'Saltdal',
        role: 'partner',
        joinedOn: null,
        leftOn: '2026-12-31',
      },
      {
        line: 5,
        action: 'ADD',
        kommunenummer: '1868',
        municipality: 'Øksnes',
        role: 'partner',
        joinedOn: '2027-01-01',
        leftOn: null,
      },
    ]);
    expect(await partyRows()).toEqual(before);
    expect((await app.gql(MC, { f: GOOD_M, s: p.checksum })).data!.confirmMembershipImport).toEqual({
      added: 1,
      changed: 1,
      unchanged: 2,
    });
    const after = await partyRows();
    expect(after.find((r) => r.kommunenummer === '1840')!.left).toBe('2026-12-31');
    expect(after.find((r) => r.kommunenummer === '1868')).toEqual({
      kommunenummer: '1868',
      role: 'partner',
      joined: '2027-01-01',
      left: null,
    });
    const audit = await app.ds.query(
      `SELECT operation, parent_entity, part_label FROM audit_log WHERE entity = 'AgreementParty' AND operation = 'IMPORT' ORDER BY id`,
    );
    expect(audit).toEqual([
      { operation: 'IMPORT', parent_entity: 'Agreement', part_label: 'Saltdal' },
      { operation: 'IMPORT', parent_entity: 'Agreement', part_label: 'Øksnes' },
    ]);
  });

  it('the same memberships again, now as an XLSX with date cells, change nothing', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Medlemskap');
    ws.addRow(['Senter', 'Kommunenummer', 'Rolle', 'Inn', 'Ut']);
    ws.addRow(['Krisesenteret i Salten', '1804', 'vertskommune', null, null]);
    ws.addRow(['Krisesenteret i Salten', 1841, 'samarbeidskommune', null, null]);
    ws.addRow(['Krisesenteret i Salten', '1840', 'samarbeidskommune', null, new Date('2026-12-31T00:00:00Z')]);
    ws.addRow(['Krisesenteret i Salten', '1868', 'samarbeidskommune', new Date('2027-01-01T00:00:00Z'), null]);
    const file = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const p = (await app.gql(MP, { f: file, fmt: 'XLSX' })).data!.previewMembershipImport;
    expect(p).toMatchObject({ rows: 4, added: 0, changed: 0, unchanged: 4, errors: [], changes: [] });
    const auditsBefore = (
      await app.ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'AgreementParty'`)
    )[0].n;
    expect((await app.gql(MC, { f: file, s: p.checksum, fmt: 'XLSX' })).data!.confirmMembershipImport).toEqual({
      added: 0,
      changed: 0,
      unchanged: 4,
    });
    expect((await app.ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'AgreementParty'`))[0].n).toBe(
      auditsBefore,
    );
    expect((await app.gql(MP, { f: 'bm90IGEgc3ByZWFkc2hlZXQ=', fmt: 'XLSX' })).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'file',
    });
  });

  it('bad rows: each reported by line, and nothing written when confirmed', async () => {
    const bad = [
      'senter;kommunenummer;rolle;inn;ut',
      'Krisesenteret i Salten;1841;samarbeidskommune;;30.06.2027',
      'Krisesenteret i Tullinge;1841;samarbeidskommune;;',
      'Krisesenteret i Salten;1841;vertskommune;;',
      'Krisesenteret i Salten;1804;samarbeidskommune;;',
      'Krisesenteret i Salten;3005;samarbeidskommune;;',
      'Krisesenteret i Salten;1838;samarbeidskommune;i morgen;',
    ].join('\n');
    const before = await partyRows();
    const p = (await app.gql(MP, { f: bad })).data!.previewMembershipImport;
    expect(p.errors.map((e: { line: number; column: string }) => [e.line, e.column])).toEqual([
      [3, 'senter'],
      [4, 'kommunenummer'],
      [5, 'rolle'],
      [6, 'kommunenummer'],
      [7, 'inn'],
    ]);
    expect(p.errors[0].message).toBe('Ukjent krisesenter «Krisesenteret i Tullinge».');
    expect(p.errors[2].message).toBe('Bodø er vertskommunen for Krisesenteret i Salten, ikke samarbeidskommune.');
    const r = await app.gql(MC, { f: bad, s: p.checksum });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
    expect(await partyRows()).toEqual(before); // line 2 was valid, but nothing is written
  });

  it('row errors carry their messageKey and params, in the preview and in the refusal', async () => {
    const bad = [
      'senter;kommunenummer;rolle;inn;ut',
      'Krisesenteret i Tullinge;1841;samarbeidskommune;;',
      'Krisesenteret i Salten;1804;samarbeidskommune;;',
      'Krisesenteret i Salten;1838;samarbeidskommune;i morgen;',
    ].join('\n');
    const KEYED = `mutation($f: String!) { previewMembershipImport(file: $f) { checksum errors { line messageKey params } } }`;
    const p = (await app.gql(KEYED, { f: bad })).data!.previewMembershipImport;
    expect(p.errors).toEqual([
      { line: 2, messageKey: 'import.unknownCentre', params: { centre: 'Krisesenteret i Tullinge' } },
      {
        line: 3,
        messageKey: 'import.isHost',
        params: { municipality: 'Bodø', centre: 'Krisesenteret i Salten' },
      },
      { line: 4, messageKey: 'import.notDate', params: { value: 'i morgen' } },
    ]);
    const r = await app.gql(MC, { f: bad, s: p.checksum });
    expect(r.errors?.[0].extensions).toMatchObject({ messageKey: 'import.rowErrors', params: { count: 3 } });
    expect((r.errors?.[0].extensions?.rowErrors as unknown[])[1]).toEqual({
      line: 3,
      column: 'rolle',
      message: 'Bodø er vertskommunen for Krisesenteret i Salten, ikke samarbeidskommune.',
      messageKey: 'import.isHost',
      params: { municipality: 'Bodø', centre: 'Krisesenteret i Salten' },
    });
  });
});
