import { readCsv } from './csv-read';

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

export interface ImportRowError {
  line: number;
  column: string | null;
  message: string;
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
      errors: [
        {
          line: 1,
          column: null,
          message:
            'Fant ikke overskriftsraden (første kolonne «region»). Last ned tabell 07459 fra SSB som CSV (semikolonseparert).',
        },
      ],
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
      errors: [
        {
          line: table[headerIndex].line,
          column: null,
          message: 'Fant verken en kolonne «år» eller kolonner med årstall i overskriften.',
        },
      ],
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
      errors.push({
        line: r.line,
        column: 'region',
        message: `«${region}» er ikke en region med kommunenummer (som «1804 Bodø»).`,
      });
      continue;
    }
    const [, kommunenummer, name] = m;
    for (const col of valueColumns) {
      const year = col.year ?? Number((r.cells[yearColumn] ?? '').trim());
      if (!Number.isInteger(year) || year < 1900 || year > 2200) {
        errors.push({
          line: r.line,
          column: header[yearColumn] ?? 'år',
          message: `«${r.cells[yearColumn] ?? ''}» er ikke et årstall.`,
        });
        continue;
      }
      const value = populationOf(r.cells[col.index] ?? '');
      if (value === null) {
        skipped++;
        continue;
      }
      if (value === 'invalid') {
        errors.push({
          line: r.line,
          column: header[col.index],
          message: `«${r.cells[col.index]}» er ikke et helt, ikke-negativt folketall.`,
        });
        continue;
      }
      const key = `${kommunenummer}:${year}`;
      if (seen.has(key)) {
        errors.push({
          line: r.line,
          column: header[col.index],
          message: `${kommunenummer} ${name} har allerede et tall for ${year} (linje ${seen.get(key)}).`,
        });
        continue;
      }
      seen.set(key, r.line);
      rows.push({ line: r.line, kommunenummer, name: name.trim(), year, population: value });
    }
  }
  if (rows.length === 0 && errors.length === 0)
    errors.push({ line: table[headerIndex].line, column: null, message: 'Filen har ingen folketall for kommuner.' });
  return { rows, errors, skipped };
}

/** The counties of the municipal structure from 1 January 2024. */
export const CURRENT_COUNTY_NUMBERS = [
  '03',
  '11',
  '15',
  '18',
  '31',
  '32',
  '33',
  '34',
  '39',
  '40',
  '42',
  '46',
  '50',
  '55',
  '56',
] as const;

/** Why a kommunenummer is not in the register: unknown, or from a structure that has since changed. */
export function unknownMunicipalityMessage(kommunenummer: string, name: string): string {
  const county = kommunenummer.slice(0, 2);
  if ((CURRENT_COUNTY_NUMBERS as readonly string[]).includes(county))
    return `Ukjent kommunenummer ${kommunenummer} (${name}) i dagens kommunestruktur.`;
  return `${kommunenummer} ${name} hører til en tidligere kommunestruktur (fylke ${county} finnes ikke fra 2024): kommunen er slått sammen, delt eller har fått nytt nummer. Bruk tall for dagens kommuner.`;
}
