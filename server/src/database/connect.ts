import { Client, type DatabaseError } from 'pg';
import { describeDatabaseUrl } from '../config/env';

/** A database problem explained for the person who started the program. */
export class DatabaseUnavailableError extends Error {
  readonly code = 'DATABASE_UNAVAILABLE';
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseUnavailableError';
  }
}

/** The same server URL with another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export function explainConnectionError(error: unknown, url: string): DatabaseUnavailableError {
  const where = describeDatabaseUrl(url);
  const e = error as Partial<DatabaseError> & { code?: string; message?: string };
  const hostPort = (() => {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}`;
  })();
  switch (e.code) {
    case 'ECONNREFUSED':
      return new DatabaseUnavailableError(
        `Cannot reach PostgreSQL at ${hostPort}: connection refused. Is the server running and listening there? ` +
          'Check DATABASE_URL, or unset it to use the embedded PostgreSQL.',
      );
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new DatabaseUnavailableError(
        `Cannot resolve the database host in DATABASE_URL (${hostPort}). Check the host name.`,
      );
    case 'ETIMEDOUT':
      return new DatabaseUnavailableError(
        `PostgreSQL at ${hostPort} did not answer in time. Check DATABASE_URL and the network.`,
      );
    case '28P01':
    case '28000':
      return new DatabaseUnavailableError(
        `PostgreSQL at ${hostPort} refused the login (${where}): wrong user name or password. ` +
          'Check the credentials in DATABASE_URL.',
      );
    case '3D000':
      return new DatabaseUnavailableError(
        `The database in DATABASE_URL does not exist (${where}) and could not be created.`,
      );
    default:
      if (/timeout/i.test(e.message ?? '')) {
        return new DatabaseUnavailableError(
          `PostgreSQL at ${hostPort} did not answer in time. Check DATABASE_URL and the network.`,
        );
      }
      return new DatabaseUnavailableError(`Cannot use PostgreSQL at ${where}: ${e.message ?? String(error)}`);
  }
}

async function tryConnect(url: string, timeoutMs: number): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Checks that the database answers and accepts the login; creates the database when the
 * server is reachable but the database itself does not exist yet.
 */
export async function ensureDatabase(url: string, timeoutMs = 8000): Promise<void> {
  try {
    await tryConnect(url, timeoutMs);
    return;
  } catch (error) {
    if ((error as { code?: string }).code !== '3D000') throw explainConnectionError(error, url);
  }
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  const admin = new Client({ connectionString: withDatabase(url, 'postgres'), connectionTimeoutMillis: timeoutMs });
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`);
  } catch (error) {
    if ((error as { code?: string }).code !== '42P04') throw explainConnectionError(error, url); // 42P04: created meanwhile
  } finally {
    await admin.end().catch(() => undefined);
  }
}
