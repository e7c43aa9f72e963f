// exceljs takes a good part of the server's start-up to load: fetched on the first use, not at start.
import express, { type Router } from 'express';
import { GraphQLError } from 'graphql';
import type { DataSource } from 'typeorm';
import { csvDecimal, formatDate, invoicePlan, toCsv as writeCsv, type IsoDate } from '@samordna/domain';
import type { AuthUser } from '../../app/auth';
import { createContext } from '../../app/context';
import { costDistribution } from './cost.service';
import type { CostDistribution } from './cost.types';

interface Sheet {
  title: string;
  preface: string[][];
  header: string[];
  /** Cells: strings, or { ore } for amounts, { percent } for shares, { date } for dates (date cells in XLSX). */
  rows: (string | number | { ore: number } | { percent: number } | { date: IsoDate })[][];
}

type Cell = Sheet['rows'][number][number];
const xlsxValue = (c: Cell) =>
  typeof c !== 'object'
    ? c
    : 'ore' in c
      ? c.ore / 100
      : 'percent' in c
        ? c.percent / 100
        : new Date(`${c.date}T00:00:00Z`);
const xlsxFormat = (c: Cell) =>
  typeof c !== 'object' ? null : 'ore' in c ? '#,##0.00' : 'percent' in c ? '0.00%' : 'dd.mm.yyyy';

const ROLE = { host: 'Vertskommune', partner: 'Samarbeidskommune' } as const;
const WITHHELD_NOTE =
  'Tilleggskostnader som kan avsløre opphold (færre enn 5) er skjermet og holdt utenfor summene. Logg inn som økonomi i vertskommunen eller kommunedirektør i betalende kommune for å se dem.';

function preface(d: CostDistribution, what: string): string[][] {
  return [
    [what, d.centreName, String(d.year)],
    ['Modell', d.modelLabel],
    ['Folketall per', `1. januar ${d.populationYear}`],
    ...(d.isExample ? [['Merk', 'Eksempeldata: budsjett og kostnadsmodell er oppdiktet, ikke reelle tall.']] : []),
    ...(d.extraChargesWithheld ? [['Merk', WITHHELD_NOTE]] : []),
    [],
  ];
}

export function allocationSheet(d: CostDistribution): Sheet {
  return {
    title: 'Kostnadsfordeling',
    preface: preface(d, 'Kostnadsfordeling'),
    header: [
      'Kommune',
      'Kommunenr.',
      'Rolle',
      'Folketall',
      'Andel av budsjett (%)',
      'Andel (kr)',
      'Tilleggskostnader (kr)',
      'Sum (kr)',
      'Kr per innbygger',
      'Forklaring',
    ],
    rows: [
      ...d.parties.map((p) => [
        p.municipality.name,
        p.municipality.kommunenummer,
        ROLE[p.role],
        p.population,
        { percent: p.share * 100 },
        { ore: p.allocatedOre },
        p.extraChargesOre === null ? 'Skjermet' : { ore: p.extraChargesOre },
        { ore: p.totalOre },
        { ore: p.perInhabitantOre ?? 0 },
        p.explanation,
      ]),
      [
        'Sum',
        '',
        '',
        d.parties.reduce((a, p) => a + p.population, 0),
        { percent: 100 },
        { ore: d.budgetOre },
        { ore: d.parties.reduce((a, p) => a + (p.extraChargesOre ?? 0), 0) },
        { ore: d.parties.reduce((a, p) => a + p.totalOre, 0) },
        '',
        '',
      ],
    ],
  };
}

