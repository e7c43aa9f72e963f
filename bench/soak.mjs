#!/usr/bin/env node
// `pnpm soak [--minutes 5] [--runs 1] [--connections 50] [--no-faults] [--out bench/SOAK.md]`
//
// A soak and fault run on loopback only, bounded in time. It starts its own PostgreSQL (the embedded
// binaries, in a temporary directory, on a fixed port) and the built server against it as
// DATABASE_URL, then keeps `connections` clients busy with mixed reads and writes for `minutes`
// per run. RSS of the server is sampled every 10 s. In each run, unless --no-faults, PostgreSQL is
// restarted (at 25 %), stopped for 20 s (at 50 %) and killed with SIGKILL (at 75 %).
//
// Checks: the server process survives; outside the fault windows every request succeeds; inside
// them the only failure is 503 DATABASE_UNAVAILABLE; it recovers by itself; and every write it
// acknowledged (ledger of ids) is in the database afterwards. Writes bench/SOAK.md; exits 1 when
// a check fails.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: process.env.SOAK_MINUTES ?? '5' },
    runs: { type: 'string', default: '1' },
    connections: { type: 'string', default: '50' },
    'no-faults': { type: 'boolean', default: false },
    out: { type: 'string', default: path.join(ROOT, 'bench', 'SOAK.md') },
  },
});
const MINUTES = Number(values.minutes);
const RUNS = Number(values.runs);
const CONNECTIONS = Number(values.connections);
const FAULTS = !values['no-faults'];
if (!(MINUTES > 0 && MINUTES <= 60) || !(RUNS >= 1 && RUNS <= 5) || !(CONNECTIONS >= 1 && CONNECTIONS <= 200)) {
  console.error('soak: --minutes 0–60, --runs 1–5, --connections 1–200');
  process.exit(2);
}
if (FAULTS && MINUTES * 60 < 60) {
  console.error('soak: with faults a run needs at least 1 minute (the outage alone is 20 s)');
  process.exit(2);
}

const pg = createRequire(path.join(ROOT, 'server', 'package.json'))('pg');
const embedded = await import(path.join(ROOT, 'infra', 'postgres', 'index.mjs'));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const now = () => performance.now();

// ---------------------------------------------------------------- PostgreSQL the soak owns
const base = mkdtempSync(path.join(tmpdir(), 'samordna-soak-'));
chmodSync(base, 0o755);
const dataDir = path.join(base, 'pg');
const pgPort = await embedded.findFreePort();
let database = null;

async function startPostgres() {
  // After a SIGKILL the old backends may hold shared memory for a moment: try again.
  for (let attempt = 1; ; attempt++) {
    try {
      database = await embedded.startEmbeddedPostgres({
        dataDir,
        persistent: true,
        port: pgPort,
        startTimeoutMs: 60_000,
      });
      return;
    } catch (error) {
      if (attempt >= 30) throw error;
      await sleep(1000);
    }
  }
}
function postmasterPid() {
  try {
    return Number.parseInt(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0], 10);
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------- the server
let server;
let serverExit = null;
let serverOutput = '';
async function startServer(url, port) {
  server = spawn(process.execPath, [path.join(ROOT, 'server', 'dist', 'main.js')], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'development',
      SAMORDNA_INSECURE_COOKIES: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout.on('data', (c) => (serverOutput += c));
  server.stderr.on('data', (c) => (serverOutput += c));
  server.on('exit', (code, signal) => (serverExit = { code, signal }));
  for (let i = 0; i < 600; i++) {
    if (/Samordna is running/.test(serverOutput)) return;
    if (serverExit) throw new Error(`the server exited during start:\n${serverOutput}`);
    await sleep(250);
  }
  throw new Error(`the server did not start:\n${serverOutput}`);
}
function rssMiB() {
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))[1]);
    return kb / 1024;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------- load
const READS = [
  `{ counties { number name } }`,
  `{ crisisCentres { items { id name members { kommunenummer } } } }`,
  `{ contacts(filter: { kommunenummer: "1841" }) { items { id name title } } }`,
  `{ agreements { items { id title status } } }`,
  `{ municipalities { kommunenummer name } }`,
];
const WRITE = `mutation($input: AgencyInput!) { createAgency(input: $input) { id } }`;
const KOMMUNER = ['1841', '1804', '1806', '1833', '1875'];

