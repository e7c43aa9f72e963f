#!/usr/bin/env node
// Runs every Jest project (or those named in the arguments) and ends with one plain line
// `N passed, N failed` (`, N skipped` when some were) that any CI can read. Extra arguments go to Jest:
//   pnpm test -- --selectProjects domain
//   pnpm test -- server/test/integration/api.integration-spec.ts -t "crisisCentres"
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RESULTS_DIR, resultsFile, summarise } from './test-summary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
mkdirSync(RESULTS_DIR, { recursive: true });
const label = process.env.SAMORDNA_TEST_LABEL || 'jest';
const outputFile = resultsFile(label);
rmSync(outputFile, { force: true });

const args = process.argv.slice(2).filter((a) => a !== '--');
const jest = path.join(root, 'node_modules', 'jest', 'bin', 'jest.js');
const run = spawnSync(process.execPath, [jest, '--json', `--outputFile=${outputFile}`, ...args], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
});

const { total, lines } = summarise([label]);
console.log(lines.join('\n'));
process.exit(run.status === 0 && total.failed === 0 ? 0 : 1);