/** Each partner's total for the year split into four quarterly invoices that sum exactly (the dashboard shows the same plan). */
export function invoicePlanSheet(d: CostDistribution): Sheet {
  const plan = invoicePlan(
    d.year,
    d.parties.map((p) => ({
      kommunenummer: p.municipality.kommunenummer,
      name: p.municipality.name,
      role: p.role === 'host' ? 'HOST' : 'PARTNER',
      totalOre: p.totalOre,
    })),
  );
  const rows: Sheet['rows'] = plan.map((l) => [
    l.name,
    l.kommunenummer,
    `${l.quarter}. kvartal`,
    { date: l.dueDate },
    { ore: l.amountOre },
  ]);
  rows.push(['Sum', '', '', '', { ore: plan.reduce((a, l) => a + l.amountOre, 0) }]);
  return {
    title: 'Fakturaplan',
    preface: preface(d, 'Fakturaplan'),
    header: ['Kommune', 'Kommunenr.', 'Kvartal', 'Forfall', 'Beløp (kr)'],
    rows,
  };
}

/** Through the one CSV writer: kroner and percentages as decimal-comma numbers, text with formulas neutralised. */
export function toCsv(sheet: Sheet): string {
  const cell = (c: Cell) =>
    typeof c !== 'object' ? c : 'date' in c ? formatDate(c.date) : csvDecimal('ore' in c ? c.ore / 100 : c.percent);
  return writeCsv([...sheet.preface, sheet.header, ...sheet.rows.map((r) => r.map(cell))]);
}

export async function toXlsx(sheet: Sheet): Promise<Buffer> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, not at start-up (slow to load)
  const Excel = require('exceljs') as typeof import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = 'Samordna';
  // The header stays in view below the preface lines, as in the other exports (sheet.ts).
  const ws = wb.addWorksheet(sheet.title, { views: [{ state: 'frozen', ySplit: sheet.preface.length + 1 }] });
  for (const line of sheet.preface) ws.addRow(line);
  const header = ws.addRow(sheet.header);
  header.font = { bold: true };
  for (const r of sheet.rows) {
    const row = ws.addRow(r.map(xlsxValue));
    r.forEach((c, i) => {
      const format = xlsxFormat(c);
      if (format) row.getCell(i + 1).numFmt = format;
    });
  }
  ws.columns.forEach((col) => (col.width = 18));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const statusOf = (code: unknown) => (code === 'NOT_FOUND' ? 404 : code === 'BAD_USER_INPUT' ? 400 : 500);

/** GET /export/{cost-distribution|invoice-plan}.{csv|xlsx}?centreId=…&year=… */
export function exportRouter(
  dataSource: DataSource,
  authenticate: (req: express.Request) => Promise<AuthUser | null> = async () => null,
): Router {
  const router = express.Router();
  router.get(/^\/(cost-distribution|invoice-plan)\.(csv|xlsx)$/, async (req, res) => {
    const [kind, format] = [req.params[0], req.params[1]] as ['cost-distribution' | 'invoice-plan', 'csv' | 'xlsx'];
    try {
      const year = Number(req.query.year);
      const d = await costDistribution(
        createContext(dataSource, { auth: await authenticate(req) }),
        String(req.query.centreId ?? ''),
        Number.isInteger(year) ? year : NaN,
      );
      const sheet = kind === 'cost-distribution' ? allocationSheet(d) : invoicePlanSheet(d);
      const name = `${kind === 'cost-distribution' ? 'kostnadsfordeling' : 'fakturaplan'}-${d.centreName.toLowerCase().replace(/[^a-z0-9æøå]+/g, '-')}-${d.year}`;
      const ascii = name.normalize('NFD').replace(/[^\x20-\x7e]/g, '');
      res.setHeader(
        'Content-Disposition',
        `attachment; filename="${ascii}.${format}"; filename*=UTF-8''${encodeURIComponent(name)}.${format}`,
      );
      if (format === 'csv') res.type('text/csv; charset=utf-8').send(toCsv(sheet));
      else res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await toXlsx(sheet));
    } catch (error) {
      if (error instanceof GraphQLError && error.extensions.code) {
        res
          .status(statusOf(error.extensions.code))
          .json({ code: error.extensions.code, field: error.extensions.field ?? null, message: error.message });
        return;
      }
      console.error('[export] internal error:', error);
      res.status(500).json({ code: 'INTERNAL_SERVER_ERROR', message: 'Eksporten feilet.' });
    }
  });
  return router;
}
