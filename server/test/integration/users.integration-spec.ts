import { createContext, defaultSettings, type RuntimeSettings } from '../../src/app/context';
import type { AuthUser } from '../../src/app/auth';
import { authenticate, completeLogin, login, SESSION_COOKIE } from '../../src/modules/auth/auth.service';
import { currentTotp } from '../../src/modules/auth/totp';
import {
  acceptInvitation,
  inviteUser,
  requestPasswordReset,
  resetPassword,
} from '../../src/modules/users/users.service';
import { ADMIN, createTestApp, type TestApp } from '../utils/test-app';
import { startSmtp } from '../utils/smtp';

let app: TestApp;
let SALTEN: string;
beforeAll(async () => {
  app = await createTestApp({ label: 'users' });
  SALTEN = (await app.ds.query(`SELECT id FROM crisis_centre WHERE seed_key = 'centre:Krisesenteret i Salten'`))[0].id;
  // The test administrator exists as a real user, so invitations can name who invited.
  await app.ds.query(`INSERT INTO app_user (id, email, name) VALUES ($1, $2, $3)`, [ADMIN.id, ADMIN.email, ADMIN.name]);
  await app.ds.query(`INSERT INTO user_role (user_id, role) VALUES ($1, 'ADMIN')`, [ADMIN.id]);
});
afterAll(() => app?.close());

const INVITE = `mutation($e: String!, $n: String!, $g: GrantInput!) { inviteUser(input: { email: $e, name: $n, grant: $g }) { link mailed expiresAt invitation { id email status grant { role kommunenummer } } } }`;
const tokenOf = (link: string) => link.split('#')[1];
const PASSWORD = 'lang-og-tilfeldig-fjellrev-kanel-42';

/** A response whose cookie the service sets, read back as a session. */
function cookieJar() {
  let cookie = '';
  const res = {
    cookie: (_n: string, v: string) => (cookie = `${SESSION_COOKIE}=${v}`),
    clearCookie: () => (cookie = ''),
  };
  return { res: res as never, cookie: () => cookie };
}

async function acceptAs(
  link: string,
  password = PASSWORD,
  extra: { totpSecret?: string; totpCode?: string } = {},
): Promise<{ user: AuthUser; cookie: string }> {
  const jar = cookieJar();
  const user = await acceptInvitation(createContext(app.ds, { res: jar.res }), {
    token: tokenOf(link),
    password,
    ...extra,
  });
  return { user, cookie: jar.cookie() };
}

