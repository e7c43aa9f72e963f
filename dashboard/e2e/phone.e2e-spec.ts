import { rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { freePort, spawnServer, tempDir, type SpawnedServer } from '../../server/test/utils/spawn-server';
import { wcagViolations } from './axe';
import { launchChromium, signIn } from './browser';
import { overflow, shot as shotIn } from './layout';

jest.setTimeout(240_000);

// Every page at a phone's width (390 × 844) and at a desktop's (1280 × 900): nothing may make the
// page scroll sideways on the phone (wide tables scroll inside their own box), the header folds
// into a menu button, and axe finds nothing. Screenshots of both go to e2e/screenshots/phone|desktop.
const SCREENSHOTS = path.join(__dirname, 'screenshots');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

let server: SpawnedServer;
let browser: Browser;
const base = tempDir('samordna-phone-');
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

const shot = (page: Page, file: string) => shotIn(page, path.join(SCREENSHOTS, file));

/** Waits until no spinner is left and the page has a main heading. */
async function settled(page: Page) {
  await page.locator('main h1').first().waitFor();
  await page.waitForFunction(() => document.querySelectorAll('main .loading').length === 0);
  await page.waitForLoadState('networkidle');
}

interface Visit {
  name: string;
  path: string;
  /** Signs in as this user first. */
  as?: [string, string];
}

const PAGES: Visit[] = [
  { name: 'oversikt', path: '/' },
  { name: 'kart', path: '/kart' },
  { name: 'kart-fauske', path: '/kart?kommune=1841' },
  { name: 'kostnader', path: '/kostnader?aar=2025' },
  { name: 'avtaler', path: '/avtaler' },
  { name: 'kommuner', path: '/kommuner' },
  { name: 'logg-inn', path: '/logg-inn' },
  { name: 'finnes-ikke', path: '/finnes-ikke' },
  { name: 'start-direktor', path: '/', as: ['direktor.fauske@samordna.example', 'demo-direktor-2026'] },
  { name: 'start-okonomi', path: '/', as: ['okonomi.bodo@samordna.example', 'demo-okonomi-2026'] },
  { name: 'start-leder', path: '/', as: ['leder.salten@samordna.example', 'demo-leder-2026'] },
  { name: 'kontakter', path: '/kontakter?kommune=1841', as: ['leder.salten@samordna.example', 'demo-leder-2026'] },
  { name: 'rutiner', path: '/rutiner', as: ['leder.salten@samordna.example', 'demo-leder-2026'] },
  { name: 'flytter', path: '/flytter/1841', as: ['leder.salten@samordna.example', 'demo-leder-2026'] },
  { name: 'avtaler-direktor', path: '/avtaler', as: ['direktor.bodo@samordna.example', 'demo-direktor-2026'] },
  { name: 'brukere', path: '/brukere', as: ['admin@samordna.example', 'demo-admin-2026'] },
  { name: 'min-konto', path: '/min-konto', as: ['admin@samordna.example', 'demo-admin-2026'] },
];

async function context(viewport: { width: number; height: number }, as?: [string, string]): Promise<BrowserContext> {
  const ctx = await browser.newContext({ viewport, locale: 'nb-NO', bypassCSP: true });
  if (as) {
    const page = await ctx.newPage();
    await signIn(page, url, as[0], as[1]);
    await page.close();
  }
  return ctx;
}

describe('Every page on a phone (390 px) and a desktop (1280 px)', () => {
  it.each(PAGES)('$name: no sideways scrolling at 390 px, axe clean, screenshots at both widths', async (visit) => {
    const phone = await context(PHONE, visit.as);
    const page = await phone.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${url}${visit.path}`);
    await settled(page);
    const o = await overflow(page);
    await shot(page, `${visit.name}-390.png`);
    expect(o).toEqual({ by: 0, culprit: '' });
    expect(await wcagViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await phone.close();

    const desktop = await context(DESKTOP, visit.as);
    const wide = await desktop.newPage();
    await wide.goto(`${url}${visit.path}`);
    await settled(wide);
    await shot(wide, `${visit.name}-1280.png`);
    expect(await overflow(wide)).toEqual({ by: 0, culprit: '' });
    await desktop.close();
  });

  it('an agreement page fits a phone too', async () => {
    const phone = await context(PHONE, ['direktor.bodo@samordna.example', 'demo-direktor-2026']);
    const page = await phone.newPage();
    await page.goto(`${url}/avtaler`);
    await settled(page);
    await page.getByTestId('agreement-table').locator('a').first().click();
    await settled(page);
    await shot(page, 'avtale-390.png');
    expect(await overflow(page)).toEqual({ by: 0, culprit: '' });
    expect(await wcagViolations(page)).toEqual([]);
    await phone.close();
  });

  it('a wide table scrolls inside its box on a phone and keeps its key column in view', async () => {
    const phone = await context(PHONE, ['direktor.bodo@samordna.example', 'demo-direktor-2026']);
    const page = await phone.newPage();
    await page.goto(`${url}/avtaler`);
    await settled(page);
    const box = page.locator('.table-scroll').filter({ has: page.getByTestId('agreement-table') });
    const { scrollable } = await box.evaluate((el) => ({ scrollable: el.scrollWidth - el.clientWidth }));
    expect(scrollable).toBeGreaterThan(50); // the table is wider than the phone: it scrolls in its box
    const firstHeader = box.locator('thead th').first();
    const lastHeader = box.locator('thead th').last();
    const before = { first: (await firstHeader.boundingBox())!.x, last: (await lastHeader.boundingBox())!.x };
    expect(await box.evaluate((el) => ((el.scrollLeft = 200), el.scrollLeft))).toBeGreaterThan(0);
    const after = { first: (await firstHeader.boundingBox())!.x, last: (await lastHeader.boundingBox())!.x };
    expect(Math.abs(after.first - before.first)).toBeLessThanOrEqual(1); // the title column stays
    expect(before.last - after.last).toBeGreaterThan(100); // the others scroll past it
    await shot(page, 'avtaler-rullet-390.png');
    expect(await overflow(page)).toEqual({ by: 0, culprit: '' });
    await phone.close();
  });

  it('the header folds into a menu button on a phone: closed at first, opens and closes with the button, closes after a choice', async () => {
    const phone = await context(PHONE, ['leder.salten@samordna.example', 'demo-leder-2026']);
    const page = await phone.newPage();
    await page.goto(`${url}/`);
    await settled(page);
    const button = page.getByRole('button', { name: 'Meny' });
    await expect(button.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(page.getByRole('link', { name: 'Kostnader' }).isVisible()).resolves.toBe(false);
    // Touch targets: the menu button is at least 44 × 44 px.
    const box = (await button.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(44);
    expect(box.height).toBeGreaterThanOrEqual(44);
    await button.click();
    await expect(button.getAttribute('aria-expanded')).resolves.toBe('true');
    await page.getByRole('button', { name: 'Logg ut' }).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'meny-390.png'), fullPage: false });
    expect(await overflow(page)).toEqual({ by: 0, culprit: '' });
    expect(await wcagViolations(page)).toEqual([]);
    // Every link in the open menu is a touch target of at least 44 px in height.
    for (const link of await page.locator('.app-header nav a').all()) {
      expect((await link.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    }
    await page.getByRole('link', { name: 'Kostnader' }).click();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await expect(button.getAttribute('aria-expanded')).resolves.toBe('false');
    expect(page.url()).toContain('/kostnader');
    // Escape closes the open menu and gives focus back to the button.
    await button.click();
    await page.keyboard.press('Escape');
    await expect(button.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-controls'))).resolves.toBe('main-menu');
    await phone.close();

    // A desktop has no menu button: the navigation is always shown.
    const desktop = await context(DESKTOP);
    const wide = await desktop.newPage();
    await wide.goto(`${url}/`);
    await settled(wide);
    await expect(wide.getByRole('button', { name: 'Meny' }).isVisible()).resolves.toBe(false);
    await expect(wide.getByRole('link', { name: 'Kostnader' }).isVisible()).resolves.toBe(true);
    await desktop.close();
  });
});

describe('A personal start once signed in', () => {
  async function start(as: [string, string]) {
    const ctx = await context(DESKTOP, as);
    const page = await ctx.newPage();
    await page.goto(`${url}/`);
    await page.getByTestId('my-start').waitFor();
    await settled(page);
    return { ctx, page };
  }

  it('a director sees their municipality, its centre and cost per inhabitant, deadlines with days left, findings and stale contacts', async () => {
    const { ctx, page } = await start(['direktor.fauske@samordna.example', 'demo-direktor-2026']);
    const card = page.getByTestId('start-municipality');
    await card.getByRole('heading', { name: 'Fauske kommune' }).waitFor();
    await expect(card.textContent()).resolves.toContain('Samarbeidskommune i Krisesenteret i Salten.');
    await expect(card.getByTestId('start-cost').textContent()).resolves.toMatch(
      /Fauske betaler kr\s[\d\s]+ per innbygger i \d{4}\./,
    );
    await expect(card.getByRole('link', { name: /kontaktperson/ }).getAttribute('href')).resolves.toBe(
      '/kontakter?kommune=1841',
    );
    await expect(page.getByRole('heading', { name: 'Hele landet' }).count()).resolves.toBe(1);
    expect(await wcagViolations(page)).toEqual([]);
    await ctx.close();
  });

  it('finance sees the budget year of the centre their municipality hosts', async () => {
    const { ctx, page } = await start(['okonomi.bodo@samordna.example', 'demo-okonomi-2026']);
    const cost = page.getByTestId('start-cost');
    await expect(cost.textContent()).resolves.toMatch(/Budsjettåret \d{4}: netto budsjett kr/);
    await expect(cost.getByRole('link', { name: /Se kostnadene for \d{4}/ }).getAttribute('href')).resolves.toMatch(
      /^\/kostnader\?senter=.+&aar=\d{4}$/,
    );
    await ctx.close();
  });

  it('a centre leader sees the member municipalities with gaps', async () => {
    const { ctx, page } = await start(['leder.salten@samordna.example', 'demo-leder-2026']);
    const card = page.getByTestId('start-centre');
    await card.getByRole('heading', { name: 'Krisesenteret i Salten' }).waitFor();
    await expect(card.textContent()).resolves.toMatch(/\d+ medlemskommuner · \d+ med mangler/);
    expect(await wcagViolations(page)).toEqual([]);
    await ctx.close();
  });

  it('pages open on the user’s own centre or municipality: Kostnader for Fauske’s director and Bodø’s finance, Rutiner and Kontakter for the Salten leader', async () => {
    const selected = (page: Page, label: string) =>
      page
        .getByLabel(label, { exact: true })
        .first()
        .evaluate((e) => (e as HTMLSelectElement).selectedOptions[0]?.textContent ?? '');
    for (const as of [
      ['direktor.fauske@samordna.example', 'demo-direktor-2026'],
      ['okonomi.bodo@samordna.example', 'demo-okonomi-2026'],
    ] as [string, string][]) {
      const ctx = await context(DESKTOP, as);
      const page = await ctx.newPage();
      await page.goto(`${url}/kostnader`);
      await page.waitForURL(/senter=/);
      await settled(page);
      await expect(selected(page, 'Krisesenter')).resolves.toBe('Krisesenteret i Salten');
      await ctx.close();
    }
    const ctx = await context(DESKTOP, ['leder.salten@samordna.example', 'demo-leder-2026']);
    const page = await ctx.newPage();
    await page.goto(`${url}/rutiner`);
    await page.waitForURL(/senter=/);
    await settled(page);
    await expect(selected(page, 'Krisesenter')).resolves.toBe('Krisesenteret i Salten');
    await page.goto(`${url}/kontakter`);
    await page.waitForURL(/senter=/);
    await settled(page);
    await expect(selected(page, 'Senterets medlemskommuner')).resolves.toBe('Krisesenteret i Salten');
    await ctx.close();
  });
});

describe('The map, legible and usable by keyboard', () => {
  it('has one tab stop, arrow keys between neighbours with the name and finding shown, a skip link past it, and the legend beside it', async () => {
    const ctx = await context(DESKTOP);
    const page = await ctx.newPage();
    await page.goto(`${url}/kart`);
    await page.locator('[data-testid=coverage-map] path[data-kommunenummer]').first().waitFor();
    await settled(page);
    // One tab stop for 357 municipalities.
    expect(await page.locator('[data-testid=coverage-map] [tabindex="0"]').count()).toBe(1);
    // The legend is beside the map, not below it.
    const map = (await page.getByTestId('coverage-map').boundingBox())!;
    const legend = (await page.getByRole('list', { name: 'Tegnforklaring' }).boundingBox())!;
    expect(legend.x).toBeGreaterThanOrEqual(map.x + map.width);
    expect(legend.y).toBeLessThan(map.y + map.height / 2);

    // Keyboard: Bodø, then right (east) to a neighbour; the hint names it and its finding.
    await page.locator('path[data-kommunenummer="1804"]').focus();
    await expect(page.getByTestId('map-hint').textContent()).resolves.toMatch(/^Bodø: /);
    await page.keyboard.press('ArrowRight');
    const moved = await page.evaluate(() => document.activeElement?.getAttribute('data-kommunenummer'));
    expect(moved).not.toBe('1804');
    expect(moved).toMatch(/^\d{4}$/);
    await expect(page.getByTestId('map-hint').textContent()).resolves.not.toMatch(/^Bodø: /);
    expect(await page.locator('[data-testid=coverage-map] [tabindex="0"]').getAttribute('data-kommunenummer')).toBe(
      moved,
    );
    await page.screenshot({ path: path.join(SCREENSHOTS, 'kart-tastatur-1280.png') });

    // The skip link: the first Tab stop in the figure, it jumps to the table.
    await page.getByLabel('Alvorlighet').focus();
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
      'Hopp over kartet til tabellen',
    );
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('map-table');
    expect(await wcagViolations(page)).toEqual([]);

    // Not registered is hatched, «Merknad» dotted: patterns, not colours alone.
    await expect(
      page
        .locator('path.sev-NOT_REGISTERED')
        .first()
        .evaluate((e) => getComputedStyle(e).fill),
    ).resolves.toContain('pattern-NOT_REGISTERED');
    await ctx.close();
  });
});

describe('Signing in', () => {
  it('puts the focus on the start page’s heading after sign-in, and /logg-inn when signed in goes to the start page', async () => {
    const ctx = await browser.newContext({ viewport: DESKTOP, locale: 'nb-NO', bypassCSP: true });
    const page = await ctx.newPage();
    await signIn(page, url, 'direktor.fauske@samordna.example', 'demo-direktor-2026');
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Oversikt');
    await expect(page.title()).resolves.toBe('Oversikt – Samordna');
    await page.goto(`${url}/logg-inn`);
    await page.waitForURL(`${url}/`);
    await page.getByTestId('my-start').waitFor();
    await ctx.close();
  });
});
