#!/usr/bin/env node
// `pnpm bench`: the speed benchmark of issue 15, in one run, in under 10 minutes on a 2-core machine.
//
// 1. One embedded PostgreSQL (throwaway data directory, fsync off). Database samordna_1x: the
//    national reference data (migrations + the server's seed). Database samordna_10x: a copy of it
//    plus the clearly synthetic 10× data set (bench/lib/synthetic.mjs).
// 2. For each scale: the built server with NODE_ENV=production and SAMORDNA_BENCH_SQL_COUNT=1 (SQL
//    statements per request in a response header); SQL statements and answer size per scenario;
//    load from a second process (bench/lib/load.mjs, autocannon): warm-up, then 3 runs at 1 and 20
//    connections; server RSS before and after. Then the floor (bench/floor.mjs: hand-written SQL
//    through pg, JSON over node:http) on the same database with the same load.
// 3. The slowest scenario once more against a server started with --cpu-prof; its profile summarised.
// 4. node bench/dashboard.mjs (first-route JS, map paint, cold start): its bench/results/dashboard.json.
// 5. bench/RESULTS.md: every figure beside its floor and its target, met or missed.
//
// Options: --seconds 1.5 (per run) --warmup 1 --runs 3 --no-dashboard --out bench/RESULTS.md
//   --only coverage,trivial   only these scenarios (keys: coverage municipality cost simulate agreements
//                             agreement contacts mixed trivial); the profile then goes to the slowest of them
//   --scale 1x                only national data (no 10× set is generated); default: 1x,10x
//   --no-floor                skip the hand-written SQL floor
//   --no-profile              skip the CPU profile of the slowest read
//   --server path/main.js     another build of the server to load (e.g. a copy of server/dist made
//                             before a change, inside server/ so that it finds its packages)
//   --profile coverage,trivial  profile these scenarios (each in RESULTS) instead of the slowest read
// A partial run (any of these) must not overwrite bench/RESULTS.md: give it --out /tmp/….md, e.g.
//   node bench/run.mjs --only coverage,trivial --scale 1x --no-dashboard --out /tmp/x.md
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { randomBytes, createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { generateSynthetic } from './lib/synthetic.mjs';
import { fmt, median, ratio, verdict } from './lib/stats.mjs';
import { summariseProfile } from './lib/cpuprofile.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: opts } = parseArgs({
  options: {
    seconds: { type: 'string', default: '1.5' },
    warmup: { type: 'string', default: '1' },
    runs: { type: 'string', default: '3' },
    'no-dashboard': { type: 'boolean', default: false },
    only: { type: 'string' },
    scale: { type: 'string', default: '1x,10x' },
    'no-floor': { type: 'boolean', default: false },
    'no-profile': { type: 'boolean', default: false },
    profile: { type: 'string' },
    server: { type: 'string', default: path.join(ROOT, 'server', 'dist', 'main.js') },
    out: { type: 'string', default: path.join(ROOT, 'bench', 'RESULTS.md') },
  },
});
const SECONDS = Number(opts.seconds);
const WARMUP = Number(opts.warmup);
const RUNS = Number(opts.runs);
const SCENARIO_KEYS = [
  'coverage',
  'municipality',
  'cost',
  'simulate',
  'agreements',
  'agreement',
  'contacts',
  'mixed',
  'trivial',
];
const ONLY = opts.only ? new Set(opts.only.split(',').map((k) => k.trim())) : null;
const SCALES = new Set(opts.scale.split(',').map((k) => k.trim().toLowerCase()));
for (const k of [...(ONLY ?? []), ...(opts.profile?.split(',') ?? [])])
  if (!SCENARIO_KEYS.includes(k.trim())) {
    console.error(`bench: no scenario «${k}»`);
    process.exit(2);
  }
const SERVER_MAIN = path.resolve(opts.server);
const PARTIAL =
  SERVER_MAIN !== path.join(ROOT, 'server', 'dist', 'main.js') ||
  !!opts.profile ||
  !!ONLY ||
  !SCALES.has('1x') ||
  !SCALES.has('10x') ||
  opts['no-floor'] ||
  opts['no-profile'];
if (PARTIAL && path.resolve(opts.out) === path.join(ROOT, 'bench', 'RESULTS.md')) {
  console.error(
    'bench: a partial run (--only, --scale, --no-floor, --no-profile) needs --out elsewhere than bench/RESULTS.md',
  );
  process.exit(2);
}

process.env.NODE_ENV = 'production'; // the seed then makes no demo users, as in production
const serverRequire = createRequire(path.join(ROOT, 'server', 'package.json'));
const pg = serverRequire('pg');
const { print } = serverRequire('graphql');
const embedded = await import(path.join(ROOT, 'infra', 'postgres', 'index.mjs'));
const { prepareDatabase } = serverRequire(path.join(ROOT, 'server', 'dist', 'database', 'runtime.js'));
const { ensureDatabase, withDatabase } = serverRequire(path.join(ROOT, 'server', 'dist', 'database', 'connect.js'));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
const log = (...a) => console.log(`[bench ${elapsed()}]`, ...a);
const uptime = () => {
  try {
    return execFileSync('uptime', { encoding: 'utf8' }).trim();
  } catch {
    return `load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(', ')}`;
  }
};

