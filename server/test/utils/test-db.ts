import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Client } from 'pg';
import { withDatabase } from '../../src/database/connect';
import { createDataSource } from '../../src/database/data-source';
import { migrate } from '../../src/database/runtime';
import { seed } from '../../src/database/seeds/seed';
import { REPO_ROOT } from '../../src/config/env';

export function adminUrl(): string {
  const url = process.env.SAMORDNA_TEST_ADMIN_URL;
  if (!url) throw new Error('SAMORDNA_TEST_ADMIN_URL is not set: run the tests through jest (global-setup.ts).');
  return url;
}

/**
 * What a test file's database starts as: `empty` (a plain new database), `migrated` (every
 * migration run) or `seeded` (migrated, then seeded from data/). The last two are copies of
 * template databases that global-setup.ts makes once per run, so a file's set-up is one
 * `CREATE DATABASE … TEMPLATE …` instead of migrating and seeding again.
 */
export type DatabaseStart = 'empty' | 'migrated' | 'seeded';

const TEMPLATE_ENV = { migrated: 'SAMORDNA_TEST_TEMPLATE_MIGRATED', seeded: 'SAMORDNA_TEST_TEMPLATE_SEEDED' } as const;

/** Template names carry their creation time, so a run that was killed leaves nothing for long. */
const TEMPLATE_PREFIX = 'samordna_template_';
const STALE_TEMPLATE_MS = 6 * 60 * 60 * 1000;

function templateOf(start: Exclude<DatabaseStart, 'empty'>): string {
  const name = process.env[TEMPLATE_ENV[start]];
  if (!name) throw new Error(`${TEMPLATE_ENV[start]} is not set: run the tests through jest (global-setup.ts).`);
  return name;
}

async function withAdmin<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

async function dropDatabase(c: Client, name: string): Promise<void> {
  const id = c.escapeIdentifier(name);
  // A template database cannot be dropped until it is marked as an ordinary one again.
  await c.query(`ALTER DATABASE ${id} WITH IS_TEMPLATE false`).catch(() => undefined);
  await c.query(`DROP DATABASE IF EXISTS ${id} WITH (FORCE)`);
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A database of its own for one test file (or one test), empty unless `start` says otherwise. */
export async function createTestDatabase(label = 'test', start: DatabaseStart = 'empty'): Promise<TestDatabase> {
  const name = `samordna_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  await withAdmin(adminUrl(), (c) =>
    c.query(
      `CREATE DATABASE ${c.escapeIdentifier(name)}` +
        (start === 'empty' ? '' : ` TEMPLATE ${c.escapeIdentifier(templateOf(start))}`),
    ),
  );
  return {
    name,
    url: withDatabase(adminUrl(), name),
    drop: () => withAdmin(adminUrl(), (c) => dropDatabase(c, name)),
  };
}

export const DATA_DIR = path.join(REPO_ROOT, 'data');

/**
 * Makes this run's two template databases (migrated; migrated and seeded) on the server at
 * `admin`, and drops templates that runs killed hours ago left behind. Returns their names.
 * The templates take no connections afterwards: `CREATE DATABASE … TEMPLATE` needs that, and
 * it keeps a test from changing what every later file starts from.
 */
export async function createTemplates(admin: string): Promise<Record<Exclude<DatabaseStart, 'empty'>, string>> {
  const stamp = `${Date.now()}_${randomBytes(3).toString('hex')}`;
  const names = { migrated: `${TEMPLATE_PREFIX}${stamp}_migrated`, seeded: `${TEMPLATE_PREFIX}${stamp}_seeded` };
  await withAdmin(admin, async (c) => {
    const old: { datname: string }[] = (
      await c.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${TEMPLATE_PREFIX}%`])
    ).rows;
    for (const { datname } of old) {
      const created = Number(datname.slice(TEMPLATE_PREFIX.length).split('_')[0]);
      if (Number.isFinite(created) && Date.now() - created > STALE_TEMPLATE_MS) await dropDatabase(c, datname);
    }
    await c.query(`CREATE DATABASE ${c.escapeIdentifier(names.migrated)}`);
  });
  try {
    await prepare(withDatabase(admin, names.migrated), false);
    await withAdmin(admin, (c) =>
      c.query(`CREATE DATABASE ${c.escapeIdentifier(names.seeded)} TEMPLATE ${c.escapeIdentifier(names.migrated)}`),
    );
    await prepare(withDatabase(admin, names.seeded), true);
    await withAdmin(admin, async (c) => {
      for (const name of Object.values(names)) {
        await c.query(`ALTER DATABASE ${c.escapeIdentifier(name)} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
      }
    });
  } catch (error) {
    await dropTemplates(admin, names).catch(() => undefined);
    throw error;
  }
  return names;
}

async function prepare(url: string, seeded: boolean): Promise<void> {
  const ds = createDataSource(url, { poolSize: 2 });
  await ds.initialize();
  try {
    if (seeded) await seed(ds, DATA_DIR);
    else await migrate(ds);
  } finally {
    await ds.destroy();
  }
}

export async function dropTemplates(admin: string, names: Record<string, string>): Promise<void> {
  await withAdmin(admin, async (c) => {
    for (const name of Object.values(names)) await dropDatabase(c, name);
  });
}

/** Sets the environment the test workers read the template names from. */
export function exportTemplates(names: Record<Exclude<DatabaseStart, 'empty'>, string>): void {
  process.env[TEMPLATE_ENV.migrated] = names.migrated;
  process.env[TEMPLATE_ENV.seeded] = names.seeded;
}
