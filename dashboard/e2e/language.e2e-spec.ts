import { rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { freePort, spawnServer, tempDir, type SpawnedServer } from '../../server/test/utils/spawn-server';
import { wcagViolations } from './axe';
import { launchChromium, signIn } from './browser';

jest.setTimeout(240_000);

// English is complete where the server used to send bokmål prose (roles, checklist headings, cost
// explanations, a finding's basis): the server sends codes, the dashboard words them. Also the
// municipality combobox by keyboard, one sort indicator per header and chart labels that do not
// overlap — each at 1280 px and 390 × 844, screenshots in e2e/screenshots/.
const SCREENSHOTS = path.join(__dirname, 'screenshots');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const WIDTHS = [
  ['1280', DESKTOP],
  ['390', PHONE],
] as const;

/** Bokmål words that must not appear on an English page (names of places and centres aside). */
const BOKMAL = new RegExp(
  '\\b(' +
    [
      'innbyggere|vertskommunen|samarbeidskommunene|budsjettet|tilleggskostnader|fast andel|grunnbeløp',
      'Formål|Bolig|Kompetanse|Kommunedirektør|Nasjonal administrator|Krisesenterleder|Lovkrav|Veiledning',
      'Sikkerhet|Middels|kilden',
    ].join('|') +
    ')\\b',
  'i',
);

let server: SpawnedServer;
let browser: Browser;
const base = tempDir('samordna-language-');
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

async function settled(page: Page) {
  await page.locator('main h1').first().waitFor();
  await page.waitForFunction(() => document.querySelectorAll('main .loading').length === 0);
  await page.waitForLoadState('networkidle');
}

async function shot(page: Page, file: string) {
  const { width, height } = await page.evaluate(() => ({
    width: document.documentElement.clientWidth,
    height: document.documentElement.scrollHeight,
  }));
  await page.screenshot({
    path: path.join(SCREENSHOTS, file),
    fullPage: true,
    clip: { x: 0, y: 0, width, height: Math.min(height, 2400) },
    timeout: 120_000,
  });
}

/** Signed in as the administrator, with English remembered in local storage. */
async function english(viewport: { width: number; height: number }): Promise<BrowserContext> {
  const ctx = await browser.newContext({ viewport, locale: 'nb-NO', bypassCSP: true });
  const page = await ctx.newPage();
  await signIn(page, url);
  await page.evaluate(() => localStorage.setItem('samordna.locale', 'en'));
  await page.close();
  return ctx;
}

/** The visible text of main and the header, without parts marked lang="nb" (quoted Norwegian sources). */
const visibleText = (page: Page) =>
  page.evaluate(() => {
    const main = document.querySelector('main')!.cloneNode(true) as HTMLElement;
    main.querySelectorAll('[lang="nb"]').forEach((e) => e.remove());
    return `${document.querySelector('header')?.textContent ?? ''}\n${main.textContent}`;
  });

describe('English where the server sends codes', () => {
  it.each(WIDTHS)(
    'costs (explanations), an agreement (checklist) and the map panel (basis, confidence) at %s px: ' +
      'no bokmål, axe clean',
    async (width, viewport) => {
      const ctx = await english(viewport);
      const page = await ctx.newPage();

      await page.goto(`${url}/kostnader?aar=2025`);
      await settled(page);
      await page.getByText('Show as a table').first().click();
      const costTable = page.getByTestId('cost-table');
      await costTable.waitFor();
      expect(await costTable.innerText()).toMatch(/inhabitants × kr/);
      expect(await visibleText(page)).not.toMatch(BOKMAL);
      // The header names the role in English too.
      expect(await page.getByTestId('user-menu').textContent()).toContain('National administrator');
      await shot(page, `engelsk-kostnader-${width}.png`);
      expect(await wcagViolations(page)).toEqual([]);

      await page.goto(`${url}/avtaler`);
      await settled(page);
      await page.getByTestId('agreement-table').locator('a').first().click();
      await settled(page);
      await page.locator('.checklist li').first().waitFor();
      expect(await page.locator('.checklist').innerText()).toMatch(/Purpose/);
      expect(await visibleText(page)).not.toMatch(BOKMAL);
      await shot(page, `engelsk-avtale-${width}.png`);
      expect(await wcagViolations(page)).toEqual([]);

      await page.goto(`${url}/kart?kommune=1841`);
      await settled(page);
      const panel = page.getByTestId('findings-panel');
      await panel.waitFor();
      expect(await visibleText(page)).not.toMatch(BOKMAL);
      await shot(page, `engelsk-kart-panel-${width}.png`);
      expect(await wcagViolations(page)).toEqual([]);
      await ctx.close();
    },
  );
});

describe('English errors from the server', () => {
  it.each(WIDTHS)(
    'at %s px: a contact saved with bad input shows every field error in English (messageKey + params), no bokmål',
    async (width, viewport) => {
      const ctx = await english(viewport);
      const page = await ctx.newPage();
      await page.goto(`${url}/kontakter?kommune=1841`);
      await settled(page);
      await page
        .getByRole('button', { name: /^Edit / })
        .first()
        .click();
      const dialog = page.locator('dialog[open]');
      await dialog.getByLabel('Name', { exact: true }).fill('');
      await dialog.getByLabel('E-mail').fill('not-an-address');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.getByText('Name must be filled in.').waitFor();
      await dialog.getByText('The e-mail address is not valid.').waitFor();
      await page.screenshot({ path: path.join(SCREENSHOTS, `engelsk-feltfeil-${width}.png`) });
      expect(await dialog.innerText()).not.toMatch(/må fylles ut|ikke gyldig|E-postadressen|Navn/);
      // Personal data in free text: the field's name comes as a label key and is worded in English too.
      await dialog.getByLabel('Name', { exact: true }).fill('Kari Nordmann');
      await dialog.getByLabel('E-mail').fill('');
      await dialog.getByLabel('Role').fill('Veileder 15038510190');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.getByText(/^Role seems to contain a national identity number/).waitFor();
      expect(await dialog.innerText()).not.toMatch(/ser ut til|fødselsnummer|Rolle/);
      await ctx.close();
    },
  );
});

describe('The municipality combobox', () => {
  it.each(WIDTHS)(
    'at %s px: typed part of a name filters, arrow keys and Enter choose, the county follows a shared name; axe clean',
    async (width, viewport) => {
      const ctx = await browser.newContext({ viewport, locale: 'nb-NO', bypassCSP: true });
      const page = await ctx.newPage();
      await signIn(page, url);
      await page.goto(`${url}/kontakter`);
      await settled(page);
      // An input with a list: a combobox named by its label «Kommune».
      const box = page.locator('#k-municipality');
      expect(
        await box.evaluate((e) => [
          e.getAttribute('list') !== null,
          document.querySelector(`label[for="${e.id}"]`)?.textContent,
        ]),
      ).toEqual([true, 'Kommune']);
      await box.focus();
      await page.keyboard.type('herø');
      await page.waitForFunction(
        () => document.querySelectorAll('u-option:not([disabled]):not([data-empty])').length === 2,
      );
      expect((await page.locator('u-option:visible').allTextContents()).sort()).toEqual([
        'Herøy (Møre og Romsdal)',
        'Herøy (Nordland)',
      ]);
      expect(await box.getAttribute('aria-expanded')).toBe('true');
      await shot(page, `kombinasjonsboks-${width}.png`);
      expect(await wcagViolations(page)).toEqual([]);
      await page.keyboard.press('ArrowDown');
      expect(await box.getAttribute('aria-activedescendant')).toBeTruthy();
      await page.keyboard.press('Enter');
      await page.waitForURL(/kommune=\d{4}/);
      expect(['1515', '1818']).toContain(new URL(page.url()).searchParams.get('kommune'));
      // The page loads the chosen municipality's contacts; the field then shows the choice.
      await page.waitForFunction(() =>
        /^Herøy \((Møre og Romsdal|Nordland)\)$/.test(
          (document.getElementById('k-municipality') as HTMLInputElement).value,
        ),
      );
      await shot(page, `kombinasjonsboks-valgt-${width}.png`);
      await ctx.close();
    },
  );
});

describe('The coverage table and the overview chart', () => {
  it.each(WIDTHS)(
    'at %s px: one sort indicator per header; the chart labels do not overlap',
    async (width, viewport) => {
      const ctx = await browser.newContext({ viewport, locale: 'nb-NO', bypassCSP: true });
      const page = await ctx.newPage();
      await signIn(page, url);

      await page.goto(`${url}/`);
      await settled(page);
      // The county chart is HTML (no chart library on the start page): labels, axis ticks, legend.
      const ticks = page.locator(
        '.county-chart-row:not(.county-chart-axis) .county-chart-label, .county-chart-tick, .county-chart-legend li',
      );
      await ticks.first().waitFor();
      const boxes = await ticks.evaluateAll((els) =>
        els.map((e) => {
          const r = e.getBoundingClientRect();
          return {
            text: e.textContent,
            left: r.left,
            right: r.right,
            top: r.top,
            bottom: r.bottom,
            kind: e.classList.contains('county-chart-label')
              ? 'y'
              : e.classList.contains('county-chart-tick')
                ? 'x'
                : 'legend',
          };
        }),
      );
      const overlaps: string[] = [];
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i];
          const b = boxes[j];
          if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5)
            overlaps.push(`${a.kind}:${a.text} / ${b.kind}:${b.text}`);
        }
      expect(overlaps).toEqual([]);
      // Every county name is shown whole (not cut with an ellipsis).
      const cut = await page
        .locator('.county-chart-row:not(.county-chart-axis) .county-chart-label')
        .evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent));
      expect(cut).toEqual([]);
      // Nothing of the chart is cut off at the right edge.
      const svg = await page.getByTestId('county-chart').boundingBox();
      expect(svg!.x + svg!.width).toBeLessThanOrEqual(viewport.width);
      await page
        .locator('.chart')
        .first()
        .screenshot({ path: path.join(SCREENSHOTS, `oversikt-diagram-${width}.png`) });
      expect(await wcagViolations(page)).toEqual([]);

      await page.goto(`${url}/kart`);
      await settled(page);
      const table = page.getByTestId('coverage-table');
      await table.scrollIntoViewIfNeeded();
      await table.getByRole('button', { name: /Sorter etter Kommune/ }).click();
      // One indicator: the button's own text is the label alone; Designsystemet's ::after draws the arrow.
      const headers = await table.locator('thead th[aria-sort] button').evaluateAll((els) =>
        els.map((b) => ({
          text: b.textContent,
          after: getComputedStyle(b, '::after').content,
          before: getComputedStyle(b, '::before').content,
        })),
      );
      for (const h of headers) {
        expect(h.text).not.toMatch(/[▲▼↑↓]/);
        expect(h.after).not.toBe('none');
        expect(h.before).toBe('none');
      }
      await table.locator('thead').screenshot({ path: path.join(SCREENSHOTS, `dekning-sortering-${width}.png`) });
      await ctx.close();
    },
  );
});

