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
  /** Demo users are seeded and may sign in: only outside production, and not with SAMORDNA_NO_DEMO_USERS=1. */
  demoUsers: boolean;
  /** SAMORDNA_DEBUG_ERRORS=1: error answers show stack traces and internal messages. Off unless set, whatever NODE_ENV says. */
  debugErrors: boolean;
  /** Where users reach Samordna (links in invitation and reset mails, the OpenID Connect redirect). */
  publicUrl: string;
  /** SMTP for invitation and password-reset mails; null: links are shown once to the person who made them. */
  mail: MailConfig | null;
  /** OpenID Connect sign-in; null when not configured. */
  oidc: OidcConfig | null;
  dataFilesDir: string;
  dashboardDir: string;
  /** SIGTERM: how long in-flight requests may run on before their statements are cancelled (rolled back). */
  shutdownGraceMs: number;
  /** Express `trust proxy`: hops (1) or addresses/subnets of the reverse proxies; null when none. */
  trustProxy: string | null;
}

export interface MailConfig {
  /** smtp://user:password@host:587 or smtps://… (nodemailer's URL form). */
  url: string;
  from: string;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  /** Null for a public client (PKCE only). */
  clientSecret: string | null;
  /** The name on the sign-in button («ID-porten», «Microsoft Entra ID»). */
  displayName: string;
  scopes: string;
}

/** Demo users belong on a laptop only: never in production, and never when switched off. */
export function demoUsersAllowed(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NODE_ENV !== 'production' && env.SAMORDNA_NO_DEMO_USERS !== '1';
}

function parseUrl(variable: string, text: string, protocols: string[], example: string): URL {
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    throw new ConfigError(variable, `${variable} is not a URL; expected ${example}.`);
  }
  if (!protocols.includes(u.protocol))
    throw new ConfigError(
      variable,
      `${variable} must start with ${protocols.map((p) => `${p}//`).join(' or ')}, not ${u.protocol}//.`,
    );
  return u;
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
      throw new ConfigError(
        'DATABASE_URL',
        'DATABASE_URL is not a URL; expected postgres://user:password@host:5432/database.',
      );
    }
    if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
      throw new ConfigError('DATABASE_URL', `DATABASE_URL must start with postgres://, not ${parsed.protocol}//.`);
    }
  }
  const graceText = env.SAMORDNA_SHUTDOWN_GRACE_MS?.trim() || '10000';
  const shutdownGraceMs = Number(graceText);
  if (!/^\d+$/.test(graceText)) {
    throw new ConfigError(
      'SAMORDNA_SHUTDOWN_GRACE_MS',
      `SAMORDNA_SHUTDOWN_GRACE_MS must be a whole number of milliseconds, not «${graceText}».`,
    );
  }
  const production = env.NODE_ENV === 'production';
  const publicUrlText = env.SAMORDNA_PUBLIC_URL?.trim() || `http://localhost:${port}`;
  const publicUrl = parseUrl('SAMORDNA_PUBLIC_URL', publicUrlText, ['http:', 'https:'], 'https://samordna.example.no')
    .toString()
    .replace(/\/$/, '');
  const smtpUrl = env.SMTP_URL?.trim() || null;
  if (smtpUrl) parseUrl('SMTP_URL', smtpUrl, ['smtp:', 'smtps:'], 'smtp://user:password@mail.example.no:587');
  const mailFrom = env.MAIL_FROM?.trim() || null;
  if (smtpUrl && !mailFrom)
    throw new ConfigError(
      'MAIL_FROM',
      'MAIL_FROM must be set with SMTP_URL: the sender address of the mails, e.g. "Samordna <samordna@kommune.no>".',
    );
  const issuer = env.OIDC_ISSUER?.trim() || null;
  const clientId = env.OIDC_CLIENT_ID?.trim() || null;
  if (issuer) parseUrl('OIDC_ISSUER', issuer, ['https:', 'http:'], 'https://login.microsoftonline.com/<tenant>/v2.0');
  if (issuer && !clientId) throw new ConfigError('OIDC_CLIENT_ID', 'OIDC_CLIENT_ID must be set with OIDC_ISSUER.');
  if (clientId && !issuer) throw new ConfigError('OIDC_ISSUER', 'OIDC_ISSUER must be set with OIDC_CLIENT_ID.');
  return {
    port,
    // A laptop with demo users listens on loopback only; production (no demo users) on every interface.
    host: env.HOST?.trim() || (production ? '0.0.0.0' : '127.0.0.1'),
    databaseUrl,
    embeddedDatabaseName: 'samordna',
    dataDir: path.resolve(env.SAMORDNA_DATA_DIR?.trim() || path.join(REPO_ROOT, '.data', 'postgres')),
    production,
    demoUsers: demoUsersAllowed(env),
    debugErrors: env.SAMORDNA_DEBUG_ERRORS === '1',
    publicUrl,
    mail: smtpUrl && mailFrom ? { url: smtpUrl, from: mailFrom } : null,
    oidc:
      issuer && clientId
        ? {
            issuer,
            clientId,
            clientSecret: env.OIDC_CLIENT_SECRET?.trim() || null,
            displayName: env.OIDC_DISPLAY_NAME?.trim() || 'OpenID Connect',
            scopes: env.OIDC_SCOPES?.trim() || 'openid email profile',
          }
        : null,
    dataFilesDir: path.join(REPO_ROOT, 'data'),
    dashboardDir: path.join(REPO_ROOT, 'dashboard', 'dist'),
    shutdownGraceMs,
    trustProxy: env.SAMORDNA_TRUST_PROXY?.trim() || null,
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
