import { rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { freePort, spawnServer, tempDir, type SpawnedServer } from '../../server/test/utils/spawn-server';
import { launchChromium } from './browser';
import { wcagViolations } from './axe';

jest.setTimeout(120_000);

const SCREENSHOTS = path.join(__dirname, 'screenshots');

let server: SpawnedServer;
let browser: Browser;
const base = tempDir('samordna-e2e-');

beforeAll(async () => {
  // The real server on a fresh embedded database, exactly as `pnpm start` runs it.
  server = spawnServer({ SAMORDNA_DATA_DIR: path.join(base, 'pg') }, await freePort());
  await server.waitFor(/Samordna is running/);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(base, { recursive: true, force: true });
});

it('shows the municipalities of a chosen county with population and centre', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'nb-NO', bypassCSP: true });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`http://localhost:${server.port}/kommuner`);

  await page.getByRole('heading', { level: 1, name: 'Kommuner og folketall' }).waitFor();
  await page.getByText('Velg et fylke eller søk etter en kommune.').waitFor();
  await page.getByLabel('Fylke').selectOption({ label: 'Nordland (18)' });

  const table = page.getByTestId('municipality-table');
  await table.waitFor();
  const rows = table.locator('tbody tr');
  expect(await rows.count()).toBe(41);
  const bodo = rows.filter({ hasText: 'Bodø' });
  await expect(bodo.locator('td').nth(0).textContent()).resolves.toBe('1804');
  await expect(bodo.locator('td').nth(2).textContent()).resolves.toBe('53\u00a0712');
  await expect(bodo.locator('td').nth(3).textContent()).resolves.toContain('Krisesenteret i Salten');
  // Rana: a documented membership (data/national), shown with its source, not as an agreement.
  const rana = rows.filter({ hasText: 'Rana' });
  await expect(rana.locator('td').nth(3).textContent()).resolves.toContain('Krisesenteret Rana');
  await expect(rana.locator('td').nth(3).getByRole('link', { name: 'Kilde' }).count()).resolves.toBe(1);
  const notRegistered = rows.filter({ hasText: 'Ikke registrert' });
  expect(await notRegistered.count()).toBeGreaterThan(0);
  await expect(page.getByTestId('municipality-summary').textContent()).resolves.toBe(
    '41 kommuner, til sammen 243\u00a0081 innbyggere',
  );
  expect(page.url()).toContain('?fylke=18');

  await page.getByRole('searchbox', { name: 'Søk etter kommune' }).fill('fau');
  await expect(rows.count()).resolves.toBeGreaterThan(0);
  await page.waitForFunction(
    () => document.querySelectorAll('[data-testid="municipality-table"] tbody tr').length === 1,
  );
  await expect(rows.first().locator('td').nth(1).textContent()).resolves.toBe('Fauske');

  await page.screenshot({ path: path.join(SCREENSHOTS, 'municipalities.png'), fullPage: false });
  expect(await wcagViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
});
