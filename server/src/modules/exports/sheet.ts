// exceljs takes a good part of the server's start-up to load: fetched on the first use, not at start.
import { csvDecimal, formatDate, toCsv, type IsoDate } from '@samordna/domain';

/**
 * A table for export, written to CSV through the one CSV writer (@samordna/domain toCsv:
 * BOM, semicolons, decimal commas, formulas neutralised) or to XLSX with real date cells, kroner as
 * numbers, a frozen header row and a sum row (a SUM formula with its value).
 */
export type ExportCell = string | number | null | { date: IsoDate | null } | { ore: number | null };

export interface ExportTable {
  title: string;
  header: string[];
  rows: ExportCell[][];
  /** Columns (0-based) summed in a last row labelled in the first column. */
  sumColumns?: number[];
}

const isDate = (c: ExportCell): c is { date: IsoDate | null } => typeof c === 'object' && c !== null && 'date' in c;
const isOre = (c: ExportCell): c is { ore: number | null } => typeof c === 'object' && c !== null && 'ore' in c;
const numeric = (c: ExportCell) => (typeof c === 'number' ? c : isOre(c) ? (c.ore ?? 0) / 100 : 0);

function sums(t: ExportTable): number[] {
  return (t.sumColumns ?? []).map((i) => t.rows.reduce((a, r) => a + numeric(r[i]), 0));
}

export function tableToCsv(t: ExportTable): string {
  const cell = (c: ExportCell) =>
    isDate(c) ? (c.date ? formatDate(c.date) : '') : isOre(c) ? (c.ore === null ? '' : csvDecimal(c.ore / 100)) : c;
  const rows = t.rows.map((r) => r.map(cell));
  if (t.sumColumns?.length) {
    const total = sums(t);
    rows.push(
      t.header.map((_, i) =>
        i === 0
          ? 'Sum'
          : t.sumColumns!.includes(i)
            ? csvDecimal(total[t.sumColumns!.indexOf(i)], Number.isInteger(total[t.sumColumns!.indexOf(i)]) ? 0 : 2)
            : '',
      ),
    );
  }
  return toCsv([t.header, ...rows]);
}

const column = (i: number) => {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

export async function tableToXlsx(t: ExportTable): Promise<Buffer> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, not at start-up (slow to load)
  const Excel = require('exceljs') as typeof import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = 'Samordna';
  const ws = wb.addWorksheet(t.title.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  const header = ws.addRow(t.header);
  header.font = { bold: true };
  for (const r of t.rows) {
    const row = ws.addRow(
      r.map((c) =>
        isDate(c)
          ? c.date
            ? new Date(`${c.date}T00:00:00Z`)
            : null
          : isOre(c)
            ? c.ore === null
              ? null
              : c.ore / 100
            : c,
      ),
    );
    r.forEach((c, i) => {
      if (isDate(c)) row.getCell(i + 1).numFmt = 'dd.mm.yyyy';
      if (isOre(c)) row.getCell(i + 1).numFmt = '#,##0.00';
    });
  }
  if (t.sumColumns?.length) {
    const total = sums(t);
    const last = t.rows.length + 1;
    const row = ws.addRow(t.header.map((_, i) => (i === 0 ? 'Sum' : null)));
    row.font = { bold: true };
    t.sumColumns.forEach((i, k) => {
      const cell = row.getCell(i + 1);
      cell.value = { formula: `SUM(${column(i)}2:${column(i)}${last})`, result: total[k] };
      if (t.rows.some((r) => isOre(r[i]))) cell.numFmt = '#,##0.00';
    });
  }
  ws.columns.forEach((col, i) => (col.width = Math.min(40, Math.max(10, t.header[i]?.length ?? 10) + 4)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
