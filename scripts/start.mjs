#!/usr/bin/env node
// `pnpm start`: builds only what changed since the last build, then runs the server in this process.
//
// Each workspace package that has a build gets a content hash of its inputs (its sources and
// configuration, the sources of what it depends on, the lockfile). The hash of the last successful
// build is kept in node_modules/.cache/samordna/build-stamps.json; a package whose inputs hash the
// same and whose output exists is not built again. A fresh checkout has no stamps and builds all.
// `--build-only` checks and builds without starting; `--force-build` builds everything;
// `--record-build` only records the current inputs as built (`pnpm build` ends with it).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import module from 'node:module';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STAMPS = path.join(root, 'node_modules', '.cache', 'samordna', 'build-stamps.json');

/** Tests, generated code and outputs never change what a build produces. */
const IGNORED_DIRS = new Set([
  'node_modules',
  'dist',
  'dist-test',
  '__tests__',
  'e2e',
  'test',
  'gql',
  'coverage',
  '.data',
]);
const IGNORED_FILE = /\.(test|spec|e2e-spec|integration-spec|process-spec)\.tsx?$|\.tsbuildinfo$/;

/** Builds in dependency order: the domain first (the server compiles against its declarations). */
const PACKAGES = [
  {
    name: '@samordna/domain',
    inputs: [
      'packages/domain/src',
      'packages/domain/package.json',
      'packages/domain/tsconfig.json',
      'packages/domain/tsconfig.build.json',
    ],
    output: 'packages/domain/dist/index.js',
  },
  {
    name: '@samordna/server',
    after: ['@samordna/domain'],
    inputs: ['server/src', 'server/package.json', 'server/tsconfig.json', 'server/tsconfig.build.json'],
    output: 'server/dist/main.js',
  },
  {
    name: '@samordna/dashboard',
    // Vite compiles the domain's sources itself; codegen reads the committed schema.
    inputs: [
      'dashboard/src',
      'dashboard/index.html',
      'dashboard/package.json',
      'dashboard/tsconfig.json',
      'dashboard/vite.config.ts',
      'dashboard/codegen.ts',
      'dashboard/public',
      'packages/domain/src',
      'packages/graphql-schema/schema.graphql',
    ],
    output: 'dashboard/dist/index.html',
  },
];
const SHARED_INPUTS = ['pnpm-lock.yaml', 'tsconfig.base.json', 'package.json'];

function files(rel) {
  const abs = path.join(root, rel);
  if (!existsSync(abs)) return [];
  if (statSync(abs).isFile()) return [rel];
  const out = [];
  for (const entry of readdirSync(abs, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!IGNORED_DIRS.has(entry.name)) out.push(...files(path.join(rel, entry.name)));
    } else if (entry.isFile() && !IGNORED_FILE.test(entry.name)) {
      out.push(path.join(rel, entry.name));
    }
  }
  return out;
}

/** Hash of the inputs' paths and contents (not their times: a checkout that changes nothing builds nothing). */
function inputHash(pkg) {
  const hash = createHash('sha256');
  for (const file of [...new Set([...SHARED_INPUTS, ...pkg.inputs].flatMap(files))].sort()) {
    hash
      .update(file.split(path.sep).join('/'))
      .update('\0')
      .update(readFileSync(path.join(root, file)))
      .update('\0');
  }
  return hash.digest('hex');
}

function readStamps() {
  try {
    return JSON.parse(readFileSync(STAMPS, 'utf8'));
  } catch {
    return {};
  }
}

function recordBuilt(names, hashes) {
  mkdirSync(path.dirname(STAMPS), { recursive: true });
  writeFileSync(
    STAMPS,
    `${JSON.stringify({ ...readStamps(), ...Object.fromEntries(names.map((n) => [n, hashes[n]])) }, null, 2)}\n`,
  );
}

function pnpmCommand() {
  // Under `pnpm start` this is pnpm's own script; run directly, the pinned pnpm through npx.
  const execPath = process.env.npm_execpath;
  if (execPath && /pnpm/.test(execPath)) return [process.execPath, [execPath]];
  return [process.platform === 'win32' ? 'npx.cmd' : 'npx', ['-y', 'pnpm@10.34.8']];
}

/** Builds the packages whose inputs changed; returns what it built. Exits on a failed build. */
export function buildIfNeeded({ force = false, log = console.log } = {}) {
  const t0 = performance.now();
  const stamps = readStamps();
  const hashes = Object.fromEntries(PACKAGES.map((p) => [p.name, inputHash(p)]));
  const stale = new Set();
  for (const p of PACKAGES) {
    const changed = force || stamps[p.name] !== hashes[p.name] || !existsSync(path.join(root, p.output));
    if (changed || (p.after ?? []).some((d) => stale.has(d))) stale.add(p.name);
  }
  const checkedMs = performance.now() - t0;
  if (stale.size === 0) {
    log(`Build is up to date (sources unchanged since the last build; checked in ${Math.round(checkedMs)} ms).`);
    return { built: [], checkedMs, buildMs: 0 };
  }
  const names = PACKAGES.map((p) => p.name).filter((n) => stale.has(n));
  log(
    `Building ${names.join(', ')} ` +
      `(${force ? 'asked for' : Object.keys(stamps).length ? 'sources changed' : 'no earlier build recorded'}) …`,
  );
  const [command, prefix] = pnpmCommand();
  const b0 = performance.now();
  // pnpm orders the packages by their dependencies and builds independent ones side by side.
  const r = spawnSync(command, [...prefix, ...names.flatMap((n) => ['--filter', n]), 'run', 'build'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) {
    console.error(
      '\nSamordna could not start: the build failed (see above). ' +
        'Nothing is recorded as built; the next start tries again.\n',
    );
    process.exit(r.status ?? 1);
  }
  recordBuilt(names, hashes);
  const buildMs = performance.now() - b0;
  log(`Built in ${(buildMs / 1000).toFixed(1)} s.`);
  return { built: names, checkedMs, buildMs };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = new Set(process.argv.slice(2));
  if (args.has('--record-build')) {
    recordBuilt(
      PACKAGES.map((p) => p.name),
      Object.fromEntries(PACKAGES.map((p) => [p.name, inputHash(p)])),
    );
    process.exit(0);
  }
  buildIfNeeded({ force: args.has('--force-build') });
  if (!args.has('--build-only')) {
    // Node 22.1+ keeps the compiled code of the server's modules between starts (a no-op on Node 20).
    module.enableCompileCache?.(path.join(root, 'node_modules', '.cache', 'samordna', 'compile'));
    // The server in this process: its SIGINT/SIGTERM handling is the same as `node server/dist/main.js`.
    await import(pathToFileURL(path.join(root, 'server', 'dist', 'main.js')).href);
  }
}
