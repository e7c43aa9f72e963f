import { seed } from '../../src/database/seeds/seed';
import { createTestApp, DATA_DIR, type TestApp } from '../utils/test-app';

const REFERENCE_TABLES = [
  'county',
  'municipality',
  'municipality_population',
  'crisis_centre',
  'agreement',
  'agreement_party',
  'kostra_national_average',
  'kostra_centre_figure',
];

/** Where every row of the reference tables lies: a rewritten row moves (a new tuple version). */
async function rowVersions(app: TestApp): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const t of REFERENCE_TABLES) {
    const rows: { v: string }[] = await app.ds.query(
      `SELECT ctid::text || ':' || xmin::text AS v FROM "${t}" ORDER BY 1`,
    );
    out[t] = rows.map((r) => r.v).join(',');
  }
  return out;
}

describe('seed writes in few statements', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ seed: false, label: 'seedwrites' });
  });
  afterAll(() => app?.close());

  it('seeds a new database in a few dozen statements, not one per row', async () => {
    app.sql.reset();
    const summary = await seed(app.ds, DATA_DIR);
    expect(summary.records).toMatchObject({ agencies: 95, contacts: 95, routines: 4, budgets: 30 });
    // A few batched statements per table (the national register and the seed ledger add about ten), never one per row.
    expect(app.sql.count).toBeLessThan(60);
    const [{ steps }] = await app.ds.query(`SELECT count(*)::int AS steps FROM routine_step`);
    expect(steps).toBe(4 * 22); // four example routines from the 22-step template
  });

  it('a second run with the same files rewrites no reference row', async () => {
    const before = await rowVersions(app);
    await seed(app.ds, DATA_DIR);
    expect(await rowVersions(app)).toEqual(before);
  });

  it('reports the cost examples of a run on their own, counting only the budgets it added', async () => {
    await app.ds.query(`DELETE FROM seed_state WHERE key = 'records-v2-cost'`);
    const again = await seed(app.ds, DATA_DIR);
    expect(again.records).toEqual({ budgets: 0 });
  });
});
