import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import type { DataSource } from 'typeorm';
import type { HttpTestApp } from './http-app';

/**
 * Generated input for every mutation, sent over HTTP: valid values (real ids, dates, amounts) mixed
 * with every kind of bad input (wrong types, missing or null required values, NUL bytes, lone
 * surrogates, dates and amounts out of range, personal data in free text, over-long text).
 * Each call is checked: never a 5xx, never INTERNAL_SERVER_ERROR, every error a stable code (input
 * errors with their field), and a failed call leaves the row counts and the audit counts as they were.
 */

/** The codes a client may see (errors.ts, limits.ts, http.ts). */
export const STABLE_CODES = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'TOO_MANY_ATTEMPTS',
  'PERSONAL_DATA_IN_FREE_TEXT',
  'TOTP_REQUIRED',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'QUERY_TOO_COMPLEX',
  'RESPONSE_TOO_LARGE',
  'QUERY_TIMEOUT',
  'BAD_REQUEST',
  'MALFORMED_JSON',
  'PAYLOAD_TOO_LARGE',
]);
const INPUT_CODES = new Set(['BAD_USER_INPUT', 'PERSONAL_DATA_IN_FREE_TEXT']);

/** Auth state a failed call may write by design: a failed sign-in is counted, a challenge issued. */
const AUTH_STATE = new Set(['user_session', 'login_attempt', 'login_challenge', 'migrations', 'typeorm_metadata']);

export interface FuzzIds {
  [pool: string]: string[];
}

export interface FuzzCase {
  mutation: string;
  variables: Record<string, unknown>;
}

export interface FuzzResult {
  cases: number;
  ok: number;
  /** Answers with errors, by code. */
  codes: Record<string, number>;
  calls: Record<string, number>;
  serverErrors: { case: FuzzCase; status: number; body: string }[];
  internalErrors: { case: FuzzCase; body: string }[];
  unstableErrors: { case: FuzzCase; error: unknown }[];
  partialWrites: { case: FuzzCase; before: Record<string, number>; after: Record<string, number> }[];
  ms: number;
}

const HOSTILE_TEXT = [
  'NUL\u0000byte',
  '\u0000',
  'lone \ud800 high',
  '\udfff lone low',
  'x'.repeat(20_000),
  '',
  '   ',
  '01010112345 Kari',
  '=HYPERLINK("http://x")',
  "'; DROP TABLE agreement; --",
  '9999-12-31',
  '0999-10-01',
  '0001-01-01',
  'Storgata 1, 0155 Oslo',
  'kari@example.com',
  '🏠 Hus',
  '\u202eRTL',
];
const PLAIN_TEXT = ['Test', 'Krisesenteret i Test', 'Rådgiver', 'Notat om rutinen', 'NAV Bodø', 'Steg'];
const DATES = [
  '2026-01-01',
  '2026-06-30',
  '2024-02-29',
  '1900-01-01',
  '2200-12-31',
  '9999-12-31',
  '0999-10-01',
  '0001-01-01',
  '2026-02-30',
  '26-1-1',
  'i morgen',
];
const KOMMUNER = ['1804', '1841', '1806', '0301', '3201', '1899', '0000', '18', 'abcd'];
const EMAILS = ['admin@samordna.example', 'ny.bruker@bodo.kommune.no', 'ikke-epost', 'a@b'];
const PHONES = ['91234567', '+47 75 55 50 00', '123', 'telefon'];
const INTS = [0, 1, -1, 2, 6, 12, 60, 2025, 2026, 2031, 10_000, 10_001, 2_147_483_647, -2_147_483_648];
const FLOATS = [0, 1, 4500, 123_456_00, -1, 1.5, 1e12, 1e12 + 1, Number.MAX_SAFE_INTEGER, 1e20];
const WRONG_TYPES: unknown[] = ['feil', 17, 2.5, true, {}, [], { nested: 'x' }, 2_147_483_648];

