import { spawnSync } from 'node:child_process';
import { Client } from 'pg';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { currentTotp } from '../../src/modules/auth/totp';
import { REPO_ROOT } from '../../src/config/env';
import {
  freePort,
  spawnServer,
  startChildPostgres,
  startOidcProvider,
  tempDir,
  type ChildOidcProvider,
  type ChildPostgres,
  type SpawnedServer,
} from '../utils/spawn-server';

jest.setTimeout(180_000);

/**
 * Single sign-on against a real OpenID provider (oidc-provider) on loopback, with the built server in
 * production mode: the first administrator from the CLI, an invitation, first-time linking by verified
 * e-mail and by invitation link, a second sign-in by subject, refused identities, logout.
 */
let pg: ChildPostgres;
let provider: ChildOidcProvider;
let server: SpawnedServer;
let base: string;
let databaseUrl: string;
const dir = tempDir('samordna-oidc-');
const ADMIN_PASSWORD = 'første-admin-har-et-langt-passord-9';

beforeAll(async () => {
  pg = await startChildPostgres(path.join(dir, 'pg'));
  const u = new URL(pg.url);
  u.pathname = '/samordna_oidc';
  databaseUrl = u.toString();
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  provider = await startOidcProvider(await freePort(), base);
  server = spawnServer(
    {
      DATABASE_URL: databaseUrl,
      NODE_ENV: 'production',
      SAMORDNA_INSECURE_COOKIES: '1',
      SAMORDNA_PUBLIC_URL: base,
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: 'samordna',
      OIDC_CLIENT_SECRET: 'test-secret-not-for-production',
      OIDC_DISPLAY_NAME: 'Test-ID',
    },
    port,
  );
  await server.waitFor(/Samordna is running/);
});
afterAll(async () => {
  await server?.stop();
  await provider?.stop();
  await pg?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Cookies per origin, as a browser keeps them (paths ignored: enough for these two servers). */
class Jar {
  private byOrigin = new Map<string, Map<string, string>>();
  header(url: string): string {
    return [...(this.byOrigin.get(new URL(url).origin) ?? new Map()).entries()].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  store(url: string, res: Response) {
    const origin = new URL(url).origin;
    const cookies = this.byOrigin.get(origin) ?? new Map<string, string>();
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      if (!value || /expires=Thu, 01 Jan 1970/i.test(line) || /max-age=0/i.test(line)) cookies.delete(name);
      else cookies.set(name, value);
    }
    this.byOrigin.set(origin, cookies);
  }
  get(url: string, name: string): string | undefined {
    return this.byOrigin.get(new URL(url).origin)?.get(name);
  }
}

/** Follows redirects like a browser, keeping cookies; returns where it ended. */
async function browse(jar: Jar, start: string): Promise<URL> {
  let url = start;
  for (let i = 0; i < 20; i++) {
    const res = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header(url) } });
    jar.store(url, res);
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      url = new URL(location, url).href;
      continue;
    }
    await res.arrayBuffer();
    return new URL(url);
  }
  throw new Error(`too many redirects from ${start}`);
}

async function gql(query: string, variables: Record<string, unknown> = {}, cookie = '') {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ query, variables }),
  });
  return {
    res,
    body: (await res.json()) as { data?: any; errors?: { message: string; extensions: Record<string, any> }[] },
  };
}

const session = (jar: Jar) => `samordna_session=${jar.get(base, 'samordna_session') ?? ''}`;
let adminCookie = '';