/**
 * Bokmål the server used to send as prose: reminders, web-text gaps, KOSTRA sources, undated sources
 * (names of agreements and centres, «Samarbeidsavtale om krisesentertilbud», stay as they are).
 */
const SERVER_BOKMAL = new RegExp(
  '(' +
    [
      'Oppsigelsesfrist|Siste dag for|Frist for budsjettet|Kontakter må bekreftes|skal gjennomgås|Avtalen utløper',
      'Endringsforslag venter|Statistisk sentralbyrå|Kilde:|udatert|kontaktpunkt|telefonnummer|ikke registrert',
    ].join('|') +
    ')',
  'i',
);

describe('English for reminders, web text, sources and legal bases (codes from the server)', () => {
  it.each(WIDTHS)('at %s px: no bokmål from the server, axe clean', async (width, viewport) => {
    const ctx = await english(viewport);
    const page = await ctx.newPage();

    await page.goto(`${url}/paminnelser`);
    await settled(page);
    expect(await visibleText(page)).not.toMatch(SERVER_BOKMAL);
    expect(await visibleText(page)).not.toMatch(BOKMAL);
    await shot(page, `engelsk-paminnelser-${width}.png`);
    expect(await wcagViolations(page)).toEqual([]);

    await page.goto(`${url}/kommuner/1841/nettekst`);
    await settled(page);
    const gaps = page.getByTestId('webtext-gaps');
    await gaps.waitFor();
    expect(await gaps.innerText()).toMatch(/Before you publish[\s\S]*phone number/);
    expect(await gaps.innerText()).not.toMatch(SERVER_BOKMAL);
    // The text itself is for the municipality's site, in its målform, and says so.
    expect(await page.getByTestId('webtext-text').getAttribute('lang')).toMatch(/^(nb|nn)$/);
    await shot(page, `engelsk-nettekst-${width}.png`);
    expect(await wcagViolations(page)).toEqual([]);

    await page.goto(`${url}/kostnader?aar=2025`);
    await settled(page);
    const source = page.getByTestId('kostra-source').first();
    await source.waitFor();
    expect(await source.innerText()).toMatch(/^Source: /);
    expect(await visibleText(page)).not.toMatch(SERVER_BOKMAL);

    // A documented municipality whose source is undated («udatert …»): the date is worded from its code.
    const overview = await page.request.post(`${url}/graphql`, {
      data: {
        query: `{ coverageOverview { rows { status municipality { kommunenummer }
          documentedMembership { provenance { sourceDate } } } } }`,
      },
    });
    const rows = (await overview.json()).data.coverageOverview.rows as {
      status: string;
      municipality: { kommunenummer: string };
      documentedMembership: { provenance: { sourceDate: string } } | null;
    }[];
    const undated = rows.find(
      (r) => r.status === 'DOCUMENTED' && r.documentedMembership?.provenance.sourceDate.startsWith('udatert'),
    );
    expect(undated).toBeDefined();
    await page.goto(`${url}/kart?kommune=${undated!.municipality.kommunenummer}`);
    await settled(page);
    const box = page.getByTestId('source-box');
    await box.waitFor();
    expect(await box.innerText()).toMatch(/\(undated( \((before|after) \d{4}\))?\)/);
    const panel = page.getByTestId('findings-panel');
    expect(await panel.innerText()).toMatch(/Basis: .* – Membership documented by a source/);
    expect(await visibleText(page)).not.toMatch(SERVER_BOKMAL);
    await shot(page, `engelsk-kart-kilde-${width}.png`);
    expect(await wcagViolations(page)).toEqual([]);
    await ctx.close();
  });
});

