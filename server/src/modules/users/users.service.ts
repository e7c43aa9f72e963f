import { verify } from '@node-rs/argon2';
import { GraphQLError } from 'graphql';
import type { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import {
  canGrant,
  canManageUser,
  grantShapeProblem,
  isAdmin,
  isWorkEmail,
  mayAdministerUsers,
  requiresTotp,
  ROLES,
  type Grant,
  type HostOf,
  type Role,
  msg,
} from '@samordna/domain';
import { checkVersion, forbidden, missing, requireUser, type AuthUser } from '../../app/auth';
import { audit } from '../../app/audit';
import type { AppContext } from '../../app/context';
import { badInput, conflict, notFound } from '../../app/errors';
import { parseInput, rules, zmsg } from '../../app/validation';
import {
  hashPassword,
  markAttemptSucceeded,
  newToken,
  reserveAttempt,
  revokeAllSessions,
  sha256,
  startSession,
} from '../auth/auth.service';
import { grantType } from '../auth/auth.types';
import { sendMail } from '../auth/mail';
import { passwordProblem, PASSWORD_MAX_LENGTH } from '../auth/password-policy';
import { newTotpSecret, totpUri, verifyTotp } from '../auth/totp';
import type {
  GrantInput,
  Invitation,
  InvitationPreview,
  InviteUserInput,
  MyAccount,
  OneTimeLink,
  TotpSetup,
  UiLanguage,
  UserAccount,
  UserAdministration,
} from './users.types';
import { transaction } from '../../app/transaction';

/** How long links stay valid. */
export const LINK_HOURS = { invitation: 7 * 24, reset: 2, managerReset: 24 };
/** At most this many self-service reset mails per account and hour (no mail bombing through the form). */
const RESETS_PER_HOUR = 3;

const USER = ['AppUser', 'notFound.user'] as const;

/** Every centre's host, for the delegation rules (a handful of rows). */
async function hostsOf(em: DataSource | EntityManager): Promise<HostOf> {
  const rows: { id: string; host: string }[] = await em.query(
    `SELECT id, host_kommunenummer AS host FROM crisis_centre`,
  );
  const map = new Map(rows.map((r) => [r.id, r.host]));
  return (id) => map.get(id) ?? null;
}

async function grantsOf(em: DataSource | EntityManager, userIds: string[]): Promise<Map<string, Grant[]>> {
  const rows: { user_id: string; role: Role; kommunenummer: string | null; centre_id: string | null }[] = userIds.length
    ? await em.query(
        `SELECT user_id, role, kommunenummer, centre_id FROM user_role WHERE user_id = ANY($1) ORDER BY role, kommunenummer, centre_id`,
        [userIds],
      )
    : [];
  const out = new Map<string, Grant[]>(userIds.map((id) => [id, []]));
  for (const r of rows)
    out.get(r.user_id)!.push({ role: r.role, kommunenummer: r.kommunenummer, centreId: r.centre_id });
  return out;
}

interface UserRow {
  id: string;
  email: string;
  name: string;
  active: boolean;
  password_hash: string | null;
  external_subject: string | null;
  totp_secret: string | null;
  is_example: boolean;
  created_at: Date;
  version: number;
  last_seen_at: Date | null;
  language: UiLanguage | null;
}

const USER_COLUMNS = `u.id, u.email, u.name, u.active, u.password_hash, u.external_subject, u.totp_secret, u.is_example, u.created_at, u.version, u.language,
  (SELECT max(s.last_seen_at) FROM user_session s WHERE s.user_id = u.id) AS last_seen_at`;

function toAccount(u: UserRow, grants: Grant[], mayManage: boolean): UserAccount {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    active: u.active,
    grants: grants.map(grantType),
    totpEnabled: u.totp_secret !== null,
    hasPassword: u.password_hash !== null,
    hasExternalIdentity: u.external_subject !== null,
    isExample: u.is_example,
    lastSeenAt: u.last_seen_at,
    createdAt: u.created_at,
    version: u.version,
    mayManage,
  };
}

/** What an audit entry may hold about a user: never a hash, a secret or a token. */
const auditView = (u: Pick<UserRow, 'email' | 'name' | 'active'>, grants: Grant[]) => ({
  email: u.email,
  name: u.name,
  active: u.active,
  grants: grants.map((g) => [g.role, g.kommunenummer ?? g.centreId ?? null].filter(Boolean).join(':')),
});

