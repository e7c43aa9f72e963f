import { rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { freePort, spawnServer, tempDir, type SpawnedServer } from '../../server/test/utils/spawn-server';
import { wcagViolations } from './axe';
import { launchChromium } from './browser';

jest.setTimeout(120_000);

const SCREENSHOTS = path.join(__dirname, 'screenshots');
let server: SpawnedServer;
let browser: Browser;
const base = tempDir('samordna-pages-');

beforeAll(async () => {
  server = spawnServer({ SAMORDNA_DATA_DIR: path.join(base, 'pg') }, await freePort());
  await server.waitFor(/Samordna is running/);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(base, { recursive: true, force: true });
});

async function open(url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, locale: 'nb-NO' });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`http://localhost:${server.port}${url}`);
  return { page, errors };
}

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
    const notRegistered = await figures.locator('.key-figure', { hasText: 'ikke registrert' }).locator('.figure-value').textContent();
    expect(notRegistered).toBe('313');
    await page.locator('.recharts-wrapper').waitFor();
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
    expect(await page.locator('path.sev-NOT_REGISTERED').count()).toBe(313);
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
    await expect(table.getByRole('columnheader', { name: /Kommune/ }).getAttribute('aria-sort')).resolves.toBe('ascending');

    // Filter by county zooms and narrows.
    await page.getByLabel('Fylke', { exact: true }).selectOption({ label: 'Nordland' });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=coverage-table] tbody tr').length === 41);
    expect(errors).toEqual([]);
    await page.close();
  });
});
