import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Agreements as contracts: the last day an agreement binds (`ended_on`), a party's own notice and
 * decision, and amendments proposed by the host and approved by every affected party.
 * Ended agreements get the day before their successor started (or their expiry) as `ended_on`.
 */
export class AgreementContracts1765000000000 implements MigrationInterface {
  name = 'AgreementContracts1765000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "agreement_amendment" (
                "version" integer NOT NULL DEFAULT '1',
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "agreement_id" uuid NOT NULL,
                "status" text NOT NULL DEFAULT 'OPEN',
                "summary" text NOT NULL,
                "effective_on" date NOT NULL,
                "changes" jsonb NOT NULL DEFAULT '{}',
                "cost_terms" jsonb,
                "joining" text array NOT NULL DEFAULT '{}',
                "leaving" text array NOT NULL DEFAULT '{}',
                "revision_of_id" uuid,
                "result_agreement_id" uuid,
                "proposed_by_user_id" uuid,
                "proposed_by" text,
                "closed_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_agreement_amendment_status" CHECK (
                    "status" IN ('OPEN', 'ADOPTED', 'WITHDRAWN', 'REVISED')
                ),
                CONSTRAINT "PK_a268397f2d32b7021e5f676732e" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_agreement_amendment_agreement" ON "agreement_amendment" ("agreement_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_agreement_amendment_open" ON "agreement_amendment" ("agreement_id")
            WHERE "status" = 'OPEN'
        `);
    await queryRunner.query(`
            CREATE TABLE "amendment_approval" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "amendment_id" uuid NOT NULL,
                "kommunenummer" character varying(4) NOT NULL,
                "role" text NOT NULL,
                "decision" text NOT NULL DEFAULT 'PENDING',
                "decision_body" text,
                "decision_ref" text,
                "decision_date" date,
                "reason" text,
                "decided_by_user_id" uuid,
                "decided_by" text,
                "decided_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "UQ_amendment_approval_municipality" UNIQUE ("amendment_id", "kommunenummer"),
                CONSTRAINT "CHK_amendment_approval_role" CHECK ("role" IN ('PARTNER', 'JOINING', 'LEAVING')),
                CONSTRAINT "CHK_amendment_approval_decision" CHECK (
                    "decision" IN ('PENDING', 'APPROVED', 'REJECTED')
                ),
                CONSTRAINT "PK_ea427e6736836e981c2fb70d425" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_amendment_approval_municipality" ON "amendment_approval" ("kommunenummer")
        `);
    await queryRunner.query(`
            ALTER TABLE "agreement_party"
            ADD "notice_given_on" date
        `);
    await queryRunner.query(`
            ALTER TABLE "agreement_party"
            ADD "decision_body" text
        `);
    await queryRunner.query(`
            ALTER TABLE "agreement_party"
            ADD "decision_ref" text
        `);
    await queryRunner.query(`
            ALTER TABLE "agreement_party"
            ADD "decision_date" date
        `);
    await queryRunner.query(`
            ALTER TABLE "agreement"
            ADD "ended_on" date
        `);
    await queryRunner.query(`
            UPDATE "agreement" a SET "ended_on" = COALESCE(
                (SELECT min(n."valid_from") - 1 FROM "agreement" n WHERE n."supersedes_id" = a."id" AND n."valid_from" IS NOT NULL),
                a."valid_to")
            WHERE a."status" = 'ENDED'
        `);
    await queryRunner.query(`
            ALTER TABLE "agreement"
            ADD CONSTRAINT "CHK_agreement_ended_on" CHECK (
                    "ended_on" IS NULL
                    OR "valid_from" IS NULL
                    OR "ended_on" >= "valid_from" - 1
                )
        `);
    await queryRunner.query(`
            ALTER TABLE "agreement_amendment"
            ADD CONSTRAINT "FK_agreement_amendment_agreement" FOREIGN KEY ("agreement_id") REFERENCES "agreement"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "agreement_amendment"
            ADD CONSTRAINT "FK_agreement_amendment_revision_of" FOREIGN KEY ("revision_of_id") REFERENCES "agreement_amendment"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "agreement_amendment"
            ADD CONSTRAINT "FK_agreement_amendment_result" FOREIGN KEY ("result_agreement_id") REFERENCES "agreement"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "amendment_approval"
            ADD CONSTRAINT "FK_amendment_approval_amendment" FOREIGN KEY ("amendment_id") REFERENCES "agreement_amendment"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "amendment_approval"
            ADD CONSTRAINT "FK_amendment_approval_municipality" FOREIGN KEY ("kommunenummer") REFERENCES "municipality"("kommunenummer") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "amendment_approval" DROP CONSTRAINT "FK_amendment_approval_municipality"
        `);
    await queryRunner.query(`
            ALTER TABLE "amendment_approval" DROP CONSTRAINT "FK_amendment_approval_amendment"
        `);
    await queryRunner.query(`
            ALTER TABLE "agreement_amendment" DROP CONSTRAINT "FK_agreement_amendment_result"
        `);
    await queryRunner.query(`
            ALTER TABLE "agreement_amendment" DROP CONSTRAINT "FK_agreement_amendment_revision_of"
        `);
    await queryRunner.query(`
            ALTER TABLE "agreement_amendment" DROP CONSTRAINT "FK_agreement_amendment_agreement"
        `);
    await queryRunner.query(`
            ALTER TABLE "agreement" DROP CONSTRAINT "CHK_agreement_ended_on"
        `);
    await queryRunner.query(`
            ALTER TABLE "agreement" DROP COLUMN "ended_on"
        `);
    await queryRunner.query(`
            ALTER TABLE "agreement_party" DROP COLUMN "decision_date"
        `);
    await queryRunner.query(`
            ALTER TABLE "agreement_party" DROP COLUMN "decision_ref"
        `);
    await queryRunner.query(`
            ALTER TABLE "agreement_party" DROP COLUMN "decision_body"
        `);
    await queryRunner.query(`
            ALTER TABLE "agreement_party" DROP COLUMN "notice_given_on"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_amendment_approval_municipality"
        `);
    await queryRunner.query(`
            DROP TABLE "amendment_approval"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_agreement_amendment_open"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_agreement_amendment_agreement"
        `);
    await queryRunner.query(`
            DROP TABLE "agreement_amendment"
        `);
  }
}
