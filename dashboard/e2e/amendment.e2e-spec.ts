import { rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { freePort, spawnServer, tempDir, type SpawnedServer } from '../../server/test/utils/spawn-server';
import { wcagViolations } from './axe';
import { launchChromium, signIn } from './browser';

jest.setTimeout(180_000);

/**
 * An agreement is a contract: Bodø (the host of Krisesenteret i Salten) proposes an amendment; the
 * directors of Fauske and Saltdal, each signed in in a browser context of their own, approve it with
 * their council decisions; the host sees both answers. A partner sees no control for the whole
 * agreement, only for its own membership.
 */
const SCREENSHOTS = path.join(__dirname, 'screenshots');
let server: SpawnedServer;
let browser: Browser;
const base = tempDir('samordna-amendment-');
const url = () => `http://localhost:${server.port}`;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = spawnServer({ SAMORDNA_DATA_DIR: path.join(base, 'pg'), NODE_ENV: 'development' }, await freePort());
  await server.waitFor(/Samordna is running/);
  browser = await launchChromium();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.stop();
  rmSync(base, { recursive: true, force: true });
});

/** A person of their own: a fresh browser context (own cookies), signed in. */
async function person(
  email: string,
  password: string,
  viewport = { width: 1280, height: 1000 },
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport, locale: 'nb-NO', bypassCSP: true });
  contexts.push(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await signIn(page, url(), email, password);
  return { page, errors };
}

async function openSalten(page: Page) {
  await page.goto(`${url()}/avtaler`);
  await page
    .getByTestId('agreement-table')
    .getByRole('link', { name: /Krisesenteret i Salten/ })
    .click();
  await page.getByRole('heading', { level: 1, name: /Krisesenteret i Salten/ }).waitFor();
}

it('the host proposes, two partners approve in their own browsers, and the host sees their answers', async () => {
  const host = await person('direktor.bodo@samordna.example', 'demo-direktor-2026');
  const fauske = await person('direktor.fauske@samordna.example', 'demo-direktor-2026');
  const saltdal = await person('direktor.saltdal@samordna.example', 'demo-direktor-2026', { width: 390, height: 844 });

  // The host proposes a new rate and a shorter notice period from next 1 January.
  await openSalten(host.page);
  await host.page.getByRole('button', { name: 'Foreslå endring' }).click();
  await host.page.getByLabel('Hva endres (kort)').fill('Ny sats og kortere oppsigelsestid');
  await host.page.getByLabel(/Ny pris per innbygger/).fill('abc');
  await host.page.getByRole('button', { name: 'Send forslaget til godkjenning' }).click();
  await host.page.getByText(/Skriv prisen som et tall i kroner/).waitFor();
  await host.page.getByLabel(/Ny pris per innbygger/).fill('95');
  await host.page.getByLabel('Oppsigelsestid (måneder)').last().fill('6');
  await host.page.getByRole('button', { name: 'Send forslaget til godkjenning' }).click();
  const card = host.page.getByTestId('amendment');
  await card.waitFor();
  await expect(card.getByTestId('amendment-status').textContent()).resolves.toBe('Venter på svar');
  expect(await card.getByTestId('approval-table').locator('tbody tr').count()).toBe(12);
  await card.getByTestId('impact-table').waitFor();

  // Fauske: no status buttons for the whole agreement; its own membership with the notice date; approves.
  await openSalten(fauske.page);
  expect(await fauske.page.getByRole('button', { name: /^Sett til/ }).count()).toBe(0);
  await fauske.page.getByRole('button', { name: 'Si opp for Fauske' }).waitFor();
  const fauskeForm = fauske.page.getByTestId('decision-1841');
  await fauskeForm.getByLabel('Saksnummer').fill('sak 45/26');
  await fauskeForm.getByRole('button', { name: 'Godkjenn for Fauske' }).click();
  await fauske.page.getByTestId('approval-table').getByText('Godkjent').waitFor();
  await fauske.page.screenshot({ path: path.join(SCREENSHOTS, 'endringsforslag-fauske.png'), fullPage: true });
  expect(await wcagViolations(fauske.page)).toEqual([]);

  // Saltdal, on a phone: the waiting list leads to the agreement; approves.
  await saltdal.page.goto(`${url()}/avtaler`);
  await saltdal.page
    .getByTestId('pending-approvals')
    .getByRole('link', { name: /Ny sats og kortere oppsigelsestid/ })
    .click();
  const saltdalForm = saltdal.page.getByTestId('decision-1840');
  await saltdalForm.getByLabel('Saksnummer').fill('sak 12/26');
  await saltdalForm.getByRole('button', { name: 'Godkjenn for Saltdal' }).click();
  await saltdal.page
    .getByTestId('decision-1840')
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
  await saltdal.page.screenshot({ path: path.join(SCREENSHOTS, 'endringsforslag-saltdal-mobil.png'), fullPage: true });

  // The host sees both answers (with their decisions); the others still wait.
  await host.page.reload();
  const table = host.page.getByTestId('approval-table');
  await table.waitFor();
  await expect(table.locator('tr', { hasText: 'Fauske' }).textContent()).resolves.toContain('sak 45/26');
  await expect(table.locator('tr', { hasText: 'Saltdal' }).textContent()).resolves.toContain('sak 12/26');
  expect(await table.getByText('Godkjent', { exact: true }).count()).toBe(2);
  expect(await table.getByText('Venter', { exact: true }).count()).toBe(10);
  await host.page.screenshot({ path: path.join(SCREENSHOTS, 'endringsforslag-vert.png'), fullPage: true });
  expect(await wcagViolations(host.page)).toEqual([]);
  for (const p of [host, fauske, saltdal]) expect(p.errors).toEqual([]);
});
