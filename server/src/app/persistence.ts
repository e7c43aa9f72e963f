import type { EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import { missing } from './auth';
import type { AppContext } from './context';
import { notFound, type MessageLike } from './errors';

/** What a missing record is called in errors: its entity name and the user-facing message. */
export type Missing = readonly [entity: string, message: MessageLike];

/** The fields a partial input gives; `undefined` means «leave as it is». */
export function definedOnly<T extends object>(data: T): Partial<T> {
  return Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/**
 * A record locked for this transaction (SELECT … FOR UPDATE), so concurrent changes queue behind it;
 * if it is gone, NOT_FOUND for administrators and FORBIDDEN for others (see `missing`).
 */
export async function lockOrMissing<T extends ObjectLiteral & { id: string }>(
  em: EntityManager,
  ctx: AppContext,
  target: EntityTarget<T>,
  id: string,
  [entity, message]: Missing,
): Promise<T> {
  const row = await em
    .getRepository(target)
    .findOne({ where: { id } as FindOptionsWhere<T>, lock: { mode: 'pessimistic_write' } });
  if (!row) throw missing(ctx, notFound(entity, id, message));
  return row;
}

/**
 * A part of a record (an agreement's party, a routine's step), for a change under its record's lock:
 * found to learn its record, the record locked by `lockRecord`, then the part read again – so a change
 * committed while this one waited for the lock is seen and never written back over.
 * (Parts are not locked themselves: the record's lock orders all changes to its parts.)
 */
export async function lockPart<P extends ObjectLiteral & { id: string }, R>(
  em: EntityManager,
  ctx: AppContext,
  target: EntityTarget<P>,
  id: string,
  what: Missing,
  lockRecord: (part: P) => Promise<R>,
): Promise<[part: P, record: R]> {
  const find = async () => {
    const part = await em.getRepository(target).findOneBy({ id } as FindOptionsWhere<P>);
    if (!part) throw missing(ctx, notFound(what[0], id, what[1]));
    return part;
  };
  const record = await lockRecord(await find());
  return [await find(), record];
}