describe('onboarding: an administrator invites a director, who invites finance staff of the same municipality', () => {
  let director: AuthUser;

  it('an invitation is a one-time link with an expiry, shown once when no mail is set up', async () => {
    const r = await app.gql(INVITE, {
      e: 'Dina.Direktor@Bodo.Kommune.example',
      n: 'Dina Direktør',
      g: { role: 'DIRECTOR', kommunenummer: '1804' },
    });
    expect(r.errors).toBeUndefined();
    const { link, mailed, expiresAt, invitation } = r.data!.inviteUser;
    expect(mailed).toBe(false);
    expect(link).toMatch(/^http:\/\/localhost:\d+\/invitasjon#[\w-]{40,}$/);
    expect(new Date(expiresAt).getTime() - Date.now()).toBeGreaterThan(6 * 24 * 3600 * 1000);
    expect(invitation).toMatchObject({
      email: 'dina.direktor@bodo.kommune.example',
      status: 'PENDING',
      grant: { role: 'DIRECTOR', kommunenummer: '1804' },
    });
    // The link is never stored: only its hash.
    expect(JSON.stringify(await app.ds.query(`SELECT * FROM user_invitation`))).not.toContain(tokenOf(link));
    expect(
      JSON.stringify(await app.ds.query(`SELECT changes FROM audit_log WHERE entity = 'UserInvitation'`)),
    ).not.toContain(tokenOf(link));

    const preview = await app.gql(
      `query($t: String!) { invitation(token: $t) { email name grant { role label } totpSetup { secret } } }`,
      { t: tokenOf(link) },
      { as: null },
    );
    expect(preview.data!.invitation).toMatchObject({
      email: 'dina.direktor@bodo.kommune.example',
      grant: { role: 'DIRECTOR', label: 'Kommunedirektør' },
      totpSetup: null,
    });

    const weak = acceptAs(link, 'passord123456');
    await expect(weak).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.password' } });
    const accepted = await acceptAs(link);
    director = accepted.user;
    expect(director.grants).toEqual([{ role: 'DIRECTOR', kommunenummer: '1804', centreId: null }]);
    expect(await authenticate(app.ds, accepted.cookie, { demoUsers: false })).toMatchObject({
      email: 'dina.direktor@bodo.kommune.example',
    });
    // One time only.
    await expect(acceptAs(link)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'input.token' },
    });
  });

  it('the director invites finance staff of Bodø, but nothing wider than their own scope', async () => {
    const ok = await app.gql(
      INVITE,
      { e: 'okonomi@bodo.kommune.example', n: 'Øystein Økonomi', g: { role: 'FINANCE', kommunenummer: '1804' } },
      { as: director },
    );
    expect(ok.errors).toBeUndefined();
    for (const g of [
      { role: 'FINANCE', kommunenummer: '1841' },
      { role: 'DIRECTOR', kommunenummer: '1804' },
      { role: 'ADMIN' },
      { role: 'READ_ONLY', kommunenummer: null },
    ]) {
      const r = await app.gql(INVITE, { e: 'x@bodo.kommune.example', n: 'X', g }, { as: director });
      expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    // A host's director invites the leader of the centre it hosts.
    const leader = await app.gql(
      INVITE,
      { e: 'leder@salten.example', n: 'Liv Leder', g: { role: 'CENTRE_LEADER', centreId: SALTEN } },
      { as: director },
    );
    expect(leader.errors).toBeUndefined();
    const finance = await acceptAs(ok.data!.inviteUser.link);
    expect(finance.user.grants).toEqual([{ role: 'FINANCE', kommunenummer: '1804', centreId: null }]);
    // The finance user can do what finance may, and no user administration.
    const budget = await app.gql(
      `mutation($c: ID!) { setCentreBudget(centreId: $c, year: 2031, input: { operatingCostOre: 100 }) { id } }`,
      { c: SALTEN },
      { as: finance.user },
    );
    expect(budget.errors).toBeUndefined();
    expect(
      (await app.gql(`{ userAdministration { users { id } } }`, {}, { as: finance.user })).errors?.[0].extensions?.code,
    ).toBe('FORBIDDEN');
  });

  it("the director's list holds only the users within their scope", async () => {
    const r = await app.gql(
      `{ userAdministration { users { email mayManage } invitations { email } } }`,
      {},
      { as: director },
    );
    const emails = r.data!.userAdministration.users.map((u: any) => u.email);
    expect(emails).toContain('okonomi@bodo.kommune.example');
    expect(emails).not.toContain(ADMIN.email);
    expect(emails).not.toContain('dina.direktor@bodo.kommune.example');
    expect(r.data!.userAdministration.invitations.map((i: any) => i.email)).toEqual(['leder@salten.example']);
  });

  it('changes a role within scope, deactivates (sessions end at once) and reactivates; every change audited', async () => {
    const [finance] = await app.ds.query(
      `SELECT id, version FROM app_user WHERE email = 'okonomi@bodo.kommune.example'`,
    );
    const jar = cookieJar();
    await login(createContext(app.ds, { res: jar.res, ip: '203.0.113.1' }), 'okonomi@bodo.kommune.example', PASSWORD);
    expect(await authenticate(app.ds, jar.cookie(), { demoUsers: false })).not.toBeNull();

    const widen = await app.gql(
      `mutation($id: ID!) { setUserGrants(id: $id, grants: [{ role: FINANCE, kommunenummer: "1841" }]) { id } }`,
      { id: finance.id },
      { as: director },
    );
    expect(widen.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const changed = await app.gql(
      `mutation($id: ID!, $v: Int) { setUserGrants(id: $id, grants: [{ role: READ_ONLY, kommunenummer: "1804" }], expectedVersion: $v) { version grants { role kommunenummer } } }`,
      { id: finance.id, v: finance.version },
      { as: director },
    );
    expect(changed.data!.setUserGrants).toEqual({
      version: finance.version + 1,
      grants: [{ role: 'READ_ONLY', kommunenummer: '1804' }],
    });
    const stale = await app.gql(
      `mutation($id: ID!, $v: Int) { setUserGrants(id: $id, grants: [{ role: FINANCE, kommunenummer: "1804" }], expectedVersion: $v) { version } }`,
      { id: finance.id, v: finance.version },
      { as: director },
    );
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');

    const off = await app.gql(
      `mutation($id: ID!) { deactivateUser(id: $id) { active } }`,
      { id: finance.id },
      { as: director },
    );
    expect(off.data!.deactivateUser.active).toBe(false);
    expect(await authenticate(app.ds, jar.cookie(), { demoUsers: false })).toBeNull();
    await expect(
      login(createContext(app.ds, { ip: '203.0.113.1' }), 'okonomi@bodo.kommune.example', PASSWORD),
    ).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    const on = await app.gql(
      `mutation($id: ID!) { reactivateUser(id: $id) { active } }`,
      { id: finance.id },
      { as: director },
    );
    expect(on.data!.reactivateUser.active).toBe(true);
    const ops = await app.ds.query(
      `SELECT operation FROM audit_log WHERE entity = 'AppUser' AND entity_id = $1 ORDER BY id`,
      [finance.id],
    );
    expect(ops.map((o: any) => o.operation)).toEqual(['CREATE', 'UPDATE', 'DEACTIVATE', 'REACTIVATE']);
    expect(JSON.stringify(await app.ds.query(`SELECT changes FROM audit_log WHERE entity = 'AppUser'`))).not.toMatch(
      /argon2|password_hash|totp_secret/,
    );
  });

  it('the last active administrator cannot be deactivated or lose the role', async () => {
    const other = { ...ADMIN, id: '00000000-0000-4000-8000-0000000000b2', email: 'other-admin@samordna.example' };
    const r = await app.gql(
      `mutation($id: ID!) { deactivateUser(id: $id) { active } }`,
      { id: ADMIN.id },
      { as: other },
    );
    expect(r.errors?.[0].extensions?.code).toBe('CONFLICT');
  });
});

describe('own account: sessions and sign out everywhere', () => {
  it('lists the sessions with device and last use, and ends them all at once', async () => {
    const jars = [cookieJar(), cookieJar()];
    for (const [i, jar] of jars.entries()) {
      await login(
        createContext(app.ds, {
          res: jar.res,
          ip: '203.0.113.2',
          userAgent: i ? 'Firefox on phone' : 'Chromium on laptop',
        }),
        'okonomi@bodo.kommune.example',
        PASSWORD,
      );
    }
    const me = (await authenticate(app.ds, jars[0].cookie(), { demoUsers: false }))!;
    const account = await app.gql(
      `{ myAccount { email sessions { userAgent current method lastSeenAt } } }`,
      {},
      { as: me },
    );
    const sessions = account.data!.myAccount.sessions;
    expect(sessions.map((s: any) => s.userAgent).sort()).toEqual(['Chromium on laptop', 'Firefox on phone']);
    expect(sessions.filter((s: any) => s.current)).toHaveLength(1);
    expect((await app.gql(`mutation { signOutEverywhere }`, {}, { as: me })).data!.signOutEverywhere).toBe(2);
    for (const jar of jars) expect(await authenticate(app.ds, jar.cookie(), { demoUsers: false })).toBeNull();
  });
});

describe('own account: the dashboard language (reminder e-mails use it)', () => {
  it('stores the chosen language once, writes nothing when it is unchanged, and needs a signed-in user', async () => {
    const language = async () =>
      (await app.gql(`{ myAccount { language } }`, {}, { as: ADMIN })).data!.myAccount.language;
    const version = async () =>
      (await app.ds.query(`SELECT version FROM app_user WHERE id = $1`, [ADMIN.id]))[0].version;
    expect(await language()).toBeNull();
    const set = (l: string, as: typeof ADMIN | null = ADMIN) =>
      app.gql(`mutation($l: UiLanguage!) { setMyLanguage(language: $l) }`, { l }, { as });
    expect((await set('EN')).data).toEqual({ setMyLanguage: 'EN' });
    expect(await language()).toBe('EN');
    const after = await version();
    expect((await set('EN')).data).toEqual({ setMyLanguage: 'EN' });
    expect(await version()).toBe(after);
    expect(
      await app.ds.query(
        `SELECT count(*)::int AS n FROM audit_log WHERE entity = 'AppUser' AND entity_id = $1 AND changes::text LIKE '%language%'`,
        [ADMIN.id],
      ),
    ).toEqual([{ n: 1 }]);
    expect((await set('DE')).errors?.[0].message).toMatch(/UiLanguage/);
    expect((await set('NB', null)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    await set('NB');
    expect(await language()).toBe('NB');
  });
});

describe('password reset', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const inbox: string[] = [];
  let settings: RuntimeSettings;
  beforeAll(async () => {
    smtp = await startSmtp();
    settings = { ...defaultSettings(), mail: smtp.mail };
  });
  afterAll(() => smtp.close());

  const waitForMail = async (n: number) => {
    for (let i = 0; i < 100 && smtp.inbox.length < n; i++) await new Promise((r) => setTimeout(r, 50));
    inbox.splice(0, inbox.length, ...smtp.inbox.map((m) => m.raw));
  };

  it('the same answer whether or not the address exists; a real account gets a mailed one-time link', async () => {
    const ctx = () => createContext(app.ds, { settings });
    expect(await requestPasswordReset(ctx(), 'finnes.ikke@bodo.kommune.example')).toBe(true);
    expect(await requestPasswordReset(ctx(), 'okonomi@bodo.kommune.example')).toBe(true);
    await waitForMail(1);
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatch(/To: okonomi@bodo\.kommune\.example/);
    const token = /\/nytt-passord#([\w-]+)/.exec(inbox[0].replace(/=\r?\n/g, ''))![1];
    await expect(resetPassword(ctx(), token, 'qwertyuiop12')).rejects.toMatchObject({
      extensions: { field: 'input.password' },
    });
    expect(await resetPassword(ctx(), token, 'nytt-og-langt-passord-med-elg-7')).toBe(true);
    await expect(resetPassword(ctx(), token, 'nytt-og-langt-passord-med-elg-8')).rejects.toMatchObject({
      extensions: { field: 'input.token' },
    });
    expect(
      await login(
        createContext(app.ds, { ip: '203.0.113.3' }),
        'okonomi@bodo.kommune.example',
        'nytt-og-langt-passord-med-elg-7',
      ),
    ).toMatchObject({ email: 'okonomi@bodo.kommune.example' });
  });

  it('an invitation is mailed when mail is set up (and then not shown)', async () => {
    const r = await app.gql(INVITE, {
      e: 'lesetilgang@bodo.kommune.example',
      n: 'Lene Leser',
      g: { role: 'READ_ONLY', kommunenummer: '1804' },
    });
    expect(r.data!.inviteUser.link).toMatch(/invitasjon#/); // the test app itself has no mail set up
    const mailed = await inviteUser(createContext(app.ds, { auth: ADMIN, settings }), {
      email: 'lesetilgang2@bodo.kommune.example',
      name: 'Lars Leser',
      grant: { role: 'READ_ONLY', kommunenummer: '1804' },
    });
    expect(mailed).toMatchObject({ link: null, mailed: true });
    await waitForMail(2);
    expect(inbox[1]).toMatch(/invitasjon#/);
  });
});

describe('two-factor sign-in (TOTP)', () => {
  it('a national administrator sets up the authenticator while accepting, and then must give a code at every sign-in', async () => {
    const r = await app.gql(INVITE, { e: 'ny.admin@samordna.example', n: 'Nora Admin', g: { role: 'ADMIN' } });
    const link = r.data!.inviteUser.link;
    const preview = await app.gql(
      `query($t: String!) { invitation(token: $t) { totpSetup { secret uri } } }`,
      { t: tokenOf(link) },
      { as: null },
    );
    const { secret, uri } = preview.data!.invitation.totpSetup;
    expect(uri).toMatch(/^otpauth:\/\/totp\/Samordna:ny\.admin%40samordna\.example\?/);
    await expect(acceptAs(link, PASSWORD, { totpSecret: secret, totpCode: '000000' })).rejects.toMatchObject({
      extensions: { field: 'input.totpCode' },
    });
    await acceptAs(link, PASSWORD, { totpSecret: secret, totpCode: currentTotp(secret) });

    const attempt = login(createContext(app.ds, { ip: '203.0.113.4' }), 'ny.admin@samordna.example', PASSWORD);
    const error = await attempt.catch((e) => e);
    expect(error.extensions).toMatchObject({ code: 'TOTP_REQUIRED' });
    const challenge = error.extensions.challenge as string;
    await expect(
      completeLogin(createContext(app.ds, { ip: '203.0.113.4' }), challenge, '123456'),
    ).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    // The code used when accepting cannot be used again; the next one can.
    const next = currentTotp(secret, Date.now() + 30_000);
    const jar = cookieJar();
    const user = await completeLogin(createContext(app.ds, { ip: '203.0.113.4', res: jar.res }), challenge, next);
    expect(user.email).toBe('ny.admin@samordna.example');
    await expect(completeLogin(createContext(app.ds, { ip: '203.0.113.4' }), challenge, next)).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('an administrator made with the CLI (no authenticator yet) sets one up at the first sign-in', async () => {
    const r = await app.gql(INVITE, {
      e: 'cli.admin@samordna.example',
      n: 'Cli Admin',
      g: { role: 'READ_ONLY', kommunenummer: '1804' },
    });
    await acceptAs(r.data!.inviteUser.link);
    await app.ds.query(
      `UPDATE user_role SET role = 'ADMIN', kommunenummer = NULL WHERE user_id = (SELECT id FROM app_user WHERE email = 'cli.admin@samordna.example')`,
    );
    const error = await login(
      createContext(app.ds, { ip: '203.0.113.5' }),
      'cli.admin@samordna.example',
      PASSWORD,
    ).catch((e) => e);
    const challenge = error.extensions.challenge;
    const info = await app.gql(
      `query($c: String!) { loginChallenge(challenge: $c) { email setup { secret } } }`,
      { c: challenge },
      { as: null },
    );
    const secret = info.data!.loginChallenge.setup.secret;
    const user = await completeLogin(createContext(app.ds, { ip: '203.0.113.5' }), challenge, currentTotp(secret));
    expect(user.grants[0].role).toBe('ADMIN');
    expect(
      (await app.ds.query(`SELECT totp_secret FROM app_user WHERE email = 'cli.admin@samordna.example'`))[0]
        .totp_secret,
    ).toBe(secret);
  });

  it('others may turn it on and off; a national administrator may not turn it off', async () => {
    const [u] = await app.ds.query(`SELECT id FROM app_user WHERE email = 'okonomi@bodo.kommune.example'`);
    const me: AuthUser = {
      id: u.id,
      email: 'okonomi@bodo.kommune.example',
      name: 'Ø',
      grants: [{ role: 'READ_ONLY', kommunenummer: '1804' }],
    };
    const setup = (await app.gql(`mutation { startTotpSetup { secret } }`, {}, { as: me })).data!.startTotpSetup;
    expect(
      (
        await app.gql(
          `mutation($c: String!) { confirmTotpSetup(code: $c) }`,
          { c: currentTotp(setup.secret) },
          { as: me },
        )
      ).data!.confirmTotpSetup,
    ).toBe(true);
    expect((await app.gql(`{ myAccount { totpEnabled totpRequired } }`, {}, { as: me })).data!.myAccount).toEqual({
      totpEnabled: true,
      totpRequired: false,
    });
    expect(
      (
        await app.gql(
          `mutation($c: String!) { disableTotp(code: $c) }`,
          { c: currentTotp(setup.secret, Date.now() + 30_000) },
          { as: me },
        )
      ).data!.disableTotp,
    ).toBe(true);
    expect((await app.gql(`mutation { disableTotp(code: "123456") }`, {})).errors?.[0].extensions?.code).toBe(
      'CONFLICT',
    );
  });
});
