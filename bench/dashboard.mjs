#!/usr/bin/env node
// Dashboard benchmark: gzipped JS of the first route, time to a drawn map, and the API time of
// coverageOverview, on loopback against the real server on a fresh embedded database.
// Run after `pnpm build`: node bench/dashboard.mjs   (writes bench/results/dashboard.md)
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { findFreePort } from '../infra/postgres/index.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { chromium } = createRequire(path.join(root, 'dashboard', 'package.json'))('playwright-core');
const RUNS = 7;
/** How long the server may take to start (a fresh embedded database is initialised first). */
const START_TIMEOUT_MS = 120_000;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const dir = mkdtempSync(path.join(tmpdir(), 'samordna-bench-'));
chmodSync(dir, 0o755);
const port = await findFreePort();
const server = spawn(process.execPath, [path.join(root, 'server', 'dist', 'main.js')], {
  env: { ...process.env, PORT: String(port), SAMORDNA_DATA_DIR: path.join(dir, 'pg'), NODE_ENV: 'production' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
try {
  await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the server did not start within ${START_TIMEOUT_MS / 1000} s:\n${out}`)), START_TIMEOUT_MS);
    server.stdout.on('data', (c) => {
      out += c;
      if (out.includes('Samordna is running')) {
        clearTimeout(timer);
        resolve();
      }
    });
    server.on('exit', () => {
      clearTimeout(timer);
      reject(new Error(out));
    });
  });
} catch (error) {
  if (server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((r) => server.on('exit', r));
  }
  rmSync(dir, { recursive: true, force: true });
  throw error;
}
const base = `http://localhost:${port}`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });

try {
  // 1. JavaScript the first route loads, gzipped.
  const page = await browser.newPage();
  const scripts = new Map();
  page.on('response', async (r) => {
    if (r.request().resourceType() === 'script') scripts.set(r.url(), await r.body());
  });
  await page.goto(`${base}/`, { waitUntil: 'networkidle' });
  await page.getByTestId('key-figures').waitFor();
  const gz = [...scripts.values()].reduce((n, b) => n + zlib.gzipSync(b, { level: 9 }).length, 0);
  const raw = [...scripts.values()].reduce((n, b) => n + b.length, 0);
  await page.close();

  // 2. Time from navigation to a drawn map (all 357 municipalities in the SVG), cold page each run.
  const mapTimes = [];
  for (let i = 0; i < RUNS; i++) {
    const p = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await p.goto(`${base}/kart`);
    await p.waitForFunction(() => document.querySelectorAll('[data-testid=coverage-map] path[data-kommunenummer]').length === 357);
    mapTimes.push(await p.evaluate(() => performance.now()));
    await p.close();
  }

  // 3. coverageOverview for all 357 municipalities over HTTP.
  const apiTimes = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const r = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ coverageOverview { rows { municipality { kommunenummer } worstSeverity codes } } }' }),
    });
    await r.json();
    apiTimes.push(performance.now() - t0);
  }

  const kb = (n) => (n / 1024).toFixed(1);
  const lines = [
    '# Dashboard benchmark',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} on this machine (${process.platform}, Node ${process.version}), headless Debian Chromium on loopback, production build, fresh embedded database. Median of ${RUNS} runs.`,
    '',
    '| what | result | target |',
    '|---|---|---|',
    `| JavaScript of the first route (Oversikt), gzipped | ${kb(gz)} KB (${kb(raw)} KB raw, ${scripts.size} files) | ≤ 350 KB |`,
    `| navigation to a drawn map of all 357 municipalities | ${Math.round(median(mapTimes))} ms (runs: ${mapTimes.map((t) => Math.round(t)).join(', ')}) | ≤ 1 500 ms |`,
    `| coverageOverview, 357 municipalities, HTTP round trip | ${Math.round(median(apiTimes))} ms | – |`,
    '',
  ];
  writeFileSync(path.join(root, 'bench', 'results', 'dashboard.md'), lines.join('\n'));
  console.log(lines.join('\n'));
} finally {
  await browser.close();
  server.kill('SIGTERM');
  await new Promise((r) => server.on('exit', r));
  rmSync(dir, { recursive: true, force: true });
}
