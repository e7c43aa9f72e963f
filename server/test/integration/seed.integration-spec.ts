import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { seed } from '../../src/database/seeds/seed';
import { createTestApp, DATA_DIR, type TestApp } from '../utils/test-app';

async function counts(app: TestApp) {
  const [row] = await app.ds.query(`
    SELECT (SELECT count(*) FROM county)::int AS counties,
           (SELECT count(*) FROM municipality)::int AS municipalities,
           (SELECT count(*) FROM municipality_population)::int AS population,
           (SELECT sum(population) FROM municipality_population WHERE year = 2024)::int AS inhabitants,
           (SELECT count(*) FROM crisis_centre)::int AS centres,
           (SELECT count(*) FROM agreement_party WHERE NOT is_example)::int AS memberships,
           (SELECT count(*) FROM agreement WHERE seed_key NOT LIKE '%:2011')::int AS agreements`);
  return row;
}

describe('seed from data/', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ seed: false, label: 'seed' });
  });
  afterAll(() => app?.close());

  it('loads the real reference data: 15 counties, 357 municipalities, 5 centres, 44 memberships', async () => {
    const summary = await seed(app.ds, DATA_DIR);
    expect(summary).toMatchObject({
      counties: 15,
      municipalities: 357,
      populationFigures: 357,
      centres: 5,
      memberships: 44,
    });
    expect(summary.national).toMatchObject({ centres: 46, operatingCentres: 44, memberships: 170 });
    expect(summary.records).toMatchObject({ agreementsWithExampleTerms: 5, routines: 4 });
    expect(await counts(app)).toEqual({
      agreements: 5,
      counties: 15,
      municipalities: 357,
      population: 357,
      inhabitants: 5_550_203, // SSB: Norway's population on 1 January 2024
      centres: 46, // the 5 of the agreements and the rest of data/national (national.integration-spec.ts)
      memberships: 44,
    });
  });

  it('keeps kommunenummer as a four-character string and every municipality has a point', async () => {
    const [oslo] = await app.ds.query(
      `SELECT kommunenummer, name, county_number, lat, lon FROM municipality WHERE name = 'Oslo'`,
    );
    expect(oslo.kommunenummer).toBe('0301');
    expect(oslo.county_number).toBe('03');
    const [{ missing }] = await app.ds.query(`SELECT count(*)::int AS missing FROM municipality WHERE lat IS NULL`);
    expect(missing).toBe(0);
  });

  it('records each membership with its source and the dates the sources give', async () => {
    const rows = await app.ds.query(`
      SELECT c.name AS centre, m.name AS municipality, cm.role, cm.joined_on, cm.source_url, cm.source_as_of, cm.is_example
      FROM agreement_party cm JOIN agreement a ON a.id = cm.agreement_id JOIN crisis_centre c ON c.id = a.centre_id
      JOIN municipality m USING (kommunenummer)
      WHERE m.name IN ('Hemnes', 'Lier', 'Bodø')`);
    const byName = Object.fromEntries(rows.map((r: { municipality: string }) => [r.municipality, r]));
    expect(byName.Hemnes).toMatchObject({ centre: 'Helgeland krisesenter', role: 'partner', joined_on: '2016-09-01' });
    expect(byName.Lier).toMatchObject({ centre: 'Krisesenteret Asker, Bærum og Lier', joined_on: '2021-01-01' });
    expect(byName['Bodø']).toMatchObject({ centre: 'Krisesenteret i Salten', role: 'host', joined_on: null });
    for (const r of rows) {
      expect(r.source_url).toMatch(/^https:\/\//);
      expect(r.source_as_of).not.toBe('');
      expect(r.is_example).toBe(false);
    }
  });

  it('marks every invented value: whole records with is_example, invented fields on real records', async () => {
    const [row] = await app.ds.query(`
      SELECT (SELECT count(*) FROM contact_person WHERE NOT is_example)::int AS real_contacts,
             (SELECT count(*) FROM contact_person)::int AS contacts,
             (SELECT count(*) FROM agency WHERE NOT is_example)::int AS real_agencies,
             (SELECT count(*) FROM handover_routine WHERE NOT is_example)::int AS real_routines,
             (SELECT count(*) FROM agreement WHERE valid_from IS NOT NULL AND NOT ('validFrom' = ANY(example_fields)) AND seed_key NOT LIKE '%:2011')::int AS unmarked_terms`);
    expect(row).toEqual({
      real_contacts: 0,
      contacts: expect.any(Number),
      real_agencies: 0,
      real_routines: 0,
      unmarked_terms: 0,
    });
    expect(row.contacts).toBeGreaterThan(50);
    const emails: { email: string }[] = await app.ds.query(`SELECT email FROM contact_person`);
    for (const { email } of emails) expect(email).toMatch(/@[a-z0-9-]+\.kommune\.example$/);
  });

  it('is idempotent: a second run adds nothing, keeps the ids and leaves user edits alone', async () => {
    const before = await app.ds.query(`SELECT id, name FROM crisis_centre ORDER BY name`);
    const contactsBefore = await app.ds.query(`SELECT count(*)::int AS n FROM contact_person`);
    await app.ds.query(`UPDATE agreement SET notice_months = 9 WHERE seed_key = 'agreement:Krisesenteret i Salten'`);
    await app.ds.query(
      `DELETE FROM routine_step WHERE routine_id IN (SELECT id FROM handover_routine WHERE kommunenummer = '1841')`,
    );
    await app.ds.query(`DELETE FROM handover_routine WHERE kommunenummer = '1841'`);
    const second = await seed(app.ds, DATA_DIR);
    expect(second.records).toBeNull();
    expect(await counts(app)).toMatchObject({ municipalities: 357, centres: 46, memberships: 44, agreements: 5 });
    expect(await app.ds.query(`SELECT id, name FROM crisis_centre ORDER BY name`)).toEqual(before);
    expect(await app.ds.query(`SELECT count(*)::int AS n FROM contact_person`)).toEqual(contactsBefore);
    const [salten] = await app.ds.query(
      `SELECT notice_months FROM agreement WHERE seed_key = 'agreement:Krisesenteret i Salten'`,
    );
    expect(salten.notice_months).toBe(9);
    const [{ n }] = await app.ds.query(`SELECT count(*)::int AS n FROM handover_routine WHERE kommunenummer = '1841'`);
    expect(n).toBe(0); // a deleted example does not come back
  });

  it.each([
    [',187,', /krisesenter-samarbeid-eksempler\.csv, line 6: Kommunenummer må være nøyaktig fire sifre/],
    [',1899,', /krisesenter-samarbeid-eksempler\.csv, line 6: kommunenummer 1899 is not a municipality/],
  ])('refuses a membership file with %p in it, names the line and writes nothing', async (replacement, message) => {
    const fresh = await createTestApp({ seed: false, label: 'seedbad' });
    const dir = mkdtempSync(path.join(tmpdir(), 'samordna-data-'));
    try {
      cpSync(DATA_DIR, dir, { recursive: true });
      const file = path.join(dir, 'krisesenter-samarbeid-eksempler.csv');
      const lines = readFileSync(file, 'utf8').split('\n');
      expect(lines[5]).toContain(',1875,'); // Hamarøy
      lines[5] = lines[5].replace(',1875,', replacement);
      writeFileSync(file, lines.join('\n'));
      await expect(seed(fresh.ds, dir)).rejects.toThrow(message);
      expect(await counts(fresh)).toMatchObject({
        counties: 0,
        municipalities: 0,
        centres: 0,
        memberships: 0,
        agreements: 0,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await fresh.close();
    }
  });
});