interface InvitationRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  kommunenummer: string | null;
  centre_id: string | null;
  expires_at: Date;
  created_at: Date;
  accepted_at: Date | null;
  revoked_at: Date | null;
  invited_by_label: string | null;
}

const INVITATION_COLUMNS = `i.id, i.email, i.name, i.role, i.kommunenummer, i.centre_id, i.expires_at, i.created_at, i.accepted_at, i.revoked_at,
  (SELECT u.name || ' <' || u.email || '>' FROM app_user u WHERE u.id = i.invited_by) AS invited_by_label`;

const grantOfInvitation = (i: InvitationRow): Grant => ({
  role: i.role,
  kommunenummer: i.kommunenummer,
  centreId: i.centre_id,
});

function toInvitation(i: InvitationRow): Invitation {
  const status = i.accepted_at
    ? 'ACCEPTED'
    : i.revoked_at
      ? 'REVOKED'
      : i.expires_at.getTime() <= Date.now()
        ? 'EXPIRED'
        : 'PENDING';
  return {
    id: i.id,
    email: i.email,
    name: i.name,
    grant: grantType(grantOfInvitation(i)),
    expiresAt: i.expires_at,
    createdAt: i.created_at,
    invitedBy: i.invited_by_label,
    status,
  };
}

function assertMayAdminister(ctx: AppContext): AuthUser {
  const user = requireUser(ctx);
  if (!mayAdministerUsers(user.grants)) throw forbidden();
  return user;
}

/** The users and open invitations the signed-in user may see: all for administrators, those within a director's scope. */
export async function userAdministration(ctx: AppContext): Promise<UserAdministration> {
  const actor = assertMayAdminister(ctx);
  const ds = ctx.dataSource;
  const hostOf = await hostsOf(ds);
  const rows: UserRow[] = await ds.query(
    `SELECT ${USER_COLUMNS} FROM app_user u WHERE (NOT u.is_example OR $1) ORDER BY u.name, u.email`,
    [ctx.settings.demoUsers],
  );
  const grants = await grantsOf(
    ds,
    rows.map((r) => r.id),
  );
  const admin = isAdmin(actor.grants);
  const users = rows
    .map((u) => ({
      u,
      g: grants.get(u.id)!,
      may: canManageUser(actor.grants, actor.id, { id: u.id, grants: grants.get(u.id)! }, hostOf),
    }))
    .filter((x) => admin || x.may)
    .map((x) => toAccount(x.u, x.g, x.may));
  const invitations: InvitationRow[] = await ds.query(
    `SELECT ${INVITATION_COLUMNS} FROM user_invitation i WHERE i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now() - interval '30 days' ORDER BY i.created_at DESC`,
  );
  return {
    users,
    invitations: invitations.filter((i) => canGrant(actor.grants, grantOfInvitation(i), hostOf)).map(toInvitation),
  };
}

const grantSchema = z.object({
  role: z.enum(ROLES),
  kommunenummer: rules
    .kommunenummer()
    .nullish()
    .transform((x) => x ?? null),
  centreId: rules
    .uuid('krisesenter')
    .nullish()
    .transform((x) => x ?? null),
});

/** A grant that is well formed and whose municipality or centre exists; errors name `field`. */
async function checkGrant(em: EntityManager, g: z.infer<typeof grantSchema>, field: string): Promise<Grant> {
  const problem = grantShapeProblem(g);
  if (problem) throw badInput(`${field}.${problem.field}`, problem.problem);
  if (
    g.kommunenummer &&
    !(await em.query(`SELECT 1 FROM municipality WHERE kommunenummer = $1`, [g.kommunenummer])).length
  ) {
    throw badInput(`${field}.kommunenummer`, msg('kommunenummer.notFound', { kommunenummer: g.kommunenummer }));
  }
  if (g.centreId && !(await em.query(`SELECT 1 FROM crisis_centre WHERE id = $1`, [g.centreId])).length)
    throw badInput(`${field}.centreId`, 'notFound.centre');
  return g;
}

const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(200, zmsg('field.emailTooLong'))
  .refine((s) => isWorkEmail(s), zmsg('field.email'));

const inviteSchema = z.object({ email: emailSchema, name: rules.text('Navn', 200), grant: grantSchema });

function linkTo(ctx: AppContext, route: string, token: string): string {
  // The token goes in the fragment: it never reaches a server log or a Referer header.
  return `${ctx.settings.publicUrl}${route}#${token}`;
}

