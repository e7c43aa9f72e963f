import { readCsv, type CsvRow } from './csv-read';
import { COUNTY_NUMBERS_2024 } from './kommunenummer';
import {
  formatServerMessage,
  msg,
  type MessageParams,
  type ServerMessage,
  type ServerMessageKey,
} from './server-messages';

/**
 * Population by municipality and year from SSB's table 07459 as a user downloads it from the
 * statbank («Befolkning, etter region, statistikkvariabel og år»), semicolon CSV, either long
 * (one row per region and year: region;statistikkvariabel;år;value) or wide (one column per year:
 * region;"Personer 2025";…). Regions are «1804 Bodø» or «K-1804 Bodø». Counties and the whole
 * country are skipped; SSB's «..», «.», «:» and «-» (no figure) too.
 */
export interface PopulationRow {
  line: number;
  kommunenummer: string;
  name: string;
  year: number;
  population: number;
}

/**
 * A row of an imported file that cannot be used: `message` is the bokmål text (for error reports and
 * clients that do not word keys), `messageKey` and `params` let a client word it (server-messages.ts).
 */
export interface ImportRowError {
  line: number;
  column: string | null;
  message: string;
  messageKey: ServerMessageKey;
  params: MessageParams;
}

/** A row error by catalogue key: its bokmål message formatted from the key and params. */
export function rowError(line: number, column: string | null, m: ServerMessage): ImportRowError {
  return { line, column, message: formatServerMessage(m), messageKey: m.key, params: m.params };
}

/**
 * The trimmed first row of a file and where each named column stands in it (-1 where absent), found
 * by its pattern; or the row error for an empty file or for the required columns that are missing
 * (named as in `required`).
 */
export function findColumns<K extends string>(
  table: readonly CsvRow[],
  columns: Record<K, RegExp>,
  required: Partial<Record<K, string>>,
):
  | { index: Record<K, number>; header: string[]; error?: undefined }
  | { index?: undefined; header?: undefined; error: ImportRowError } {
  if (table.length === 0) return { error: rowError(1, null, msg('import.empty')) };
  const header = table[0].cells.map((c) => c.trim());
  const index = Object.fromEntries(
    (Object.entries(columns) as [K, RegExp][]).map(([k, re]) => [k, header.findIndex((h) => re.test(h))]),
  ) as Record<K, number>;
  const absent = (Object.keys(required) as K[]).filter((k) => index[k] < 0);
  if (absent.length)
    return {
      error: rowError(
        table[0].line,
        null,
        msg('import.missingColumns', { columns: absent.map((k) => required[k]).join(', ') }),
      ),
    };
  return { index, header };
}

export interface ParsedPopulation {
  rows: PopulationRow[];
  errors: ImportRowError[];
  /** Region rows that are not municipalities (counties, the whole country) and cells without a figure. */
  skipped: number;
}

const NO_FIGURE = new Set(['..', '.', ':', '-', '']);
const REGION = /^(?:K-)?(\d{4})\s+(.+)$/;
const NOT_MUNICIPALITY = /^(?:F-)?(\d{2})\s|^0\s|^(?:Hele landet|Heile landet)$/i;

function yearIn(header: string): number | null {
  const m = /(?:^|\D)(19\d{2}|2[01]\d{2})(?:\D|$)/.exec(header);
  return m ? Number(m[1]) : null;
}

function populationOf(raw: string): number | null | 'invalid' {
  const t = raw.trim();
  if (NO_FIGURE.has(t)) return null;
  const digits = t.replace(/[\s\u00a0]/g, '');
  if (!/^\d+$/.test(digits)) return 'invalid';
  return Number(digits);
}

export function parseSsb07459(text: string): ParsedPopulation {
  const table = readCsv(text, ';');
  const errors: ImportRowError[] = [];
  const rows: PopulationRow[] = [];
  let skipped = 0;
  const headerIndex = table.findIndex((r) => r.cells[0]?.trim().toLowerCase() === 'region');
  if (headerIndex < 0) {
    return {
      rows,
      errors: [rowError(1, null, msg('import.populationNoHeader'))],
      skipped,
    };
  }
  const header = table[headerIndex].cells.map((c) => c.trim());
  const yearColumn = header.findIndex((h) => /^(år|tid|year)$/i.test(h));
  // Long: the figure is the last column and the year is a column; wide: each column named with a year.
  const valueColumns: { index: number; year: number | null }[] =
    yearColumn >= 0
      ? [{ index: header.length - 1, year: null }]
      : header
          .map((h, index) => ({ index, year: index === 0 ? null : yearIn(h) }))
          .filter((c): c is { index: number; year: number } => c.year !== null);
  if (valueColumns.length === 0) {
    return {
      rows,
      errors: [rowError(table[headerIndex].line, null, msg('import.populationNoYears'))],
      skipped,
    };
  }
  const seen = new Map<string, number>();
  for (const r of table.slice(headerIndex + 1)) {
    const region = (r.cells[0] ?? '').trim();
    if (NOT_MUNICIPALITY.test(region)) {
      skipped++;
      continue;
    }
    const m = REGION.exec(region);
    if (!m) {
      errors.push(rowError(r.line, 'region', msg('import.notRegion', { value: region })));
      continue;
    }
    const [, kommunenummer, name] = m;
    for (const col of valueColumns) {
      const year = col.year ?? Number((r.cells[yearColumn] ?? '').trim());
      if (!Number.isInteger(year) || year < 1900 || year > 2200) {
        errors.push(
          rowError(r.line, header[yearColumn] ?? 'år', msg('import.notYear', { value: r.cells[yearColumn] ?? '' })),
        );
        continue;
      }
      const value = populationOf(r.cells[col.index] ?? '');
      if (value === null) {
        skipped++;
        continue;
      }
      if (value === 'invalid') {
        errors.push(
          rowError(r.line, header[col.index], msg('import.notPopulation', { value: r.cells[col.index] ?? '' })),
        );
        continue;
      }
      const key = `${kommunenummer}:${year}`;
      if (seen.has(key)) {
        errors.push(
          rowError(
            r.line,
            header[col.index],
            msg('import.populationTwice', { kommunenummer, name, year, line: seen.get(key)! }),
          ),
        );
        continue;
      }
      seen.set(key, r.line);
      rows.push({ line: r.line, kommunenummer, name: name.trim(), year, population: value });
    }
  }
  if (rows.length === 0 && errors.length === 0)
    errors.push(rowError(table[headerIndex].line, null, msg('import.noPopulation')));
  return { rows, errors, skipped };
}

/** The counties of the municipal structure from 1 January 2024. */
export const CURRENT_COUNTY_NUMBERS: readonly string[] = COUNTY_NUMBERS_2024;

/** Why a kommunenummer is not in the register: unknown, or from a structure that has since changed. */
export function unknownMunicipality(kommunenummer: string, name: string): ServerMessage {
  const county = kommunenummer.slice(0, 2);
  if (CURRENT_COUNTY_NUMBERS.includes(county)) return msg('import.unknownMunicipality', { kommunenummer, name });
  return msg('import.formerMunicipality', { kommunenummer, name, county });
}

/** The bokmål text of unknownMunicipality. */
export const unknownMunicipalityMessage = (kommunenummer: string, name: string): string =>
  formatServerMessage(unknownMunicipality(kommunenummer, name));
