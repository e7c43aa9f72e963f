import { contactsTable } from '../../src/modules/exports/exports.router';
import { tableToXlsx } from '../../src/modules/exports/sheet';
import { createTestApp, userWith, type TestApp } from '../utils/test-app';

let app: TestApp;
let existing: { id: string; name: string; agency: string; title: string | null };
let GOOD: string;
beforeAll(async () => {
  app = await createTestApp({ label: 'contact-import' });
  [existing] = await app.ds.query(
    `SELECT c.id, c.name, a.name AS agency, c.title FROM contact_person c JOIN agency a ON a.id = c.agency_id WHERE a.kommunenummer = '1841' AND a.kind = 'NAV' AND c.active ORDER BY c.created_at LIMIT 1`,
  );
  GOOD = [
    'Kommunenr.;Tjeneste;Navn på tjenesten;Kontaktperson;Funksjon;Telefon;E-post;Kontaktpunkt;Merknad',
    `1841;NAV;${existing.agency};${existing.name};Veileder (importert);;;;`,
    `1841;nav;${existing.agency.toUpperCase()};Sigrid Import;Rådgiver;75 50 40 00;Sigrid.Import@nav.no;Ja;`,
    '1841;Frivillig organisasjon;Fauske Røde Kors;Per Import;Leder;;;;Besøkstjeneste hver tirsdag',
  ].join('\n');
});
afterAll(() => app?.close());

const CP = `mutation($f: String!, $fmt: ImportFormat) { previewContactImport(file: $f, format: $fmt) { checksum rows added changed unchanged agenciesAdded errors { line column message } changes { line action kommunenummer municipality kind agency newAgency name title isContactPoint fields } } }`;
const CC = `mutation($f: String!, $s: String!, $fmt: ImportFormat) { confirmContactImport(file: $f, checksum: $s, format: $fmt) { added changed unchanged } }`;
const counts = async () =>
  (
    await app.ds.query(
      `SELECT (SELECT count(*)::int FROM contact_person) AS contacts, (SELECT count(*)::int FROM agency) AS agencies, (SELECT count(*)::int FROM audit_log) AS audits`,
    )
  )[0];