describe('Printing wide tables', () => {
  it.each(WIDTHS)(
    'at %s px in print: no table is clipped by its scroll box, and none runs past the page',
    async (width, viewport) => {
      const ctx = await browser.newContext({ viewport, locale: 'nb-NO', bypassCSP: true });
      const page = await ctx.newPage();
      await signIn(page, url);
      for (const [name, address] of [
        ['kontakter', '/kontakter?kommune=1841'],
        ['kostnader', '/kostnader?aar=2025'],
      ] as const) {
        await page.emulateMedia({ media: 'screen' });
        await page.goto(`${url}${address}`);
        await settled(page);
        await page.locator('main table:visible').first().waitFor();
        await page.emulateMedia({ media: 'print' });
        const measured = await page.evaluate(() => ({
          page: document.documentElement.clientWidth,
          clipped: [...document.querySelectorAll('main .table-scroll')]
            .filter((b) => getComputedStyle(b).overflowX !== 'visible' || b.scrollWidth > b.clientWidth + 1)
            .map((b) => b.getAttribute('aria-label')),
          past: [...document.querySelectorAll('main table')]
            .filter((t) => t.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
            .map((t) => t.getAttribute('data-testid') ?? t.querySelector('caption')?.textContent),
        }));
        expect(measured.clipped).toEqual([]);
        expect(measured.past).toEqual([]);
        await shot(page, `utskrift-${name}-${width}.png`);
      }
      await ctx.close();
    },
  );
});
