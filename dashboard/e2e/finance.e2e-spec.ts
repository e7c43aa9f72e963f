import { rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { todayInNorway } from '@samordna/domain';
import { freePort, spawnServer, tempDir, type SpawnedServer } from '../../server/test/utils/spawn-server';
import { wcagViolations } from './axe';
import { launchChromium, signIn } from './browser';

jest.setTimeout(180_000);

/**
 * Finance staff of Bodø (the host of Krisesenteret i Salten) enter next year's budget, an extra charge
 * and an investment the host carries alone, and see the invoice plan and the per-inhabitant comparison
 * change; at year end the actual cost gives the settlement per municipality.
 */
let server: SpawnedServer;
let browser: Browser;
let page: Page;
const errors: string[] = [];
const base = tempDir('samordna-finance-');
const url = () => `http://localhost:${server.port}`;
const NEXT_YEAR = Number(todayInNorway().slice(0, 4)) + 1;

beforeAll(async () => {
  server = spawnServer({ SAMORDNA_DATA_DIR: path.join(base, 'pg'), NODE_ENV: 'development' }, await freePort());
  await server.waitFor(/Samordna is running/);
  browser = await launchChromium();
  const context = await browser.newContext({
    viewport: { width: 1280, height: 1000 },
    locale: 'nb-NO',
    bypassCSP: true,
  });
  page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await signIn(page, url(), 'okonomi.bodo@samordna.example', 'demo-okonomi-2026');
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(base, { recursive: true, force: true });
});

const sumRow = () => page.getByTestId('invoice-sum').innerText();

it('enters next year’s budget, a charge and a host-only investment; the invoice plan and the comparison follow', async () => {
  await page.goto(`${url()}/kostnader`);
  await page.getByRole('link', { name: 'Økonomi', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Økonomi for vertskommunen' }).waitFor();
  await page.getByLabel('Krisesenter').selectOption({ label: 'Krisesenteret i Salten' });
  await page.getByLabel('År', { exact: true }).selectOption(String(NEXT_YEAR));

  // The budget: gross, state grants, other income → the net shown as typed; a letter is refused at its field.
  await page.getByLabel('Brutto driftskostnad (kr)').fill('abc');
  await page.getByRole('button', { name: 'Lagre budsjettet' }).click();
  await page.getByText('Driftskostnaden må være et beløp i kroner, for eksempel 120 eller 120,50.').waitFor();
  await page.getByLabel('Brutto driftskostnad (kr)').fill('16 000 000');
  await page.getByLabel('Statlige tilskudd (kr)').fill('1 500 000');
  await page.getByLabel('Andre inntekter (kr)').fill('500 000');
  await expect(page.getByTestId('net-budget').innerText()).resolves.toMatch(/kr\s14\s000\s000,00/);
  await page.getByRole('button', { name: 'Lagre budsjettet' }).click();
  await page.getByText(/Budsjettet er lagret \(versjon \d+\)\./).waitFor();

  const before = await sumRow();
  expect(before).toMatch(/^Sum/);
  expect(await page.getByTestId('invoice-plan').innerText()).toContain(`31.03.${NEXT_YEAR}`);

  // An extra charge for Fauske lands in its invoices.
  await page.getByLabel('Kommune', { exact: true }).selectOption({ label: 'Fauske' });
  await page.getByLabel('Beløp (kr)').first().fill('12 000');
  await page.getByLabel('Budsjett som betaler').fill('Skolebudsjettet');
  await page.getByRole('button', { name: 'Legg til tilleggskostnad' }).click();
  await page.getByTestId('charges-table').getByText('Skolebudsjettet').waitFor();
  // The plan is re-read after the charge: wait for a sum row that is there and shows another sum.
  // (innerText on both sides: `before` is innerText, with tabs between the cells that textContent lacks.)
  await page.waitForFunction((b) => {
    const row = document.querySelector<HTMLElement>('[data-testid="invoice-sum"]');
    return row != null && row.innerText !== b;
  }, before);
  const afterCharge = await sumRow();
  expect(afterCharge).not.toBe(before);

  // A security investment Bodø carries alone, over 10 years: the host's kr per inhabitant with it is shown.
  await page.getByLabel('Type', { exact: true }).last().selectOption({ label: 'Sikkerhet' });
  await page.getByLabel('Beløp (kr)').last().fill('2 000 000');
  await page.getByLabel('Avskrives over (år)').fill('10');
  await page.getByRole('button', { name: 'Legg til investering' }).click();
  await page.getByTestId('investments-table').getByText('Vertskommunen alene').waitFor();
  await page
    .getByTestId('per-inhabitant')
    .getByText(/Vertskommunen med egne investeringer \(avskrevet kr\s200\s000 i år\)/)
    .waitFor();
  // Host-only: outside the shared budget, so the partners' invoices are unchanged.
  expect(await sumRow()).toBe(afterCharge);

  // Year end: the actual cost gives the settlement, difference per municipality.
  await page.getByLabel('Faktisk driftskostnad ved årsslutt (kr)').fill('16 400 000');
  await page.getByRole('button', { name: 'Lagre budsjettet' }).click();
  await page.getByTestId('settlement').waitFor();
  await page.getByText(/Budsjettert netto kr\s14\s000\s000,00, faktisk netto kr\s14\s400\s000,00/).waitFor();
  expect(await page.getByTestId('settlement').innerText()).toMatch(/Bodø/);

  // Every change is in the budget's history.
  await page.getByTestId('history').waitFor();
  await page.screenshot({ path: path.join(__dirname, 'screenshots', 'okonomi.png'), fullPage: true });
  expect(await wcagViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
});

it('the simulator: every input applies or is refused at its field, and an old result is marked stale', async () => {
  const year = NEXT_YEAR - 1;
  await page.goto(`${url()}/kostnader?aar=${year}`);
  await page.getByLabel('Krisesenter').selectOption({ label: 'Krisesenteret i Salten' });
  const sim = page.locator('section.simulator');
  await sim.getByRole('heading', { name: 'Forhandlingssimulator' }).waitFor();
  const result = sim.getByTestId('simulation-result');
  const fauske = () => result.getByRole('row', { name: /^Fauske/ }).innerText();

  // «abc» is refused at the field, in kroner; nothing is computed.
  await sim.getByLabel('Sats per innbygger (kr)').fill('abc');
  await sim.getByRole('button', { name: 'Beregn' }).click();
  await sim.getByText('Prisen per innbygger må være et beløp i kroner, for eksempel 120 eller 120,50.').waitFor();
  expect(await result.count()).toBe(0);

  // «Som i avtalen» with a new rate applies it: Fauske's change is not kr 0.
  await sim.getByLabel('Sats per innbygger (kr)').fill('100');
  await sim.getByRole('button', { name: 'Beregn' }).click();
  await result.waitFor();
  expect(await fauske()).toMatch(/\+kr/);
  await expect(sim.getByTestId('simulation-summary').innerText()).resolves.toMatch(
    /^Budsjett kr.*vertskommunen betaler kr\s.* mindre, samarbeidskommunene til sammen kr\s.* mer\.$/,
  );

  // Changing an input marks the result stale until it is computed again.
  await sim.getByLabel('Sats per innbygger (kr)').fill('110');
  await sim.getByTestId('simulation-stale').waitFor();
  await sim.getByRole('button', { name: 'Beregn' }).click();
  await sim.getByTestId('simulation-stale').waitFor({ state: 'detached' });

  // Host exception with only the host's rate: a result, not «…ikke begge».
  await sim.getByLabel('Modell').selectOption('HOST_EXCEPTION');
  await sim.getByLabel('Vertskommunens pris per innbygger (kr)').fill('300');
  await sim.getByRole('button', { name: 'Beregn' }).click();
  await sim.getByTestId('simulation-stale').waitFor({ state: 'detached' });
  expect(await sim.innerText()).not.toMatch(/ikke begge/);

  // Base + per inhabitant has its base; without it the field says so; the parts sum to the budget.
  await sim.getByLabel('Modell').selectOption('BASE_PLUS_PER_INHABITANT');
  await sim.getByRole('button', { name: 'Beregn' }).click();
  await sim.getByText('Oppgi grunnbeløpet per kommune i kroner.').waitFor();
  await sim.getByLabel('Grunnbeløp per kommune (kr)').fill('100 000');
  await sim.getByRole('button', { name: 'Beregn' }).click();
  await sim.getByTestId('simulation-stale').waitFor({ state: 'detached' });
  await result.getByText(/fordelt til siste øre/).waitFor();
  const total = (await sim.getByTestId('simulation-total').innerText()).split('\t');
  const note = await result.getByText(/fordelt til siste øre/).innerText();
  // Salten's extra charges are visible to its finance staff: the total after is budget + charges.
  const kroner = (s: string) =>
    Math.round(
      Number(
        s
          .replace(/[^\d,−-]/g, '')
          .replace(',', '.')
          .replace('−', '-'),
      ) * 100,
    );
  const [budget, extra] = [...note.matchAll(/kr\s([\d\s]+,\d\d)/g)].map((m) => kroner(m[1]));
  expect(kroner(total[2])).toBe(budget + (extra ?? 0));
  expect(await sim.innerText()).not.toMatch(/antall øre/);
  // A stale result stays readable.
  await sim.getByLabel('Grunnbeløp per kommune (kr)').fill('90 000');
  await sim.getByTestId('simulation-stale').waitFor();
  expect(await wcagViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
});