// ---------------------------------------------------------------- the dashboard's query documents
const generated = readFileSync(path.join(ROOT, 'dashboard', 'src', 'gql', 'graphql.ts'), 'utf8');
/** The dashboard's own document (as codegen emitted it), printed back to GraphQL text. */
function dashboardDocument(name) {
  const m = new RegExp(`export const ${name}Document = (\\{.*?\\}) as unknown as DocumentNode`).exec(generated);
  if (!m) throw new Error(`bench: ${name}Document not found in dashboard/src/gql/graphql.ts`);
  return print(JSON.parse(m[1]));
}
const DOCS = {
  coverage: dashboardDocument('CoverageOverview'),
  municipality: dashboardDocument('MunicipalityCoverage'),
  cost: dashboardDocument('CostPage'),
  simulate: dashboardDocument('Simulate'),
  agreements: dashboardDocument('AgreementList'),
  agreement: dashboardDocument('AgreementDetail'),
  // The dashboard's contact list selection, for all contacts of the centre's municipalities (not only stale ones).
  contacts: dashboardDocument('StaleContacts').replace('stale: true, ', ''),
  write: `mutation BenchCreateAgency($input: AgencyInput!) { createAgency(input: $input) { id } }`,
};

/** The scenarios; `vars` are filled from the database of each scale. */
function scenarios(v) {
  const gql = (query, variables, cookie) => ({
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const get = (p) => ({ method: 'GET', path: p });
  const costVars = { centreId: v.centreId, year: v.year, fromYear: v.year - 9, toYear: v.year };
  const simVars = {
    input: { centreId: v.centreId, year: v.year, terms: { model: 'PER_INHABITANT_HOST_RESIDUAL', rateOre: 9350 } },
  };
  const writeVars = { input: { kommunenummer: v.kommunenummer, kind: 'OTHER', name: 'Syntetisk benketest-etat' } };
  const all = [
    {
      key: 'coverage',
      label: 'coverage overview (CoverageOverview)',
      server: [gql(DOCS.coverage, {}, v.admin)],
      floor: [get('/coverage-overview')],
    },
    {
      key: 'municipality',
      label: 'municipality coverage (MunicipalityCoverage)',
      server: [gql(DOCS.municipality, { kommunenummer: v.kommunenummer }, v.admin)],
      floor: [get(`/municipality-coverage?k=${v.kommunenummer}`)],
    },
    {
      key: 'cost',
      label: 'cost distribution + 10-year trend (CostPage)',
      server: [gql(DOCS.cost, costVars, v.admin)],
      floor: [get(`/cost-distribution?centre=${v.centreId}&year=${v.year}`)],
    },
    {
      key: 'simulate',
      label: 'simulator (Simulate)',
      server: [gql(DOCS.simulate, simVars, v.admin)],
      floor: [get(`/simulate?centre=${v.centreId}&year=${v.year}`)],
    },
    {
      key: 'agreements',
      label: 'agreement list (AgreementList)',
      // The dashboard's first page of the Avtaler list: 50, nearest deadline first (issue 15: paged).
      server: [gql(DOCS.agreements, { limit: 50, offset: 0, orderBy: 'DAYS_LEFT', descending: false }, v.admin)],
      floor: [get('/agreements')],
    },
    {
      key: 'agreement',
      label: 'agreement detail (AgreementDetail)',
      server: [gql(DOCS.agreement, { id: v.agreementId }, v.admin)],
      floor: [get(`/agreement?id=${v.agreementId}`)],
    },
    {
      key: 'contacts',
      label: "contacts of a centre's municipalities (centre leader)",
      server: [gql(DOCS.contacts, { centreId: v.centreId }, v.leader)],
      floor: [get(`/centre-contacts?centre=${v.centreId}`)],
    },
    {
      key: 'mixed',
      label: 'mixed: overview, municipality, cost page, 1 write in 4',
      server: [
        gql(DOCS.coverage, {}, v.admin),
        gql(DOCS.municipality, { kommunenummer: v.kommunenummer }, v.admin),
        gql(DOCS.cost, costVars, v.admin),
        { ...gql(DOCS.write, writeVars, v.admin), write: true },
      ],
      floor: [
        get('/coverage-overview'),
        get(`/municipality-coverage?k=${v.kommunenummer}`),
        get(`/cost-distribution?centre=${v.centreId}&year=${v.year}`),
        { ...gql('', writeVars), path: '/agency', write: true },
      ],
    },
    {
      key: 'trivial',
      label: 'trivial GraphQL query ({ __typename })',
      server: [gql('{ __typename }', {})],
      floor: null,
    },
  ];
  return ONLY ? all.filter((s) => ONLY.has(s.key)) : all;
}

// ---------------------------------------------------------------- processes
const children = new Set();
function startProcess(args, env, readyPattern, timeoutMs = 180_000) {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let output = '';
  child.stdout.on('data', (c) => (output += c));
  child.stderr.on('data', (c) => (output += c));
  child.on('exit', () => children.delete(child));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`did not start within ${timeoutMs / 1000} s:\n${output.slice(-3000)}`)),
      timeoutMs,
    );
    const check = () => {
      if (readyPattern.test(output)) {
        clearTimeout(timer);
        resolve({ child, output: () => output, startedIn: output.match(/started in ([\d.]+) s/)?.[1] ?? null });
      }
    };
    child.stdout.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited (${code}) during start:\n${output.slice(-3000)}`));
    });
  });
}
async function stopProcess(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, sleep(30_000)]);
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGKILL');
    await exited;
  }
}
function rssMiB(pid) {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
  } catch {
    return null;
  }
}

/** Runs one scenario's load from a second process; returns the runs. */
function load(port, requests, connections, how = { mode: 'runs' }) {
  const burst = how.mode === 'burst';
  const config = {
    timeout: burst ? 20 : 30,
    url: `http://127.0.0.1:${port}`,
    connections,
    seconds: SECONDS,
    warmupSeconds: burst ? 0 : WARMUP,
    runs: burst ? 1 : RUNS,
    amount: burst ? connections : undefined,
    requests,
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bench', 'lib', 'load.mjs'), JSON.stringify(config)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.add(child);
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.on('exit', (code) => {
      children.delete(child);
      if (code !== 0) return reject(new Error(`load generator exited with ${code}`));
      resolve(JSON.parse(out.trim().split('\n').pop()).runs);
    });
  });
}
/** Median of the runs' figures. */
function summary(runs) {
  const pick = (k) => median(runs.map((r) => r[k]));
  return {
    p50: pick('p50'),
    p95: pick('p95'),
    p99: pick('p99'),
    rps: pick('rps'),
    requests: runs.reduce((n, r) => n + r.requests, 0),
    errors: runs.reduce((n, r) => n + r.errors, 0),
    runs,
  };
}

