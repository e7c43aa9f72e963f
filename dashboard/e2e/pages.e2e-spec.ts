import { rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { freePort, spawnServer, tempDir, type SpawnedServer } from '../../server/test/utils/spawn-server';
import { wcagViolations } from './axe';
import { launchChromium, signIn as signInAt } from './browser';

jest.setTimeout(120_000);

const SCREENSHOTS = path.join(__dirname, 'screenshots');
let server: SpawnedServer;
let browser: Browser;
const base = tempDir('samordna-pages-');

beforeAll(async () => {
  // As `pnpm start` on a laptop: with the demo users (production has none).
  server = spawnServer({ SAMORDNA_DATA_DIR: path.join(base, 'pg'), NODE_ENV: 'development' }, await freePort());
  await server.waitFor(/Samordna is running/);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(base, { recursive: true, force: true });
});

async function open(url: string): Promise<{ page: Page; errors: string[] }> {
  // bypassCSP: axe-core is injected as an inline script, which the dashboard's CSP rightly refuses.
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, locale: 'nb-NO', bypassCSP: true });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`http://localhost:${server.port}${url}`);
  return { page, errors };
}

/** Signs in through the login page, as a user would. */
const signIn = (page: Page, email?: string, password?: string) =>
  signInAt(page, `http://localhost:${server.port}`, email, password);

async function expectAccessible(page: Page) {
  const violations = await wcagViolations(page);
  expect(violations).toEqual([]);
}

