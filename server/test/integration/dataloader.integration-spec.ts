import { createTestApp, type TestApp } from '../utils/test-app';

/**
 * The number of SQL statements a nested list query sends must not grow with the number of
 * rows: per-request DataLoaders batch every level into one statement.
 */
const CENTRES_QUERY = `{
  crisisCentres {
    name
    host { name county { name } population { population } }
    members { role municipality { name county { name } population { population } centreMemberships { role } } centre { name } }
  }
}`;
const COUNTIES_QUERY = `{ counties { name municipalities { name population { population } centreMemberships { role } } } }`;
const MUNICIPALITIES_QUERY = `{ municipalities { name county { name } population { population } centreMemberships { centre { name host { name } } } } }`;

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ label: 'loaders' });
});
afterAll(() => app?.close());

async function statementsFor(query: string): Promise<number> {
  app.sql.reset();
  const r = await app.gql(query);
  expect(r.errors).toBeUndefined();
  return app.sql.count;
}

it('uses the same number of statements for 5 centres and for 50 centres with 10× the members', async () => {
  const queries = [CENTRES_QUERY, COUNTIES_QUERY, MUNICIPALITIES_QUERY];
  const small: number[] = [];
  for (const q of queries) small.push(await statementsFor(q));
  // About one statement per level of the tree, however many rows each level has.
  for (const n of small) expect(n).toBeLessThanOrEqual(10);

  // Ten times the data: 45 more (example) centres, each with 10 partners.
  await app.ds.query(`
    INSERT INTO crisis_centre (name, host_kommunenummer, is_example)
    SELECT 'Eksempelsenter ' || g, m.kommunenummer, true
    FROM generate_series(1, 45) g
    JOIN LATERAL (SELECT kommunenummer FROM municipality ORDER BY kommunenummer OFFSET g LIMIT 1) m ON true`);
  await app.ds.query(`
    INSERT INTO centre_membership (centre_id, kommunenummer, role, source_url, source_as_of, is_example)
    SELECT c.id, m.kommunenummer, 'partner', 'https://example.org/demo', 'eksempel', true
    FROM crisis_centre c
    JOIN LATERAL (SELECT kommunenummer FROM municipality ORDER BY md5(kommunenummer || c.name) LIMIT 10) m ON true
    WHERE c.is_example`);
  const [{ n }] = await app.ds.query(`SELECT count(*)::int AS n FROM centre_membership`);
  expect(n).toBe(44 + 450);

  const large: number[] = [];
  for (const q of queries) large.push(await statementsFor(q));
  expect(large).toEqual(small);
});