/** Which pool of real ids an argument named like this takes. */
function poolFor(name: string): string {
  const n = name.toLowerCase();
  for (const [hint, pool] of [
    ['amendment', 'amendment'],
    ['approval', 'amendment'],
    ['party', 'party'],
    ['agreement', 'agreement'],
    ['centre', 'centre'],
    ['step', 'step'],
    ['routine', 'routine'],
    ['agency', 'agency'],
    ['contact', 'contact'],
    ['ids', 'contact'],
    ['charge', 'charge'],
    ['investment', 'investment'],
    ['invitation', 'invitation'],
    ['session', 'session'],
    ['user', 'user'],
  ] as const) {
    if (n.includes(hint)) return pool;
  }
  return 'any';
}

function stringFor(name: string, hostileToo: boolean): fc.Arbitrary<string> {
  const n = name.toLowerCase();
  const hostile = fc.constantFrom(...HOSTILE_TEXT);
  let good: fc.Arbitrary<string>;
  if (n.includes('kommunenummer') || n === 'joining' || n === 'leaving' || n.endsWith('municipalities'))
    good = fc.constantFrom(...(hostileToo ? KOMMUNER : KOMMUNER.slice(0, 5)));
  else if (/(on|date|from|to|asof)$/.test(n)) good = fc.constantFrom(...(hostileToo ? DATES : DATES.slice(0, 5)));
  else if (n.includes('email')) good = fc.constantFrom(...EMAILS);
  else if (n.includes('phone')) good = fc.constantFrom(...PHONES);
  else if (n.includes('password'))
    good = fc.constantFrom('demo-admin-2026', 'kort', 'et langt og godt passord for fuzz 2026');
  else if (n.includes('code') || n.includes('token') || n.includes('challenge') || n.includes('secret'))
    good = fc.constantFrom('123456', 'abc', '');
  else
    good = hostileToo
      ? fc.oneof(fc.constantFrom(...PLAIN_TEXT), fc.string({ maxLength: 40 }))
      : fc.constantFrom(...PLAIN_TEXT);
  if (!hostileToo) return good;
  return fc.oneof(
    { weight: 3, arbitrary: good },
    { weight: 1, arbitrary: hostile },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  );
}

function scalarFor(typeName: string, name: string, ids: FuzzIds, h: boolean): fc.Arbitrary<unknown> {
  switch (typeName) {
    case 'ID': {
      const pool = ids[poolFor(name)]?.length ? ids[poolFor(name)] : ids.any;
      if (!h) return fc.constantFrom(...pool);
      return fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...pool) },
        { weight: 1, arbitrary: fc.uuid() },
        { weight: 1, arbitrary: fc.constantFrom('not-an-id', '', '00000000-0000-0000-0000-000000000000', 'x\u0000') },
      );
    }
    case 'Int':
      return fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...INTS) },
        { weight: 1, arbitrary: fc.integer({ min: -100, max: 100 }) },
      );
    case 'Float':
      return fc.constantFrom(...FLOATS);
    case 'Boolean':
      return fc.boolean();
    case 'String':
      return stringFor(name, h);
    case 'JSON':
    case 'JSONObject':
      return fc.constantFrom({}, { a: 1 }, { 'k\u0000': 'v' }, { v: '\ud800' });
    case 'DateTimeISO':
      return fc.constantFrom('2026-01-01T00:00:00Z', 'igår', '9999-12-31T23:59:59Z');
    default:
      return fc.string({ maxLength: 10 });
  }
}

/**
 * A value for a variable of `type`. Clean (h false): the right type, realistic values. Hostile (h
 * true): sometimes null, missing or of a wrong type, and hostile text, dates and amounts.
 */
function valueFor(
  type: GraphQLInputType,
  name: string,
  ids: FuzzIds,
  depth: number,
  h: boolean,
): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) {
    const inner = valueFor(type.ofType, name, ids, depth, h);
    return h ? fc.oneof({ weight: 30, arbitrary: inner }, { weight: 1, arbitrary: fc.constant(null) }) : inner;
  }
  const inner = innerValue(type, name, ids, depth, h);
  if (!h) return fc.oneof({ weight: 3, arbitrary: inner }, { weight: 1, arbitrary: fc.constant(undefined) });
  return fc.oneof(
    { weight: 8, arbitrary: inner },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 2, arbitrary: fc.constant(undefined) },
  );
}

