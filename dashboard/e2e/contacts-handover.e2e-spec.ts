import { rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { formatDate, todayInNorway } from '@samordna/domain';
import { freePort, spawnServer, tempDir, type SpawnedServer } from '../../server/test/utils/spawn-server';
import { wcagViolations } from './axe';
import { launchChromium, signIn } from './browser';
import { overflow, shot } from './layout';

jest.setTimeout(240_000);

// Issue 14, contacts that can be fixed: «Ny etat» from a gap, the dated printout, «Flytter til X»
// with verification dates, routine status and switchboard, and routine steps added and removed.
// Each at 1280 px and at 390 × 844: axe clean, nothing scrolls sideways on the phone.
const SCREENSHOTS = path.join(__dirname, 'screenshots');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const LEADER: [string, string] = ['leder.salten@samordna.example', 'demo-leder-2026'];
const DIRECTOR_BODO: [string, string] = ['direktor.bodo@samordna.example', 'demo-direktor-2026'];

let server: SpawnedServer;
let browser: Browser;
const base = tempDir('samordna-i14-contacts-');
let url = '';

beforeAll(async () => {
  server = spawnServer({ SAMORDNA_DATA_DIR: path.join(base, 'pg'), NODE_ENV: 'development' }, await freePort());
  await server.waitFor(/Samordna is running/);
  url = `http://localhost:${server.port}`;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(base, { recursive: true, force: true });
});

async function openAs(
  as: [string, string],
  viewport: { width: number; height: number },
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport, locale: 'nb-NO', bypassCSP: true });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await signIn(page, url, ...as);
  return { page, errors };
}

/** At this width: axe finds nothing, nothing scrolls sideways, and a screenshot to look at. */
async function check(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  const width = page.viewportSize()!.width;
  // An open dialog sits in the viewport: a full-page shot would put it in the middle of a tall page.
  const file = path.join(SCREENSHOTS, `i14-${name}-${width}.png`);
  if (await page.locator('dialog[open]').count()) await page.screenshot({ path: file });
  else await shot(page, file);
  expect(await wcagViolations(page)).toEqual([]);
  expect(await overflow(page)).toEqual({ by: 0, culprit: '' });
}

const saltenId = async (page: Page) => {
  const r = await page.request.post(`${url}/graphql`, {
    data: { query: '{ crisisCentres(filter: { search: "Salten" }) { items { id } } }' },
  });
  return (await r.json()).data.crisisCentres.items[0].id as string;
};

