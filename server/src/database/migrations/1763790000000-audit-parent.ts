import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Audit entries of a record's parts (routine steps, agreement parties) name the record they belong to,
 * so a routine's or an agreement's history includes changes to its steps or parties, even deleted ones;
 * `part_label` says which part (the step's title, the party's municipality) as it was at the time.
 */
export class AuditParent1763790000000 implements MigrationInterface {
  name = 'AuditParent1763790000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "audit_log" ADD "parent_entity" text`);
    await q.query(`ALTER TABLE "audit_log" ADD "parent_id" text`);
    await q.query(`ALTER TABLE "audit_log" ADD "part_label" text`);
    await q.query(`CREATE INDEX "IDX_audit_log_parent" ON "audit_log" ("parent_entity", "parent_id")`);
    // Existing entries: from the part where it still exists, else from the recorded routineId/agreementId.
    for (const [entity, parent, table, column, field] of [
      ['RoutineStep', 'HandoverRoutine', 'routine_step', 'routine_id', 'routineId'],
      ['AgreementParty', 'Agreement', 'agreement_party', 'agreement_id', 'agreementId'],
    ]) {
      await q.query(
        `UPDATE "audit_log" l SET "parent_entity" = $1, "parent_id" = p."${column}"::text FROM "${table}" p WHERE l."entity" = $2 AND l."entity_id" = p."id"::text`,
        [parent, entity],
      );
      await q.query(
        `UPDATE "audit_log" SET "parent_entity" = $1, "parent_id" = COALESCE("changes"->'${field}'->>'after', "changes"->'${field}'->>'before') WHERE "entity" = $2 AND "parent_id" IS NULL AND "changes" ? '${field}'`,
        [parent, entity],
      );
    }
    await q.query(
      `UPDATE "audit_log" l SET "part_label" = s."title" FROM "routine_step" s WHERE l."entity" = 'RoutineStep' AND l."entity_id" = s."id"::text`,
    );
    await q.query(
      `UPDATE "audit_log" SET "part_label" = "changes"->'title'->>'before' WHERE "entity" = 'RoutineStep' AND "part_label" IS NULL`,
    );
    await q.query(
      `UPDATE "audit_log" l SET "part_label" = m."name" FROM "agreement_party" p JOIN "municipality" m ON m."kommunenummer" = p."kommunenummer" WHERE l."entity" = 'AgreementParty' AND l."entity_id" = p."id"::text`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."IDX_audit_log_parent"`);
    await q.query(`ALTER TABLE "audit_log" DROP COLUMN "part_label"`);
    await q.query(`ALTER TABLE "audit_log" DROP COLUMN "parent_id"`);
    await q.query(`ALTER TABLE "audit_log" DROP COLUMN "parent_entity"`);
  }
}
