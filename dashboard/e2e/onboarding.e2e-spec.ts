import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { REPO_ROOT } from '../../server/src/config/env';
import { currentTotp } from '../../server/src/modules/auth/totp';
import {
  freePort,
  spawnServer,
  startChildPostgres,
  startOidcProvider,
  tempDir,
  type ChildOidcProvider,
  type ChildPostgres,
  type SpawnedServer,
} from '../../server/test/utils/spawn-server';
import { wcagViolations } from './axe';
import { launchChromium } from './browser';

jest.setTimeout(240_000);

/**
 * The onboarding walk in production mode (no demo users): the first administrator from the CLI signs
 * in with password and authenticator code, invites a director, who invites a finance user of the same
 * municipality; the director signs in with a password, the finance user through the test OpenID
 * provider; each can do what the role allows and no more. The «Brukere» page works at 390 px.
 */
const SCREENSHOTS = path.join(__dirname, 'screenshots');
const dir = tempDir('samordna-onboarding-');
let pg: ChildPostgres;
let provider: ChildOidcProvider;
let server: SpawnedServer;
let browser: Browser;
let base: string;
const ADMIN = { email: 'kari.admin@kommune.example', password: 'kari-har-et-langt-og-rart-passord-5' };
const DIRECTOR_PASSWORD = 'dina-velger-fjord-kanel-og-lyng-8';

