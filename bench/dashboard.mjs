#!/usr/bin/env node
// Dashboard and start-up benchmark (issue 15), on loopback against the real built server:
//   1. JavaScript the first route (Oversikt, `/`) loads, gzipped, against ≤ 250 KB;
//   2. navigation to a drawn map (all 357 municipalities painted), median of N cold pages, ≤ 1 s;
//   3. cold start with an existing data directory: spawn of `node scripts/start.mjs` (what
//      `pnpm start` runs) to the first 200 from /graphql, median of N, ≤ 5 s;
//   4. whether that start rebuilt anything (it must not without source changes) and how long its
//      build check took.
// Writes bench/results/dashboard.json ([{ what, result, target, met }]) and bench/results/dashboard.md.
// Run after a build: `node bench/dashboard.mjs [--runs 7] [--starts 5]`.
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import zlib from 'node:zlib';
import { findFreePort } from '../infra/postgres/index.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { chromium } = createRequire(path.join(root, 'dashboard', 'package.json'))('playwright-core');
const { values: args } = parseArgs({
  options: { runs: { type: 'string', default: '7' }, starts: { type: 'string', default: '5' } },
});
const RUNS = Number(args.runs);
const STARTS = Number(args.starts);
/** The first start initialises a fresh embedded database and seeds it: allow for a busy machine. */
const START_TIMEOUT_MS = 180_000;
const TARGETS = { firstRouteKbGz: 250, mapPaintMs: 1000, coldStartMs: 5000 };
const MUNICIPALITIES = 357;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n) => (n / 1024).toFixed(1);
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(', ');

const dir = mkdtempSync(path.join(os.tmpdir(), 'samordna-bench-'));
chmodSync(dir, 0o755);
const dataDir = path.join(dir, 'pg');
const port = await findFreePort();
const base = `http://localhost:${port}`;

/**
 * Starts `node scripts/start.mjs` and waits for the first 200 from /graphql. Returns the time from
 * spawn to that answer, whether the build check rebuilt, and a stop function.
 */
