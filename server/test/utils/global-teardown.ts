import { dropTemplates } from './test-db';

export default async function globalTeardown(): Promise<void> {
  const run = globalThis.__SAMORDNA_TEST_RUN__;
  if (!run) return;
  globalThis.__SAMORDNA_TEST_RUN__ = undefined;
  delete process.env.SAMORDNA_TEST_ADMIN_URL;
  try {
    // The embedded server goes with its data; a DATABASE_URL server keeps only what tests left.
    if (!run.stopPostgres) await dropTemplates(run.admin, run.templates);
  } finally {
    await run.stopPostgres?.();
  }
}
