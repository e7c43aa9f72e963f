import { prepareDatabase } from '../../src/database/runtime';
import { seed } from '../../src/database/seeds/seed';
import { createTestApp, DATA_DIR, type TestApp } from '../utils/test-app';

/**
 * Start-up trusts stable keys, never names (issue 19): the seed finds the real records by the seed keys
 * made from the data file, and never re-creates a real record a user deleted.
 */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ label: 'seedkeys' });
});
afterAll(async () => app?.close());

const one = async (sql: string, params: unknown[] = []) => (await app.ds.query(sql, params))[0];
/** What `pnpm start` does with the database before it serves: migrate, seed, housekeeping. */
async function restart() {
  const prepared = await prepareDatabase(app.db.url, { seed: true, dataFilesDir: DATA_DIR });
  await prepared.dataSource.destroy();
}

it('a renamed real centre keeps its name, agreement and parties through a restart', async () => {
  const helgeland = await one(`SELECT id, version FROM crisis_centre WHERE seed_key = 'centre:Helgeland krisesenter'`);
  const renamed = await app.gql(
    `mutation($id: ID!) { updateCrisisCentre(id: $id, input: { name: "Helgeland krisesenter IKS" }) { name } }`,
    { id: helgeland.id },
  );
  expect(renamed.errors).toBeUndefined();
  const centres = (await one(`SELECT count(*)::int AS n FROM crisis_centre`)).n;
  const before = await app.ds.query(
    `SELECT c.id, c.name, a.id AS agreement, count(p.id)::int AS parties FROM crisis_centre c JOIN agreement a ON a.centre_id = c.id JOIN agreement_party p ON p.agreement_id = a.id GROUP BY c.id, a.id ORDER BY c.id, a.id`,
  );

  await restart();
  await seed(app.ds, DATA_DIR); // and once more: nothing changes

  expect(
    await app.ds.query(
      `SELECT c.id, c.name, a.id AS agreement, count(p.id)::int AS parties FROM crisis_centre c JOIN agreement a ON a.centre_id = c.id JOIN agreement_party p ON p.agreement_id = a.id GROUP BY c.id, a.id ORDER BY c.id, a.id`,
    ),
  ).toEqual(before);
  expect((await one(`SELECT name FROM crisis_centre WHERE id = $1`, [helgeland.id])).name).toBe(
    'Helgeland krisesenter IKS',
  );
  // No centre added under its old name (the five real ones and the national register's, 46 in all).
  expect((await one(`SELECT count(*)::int AS n FROM crisis_centre`)).n).toBe(centres);
});

it('a real agreement a user deleted (with its parties) is not re-created by a restart', async () => {
  const honefoss = await one(`SELECT id FROM agreement WHERE seed_key = 'agreement:Krisesenteret i Hønefoss'`);
  const deleted = await app.gql(`mutation($id: ID!) { deleteAgreement(id: $id) }`, { id: honefoss.id });
  expect(deleted.errors).toBeUndefined();

  await restart();

  expect(
    (
      await one(
        `SELECT count(*)::int AS n FROM agreement WHERE centre_id = (SELECT id FROM crisis_centre WHERE seed_key = 'centre:Krisesenteret i Hønefoss')`,
      )
    ).n,
  ).toBe(0);
  expect(
    (await one(`SELECT count(*)::int AS n FROM agreement_party WHERE seed_key LIKE 'party:Krisesenteret i Hønefoss:%'`))
      .n,
  ).toBe(0);
  // The other real agreements are all still there.
  expect(
    (
      await one(
        `SELECT count(*)::int AS n FROM agreement WHERE seed_key LIKE 'agreement:%' AND seed_key NOT LIKE '%:2011'`,
      )
    ).n,
  ).toBe(4);
});

it('a real party removed from an agreement, and a real centre deleted, stay removed', async () => {
  const fauske = await one(
    `SELECT id FROM agreement_party WHERE seed_key = 'party:Krisesenteret i Salten:1841:partner'`,
  );
  await app.ds.query(`DELETE FROM agreement_party WHERE id = $1`, [fauske.id]);
  // A centre can be deleted once nothing uses it (Hønefoss: its agreement is gone above).
  const honefoss = await one(`SELECT id FROM crisis_centre WHERE seed_key = 'centre:Krisesenteret i Hønefoss'`);
  const centres = (await one(`SELECT count(*)::int AS n FROM crisis_centre`)).n;
  await app.ds.query(`DELETE FROM handover_routine WHERE centre_id = $1`, [honefoss.id]);
  const deleted = await app.gql(`mutation($id: ID!) { deleteCrisisCentre(id: $id) }`, { id: honefoss.id });
  expect(deleted.errors).toBeUndefined();

  await restart();

  expect(
    (
      await one(
        `SELECT count(*)::int AS n FROM agreement_party WHERE seed_key = 'party:Krisesenteret i Salten:1841:partner'`,
      )
    ).n,
  ).toBe(0);
  expect(
    (await one(`SELECT count(*)::int AS n FROM crisis_centre WHERE seed_key = 'centre:Krisesenteret i Hønefoss'`)).n,
  ).toBe(0);
  expect((await one(`SELECT count(*)::int AS n FROM crisis_centre`)).n).toBe(centres - 1);
});