describe('single sign-on with OpenID Connect (authorization code + PKCE)', () => {
  it('the first administrator is made with the CLI and signs in with password and a first authenticator code', async () => {
    const cli = spawnSync(
      process.execPath,
      [
        path.join(REPO_ROOT, 'server', 'dist', 'cli', 'admin.js'),
        'create',
        '--email',
        'forste.admin@kommune.example',
        '--name',
        'Første Admin',
      ],
      {
        env: {
          ...process.env,
          DATABASE_URL: databaseUrl,
          SAMORDNA_ADMIN_PASSWORD: ADMIN_PASSWORD,
          NODE_ENV: 'production',
        },
        encoding: 'utf8',
      },
    );
    expect(cli.status).toBe(0);
    expect(cli.stdout).toContain('Created the national administrator Første Admin <forste.admin@kommune.example>');
    expect(cli.stdout + cli.stderr).not.toContain(ADMIN_PASSWORD);

    const first = await gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { id } }`, {
      e: 'forste.admin@kommune.example',
      p: ADMIN_PASSWORD,
    });
    expect(first.body.errors![0].extensions.code).toBe('TOTP_REQUIRED');
    const challenge = first.body.errors![0].extensions.challenge;
    const info = await gql(`query($c: String!) { loginChallenge(challenge: $c) { setup { secret } } }`, {
      c: challenge,
    });
    const { res, body } = await gql(
      `mutation($c: String!, $k: String!) { completeLogin(challenge: $c, code: $k) { grants { role } } }`,
      { c: challenge, k: currentTotp(info.body.data.loginChallenge.setup.secret) },
    );
    expect(body.data.completeLogin.grants).toEqual([{ role: 'ADMIN' }]);
    adminCookie = res.headers.get('set-cookie')!.split(';')[0];
    // No demo user exists in production.
    expect(
      (await gql(`mutation { login(email: "admin@samordna.example", password: "demo-admin-2026") { id } }`)).body
        .errors![0].extensions.code,
    ).toBe('UNAUTHENTICATED');
  });

  it('an invited director signs in through the provider the first time (matched by verified e-mail), then by subject', async () => {
    const invited = await gql(
      `mutation { inviteUser(input: { email: "dina@bodo.kommune.example", name: "Dina Direktør", grant: { role: DIRECTOR, kommunenummer: "1804" } }) { link } }`,
      {},
      adminCookie,
    );
    expect(invited.body.errors).toBeUndefined();
    const options = await gql(`{ signInOptions { oidcName oidcLoginUrl demoUsers } }`);
    expect(options.body.data.signInOptions).toEqual({
      oidcName: 'Test-ID',
      oidcLoginUrl: '/auth/oidc/login',
      demoUsers: false,
    });

    const jar = new Jar();
    const landed = await browse(jar, `${base}/auth/oidc/login?login_hint=dina@bodo.kommune.example`);
    expect(landed.href).toBe(`${base}/`);
    const me = await gql(`{ me { email grants { role kommunenummer } } }`, {}, session(jar));
    expect(me.body.data.me).toEqual({
      email: 'dina@bodo.kommune.example',
      grants: [{ role: 'DIRECTOR', kommunenummer: '1804' }],
    });
    const account = await gql(
      `{ myAccount { hasPassword hasExternalIdentity sessions { method current } } }`,
      {},
      session(jar),
    );
    expect(account.body.data.myAccount).toEqual({
      hasPassword: false,
      hasExternalIdentity: true,
      sessions: [{ method: 'OIDC', current: true }],
    });

    const admin = await gql(`{ userAdministration { invitations { email } users { email } } }`, {}, adminCookie);
    expect(admin.body.data.userAdministration.invitations).toEqual([]);
    await gql(`mutation { logout }`, {}, session(jar));
    // The address changes in Samordna; the identity still finds the user, by its subject.
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    await db.query(
      `UPDATE app_user SET email = 'dina.ny@bodo.kommune.example' WHERE email = 'dina@bodo.kommune.example'`,
    );
    await db.end();
    const again = new Jar();
    expect((await browse(again, `${base}/auth/oidc/login?login_hint=dina@bodo.kommune.example`)).pathname).toBe('/');
    expect((await gql(`{ me { email } }`, {}, session(again))).body.data.me).toEqual({
      email: 'dina.ny@bodo.kommune.example',
    });

    // Logout: the session ends at once; the provider's own sign-out is offered.
    expect((await gql(`mutation { logout }`, {}, session(again))).body.data.logout).toBe(true);
    expect((await gql(`{ me { email } }`, {}, session(again))).body.data.me).toBeNull();
    const out = await fetch(`${base}/auth/oidc/logout`, { redirect: 'manual' });
    expect(out.status).toBe(303);
    const end = new URL(out.headers.get('location')!);
    expect(end.origin).toBe(provider.issuer);
    expect(end.searchParams.get('client_id')).toBe('samordna');
    expect(end.searchParams.get('post_logout_redirect_uri')).toBe(`${base}/`);
  });

  it('an identity with another address links through the invitation link itself', async () => {
    const invited = await gql(
      `mutation { inviteUser(input: { email: "okonomi@bodo.kommune.example", name: "Øystein Økonomi", grant: { role: FINANCE, kommunenummer: "1804" } }) { link } }`,
      {},
      adminCookie,
    );
    const token = invited.body.data.inviteUser.link.split('#')[1];
    const jar = new Jar();
    expect(
      (await browse(jar, `${base}/auth/oidc/login?invitation=${token}&login_hint=o.okonomi@entra.example`)).pathname,
    ).toBe('/');
    expect((await gql(`{ me { email grants { role } } }`, {}, session(jar))).body.data.me).toEqual({
      email: 'okonomi@bodo.kommune.example',
      grants: [{ role: 'FINANCE' }],
    });
  });

  it('refuses an identity nobody invited, and one whose e-mail is not verified', async () => {
    for (const login of ['ukjent@kommune.example', 'unverified-lise@bodo.kommune.example']) {
      await gql(
        `mutation($e: String!) { inviteUser(input: { email: $e, name: "Lise", grant: { role: READ_ONLY, kommunenummer: "1804" } }) { link } }`,
        { e: 'unverified-lise@bodo.kommune.example' },
        adminCookie,
      );
      const jar = new Jar();
      const landed = await browse(jar, `${base}/auth/oidc/login?login_hint=${encodeURIComponent(login)}`);
      expect(`${landed.pathname}${landed.search}`).toBe('/logg-inn?sso=not-invited');
      expect(jar.get(base, 'samordna_session')).toBeUndefined();
    }
    expect(server.output()).not.toMatch(/test-secret-not-for-production|første-admin/);
  });
});