/** One request outside the load: status, bytes, SQL statements (header), errors. */
async function probe(port, request) {
  const t0 = performance.now();
  try {
    const res = await fetch(`http://127.0.0.1:${port}${request.path}`, {
      method: request.method,
      headers: request.headers,
      body: request.method === 'GET' ? undefined : request.body,
      signal: AbortSignal.timeout(60_000),
    });
    const text = await res.text();
    let error = null;
    if (res.status !== 200) error = `HTTP ${res.status}`;
    else if (text.includes('"errors":[{')) error = JSON.parse(text).errors?.[0]?.message ?? 'GraphQL error';
    return {
      status: res.status,
      ms: performance.now() - t0,
      bytes: Buffer.byteLength(text),
      sql: res.headers.get('x-sql-statements'),
      error,
    };
  } catch (e) {
    return {
      status: 0,
      ms: performance.now() - t0,
      bytes: null,
      sql: null,
      error: `${e.message}${e.cause ? ` (${e.cause.code ?? e.cause.message})` : ''}`,
    };
  }
}

/**
 * How to load a scenario whose single request takes `ms` alone, within the time budget: the warm-up
 * and runs of fixed length when `connections` such requests at once take at most half a run; else one
 * burst (each connection sends one request, all measured to the end) when that takes at most 30 s;
 * else not at all (one request alone is then the lower bound of its p95).
 */
function plan(ms, connections) {
  const batchSeconds = (ms / 1000) * Math.max(1, connections / 2);
  if (batchSeconds <= SECONDS / 2) return { mode: 'runs', batchSeconds };
  if (batchSeconds <= 10) return { mode: 'burst', batchSeconds };
  return { mode: 'skip', batchSeconds };
}

/** Waits until the server answers a trivial query within 1 s again (abandoned requests of a load may still run). */
async function drain(port, limitMs = 30_000) {
  const until = Date.now() + limitMs;
  while (Date.now() < until) {
    const t0 = Date.now();
    try {
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query":"{ __typename }"}',
        signal: AbortSignal.timeout(limitMs),
      });
      await res.text();
      if (res.status === 200 && Date.now() - t0 < 1000) return (Date.now() - t0) / 1000;
    } catch {
      // still busy or refusing: try again
    }
    await sleep(250);
  }
  return null;
}

// ---------------------------------------------------------------- the data
async function addBenchUsers(client) {
  // Signed-in users that are not demo users (NODE_ENV=production lets no demo user in): an administrator
  // and the leader of the centre. Their sessions are made here, so no password or second step is needed.
  const [{ id: centreId }] = (await client.query(`SELECT id FROM crisis_centre WHERE name = 'Krisesenteret i Salten'`))
    .rows;
  const session = async (email, name, role, kommunenummer, centre) => {
    const token = randomBytes(24).toString('base64url');
    const { rows } = await client.query(
      `INSERT INTO app_user (email, name, is_example) VALUES ($1, $2, false) RETURNING id`,
      [email, name],
    );
    await client.query(`INSERT INTO user_role (user_id, role, kommunenummer, centre_id) VALUES ($1, $2, $3, $4)`, [
      rows[0].id,
      role,
      kommunenummer,
      centre,
    ]);
    await client.query(
      `INSERT INTO user_session (token_hash, user_id, expires_at, user_agent, method) VALUES ($1, $2, now() + interval '1 day', 'bench', 'PASSWORD')`,
      [createHash('sha256').update(token).digest('hex'), rows[0].id],
    );
    return `samordna_session=${token}`;
  };
  return {
    admin: await session('benk.admin@example.invalid', 'Syntetisk administrator (benk)', 'ADMIN', null, null),
    leader: await session(
      'benk.leder@example.invalid',
      'Syntetisk senterleder (benk)',
      'CENTRE_LEADER',
      null,
      centreId,
    ),
  };
}

