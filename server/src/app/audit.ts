import type { EntityManager } from 'typeorm';
import type { AppContext } from './context';

const SKIP = new Set(['createdAt', 'updatedAt', 'version', 'seedKey']);

function plain(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (v === undefined) return null;
  return v;
}

/** Changed fields between two states of a record: { field: { before, after } }. */
export function diff(before: object | null, after: object | null): Record<string, { before: unknown; after: unknown }> {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const out: Record<string, { before: unknown; after: unknown }> = {};
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (SKIP.has(key) || typeof b[key] === 'function' || typeof a[key] === 'function') continue;
    const x = plain(b[key]);
    const y = plain(a[key]);
    if (JSON.stringify(x) !== JSON.stringify(y)) out[key] = { before: before ? x : null, after: after ? y : null };
  }
  return out;
}

/**
 * Writes one audit record in the caller's transaction: who, when, what, and what changed. A part of a
 * record (a routine step, an agreement party) names its record as `parent`, so that record's history
 * shows it.
 */
export async function audit(
  em: EntityManager,
  ctx: AppContext,
  operation: string,
  entity: string,
  entityId: string,
  before: object | null,
  after: object | null,
  parent?: { entity: string; id: string; label?: string | null },
): Promise<void> {
  const user = ctx.auth;
  await em.query(`INSERT INTO audit_log (user_id, user_label, operation, entity, entity_id, changes, parent_entity, parent_id, part_label) VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9)`, [
    user?.id ?? null,
    user ? `${user.name} <${user.email}>` : null,
    operation,
    entity,
    entityId,
    JSON.stringify(diff(before, after)),
    parent?.entity ?? null,
    parent?.id ?? null,
    parent?.label ?? null,
  ]);
}