describe('Oversikt', () => {
  it('shows key figures from the real seeded data, each linking to its page', async () => {
    const { page, errors } = await open('/');
    const figures = page.getByTestId('key-figures');
    await figures.waitFor();
    await expect(figures.textContent()).resolves.toContain('Kommuner ikke registrert ennå');
    const notRegistered = await figures
      .locator('.key-figure', { hasText: 'ikke registrert' })
      .locator('.figure-value')
      .textContent();
    expect(notRegistered).toBe('187'); // 357 less the 170 with a cited membership (data/national)
    await page.getByTestId('county-chart').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'oversikt.png'), fullPage: true });
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('Dekningskart', () => {
  it('draws all 357 municipalities, opens the side panel by mouse and by keyboard, and has the same data as a table', async () => {
    const { page, errors } = await open('/kart');
    const started = Date.now();
    await page.locator('[data-testid=coverage-map] path[data-kommunenummer]').first().waitFor();
    const drawnMs = Date.now() - started;
    expect(await page.locator('[data-testid=coverage-map] path[data-kommunenummer]').count()).toBe(357);
    expect(await page.locator('path.sev-NOT_REGISTERED').count()).toBe(187);
    expect(await page.locator('path.sev-DOCUMENTED').count()).toBe(170 - 44);
    expect(await page.locator('path.muni-hatch').count()).toBeGreaterThan(0);
    await page.getByTestId('legend-weak-evidence').waitFor();
    await expect(page.getByText('© Kartverket').count()).resolves.toBeGreaterThan(0);
    console.log(`map drawn ${drawnMs} ms after navigation`);

    // Mouse: click Fauske.
    await page.locator('path[data-kommunenummer="1841"]').dispatchEvent('click');
    const panel = page.getByTestId('findings-panel');
    await panel.getByRole('heading', { name: 'Funn for Fauske' }).waitFor();
    await panel.locator('li').first().waitFor();
    expect(page.url()).toContain('kommune=1841');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'dekningskart.png'), fullPage: false });
    await expectAccessible(page);

    // Keyboard: focus Bodø on the map and press Enter; Escape closes and returns focus.
    await page.locator('path[data-kommunenummer="1804"]').focus();
    await page.keyboard.press('Enter');
    await panel.getByRole('heading', { name: 'Funn for Bodø' }).waitFor();
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Funn for Bodø');
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-kommunenummer'))).resolves.toBe('1804');

    // The table: sortable, same rows.
    const table = page.getByTestId('coverage-table');
    expect(await table.locator('tbody tr').count()).toBe(357);
    await table.getByRole('button', { name: 'Sorter etter Kommune' }).click();
    const names = await table.locator('tbody tr td:first-child').allTextContents();
    expect(names).toEqual([...names].sort(new Intl.Collator('nb').compare));
    await expect(table.getByRole('columnheader', { name: /Kommune/ }).getAttribute('aria-sort')).resolves.toBe(
      'ascending',
    );

    // Filter by county zooms and narrows: the view (the shapes are projected at build time) moves to Nordland.
    const whole = await page.getByTestId('coverage-map').getAttribute('viewBox');
    expect(whole).toBe('0 0 5600 7600');
    await page.getByLabel('Fylke', { exact: true }).selectOption({ label: 'Nordland' });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=coverage-table] tbody tr').length === 41);
    const [, , w, h] = (await page.getByTestId('coverage-map').getAttribute('viewBox'))!.split(' ').map(Number);
    expect(w).toBeLessThan(5600);
    expect(w / h).toBeCloseTo(5600 / 7600);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'dekningskart-nordland.png'), fullPage: false });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('Avtaler', () => {
  it('lists the seeded agreements, creates one, edits it, sees the change, and changes status after confirming', async () => {
    const { page, errors } = await open('/avtaler');
    await signIn(page);
    await page.goto(`http://localhost:${server.port}/avtaler`);
    const table = page.getByTestId('agreement-table');
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(6);
    await expect(table.textContent()).resolves.toContain('Krisesenteret i Salten');
    // Sorted by days left by default (nearest deadline first); click to sort by title (the server sorts).
    await table.getByRole('button', { name: 'Sorter etter Avtale' }).click();
    await page.waitForURL(/sorter=tittel/);
    await page.waitForFunction(() => {
      const shown = [...document.querySelectorAll('[data-testid=agreement-table] tbody tr td:first-child a')].map(
        (a) => a.textContent ?? '',
      );
      const nb = new Intl.Collator('nb');
      return shown.length === 6 && shown.every((t, i) => i === 0 || nb.compare(shown[i - 1], t) <= 0);
    });
    const titles = await table.locator('tbody tr td:first-child a').allTextContents();
    expect(titles).toEqual([...titles].sort(new Intl.Collator('nb').compare));
    await page.screenshot({ path: path.join(SCREENSHOTS, 'avtaler.png'), fullPage: true });
    await expectAccessible(page);

    // Create: an empty title is refused at the field.
    await page.getByTestId('user-menu').waitFor();
    await page.getByText('Ny avtale', { exact: true }).first().click();
    await page.getByLabel('Tittel').waitFor();
    await page.getByLabel('Krisesenter', { exact: true }).last().selectOption({ label: 'Helgeland krisesenter' });
    await page.getByRole('button', { name: 'Opprett avtale' }).click();
    await page.getByText('Tittel må fylles ut.').waitFor();
    await page.getByLabel('Tittel').fill('Ny samarbeidsavtale 2027');
    await page.getByRole('button', { name: 'Opprett avtale' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ny samarbeidsavtale 2027' }).waitFor();
    await expect(page.getByTestId('agreement-status').textContent()).resolves.toBe('Utkast');

    // Edit: a notice period of 6 months to the end of a calendar year gives a deadline.
    await page.getByLabel(/Oppsigelsestid \(måneder\)/).fill('6');
    await page.getByLabel('Oppsigelsestiden løper til').selectOption('CALENDAR_YEAR');
    await page.getByLabel(/Gyldig til/).fill('2026-01-01');
    await page.getByLabel(/Gyldig fra/).fill('2027-01-01');
    await page.getByRole('button', { name: 'Lagre' }).click();
    await page.getByText('Gyldig til kan ikke være før gyldig fra.').waitFor(); // the server's error, at the field
    await page.getByLabel(/Gyldig til/).fill('');
    await page.getByRole('button', { name: 'Lagre' }).click();
    await page.getByText('Endringene er lagret.').waitFor();
    // The page refetches the agreement after the save; wait for the new deadline.
    await page.waitForFunction(() =>
      /Si opp innen 30\.06\.2027 for å avslutte 31\.12\.2027/.test(
        document.querySelector('[data-testid=agreement-deadline]')?.textContent ?? '',
      ),
    );
    await page.screenshot({ path: path.join(SCREENSHOTS, 'avtale.png'), fullPage: true });
    await expectAccessible(page);

    // Status: ending asks for confirmation; cancelling changes nothing.
    await page.getByRole('button', { name: 'Sett til «Avsluttet»' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Avbryt' }).click();
    await expect(page.getByTestId('agreement-status').textContent()).resolves.toBe('Utkast');
    await page.getByRole('button', { name: 'Sett til «Under forhandling»' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Ja, endre' }).click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid=agreement-status]')?.textContent === 'Under forhandling',
    );
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('Avtaler i sider', () => {
  it('pages a long list on the server: 50 a page, «Neste side» in the address, a new filter or order starts again at page 1', async () => {
    const { page, errors } = await open('/avtaler');
    await signIn(page);
    // 55 more drafts for Helgeland, through the API as the administrator.
    const created = await page.evaluate(async () => {
      const post = async (query: string, variables: object = {}) =>
        (
          await fetch('/graphql', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query, variables }),
          })
        ).json();
      const centres = await post('{ crisisCentres(filter: { search: "Helgeland" }) { items { id } } }');
      const centreId = centres.data.crisisCentres.items[0].id;
      let n = 0;
      for (let i = 1; i <= 55; i++) {
        const title = `Utkast til avtale ${String(i).padStart(2, '0')}`;
        const r = await post('mutation($i: CreateAgreementInput!) { createAgreement(input: $i) { id } }', {
          i: { centreId, title },
        });
        if (r.data?.createAgreement?.id) n++;
      }
      return n;
    });
    expect(created).toBe(55);

    await page.goto(`http://localhost:${server.port}/avtaler?sorter=tittel`);
    const table = page.getByTestId('agreement-table');
    await table.waitFor();
    const status = page.getByText(/^Viser 1–50 av \d+ avtaler$/);
    await status.waitFor();
    const total = Number((await status.textContent())!.match(/av (\d+)/)![1]);
    expect(total).toBeGreaterThanOrEqual(61);
    expect(await table.locator('tbody tr').count()).toBe(50);
    const first = await table.locator('tbody tr td:first-child a').allTextContents();
    expect(first).toEqual([...first].sort(new Intl.Collator('nb').compare));
    expect(await page.getByRole('button', { name: 'Forrige side' }).isDisabled()).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'avtaler-sider-1280.png'), fullPage: true });

    await page.getByRole('button', { name: 'Neste side' }).click();
    await page.getByText(`Side 2 av ${Math.ceil(total / 50)}`).waitFor();
    expect(page.url()).toContain('side=2');
    expect(page.url()).toContain('sorter=tittel');
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid=agreement-table] tbody tr').length === n,
      total - 50,
    );
    const second = await table.locator('tbody tr td:first-child a').allTextContents();
    expect(second.filter((t) => first.includes(t))).toEqual([]);
    expect(new Intl.Collator('nb').compare(first.at(-1)!, second[0])).toBeLessThanOrEqual(0);
    await expectAccessible(page);

    // A filter starts again at the first page; the address keeps the filter and the order.
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Utkast' });
    await page.waitForFunction(() => !location.search.includes('side='));
    expect(page.url()).toContain('status=DRAFT');
    expect(page.url()).toContain('sorter=tittel');

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`http://localhost:${server.port}/avtaler?sorter=tittel&side=2`);
    await page.getByRole('button', { name: 'Neste side' }).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'avtaler-sider-390.png'), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('Kostnader', () => {
  it('shows who pays what with the 5× flag, runs the simulator, and exports', async () => {
    const { page, errors } = await open('/kostnader?aar=2025');
    await page.getByTestId('cost-summary').waitFor();
    await page.getByLabel('Krisesenter', { exact: true }).selectOption({ label: 'Helgeland krisesenter' });
    await page.getByTestId('ratio-flag').waitFor();
    await expect(
      page.getByText('Eksempeldata: oppdiktede tall og opplysninger, ikke reelle.').count(),
    ).resolves.toBeGreaterThan(0);
    await page.locator('.recharts-wrapper').first().waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'kostnader.png'), fullPage: true });
    await expectAccessible(page);

    // Simulator: Hemnes leaves; it pays nothing after, the host pays more.
    await page.getByLabel('Hemnes').check();
    await page.getByRole('button', { name: 'Beregn' }).click();
    const result = page.getByTestId('simulation-result');
    await result.waitFor();
    const hemnes = result.locator('tr', { hasText: 'Hemnes' });
    await expect(hemnes.locator('td').nth(2).textContent()).resolves.toBe('ikke med etter');
    await expect(result.locator('tr', { hasText: 'Vefsn' }).locator('td').nth(3).textContent()).resolves.toMatch(
      /^\+kr/,
    );
    // A bad rate is refused at the field.
    await page.getByLabel('Modell').selectOption('PER_INHABITANT_HOST_RESIDUAL');
    await page.getByLabel('Sats per innbygger (kr)').fill('-5');
    await page.getByRole('button', { name: 'Beregn' }).click();
    await page.getByText('Prisen per innbygger kan ikke være negativ.').waitFor(); // in kroner, as typed: no «øre»
    await expectAccessible(page);

    // The export buttons hand out a CSV Excel can open.
    const href = await page.getByRole('link', { name: 'Fordeling (CSV)' }).getAttribute('href');
    const csv = await page.request.get(`http://localhost:${server.port}${href}`);
    expect(csv.status()).toBe(200);
    expect((await csv.body()).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(await csv.text()).toContain('Helgeland krisesenter');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('Kontakter', () => {
  it('shows agencies × contacts with stale ones marked, creates and edits a contact, verifies many, and gives the centre view', async () => {
    const { page, errors } = await open('/kontakter?kommune=1841');
    await signIn(page, 'leder.salten@samordna.example', 'demo-leder-2026');
    await page.goto(`http://localhost:${server.port}/kontakter?kommune=1841`);
    await page.getByTestId('contact-table').first().waitFor();
    await expect(page.getByText('Ikke bekreftet på 6 mnd.').count()).resolves.toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'kontakter.png'), fullPage: true });
    await expectAccessible(page);

    // Create a contact at NAV Fauske: a bad e-mail is refused at the field, then saved.
    const nav = page.locator('.agency-block', { hasText: 'NAV Fauske' });
    await nav.getByRole('button', { name: '+ Ny kontaktperson' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Navn').fill('Ola Testesen');
    await dialog.getByLabel('E-post').fill('ikke-en-adresse');
    await dialog.getByRole('button', { name: 'Lagre' }).click();
    await dialog.getByText('E-postadressen er ikke gyldig.').waitFor();
    await dialog.getByLabel('E-post').fill('ola.testesen@fauske.kommune.example');
    await dialog.getByRole('button', { name: 'Lagre' }).click();
    await nav.getByText('Ola Testesen').waitFor();

    // Edit it, and see the change.
    await nav.getByRole('button', { name: 'Rediger Ola Testesen' }).click();
    await page.getByRole('dialog').getByLabel('Rolle').fill('Veileder');
    await page.getByRole('dialog').getByRole('button', { name: 'Lagre' }).click();
    await nav.locator('tr', { hasText: 'Ola Testesen' }).getByText('Veileder').waitFor();

    // Verify two contacts at once.
    const boxes = page.getByRole('checkbox', { name: /^Velg / });
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.getByRole('button', { name: 'Bekreft valgte (2)' }).click();
    await page.getByRole('dialog').getByLabel('Bekreftet av').fill('Leder, Krisesenteret i Salten');
    await page.getByRole('dialog').getByRole('button', { name: 'Bekreft', exact: true }).click();
    await page.getByText('2 kontaktpersoner er bekreftet.').waitFor();
    await expectAccessible(page);

    // The centre leader's view of every member municipality.
    const salten = await page.request.post(`http://localhost:${server.port}/graphql`, {
      data: { query: '{ crisisCentres(filter: { search: "Salten" }) { items { id } } }' },
    });
    const id = (await salten.json()).data.crisisCentres.items[0].id;
    await page.goto(`http://localhost:${server.port}/kontakter?senter=${id}`);
    const centre = page.getByTestId('centre-contacts');
    await centre.waitFor();
    expect(await centre.locator('tbody tr').count()).toBe(13);
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('Rutiner', () => {
  it('shows a routine with its steps, creates one from the template, reorders by keyboard, adopts it, and prints «Flytter til X»', async () => {
    const { page, errors } = await open('/rutiner');
    await signIn(page, 'leder.salten@samordna.example', 'demo-leder-2026');
    await page.goto(`http://localhost:${server.port}/rutiner`);
    await page.getByLabel('Krisesenter', { exact: true }).selectOption({ label: 'Krisesenteret i Salten' });
    await page.getByLabel('Kommune', { exact: true }).selectOption({ label: 'Bodø' });
    const steps = page.getByTestId('step-table');
    await steps.waitFor();
    expect(await steps.locator('tbody tr').count()).toBe(22); // the template as the sources name it (issue 12)
    await page.screenshot({ path: path.join(SCREENSHOTS, 'rutiner.png'), fullPage: true });
    await expectAccessible(page);

    // Gildeskål has none: make one from the template.
    await page.getByLabel('Kommune', { exact: true }).selectOption({ label: 'Gildeskål' });
    await page.getByRole('button', { name: 'Lag rutine fra Bufdirs mal' }).click();
    await steps.waitFor();
    await expect(page.getByTestId('routine-status').textContent()).resolves.toContain('Utkast');
    const first = await steps.locator('tbody tr').nth(0).locator('td').nth(1).textContent();
    const second = await steps.locator('tbody tr').nth(1).locator('td').nth(1).textContent();
    await page.getByRole('button', { name: `Flytt «${first}» ned` }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (t) =>
        document.querySelectorAll('[data-testid=step-table] tbody tr')[1]?.querySelectorAll('td')[1]?.textContent === t,
      first,
    );
    await expect(steps.locator('tbody tr').nth(0).locator('td').nth(1).textContent()).resolves.toBe(second);

    // Edit a step and see the change.
    await page.getByRole('button', { name: `Rediger «${second}»` }).click();
    await page.getByRole('dialog').getByLabel('Steg').fill('Kartlegge behov sammen med kommunen');
    await page.getByRole('dialog').getByRole('button', { name: 'Lagre' }).click();
    await page.getByText('Steget er lagret.').waitFor();
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid=step-table] td')].some(
        (td) => td.textContent === 'Kartlegge behov sammen med kommunen',
      ),
    );

    await page.getByRole('button', { name: 'Vedta rutinen' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Ja, endre' }).click();
    await page.getByText('Rutinen er vedtatt.').waitFor();
    await page.waitForFunction(() =>
      document.querySelector('[data-testid=routine-status]')?.textContent?.includes('Vedtatt'),
    );
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Utskriftsside: «Flytter til Gildeskål»' }).click();
    await page.getByRole('heading', { level: 1, name: 'Flytter til Gildeskål' }).waitFor();
    await page.getByTestId('coordinator').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'flytter-til.png'), fullPage: true });
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('Innlogging og tilgang', () => {
  it('anonymous readers see no phone numbers or e-mail and no edit controls; the login page is accessible; a director sees the history and cannot edit another municipality', async () => {
    const { page, errors } = await open('/kontakter?kommune=1841');
    const table = page.getByTestId('contact-table').first();
    await table.waitFor();
    await expect(table.textContent()).resolves.not.toMatch(/@|\+47/);
    await expect(page.getByText('Logg inn for å endre.').count()).resolves.toBeGreaterThan(0);
    await expect(page.getByRole('button', { name: /^Rediger / }).count()).resolves.toBe(0);

    await page.goto(`http://localhost:${server.port}/logg-inn`);
    await page.getByLabel('E-postadresse').fill('direktor.bodo@samordna.example');
    await page.getByLabel('Passord').fill('feil');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByText('Feil e-postadresse eller passord.').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'logg-inn.png') });
    await expectAccessible(page);

    await signIn(page, 'direktor.bodo@samordna.example', 'demo-direktor-2026');
    await expect(page.getByTestId('user-menu').textContent()).resolves.toContain('Dina Direktør (Bodø)');
    await page.goto(`http://localhost:${server.port}/kontakter?kommune=1841`);
    await page.getByTestId('contact-table').first().waitFor();
    await expect(page.getByText('Du har ikke tilgang til å endre dette.').count()).resolves.toBeGreaterThan(0);
    await expect(page.getByTestId('contact-table').first().textContent()).resolves.toMatch(/@/);

    // The Salten agreement is Bodø's: edit it and see the change in its history.
    await page.goto(`http://localhost:${server.port}/avtaler`);
    await page.getByRole('link', { name: /Krisesenteret i Salten/ }).click();
    await page.getByTestId('history').waitFor();
    await page.getByLabel(/Oppsigelsestid \(måneder\)/).fill('9');
    await page.getByRole('button', { name: 'Lagre' }).click();
    await page.getByText('Endringene er lagret.').waitFor();
    await page.reload();
    await page.getByTestId('history').locator('tr', { hasText: 'Dina Direktør (Bodø)' }).first().waitFor();
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('Samtidig redigering', () => {
  it('two people edit the same agreement: the second gets the first person’s change in the form, saves on top, and nothing is lost', async () => {
    const first = await open('/avtaler');
    const second = await open('/avtaler');
    await signIn(first.page, 'direktor.bodo@samordna.example', 'demo-direktor-2026');
    await signIn(second.page);
    for (const { page } of [first, second]) {
      await page.goto(`http://localhost:${server.port}/avtaler`);
      await page.getByRole('link', { name: /Krisesenteret i Salten/ }).click();
      await page.getByLabel('Tittel').waitFor();
    }
    const title = `Samarbeidsavtale Salten (revidert ${Date.now()})`;
    await first.page.getByLabel('Tittel').fill(title);
    await first.page.getByRole('button', { name: 'Lagre' }).click();
    await first.page.getByText('Endringene er lagret.').waitFor();

    await second.page.getByLabel(/Oppsigelsestid \(måneder\)/).fill('18');
    await second.page.getByRole('button', { name: 'Lagre', exact: true }).click();
    const conflict = second.page.getByTestId('conflict');
    await conflict.waitFor();
    await expect(conflict.textContent()).resolves.toContain('Den andres endringer er tatt inn i skjemaet: Tittel.');
    await expect(second.page.getByLabel('Tittel').inputValue()).resolves.toBe(title);
    await second.page.screenshot({ path: path.join(SCREENSHOTS, 'konflikt.png'), fullPage: true });
    await expectAccessible(second.page);
    await conflict.getByRole('button', { name: 'Lagre sammen med de nye endringene' }).click();
    await second.page.getByText('Endringene er lagret.').waitFor();

    await first.page.reload();
    await first.page.getByLabel('Tittel').waitFor();
    await expect(first.page.getByLabel('Tittel').inputValue()).resolves.toBe(title);
    await expect(first.page.getByLabel(/Oppsigelsestid \(måneder\)/).inputValue()).resolves.toBe('18');
    expect([...first.errors, ...second.errors]).toEqual([]);
    await first.page.close();
    await second.page.close();
  });
});