async function variablesOf(url, cookies) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const [{ id: centreId }] = (
      await client.query(`SELECT id FROM crisis_centre WHERE name = 'Krisesenteret i Salten'`)
    ).rows;
    const [{ id: agreementId }] = (
      await client.query(
        `SELECT id FROM agreement WHERE centre_id = $1 AND status = 'ACTIVE' ORDER BY valid_from DESC NULLS LAST LIMIT 1`,
        [centreId],
      )
    ).rows;
    const counts = {};
    for (const t of [
      'municipality',
      'crisis_centre',
      'agreement',
      'agreement_party',
      'contact_person',
      'centre_budget',
      'usage_stat',
    ]) {
      counts[t] = Number((await client.query(`SELECT count(*) AS n FROM ${t}`)).rows[0].n);
    }
    return { centreId, agreementId, kommunenummer: '1841', year: 2025, ...cookies, counts };
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------- one scale
async function measureScale(scale, url, vars, levels) {
  const out = { scale, server: {}, floor: {}, probes: {}, floorProbes: {}, rss: {} };
  const list = scenarios(vars);
  const port = await embedded.findFreePort();
  log(`${scale}: starting the server (NODE_ENV=production)`);
  const start = () =>
    startProcess(
      [SERVER_MAIN],
      {
        DATABASE_URL: url,
        PORT: String(port),
        HOST: '127.0.0.1',
        NODE_ENV: 'production',
        SAMORDNA_BENCH_SQL_COUNT: '1',
      },
      /Samordna is running/,
    );
  let server = await start();
  out.crashes = [];
  try {
    out.startedIn = server.startedIn;
    out.rss.before = rssMiB(server.child.pid);
    for (const s of list) {
      const probes = [];
      for (const r of s.server) probes.push(await probe(port, r));
      probes.push(await probe(port, s.server[0])); // a second time: after any first-time work
      out.probes[s.key] = probes;
      const failed = probes.find((p) => p.error);
      if (failed) log(`${scale}: ${s.key}: ${failed.error}`);
    }
    for (const s of list) {
      // After the first-time work (the first request computes what later ones reuse): the plan is for
      // the load that follows the warm-up, not for the very first answer.
      const alone = Math.max(...out.probes[s.key].slice(1).map((p) => p.ms));
      for (const c of levels(s.key)) {
        const how = plan(alone, c);
        if (how.mode === 'skip') {
          out.server[`${s.key}@${c}`] = { skipped: true, lowerBound: alone, batchSeconds: how.batchSeconds };
          log(
            `${scale}: server ${s.key} @${c}: not loaded (one request alone takes ${fmt(alone, 0)} ms; ${c} at once ≈ ${fmt(how.batchSeconds, 0)} s)`,
          );
          continue;
        }
        const t0 = Date.now();
        out.server[`${s.key}@${c}`] = { ...summary(await load(port, s.server, c, how)), mode: how.mode };
        const r = out.server[`${s.key}@${c}`];
        const drained = await drain(port);
        log(
          `${scale}: server ${s.key} @${c}: p50 ${fmt(r.p50)} p95 ${fmt(r.p95)} p99 ${fmt(r.p99)} ms, ${fmt(r.rps, 0)} req/s, ${r.requests} answers, ${r.errors} errors (${how.mode}, ${((Date.now() - t0) / 1000).toFixed(0)} s; ${drained === null ? 'still busy after 30 s' : 'idle again'})`,
        );
        if (server.child.exitCode !== null || server.child.signalCode !== null) {
          // Recorded and reported; the run goes on with a fresh server process.
          const tail = server
            .output()
            .split('\n')
            .filter((l) => /Error|error|at /.test(l))
            .slice(0, 6)
            .join('\n');
          out.crashes.push({ cell: `${s.key}@${c}`, exit: server.child.exitCode ?? server.child.signalCode, tail });
          log(`${scale}: THE SERVER DIED during ${s.key} @${c}:\n${tail}\n… starting it again`);
          server = await start();
        }
      }
    }
    out.rss.after = rssMiB(server.child.pid);
  } finally {
    await stopProcess(server.child);
  }

  if (opts['no-floor']) return out;
  const floorPort = await embedded.findFreePort();
  const floor = await startProcess(
    [path.join(ROOT, 'bench', 'floor.mjs')],
    { DATABASE_URL: url, PORT: String(floorPort) },
    /floor listening/,
    30_000,
  );
  try {
    for (const s of list) {
      if (!s.floor) continue;
      out.floorProbes[s.key] = await probe(floorPort, s.floor[0]);
      const alone = Math.max(out.floorProbes[s.key].ms, (await probe(floorPort, s.floor[0])).ms);
      for (const c of levels(s.key).filter((c) => c === 20 || s.key === 'coverage')) {
        const how = plan(alone, c);
        if (how.mode === 'skip') {
          out.floor[`${s.key}@${c}`] = { skipped: true, lowerBound: alone };
          continue;
        }
        out.floor[`${s.key}@${c}`] = { ...summary(await load(floorPort, s.floor, c, how)), mode: how.mode };
        const r = out.floor[`${s.key}@${c}`];
        log(
          `${scale}: floor ${s.key} @${c}: p50 ${fmt(r.p50)} p95 ${fmt(r.p95)} p99 ${fmt(r.p99)} ms, ${fmt(r.rps, 0)} req/s`,
        );
      }
    }
  } finally {
    await stopProcess(floor.child);
  }
  return out;
}