beforeAll(async () => {
  pg = await startChildPostgres(path.join(dir, 'pg'));
  const u = new URL(pg.url);
  u.pathname = '/samordna_onboarding';
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  provider = await startOidcProvider(await freePort(), base);
  const env = {
    DATABASE_URL: u.toString(),
    NODE_ENV: 'production',
    SAMORDNA_INSECURE_COOKIES: '1',
    SAMORDNA_PUBLIC_URL: base,
  };
  const cli = spawnSync(
    process.execPath,
    [
      path.join(REPO_ROOT, 'server', 'dist', 'cli', 'admin.js'),
      'create',
      '--email',
      ADMIN.email,
      '--name',
      'Kari Admin',
    ],
    {
      env: { ...process.env, ...env, SAMORDNA_ADMIN_PASSWORD: ADMIN.password },
      encoding: 'utf8',
    },
  );
  if (cli.status !== 0) throw new Error(`admin:create failed: ${cli.stderr}`);
  server = spawnServer(
    {
      ...env,
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: 'samordna',
      OIDC_CLIENT_SECRET: 'test-secret-not-for-production',
      OIDC_DISPLAY_NAME: 'Test-ID',
    },
    port,
  );
  await server.waitFor(/Samordna is running/);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await provider?.stop();
  await pg?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function person(width = 1280): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'nb-NO', bypassCSP: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}

async function gql<T = Record<string, unknown>>(page: Page, query: string, variables: Record<string, unknown> = {}) {
  const res = await page.request.post(`${base}/graphql`, { data: { query, variables } });
  return (await res.json()) as { data?: T; errors?: { extensions: { code: string } }[] };
}

async function invite(page: Page, name: string, email: string, role: string, kommunenummer: string): Promise<string> {
  await page.goto(`${base}/brukere`);
  await page.getByLabel('Navn').fill(name);
  await page.getByLabel('E-postadresse').fill(email);
  await page.getByLabel('Rolle').selectOption({ label: role });
  await page.getByLabel('Kommunenummer').fill(kommunenummer);
  await page.getByRole('button', { name: 'Send invitasjon' }).click();
  const link = page
    .getByTestId('one-time-link')
    .locator('input')
    .or(page.locator('input[data-testid="one-time-link"]'));
  await link.first().waitFor();
  return link.first().inputValue();
}

it('first administrator → director → finance user, by password and by single sign-on, each within their role', async () => {
  // The administrator signs in; the first sign-in sets up the authenticator app.
  const admin = await person();
  await admin.page.goto(`${base}/logg-inn`);
  expect(await admin.page.getByText('demobrukere').count()).toBe(0);
  await admin.page.getByLabel('E-postadresse').fill(ADMIN.email);
  await admin.page.getByLabel('Passord').fill(ADMIN.password);
  await admin.page.getByRole('button', { name: 'Logg inn' }).click();
  const secret = (await admin.page.getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
  await admin.page.getByLabel('Kode').fill(currentTotp(secret));
  await admin.page.getByRole('button', { name: 'Bekreft' }).click();
  await admin.page.getByTestId('user-menu').waitFor({ state: 'attached' }); // folded behind «Meny» on a phone

  const directorLink = await invite(
    admin.page,
    'Dina Direktør',
    'dina@bodo.kommune.example',
    'Kommunedirektør',
    '1804',
  );
  expect(directorLink).toMatch(new RegExp(`^${base}/invitasjon#`));
  expect(await wcagViolations(admin.page)).toEqual([]);

  // The director accepts with a password, on a phone-sized screen.
  const director = await person(390);
  await director.page.goto(directorLink);
  await director.page.getByLabel('Velg passord').fill(DIRECTOR_PASSWORD);
  await director.page.getByRole('button', { name: 'Godta og logg inn' }).click();
  await director.page.getByTestId('user-menu').waitFor({ state: 'attached' }); // folded behind «Meny» on a phone
  const financeLink = await invite(
    director.page,
    'Øystein Økonomi',
    'okonomi@bodo.kommune.example',
    'Økonomi (vertskommune)',
    '1804',
  );
  await director.page.screenshot({ path: path.join(SCREENSHOTS, 'brukere-390.png'), fullPage: true });
  expect(await director.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect(await wcagViolations(director.page)).toEqual([]);
  // Nothing wider than the director's own scope.
  const wider = await gql(
    director.page,
    `mutation { inviteUser(input: { email: "x@bodo.kommune.example", name: "X",
       grant: { role: DIRECTOR, kommunenummer: "1804" } }) { link } }`,
  );
  expect(wider.errors?.[0].extensions.code).toBe('FORBIDDEN');

  // The finance user accepts through the test OpenID provider.
  const finance = await person();
  await finance.page.goto(financeLink);
  await finance.page.getByRole('link', { name: 'Logg inn med Test-ID' }).click();
  await finance.page.getByLabel('Username').fill('o.okonomi@idp.example');
  await finance.page.getByRole('button', { name: 'Sign in at the test provider' }).click();
  await finance.page.getByTestId('user-menu').waitFor({ state: 'attached' }); // folded behind «Meny» on a phone
  const me = await gql(finance.page, `{ me { email grants { role kommunenummer } } }`);
  expect(me.data!.me).toEqual({
    email: 'okonomi@bodo.kommune.example',
    grants: [{ role: 'FINANCE', kommunenummer: '1804' }],
  });
  await expect(finance.page.getByRole('link', { name: 'Brukere' }).count()).resolves.toBe(0);
  const salten = (
    await gql<{ crisisCentres: { items: { id: string }[] } }>(
      finance.page,
      `{ crisisCentres(filter: { search: "Salten" }) { items { id } } }`,
    )
  ).data!.crisisCentres.items[0].id;
  expect(
    (
      await gql(
        finance.page,
        `mutation($c: ID!) { setCentreBudget(centreId: $c, year: 2031, input: { operatingCostOre: 100 }) { id } }`,
        { c: salten },
      )
    ).errors,
  ).toBeUndefined();
  expect(
    (
      await gql(
        finance.page,
        `mutation { inviteUser(input: { email: "y@bodo.kommune.example", name: "Y",
           grant: { role: READ_ONLY, kommunenummer: "1804" } }) { link } }`,
      )
    ).errors?.[0].extensions.code,
  ).toBe('FORBIDDEN');
  // The director may not change the budget (finance's work); the own page lists the session.
  expect(
    (
      await gql(
        director.page,
        `mutation($c: ID!) { setCentreBudget(centreId: $c, year: 2031, input: { operatingCostOre: 200 }) { id } }`,
        { c: salten },
      )
    ).errors?.[0].extensions.code,
  ).toBe('FORBIDDEN');
  await finance.page.goto(`${base}/min-konto`);
  await expect(finance.page.getByTestId('sessions-table').textContent()).resolves.toContain('Denne nettleseren');

  // The director deactivates the finance user: the session ends at once.
  await director.page.goto(`${base}/brukere`);
  const row = director.page.getByTestId('users-table').getByRole('row', { name: /Øystein Økonomi/ });
  await row.getByRole('button', { name: 'Deaktiver' }).click();
  await row.getByText('Deaktivert').waitFor();
  expect((await gql(finance.page, `{ me { email } }`)).data!.me).toBeNull();

  for (const p of [admin, director, finance]) {
    expect(p.errors).toEqual([]);
    await p.context.close();
  }
});
