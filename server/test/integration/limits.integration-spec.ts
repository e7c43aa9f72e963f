import { LIMITS } from '../../src/app/limits';
import { createTestApp, type TestApp } from '../utils/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ label: 'limits', seed: false });
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
  const r = await app.gql(`{ crisisCentres(limit: 500) { items { agreements { parties { municipality { agencies { contacts { name } } } } } } } }`);
  expect(code(r)).toBe('QUERY_TOO_COMPLEX');
  expect(r.errors![0].extensions!.maxCost).toBe(LIMITS.maxCost);
});

it('lets ordinary dashboard queries through', async () => {
  const r = await app.gql(`{ coverageOverview { rows { municipality { kommunenummer name county { name } } status worstSeverity critical warning info codes } } }`);
  expect(r.errors).toBeUndefined();
});
