import type { EntityManager } from 'typeorm';

export interface UpsertOptions {
  /** The columns a re-run may change: all non-key columns by default; [] = insert only (DO NOTHING). */
  update?: readonly string[];
  /**
   * Columns to return from the rows written, to map generated ids back by a key column (never by
   * row order). Rows left alone by a conflict are not returned. With `update`, every conflicting
   * row is updated (and returned), even when nothing in it changes.
   */
  returning?: readonly string[];
}

const quoted = (columns: readonly string[]) => columns.map((c) => `"${c}"`).join(', ');

/**
 * INSERT … for many rows in one statement. `onConflict` is put after VALUES as it is; without
 * it a row that clashes with a unique index fails the statement.
 */
export async function insertRows<R = Record<string, unknown>>(
  em: EntityManager,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  options: { onConflict?: string; returning?: readonly string[] } = {},
): Promise<R[]> {
  if (rows.length === 0) return [];
  const params: unknown[] = [];
  const values = rows.map((row) => `(${row.map((v) => `$${params.push(v)}`).join(', ')})`);
  return em.query(
    `INSERT INTO "${table}" AS t (${quoted(columns)}) VALUES ${values.join(', ')}` +
      (options.onConflict ? ` ${options.onConflict}` : '') +
      (options.returning?.length ? ` RETURNING ${quoted(options.returning)}` : ''),
    params,
  );
}

/**
 * INSERT … ON CONFLICT (key) DO UPDATE for many rows in one statement. `key` null: ON CONFLICT
 * DO NOTHING on any unique index (for tables with more than one). A row whose updated columns
 * already hold the new values is not rewritten, so a second run with the same files writes
 * nothing.
 */
export async function upsert<R = Record<string, unknown>>(
  em: EntityManager,
  table: string,
  columns: readonly string[],
  key: readonly string[] | null,
  rows: readonly (readonly unknown[])[],
  options: UpsertOptions = {},
): Promise<R[]> {
  const update = key === null ? [] : (options.update ?? columns.filter((c) => !key.includes(c)));
  let onConflict = `ON CONFLICT${key === null ? '' : ` (${quoted(key)})`} DO NOTHING`;
  if (key !== null && update.length) {
    const set = update.map((c) => `"${c}" = EXCLUDED."${c}"`).join(', ');
    const changed = options.returning?.length
      ? ''
      : ` WHERE (${update.map((c) => `t."${c}"`).join(', ')}) IS DISTINCT FROM (${update.map((c) => `EXCLUDED."${c}"`).join(', ')})`;
    onConflict = `ON CONFLICT (${quoted(key)}) DO UPDATE SET ${set}${changed}`;
  }
  return insertRows<R>(em, table, columns, rows, { onConflict, returning: options.returning });
}

/** The ledger key of a reference row (a real record from data/) in seed_state. */
export const referenceKey = (seedKey: string) => `ref:${seedKey}`;

/**
 * Real records from data/ (centres, agreements, parties), by their seed key (column 0 of every row,
 * made from the data file, never from a name users can change): inserted once, then only the
 * `update` columns follow the file. Every key is written in the ledger (seed_state), so a record a
 * user deleted is never inserted again, the same respect the example records get.
 */
export async function upsertReference(
  em: EntityManager,
  table: 'crisis_centre' | 'agreement' | 'agreement_party',
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  options: { update: readonly string[] },
): Promise<void> {
  if (rows.length === 0) return;
  const deleted = new Set<string>(
    (
      await em.query(
        `SELECT k FROM unnest($1::text[]) k
         WHERE EXISTS (SELECT 1 FROM seed_state s WHERE s.key = 'ref:' || k) AND NOT EXISTS (SELECT 1 FROM "${table}" t WHERE t.seed_key = k)`,
        [rows.map((r) => r[0])],
      )
    ).map((r: { k: string }) => r.k),
  );
  const due = rows.filter((r) => !deleted.has(r[0] as string));
  await upsert(em, table, columns, ['seed_key'], due, options);
  if (due.length) {
    await em.query(`INSERT INTO seed_state (key) SELECT unnest($1::text[]) ON CONFLICT (key) DO NOTHING`, [
      due.map((r) => referenceKey(r[0] as string)),
    ]);
  }
}
