import { createDataSource } from '../../src/database/data-source';
import { MIGRATIONS } from '../../src/database/migrations';
import { createTestDatabase, type TestDatabase } from '../utils/test-db';
import type { DataSource } from 'typeorm';

const TABLES = ['centre_membership', 'county', 'crisis_centre', 'municipality', 'municipality_population'];

async function tables(ds: DataSource): Promise<string[]> {
  const rows: { table_name: string }[] = await ds.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations' ORDER BY 1`,
  );
  return rows.map((r) => r.table_name);
}

describe('migrations', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('migrations');
    ds = createDataSource(db.url);
    await ds.initialize();
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('run up, all the way down, and up again', async () => {
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
    const pending = await ds.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('refuse a kommunenummer that is not four digits, or not in its county', async () => {
    await ds.query(`INSERT INTO county (number, name) VALUES ('18', 'Nordland')`);
    await expect(
      ds.query(`INSERT INTO municipality (kommunenummer, name, county_number) VALUES ('184', 'X', '18')`),
    ).rejects.toThrow(/CHK_municipality_kommunenummer/);
    await expect(
      ds.query(`INSERT INTO municipality (kommunenummer, name, county_number) VALUES ('0301', 'Oslo', '18')`),
    ).rejects.toThrow(/CHK_municipality_kommunenummer/);
    await ds.query(`DELETE FROM county`);
  });
});