describe.each([DESKTOP, PHONE])('at $width px', (viewport) => {
  it("«Ny etat» from a gap: the missing agency is chosen, agency and contact are saved together, and the gap's link is gone", async () => {
    const { page, errors } = await openAs(LEADER, viewport);
    await page.goto(`${url}/kontakter?senter=${await saltenId(page)}`);
    const centre = page.getByTestId('centre-contacts');
    await centre.waitFor();
    await check(page, 'kontakter-senter');
    const link = centre.getByRole('link', { name: /^Legg til Helsestasjon/ }).first();
    const municipality = (await link.locator('.visually-hidden').textContent())!.trim().replace(/^i /, '');
    await link.click();
    const form = page.getByTestId('new-agency-form');
    await form.waitFor();
    await expect(form.getByLabel('Type etat').inputValue()).resolves.toBe('HEALTH_STATION_SCHOOL_HEALTH');
    await expect(form.getByLabel('Etatens navn').inputValue()).resolves.toContain(municipality);
    // Both the contact's e-mail and its missing name are refused at once, and nothing is saved.
    await form.getByLabel('E-post').fill('ikke-en-adresse');
    await form.getByRole('button', { name: 'Lagre' }).click();
    await form.getByText('E-postadressen er ikke gyldig.').waitFor();
    await form.getByText('Navn må fylles ut.').waitFor();
    await check(page, 'ny-etat-feil');
    await form.getByLabel('Navn', { exact: true }).fill(`Helle Helsesykepleier ${viewport.width}`);
    await form.getByLabel('E-post').fill(`helle.${viewport.width}@kommune.example`);
    await form.getByRole('button', { name: 'Lagre' }).click();
    await page.getByText('Etaten og kontaktpersonen er lagret.').waitFor();
    const block = page.locator('.agency-block', { hasText: `Helle Helsesykepleier ${viewport.width}` });
    await block.waitFor();
    // Verified at creation by its creator: not marked stale.
    await expect(block.getByText('Ikke bekreftet på 6 mnd.').count()).resolves.toBe(0);
    await check(page, 'ny-etat-lagret');
    // Back on the centre's list, the municipality no longer lacks that agency.
    await page.goBack();
    const row = centre.locator('tr', { has: page.getByRole('link', { name: municipality, exact: true }) });
    await row.waitFor();
    await row.getByRole('link', { name: /^Legg til Helsestasjon/ }).waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the printout of the contact list names the municipality and the date', async () => {
    const { page, errors } = await openAs(LEADER, viewport);
    await page.goto(`${url}/kontakter?kommune=1841`);
    await page.getByTestId('contact-table').first().waitFor();
    const header = page.getByTestId('print-header');
    await expect(header.isVisible()).resolves.toBe(false); // on paper only
    await page.emulateMedia({ media: 'print' });
    await expect(header.isVisible()).resolves.toBe(true);
    await expect(header.textContent()).resolves.toBe(`Kontakter · Fauske · skrevet ut ${formatDate(todayInNorway())}`);
    await expect(page.getByRole('button', { name: 'Skriv ut' }).isVisible()).resolves.toBe(false);
    await shot(page, path.join(SCREENSHOTS, `i14-kontakter-utskrift-${viewport.width}.png`));
    await page.emulateMedia({ media: 'screen' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("«Flytter til X»: verification dates, the routine's status, the switchboard «ikke registrert» until the director registers it, and a dated printout", async () => {
    const { page, errors } = await openAs(DIRECTOR_BODO, viewport);
    await page.goto(`${url}/flytter/1804`);
    await page.getByRole('heading', { level: 1, name: 'Flytter til Bodø' }).waitFor();
    const dates = await page.getByTestId('moving-verified').allTextContents();
    expect(dates.length).toBeGreaterThan(0);
    for (const d of dates) expect(d).toMatch(/^(\d{2}\.\d{2}\.\d{4}|Aldri|)$/);
    await expect(page.getByTestId('moving-routine-status').first().textContent()).resolves.toMatch(
      /^Status: (utkast|vedtatt)/,
    );
    const board = page.getByTestId('switchboard');
    if (viewport === DESKTOP) {
      await board.getByText('ikke registrert').waitFor();
      await check(page, 'flytter-til-uten-sentralbord');
      await board.getByRole('button', { name: 'Registrer sentralbord' }).click();
      await board.getByLabel('Sentralbordets telefonnummer').fill('12');
      await board.getByRole('button', { name: 'Lagre' }).click();
      await board.getByText('Telefonnummeret må ha 8–15 sifre.').waitFor();
      // A made-up test number (00-series), never a real one.
      await board.getByLabel('Sentralbordets telefonnummer').fill('+47 00 00 00 10');
      await board.getByRole('button', { name: 'Lagre' }).click();
      await board.getByText('Sentralbordet er lagret.').waitFor();
    }
    await page.reload();
    await board.getByText('+47 00 00 00 10').waitFor();
    await expect(board.textContent()).resolves.toMatch(
      /Kilde: Registrert av Dina Direktør \(Bodø\), \d{2}\.\d{2}\.\d{4}/,
    );
    await check(page, 'flytter-til');
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByTestId('print-header').textContent()).resolves.toBe(
      `Overføring fra krisesenteret · Bodø · skrevet ut ${formatDate(todayInNorway())}`,
    );
    await shot(page, path.join(SCREENSHOTS, `i14-flytter-til-utskrift-${viewport.width}.png`));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Rutiner: a step of their own is added where the user puts it, and removed again', async () => {
    const { page, errors } = await openAs(LEADER, viewport);
    await page.goto(`${url}/rutiner`);
    await page.getByLabel('Krisesenter', { exact: true }).selectOption({ label: 'Krisesenteret i Salten' });
    await page.getByLabel('Kommune', { exact: true }).selectOption({ label: 'Bodø' });
    const steps = page.getByTestId('step-table');
    await steps.waitFor();
    const before = await steps.locator('tbody tr').count();
    const second = (await steps.locator('tbody tr').nth(1).locator('td').nth(1).textContent())!;
    const title = `Avklare skoleskyss (${viewport.width})`;
    await page.getByRole('button', { name: '+ Nytt steg' }).click();
    const dialog = page.getByRole('dialog').filter({ has: page.getByRole('heading', { name: 'Nytt steg' }) });
    await dialog.getByLabel('Steg').fill(title);
    await dialog.getByLabel('Når').selectOption('BEFORE_MOVING_OUT');
    await dialog.getByLabel('Plassering').selectOption({ label: `Før «${second}»` });
    await check(page, 'rutine-nytt-steg');
    await dialog.getByRole('button', { name: 'Lagre' }).click();
    await page.getByText('Steget er lagret.').waitFor();
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid=step-table] tbody tr').length === n,
      before + 1,
    );
    await expect(steps.locator('tbody tr').nth(1).locator('td').nth(1).textContent()).resolves.toBe(title);
    await check(page, 'rutine-med-eget-steg');

    await page.getByRole('button', { name: `Fjern «${title}»` }).click();
    await page
      .getByRole('dialog')
      .filter({ hasText: `Fjerne steget «${title}»` })
      .getByRole('button', { name: 'Ja, fjern' })
      .click();
    await page.getByText('Steget er fjernet.').waitFor();
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid=step-table] tbody tr').length === n,
      before,
    );
    await expect(steps.locator('tbody tr').nth(1).locator('td').nth(1).textContent()).resolves.toBe(second);
    expect(errors).toEqual([]);
    await page.close();
  });
});