/** Mails the link when mail is set up; otherwise (or when sending fails) it is returned once to pass on. */
async function deliver(
  ctx: AppContext,
  to: string,
  subject: string,
  text: (link: string) => string,
  link: string,
  expiresAt: Date,
): Promise<OneTimeLink> {
  if (ctx.settings.mail) {
    try {
      await sendMail(ctx.settings.mail, { to, subject, text: text(link) });
      return { link: null, mailed: true, expiresAt };
    } catch (error) {
      console.error(`[mail] could not send «${subject}»: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { link, mailed: false, expiresAt };
}

const expiryText = (d: Date) =>
  d.toLocaleString('nb-NO', { timeZone: 'Europe/Oslo', dateStyle: 'long', timeStyle: 'short' });

/** Invites a person with one role and scope; the inviter may only give what the delegation rules allow. */
export async function inviteUser(
  ctx: AppContext,
  input: InviteUserInput,
): Promise<OneTimeLink & { invitation: Invitation }> {
  const actor = requireUser(ctx);
  const data = parseInput(inviteSchema, input, 'input');
  const token = newToken();
  const invitation = await transaction(ctx, async (em) => {
    const grant = await checkGrant(em, data.grant, 'input.grant');
    if (!canGrant(actor.grants, grant, await hostsOf(em))) throw forbidden();
    await em.query(`SELECT pg_advisory_xact_lock(hashtextextended('invite:' || $1, 0))`, [data.email]);
    if ((await em.query(`SELECT 1 FROM app_user WHERE email = $1`, [data.email])).length) {
      throw conflict(msg('user.emailTaken', { email: data.email }), { field: 'input.email' });
    }
    // A new invitation replaces an open one to the same address: only the newest link works.
    const [replaced]: [{ id: string }[], number] = await em.query(
      `UPDATE user_invitation SET revoked_at = now() WHERE email = $1 AND accepted_at IS NULL AND revoked_at IS NULL RETURNING id`,
      [data.email],
    );
    for (const r of replaced)
      await audit(em, ctx, 'REVOKE', 'UserInvitation', r.id, { revoked: false }, { revoked: true });
    const [row] = await em.query(
      `INSERT INTO user_invitation (email, name, role, kommunenummer, centre_id, token_hash, expires_at, invited_by)
       VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(hours => $7), $8) RETURNING id`,
      [
        data.email,
        data.name,
        grant.role,
        grant.kommunenummer ?? null,
        grant.centreId ?? null,
        sha256(token),
        LINK_HOURS.invitation,
        actor.id,
      ],
    );
    await audit(em, ctx, 'INVITE', 'UserInvitation', row.id, null, {
      email: data.email,
      name: data.name,
      grant: auditView({ email: data.email, name: data.name, active: false }, [grant]).grants[0],
    });
    const [created]: InvitationRow[] = await em.query(
      `SELECT ${INVITATION_COLUMNS} FROM user_invitation i WHERE i.id = $1`,
      [row.id],
    );
    return toInvitation(created);
  });
  const delivered = await deliver(
    ctx,
    data.email,
    'Invitasjon til Samordna',
    (link) =>
      `Hei ${data.name},\n\n${actor.name} har invitert deg til Samordna som ${invitation.grant.label.toLowerCase()}.\n\nÅpne lenken for å lage passordet ditt (eller logge inn med innloggingstjenesten):\n${link}\n\nLenken virker én gang og til ${expiryText(invitation.expiresAt)}.\n`,
    linkTo(ctx, '/invitasjon', token),
    invitation.expiresAt,
  );
  return { ...delivered, invitation };
}

export async function revokeInvitation(ctx: AppContext, id: string): Promise<string> {
  const actor = requireUser(ctx);
  const iid = parseInput(rules.uuid('invitasjon'), id, 'id');
  return transaction(ctx, async (em) => {
    const [row]: InvitationRow[] = await em.query(
      `SELECT ${INVITATION_COLUMNS} FROM user_invitation i WHERE i.id = $1 FOR UPDATE OF i`,
      [iid],
    );
    if (!row || !canGrant(actor.grants, grantOfInvitation(row), await hostsOf(em)))
      throw row ? forbidden() : missing(ctx, notFound('UserInvitation', iid, 'notFound.invitation'));
    if (row.accepted_at || row.revoked_at) throw conflict('user.invitationUsed');
    await em.query(`UPDATE user_invitation SET revoked_at = now() WHERE id = $1`, [iid]);
    await audit(em, ctx, 'REVOKE', 'UserInvitation', iid, { revoked: false }, { revoked: true });
    return iid;
  });
}

function invalidLink(field: string): GraphQLError {
  return badInput(field, 'user.linkInvalid');
}

async function openInvitation(
  em: DataSource | EntityManager,
  token: string,
  lock: boolean,
): Promise<InvitationRow | null> {
  const [row] = await em.query(
    `SELECT ${INVITATION_COLUMNS} FROM user_invitation i WHERE i.token_hash = $1 AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()${lock ? ' FOR UPDATE OF i' : ''}`,
    [sha256(token)],
  );
  return row ?? null;
}

const tokenSchema = z.string().min(10).max(100);

/** What an invitation link offers (public: the token is the secret). National administrators get an authenticator secret to set up. */
export async function invitationPreview(ctx: AppContext, token: string): Promise<InvitationPreview> {
  const t = parseInput(tokenSchema, token, 'token');
  const row = await openInvitation(ctx.dataSource, t, false);
  if (!row) throw invalidLink('token');
  const grant = grantOfInvitation(row);
  const secret = requiresTotp([grant]) ? newTotpSecret() : null;
  return {
    email: row.email,
    name: row.name,
    grant: grantType(grant),
    expiresAt: row.expires_at,
    totpSetup: secret ? { secret, uri: totpUri(row.email, secret) } : null,
  };
}

/**
 * Creates the user an invitation is for, in one transaction, and marks the invitation used. The
 * identity is a password (accepting with one) or an OpenID Connect subject (the sign-in callback).
 */
export async function createInvitedUser(
  em: EntityManager,
  ctx: AppContext,
  row: InvitationRow,
  identity: {
    passwordHash: string | null;
    totpSecret: string | null;
    totpStep: number | null;
    issuer: string | null;
    subject: string | null;
  },
): Promise<string> {
  if ((await em.query(`SELECT 1 FROM app_user WHERE email = $1`, [row.email])).length)
    throw conflict(msg('user.emailTakenShort', { email: row.email }));
  const [user] = await em.query(
    `INSERT INTO app_user (email, name, password_hash, totp_secret, totp_last_step, external_issuer, external_subject, invited_by)
     SELECT $1, $2, $3, $4, $5, $6, $7, invited_by FROM user_invitation WHERE id = $8 RETURNING id`,
    [
      row.email,
      row.name,
      identity.passwordHash,
      identity.totpSecret,
      identity.totpStep,
      identity.issuer,
      identity.subject,
      row.id,
    ],
  );
  const grant = grantOfInvitation(row);
  await em.query(`INSERT INTO user_role (user_id, role, kommunenummer, centre_id) VALUES ($1, $2, $3, $4)`, [
    user.id,
    grant.role,
    grant.kommunenummer,
    grant.centreId,
  ]);
  await em.query(`UPDATE user_invitation SET accepted_at = now() WHERE id = $1`, [row.id]);
  const actorCtx = { ...ctx, auth: { id: user.id, email: row.email, name: row.name, grants: [grant] } };
  await audit(em, actorCtx, 'ACCEPT', 'UserInvitation', row.id, { accepted: false }, { accepted: true });
  await audit(em, actorCtx, 'CREATE', 'AppUser', user.id, null, {
    ...auditView({ email: row.email, name: row.name, active: true }, [grant]),
    signIn: identity.subject ? 'OIDC' : 'PASSWORD',
  });
  return user.id;
}

const acceptSchema = z.object({
  token: tokenSchema,
  password: z.string().max(PASSWORD_MAX_LENGTH + 1),
  totpSecret: z
    .string()
    .regex(/^[A-Z2-7]{16,128}$/, zmsg('field.totpSecret'))
    .nullish(),
  totpCode: z.string().max(20).nullish(),
});

/** Accepts an invitation with a password (and, for a national administrator, a first code from the authenticator app) and signs in. */
export async function acceptInvitation(
  ctx: AppContext,
  input: { token: string; password: string; totpSecret?: string | null; totpCode?: string | null },
) {
  const data = parseInput(acceptSchema, input, 'input');
  const preview = await openInvitation(ctx.dataSource, data.token, false);
  if (!preview) throw invalidLink('input.token');
  const problem = passwordProblem(data.password, { email: preview.email, name: preview.name });
  if (problem) throw badInput('input.password', problem);
  let totp: { secret: string; step: number } | null = null;
  if (requiresTotp([grantOfInvitation(preview)])) {
    if (!data.totpSecret) throw badInput('input.totpSecret', 'user.setUpTotpFirst');
    const step = await verifyTotp(data.totpSecret, data.totpCode ?? '', null);
    if (step === null) throw badInput('input.totpCode', 'user.totpWrong');
    totp = { secret: data.totpSecret, step };
  }
  const passwordHash = await hashPassword(data.password);
  const userId = await transaction(ctx, async (em) => {
    const row = await openInvitation(em, data.token, true);
    if (!row) throw invalidLink('input.token');
    return createInvitedUser(em, ctx, row, {
      passwordHash,
      totpSecret: totp?.secret ?? null,
      totpStep: totp?.step ?? null,
      issuer: null,
      subject: null,
    });
  });
  return startSession(ctx, userId, 'PASSWORD');
}

/** The open invitation a verified identity may take (by e-mail), for the OpenID Connect sign-in. */
export async function invitationForEmail(em: DataSource | EntityManager, email: string): Promise<InvitationRow | null> {
  const [row] = await em.query(
    `SELECT ${INVITATION_COLUMNS} FROM user_invitation i WHERE i.email = $1 AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now() ORDER BY i.created_at DESC LIMIT 1 FOR UPDATE OF i`,
    [email],
  );
  return row ?? null;
}

export { openInvitation };

/** A user to manage, locked, with their grants; FORBIDDEN when out of the actor's reach (and for a scoped actor, when missing). */
async function manageable(
  em: EntityManager,
  ctx: AppContext,
  id: string,
): Promise<{ user: UserRow; grants: Grant[]; hostOf: HostOf }> {
  const actor = requireUser(ctx);
  const [user]: UserRow[] = await em.query(`SELECT ${USER_COLUMNS} FROM app_user u WHERE u.id = $1 FOR UPDATE OF u`, [
    id,
  ]);
  if (!user) throw missing(ctx, notFound(USER[0], id, USER[1]));
  const grants = (await grantsOf(em, [id])).get(id)!;
  const hostOf = await hostsOf(em);
  if (!canManageUser(actor.grants, actor.id, { id, grants }, hostOf)) throw forbidden();
  return { user, grants, hostOf };
}

/** The last active national administrator cannot lose the role or be deactivated: someone must be able to administer. */
async function assertNotLastAdmin(em: EntityManager, userId: string, grants: Grant[]): Promise<void> {
  if (!isAdmin(grants)) return;
  const [{ n }] = await em.query(
    `SELECT count(DISTINCT u.id)::int AS n FROM app_user u JOIN user_role r ON r.user_id = u.id WHERE r.role = 'ADMIN' AND u.active AND NOT u.is_example AND u.id <> $1`,
    [userId],
  );
  if (n === 0) throw conflict('user.lastAdmin');
}

async function bumpVersion(em: EntityManager, id: string): Promise<void> {
  await em.query(`UPDATE app_user SET version = version + 1, updated_at = now() WHERE id = $1`, [id]);
}

async function accountAfter(em: EntityManager, ctx: AppContext, id: string): Promise<UserAccount> {
  const [u]: UserRow[] = await em.query(`SELECT ${USER_COLUMNS} FROM app_user u WHERE u.id = $1`, [id]);
  const grants = (await grantsOf(em, [id])).get(id)!;
  return toAccount(u, grants, canManageUser(ctx.auth!.grants, ctx.auth!.id, { id, grants }, await hostsOf(em)));
}

const setGrantsSchema = z.array(grantSchema).min(1, zmsg('field.grantsMin')).max(10, zmsg('field.grantsMax'));

/** Replaces a user's roles and scopes. Every new grant must be one the actor may give, and the user must be within reach. */
export async function setUserGrants(
  ctx: AppContext,
  id: string,
  grantsInput: GrantInput[],
  expectedVersion?: number | null,
): Promise<UserAccount> {
  const actor = requireUser(ctx);
  const uid = parseInput(rules.uuid('bruker'), id, 'id');
  const wanted = parseInput(setGrantsSchema, grantsInput, 'grants');
  return transaction(ctx, async (em) => {
    const { user, grants, hostOf } = await manageable(em, ctx, uid);
    checkVersion(user, expectedVersion, 'brukeren');
    const next: Grant[] = [];
    for (const [i, g] of wanted.entries()) {
      const grant = await checkGrant(em, g, `grants.${i}`);
      if (!canGrant(actor.grants, grant, hostOf)) throw forbidden();
      next.push(grant);
    }
    if (!isAdmin(next)) await assertNotLastAdmin(em, uid, grants);
    await em.query(`DELETE FROM user_role WHERE user_id = $1`, [uid]);
    for (const g of next)
      await em.query(`INSERT INTO user_role (user_id, role, kommunenummer, centre_id) VALUES ($1, $2, $3, $4)`, [
        uid,
        g.role,
        g.kommunenummer ?? null,
        g.centreId ?? null,
      ]);
    await bumpVersion(em, uid);
    await audit(em, ctx, 'UPDATE', 'AppUser', uid, auditView(user, grants), auditView(user, next));
    return accountAfter(em, ctx, uid);
  });
}

/** Deactivates a user: every session ends at once, and sign-in is refused until reactivated. */
export async function setUserActive(
  ctx: AppContext,
  id: string,
  active: boolean,
  expectedVersion?: number | null,
): Promise<UserAccount> {
  const uid = parseInput(rules.uuid('bruker'), id, 'id');
  return transaction(ctx, async (em) => {
    const { user, grants } = await manageable(em, ctx, uid);
    checkVersion(user, expectedVersion, 'brukeren');
    if (user.active === active) return accountAfter(em, ctx, uid);
    if (!active) await assertNotLastAdmin(em, uid, grants);
    await em.query(`UPDATE app_user SET active = $2 WHERE id = $1`, [uid, active]);
    if (!active) await revokeAllSessions(em, uid);
    await bumpVersion(em, uid);
    await audit(
      em,
      ctx,
      active ? 'REACTIVATE' : 'DEACTIVATE',
      'AppUser',
      uid,
      auditView(user, grants),
      auditView({ ...user, active }, grants),
    );
    return accountAfter(em, ctx, uid);
  });
}

async function newResetLink(
  em: EntityManager,
  userId: string,
  hours: number,
): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken();
  const [row] = await em.query(
    `INSERT INTO password_reset (token_hash, user_id, expires_at) VALUES ($1, $2, now() + make_interval(hours => $3)) RETURNING expires_at`,
    [sha256(token), userId, hours],
  );
  return { token, expiresAt: row.expires_at };
}

const resetMail = (name: string, expiresAt: Date) => (link: string) =>
  `Hei ${name},\n\nNoen ba om å sette nytt passord for kontoen din i Samordna. Var det deg, åpne lenken:\n${link}\n\nLenken virker én gang og til ${expiryText(expiresAt)}. Var det ikke deg, kan du se bort fra denne e-posten.\n`;

/** A manager's reset link for a user (mailed to the user, or shown once to pass on). */
export async function createPasswordResetLink(ctx: AppContext, id: string): Promise<OneTimeLink> {
  const uid = parseInput(rules.uuid('bruker'), id, 'id');
  const { user, link } = await transaction(ctx, async (em) => {
    const { user } = await manageable(em, ctx, uid);
    if (!user.active) throw conflict('user.deactivated');
    const link = await newResetLink(em, uid, LINK_HOURS.managerReset);
    await audit(em, ctx, 'RESET_LINK', 'AppUser', uid, null, { resetLink: 'created' });
    return { user, link };
  });
  return deliver(
    ctx,
    user.email,
    'Nytt passord i Samordna',
    resetMail(user.name, link.expiresAt),
    linkTo(ctx, '/nytt-passord', link.token),
    link.expiresAt,
  );
}

/**
 * Self-service reset: always the same answer, whether or not the address belongs to an account. When it
 * does (active, and mail set up), a link is mailed, without making the answer wait for the mail.
 */
export async function requestPasswordReset(ctx: AppContext, emailInput: string): Promise<boolean> {
  const email = parseInput(z.string().trim().toLowerCase().max(200), emailInput, 'email');
  const mail = ctx.settings.mail;
  const work = async () => {
    const [user] = await ctx.dataSource.query(
      `SELECT id, name, email FROM app_user WHERE email = $1 AND active AND (NOT is_example OR $2)`,
      [email, ctx.settings.demoUsers],
    );
    if (!user) return;
    if (!mail) {
      console.log(
        '[password reset] requested for an account, but no mail is set up (SMTP_URL): an administrator can make a reset link on the «Brukere» page.',
      );
      return;
    }
    const link = await transaction(ctx, async (em) => {
      await em.query(`SELECT pg_advisory_xact_lock(hashtextextended('reset:' || $1, 0))`, [user.id]);
      const [{ n }] = await em.query(
        `SELECT count(*)::int AS n FROM password_reset WHERE user_id = $1 AND created_at > now() - interval '1 hour'`,
        [user.id],
      );
      return n >= RESETS_PER_HOUR ? null : newResetLink(em, user.id, LINK_HOURS.reset);
    });
    if (link)
      await sendMail(mail, {
        to: user.email,
        subject: 'Nytt passord i Samordna',
        text: resetMail(user.name, link.expiresAt)(linkTo(ctx, '/nytt-passord', link.token)),
      });
  };
  void work().catch((error: unknown) =>
    console.error(`[password reset] failed: ${error instanceof Error ? error.message : String(error)}`),
  );
  return true;
}

/** Sets a new password from a reset link; every session of the user ends. */
export async function resetPassword(ctx: AppContext, token: string, password: string): Promise<boolean> {
  const data = parseInput(
    z.object({ token: tokenSchema, password: z.string().max(PASSWORD_MAX_LENGTH + 1) }),
    { token, password },
    'input',
  );
  const [found] = await ctx.dataSource.query(
    `SELECT u.id, u.email, u.name FROM password_reset r JOIN app_user u ON u.id = r.user_id WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > now() AND u.active`,
    [sha256(data.token)],
  );
  if (!found) throw invalidLink('input.token');
  const problem = passwordProblem(data.password, found);
  if (problem) throw badInput('input.password', problem);
  const hashed = await hashPassword(data.password);
  await transaction(ctx, async (em) => {
    const [, used] = await em.query(
      `UPDATE password_reset SET used_at = now() WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()`,
      [sha256(data.token)],
    );
    if (used !== 1) throw invalidLink('input.token');
    await em.query(`UPDATE app_user SET password_hash = $2 WHERE id = $1`, [found.id, hashed]);
    await em.query(`DELETE FROM password_reset WHERE user_id = $1 AND used_at IS NULL`, [found.id]);
    await revokeAllSessions(em, found.id);
    await audit(
      em,
      { ...ctx, auth: { id: found.id, email: found.email, name: found.name, grants: [] } },
      'PASSWORD_RESET',
      'AppUser',
      found.id,
      null,
      { password: 'changed' },
    );
  });
  return true;
}

/** The signed-in user's own account with their sessions. */
export async function myAccount(ctx: AppContext): Promise<MyAccount> {
  const me = requireUser(ctx);
  const [u]: UserRow[] = await ctx.dataSource.query(`SELECT ${USER_COLUMNS} FROM app_user u WHERE u.id = $1`, [me.id]);
  if (!u) throw notFound(USER[0], me.id, USER[1]);
  const sessions: {
    id: string;
    user_agent: string | null;
    method: string;
    created_at: Date;
    last_seen_at: Date;
    expires_at: Date;
  }[] = await ctx.dataSource.query(
    `SELECT id, user_agent, method, created_at, last_seen_at, expires_at FROM user_session WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now() ORDER BY last_seen_at DESC`,
    [me.id],
  );
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    grants: me.grants.map(grantType),
    totpEnabled: u.totp_secret !== null,
    totpRequired: requiresTotp(me.grants) && !u.is_example,
    hasPassword: u.password_hash !== null,
    hasExternalIdentity: u.external_subject !== null,
    language: u.language,
    sessions: sessions.map((s) => ({
      id: s.id,
      userAgent: s.user_agent,
      method: s.method,
      createdAt: s.created_at,
      lastSeenAt: s.last_seen_at,
      expiresAt: s.expires_at,
      current: s.id === me.sessionId,
    })),
  };
}

/**
 * Stores the dashboard language the user chose (reminder e-mails use it). Unchanged, nothing is
 * written, so a dashboard may send it on every sign-in without touching the data version.
 */
export async function setMyLanguage(ctx: AppContext, language: UiLanguage): Promise<UiLanguage> {
  const me = requireUser(ctx);
  const lang = parseInput(z.enum(['NB', 'EN']), language, 'language');
  await transaction(ctx, async (em) => {
    const [, n] = await em.query(
      `UPDATE app_user SET language = $2, updated_at = now(), version = version + 1 WHERE id = $1 AND language IS DISTINCT FROM $2`,
      [me.id, lang],
    );
    if (n) await audit(em, ctx, 'UPDATE', 'AppUser', me.id, null, { language: lang });
  });
  return lang;
}

/** Signs out every browser of the user, this one included. */
export async function signOutEverywhere(ctx: AppContext): Promise<number> {
  const me = requireUser(ctx);
  const count = await transaction(ctx, async (em) => {
    const n = await revokeAllSessions(em, me.id);
    await audit(em, ctx, 'SIGN_OUT_EVERYWHERE', 'AppUser', me.id, null, { sessionsEnded: n });
    return n;
  });
  ctx.res?.clearCookie('samordna_session', { path: '/' });
  return count;
}

/** Ends one of the user's own sessions (a lost phone). */
export async function revokeSession(ctx: AppContext, id: string): Promise<boolean> {
  const me = requireUser(ctx);
  const sid = parseInput(rules.uuid('økt'), id, 'id');
  const [, n] = await ctx.dataSource.query(
    `UPDATE user_session SET revoked_at = now() WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL`,
    [sid, me.id],
  );
  if (n !== 1) throw notFound('UserSession', sid, 'notFound.session');
  return true;
}

/** Changes the user's own password (the current one is checked like a sign-in); other sessions end. */
export async function changePassword(ctx: AppContext, current: string, next: string): Promise<boolean> {
  const me = requireUser(ctx);
  const data = parseInput(
    z.object({ current: z.string().max(500), next: z.string().max(PASSWORD_MAX_LENGTH + 1) }),
    { current, next },
    'input',
  );
  const [u] = await ctx.dataSource.query(`SELECT password_hash FROM app_user WHERE id = $1`, [me.id]);
  if (u?.password_hash) {
    const attempt = await reserveAttempt(ctx.dataSource, me.email, ctx.ip);
    if (!(await verify(u.password_hash, data.current))) throw badInput('input.current', 'user.currentPasswordWrong');
    await markAttemptSucceeded(ctx.dataSource, attempt);
  }
  const problem = passwordProblem(data.next, me);
  if (problem) throw badInput('input.next', problem);
  const hashed = await hashPassword(data.next);
  await transaction(ctx, async (em) => {
    await em.query(`UPDATE app_user SET password_hash = $2 WHERE id = $1`, [me.id, hashed]);
    await em.query(
      `UPDATE user_session SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL AND id IS DISTINCT FROM $2`,
      [me.id, me.sessionId ?? null],
    );
    await audit(em, ctx, 'CHANGE_PASSWORD', 'AppUser', me.id, null, { password: 'changed' });
  });
  return true;
}

/** Starts setting up an authenticator app: a new secret waits until a code from it is confirmed. */
export async function startTotpSetup(ctx: AppContext): Promise<TotpSetup> {
  const me = requireUser(ctx);
  const secret = newTotpSecret();
  await ctx.dataSource.query(`UPDATE app_user SET totp_pending_secret = $2 WHERE id = $1`, [me.id, secret]);
  return { secret, uri: totpUri(me.email, secret) };
}

export async function confirmTotpSetup(ctx: AppContext, code: string): Promise<boolean> {
  const me = requireUser(ctx);
  const c = parseInput(z.string().max(20), code, 'code');
  return transaction(ctx, async (em) => {
    const [u] = await em.query(`SELECT totp_pending_secret FROM app_user WHERE id = $1 FOR UPDATE`, [me.id]);
    if (!u?.totp_pending_secret) throw badInput('code', 'user.startTotpFirst');
    const step = await verifyTotp(u.totp_pending_secret, c, null);
    if (step === null) throw badInput('code', 'user.totpWrong');
    await em.query(
      `UPDATE app_user SET totp_secret = totp_pending_secret, totp_pending_secret = NULL, totp_last_step = $2 WHERE id = $1`,
      [me.id, step],
    );
    await audit(em, ctx, 'TOTP_ENABLE', 'AppUser', me.id, { totpEnabled: false }, { totpEnabled: true });
    return true;
  });
}

/** Turns the authenticator off (a right code is needed); national administrators cannot. */
export async function disableTotp(ctx: AppContext, code: string): Promise<boolean> {
  const me = requireUser(ctx);
  const c = parseInput(z.string().max(20), code, 'code');
  if (requiresTotp(me.grants)) throw conflict('user.adminsNeedTotp');
  return transaction(ctx, async (em) => {
    const [u] = await em.query(`SELECT totp_secret, totp_last_step FROM app_user WHERE id = $1 FOR UPDATE`, [me.id]);
    if (!u?.totp_secret) return true;
    if ((await verifyTotp(u.totp_secret, c, u.totp_last_step === null ? null : Number(u.totp_last_step))) === null)
      throw badInput('code', 'user.totpWrongShort');
    await em.query(`UPDATE app_user SET totp_secret = NULL, totp_last_step = NULL WHERE id = $1`, [me.id]);
    await audit(em, ctx, 'TOTP_DISABLE', 'AppUser', me.id, { totpEnabled: true }, { totpEnabled: false });
    return true;
  });
}