function innerValue(
  type: GraphQLInputType,
  name: string,
  ids: FuzzIds,
  depth: number,
  h: boolean,
): fc.Arbitrary<unknown> {
  const right = ((): fc.Arbitrary<unknown> => {
    if (isNonNullType(type)) return innerValue(type.ofType, name, ids, depth, h);
    if (isListType(type))
      return fc.array(valueFor(type.ofType, name, ids, depth + 1, h), { maxLength: depth > 2 ? 1 : 4 });
    if (isEnumType(type) && !h) return fc.constantFrom(...type.getValues().map((v) => v.value));
    if (isEnumType(type))
      return fc.oneof(
        { weight: 12, arbitrary: fc.constantFrom(...type.getValues().map((v) => v.value)) },
        { weight: 1, arbitrary: fc.constant('NO_SUCH_VALUE') },
      );
    if (isInputObjectType(type)) {
      const fields = Object.values(type.getFields());
      const shape: Record<string, fc.Arbitrary<unknown>> = {};
      for (const f of fields)
        shape[f.name] = depth > 3 ? fc.constant(undefined) : valueFor(f.type, f.name, ids, depth + 1, h);
      return fc.record(shape);
    }
    if (isScalarType(type)) return scalarFor(type.name, name, ids, h);
    return fc.constant(null);
  })();
  return h
    ? fc.oneof({ weight: 25, arbitrary: right }, { weight: 1, arbitrary: fc.constantFrom(...WRONG_TYPES) })
    : right;
}

function operationFor(field: GraphQLField<unknown, unknown>): string {
  const defs = field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const named = getNamedType(field.type);
  const selection = isObjectType(named) ? ' { __typename }' : '';
  return `mutation Fuzz${defs ? `(${defs})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection} }`;
}

/** Every mutation of the schema, each with an arbitrary of its variables: half clean, half hostile. */
export function caseArbitrary(schema: GraphQLSchema, ids: FuzzIds): fc.Arbitrary<FuzzCase> {
  const mutations = Object.values(schema.getMutationType()!.getFields());
  const variablesOf = (field: GraphQLField<unknown, unknown>, h: boolean) =>
    fc.record(
      Object.fromEntries(
        field.args.map((a) => [a.name, valueFor(a.type, a.name === 'id' ? field.name : a.name, ids, 0, h)]),
      ) as Record<string, fc.Arbitrary<unknown>>,
    );
  return fc.oneof(
    ...mutations.map((field) =>
      fc
        .oneof(variablesOf(field, false), variablesOf(field, true))
        .map((variables) => ({ mutation: field.name, variables })),
    ),
  );
}

/** Real ids to draw from, by kind (the administrator's own account is left out: disabling it ends the run). */
export async function idPools(ds: DataSource, adminEmail: string): Promise<FuzzIds> {
  const q = async (sql: string) => ((await ds.query(sql)) as { id: string }[]).map((r) => r.id);
  const pools: FuzzIds = {
    centre: await q(`SELECT id FROM crisis_centre ORDER BY id LIMIT 30`),
    agreement: await q(`SELECT id FROM agreement ORDER BY id LIMIT 30`),
    party: await q(`SELECT id FROM agreement_party ORDER BY id LIMIT 40`),
    amendment: await q(`SELECT id FROM agreement_amendment ORDER BY id LIMIT 20`),
    agency: await q(`SELECT id FROM agency ORDER BY id LIMIT 30`),
    contact: await q(`SELECT id FROM contact_person ORDER BY id LIMIT 30`),
    routine: await q(`SELECT id FROM handover_routine ORDER BY id LIMIT 20`),
    step: await q(`SELECT id FROM routine_step ORDER BY id LIMIT 30`),
    charge: await q(`SELECT id FROM extra_charge ORDER BY id LIMIT 20`),
    investment: await q(`SELECT id FROM investment ORDER BY id LIMIT 20`),
    invitation: await q(`SELECT id FROM user_invitation ORDER BY id LIMIT 10`),
    user: (await ds.query(`SELECT id FROM app_user WHERE email <> $1 ORDER BY id LIMIT 20`, [adminEmail])).map(
      (r: { id: string }) => r.id,
    ),
  };
  pools.any = Object.values(pools).flat();
  for (const [k, v] of Object.entries(pools)) if (v.length === 0) pools[k] = pools.any;
  return pools;
}

/** Row counts of every table (auth state left out) and audit entries per entity, in one statement. */
export async function snapshotFn(ds: DataSource): Promise<() => Promise<Record<string, number>>> {
  const tables = (
    (await ds.query(
      `SELECT table_name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    )) as { table_name: string }[]
  )
    .map((t) => t.table_name)
    .filter((t) => !AUTH_STATE.has(t));
  const sql = `SELECT ${tables.map((t) => `(SELECT count(*) FROM "${t}")::int AS "${t}"`).join(', ')},
    (SELECT coalesce(json_object_agg(entity, n), '{}')
       FROM (SELECT entity, count(*)::int AS n FROM audit_log GROUP BY entity) x) AS audit_by_entity`;
  return async () => {
    const [row] = await ds.query(sql);
    const { audit_by_entity: audit, ...counts } = row as Record<string, unknown>;
    const out: Record<string, number> = { ...(counts as Record<string, number>) };
    for (const [entity, n] of Object.entries(audit as Record<string, number>)) out[`audit:${entity}`] = n;
    return out;
  };
}

