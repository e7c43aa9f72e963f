import fc from 'fast-check';
import { parse } from 'graphql';
import { estimateCost, LIMITS, LIST_BOUNDS } from '../../src/app/limits';
import { buildAppSchema } from '../../src/wiring/schema';
import { createTestApp, type TestApp } from '../utils/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ label: 'limits' });
});
afterAll(() => app?.close());

const code = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions?.code;

it(`refuses a query deeper than ${LIMITS.maxDepth} levels`, async () => {
  const deep = `{ crisisCentres { items { agreements { parties { centre { agreements { parties { municipality { county { municipalities { name } } } } } } } } } } }`;
  const r = await app.gql(deep);
  expect(code(r)).toBe('GRAPHQL_VALIDATION_FAILED');
  expect(r.errors![0].message).toMatch(/depth/i);
});

it(`refuses more than ${LIMITS.maxAliases} aliases`, async () => {
  const aliases = Array.from({ length: LIMITS.maxAliases + 1 }, (_, i) => `a${i}: counties { name }`).join(' ');
  const r = await app.gql(`{ ${aliases} }`);
  expect(code(r)).toBe('GRAPHQL_VALIDATION_FAILED');
  expect(r.errors![0].message).toMatch(/alias/i);
});

it('refuses an expensive query by its list multipliers, and names the cost', async () => {
  const r = await app.gql(
    `{ crisisCentres(limit: 500) { items { agreements { parties { municipality { agencies { contacts { name } } } } } } } }`,
  );
  expect(code(r)).toBe('QUERY_TOO_COMPLEX');
  expect(r.errors![0].extensions!.maxCost).toBe(LIMITS.maxCost);
});

it('lets ordinary dashboard queries through', async () => {
  const r = await app.gql(
    `{ coverageOverview { rows { municipality { kommunenummer name county { name } } status worstSeverity critical warning info codes } } }`,
  );
  expect(r.errors).toBeUndefined();
});

