import { rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { todayInNorway } from '@samordna/domain';
import { freePort, spawnServer, tempDir, type SpawnedServer } from '../../server/test/utils/spawn-server';
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
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: 'nb-NO', bypassCSP: true });
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
  await page.waitForFunction((b) => document.querySelector('[data-testid="invoice-sum"]')?.textContent !== b, before);
  const afterCharge = await sumRow();
  expect(afterCharge).not.toBe(before);

  // A security investment Bodø carries alone, over 10 years: the host's kr per inhabitant with it is shown.
  await page.getByLabel('Type', { exact: true }).last().selectOption({ label: 'Sikkerhet' });
  await page.getByLabel('Beløp (kr)').last().fill('2 000 000');
  await page.getByLabel('Avskrives over (år)').fill('10');
  await page.getByRole('button', { name: 'Legg til investering' }).click();
  await page.getByTestId('investments-table').getByText('Vertskommunen alene').waitFor();
  await page.getByTestId('per-inhabitant').getByText(/Vertskommunen med egne investeringer \(avskrevet kr\s200\s000 i år\)/).waitFor();
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
  expect(errors).toEqual([]);
});