async function profileSlowest(url, vars, key) {
  const scenario = scenarios(vars).find((s) => s.key === key);
  const dir = mkdtempSync(path.join(tmpdir(), 'samordna-bench-prof-'));
  const port = await embedded.findFreePort();
  const server = await startProcess(
    ['--cpu-prof', `--cpu-prof-dir=${dir}`, SERVER_MAIN],
    { DATABASE_URL: url, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production' },
    /Samordna is running/,
  );
  let from;
  let to;
  let exitAt;
  let connections = 20;
  let requests = null;
  try {
    await probe(port, scenario.server[0]); // the first-time work, as in the runs' warm-up
    const alone = (await probe(port, scenario.server[0])).ms;
    const how = plan(alone, 20);
    from = Date.now();
    connections = how.mode === 'skip' ? 2 : 20;
    const runs = await load(port, scenario.server, connections, how.mode === 'skip' ? { mode: 'burst' } : how);
    to = Date.now();
    requests = runs.reduce((n, r) => n + r.requests, 0);
    log(`profile: ${key} @${connections} under --cpu-prof: p95 ${fmt(summary(runs).p95)} ms`);
  } finally {
    const exited = new Promise((r) => server.child.once('exit', () => r((exitAt = Date.now()))));
    await stopProcess(server.child);
    await exited.catch(() => undefined);
    exitAt ??= Date.now();
  }
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) return null;
  const profile = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
  rmSync(dir, { recursive: true, force: true });
  // Only the samples taken while the load ran (the profile also holds start-up and shutdown): the
  // profile's end is the process exit, so the load window is known relative to it.
  const windowUs = { fromEndUs: (exitAt - from) * 1000, toEndUs: (exitAt - to) * 1000 };
  return { key, connections, requests, ...summariseProfile(profile, { top: 15, window: windowUs }) };
}

// ---------------------------------------------------------------- main
const report = { started: new Date().toISOString(), uptimeStart: uptime() };
const base = mkdtempSync(path.join(tmpdir(), 'samordna-bench-'));
chmodSync(base, 0o755);
let database = null;
const cleanup = async () => {
  for (const c of [...children]) await stopProcess(c).catch(() => undefined);
  await database?.stop().catch(() => undefined);
  rmSync(base, { recursive: true, force: true });
};
process.on('SIGINT', () => void cleanup().then(() => process.exit(130)));
process.on('SIGTERM', () => void cleanup().then(() => process.exit(143)));