describe('contacts import (CSV or XLSX)', () => {
  it('a good file: the preview writes nothing; confirming adds, changes and moves the contact point, audited', async () => {
    const before = await counts();
    const res = await app.gql(CP, { f: GOOD });
    expect(res.errors).toBeUndefined();
    const p = res.data!.previewContactImport;
    expect(p.errors).toEqual([]);
    expect(p).toMatchObject({ rows: 3, added: 2, changed: 1, unchanged: 0, agenciesAdded: 1 });
    expect(p.changes).toEqual([
      {
        line: 2,
        action: 'CHANGE',
        kommunenummer: '1841',
        municipality: 'Fauske',
        kind: 'NAV',
        agency: existing.agency,
        newAgency: false,
        name: existing.name,
        title: 'Veileder (importert)',
        isContactPoint: expect.any(Boolean),
        fields: ['funksjon'],
      },
      {
        line: 3,
        action: 'ADD',
        kommunenummer: '1841',
        municipality: 'Fauske',
        kind: 'NAV',
        agency: existing.agency,
        newAgency: false,
        name: 'Sigrid Import',
        title: 'Rådgiver',
        isContactPoint: true,
        fields: [],
      },
      {
        line: 4,
        action: 'ADD',
        kommunenummer: '1841',
        municipality: 'Fauske',
        kind: 'VOLUNTARY_ORGANISATION',
        agency: 'Fauske Røde Kors',
        newAgency: true,
        name: 'Per Import',
        title: 'Leder',
        isContactPoint: false,
        fields: [],
      },
    ]);
    expect(await counts()).toEqual(before);

    const r = await app.gql(CC, { f: GOOD, s: p.checksum });
    expect(r.errors).toBeUndefined();
    expect(r.data!.confirmContactImport).toEqual({ added: 2, changed: 1, unchanged: 0 });
    const after = await counts();
    expect(after.contacts).toBe(before.contacts + 2);
    expect(after.agencies).toBe(before.agencies + 1);
    const [sigrid] = await app.ds.query(
      `SELECT phone, email, is_contact_point, kommunenummer FROM contact_person WHERE name = 'Sigrid Import'`,
    );
    expect(sigrid).toEqual({
      phone: '75 50 40 00',
      email: 'sigrid.import@nav.no',
      is_contact_point: true,
      kommunenummer: '1841',
    });
    expect(
      await app.ds.query(`SELECT name FROM contact_person WHERE kommunenummer = '1841' AND is_contact_point`),
    ).toEqual([{ name: 'Sigrid Import' }]);
    expect((await app.ds.query(`SELECT title FROM contact_person WHERE id = $1`, [existing.id]))[0].title).toBe(
      'Veileder (importert)',
    );
    expect(await app.ds.query(`SELECT kind, note FROM agency WHERE name = 'Fauske Røde Kors'`)).toEqual([
      { kind: 'VOLUNTARY_ORGANISATION', note: 'Besøkstjeneste hver tirsdag' },
    ]);
    const imported = await app.ds.query(
      `SELECT entity, count(*)::int AS n FROM audit_log WHERE operation = 'IMPORT' GROUP BY entity ORDER BY entity`,
    );
    expect(imported).toEqual([
      { entity: 'Agency', n: 1 },
      { entity: 'ContactPerson', n: 3 },
    ]);
  });

  it('the same file again, and the contacts export of the municipality as XLSX, change nothing', async () => {
    const before = await counts();
    const p = (await app.gql(CP, { f: GOOD })).data!.previewContactImport;
    expect(p).toMatchObject({ added: 0, changed: 0, unchanged: 3, agenciesAdded: 0, errors: [], changes: [] });
    expect((await app.gql(CC, { f: GOOD, s: p.checksum })).data!.confirmContactImport).toEqual({
      added: 0,
      changed: 0,
      unchanged: 3,
    });

    const exported = Buffer.from(await tableToXlsx(await contactsTable(app.ds, true, '1841'))).toString('base64');
    const x = (await app.gql(CP, { f: exported, fmt: 'XLSX' })).data!.previewContactImport;
    expect(x.errors).toEqual([]);
    expect(x.rows).toBeGreaterThan(3);
    expect(x).toMatchObject({ added: 0, changed: 0, unchanged: x.rows, changes: [] });
    expect((await app.gql(CC, { f: exported, s: x.checksum, fmt: 'XLSX' })).data!.confirmContactImport).toMatchObject({
      added: 0,
      changed: 0,
    });
    expect(await counts()).toEqual(before);
  });

  it('bad rows: each by line, nothing written when confirmed, and personal data never echoed', async () => {
    const bad = [
      'kommunenummer;tjeneste;navn på tjenesten;kontaktperson;telefon;e-post;merknad',
      '1841;NAV;NAV Fauske ny;Gyldig Rad;;;',
      '9999;NAV;NAV Ukjent;Kari;;;',
      '1841;Barnevern;Barnevernet;Ola;;ola@;',
      '1841;Barnevern;Barnevernet;Ola 2;;;Fnr 15038510190',
    ].join('\n');
    const before = await counts();
    const p = (await app.gql(CP, { f: bad })).data!.previewContactImport;
    expect(p.errors.map((e: { line: number; column: string }) => [e.line, e.column])).toEqual([
      [3, 'kommunenummer'],
      [4, 'e-post'],
      [5, 'merknad'],
    ]);
    expect(JSON.stringify(p.errors)).not.toContain('15038510190');
    const r = await app.gql(CC, { f: bad, s: p.checksum });
    expect(r.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'file',
      rowErrors: expect.arrayContaining([expect.objectContaining({ line: 3 })]),
    });
    expect(await counts()).toEqual(before); // line 2 was valid, but nothing is written
  });

  it('scope: a director imports for the own municipality only; other roles are refused; a changed file is refused', async () => {
    const fauske = userWith('ci-dir-fauske', { role: 'DIRECTOR', kommunenummer: '1841' });
    const bodo = userWith('ci-dir-bodo', { role: 'DIRECTOR', kommunenummer: '1804' });
    const finance = userWith('ci-fin', { role: 'FINANCE', kommunenummer: '1804' });
    const file =
      'kommunenummer;tjeneste;navn på tjenesten;kontaktperson\n1841;Politi;Politiet i Fauske;Direktørs Kontakt';
    const other = (await app.gql(CP, { f: file }, { as: bodo })).data!.previewContactImport;
    expect(other.errors).toEqual([
      { line: 2, column: 'kommunenummer', message: 'Du kan ikke endre kontakter i Fauske (1841).' },
    ]);
    expect((await app.gql(CC, { f: file, s: other.checksum }, { as: bodo })).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'file',
    });
    expect((await app.gql(CP, { f: file }, { as: finance })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const own = (await app.gql(CP, { f: file }, { as: fauske })).data!.previewContactImport;
    expect(own).toMatchObject({ added: 1, errors: [] });
    expect(
      (await app.gql(CC, { f: `${file}\n`, s: own.checksum }, { as: fauske })).errors?.[0].extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'checksum' });
    expect((await app.gql(CC, { f: file, s: own.checksum }, { as: fauske })).data!.confirmContactImport).toEqual({
      added: 1,
      changed: 0,
      unchanged: 0,
    });
    expect(
      (
        await app.ds.query(
          `SELECT user_label FROM audit_log WHERE operation = 'IMPORT' AND entity = 'ContactPerson' ORDER BY id DESC LIMIT 1`,
        )
      )[0].user_label,
    ).toMatch(/ci-dir-fauske/);
  });
});
