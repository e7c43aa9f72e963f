import { setTimeout as sleep } from 'node:timers/promises';
import type { DataSource, EntityManager } from 'typeorm';
import { databaseConflict, pgErrorOf } from './errors';

/**
 * PostgreSQL rolled the whole transaction back (serialization failure, deadlock): nothing of it was
 * written, so running it again is safe and usually succeeds.
 */
const RETRYABLE = new Set(['40001', '40P01']);
/** Attempts in all, the first included; the last failure goes to the client (masked). */
export const TRANSACTION_ATTEMPTS = 5;

/**
 * The one way services write: `work` runs in a transaction on one connection (use `em` for every
 * statement inside it, never the pool or the per-request loaders). A serialization failure or a
 * deadlock reruns `work` from the start, a bounded number of times, after a short random pause; a
 * unique violation becomes CONFLICT with the field (errors.ts, `UNIQUE_RULES`).
 *
 * Lock order, so that transactions wait for each other instead of deadlocking:
 *  1. a municipality's contacts (`lockMunicipalityContacts`, in kommunenummer order);
 *  2. a record before its parts and what they point to (a routine before its steps and their
 *     contacts; an agreement before its parties, see records.ts `lockPart`), and an agreement before
 *     its centre;
 *  3. several rows of one kind in id order (e.g. the contacts verified together).
 * `work` must not have effects outside the database (mail, cookies): it may run more than once.
 */
export async function transaction<T>(
  ctx: { dataSource: DataSource },
  work: (em: EntityManager) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await ctx.dataSource.transaction(work);
    } catch (error) {
      const code = pgErrorOf(error)?.code;
      if (code && RETRYABLE.has(code) && attempt < TRANSACTION_ATTEMPTS) {
        await sleep(Math.floor(Math.random() * 20 * attempt) + 5);
        continue;
      }
      throw databaseConflict(error) ?? error;
    }
  }
}

/**
 * Orders every change to one municipality's contacts (the contact point moves between them): an
 * advisory lock per municipality, held to the end of the transaction, taken in kommunenummer order
 * before any contact row is locked.
 */
export async function lockMunicipalityContacts(em: EntityManager, kommunenumre: Iterable<string>): Promise<void> {
  for (const k of [...new Set(kommunenumre)].sort()) {
    await em.query(`SELECT pg_advisory_xact_lock(hashtextextended('contacts:' || $1, 0))`, [k]);
  }
}