async function post(port, cookie, query, variables) {
  const started = now();
  try {
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ query, variables }),
    });
    const body = await res.json();
    const code = body.errors?.[0]?.extensions?.code ?? null;
    return { ms: now() - started, started, status: res.status, code, body };
  } catch (error) {
    return {
      ms: now() - started,
      started,
      status: 0,
      code: `NETWORK:${error.cause?.code ?? error.message}`,
      body: null,
    };
  }
}

function percentile(sorted, p) {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function runOnce(run, port, cookie, ledger) {
  const durationMs = MINUTES * 60_000;
  const t0 = now();
  const windows = []; // { name, from, to, backAt, recoveredAt }
  const samples = [];
  const results = [];
  let stop = false;
  let writeSeq = 0;

  const sampler = (async () => {
    while (!stop) {
      samples.push({ s: Math.round((now() - t0) / 1000), rss: rssMiB() });
      await sleep(10_000);
    }
  })();

  const worker = async (w) => {
    let i = 0;
    while (!stop) {
      i++;
      const write = (i + w) % 5 === 0; // one in five is a write
      if (write) {
        const name = `Soak r${run} w${w} n${++writeSeq}`;
        const r = await post(port, cookie, WRITE, {
          input: { kommunenummer: KOMMUNER[writeSeq % KOMMUNER.length], kind: 'OTHER', name },
        });
        const id = r.status === 200 && !r.body?.errors ? r.body?.data?.createAgency?.id : null;
        if (id) ledger.push(id);
        results.push({ ...r, kind: 'write' });
      } else {
        const r = await post(port, cookie, READS[(i + w) % READS.length]);
        results.push({ ...r, kind: 'read' });
      }
    }
  };

  const faults = (async () => {
    if (!FAULTS) return;
    const at = async (fraction) => {
      const wait = t0 + durationMs * fraction - now();
      if (wait > 0) await sleep(wait);
    };
    const fault = async (name, action) => {
      const w = { name, from: now() };
      windows.push(w);
      console.log(`  [${((now() - t0) / 1000).toFixed(0)} s] ${name}`);
      await action();
      w.backAt = now();
      // Recovered: the first successful write after PostgreSQL is back.
      for (;;) {
        const r = await post(port, cookie, WRITE, {
          input: { kommunenummer: '1841', kind: 'OTHER', name: `Soak r${run} probe ${name}` },
        });
        if (r.status === 200 && !r.body?.errors) {
          ledger.push(r.body.data.createAgency.id);
          w.recoveredAt = now();
          break;
        }
        await sleep(100);
      }
      w.to = w.recoveredAt + 2000; // requests started up to 2 s later may still carry the fault
    };
    await at(0.25);
    await fault('restart', async () => {
      await database.stop();
      await startPostgres();
    });
    await at(0.5);
    await fault('stopped 20 s', async () => {
      await database.stop();
      await sleep(20_000);
      await startPostgres();
    });
    await at(0.75);
    await fault('kill -9', async () => {
      const pid = postmasterPid();
      process.kill(pid, 'SIGKILL');
      await sleep(1000);
      await startPostgres();
    });
  })();

  const workers = Array.from({ length: CONNECTIONS }, (_, w) => worker(w));
  await sleep(durationMs);
  await faults; // a fault still running finishes before the run ends
  stop = true;
  await Promise.all(workers);
  await sampler;
  samples.push({ s: Math.round((now() - t0) / 1000), rss: rssMiB() });

  // A request belongs to a fault when it was in flight at any moment of the window.
  const inWindow = (r) => windows.find((w) => r.started <= (w.to ?? Infinity) && r.started + r.ms >= w.from);
  const steady = results.filter((r) => !inWindow(r));
  const steadyErrors = steady.filter((r) => r.status !== 200 || r.code);
  const faultStats = windows.map((w) => {
    const mine = results.filter((r) => inWindow(r) === w);
    const unavailable = mine.filter((r) => r.status === 503 && r.code === 'DATABASE_UNAVAILABLE').length;
    const ok = mine.filter((r) => r.status === 200 && !r.code).length;
    const other = mine.filter(
      (r) => !(r.status === 200 && !r.code) && !(r.status === 503 && r.code === 'DATABASE_UNAVAILABLE'),
    );
    return {
      name: w.name,
      downS: (w.backAt - w.from) / 1000,
      recoveryS: (w.recoveredAt - w.backAt) / 1000,
      ok,
      unavailable,
      other: other.length,
      otherCodes: [...new Set(other.map((r) => `${r.status} ${r.code}`))],
    };
  });
  for (const e of steadyErrors.slice(0, 8)) {
    const near = windows
      .map((w) => `${w.name} ${((e.started - w.to) / 1000).toFixed(1)} s after its window`)
      .join('; ');
    console.log(
      `  steady error at ${((e.started - t0) / 1000).toFixed(1)} s: ${e.status} ${e.code} ${e.body?.errors?.[0]?.message ?? ''} (${near})`,
    );
  }
  const lat = steady
    .filter((r) => r.status === 200 && !r.code)
    .map((r) => r.ms)
    .sort((a, b) => a - b);
  return {
    run,
    seconds: (now() - t0) / 1000,
    requests: results.length,
    writes: results.filter((r) => r.kind === 'write').length,
    steady: steady.length,
    steadyErrors: steadyErrors.length,
    steadyErrorCodes: [...new Set(steadyErrors.map((r) => `${r.status} ${r.code}`))],
    p50: percentile(lat, 50),
    p95: percentile(lat, 95),
    p99: percentile(lat, 99),
    rps: steady.length / ((now() - t0) / 1000 - windows.reduce((s, w) => s + ((w.to ?? 0) - w.from) / 1000, 0)),
    samples,
    faults: faultStats,
  };
}

// ---------------------------------------------------------------- main
const report = {
  started: new Date().toISOString(),
  loadBefore: loadavg()[0],
  runs: [],
  ledger: 0,
  missing: null,
  exit: null,
};
let failed = false;
try {
  console.log(
    `Soak: ${RUNS} run(s) × ${MINUTES} min, ${CONNECTIONS} connections, faults ${FAULTS ? 'on' : 'off'} (loopback only)`,
  );
  await startPostgres();
  const u = new URL(database.url);
  u.pathname = '/samordna_soak';
  const dbUrl = u.toString();
  const port = await embedded.findFreePort();
  await startServer(dbUrl, port);
  const login = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `mutation { login(email: "admin@samordna.example", password: "demo-admin-2026") { name } }`,
    }),
  });
  const cookie = login.headers.get('set-cookie').split(';')[0];
  const ledger = [];
  for (let run = 1; run <= RUNS; run++) {
    console.log(`Run ${run} …`);
    const r = await runOnce(run, port, cookie, ledger);
    report.runs.push(r);
    console.log(
      `  ${r.requests} requests (${r.writes} writes), steady p95 ${r.p95?.toFixed(1)} ms, steady errors ${r.steadyErrors}, ` +
        `RSS ${r.samples.map((s) => s.rss?.toFixed(0)).join(' ')} MiB; faults: ${r.faults.map((f) => `${f.name}: ${f.unavailable}×503, ${f.other} other, recovered in ${f.recoveryS.toFixed(1)} s`).join('; ')}`,
    );
    if (serverExit)
      throw new Error(`the server died during run ${run}: ${JSON.stringify(serverExit)}\n${serverOutput.slice(-3000)}`);
  }
  // The ledger: every acknowledged write is in the database.
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  const { rows } = await client.query('SELECT count(*)::int AS n FROM agency WHERE id = ANY($1::uuid[])', [ledger]);
  await client.end();
  report.ledger = ledger.length;
  report.missing = ledger.length - rows[0].n;
  // Orderly stop.
  server.kill('SIGTERM');
  for (let i = 0; i < 200 && !serverExit; i++) await sleep(100);
  report.exit = serverExit;
  const internal = serverOutput
    .split('\n')
    .filter((l, i, all) => /internal error/.test(l) || /internal error/.test(all[i - 1] ?? ''));
  if (internal.length) console.log(`Server-side internal errors (first lines):\n${internal.slice(0, 12).join('\n')}`);
} catch (error) {
  failed = true;
  report.error = String(error?.stack ?? error);
  console.error(error);
} finally {
  if (server && !serverExit) server.kill('SIGKILL');
  await database?.stop().catch(() => undefined);
  rmSync(base, { recursive: true, force: true });
}

