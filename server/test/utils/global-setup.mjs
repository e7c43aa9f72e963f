// Starts one throwaway embedded PostgreSQL for the whole test run, unless DATABASE_URL
// names a server to test against. Each test file then makes its own database in it.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export default async function globalSetup() {
  if (globalThis.__SAMORDNA_PG__ || process.env.SAMORDNA_TEST_ADMIN_URL) return;
  if (process.env.DATABASE_URL) {
    process.env.SAMORDNA_TEST_ADMIN_URL = process.env.DATABASE_URL;
    process.env.SAMORDNA_TEST_DB_KIND = 'external';
    return;
  }
  const { startEmbeddedPostgres } = await import('@samordna/embedded-pg');
  const base = await mkdtemp(path.join(tmpdir(), 'samordna-test-'));
  const pg = await startEmbeddedPostgres({ dataDir: path.join(base, 'pg'), persistent: false, fast: true });
  globalThis.__SAMORDNA_PG__ = pg;
  process.env.SAMORDNA_TEST_ADMIN_URL = pg.url;
  process.env.SAMORDNA_TEST_DB_KIND = 'embedded';
}
