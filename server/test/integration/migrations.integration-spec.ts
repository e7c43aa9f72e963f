import { createDataSource } from '../../src/database/data-source';
import { MIGRATIONS } from '../../src/database/migrations';
import { AuditParent1763790000000 } from '../../src/database/migrations/1763790000000-audit-parent';
import { IntegrityRaces1765400000000 } from '../../src/database/migrations/1765400000000-integrity-races';
import { createTestDatabase, type DatabaseStart } from '../utils/test-db';
import type { DataSource } from 'typeorm';

const TABLES = [
  'agency',
  'agreement',
  'agreement_amendment',
  'agreement_party',
  'amendment_approval',
  'app_user',
  'audit_log',
  'calendar_feed',
  'centre_budget',
  'contact_person',
  'county',
  'crisis_centre',
  'data_version',
  'documented_membership',
  'extra_charge',
  'handover_routine',
  'investment',
  'kostra_centre_figure',
  'kostra_national_average',
  'login_attempt',
  'login_challenge',
  'municipality',
  'municipality_population',
  'password_reset',
  'reminder_dispatch',
  'routine_step',
  'seed_state',
  'usage_stat',
  'user_invitation',
  'user_role',
  'user_session',
];

async function tables(ds: DataSource): Promise<string[]> {
  const rows: { table_name: string }[] = await ds.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations' ORDER BY 1`,
  );
  return rows.map((r) => r.table_name);
}

/** Each test has a database of its own, so any one of them can run alone (`-t`) or in any order. */
const open: { ds: DataSource; drop(): Promise<void> }[] = [];
async function database(start: DatabaseStart): Promise<DataSource> {
  const db = await createTestDatabase('migrations', start);
  const ds = createDataSource(db.url, { poolSize: 2 });
  await ds.initialize();
  open.push({ ds, drop: () => db.drop() });
  return ds;
}

/** The schema as the first `keep` migrations leave it: a migrated copy with the later ones undone. */
async function databaseAfter(keep: number): Promise<DataSource> {
  const ds = await database('migrated');
  for (let i = keep; i < MIGRATIONS.length; i++) await ds.undoLastMigration({ transaction: 'each' });
  return ds;
}

afterEach(async () => {
  for (const { ds, drop } of open.splice(0)) {
    await ds.destroy();
    await drop();
  }
});

