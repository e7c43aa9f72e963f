import ExcelJS from 'exceljs';
import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readCsv } from '@samordna/domain';
import { reachExportRouter } from '../../src/modules/exports/exports.router';
import { ADMIN, createTestApp, type TestApp } from '../utils/test-app';

let app: TestApp;
let server: Server;
let base: string;
beforeAll(async () => {
  app = await createTestApp({ label: 'exports' });
  const http = express();
  // Signed in when the test says so (the real server authenticates the session cookie).
  http.use(
    '/export',
    reachExportRouter(app.ds, async (req) => (req.headers['x-test-signed-in'] ? ADMIN : null)),
  );
  server = await new Promise<Server>((resolve) => {
    const s = http.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const [g] = await app.ds.query(
    `INSERT INTO agency (kommunenummer, kind, name) VALUES ('1841', 'NAV', 'NAV Fauske') RETURNING id`,
  );
  await app.ds.query(
    `INSERT INTO contact_person (agency_id, name, title, phone, email, is_contact_point, verified_at) VALUES ($1, '=HYPERLINK("http://x")', 'Koordinator', '+47 75 00 00 00', 'nav@fauske.example', true, '2026-10-01T10:00:00Z')`,
    [g.id],
  );
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await app?.close();
});

const partiesInDb = async () => (await app.ds.query(`SELECT count(*)::int AS n FROM agreement_party`))[0].n;

describe('exports: agreements with parties, contacts', () => {
  it('CSV through the one writer: BOM, semicolons, dates and numbers in nb-NO, a sum row; parsed back equal to the data', async () => {
    const bytes = new Uint8Array(await (await fetch(`${base}/export/agreements.csv`)).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM
    const text = new TextDecoder().decode(bytes);
    const rows = readCsv(text).map((r) => r.cells);
    expect(rows[0].slice(0, 3)).toEqual(['Avtale', 'Krisesenter', 'Status']);
    const body = rows.slice(1, -1);
    expect(body).toHaveLength(await partiesInDb());
    const [bodo] = await app.ds.query(
      `SELECT a.title, p.joined_on, (SELECT population FROM municipality_population WHERE kommunenummer = '1804' ORDER BY year DESC LIMIT 1) AS pop
       FROM agreement_party p JOIN agreement a ON a.id = p.agreement_id WHERE p.kommunenummer = '1804' AND p.role = 'host' LIMIT 1`,
    );
    const row = body.find((r) => r[7] === '1804' && r[8] === 'Vertskommune')!;
    expect(row[0]).toBe(bodo.title);
    expect(row[13]).toBe(String(bodo.pop));
    const total = body.reduce((a, r) => a + Number(r[13] || 0), 0);
    expect(rows.at(-1)![0]).toBe('Sum');
    expect(rows.at(-1)![13]).toBe(String(total));
    const withDate = body.find((r) => r[3] !== '');
    if (withDate) expect(withDate[3]).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);
  });

  it('XLSX: frozen header, dates as dates, a SUM row with its value, the same rows as the CSV', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await (await fetch(`${base}/export/agreements.xlsx`)).arrayBuffer()) as never);
    const ws = wb.worksheets[0];
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getRow(1).getCell(1).value).toBe('Avtale');
    expect(ws.getRow(1).font?.bold).toBe(true);
    const n = await partiesInDb();
    expect(ws.rowCount).toBe(n + 2);
    const dates = [];
    for (let r = 2; r <= n + 1; r++) {
      const v = ws.getRow(r).getCell(4).value;
      if (v !== null) dates.push(v);
    }
    for (const d of dates) expect(d).toBeInstanceOf(Date);
    const sum = ws.getRow(n + 2).getCell(14).value as { formula: string; result: number };
    expect(sum.formula).toBe(`SUM(N2:N${n + 1})`);
    let total = 0;
    for (let r = 2; r <= n + 1; r++) total += Number(ws.getRow(r).getCell(14).value ?? 0);
    expect(sum.result).toBe(total);
  });

  it('contacts: phone and e-mail only for a signed-in user, formulas neutralised in CSV, text in XLSX', async () => {
    const anonymous = readCsv(await (await fetch(`${base}/export/contacts.csv?kommunenummer=1841`)).text()).map(
      (r) => r.cells,
    );
    expect(anonymous).toHaveLength(
      1 +
        (
          await app.ds.query(
            `SELECT count(*)::int AS n FROM contact_person c JOIN agency g ON g.id = c.agency_id WHERE g.kommunenummer = '1841' AND c.active`,
          )
        )[0].n,
    );
    const mine = (rows: string[][]) => rows.find((r) => r[3] === 'NAV Fauske' && r[5] === 'Koordinator')!;
    expect(mine(anonymous).slice(0, 6)).toEqual([
      'Fauske',
      '1841',
      'NAV',
      'NAV Fauske',
      `'=HYPERLINK("http://x")`,
      'Koordinator',
    ]);
    expect(mine(anonymous).slice(6, 10)).toEqual(['', '', 'Ja', '01.10.2026']);
    expect(anonymous.slice(1).every((r) => r[6] === '' && r[7] === '')).toBe(true);
    const signedIn = readCsv(
      await (
        await fetch(`${base}/export/contacts.csv?kommunenummer=1841`, { headers: { 'x-test-signed-in': '1' } })
      ).text(),
    ).map((r) => r.cells);
    expect(mine(signedIn).slice(6, 8)).toEqual(["'+47 75 00 00 00", 'nav@fauske.example']); // a leading + is neutralised like a formula
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      Buffer.from(await (await fetch(`${base}/export/contacts.xlsx?kommunenummer=1841`)).arrayBuffer()) as never,
    );
    const ws = wb.worksheets[0];
    const r = [...Array(ws.rowCount).keys()]
      .map((i) => ws.getRow(i + 1))
      .find((row) => row.getCell(4).value === 'NAV Fauske' && row.getCell(6).value === 'Koordinator')!;
    expect(r.getCell(5).value).toBe('=HYPERLINK("http://x")'); // a string value, never a formula
    expect(r.getCell(5).formula).toBeUndefined();
    expect(r.getCell(10).value).toEqual(new Date('2026-10-01T00:00:00Z'));
  });
});
