import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { parse as parseCookies } from 'cookie';
import { GraphQLError } from 'graphql';
import type { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { requiresTotp, type Grant, type Role } from '@samordna/domain';
import { unauthenticated, type AuthUser } from '../../app/auth';
import type { AppContext } from '../../app/context';
import { ErrorCode } from '../../app/errors';
import { parseInput, zmsg } from '../../app/validation';
import { newTotpSecret, totpUri, verifyTotp } from './totp';
import { transaction } from '../../app/transaction';
import { dataVersionOf } from '../../app/data-version';

export const SESSION_COOKIE = 'samordna_session';
export const SESSION_HOURS = 12;
/** Failed sign-ins allowed in THROTTLE_MINUTES before the account or the address is paused. */
export const THROTTLE = { minutes: 15, perAccount: 5, perAddress: 20 };
/** How long the second step of a sign-in (the authenticator code) may wait, and how many tries it gets. */
export const CHALLENGE = { minutes: 10, attempts: 5 };

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
/** A random token for a cookie or a one-time link; only its SHA-256 is stored. */
export const newToken = () => randomBytes(32).toString('base64url');

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Verifying against a real hash when the account does not exist keeps the timing the same.
const DUMMY_HASH = hash('not-a-real-password-x9');

/** A sign-in method, as sessions and challenges record it. */
export type SignInMethod = 'PASSWORD' | 'OIDC';

/**
 * The user behind a session cookie, or null. One statement, which also notes when the session was
 * last used (at most every five minutes). Demo users count only where they are allowed.
 */
export async function authenticate(
  ds: DataSource,
  cookieHeader: string | undefined,
  options: { demoUsers: boolean },
): Promise<AuthUser | null> {
  const token = cookieHeader ? parseCookies(cookieHeader)[SESSION_COOKIE] : undefined;
  if (!token) return null;
  return userOf(await sessionRows(ds, token, options, false));
}

/**
 * The session's user (as `authenticate`) and the committed data version, read by one statement that
 * starts after this call: what the response cache needs per request in one round trip. Without a
 * session cookie, only the version is read (still after this call).
 */
export async function authenticateWithVersion(
  ds: DataSource,
  cookieHeader: string | undefined,
  options: { demoUsers: boolean },
): Promise<{ auth: AuthUser | null; dataVersion: number }> {
  const token = cookieHeader ? parseCookies(cookieHeader)[SESSION_COOKIE] : undefined;
  if (!token) return { auth: null, dataVersion: await dataVersionOf(ds).current() };
  const rows = await sessionRows(ds, token, options, true);
  return { auth: userOf(rows), dataVersion: rows[0].data_version! };
}

interface SessionRow {
  id: string | null;
  email: string;
  name: string;
  session_id: string;
  role: Role | null;
  kommunenummer: string | null;
  centre_id: string | null;
  data_version?: number;
}

/**
 * The live session's user and grants (one row per grant), touching the session at most every 5
 * minutes. `withVersion`: with the data version in every row, and one row with a null id when the
 * session is not live.
 */
function sessionRows(
  ds: DataSource,
  token: string,
  options: { demoUsers: boolean },
  withVersion: boolean,
): Promise<SessionRow[]> {
  const user = `live JOIN app_user u ON u.id = live.user_id LEFT JOIN user_role r ON r.user_id = u.id`;
  return ds.query(
    `WITH live AS (
       SELECT s.token_hash, s.id, s.user_id FROM user_session s JOIN app_user u ON u.id = s.user_id
       WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.active AND (NOT u.is_example OR $2)
     ), touched AS (
       UPDATE user_session s SET last_seen_at = now() FROM live
       WHERE s.token_hash = live.token_hash AND s.last_seen_at < now() - interval '5 minutes' RETURNING 1
     )
     SELECT u.id, u.email, u.name, live.id AS session_id, r.role, r.kommunenummer, r.centre_id${
       withVersion
         ? `, dv.version::int AS data_version FROM data_version dv LEFT JOIN (${user}) ON true`
         : ` FROM ${user}`
     }`,
    [sha256(token), options.demoUsers],
  );
}

function userOf(rows: SessionRow[]): AuthUser | null {
  if (rows.length === 0 || rows[0].id === null) return null;
  return {
    id: rows[0].id,
    email: rows[0].email,
    name: rows[0].name,
    sessionId: rows[0].session_id,
    grants: rows
      .filter((r) => r.role)
      .map((r): Grant => ({ role: r.role!, kommunenummer: r.kommunenummer, centreId: r.centre_id })),
  };
}

function tooManyAttempts(): GraphQLError {
  return new GraphQLError(`For mange mislykkede innlogginger. Vent ${THROTTLE.minutes} minutter og prøv igjen.`, {
    extensions: { code: ErrorCode.TOO_MANY_ATTEMPTS, http: { status: 429 } },
  });
}

/**
 * Check and count in one step: under advisory locks on the account and on the address, counts the
 * failures in the window and, when under the limits, records this attempt as failed before the password
 * (or code) is checked. Concurrent tries therefore see each other, and no more than the limit of real
 * checks can happen in a window. The attempt is marked successful afterwards when it was.
 */
export async function reserveAttempt(ds: DataSource, email: string, ip: string): Promise<string> {
  return transaction({ dataSource: ds }, async (em) => {
    await em.query(`SELECT pg_advisory_xact_lock(hashtextextended('login-account:' || $1, 0))`, [email]);
    await em.query(`SELECT pg_advisory_xact_lock(hashtextextended('login-address:' || $1, 0))`, [ip]);
    const [{ account, address }] = await em.query(
      `SELECT count(*) FILTER (WHERE email = $1)::int AS account, count(*) FILTER (WHERE ip = $2)::int AS address
       FROM login_attempt WHERE NOT succeeded AND at > now() - make_interval(mins => $3) AND (email = $1 OR ip = $2)`,
      [email, ip, THROTTLE.minutes],
    );
    if (account >= THROTTLE.perAccount || address >= THROTTLE.perAddress) throw tooManyAttempts();
    const [row] = await em.query(
      `INSERT INTO login_attempt (email, ip, succeeded) VALUES ($1, $2, false) RETURNING id`,
      [email, ip],
    );
    return String(row.id);
  });
}

export async function markAttemptSucceeded(ds: DataSource | EntityManager, attemptId: string): Promise<void> {
  await ds.query(`UPDATE login_attempt SET succeeded = true WHERE id = $1`, [attemptId]);
}

const loginSchema = z.object({
  email: z.string().trim().toLowerCase().min(3, zmsg('field.enterEmail')).max(200),
  password: z.string().min(1, zmsg('field.enterPassword')).max(500),
});

export interface UserRow {
  id: string;
  email: string;
  password_hash: string | null;
  is_example: boolean;
  totp_secret: string | null;
  roles: Role[];
}

/** The grants-independent facts sign-in needs about a user. */
export async function userForSignIn(
  ds: DataSource | EntityManager,
  where: 'email' | 'id',
  value: string,
  demoUsers: boolean,
): Promise<UserRow | null> {
  const [user] = await ds.query(
    `SELECT u.id, u.email, u.password_hash, u.is_example, u.totp_secret,
            coalesce(array_agg(r.role) FILTER (WHERE r.role IS NOT NULL), '{}') AS roles
     FROM app_user u LEFT JOIN user_role r ON r.user_id = u.id
     WHERE u.${where === 'email' ? 'email' : 'id'} = $1 AND u.active AND (NOT u.is_example OR $2)
     GROUP BY u.id`,
    [value, demoUsers],
  );
  return user ?? null;
}

/** Whether this user must give a code: they have set one up, or they are a national administrator (demo users excepted). */
export function needsSecondFactor(user: UserRow): boolean {
  return user.totp_secret !== null || (!user.is_example && requiresTotp(user.roles.map((role) => ({ role }))));
}

/**
 * Starts the second step: a challenge the client answers with a code (completeLogin). When the user
 * has no authenticator yet (a national administrator signing in the first time), a new secret is kept
 * with the challenge and shown by loginChallenge; the first right code confirms it.
 */
export async function secondStep(ds: DataSource, user: UserRow, method: SignInMethod): Promise<string> {
  const token = newToken();
  await ds.query(
    `INSERT INTO login_challenge (token_hash, user_id, pending_secret, method, expires_at) VALUES ($1, $2, $3, $4, now() + make_interval(mins => $5))`,
    [sha256(token), user.id, user.totp_secret ? null : newTotpSecret(), method, CHALLENGE.minutes],
  );
  return token;
}

function totpRequired(challenge: string): GraphQLError {
  return new GraphQLError('Skriv inn koden fra autentiseringsappen.', {
    extensions: { code: ErrorCode.TOTP_REQUIRED, challenge, field: 'totpCode' },
  });
}

/** Sign-in with e-mail and password; when a code is due, TOTP_REQUIRED with a challenge for completeLogin. */
export async function login(ctx: AppContext, emailInput: string, passwordInput: string): Promise<AuthUser> {
  const { email, password } = parseInput(loginSchema, { email: emailInput, password: passwordInput }, 'input');
  const ds = ctx.dataSource;
  const attempt = await reserveAttempt(ds, email, ctx.ip);
  const user = await userForSignIn(ds, 'email', email, ctx.settings.demoUsers);
  const ok = user?.password_hash
    ? await verify(user.password_hash, password)
    : (await verify(await DUMMY_HASH, password), false);
  if (!ok || !user)
    throw new GraphQLError('Feil e-postadresse eller passord.', {
      extensions: { code: ErrorCode.UNAUTHENTICATED, field: 'input.password' },
    });
  await markAttemptSucceeded(ds, attempt);
  if (needsSecondFactor(user)) throw totpRequired(await secondStep(ds, user, 'PASSWORD'));
  return startSession(ctx, user.id, 'PASSWORD');
}

interface ChallengeRow {
  token_hash: string;
  user_id: string;
  pending_secret: string | null;
  method: SignInMethod;
  attempts: number;
  email: string;
}

async function liveChallenge(
  em: DataSource | EntityManager,
  challenge: string,
  lock: boolean,
): Promise<ChallengeRow | null> {
  const [row] = await em.query(
    `SELECT c.token_hash, c.user_id, c.pending_secret, c.method, c.attempts, u.email FROM login_challenge c JOIN app_user u ON u.id = c.user_id
     WHERE c.token_hash = $1 AND c.expires_at > now() AND c.attempts < $2 AND u.active${lock ? ' FOR UPDATE OF c' : ''}`,
    [sha256(challenge), CHALLENGE.attempts],
  );
  return row ?? null;
}

function expiredChallenge(): GraphQLError {
  return new GraphQLError('Innloggingen er utløpt. Logg inn på nytt.', {
    extensions: { code: ErrorCode.UNAUTHENTICATED, field: 'challenge' },
  });
}

/** What the second step needs to show: for a first-time set-up, the secret and its otpauth link. */
export async function challengeInfo(
  ctx: AppContext,
  challenge: string,
): Promise<{ email: string; setup: { secret: string; uri: string } | null }> {
  const row = await liveChallenge(ctx.dataSource, z.string().max(100).parse(challenge), false);
  if (!row) throw expiredChallenge();
  return {
    email: row.email,
    setup: row.pending_secret ? { secret: row.pending_secret, uri: totpUri(row.email, row.pending_secret) } : null,
  };
}

/** The second step: a right code (counted like a password try) signs in; a first-time secret is confirmed by it. */
export async function completeLogin(ctx: AppContext, challengeInput: string, codeInput: string): Promise<AuthUser> {
  const { challenge, code } = parseInput(
    z.object({ challenge: z.string().min(1).max(100), code: z.string().max(20) }),
    { challenge: challengeInput, code: codeInput },
    'input',
  );
  const ds = ctx.dataSource;
  const first = await liveChallenge(ds, challenge, false);
  if (!first) throw expiredChallenge();
  const attempt = await reserveAttempt(ds, first.email, ctx.ip);
  const result = await transaction(ctx, async (em) => {
    const row = await liveChallenge(em, challenge, true);
    if (!row) return 'expired' as const;
    const [user] = await em.query(`SELECT totp_secret, totp_last_step FROM app_user WHERE id = $1 FOR UPDATE`, [
      row.user_id,
    ]);
    const secret: string | null = row.pending_secret ?? user.totp_secret;
    const step = secret
      ? await verifyTotp(secret, code, user.totp_last_step === null ? null : Number(user.totp_last_step))
      : null;
    if (step === null) {
      await em.query(`UPDATE login_challenge SET attempts = attempts + 1 WHERE token_hash = $1`, [row.token_hash]);
      return 'wrong' as const;
    }
    await em.query(
      `UPDATE app_user SET totp_last_step = $2${row.pending_secret ? ', totp_secret = $3' : ''} WHERE id = $1`,
      row.pending_secret ? [row.user_id, step, row.pending_secret] : [row.user_id, step],
    );
    await em.query(`DELETE FROM login_challenge WHERE token_hash = $1`, [row.token_hash]);
    await markAttemptSucceeded(em, attempt);
    if (row.pending_secret) {
      await em.query(
        `INSERT INTO audit_log (user_id, user_label, operation, entity, entity_id, changes) SELECT id, name || ' <' || email || '>', 'TOTP_ENABLE', 'AppUser', id::text, '{"totpEnabled":{"before":false,"after":true}}'::jsonb FROM app_user WHERE id = $1`,
        [row.user_id],
      );
    }
    return { userId: row.user_id as string, method: row.method };
  });
  if (result === 'expired') throw expiredChallenge();
  if (result === 'wrong')
    throw new GraphQLError('Feil kode. Sjekk klokken på telefonen og prøv den neste koden.', {
      extensions: { code: ErrorCode.UNAUTHENTICATED, field: 'input.code' },
    });
  return startSession(ctx, result.userId, result.method);
}

/** A new session for the user: the httpOnly cookie on the response, the user in the context. */
export async function startSession(ctx: AppContext, userId: string, method: SignInMethod): Promise<AuthUser> {
  const token = newToken();
  const expires = new Date(Date.now() + SESSION_HOURS * 3600 * 1000);
  await ctx.dataSource.query(
    `INSERT INTO user_session (token_hash, user_id, expires_at, user_agent, method) VALUES ($1, $2, $3, $4, $5)`,
    [sha256(token), userId, expires, ctx.userAgent ?? null, method],
  );
  ctx.res?.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.settings.production && process.env.SAMORDNA_INSECURE_COOKIES !== '1',
    path: '/',
    expires,
  });
  const auth = await authenticate(ctx.dataSource, `${SESSION_COOKIE}=${token}`, ctx.settings);
  if (!auth) throw unauthenticated();
  ctx.auth = auth;
  return auth;
}

/** Revokes the session: the cookie stops working at once, in every server process. */
export async function logout(ctx: AppContext, cookieHeader: string | undefined): Promise<boolean> {
  const token = cookieHeader ? parseCookies(cookieHeader)[SESSION_COOKIE] : undefined;
  if (token)
    await ctx.dataSource.query(`UPDATE user_session SET revoked_at = now() WHERE token_hash = $1`, [sha256(token)]);
  ctx.res?.clearCookie(SESSION_COOKIE, { path: '/' });
  ctx.auth = null;
  return true;
}

/** Ends every session of a user at once (deactivation, password reset, «sign out everywhere»). */
export async function revokeAllSessions(em: DataSource | EntityManager, userId: string): Promise<number> {
  const [, count] = await em.query(
    `UPDATE user_session SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now()`,
    [userId],
  );
  return count;
}