describe('the cost multiplies through every level by the real bound', () => {
  const NESTED = `{ contacts(limit: 500) { items { agency { contacts { agency { contacts { id } } } } } } }`;

  it('refuses the nested contacts query of issue 19 before it runs', async () => {
    app.sql.reset();
    const r = await app.gql(NESTED);
    expect(code(r)).toBe('QUERY_TOO_COMPLEX');
    expect(r.data ?? null).toBeNull();
    expect(app.sql.count).toBe(0);
  });

  it('counts a paged field by its limit: limit 1 costs less than limit 500', async () => {
    const schema = await buildAppSchema();
    const cost = (limit: number) =>
      estimateCost(schema, parse(`{ contacts(limit: ${limit}) { items { id name agency { name } } } }`), {});
    expect(cost(1)).toBeLessThan(cost(50));
    expect(cost(50)).toBeLessThan(cost(500));
    expect(cost(500)).toBeGreaterThanOrEqual(500 * 3);
    // A limit given as a variable counts the same; no limit counts the default page size.
    const byVariable = estimateCost(schema, parse(`query($n: Int) { contacts(limit: $n) { items { id } } }`), {
      n: 400,
    });
    expect(byVariable).toBeGreaterThanOrEqual(400);
    expect(estimateCost(schema, parse(`{ contacts { items { id } } }`), {})).toBeGreaterThanOrEqual(
      LIMITS.defaultPageSize,
    );
  });

  // A walk through the object graph: each step a single object (×1) or an unpaged list (×its bound).
  const EDGES: Record<string, [field: string, to: string][]> = {
    ContactPerson: [['agency', 'Agency']],
    Agency: [
      ['contacts', 'ContactPerson'],
      ['municipality', 'Municipality'],
    ],
    Municipality: [
      ['agencies', 'Agency'],
      ['centreMemberships', 'AgreementParty'],
      ['county', 'County'],
      ['handoverRoutines', 'HandoverRoutine'],
    ],
    County: [['municipalities', 'Municipality']],
    CrisisCentre: [
      ['agreements', 'Agreement'],
      ['host', 'Municipality'],
      ['members', 'AgreementParty'],
      ['routines', 'HandoverRoutine'],
    ],
    Agreement: [
      ['centre', 'CrisisCentre'],
      ['parties', 'AgreementParty'],
      ['supersededBy', 'Agreement'],
    ],
    AgreementParty: [
      ['agreement', 'Agreement'],
      ['centre', 'CrisisCentre'],
      ['municipality', 'Municipality'],
    ],
    HandoverRoutine: [
      ['centre', 'CrisisCentre'],
      ['municipality', 'Municipality'],
    ],
  };
  const LEAF: Record<string, string> = { Municipality: 'kommunenummer', County: 'number' };
  const ROOTS: [string, string][] = [
    ['contacts', 'ContactPerson'],
    ['agencies', 'Agency'],
    ['crisisCentres', 'CrisisCentre'],
    ['agreements', 'Agreement'],
    ['handoverRoutines', 'HandoverRoutine'],
  ];

  it('refuses every generated nesting whose product of bounds is over the limit, before it runs', async () => {
    const schema = await buildAppSchema();
    const walk = fc.record({
      root: fc.constantFrom(...ROOTS),
      limit: fc.integer({ min: 1, max: LIMITS.maxPageSize }),
      steps: fc.array(fc.nat(), { minLength: 1, maxLength: 7 }),
    });
    await fc.assert(
      fc.asyncProperty(walk, async ({ root, limit, steps }) => {
        let type = root[1];
        let product = limit;
        const path: string[] = [];
        for (const s of steps) {
          const [field, to] = EDGES[type][s % EDGES[type].length];
          product *= LIST_BOUNDS[`${type}.${field}`] ?? 1;
          path.push(field);
          type = to;
        }
        const query = `{ ${root[0]}(limit: ${limit}) { items { ${path.map((f) => `${f} {`).join(' ')} ${LEAF[type] ?? 'id'} ${'}'.repeat(path.length)} } } }`;
        // The estimate is never below the product of the bounds, so what is over the limit is refused.
        expect(estimateCost(schema, parse(query), {})).toBeGreaterThanOrEqual(product);
        if (product > LIMITS.maxCost) {
          app.sql.reset();
          const r = await app.gql(query);
          expect([['QUERY_TOO_COMPLEX'], ['GRAPHQL_VALIDATION_FAILED']]).toContainEqual([code(r)]);
          expect(r.data ?? null).toBeNull();
          expect(app.sql.count).toBe(0);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('a budget per request for what is resolved', () => {
  const saved = { ...LIMITS };
  afterEach(() => Object.assign(LIMITS, saved));

  it('stops resolving after maxResolvedFields and answers RESPONSE_TOO_LARGE without data', async () => {
    LIMITS.maxResolvedFields = 100;
    const r = await app.gql(`{ municipalities { kommunenummer name } }`);
    expect(r.data ?? null).toBeNull();
    expect(r.errors).toHaveLength(1);
    expect(code(r)).toBe('RESPONSE_TOO_LARGE');
  });

  it('refuses a response over maxResponseBytes with RESPONSE_TOO_LARGE', async () => {
    LIMITS.maxResponseBytes = 1000;
    const r = await app.gql(`{ municipalities { kommunenummer name } }`);
    expect(r.data ?? null).toBeNull();
    expect(code(r)).toBe('RESPONSE_TOO_LARGE');
  });

  it('stops a request that runs past maxExecutionMs with QUERY_TIMEOUT', async () => {
    LIMITS.maxExecutionMs = -1;
    const r = await app.gql(`{ municipalities { kommunenummer name } }`);
    expect(r.data ?? null).toBeNull();
    expect(r.errors).toHaveLength(1);
    expect(code(r)).toBe('QUERY_TIMEOUT');
  });

  it('lets the same query through within the budget', async () => {
    const r = await app.gql(`{ municipalities { kommunenummer name } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data!.municipalities.length).toBeGreaterThan(300);
  });
});

describe('paging with ties in the sort key neither repeats nor skips rows', () => {
  beforeAll(async () => {
    // 40 centres, each with a routine for Bodø: every routine ties on the municipality's name.
    await app.ds.query(
      `INSERT INTO crisis_centre (name, host_kommunenummer, is_example) SELECT 'Tiesenter ' || g, '1804', true FROM generate_series(1, 40) g`,
    );
    await app.ds.query(
      `INSERT INTO handover_routine (centre_id, kommunenummer, status, is_example) SELECT id, '1804', 'DRAFT', true FROM crisis_centre WHERE name LIKE 'Tiesenter %'`,
    );
    // 30 agencies of one kind and one name in Fauske, and 30 contacts of one name in one of them.
    await app.ds.query(
      `INSERT INTO agency (kommunenummer, kind, name, is_example) SELECT '1841', 'NAV', 'NAV Likt', true FROM generate_series(1, 30)`,
    );
    await app.ds.query(
      `INSERT INTO contact_person (agency_id, name, is_example) SELECT (SELECT id FROM agency WHERE name = 'NAV Likt' LIMIT 1), 'Kari Likt', true FROM generate_series(1, 30)`,
    );
  });

  async function allPages(query: string, field: string, size: number): Promise<string[]> {
    const ids: string[] = [];
    for (let offset = 0; ; offset += size) {
      const r = await app.gql(query, { limit: size, offset });
      expect(r.errors).toBeUndefined();
      const page = r.data![field];
      ids.push(...page.items.map((x: { id: string }) => x.id));
      if (offset + size >= page.totalCount) {
        expect(ids).toHaveLength(page.totalCount);
        return ids;
      }
    }
  }

  it.each([
    [
      'handoverRoutines',
      `query($limit: Int, $offset: Int) { handoverRoutines(filter: { kommunenummer: "1804" }, limit: $limit, offset: $offset) { totalCount items { id } } }`,
    ],
    [
      'agencies',
      `query($limit: Int, $offset: Int) { agencies(filter: { kommunenummer: "1841" }, limit: $limit, offset: $offset) { totalCount items { id } } }`,
    ],
    [
      'contacts',
      `query($limit: Int, $offset: Int) { contacts(filter: { kommunenummer: "1841" }, limit: $limit, offset: $offset) { totalCount items { id } } }`,
    ],
    [
      'crisisCentres',
      `query($limit: Int, $offset: Int) { crisisCentres(limit: $limit, offset: $offset) { totalCount items { id } } }`,
    ],
    [
      'agreements',
      `query($limit: Int, $offset: Int) { agreements(limit: $limit, offset: $offset) { totalCount items { id } } }`,
    ],
  ])('%s: every row once over pages of 7', async (field, query) => {
    const ids = await allPages(query, field, 7);
    expect(new Set(ids).size).toBe(ids.length);
    const all = await allPages(query, field, LIMITS.maxPageSize);
    expect([...ids].sort()).toEqual([...all].sort());
  });
});

describe('data larger than the bounds the estimate assumes', () => {
  it('200 contacts in one agency: the nested query within the cost limit stops at the field budget, with a stable code', async () => {
    const [{ kommunenummer }] = await app.ds.query(
      `SELECT kommunenummer FROM municipality WHERE kommunenummer NOT IN (SELECT kommunenummer FROM agency) ORDER BY kommunenummer LIMIT 1`,
    );
    const [{ id }] = await app.ds.query(
      `INSERT INTO agency (kommunenummer, kind, name, is_example) VALUES ($1, 'POLICE', 'Stort politikontor', true) RETURNING id`,
      [kommunenummer],
    );
    await app.ds.query(
      `INSERT INTO contact_person (agency_id, name, is_example) SELECT $1, 'Kontakt ' || g, true FROM generate_series(1, 200) g`,
      [id],
    );
    const query = `query($k: String) { contacts(filter: { kommunenummer: $k }, limit: 10) { items { agency { contacts { agency { contacts { id } } } } } } }`;
    // The time budget is set aside so that only the field budget decides (no timing in tests), and
    // the field budget is a fifth of its size to keep the test short: the query would resolve about 400 000 fields.
    const saved = { ...LIMITS };
    Object.assign(LIMITS, { maxExecutionMs: 10 * 60_000, maxResolvedFields: 60_000 });
    const r = await app.gql(query, { k: kommunenummer }).finally(() => Object.assign(LIMITS, saved));
    expect(r.errors).toHaveLength(1);
    expect(code(r)).toBe('RESPONSE_TOO_LARGE');
    expect(r.data ?? null).toBeNull();
  });
});
