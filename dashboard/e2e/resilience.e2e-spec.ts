import { rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { freePort, spawnServer, tempDir, type SpawnedServer } from '../../server/test/utils/spawn-server';
import { launchChromium } from './browser';

jest.setTimeout(240_000);

// Never a blank page: the server goes away while the dashboard is open, and comes back.
const SCREENSHOTS = path.join(__dirname, 'screenshots');
let server: SpawnedServer;
let browser: Browser;
let port = 0;
const base = tempDir('samordna-resilience-');
const start = async () => {
  server = spawnServer({ SAMORDNA_DATA_DIR: path.join(base, 'pg'), NODE_ENV: 'development' }, port);
  await server.waitFor(/Samordna is running/);
};

beforeAll(async () => {
  port = await freePort();
  await start();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(base, { recursive: true, force: true });
});

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name, exact: true }).click();

it('a page not visited before, with the server gone: an error with a reload inside the page, the menu stays; after the server returns the reload brings the page', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'nb-NO' });
  const uncaught: string[] = [];
  page.on('pageerror', (e) => uncaught.push(e.message));
  await page.goto(`http://localhost:${port}/`);
  await page.getByTestId('key-figures').waitFor();
  // Load Kommuner's code (and its counties) and come back: a county's municipalities will be missing later.
  await nav(page, 'Kommuner');
  await page.getByRole('option', { name: 'Nordland (18)' }).waitFor({ state: 'attached' });
  await nav(page, 'Oversikt');
  await page.getByTestId('key-figures').waitFor();

  await server.stop();

  // Code that was never downloaded: the route's boundary catches it.
  await nav(page, 'Kostnader');
  const error = page.getByTestId('route-error');
  await error.getByText('Denne delen av Samordna kunne ikke lastes ned.', { exact: false }).waitFor();
  await expect(page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link').count()).resolves.toBeGreaterThan(
    5,
  );
  await page.screenshot({ path: path.join(SCREENSHOTS, 'frakoblet-1280.png') });
  // A reload while the server is still away would give the browser's own error page: it says so instead.
  await error.getByRole('button', { name: 'Last inn siden på nytt' }).click();
  await error.getByText('Får fortsatt ikke kontakt med tjeneren.', { exact: false }).waitFor();

  // Code that is there but whose data cannot be fetched: the page's own error with «Prøv igjen».
  await nav(page, 'Kommuner');
  await page.getByLabel('Fylke').selectOption({ label: 'Nordland (18)' });
  const retry = page.getByRole('button', { name: 'Prøv igjen' });
  await retry.waitFor();

  await start();
  await retry.click();
  await page.getByTestId('municipality-table').waitFor();

  await nav(page, 'Kostnader');
  await page.getByTestId('route-error').getByRole('button', { name: 'Last inn siden på nytt' }).click();
  await page.getByRole('heading', { level: 1, name: 'Kostnader' }).waitFor();
  expect(uncaught).toEqual([]);
  await page.close();
});
