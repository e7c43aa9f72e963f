#!/usr/bin/env node
// Runs every Jest project (or those named in the arguments) and ends with one plain line
// `N passed, N failed, N skipped` that any CI can read. Extra arguments go to Jest:
//   pnpm test -- --selectProjects domain
//   pnpm test -- server/test/integration/api.integration-spec.ts -t "crisisCentres"
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = path.join(root, '.data', 'test-results');
mkdirSync(resultsDir, { recursive: true });
const label = process.env.SAMORDNA_TEST_LABEL || 'jest';
const outputFile = path.join(resultsDir, `${label}.json`);
rmSync(outputFile, { force: true });

const args = process.argv.slice(2).filter((a) => a !== '--');
const jest = path.join(root, 'node_modules', 'jest', 'bin', 'jest.js');
const run = spawnSync(process.execPath, [jest, '--json', `--outputFile=${outputFile}`, ...args], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
});

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(outputFile)) {
  const r = JSON.parse(readFileSync(outputFile, 'utf8'));
  passed = r.numPassedTests;
  failed = r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0);
  skipped = r.numPendingTests + r.numTodoTests;
} else {
  failed = 1;
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(run.status === 0 && failed === 0 ? 0 : 1);