describe('migrations', () => {
  it('run up, all the way down, and up again', async () => {
    const ds = await database('empty');
    const up = await ds.runMigrations({ transaction: 'each' });
    expect(up.map((m) => m.name)).toEqual(MIGRATIONS.map((M) => new M().name));
    expect(await tables(ds)).toEqual(TABLES);

    for (let i = 0; i < MIGRATIONS.length; i++) await ds.undoLastMigration({ transaction: 'each' });
    expect(await tables(ds)).toEqual([]);

    const again = await ds.runMigrations({ transaction: 'each' });
    expect(again).toHaveLength(MIGRATIONS.length);
    expect(await tables(ds)).toEqual(TABLES);
  });

  it('leave nothing for the entities to change (migrations and entities agree)', async () => {
    const ds = await database('migrated');
    const pending = await ds.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('move the documented memberships into agreements and back (data survives up and down)', async () => {
    const ds = await databaseAfter(1); // the foundation schema
    await ds.query(`INSERT INTO county (number, name) VALUES ('18', 'Nordland')`);
    await ds.query(
      `INSERT INTO municipality (kommunenummer, name, county_number) VALUES ('1804', 'Bodø', '18'), ('1841', 'Fauske', '18')`,
    );
    const [centre] = await ds.query(
      `INSERT INTO crisis_centre (name, host_kommunenummer, cooperation_form, source_url, source_as_of) VALUES ('Krisesenteret i Salten', '1804', 'vertskommunesamarbeid', 'https://example.org/s', '2022') RETURNING id`,
    );
    await ds.query(
      `INSERT INTO centre_membership (centre_id, kommunenummer, role, joined_on, source_url, source_as_of) VALUES ($1, '1804', 'host', NULL, 'https://example.org/s', '2022'), ($1, '1841', 'partner', '2016-09-01', 'https://example.org/f', '2016')`,
      [centre.id],
    );

    await ds.runMigrations({ transaction: 'each' });
    const parties = await ds.query(
      `SELECT a.title, a.status, a.seed_key AS agreement_key, p.kommunenummer, p.role, p.joined_on, p.source_url, p.seed_key
       FROM agreement a JOIN agreement_party p ON p.agreement_id = a.id ORDER BY p.kommunenummer`,
    );
    expect(parties).toEqual([
      expect.objectContaining({
        status: 'ACTIVE',
        agreement_key: 'agreement:Krisesenteret i Salten',
        kommunenummer: '1804',
        role: 'host',
        joined_on: null,
        seed_key: 'party:Krisesenteret i Salten:1804:host',
      }),
      expect.objectContaining({
        kommunenummer: '1841',
        role: 'partner',
        joined_on: '2016-09-01',
        source_url: 'https://example.org/f',
      }),
    ]);

    for (let i = 1; i < MIGRATIONS.length; i++) await ds.undoLastMigration({ transaction: 'each' });
    const back = await ds.query(
      `SELECT kommunenummer, role, joined_on, source_url FROM centre_membership ORDER BY kommunenummer`,
    );
    expect(back).toEqual([
      { kommunenummer: '1804', role: 'host', joined_on: null, source_url: 'https://example.org/s' },
      { kommunenummer: '1841', role: 'partner', joined_on: '2016-09-01', source_url: 'https://example.org/f' },
    ]);
  });

  it('link existing audit entries of steps and parties to their routine or agreement, also for deleted ones', async () => {
    const ds = await databaseAfter(MIGRATIONS.indexOf(AuditParent1763790000000));
    await ds.query(`INSERT INTO county (number, name) VALUES ('18', 'Nordland')`);
    await ds.query(`INSERT INTO municipality (kommunenummer, name, county_number) VALUES ('1804', 'Bodø', '18')`);
    const [centre] = await ds.query(
      `INSERT INTO crisis_centre (name, host_kommunenummer, cooperation_form) VALUES ('S', '1804', 'vertskommunesamarbeid') RETURNING id`,
    );
    const [routine] = await ds.query(
      `INSERT INTO handover_routine (centre_id, kommunenummer) VALUES ($1, '1804') RETURNING id`,
      [centre.id],
    );
    const [step] = await ds.query(
      `INSERT INTO routine_step (routine_id, position, kind, title, timing) VALUES ($1, 0, 'OTHER', 'Finne bolig', 'DURING_STAY') RETURNING id`,
      [routine.id],
    );
    const gone = '00000000-0000-4000-8000-00000000000a';
    await ds.query(
      `INSERT INTO audit_log (operation, entity, entity_id, changes) VALUES
        ('UPDATE', 'RoutineStep', $1, '{"timing": {"before": "ON_ARRIVAL", "after": "DURING_STAY"}}'),
        ('DELETE', 'RoutineStep', $2, $3::jsonb),
        ('UPDATE', 'Agreement', $4, '{}')`,
      [
        step.id,
        gone,
        JSON.stringify({
          routineId: { before: routine.id, after: null },
          title: { before: 'Skoleskyss', after: null },
        }),
        gone,
      ],
    );
    await ds.runMigrations({ transaction: 'each' });
    const rows = await ds.query(
      `SELECT entity, entity_id, parent_entity, parent_id, part_label FROM audit_log ORDER BY id`,
    );
    expect(rows).toEqual([
      {
        entity: 'RoutineStep',
        entity_id: step.id,
        parent_entity: 'HandoverRoutine',
        parent_id: routine.id,
        part_label: 'Finne bolig',
      },
      {
        entity: 'RoutineStep',
        entity_id: gone,
        parent_entity: 'HandoverRoutine',
        parent_id: routine.id,
        part_label: 'Skoleskyss',
      },
      { entity: 'Agreement', entity_id: gone, parent_entity: null, parent_id: null, part_label: null },
    ]);
  });

  it('make existing duplicates safe before the integrity indexes (names differing in case, two contact points), and ledger the real records', async () => {
    const ds = await databaseAfter(MIGRATIONS.indexOf(IntegrityRaces1765400000000));
    await ds.query(`INSERT INTO county (number, name) VALUES ('18', 'Nordland')`);
    await ds.query(`INSERT INTO municipality (kommunenummer, name, county_number) VALUES ('1804', 'Bodø', '18')`);
    const centres = await ds.query(
      `INSERT INTO crisis_centre (name, host_kommunenummer, created_at, seed_key) VALUES ('Senteret', '1804', now() - interval '1 day', 'centre:Senteret'), ('SENTERET', '1804', now(), NULL) RETURNING id`,
    );
    await ds.query(`INSERT INTO agreement (centre_id, title, seed_key) VALUES ($1, 'Avtale', 'agreement:Senteret')`, [
      centres[0].id,
    ]);
    // A real centre whose agreement a user deleted before this migration: the agreement is ledgered too.
    await ds.query(
      `INSERT INTO crisis_centre (name, host_kommunenummer, created_at, seed_key) VALUES ('Annet', '1804', now() - interval '2 days', 'centre:Annet')`,
    );
    const [agency] = await ds.query(
      `INSERT INTO agency (kommunenummer, kind, name) VALUES ('1804', 'NAV', 'NAV Bodø') RETURNING id`,
    );
    const [older, newer] = await ds.query(
      `INSERT INTO contact_person (agency_id, name, is_contact_point, updated_at) VALUES ($1, 'Kari', true, now() - interval '1 day'), ($1, 'Ola', true, now()) RETURNING id`,
      [agency.id],
    );
    await ds.runMigrations({ transaction: 'each' });
    expect(
      (await ds.query(`SELECT name FROM crisis_centre ORDER BY created_at`)).map((r: { name: string }) => r.name),
    ).toEqual(['Annet', 'Senteret', `SENTERET (${centres[1].id.slice(0, 8)})`]);
    expect(await ds.query(`SELECT id, kommunenummer, is_contact_point FROM contact_person ORDER BY name`)).toEqual([
      { id: older.id, kommunenummer: '1804', is_contact_point: false },
      { id: newer.id, kommunenummer: '1804', is_contact_point: true },
    ]);
    expect((await ds.query(`SELECT key FROM seed_state ORDER BY key`)).map((r: { key: string }) => r.key)).toEqual([
      'ref:agreement:Annet',
      'ref:agreement:Senteret',
      'ref:centre:Annet',
      'ref:centre:Senteret',
    ]);
    await expect(
      ds.query(`INSERT INTO crisis_centre (name, host_kommunenummer) VALUES ('senteret', '1804')`),
    ).rejects.toThrow(/UQ_crisis_centre_name_ci/);
  });

  it('refuse a kommunenummer that is not four digits, or not in its county', async () => {
    const ds = await database('migrated');
    await ds.query(`INSERT INTO county (number, name) VALUES ('18', 'Nordland')`);
    await expect(
      ds.query(`INSERT INTO municipality (kommunenummer, name, county_number) VALUES ('184', 'X', '18')`),
    ).rejects.toThrow(/CHK_municipality_kommunenummer/);
    await expect(
      ds.query(`INSERT INTO municipality (kommunenummer, name, county_number) VALUES ('0301', 'Oslo', '18')`),
    ).rejects.toThrow(/CHK_municipality_kommunenummer/);
  });
});