try {
  log(`start; ${report.uptimeStart}`);
  database = await embedded.startEmbeddedPostgres({
    dataDir: path.join(base, 'pg'),
    persistent: true,
    fast: true,
    startTimeoutMs: 120_000,
  });
  const url1 = withDatabase(database.url, 'samordna_1x');
  const url10 = withDatabase(database.url, 'samordna_10x');
  const none = { server: {}, floor: {}, probes: {}, floorProbes: {}, rss: {}, crashes: [] };
  await ensureDatabase(url1);
  const prepared = await prepareDatabase(url1, { seed: true, dataFilesDir: path.join(ROOT, 'data') });
  await prepared.dataSource.destroy();
  const c1 = new pg.Client({ connectionString: url1 });
  await c1.connect();
  const cookies = await addBenchUsers(c1);
  await c1.end();
  let vars10 = null;
  if (SCALES.has('10x')) {
    const admin = new pg.Client({ connectionString: withDatabase(database.url, 'postgres') });
    await admin.connect();
    await admin.query(`CREATE DATABASE samordna_10x TEMPLATE samordna_1x`);
    await admin.end();
    const c10 = new pg.Client({ connectionString: url10 });
    await c10.connect();
    const t0 = Date.now();
    report.synthetic = await generateSynthetic(c10);
    report.syntheticSeconds = (Date.now() - t0) / 1000;
    await c10.end();
    log(`10× data generated in ${report.syntheticSeconds.toFixed(1)} s: ${JSON.stringify(report.synthetic)}`);
    vars10 = await variablesOf(url10, cookies);
  }
  const vars1 = await variablesOf(url1, cookies);
  report.counts = { '1×': vars1.counts, '10×': vars10?.counts ?? {} };

  report.one = SCALES.has('1x') ? await measureScale('1×', url1, vars1, () => [1, 20]) : none;
  report.ten = vars10 ? await measureScale('10×', url10, vars10, (key) => (key === 'coverage' ? [1, 20] : [20])) : none;

  // The slowest read at 20 connections on national data gets the profile.
  const reads = Object.entries(report.one.server).filter(
    ([k]) => k.endsWith('@20') && !k.startsWith('mixed') && !k.startsWith('trivial'),
  );
  const slowest = reads
    .sort((a, b) => (b[1].p95 ?? b[1].lowerBound ?? 0) - (a[1].p95 ?? a[1].lowerBound ?? 0))[0]?.[0]
    ?.split('@')[0];
  if (opts.profile) {
    report.profiles = [];
    for (const key of opts.profile.split(',').map((k) => k.trim())) {
      log(`profiling ${key}`);
      const profile = await profileSlowest(url1, vars1, key);
      report.profiles.push(profile && { ...profile, slowest: false });
    }
  } else if (slowest && !opts['no-profile']) {
    log(`profiling the slowest read: ${slowest}`);
    report.profile = await profileSlowest(url1, vars1, slowest);
  }
  await database.stop();
  database = null;

  if (!opts['no-dashboard']) {
    log('node bench/dashboard.mjs');
    const t = Date.now();
    report.dashboard = await new Promise((resolve) => {
      const child = spawn(process.execPath, [path.join(ROOT, 'bench', 'dashboard.mjs')], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.add(child);
      let output = '';
      child.stdout.on('data', (c) => (output += c));
      child.stderr.on('data', (c) => (output += c));
      const timer = setTimeout(() => child.kill('SIGTERM'), 240_000);
      child.on('exit', (code) => {
        clearTimeout(timer);
        children.delete(child);
        resolve({ code, seconds: (Date.now() - t) / 1000, output: output.slice(-1500) });
      });
    });
  }
  report.uptimeEnd = uptime();
  report.seconds = (Date.now() - started) / 1000;
  // The raw figures first, so that a fault in rendering loses nothing.
  writeFileSync(path.join(tmpdir(), 'samordna-bench-report.json'), JSON.stringify(report));
  writeFileSync(opts.out, renderResults(report));
  log(`wrote ${path.relative(ROOT, opts.out)} (${report.seconds.toFixed(0)} s); ${report.uptimeEnd}`);
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await cleanup();
}

// ---------------------------------------------------------------- RESULTS.md
/** A cell's p95: measured, or for a scenario too slow to load, the time of one request alone (a lower bound). */
function p95v(c) {
  return c?.skipped ? c.lowerBound : c?.p95;
}
function cell(c, k, digits = 1) {
  return c?.skipped
    ? k === 'p95'
      ? `≥ ${fmt(c.lowerBound, 0)} (not loaded)`
      : '–'
    : `${fmt(c?.[k], digits)}${c?.mode === 'burst' && k === 'p95' ? ' †' : ''}`;
}

function renderResults(r) {
  const one = r.one;
  const ten = r.ten;
  const list = scenarios({ centreId: '', agreementId: '', kommunenummer: '', year: 2025 });
  const label = Object.fromEntries(list.map((s) => [s.key, s.label]));
  const L = [];
  L.push('# Speed benchmark (issue 15)', '');
  L.push(
    `\`pnpm bench\`, ${r.started} (UTC), ${r.seconds.toFixed(0)} s for the whole run after the build. ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ` +
      'loopback, PostgreSQL 18 (the embedded binaries, fsync off), the built server with `NODE_ENV=production`. ' +
      `Load from a second process (autocannon): ${WARMUP} s warm-up, then ${RUNS} runs of ${SECONDS} s; figures are the median of the ${RUNS} runs (latencies in ms, every response counted).`,
    '',
    `The machine is shared with other work: at the start \`${r.uptimeStart}\`; at the end \`${r.uptimeEnd}\`. ` +
      'Absolute latencies carry that contention; the ratios to the floor (measured in the same run, on the same data) are what holds.',
    '',
  );

  // Targets.
  const cov20 = one.server['coverage@20'];
  const covFloor20 = one.floor['coverage@20'];
  const sqlConst = list
    .filter((s) => one.probes[s.key] && ten.probes[s.key])
    .every((s) => one.probes[s.key].at(-1)?.sql === ten.probes[s.key].at(-1)?.sql);
  L.push('## Targets', '', '| target | measured | floor | result |', '|---|---|---|---|');
  L.push(
    `| coverage overview p95 ≤ 25 ms at 20 connections (national data) | ${cell(cov20, 'p95')} ms | ${cell(covFloor20, 'p95')} ms | ${verdict(p95v(cov20), 25)} |`,
  );
  const covRatio = ratio(p95v(cov20), p95v(covFloor20));
  L.push(
    `| coverage overview ≤ 1.5× its raw-SQL floor (p95 at 20 connections) | ${fmt(covRatio, 2)}× | 1.00× | ${verdict(covRatio, 1.5)} |`,
  );
  L.push(
    `| coverage overview at 10× data p95 ≤ 80 ms (20 connections) | ${cell(ten.server['coverage@20'], 'p95')} ms | ${cell(ten.floor['coverage@20'], 'p95')} ms | ${verdict(p95v(ten.server['coverage@20']), 80)} |`,
  );
  L.push(
    `| cost distribution (CostPage) p95 ≤ 50 ms at 20 connections | ${cell(one.server['cost@20'], 'p95')} ms | ${cell(one.floor['cost@20'], 'p95')} ms | ${verdict(p95v(one.server['cost@20']), 50)} |`,
  );
  L.push(
    `| simulator p95 ≤ 50 ms at 20 connections | ${cell(one.server['simulate@20'], 'p95')} ms | ${cell(one.floor['simulate@20'], 'p95')} ms | ${verdict(p95v(one.server['simulate@20']), 50)} |`,
  );
  L.push(
    `| SQL statements per request constant between 1× and 10× | ${sqlConst ? 'constant for every scenario' : 'grows (see the table below)'} | – | ${sqlConst ? '**met**' : '**missed**'} |`,
  );
  L.push('');

  const table = (title, res, floorRes, keys, levels) => {
    L.push(`## ${title}`, '');
    L.push(
      '| scenario | conns | p50 | p95 | p99 | req/s | answers | errors | floor p50 | floor p95 | floor req/s | p95 ÷ floor | req/s ÷ floor |',
      '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    );
    for (const k of keys) {
      for (const c of levels(k)) {
        const s = res[`${k}@${c}`];
        const f = floorRes[`${k}@${c}`];
        if (!s) continue;
        L.push(
          `| ${label[k]} | ${c} | ${cell(s, 'p50')} | ${cell(s, 'p95')} | ${cell(s, 'p99')} | ${cell(s, 'rps', 0)} | ${s.skipped ? '–' : s.requests} | ${s.skipped ? '–' : s.errors} | ${cell(f, 'p50')} | ${cell(f, 'p95')} | ${cell(f, 'rps', 0)} | ${fmt(ratio(p95v(s), p95v(f)), 2)}× | ${fmt(ratio(s.rps, f?.rps), 2)}× |`,
        );
      }
    }
    L.push('');
  };
  L.push(
    `Where one request alone is so slow that the connections' requests at once would take more than half a run (${SECONDS} s), the cell is one **burst** instead (†): each connection sends one request and all are measured to their end, up to 20 s (no warm-up, one run). «not loaded»: that burst would take more than 10 s by that estimate; the time of one request alone is then the lower bound of the p95. The floor is measured at 1 connection for the coverage overview only (time budget). Errors: failed connections, timeouts (30 s; 20 s in a burst), non-2xx answers and GraphQL errors.`,
    '',
  );
  const keys = list.map((s) => s.key);
  table('National data (1×): server beside its floor', one.server, one.floor, keys, () => [1, 20]);
  table('10× synthetic data: server beside its floor', ten.server, ten.floor, keys, (k) =>
    k === 'coverage' ? [1, 20] : [20],
  );
  const trivial = one.server['trivial@20'];
  L.push(
    `The trivial GraphQL query is the floor of the GraphQL stack itself: ${fmt(trivial?.rps, 0)} req/s at 20 connections (p95 ${fmt(trivial?.p95)} ms) on national data.`,
    '',
  );

  L.push('## SQL statements per request, answer size, memory', '');
  L.push(
    'Counted by the server itself with `SAMORDNA_BENCH_SQL_COUNT=1` (every statement sent to PostgreSQL while the request ran, BEGIN/COMMIT and the session look-up included), on the second request of each scenario (the first may do first-time work). The mixed scenario: its four requests in turn.',
    '',
  );
  L.push(
    '| scenario | SQL 1× | SQL 10× | one request alone 1× | alone 10× | answer 1× | answer 10× | floor answer 1× | floor answer 10× |',
    '|---|---|---|---|---|---|---|---|---|',
  );
  const kb = (b) => (b === undefined || b === null ? '–' : `${(b / 1024).toFixed(1)} KB`);
  for (const k of keys) {
    const p1 = one.probes[k] ?? [];
    const p10 = ten.probes[k] ?? [];
    const sql = (ps) =>
      k === 'mixed'
        ? ps
            .slice(0, -1)
            .map((p) => p.sql)
            .join(' / ')
        : (ps.at(-1)?.sql ?? '–');
    const err = [...p1, ...p10].find((p) => p.error);
    L.push(
      `| ${label[k]}${err ? ` (error: ${err.error})` : ''} | ${sql(p1)} | ${sql(p10)} | ${fmt(p1.at(-1)?.ms, 0)} ms | ${fmt(p10.at(-1)?.ms, 0)} ms | ${kb(p1.at(-1)?.bytes)} | ${kb(p10.at(-1)?.bytes)} | ${kb(one.floorProbes[k]?.bytes)} | ${kb(ten.floorProbes[k]?.bytes)} |`,
    );
  }
  L.push('');
  for (const [scale, x] of [
    ['national data', one],
    ['10× data', ten],
  ]) {
    for (const c of x.crashes ?? [])
      L.push(
        `**The server process died** (${scale}, during ${c.cell}, exit ${c.exit}); the run went on with a new process. Its last error lines:`,
        '',
        '```',
        c.tail,
        '```',
        '',
      );
  }
  L.push(
    `Server RSS: national data ${fmt(one.rss.before, 0)} MiB after start, ${fmt(one.rss.after, 0)} MiB after its load; 10× data ${fmt(ten.rss.before, 0)} → ${fmt(ten.rss.after, 0)} MiB. Server start (migrations, seed check): ${one.startedIn ?? '–'} s at 1×, ${ten.startedIn ?? '–'} s at 10×.`,
    '',
  );

  L.push('## Data', '');
  L.push(
    `National data: the server's own reference data and seed. 10×: a copy of it plus the clearly synthetic set of \`bench/lib/synthetic.mjs\` («Syntetisk kommune 0001», «Syntetisk krisesenter 001», «Syntetisk kontakt 00001», counties 60+, all marked invented), generated with set-based SQL in ${fmt(r.syntheticSeconds)} s.`,
    '',
  );
  L.push('| rows | 1× | 10× |', '|---|---|---|');
  for (const t of Object.keys(r.counts['1×'])) L.push(`| ${t} | ${r.counts['1×'][t]} | ${r.counts['10×'][t]} |`);
  L.push(
    '',
    "Scenario parameters: centre «Krisesenteret i Salten» (its current agreement for the detail, year 2025 for costs, 2016–2025 for the trend), municipality 1841 Fauske; the same at both scales. Signed in as a bench administrator (a session made by the harness), the contacts as the leader of that centre. Query documents: the dashboard's own, read from `dashboard/src/gql/graphql.ts`.",
    '',
  );
  L.push(
    "The floor (`bench/floor.mjs`): one hand-written SQL statement per answer through `pg` (pool of 10, like the server), JSON over `node:http`. It answers in the dashboard's shape with the facts the rules read and a one-line rule for the status; it does not evaluate the full coverage rules, checks no session and writes no audit log, so it is a true lower bound, not an equal implementation.",
    '',
  );

  for (const profile of r.profiles ?? [r.profile]) renderProfile(L, profile, label);
  L.push('');
  L.push('## Dashboard (bench/dashboard.mjs)', '');

  const jsonFile = path.join(ROOT, 'bench', 'results', 'dashboard.json');
  if (r.dashboard && r.dashboard.code !== 0)
    L.push(
      `\`node bench/dashboard.mjs\` failed (exit ${r.dashboard.code}) after ${fmt(r.dashboard.seconds, 0)} s:`,
      '',
      '```',
      r.dashboard.output,
      '```',
      '',
    );
  if (existsSync(jsonFile)) {
    L.push(...renderDashboard(JSON.parse(readFileSync(jsonFile, 'utf8'))));
  } else {
    L.push(
      '`bench/results/dashboard.json` is not there (bench/dashboard.mjs writes only its Markdown on this branch): see `bench/results/dashboard.md`.',
    );
  }
  L.push('');
  return L.join('\n');
}

/** One CPU profile's section of RESULTS.md. */
function renderProfile(L, profile, label) {
  L.push(
    profile?.slowest === false ? `## CPU profile: ${label[profile.key]}` : '## CPU profile of the slowest read',
    '',
  );
  if (profile) {
    L.push(
      `\`${label[profile.key]}\` under one load at ${profile.connections} connections, national data, server started with \`--cpu-prof\`; only the samples taken during the load: ${fmt(profile.totalMs, 0)} ms on the CPU, ${fmt(profile.idleMs, 0)} ms idle (waiting for PostgreSQL or the network)${profile.requests ? `; ${profile.requests} answers measured (after the warm-up), ${fmt((profile.totalMs * 1000) / profile.requests, 0)} µs of CPU per answer at most` : ''}. Self time:`,
      '',
    );
    L.push('| function | where | self ms | share |', '|---|---|---|---|');
    for (const f of profile.functions)
      L.push(`| \`${f.name.replaceAll('|', '\\|')}\` | ${f.where} | ${fmt(f.selfMs, 0)} | ${fmt(f.share * 100)} % |`);
    L.push('', 'By file or package:', '', '| where | self ms | share |', '|---|---|---|');
    for (const f of profile.locations) L.push(`| ${f.where} | ${fmt(f.selfMs, 0)} | ${fmt(f.share * 100)} % |`);
  } else {
    L.push('No profile was written.');
  }
}

/** The dashboard figures, whatever keys bench/dashboard.mjs writes: what / result / target. */
function renderDashboard(data) {
  const rows = [];
  const text = (v) => (v === null || v === undefined ? '–' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  const add = (what, v) => {
    if (v && typeof v === 'object' && !Array.isArray(v) && ('result' in v || 'value' in v || 'target' in v)) {
      rows.push([
        v.what ?? what,
        text(v.result ?? v.value),
        text(v.target),
        text(v.met === undefined ? undefined : v.met ? 'met' : 'missed'),
      ]);
    } else rows.push([what, text(v), '–', '–']);
  };
  if (Array.isArray(data)) data.forEach((v, i) => add(v?.what ?? v?.name ?? String(i + 1), v));
  else
    for (const [k, v] of Object.entries(data))
      if (Array.isArray(v)) v.forEach((x, i) => add(x?.what ?? `${k} ${i + 1}`, x));
      else add(k, v);
  return [
    '| what | result | target | met |',
    '|---|---|---|---|',
    ...rows.map((r) => `| ${r.map((c) => c.replaceAll('|', '\\|')).join(' | ')} |`),
  ];
}
