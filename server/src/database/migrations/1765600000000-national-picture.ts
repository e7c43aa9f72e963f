import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The national picture (issue 12): documented memberships (a public source says a municipality
 * uses a centre; a fact with its provenance, not an agreement), and on centres the operating
 * status, how the host is known, the Bufdir name and the provenance of the centre's facts. A
 * centre's host may be unknown («ikke kjent»): host_kommunenummer becomes nullable. Generated
 * from the entities, then reviewed. The handover template's eight new step kinds. Down removes
 * the centres whose host is unknown and the steps of the new kinds first.
 */
export class NationalPicture1765600000000 implements MigrationInterface {
  name = 'NationalPicture1765600000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "documented_membership" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kommunenummer" character varying(4) NOT NULL, "centre_id" uuid NOT NULL, "role" text NOT NULL, "note" text, "source_url" text NOT NULL, "source_date" text NOT NULL, "source_year" integer, "quote" text, "confidence" text NOT NULL, "retrieved_on" date NOT NULL, "reviewed_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_documented_membership_confidence" CHECK ("confidence" IN ('HIGH', 'MEDIUM', 'WEAK')), CONSTRAINT "CHK_documented_membership_role" CHECK ("role" IN ('host', 'partner')), CONSTRAINT "PK_ea6c4d760fbd4b50f4d2ff3e106" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "UQ_documented_membership_municipality" ON "documented_membership"("kommunenummer")`,
    );
    await q.query(`CREATE INDEX "IDX_documented_membership_centre" ON "documented_membership"("centre_id")`);
    await q.query(`ALTER TABLE "crisis_centre" ADD "operating_status" text NOT NULL DEFAULT 'OPERATING'`);
    await q.query(`ALTER TABLE "crisis_centre" ADD "host_basis" text`);
    await q.query(`ALTER TABLE "crisis_centre" ADD "bufdir_name" text`);
    await q.query(`ALTER TABLE "crisis_centre" ADD "reported_municipalities" text`);
    await q.query(`ALTER TABLE "crisis_centre" ADD "source_year" integer`);
    await q.query(`ALTER TABLE "crisis_centre" ADD "source_quote" text`);
    await q.query(`ALTER TABLE "crisis_centre" ADD "source_confidence" text`);
    await q.query(`ALTER TABLE "crisis_centre" ADD "source_retrieved_on" date`);
    await q.query(`ALTER TABLE "crisis_centre" DROP CONSTRAINT "FK_crisis_centre_host"`);
    await q.query(`ALTER TABLE "crisis_centre" ALTER COLUMN "host_kommunenummer" DROP NOT NULL`);
    await q.query(
      `ALTER TABLE "crisis_centre" ADD CONSTRAINT "CHK_crisis_centre_source_confidence" CHECK ("source_confidence" IS NULL OR "source_confidence" IN ('HIGH', 'MEDIUM', 'WEAK'))`,
    );
    await q.query(
      `ALTER TABLE "crisis_centre" ADD CONSTRAINT "CHK_crisis_centre_operating_status" CHECK ("operating_status" IN ('OPERATING', 'CLOSED', 'UNCERTAIN'))`,
    );
    await q.query(
      `ALTER TABLE "crisis_centre" ADD CONSTRAINT "FK_crisis_centre_host" FOREIGN KEY ("host_kommunenummer") REFERENCES "municipality"("kommunenummer") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "documented_membership" ADD CONSTRAINT "FK_documented_membership_municipality" FOREIGN KEY ("kommunenummer") REFERENCES "municipality"("kommunenummer") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "documented_membership" ADD CONSTRAINT "FK_documented_membership_centre" FOREIGN KEY ("centre_id") REFERENCES "crisis_centre"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // The handover template's new steps (the sources name them; existing routines keep theirs).
    await q.query(`ALTER TABLE "routine_step" DROP CONSTRAINT "CHK_routine_step_kind"`);
    await q.query(
      `ALTER TABLE "routine_step" ADD CONSTRAINT "CHK_routine_step_kind" CHECK ("kind" IN ('MAP_NEEDS', 'THREAT_ASSESSMENT_SAFETY_PLAN', 'NAV', 'BARNEVERN_MEETING', 'HOUSING', 'SCHOOL_KINDERGARTEN_TRANSFER', 'ADDRESS_PROTECTION', 'LEGAL_AID', 'APPOINT_COORDINATOR', 'INDIVIDUAL_PLAN', 'RESPONSIBILITY_GROUP', 'MEETING_BEFORE_MOVING_OUT', 'CONTINUED_TALKS', 'GRADUAL_WITHDRAWAL', 'FAMILY_COUNSELLING', 'GP_HEALTH', 'INTERPRETER', 'POLICE_REPORT_VICTIM_SUPPORT', 'UPDATE_SAFETY_PLAN', 'ADDRESS_CHANGE_CONFIDENTIAL', 'VOLUNTARY_ORGANISATIONS', 'CHILD_COORDINATOR', 'OTHER'))`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DELETE FROM "routine_step" WHERE "kind" IN ('FAMILY_COUNSELLING', 'GP_HEALTH', 'INTERPRETER', 'POLICE_REPORT_VICTIM_SUPPORT', 'UPDATE_SAFETY_PLAN', 'ADDRESS_CHANGE_CONFIDENTIAL', 'VOLUNTARY_ORGANISATIONS', 'CHILD_COORDINATOR')`,
    );
    await q.query(`ALTER TABLE "routine_step" DROP CONSTRAINT "CHK_routine_step_kind"`);
    await q.query(
      `ALTER TABLE "routine_step" ADD CONSTRAINT "CHK_routine_step_kind" CHECK ("kind" IN ('MAP_NEEDS', 'THREAT_ASSESSMENT_SAFETY_PLAN', 'NAV', 'BARNEVERN_MEETING', 'HOUSING', 'SCHOOL_KINDERGARTEN_TRANSFER', 'ADDRESS_PROTECTION', 'LEGAL_AID', 'APPOINT_COORDINATOR', 'INDIVIDUAL_PLAN', 'RESPONSIBILITY_GROUP', 'MEETING_BEFORE_MOVING_OUT', 'CONTINUED_TALKS', 'GRADUAL_WITHDRAWAL', 'OTHER'))`,
    );
    await q.query(`ALTER TABLE "documented_membership" DROP CONSTRAINT "FK_documented_membership_centre"`);
    await q.query(`ALTER TABLE "documented_membership" DROP CONSTRAINT "FK_documented_membership_municipality"`);
    await q.query(`ALTER TABLE "crisis_centre" DROP CONSTRAINT "FK_crisis_centre_host"`);
    await q.query(`DELETE FROM "crisis_centre" WHERE "host_kommunenummer" IS NULL`);
    await q.query(`ALTER TABLE "crisis_centre" DROP CONSTRAINT "CHK_crisis_centre_operating_status"`);
    await q.query(`ALTER TABLE "crisis_centre" DROP CONSTRAINT "CHK_crisis_centre_source_confidence"`);
    await q.query(`ALTER TABLE "crisis_centre" ALTER COLUMN "host_kommunenummer" SET NOT NULL`);
    await q.query(
      `ALTER TABLE "crisis_centre" ADD CONSTRAINT "FK_crisis_centre_host" FOREIGN KEY ("host_kommunenummer") REFERENCES "municipality"("kommunenummer") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(`ALTER TABLE "crisis_centre" DROP COLUMN "source_retrieved_on"`);
    await q.query(`ALTER TABLE "crisis_centre" DROP COLUMN "source_confidence"`);
    await q.query(`ALTER TABLE "crisis_centre" DROP COLUMN "source_quote"`);
    await q.query(`ALTER TABLE "crisis_centre" DROP COLUMN "source_year"`);
    await q.query(`ALTER TABLE "crisis_centre" DROP COLUMN "reported_municipalities"`);
    await q.query(`ALTER TABLE "crisis_centre" DROP COLUMN "bufdir_name"`);
    await q.query(`ALTER TABLE "crisis_centre" DROP COLUMN "host_basis"`);
    await q.query(`ALTER TABLE "crisis_centre" DROP COLUMN "operating_status"`);
    await q.query(`DROP INDEX "public"."IDX_documented_membership_centre"`);
    await q.query(`DROP INDEX "public"."UQ_documented_membership_municipality"`);
    await q.query(`DROP TABLE "documented_membership"`);
  }
}
