import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Client } from 'pg';
import { REPO_ROOT } from '../../src/config/env';
import { startChildPostgres, tempDir, type ChildPostgres } from '../utils/spawn-server';

// `pnpm db:backup` and `pnpm db:restore` as an operator runs them: back up a migrated and seeded
// database, restore into a fresh one, and compare every table's rows.

const base = tempDir('samordna-backup-');
let embedded: ChildPostgres;

function run(script: string, args: string[], env: Record<string, string | undefined>) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete childEnv[k];
  const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', script), ...args], {
    env: childEnv,
    encoding: 'utf8',
    cwd: REPO_ROOT,
  });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

function withDatabase(url: string, database: string) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function sql<T = Record<string, unknown>>(url: string, text: string): Promise<T[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text)).rows as T[];
  } finally {
    await c.end();
  }
}

/** Every table of the public schema with its row count and a digest of all its rows. */
async function tableContents(url: string) {
  const tables = (
    await sql<{ t: string }>(url, `SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)
  ).map((r) => r.t);
  const out: Record<string, { rows: number; digest: string }> = {};
  for (const t of tables) {
    const [r] = await sql<{ rows: number; digest: string }>(
      url,
      `SELECT count(*)::int AS rows, coalesce(md5(string_agg(x::text, E'\\n' ORDER BY x::text)), '') AS digest FROM public."${t}" x`,
    );
    out[t] = r;
  }
  return out;
}

function machinePostgresAnswers(): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(5432, '127.0.0.1');
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
    setTimeout(() => (s.destroy(), resolve(false)), 3000);
  });
}

beforeAll(async () => {
  embedded = await startChildPostgres(path.join(base, 'pg'));
});
afterAll(async () => {
  await embedded?.stop();
  rmSync(base, { recursive: true, force: true });
});

it('backs up a seeded database in custom format, restores it into a fresh one, and every table has the same rows', async () => {
  // The embedded data directory, found by SAMORDNA_DATA_DIR while it runs. pg_dump refuses a
  // server newer than itself: without client programs as new as the embedded PostgreSQL the
  // script says what to install, and the round trip runs on the machine's PostgreSQL instead.
  const embeddedUrl = withDatabase(embedded.url, 'samordna');
  expect(run('../server/dist/cli/db.js', ['seed'], { DATABASE_URL: embeddedUrl }).status).toBe(0);
  const fromDataDir = run('db-backup.mjs', ['--out', path.join(base, 'embedded.dump')], {
    DATABASE_URL: undefined,
    SAMORDNA_DATA_DIR: path.join(base, 'pg'),
  });
  expect(fromDataDir.output).toContain(`Backing up embedded PostgreSQL in ${path.join(base, 'pg')} (running`);
  let serverUrl: string;
  if (fromDataDir.status === 0) {
    serverUrl = embedded.url;
  } else {
    expect(fromDataDir.output).toMatch(
      /pg_dump \d+ or newer is needed for this PostgreSQL \d+ server .* Install the PostgreSQL \d+ client programs/,
    );
    if (!(await machinePostgresAnswers()))
      throw new Error(
        `no pg_dump fits the embedded PostgreSQL and no PostgreSQL answers on 127.0.0.1:5432:\n${fromDataDir.output}`,
      );
    serverUrl = process.env.SAMORDNA_BACKUP_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  }

  const suffix = `${process.pid}_${Date.now()}`;
  const source = withDatabase(serverUrl, `samordna_backup_${suffix}`);
  const target = withDatabase(serverUrl, `samordna_restore_${suffix}`);
  try {
    if (serverUrl !== embedded.url)
      expect(run('../server/dist/cli/db.js', ['seed'], { DATABASE_URL: source }).status).toBe(0);
    else await sql(serverUrl, `CREATE DATABASE samordna_backup_${suffix} TEMPLATE samordna`);
    // A row written after the seed, with text that needs quoting, must survive too.
    await sql(
      source,
      `UPDATE crisis_centre SET name = name || ' «æøå» ''\\n' WHERE id = (SELECT id FROM crisis_centre ORDER BY id LIMIT 1)`,
    );

    const file = path.join(base, 'backups', 'samordna.dump');
    const backup = run('db-backup.mjs', ['--out', file], { DATABASE_URL: source });
    expect(backup.output).toContain('Backup written');
    expect(backup.status).toBe(0);
    expect(spawnSync('head', ['-c', '5', file], { encoding: 'utf8' }).stdout).toBe('PGDMP'); // custom format
    const password = decodeURIComponent(new URL(source).password);
    if (password) expect(backup.output).not.toContain(password);

    await sql(serverUrl, `CREATE DATABASE samordna_restore_${suffix}`);
    const restore = run('db-restore.mjs', [file], { DATABASE_URL: target });
    expect(restore.output).toContain('Restored.');
    expect(restore.status).toBe(0);

    const before = await tableContents(source);
    const after = await tableContents(target);
    expect(Object.keys(before).length).toBeGreaterThan(20);
    expect(before.municipality.rows).toBe(357);
    expect(after).toEqual(before);

    // Restoring over a database that has data is refused unless --replace is given.
    const again = run('db-restore.mjs', [file], { DATABASE_URL: target });
    expect(again.status).not.toBe(0);
    expect(again.output).toMatch(/already has \d+ tables.*--replace/);
    await sql(target, `DELETE FROM audit_log`);
    const replaced = run('db-restore.mjs', [file, '--replace'], { DATABASE_URL: target });
    expect(replaced.status).toBe(0);
    expect(await tableContents(target)).toEqual(before);
  } finally {
    for (const db of [source, target]) {
      await sql(serverUrl, `DROP DATABASE IF EXISTS ${new URL(db).pathname.slice(1)} WITH (FORCE)`).catch(
        () => undefined,
      );
    }
  }
});
