import { rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { freePort, spawnServer, tempDir, type SpawnedServer } from '../../server/test/utils/spawn-server';
import { wcagViolations } from './axe';
import { launchChromium, signIn } from './browser';

jest.setTimeout(120_000);

const SCREENSHOTS = path.join(__dirname, 'screenshots');
let server: SpawnedServer;
let browser: Browser;
let url: string;
const base = tempDir('samordna-reach-');

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

async function page(): Promise<{ page: Page; errors: string[] }> {
  const p = await browser.newPage({ viewport: { width: 1280, height: 1000 }, locale: 'nb-NO', bypassCSP: true });
  const errors: string[] = [];
  p.on('pageerror', (e) => errors.push(e.message));
  return { page: p, errors };
}

describe('reaching people', () => {
  it('a director’s reminders and a calendar link that answers with iCalendar', async () => {
    const { page: p, errors } = await page();
    await signIn(p, url, 'direktor.bodo@samordna.example', 'demo-direktor-2026');
    await p.getByRole('link', { name: 'Påminnelser' }).click();
    await p.getByRole('heading', { level: 1, name: 'Påminnelser' }).waitFor();
    await p.getByRole('button', { name: 'Lag kalenderlenke' }).click();
    const link = await p.getByLabel('Kalenderlenke').inputValue();
    expect(link).toMatch(/\/calendar\/[\w-]+\.ics$/);
    const res = await fetch(link.replace(/^https?:\/\/[^/]+/, url));
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/^BEGIN:VCALENDAR\r\n/);
    await p.screenshot({ path: path.join(SCREENSHOTS, 'paminnelser.png'), fullPage: true });
    expect(await wcagViolations(p)).toEqual([]);
    expect(errors).toEqual([]);
    await p.close();
  });

  it('the agreement as a printable page with its DOCX', async () => {
    const { page: p, errors } = await page();
    await p.goto(`${url}/avtaler`);
    await p.getByTestId('agreement-table').getByRole('link').first().click();
    await p.getByRole('link', { name: 'Avtalen som dokument (utskrift og Word)' }).click();
    await p.getByRole('heading', { level: 2, name: '8. Tvister' }).waitFor();
    const href = await p.getByRole('link', { name: 'Last ned som Word (DOCX)' }).getAttribute('href');
    const res = await fetch(`${url}${href}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('wordprocessingml');
    await p.screenshot({ path: path.join(SCREENSHOTS, 'avtaledokument.png'), fullPage: true });
    expect(await wcagViolations(p)).toEqual([]);
    expect(errors).toEqual([]);
    await p.close();
  });

  it('the web text of a municipality, and the import page for an administrator', async () => {
    const { page: p, errors } = await page();
    await p.goto(`${url}/kommuner/1841/nettekst`);
    await p.getByRole('heading', { level: 1, name: 'Nettekst: Krisesentertilbudet i Fauske kommune' }).waitFor();
    expect(await p.getByTestId('webtext-text').inputValue()).toContain('Sist oppdatert');
    expect(await wcagViolations(p)).toEqual([]);
    await signIn(p, url);
    await p.goto(`${url}/import`);
    await p.getByRole('heading', { level: 1, name: 'Import av folketall (SSB 07459)' }).waitFor();
    expect(await wcagViolations(p)).toEqual([]);
    // Contacts from a CSV: the preview, then saved; the page stays accessible with the preview shown.
    const csv =
      'kommunenummer;tjeneste;navn på tjenesten;kontaktperson;funksjon;kontaktpunkt\n' +
      '1841;Boligkontor;Boligkontoret i Fauske;Eva E2e;Konsulent;nei\n';
    await p
      .getByLabel('Velg CSV- eller XLSX-fil med kontakter')
      .setInputFiles({ name: 'kontakter.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await p.getByTestId('contact-preview').waitFor();
    expect(await p.getByTestId('contact-preview').textContent()).toContain('1 rader: 1 nye kontakter');
    expect(await wcagViolations(p)).toEqual([]);
    await p.getByRole('button', { name: 'Lagre 1 kontakter' }).click();
    await p.getByTestId('contact-done').waitFor();
    expect(errors).toEqual([]);
    await p.close();
  });
});
