import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { parse as parseCookies } from 'cookie';
import { GraphQLError } from 'graphql';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import type { Grant, Role } from '@samordna/domain';
import { unauthenticated, type AuthUser } from '../../app/auth';
import type { AppContext } from '../../app/context';
import { ErrorCode } from '../../app/errors';
import { parseInput } from '../../app/validation';

export const SESSION_COOKIE = 'samordna_session';
export const SESSION_HOURS = 12;
/** Failed sign-ins allowed in THROTTLE_MINUTES before the account or the address is paused. */
export const THROTTLE = { minutes: 15, perAccount: 5, perAddress: 20 };

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Verifying against a real hash when the account does not exist keeps the timing the same.
const DUMMY_HASH = hash('not-a-real-password-x9');

/** The user behind a session cookie, or null. One statement. */
export async function authenticate(ds: DataSource, cookieHeader: string | undefined): Promise<AuthUser | null> {
  const token = cookieHeader ? parseCookies(cookieHeader)[SESSION_COOKIE] : undefined;
  if (!token) return null;
  const rows: { id: string; email: string; name: string; role: Role | null; kommunenummer: string | null; centre_id: string | null }[] = await ds.query(
    `SELECT u.id, u.email, u.name, r.role, r.kommunenummer, r.centre_id
     FROM user_session s JOIN app_user u ON u.id = s.user_id LEFT JOIN user_role r ON r.user_id = u.id
     WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.active`,
    [sha256(token)],
  );
  if (rows.length === 0) return null;
  return {
    id: rows[0].id,
    email: rows[0].email,
    name: rows[0].name,
    grants: rows.filter((r) => r.role).map((r): Grant => ({ role: r.role!, kommunenummer: r.kommunenummer, centreId: r.centre_id })),
  };
}

const loginSchema = z.object({
  email: z.string().trim().toLowerCase().min(3, 'Skriv inn e-postadressen.').max(200),
  password: z.string().min(1, 'Skriv inn passordet.').max(500),
});

export async function login(ctx: AppContext, emailInput: string, passwordInput: string): Promise<AuthUser> {
  const { email, password } = parseInput(loginSchema, { email: emailInput, password: passwordInput }, 'input');
  const ds = ctx.dataSource;
  const [{ account, address }] = await ds.query(
    `SELECT count(*) FILTER (WHERE email = $1)::int AS account, count(*) FILTER (WHERE ip = $2)::int AS address
     FROM login_attempt WHERE NOT succeeded AND at > now() - make_interval(mins => $3)`,
    [email, ctx.ip, THROTTLE.minutes],
  );
  if (account >= THROTTLE.perAccount || address >= THROTTLE.perAddress) {
    throw new GraphQLError(`For mange mislykkede innlogginger. Vent ${THROTTLE.minutes} minutter og prøv igjen.`, {
      extensions: { code: ErrorCode.TOO_MANY_ATTEMPTS, http: { status: 429 } },
    });
  }
  const [user] = await ds.query(`SELECT id, password_hash FROM app_user WHERE email = $1 AND active`, [email]);
  const ok = user?.password_hash ? await verify(user.password_hash, password) : (await verify(await DUMMY_HASH, password), false);
  await ds.query(`INSERT INTO login_attempt (email, ip, succeeded) VALUES ($1, $2, $3)`, [email, ctx.ip, ok]);
  if (!ok) throw new GraphQLError('Feil e-postadresse eller passord.', { extensions: { code: ErrorCode.UNAUTHENTICATED, field: 'input.password' } });

  const token = randomBytes(32).toString('base64url');
  const expires = new Date(Date.now() + SESSION_HOURS * 3600 * 1000);
  await ds.query(`INSERT INTO user_session (token_hash, user_id, expires_at) VALUES ($1, $2, $3)`, [sha256(token), user.id, expires]);
  ctx.res?.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: process.env.NODE_ENV === 'production' && process.env.SAMORDNA_INSECURE_COOKIES !== '1',
    path: '/',
    expires,
  });
  const auth = await authenticate(ds, `${SESSION_COOKIE}=${token}`);
  if (!auth) throw unauthenticated();
  ctx.auth = auth;
  return auth;
}

/** Revokes the session: the cookie stops working at once, in every server process. */
export async function logout(ctx: AppContext, cookieHeader: string | undefined): Promise<boolean> {
  const token = cookieHeader ? parseCookies(cookieHeader)[SESSION_COOKIE] : undefined;
  if (token) await ctx.dataSource.query(`UPDATE user_session SET revoked_at = now() WHERE token_hash = $1`, [sha256(token)]);
  ctx.res?.clearCookie(SESSION_COOKIE, { path: '/' });
  ctx.auth = null;
  return true;
}
