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

export interface AuditChange {
  id: string;
  before: object | null;
  after: object | null;
  /** A part of a record (a routine step, an agreement party) names its record, so that record's history shows it. */
  parent?: { entity: string; id: string; label?: string | null };
}

/** Writes audit records for many changes of one kind in the caller's transaction, in one statement. */
export async function auditMany(
  em: EntityManager,
  ctx: AppContext,
  operation: string,
  entity: string,
  changes: AuditChange[],
): Promise<void> {
  if (changes.length === 0) return;
  const user = ctx.auth;
  const rows = changes.map((c) => ({
    entity_id: c.id,
    changes: diff(c.before, c.after),
    parent_entity: c.parent?.entity ?? null,
    parent_id: c.parent?.id ?? null,
    part_label: c.parent?.label ?? null,
  }));
  await em.query(
    `INSERT INTO audit_log (user_id, user_label, operation, entity, entity_id, changes, parent_entity, parent_id, part_label)
     SELECT $1, $2, $3, $4, r.entity_id, r.changes, r.parent_entity, r.parent_id, r.part_label
     FROM jsonb_to_recordset($5::jsonb) AS r(entity_id text, changes jsonb, parent_entity text, parent_id text, part_label text)`,
    [user?.id ?? null, user ? `${user.name} <${user.email}>` : null, operation, entity, JSON.stringify(rows)],
  );
}

/** Writes one audit record in the caller's transaction: who, when, what, and what changed. */
export async function audit(
  em: EntityManager,
  ctx: AppContext,
  operation: string,
  entity: string,
  entityId: string,
  before: object | null,
  after: object | null,
  parent?: AuditChange['parent'],
): Promise<void> {
  await auditMany(em, ctx, operation, entity, [{ id: entityId, before, after, parent }]);
}
