/**
 * The one CSV writer (server exports and the dashboard's downloads): UTF-8 with BOM, semicolons and
 * CRLF, so Excel in nb-NO opens it with æøå intact. Text that a spreadsheet would run as a formula
 * (starting with =, +, -, @, tab or CR) is neutralised with a leading apostrophe, so a name such as
 * «=HYPERLINK(…)» comes out as the text it is. Numbers go through `csvDecimal`, which cannot carry a
 * formula, and are written as they are (a negative amount stays a number).
 */

export interface CsvNumber {
  readonly csvNumber: string;
}

export type CsvCell = string | number | CsvNumber | null | undefined;

/** A number with `digits` decimals and a decimal comma («-1234,50»). */
export function csvDecimal(value: number, digits = 2): CsvNumber {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  return { csvNumber: value.toFixed(digits).replace('.', ',') };
}

const FORMULA_START = /^[=+\-@\t\r\n]/;

/** A text cell as a spreadsheet may safely read it. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function cellText(cell: CsvCell, delimiter: string): string {
  let text: string;
  if (cell === null || cell === undefined) text = '';
  else if (typeof cell === 'number') text = csvDecimal(cell, Number.isInteger(cell) ? 0 : 2).csvNumber;
  else if (typeof cell === 'object') text = cell.csvNumber;
  else text = neutraliseFormula(cell);
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows to CSV text (BOM first, every line ended with CRLF). */
export function toCsv(
  rows: readonly (readonly CsvCell[])[],
  options: { delimiter?: string; bom?: boolean } = {},
): string {
  const delimiter = options.delimiter ?? ';';
  const body = rows.map((r) => r.map((c) => cellText(c, delimiter)).join(delimiter) + '\r\n').join('');
  return ((options.bom ?? true) ? '\ufeff' : '') + body;
}
