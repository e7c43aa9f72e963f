import { LIMITS } from '../../src/app/limits';
import { createTestApp, type TestApp } from '../utils/test-app';

/**
 * The number of SQL statements a nested list query sends must not grow with the number of
 * rows: per-request DataLoaders batch every level into one statement.
 */
const QUERIES: Record<string, string> = {
  centres: `{ crisisCentres(limit: 500) { items {
    name host { name county { name } population { population } }
    members { role municipality { name county { name } population { population } centreMemberships { role } } centre { name } }
    agreements { title parties { role } } routines { status } } } }`,
  counties: `{ counties { name municipalities { name population { population } centreMemberships { role } } } }`,
  municipalities: `{ municipalities { name county { name } population { population } centreMemberships { centre { name host { name } } }
    agencies { kind contacts { name } } handoverRoutines { status } } }`,
  agreements: `{ agreements(limit: 500) { totalCount items { title status deadline { kind noticeDeadline daysLeft }
    checklistCompleteness { covered } centre { name host { name } } supersedes { title } supersededBy { title }
    parties { role isCurrent municipality { name county { name } } } } } }`,
  soonDeadlines: `{ agreements(filter: { deadlineWithinDays: 3650 }, limit: 500) { totalCount items { title centre { name } parties { role } } } }`,
  contacts: `{ contacts(limit: 500) { totalCount items { name stale agency { kind name municipality { name } contacts { name } } } } }`,
  agencies: `{ agencies(limit: 500) { totalCount items { name municipality { name } contacts { name stale } } } }`,
  coverage: `{ coverageOverview { rows { municipality { name } codes worstSeverity } byCentre { label } } }`,
  costs: `{ municipalityCosts(kommunenummer: "1841", fromYear: 2020, toYear: 2027) { years { totalOre } gaps } }`,
  routines: `{ handoverRoutines(limit: 500) { totalCount items { status centre { name } municipality { name }
    steps { title contact { name agency { name } } } } } }`,
};

let app: TestApp;
// These queries are built to reach every loader at once, far over the cost limit by the bounds of
// their lists (limits.integration-spec.ts tests the limit); here only the statement count matters.
const maxCost = LIMITS.maxCost;
beforeAll(async () => {
  LIMITS.maxCost = Number.MAX_SAFE_INTEGER;
  app = await createTestApp({ label: 'loaders' });
});
afterAll(() => {
  LIMITS.maxCost = maxCost;
  return app?.close();
});

async function statementsFor(query: string): Promise<number> {
  app.sql.reset();
  const r = await app.gql(query);
  expect(r.errors).toBeUndefined();
  return app.sql.count;
}

async function tenTimesTheData() {
  // 45 more (example) centres, each with an active agreement of 10 parties, agencies with
  // contacts in those municipalities, and a routine with template steps per centre.
  await app.ds.query(`
    INSERT INTO crisis_centre (name, host_kommunenummer, is_example)
    SELECT 'Eksempelsenter ' || g, m.kommunenummer, true
    FROM generate_series(1, 45) g
    JOIN LATERAL (SELECT kommunenummer FROM municipality ORDER BY kommunenummer OFFSET g LIMIT 1) m ON true`);
  await app.ds.query(`
    INSERT INTO agreement (centre_id, title, status, notice_months, notice_runs_to, auto_renew, is_example)
    SELECT id, 'Eksempelavtale ' || name, 'ACTIVE', 6, 'CALENDAR_YEAR', true, true FROM crisis_centre WHERE is_example`);
  await app.ds.query(`
    INSERT INTO agreement_party (agreement_id, kommunenummer, role, is_example)
    SELECT a.id, m.kommunenummer, 'partner', true
    FROM agreement a JOIN crisis_centre c ON c.id = a.centre_id
    JOIN LATERAL (SELECT kommunenummer FROM municipality ORDER BY md5(kommunenummer || c.name) LIMIT 10) m ON true
    WHERE c.is_example`);
  await app.ds.query(`
    INSERT INTO agency (kommunenummer, kind, name, is_example)
    SELECT kommunenummer, 'NAV', 'NAV ' || name, true FROM municipality WHERE kommunenummer NOT IN (SELECT kommunenummer FROM agency WHERE kind = 'NAV')`);
  await app.ds.query(`
    INSERT INTO contact_person (agency_id, name, is_example) SELECT id, 'Kari Nordmann ' || kommunenummer, true FROM agency WHERE seed_key IS NULL`);
  await app.ds.query(`
    INSERT INTO handover_routine (centre_id, kommunenummer, status, is_example)
    SELECT id, host_kommunenummer, 'DRAFT', true FROM crisis_centre WHERE is_example`);
  await app.ds.query(`
    INSERT INTO routine_step (routine_id, position, kind, title, timing)
    SELECT r.id, g, 'OTHER', 'Steg ' || g, 'DURING_STAY' FROM handover_routine r, generate_series(0, 13) g WHERE r.is_example`);
}

/**
 * At most this many statements per query: about one per loader level of the tree. A loader
 * batches the loads of one tick, so when two branches reach the same loader at slightly
 * different moments (database timing) it may run twice; the ceiling allows for that, and it
 * does not depend on the number of rows.
 */
const CEILING: Record<string, number> = {
  centres: 13,
  counties: 5,
  municipalities: 10,
  agreements: 8,
  soonDeadlines: 5,
  contacts: 6,
  agencies: 5,
  routines: 8,
  // Computed (not kept): the rules' 7, and the data version read before and after (issue 15 cache).
  coverage: 9,
  // The cost facts loaded once per data version (13), and the version read before and after.
  costs: 15,
};

it('list queries send a bounded number of statements, the same bound at 10× the data', async () => {
  const small: Record<string, number> = {};
  for (const [name, q] of Object.entries(QUERIES)) small[name] = await statementsFor(q);
  for (const [name, n] of Object.entries(small)) expect([name, n <= CEILING[name]]).toEqual([name, true]);

  await tenTimesTheData();
  const [{ centres, parties, contacts }] = await app.ds
    .query(`SELECT (SELECT count(*) FROM crisis_centre)::int AS centres,
    (SELECT count(*) FROM agreement_party)::int AS parties, (SELECT count(*) FROM contact_person)::int AS contacts`);
  expect(centres).toBe(50 + 41); // and the 41 centres of data/national without an agreement
  expect(parties).toBeGreaterThanOrEqual(44 + 450);
  expect(contacts).toBeGreaterThan(357);

  const large: Record<string, number> = {};
  for (const [name, q] of Object.entries(QUERIES)) large[name] = await statementsFor(q);
  for (const [name, n] of Object.entries(large)) {
    expect([name, n <= CEILING[name]]).toEqual([name, true]);
    expect([name, Math.abs(n - small[name]) <= 1]).toEqual([name, true]);
  }
});
