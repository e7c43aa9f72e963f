import { createHash } from 'node:crypto';
import { transaction } from '../../app/transaction';
import { GraphQLError } from 'graphql';
import type { EntityManager } from 'typeorm';
import { parseSsb07459, rowError, unknownMunicipality, type ImportRowError, msg } from '@samordna/domain';
import type { AppContext } from '../../app/context';
import { auditMany } from '../../app/audit';
import { badInput, ErrorCode, keyedError } from '../../app/errors';

export const POPULATION_IMPORT_SOURCE = 'SSB tabell 07459 (importert)';
const MAX_CHARS = 900_000;
const SHOWN_CHANGES = 200;

export interface PopulationChange {
  line: number;
  kommunenummer: string;
  name: string;
  year: number;
  before: number | null;
  after: number;
}

export interface PopulationPreview {
  /** sha256 of the file: the confirmation must send it back, so what is written is what was previewed. */
  checksum: string;
  years: number[];
  rows: number;
  added: number;
  changed: number;
  unchanged: number;
  skipped: number;
  errors: ImportRowError[];
  /** The first changes (new or different figures), in file order. */
  changes: PopulationChange[];
}

export function checkSize(csv: string) {
  if (typeof csv !== 'string' || csv.trim() === '') throw badInput('csv', 'import.empty');
  if (csv.length > MAX_CHARS) throw badInput('csv', msg('import.tooLarge', { max: MAX_CHARS.toLocaleString('nb-NO') }));
}

/** Parses and compares with what is stored: what would be added, changed and left as it is. Writes nothing. */
async function plan(em: EntityManager, csv: string): Promise<{ preview: PopulationPreview; all: PopulationChange[] }> {
  checkSize(csv);
  const parsed = parseSsb07459(csv);
  const errors = [...parsed.errors];
  const knrs = [...new Set(parsed.rows.map((r) => r.kommunenummer))];
  const known = new Set<string>(
    (await em.query(`SELECT kommunenummer FROM municipality WHERE kommunenummer = ANY($1)`, [knrs])).map(
      (r: { kommunenummer: string }) => r.kommunenummer,
    ),
  );
  const stored = new Map<string, number>(
    (
      await em.query(
        `SELECT kommunenummer, year, population FROM municipality_population WHERE kommunenummer = ANY($1)`,
        [knrs],
      )
    ).map((r: { kommunenummer: string; year: number; population: number }) => [
      `${r.kommunenummer}:${r.year}`,
      r.population,
    ]),
  );
  const all: PopulationChange[] = [];
  let unchanged = 0;
  for (const r of parsed.rows) {
    if (!known.has(r.kommunenummer)) {
      errors.push(rowError(r.line, 'region', unknownMunicipality(r.kommunenummer, r.name)));
      continue;
    }
    const before = stored.get(`${r.kommunenummer}:${r.year}`) ?? null;
    if (before === r.population) unchanged++;
    else
      all.push({
        line: r.line,
        kommunenummer: r.kommunenummer,
        name: r.name,
        year: r.year,
        before,
        after: r.population,
      });
  }
  errors.sort((a, b) => a.line - b.line);
  return {
    all,
    preview: {
      checksum: checksumOf(csv),
      years: [...new Set(parsed.rows.map((r) => r.year))].sort(),
      rows: parsed.rows.length,
      added: all.filter((c) => c.before === null).length,
      changed: all.filter((c) => c.before !== null).length,
      unchanged,
      skipped: parsed.skipped,
      errors,
      changes: all.slice(0, SHOWN_CHANGES),
    },
  };
}

export async function previewPopulationImport(ctx: AppContext, csv: string): Promise<PopulationPreview> {
  return (await plan(ctx.dataSource.manager, csv)).preview;
}

/**
 * Writes the previewed file in one transaction: every new or changed figure, each audited, or
 * nothing at all. Refused when the file differs from the preview or has any row error. A file
 * imported again changes nothing.
 */
/** Throws the refusal of a file with row errors: nothing is written, the first 100 errors go with it. */
export function rowErrorsRefusal(errors: readonly ImportRowError[], field: string): GraphQLError {
  return keyedError(msg(errors.length === 1 ? 'import.rowErrorsOne' : 'import.rowErrors', { count: errors.length }), {
    code: ErrorCode.BAD_USER_INPUT,
    field,
    rowErrors: errors.slice(0, 100),
  });
}

export const checksumOf = (text: string) => createHash('sha256').update(text).digest('hex');

export async function confirmPopulationImport(
  ctx: AppContext,
  csv: string,
  checksum: string,
): Promise<{ added: number; changed: number; unchanged: number }> {
  return transaction(ctx, async (em) => {
    // One import at a time: the comparison and the writes see the same figures.
    await em.query(`LOCK TABLE municipality_population IN SHARE ROW EXCLUSIVE MODE`);
    const { preview, all } = await plan(em, csv);
    if (preview.checksum !== checksum) throw badInput('checksum', 'import.checksum');
    if (preview.errors.length) throw rowErrorsRefusal(preview.errors, 'csv');
    if (all.length) {
      await em.query(
        `INSERT INTO municipality_population (kommunenummer, year, population, source)
         SELECT k, y, p, $4 FROM unnest($1::varchar[], $2::int[], $3::int[]) AS t(k, y, p)
         ON CONFLICT (kommunenummer, year) DO UPDATE SET population = excluded.population, source = excluded.source`,
        [all.map((c) => c.kommunenummer), all.map((c) => c.year), all.map((c) => c.after), POPULATION_IMPORT_SOURCE],
      );
      await auditMany(
        em,
        ctx,
        'IMPORT',
        'PopulationFigure',
        all.map((c) => ({
          id: `${c.kommunenummer}:${c.year}`,
          before: c.before === null ? null : { population: c.before },
          after: { population: c.after, source: POPULATION_IMPORT_SOURCE },
        })),
      );
    }
    return { added: preview.added, changed: preview.changed, unchanged: preview.unchanged };
  });
}
