import path from 'node:path';

/** Where the repository root is: server/dist/config → ../../.. ; server/src/config likewise. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

export interface AppConfig {
  port: number;
  host: string;
  /** A PostgreSQL server given by the operator; when absent an embedded one is started. */
  databaseUrl: string | null;
  /** Database created inside the embedded server. */
  embeddedDatabaseName: string;
  /** Persistent data directory of the embedded server. */
  dataDir: string;
  production: boolean;
  dataFilesDir: string;
  dashboardDir: string;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Parses and validates the environment once, at start-up. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const portText = env.PORT?.trim() || '4000';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 1 || port > 65535) {
    throw new ConfigError('PORT', `PORT must be a whole number from 1 to 65535, not «${portText}».`);
  }
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl !== null) {
    let parsed: URL;
    try {
      parsed = new URL(databaseUrl);
    } catch {
      throw new ConfigError('DATABASE_URL', 'DATABASE_URL is not a URL; expected postgres://user:password@host:5432/database.');
    }
    if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
      throw new ConfigError('DATABASE_URL', `DATABASE_URL must start with postgres://, not ${parsed.protocol}//.`);
    }
  }
  return {
    port,
    host: env.HOST?.trim() || '0.0.0.0',
    databaseUrl,
    embeddedDatabaseName: 'samordna',
    dataDir: path.resolve(env.SAMORDNA_DATA_DIR?.trim() || path.join(REPO_ROOT, '.data', 'postgres')),
    production: env.NODE_ENV === 'production',
    dataFilesDir: path.join(REPO_ROOT, 'data'),
    dashboardDir: path.join(REPO_ROOT, 'dashboard', 'dist'),
  };
}

/** host:port/database of a URL, never the password: for messages and logs. */
export function describeDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    const db = u.pathname.replace(/^\//, '') || '(default)';
    return `${u.hostname}:${u.port || '5432'}/${db} as ${decodeURIComponent(u.username) || '(default user)'}`;
  } catch {
    return '(unparseable URL)';
  }
}