const same = (a: Record<string, number>, b: Record<string, number>) =>
  Object.keys({ ...a, ...b }).every((k) => a[k] === b[k]);

export async function runFuzz(options: {
  schema: GraphQLSchema;
  ds: DataSource;
  web: HttpTestApp;
  cases: number;
  seed?: number;
  adminEmail: string;
}): Promise<FuzzResult> {
  const { schema, ds, web, cases, adminEmail } = options;
  const ids = await idPools(ds, adminEmail);
  const snapshot = await snapshotFn(ds);
  const result: FuzzResult = {
    cases: 0,
    ok: 0,
    codes: {},
    calls: {},
    serverErrors: [],
    internalErrors: [],
    unstableErrors: [],
    partialWrites: [],
    ms: 0,
  };
  const started = Date.now();
  const operations = new Map(
    Object.values(schema.getMutationType()!.getFields()).map((f) => [f.name, operationFor(f)]),
  );
  const samples = fc.sample(caseArbitrary(schema, ids), { numRuns: cases, seed: options.seed ?? 20261207 });
  for (const c of samples) {
    const cookie = await web.sessionOf(adminEmail);
    const before = await snapshot();
    const r = await web.post({ query: operations.get(c.mutation), variables: c.variables }, { cookie });
    result.cases += 1;
    result.calls[c.mutation] = (result.calls[c.mutation] ?? 0) + 1;
    if (r.status >= 500) result.serverErrors.push({ case: c, status: r.status, body: r.text.slice(0, 500) });
    const errors: { message: string; extensions?: Record<string, unknown> }[] = r.json?.errors ?? [];
    if (errors.length === 0) {
      if (r.status === 200) result.ok += 1;
      continue;
    }
    for (const e of errors) {
      const code = e.extensions?.code;
      result.codes[String(code)] = (result.codes[String(code)] ?? 0) + 1;
      if (code === 'INTERNAL_SERVER_ERROR') result.internalErrors.push({ case: c, body: r.text.slice(0, 500) });
      else if (typeof code !== 'string' || !STABLE_CODES.has(code)) result.unstableErrors.push({ case: c, error: e });
      else if (INPUT_CODES.has(code) && !(typeof e.extensions?.field === 'string' && e.extensions.field.length > 0))
        result.unstableErrors.push({ case: c, error: e });
    }
    if (r.json?.data?.[c.mutation] == null) {
      const after = await snapshot();
      if (!same(before, after)) result.partialWrites.push({ case: c, before, after });
    }
  }
  result.ms = Date.now() - started;
  return result;
}

/** A short account of a run, for the test output and the README. */
export function summary(r: FuzzResult): string {
  const mutations = Object.keys(r.calls).length;
  return [
    `${r.cases} generated calls to ${mutations} mutations in ${(r.ms / 1000).toFixed(1)} s: ` +
      `${r.ok} succeeded, the rest refused with a stable code.`,
    `5xx answers: ${r.serverErrors.length}; INTERNAL_SERVER_ERROR: ${r.internalErrors.length}; ` +
      `errors without a stable code (or input errors without a field): ${r.unstableErrors.length}; ` +
      `partial writes: ${r.partialWrites.length}.`,
    `Error codes: ${Object.entries(r.codes)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}.`,
  ].join('\n');
}