// ---------------------------------------------------------------- verdict and SOAK.md
const checks = [
  ['server survived every fault and stopped with exit 0 on SIGTERM', report.exit?.code === 0],
  ['0 errors outside the fault windows', report.runs.every((r) => r.steadyErrors === 0)],
  [
    'only 503 DATABASE_UNAVAILABLE inside the fault windows',
    report.runs.every((r) => r.faults.every((f) => f.other === 0)),
  ],
  [
    '503 DATABASE_UNAVAILABLE seen while the database was away',
    !FAULTS || report.runs.every((r) => r.faults.every((f) => f.unavailable > 0)),
  ],
  [
    'recovered by itself after each fault',
    report.runs.every((r) => r.faults.every((f) => Number.isFinite(f.recoveryS))),
  ],
  ['every acknowledged write present afterwards', report.missing === 0],
];
if (!report.runs.length) checks.push(['completed', false]);
failed ||= checks.some(([, ok]) => !ok);

report.loadAfter = loadavg()[0];
const fmt = (x, d = 1) => (x == null || !Number.isFinite(x) ? '–' : x.toFixed(d));
const lines = [
  '# Soak and fault results',
  '',
  `\`pnpm soak --minutes ${MINUTES} --runs ${RUNS} --connections ${CONNECTIONS}${FAULTS ? '' : ' --no-faults'}\`, ${report.started} (UTC), on a 2-core machine shared with other work (1-minute load average ${report.loadBefore.toFixed(1)} at the start, ${report.loadAfter.toFixed(1)} at the end: latencies include that contention). Loopback only; PostgreSQL 18 (the embedded binaries) started by the script and given to the server as DATABASE_URL.`,
  '',
  '| check | result |',
  '|---|---|',
  ...checks.map(([name, ok]) => `| ${name} | ${ok ? 'yes' : '**NO**'} |`),
  '',
  '| run | seconds | requests | writes | steady requests | steady errors | req/s (steady) | p50 ms | p95 ms | p99 ms |',
  '|---|---|---|---|---|---|---|---|---|---|',
  ...report.runs.map(
    (r) =>
      `| ${r.run} | ${fmt(r.seconds, 0)} | ${r.requests} | ${r.writes} | ${r.steady} | ${r.steadyErrors}${r.steadyErrorCodes.length ? ` (${r.steadyErrorCodes.join(', ')})` : ''} | ${fmt(r.rps, 0)} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.p99)} |`,
  ),
  '',
];
if (FAULTS) {
  lines.push(
    'Faults (window: from the fault until 2 s after the first successful write once PostgreSQL was back):',
    '',
  );
  lines.push(
    '| run | fault | database away s | recovered s after it was back | ok | 503 DATABASE_UNAVAILABLE | other |',
    '|---|---|---|---|---|---|---|',
  );
  for (const r of report.runs)
    for (const f of r.faults)
      lines.push(
        `| ${r.run} | ${f.name} | ${fmt(f.downS)} | ${fmt(f.recoveryS, 2)} | ${f.ok} | ${f.unavailable} | ${f.other}${f.otherCodes.length ? ` (${f.otherCodes.join(', ')})` : ''} |`,
      );
  lines.push('');
}
lines.push(`Ledger: ${report.ledger} acknowledged writes, ${report.missing ?? '?'} missing afterwards.`, '');
lines.push('Server RSS (MiB), sampled every 10 s:', '');
for (const r of report.runs)
  lines.push(`- run ${r.run}: ${r.samples.map((s) => `${s.s}s ${fmt(s.rss, 0)}`).join(', ')}`);
if (report.error) lines.push('', '```', report.error.slice(0, 3000), '```');
lines.push('');
writeFileSync(values.out, lines.join('\n'));
console.log(`\n${checks.map(([n, ok]) => `${ok ? 'ok ' : 'FAIL'} ${n}`).join('\n')}\nResults: ${values.out}`);
process.exit(failed ? 1 : 0);
