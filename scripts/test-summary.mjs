#!/usr/bin/env node
// Counts Jest's --json results (.data/test-results/LABEL.json, written by scripts/test.mjs) the
// same way everywhere: failed includes suites that could not run, skipped includes todo tests.
//   node scripts/test-summary.mjs all machine-pg?
// prints a line per label (when there are several), then the total as one plain line
// `N passed, N failed` (`, N skipped` when some were). A label without its file counts as one
// failure, unless it ends with ? (a pass that may not have run).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const RESULTS_DIR = path.join(root, '.data', 'test-results');

export const resultsFile = (label) => path.join(RESULTS_DIR, `${label}.json`);

/** The counts of one run, or null when it wrote no results. */
export function readCounts(label) {
  const file = resultsFile(label);
  if (!existsSync(file)) return null;
  const r = JSON.parse(readFileSync(file, 'utf8'));
  return {
    passed: r.numPassedTests,
    failed: r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0),
    skipped: r.numPendingTests + (r.numTodoTests ?? 0),
  };
}

export const formatCounts = ({ passed, failed, skipped }) =>
  `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;

/** The lines to print for these labels and the total counts. */
export function summarise(labels) {
  const total = { passed: 0, failed: 0, skipped: 0 };
  const lines = [];
  for (const spec of labels) {
    const optional = spec.endsWith('?');
    const label = optional ? spec.slice(0, -1) : spec;
    const counts = readCounts(label) ?? (optional ? null : { passed: 0, failed: 1, skipped: 0 });
    if (!counts) continue;
    for (const k of Object.keys(total)) total[k] += counts[k];
    if (labels.length > 1) lines.push(`${label}: ${formatCounts(counts)}`);
  }
  lines.push(formatCounts(total));
  return { total, lines };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const labels = process.argv.slice(2);
  if (labels.length === 0) {
    console.error('usage: node scripts/test-summary.mjs LABEL[?] …');
    process.exit(2);
  }
  const { total, lines } = summarise(labels);
  console.log(lines.join('\n'));
  process.exit(total.failed === 0 ? 0 : 1);
}