async function start() {
  const t0 = performance.now();
  const child = spawn(process.execPath, [path.join(root, 'scripts', 'start.mjs')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), SAMORDNA_DATA_DIR: dataDir, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c) => (out += c));
  child.stderr.on('data', (c) => (out += c));
  const exited = new Promise((r) => child.on('exit', r));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  };
  const deadline = t0 + START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited during start-up:\n${out}`);
    if (performance.now() > deadline) {
      await stop();
      throw new Error(`the server did not answer within ${START_TIMEOUT_MS / 1000} s:\n${out}`);
    }
    try {
      const r = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query":"{ __typename }"}',
      });
      await r.arrayBuffer();
      if (r.status === 200) break;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  const ms = performance.now() - t0;
  // CPU time the start took (this process and PostgreSQL's), which the machine's other load does
  // not inflate as it does the wall time: on an idle 2-core machine the wall time is near it.
  const cpuMs = cpuOfTree(child.pid);
  await new Promise((r) => setTimeout(r, 1500)); // for the «started in» line, printed just after the first answer
  const rebuilt = /^Building /m.test(out);
  const check = /checked in (\d+) ms/.exec(out);
  const built = /^Built in ([\d.]+) s/m.exec(out);
  return {
    ms,
    cpuMs,
    rebuilt,
    checkMs: check ? Number(check[1]) : null,
    buildS: built ? Number(built[1]) : null,
    out,
    stop,
  };
}

/** utime + stime of a process and its descendants (Linux /proc), in ms; null elsewhere. */
function cpuOfTree(pid) {
  try {
    const tick = 1000 / 100; // USER_HZ is 100 on Linux
    const children = new Map();
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const ppid = Number(fields[1]);
        children.set(Number(entry), { ppid, cpu: (Number(fields[11]) + Number(fields[12])) * tick });
      } catch {
        // Gone meanwhile.
      }
    }
    let total = 0;
    const walk = (p) => {
      total += children.get(p)?.cpu ?? 0;
      for (const [c, v] of children) if (v.ppid === p) walk(c);
    };
    walk(pid);
    return total;
  } catch {
    return null;
  }
}

const results = [];
const notes = [];
let server = null;
let browser = null;
try {
  // Start 0: a fresh data directory (initialised, migrated and seeded), not part of the figure.
  const first = await start();
  notes.push(
    `First start on an empty data directory (initdb, migrations, seed): ${(first.ms / 1000).toFixed(1)} s${first.rebuilt ? `, and it built (${first.buildS} s): the build was not recorded as current before the run` : ''}.`,
  );
  server = first;

  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });

  // 1. JavaScript of the first route: every script the start page fetches until it has drawn its
  //    key figures and chart and the network is quiet.
  const scriptsOf = async (url, ready) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const scripts = new Map();
    page.on('response', async (r) => {
      if (r.request().resourceType() === 'script') scripts.set(new URL(r.url()).pathname, await r.body());
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    await ready(page);
    await page.waitForLoadState('networkidle');
    await context.close();
    const gz = [...scripts.values()].reduce((n, b) => n + zlib.gzipSync(b, { level: 9 }).length, 0);
    const raw = [...scripts.values()].reduce((n, b) => n + b.length, 0);
    return { gz, raw, files: [...scripts.keys()].map((k) => path.basename(k)) };
  };
  const home = await scriptsOf(`${base}/`, (p) =>
    p.getByTestId('county-chart').or(p.locator('.recharts-wrapper')).first().waitFor(),
  );
  results.push({
    what: 'JavaScript of the first route (Oversikt), gzipped',
    result: `${kb(home.gz)} KB (${kb(home.raw)} KB raw, ${home.files.length} files)`,
    value: Number(kb(home.gz)),
    unit: 'KB',
    target: `≤ ${TARGETS.firstRouteKbGz} KB`,
    met: home.gz / 1024 <= TARGETS.firstRouteKbGz,
  });
  const map = await scriptsOf(`${base}/kart`, (p) =>
    p.locator('[data-testid=coverage-map] path[data-kommunenummer]').first().waitFor(),
  );
  notes.push(
    `First route files: ${home.files.join(', ')}. The map page (/kart) as first route: ${kb(map.gz)} KB gzipped in ${map.files.length} files.`,
  );

  // 2. Navigation to a drawn map: a new browser context (empty cache) each run. An observer set
  //    up before the page's scripts notes when all municipalities are in the SVG; the time is
  //    taken in the next animation frame, when that frame is painted.
  const mapTimes = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript((count) => {
      const observer = new MutationObserver(() => {
        if (document.querySelectorAll('[data-testid=coverage-map] path[data-kommunenummer]').length >= count) {
          observer.disconnect();
          requestAnimationFrame(() => (window.__mapPainted = performance.now()));
        }
      });
      observer.observe(document, { childList: true, subtree: true });
    }, MUNICIPALITIES);
    await page.goto(`${base}/kart`);
    await page.waitForFunction(() => typeof window.__mapPainted === 'number', null, { timeout: 60_000 });
    mapTimes.push(await page.evaluate(() => window.__mapPainted));
    await context.close();
  }
  results.push({
    what: `Navigation to a drawn map of all ${MUNICIPALITIES} municipalities (/kart, empty cache), median of ${RUNS}`,
    result: `${Math.round(median(mapTimes))} ms (runs: ${mapTimes.map((t) => Math.round(t)).join(', ')})`,
    value: Math.round(median(mapTimes)),
    unit: 'ms',
    target: `≤ ${TARGETS.mapPaintMs} ms`,
    met: median(mapTimes) <= TARGETS.mapPaintMs,
  });

  // coverageOverview over HTTP, for reference (i15-bench measures it under load).
  const apiTimes = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const r = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: '{ coverageOverview { rows { municipality { kommunenummer } worstSeverity codes } } }',
      }),
    });
    await r.json();
    apiTimes.push(performance.now() - t0);
  }
  notes.push(`coverageOverview (357 municipalities) over HTTP, one client: median ${Math.round(median(apiTimes))} ms.`);
  await browser.close();
  browser = null;
  await server.stop();
  server = null;

  // 3 and 4. Cold starts with the data directory the first start made.
  const starts = [];
  for (let i = 0; i < STARTS; i++) {
    const s = await start();
    await s.stop();
    starts.push(s);
  }
  const startMs = starts.map((s) => s.ms);
  results.push({
    what: `Cold start with an existing data directory (spawn of \`node scripts/start.mjs\` to the first 200 from /graphql), median of ${STARTS}`,
    result: `${(median(startMs) / 1000).toFixed(2)} s (runs: ${startMs.map((t) => (t / 1000).toFixed(2)).join(', ')})`,
    value: Number((median(startMs) / 1000).toFixed(2)),
    unit: 's',
    target: `≤ ${TARGETS.coldStartMs / 1000} s`,
    met: median(startMs) <= TARGETS.coldStartMs,
  });
  const cpus = starts.map((s) => s.cpuMs).filter((c) => c !== null);
  if (cpus.length) {
    results.push({
      what: 'CPU time of that cold start (the server process and its PostgreSQL, until the first 200), median',
      result: `${(median(cpus) / 1000).toFixed(2)} s CPU (runs: ${cpus.map((c) => (c / 1000).toFixed(2)).join(', ')})`,
      value: Number((median(cpus) / 1000).toFixed(2)),
      unit: 's',
      target: `≤ ${TARGETS.coldStartMs / 1000} s (what the wall time would be on an idle machine, roughly)`,
      met: median(cpus) <= TARGETS.coldStartMs,
    });
  }
  const rebuilds = starts.filter((s) => s.rebuilt).length;
  const checks = starts.map((s) => s.checkMs).filter((c) => c !== null);
  results.push({
    what: 'A start without source changes rebuilds nothing',
    result:
      rebuilds === 0
        ? `no rebuild in ${STARTS} starts (build check ${Math.round(median(checks))} ms)`
        : `rebuilt in ${rebuilds} of ${STARTS} starts`,
    value: rebuilds,
    unit: 'rebuilds',
    target: 'no rebuild',
    met: rebuilds === 0,
  });
  const phases = /Samordna is running \(started in ([\d.]+) s\)/.exec(starts[starts.length - 1].out);
  if (phases)
    notes.push(
      `The server's own start-up (port, database, migrations check, seed check, schema) in the last start: ${phases[1]} s; the rest of the cold start is Node loading the server's modules and the build check.`,
    );
} finally {
  await browser?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
}

const when = new Date().toISOString();
const md = [
  '# Dashboard and start-up benchmark',
  '',
  `\`node bench/dashboard.mjs\`, ${when} (UTC), ${os.cpus().length} cores, Node ${process.version}, headless Debian Chromium on loopback, production build (\`NODE_ENV=production\`), embedded PostgreSQL. Load average at the end: ${load()} (the machine is shared: times include that contention).`,
  '',
  '| what | result | target | met |',
  '|---|---|---|---|',
  ...results.map((r) => `| ${r.what} | ${r.result} | ${r.target} | ${r.met ? 'yes' : '**no**'} |`),
  '',
  ...notes.map((n) => `- ${n}`),
  '',
];
mkdirSync(path.join(root, 'bench', 'results'), { recursive: true });
writeFileSync(path.join(root, 'bench', 'results', 'dashboard.json'), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(path.join(root, 'bench', 'results', 'dashboard.md'), md.join('\n'));
console.log(md.join('\n'));
