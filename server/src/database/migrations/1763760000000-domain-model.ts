import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Agreements with their parties (replacing the flat centre memberships), agencies and contact
 * persons, handover routines with ordered steps, centre details (organisation form, § 2
 * elements, capabilities, capacity) and the one-time seed ledger. Schema generated from the
 * entities with TypeORM's schema builder; the data moves written by hand.
 */
export class DomainModel1763760000000 implements MigrationInterface {
  name = 'DomainModel1763760000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "agreement" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "centre_id" uuid NOT NULL, "title" text NOT NULL, "legal_basis" text, "status" text NOT NULL DEFAULT 'DRAFT', "valid_from" date, "valid_to" date, "auto_renew" boolean NOT NULL DEFAULT false, "renewal_months" integer, "notice_months" integer, "notice_runs_to" text NOT NULL DEFAULT 'NONE', "notice_given_on" date, "signing_level" text NOT NULL DEFAULT 'UNKNOWN', "council_decision_ref" text, "council_decision_date" date, "archive_ref" text, "supersedes_id" uuid, "checklist" jsonb NOT NULL DEFAULT '[]', "note" text, "source_url" text, "source_as_of" text, "is_example" boolean NOT NULL DEFAULT false, "example_fields" text array NOT NULL DEFAULT '{}', "seed_key" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_65b33c05aa3c96a6bad637f0996" UNIQUE ("seed_key"), CONSTRAINT "CHK_agreement_renewal_months" CHECK ("renewal_months" IS NULL OR "renewal_months" BETWEEN 1 AND 120), CONSTRAINT "CHK_agreement_notice_months" CHECK ("notice_months" IS NULL OR "notice_months" BETWEEN 0 AND 60), CONSTRAINT "CHK_agreement_dates" CHECK ("valid_to" IS NULL OR "valid_from" IS NULL OR "valid_to" >= "valid_from"), CONSTRAINT "CHK_agreement_notice_runs_to" CHECK ("notice_runs_to" IN ('NONE', 'CALENDAR_YEAR', 'HALF_YEAR')), CONSTRAINT "CHK_agreement_signing_level" CHECK ("signing_level" IN ('MUNICIPAL_DIRECTOR', 'SECTOR_HEAD', 'UNIT_LEADER', 'UNKNOWN')), CONSTRAINT "CHK_agreement_status" CHECK ("status" IN ('DRAFT', 'NEGOTIATING', 'ACTIVE', 'NOTICE_GIVEN', 'DISPUTED', 'ENDED')), CONSTRAINT "PK_e7537188219eeef56233a609753" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_agreement_centre" ON "agreement"  ("centre_id")`);
    await q.query(`CREATE INDEX "IDX_agreement_supersedes" ON "agreement"  ("supersedes_id")`);
    await q.query(
      `CREATE TABLE "agreement_party" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agreement_id" uuid NOT NULL, "kommunenummer" character varying(4) NOT NULL, "role" text NOT NULL, "joined_on" date, "left_on" date, "source_url" text, "source_as_of" text, "note" text, "is_example" boolean NOT NULL DEFAULT false, "seed_key" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_fe0774603f976a1c12572ceea43" UNIQUE ("seed_key"), CONSTRAINT "CHK_agreement_party_dates" CHECK ("left_on" IS NULL OR "joined_on" IS NULL OR "left_on" >= "joined_on"), CONSTRAINT "CHK_agreement_party_role" CHECK ("role" IN ('host', 'partner')), CONSTRAINT "PK_cae1b7353a913e2f9a7188d3294" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_agreement_party_agreement" ON "agreement_party"  ("agreement_id")`);
    await q.query(`CREATE INDEX "IDX_agreement_party_municipality" ON "agreement_party"  ("kommunenummer")`);
    await q.query(
      `CREATE TABLE "agency" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kommunenummer" character varying(4) NOT NULL, "kind" text NOT NULL, "name" text NOT NULL, "written_agreement" boolean NOT NULL DEFAULT false, "written_agreement_date" date, "note" text, "is_example" boolean NOT NULL DEFAULT false, "seed_key" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_03a7b36ed9b7ac40c77f9130a1d" UNIQUE ("seed_key"), CONSTRAINT "CHK_agency_kind" CHECK ("kind" IN ('NAV', 'BARNEVERN', 'POLICE', 'POLICE_FAMILY_VIOLENCE_COORDINATOR', 'GP_EMERGENCY_CLINIC', 'ASSAULT_CENTRE', 'HEALTH_STATION_SCHOOL_HEALTH', 'MENTAL_HEALTH_SUBSTANCE_USE', 'DPS_BUP', 'HOUSING_OFFICE', 'FAMILY_COUNSELLING', 'SCHOOL', 'KINDERGARTEN', 'INTERPRETER_SERVICE', 'REFUGEE_SERVICE', 'VIOLENCE_COORDINATOR', 'SLT', 'VOLUNTARY_ORGANISATION', 'OTHER')), CONSTRAINT "PK_ab1244724d1c216e9720635a2e5" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_agency_municipality_kind" ON "agency"  ("kommunenummer", "kind")`);
    await q.query(
      `CREATE TABLE "contact_person" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agency_id" uuid NOT NULL, "name" text NOT NULL, "title" text, "phone" text, "email" text, "is_contact_point" boolean NOT NULL DEFAULT false, "verified_at" TIMESTAMP WITH TIME ZONE, "verified_by" text, "active" boolean NOT NULL DEFAULT true, "is_example" boolean NOT NULL DEFAULT false, "seed_key" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_28d85e97ed2065576619e1a61a8" UNIQUE ("seed_key"), CONSTRAINT "PK_12d9c34f76290c4e2ad2aa5e33f" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_contact_person_agency" ON "contact_person"  ("agency_id")`);
    await q.query(
      `CREATE TABLE "handover_routine" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "centre_id" uuid NOT NULL, "kommunenummer" character varying(4) NOT NULL, "status" text NOT NULL DEFAULT 'DRAFT', "adopted_on" date, "last_reviewed_on" date, "review_due_on" date, "note" text, "is_example" boolean NOT NULL DEFAULT false, "seed_key" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_111172b72fb584905a99da05668" UNIQUE ("seed_key"), CONSTRAINT "CHK_handover_routine_status" CHECK ("status" IN ('MISSING', 'DRAFT', 'ADOPTED')), CONSTRAINT "PK_7f99e39df5bd926c5abefa8ac6c" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_handover_routine_municipality" ON "handover_routine"  ("kommunenummer")`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_handover_routine_centre_municipality" ON "handover_routine"  ("centre_id", "kommunenummer")`,
    );
    await q.query(
      `CREATE TABLE "routine_step" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "routine_id" uuid NOT NULL, "position" integer NOT NULL, "kind" text NOT NULL, "title" text NOT NULL, "description" text, "responsible_agency_kind" text, "timing" text NOT NULL, "contact_id" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_routine_step_position" CHECK ("position" >= 0), CONSTRAINT "CHK_routine_step_agency_kind" CHECK ("responsible_agency_kind" IS NULL OR "responsible_agency_kind" IN ('NAV', 'BARNEVERN', 'POLICE', 'POLICE_FAMILY_VIOLENCE_COORDINATOR', 'GP_EMERGENCY_CLINIC', 'ASSAULT_CENTRE', 'HEALTH_STATION_SCHOOL_HEALTH', 'MENTAL_HEALTH_SUBSTANCE_USE', 'DPS_BUP', 'HOUSING_OFFICE', 'FAMILY_COUNSELLING', 'SCHOOL', 'KINDERGARTEN', 'INTERPRETER_SERVICE', 'REFUGEE_SERVICE', 'VIOLENCE_COORDINATOR', 'SLT', 'VOLUNTARY_ORGANISATION', 'OTHER')), CONSTRAINT "CHK_routine_step_timing" CHECK ("timing" IN ('ON_ARRIVAL', 'DURING_STAY', 'BEFORE_MOVING_OUT', 'AFTER_STAY')), CONSTRAINT "CHK_routine_step_kind" CHECK ("kind" IN ('MAP_NEEDS', 'THREAT_ASSESSMENT_SAFETY_PLAN', 'NAV', 'BARNEVERN_MEETING', 'HOUSING', 'SCHOOL_KINDERGARTEN_TRANSFER', 'ADDRESS_PROTECTION', 'LEGAL_AID', 'APPOINT_COORDINATOR', 'INDIVIDUAL_PLAN', 'RESPONSIBILITY_GROUP', 'MEETING_BEFORE_MOVING_OUT', 'CONTINUED_TALKS', 'GRADUAL_WITHDRAWAL', 'OTHER')), CONSTRAINT "PK_ee3e66d7fea2f4b95ee017208eb" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_routine_step_routine" ON "routine_step"  ("routine_id")`);
    await q.query(`CREATE INDEX "IDX_routine_step_contact" ON "routine_step"  ("contact_id")`);
    await q.query(
      `CREATE TABLE "seed_state" ("key" text NOT NULL, "applied_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1b35435c069671bc1126ae624f8" PRIMARY KEY ("key"))`,
    );
    await q.query(`ALTER TABLE "crisis_centre" ADD "organisation_form" text NOT NULL DEFAULT 'UNKNOWN'`);
    await q.query(`ALTER TABLE "crisis_centre" ADD "services" text array`);
    await q.query(`ALTER TABLE "crisis_centre" ADD "capabilities" text array`);
    await q.query(`ALTER TABLE "crisis_centre" ADD "capacity_rooms" integer`);
    await q.query(`ALTER TABLE "crisis_centre" ADD "example_fields" text array NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE "crisis_centre" ADD "seed_key" text`);
    await q.query(`ALTER TABLE "crisis_centre" ADD CONSTRAINT "UQ_6b37278714e17d2d6b17366fcd3" UNIQUE ("seed_key")`);
    await q.query(`ALTER TABLE "crisis_centre" ADD "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`);
    await q.query(`ALTER TABLE "crisis_centre" ADD "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`);
    await q.query(
      `ALTER TABLE "crisis_centre" ADD CONSTRAINT "CHK_crisis_centre_capacity" CHECK ("capacity_rooms" IS NULL OR "capacity_rooms" >= 0)`,
    );
    await q.query(
      `ALTER TABLE "crisis_centre" ADD CONSTRAINT "CHK_crisis_centre_capabilities" CHECK ("capabilities" IS NULL OR "capabilities" <@ ARRAY['MEN_SEPARATE', 'CHILDREN', 'DISABILITY_ACCESS', 'SUBSTANCE_USE', 'SAMI_LANGUAGE', 'INTERPRETER']::text[])`,
    );
    await q.query(
      `ALTER TABLE "crisis_centre" ADD CONSTRAINT "CHK_crisis_centre_services" CHECK ("services" IS NULL OR "services" <@ ARRAY['SHELTER', 'DAY_SERVICE', 'PHONE_SERVICE', 'FOLLOW_UP']::text[])`,
    );
    await q.query(
      `ALTER TABLE "crisis_centre" ADD CONSTRAINT "CHK_crisis_centre_organisation_form" CHECK ("organisation_form" IN ('HOST_ADMINISTRATIVE', 'HOST_JOINT_BOARD', 'TASK_COMMUNITY', 'IKS', 'FOUNDATION', 'PRIVATE_OR_VOLUNTARY', 'OWN_MUNICIPAL_UNIT', 'UNKNOWN'))`,
    );
    await q.query(
      `ALTER TABLE "agreement" ADD CONSTRAINT "FK_agreement_centre" FOREIGN KEY ("centre_id") REFERENCES "crisis_centre"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "agreement" ADD CONSTRAINT "FK_agreement_supersedes" FOREIGN KEY ("supersedes_id") REFERENCES "agreement"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "agreement_party" ADD CONSTRAINT "FK_agreement_party_agreement" FOREIGN KEY ("agreement_id") REFERENCES "agreement"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "agreement_party" ADD CONSTRAINT "FK_agreement_party_municipality" FOREIGN KEY ("kommunenummer") REFERENCES "municipality"("kommunenummer") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "agency" ADD CONSTRAINT "FK_agency_municipality" FOREIGN KEY ("kommunenummer") REFERENCES "municipality"("kommunenummer") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "contact_person" ADD CONSTRAINT "FK_contact_person_agency" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "handover_routine" ADD CONSTRAINT "FK_handover_routine_centre" FOREIGN KEY ("centre_id") REFERENCES "crisis_centre"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "handover_routine" ADD CONSTRAINT "FK_handover_routine_municipality" FOREIGN KEY ("kommunenummer") REFERENCES "municipality"("kommunenummer") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "routine_step" ADD CONSTRAINT "FK_routine_step_routine" FOREIGN KEY ("routine_id") REFERENCES "handover_routine"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "routine_step" ADD CONSTRAINT "FK_routine_step_contact" FOREIGN KEY ("contact_id") REFERENCES "contact_person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    // Data: each centre's documented memberships become the parties of one agreement per centre.
    // The agreement is real (the sources document the cooperation); its terms are not known yet.
    await q.query(`INSERT INTO "agreement" ("centre_id", "title", "status", "legal_basis", "source_url", "source_as_of", "seed_key")
      SELECT c."id", 'Samarbeidsavtale om krisesentertilbud – ' || c."name", 'ACTIVE', c."cooperation_form", c."source_url", c."source_as_of", 'agreement:' || c."name"
      FROM "crisis_centre" c`);
    await q.query(`INSERT INTO "agreement_party" ("agreement_id", "kommunenummer", "role", "joined_on", "source_url", "source_as_of", "note", "is_example", "seed_key")
      SELECT a."id", cm."kommunenummer", cm."role", cm."joined_on", cm."source_url", cm."source_as_of", cm."note", cm."is_example",
             'party:' || c."name" || ':' || cm."kommunenummer" || ':' || cm."role"
      FROM "centre_membership" cm JOIN "crisis_centre" c ON c."id" = cm."centre_id" JOIN "agreement" a ON a."centre_id" = c."id"`);
    await q.query(`UPDATE "crisis_centre" SET "seed_key" = 'centre:' || "name"`);
    await q.query(`DROP TABLE "centre_membership"`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "centre_membership" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "centre_id" uuid NOT NULL, "kommunenummer" character varying(4) NOT NULL, "role" text NOT NULL, "cooperation_form" text, "joined_on" date, "source_url" text NOT NULL, "source_as_of" text NOT NULL, "note" text, "is_example" boolean NOT NULL DEFAULT false, CONSTRAINT "CHK_centre_membership_role" CHECK ("role" IN ('host', 'partner')), CONSTRAINT "PK_075f80ef32e528ba9fc7772a484" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_centre_membership_municipality" ON "centre_membership"  ("kommunenummer")`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_centre_membership" ON "centre_membership"  ("centre_id", "kommunenummer", "role")`,
    );
    await q.query(
      `ALTER TABLE "centre_membership" ADD CONSTRAINT "FK_centre_membership_centre" FOREIGN KEY ("centre_id") REFERENCES "crisis_centre"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "centre_membership" ADD CONSTRAINT "FK_centre_membership_municipality" FOREIGN KEY ("kommunenummer") REFERENCES "municipality"("kommunenummer") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(`INSERT INTO "centre_membership" ("centre_id", "kommunenummer", "role", "cooperation_form", "joined_on", "source_url", "source_as_of", "note", "is_example")
      SELECT DISTINCT ON (a."centre_id", p."kommunenummer", p."role") a."centre_id", p."kommunenummer", p."role", a."legal_basis", p."joined_on",
             coalesce(p."source_url", ''), coalesce(p."source_as_of", ''), p."note", p."is_example"
      FROM "agreement_party" p JOIN "agreement" a ON a."id" = p."agreement_id"
      ORDER BY a."centre_id", p."kommunenummer", p."role", p."joined_on" DESC NULLS LAST`);
    await q.query(`ALTER TABLE "routine_step" DROP CONSTRAINT "FK_routine_step_contact"`);
    await q.query(`ALTER TABLE "routine_step" DROP CONSTRAINT "FK_routine_step_routine"`);
    await q.query(`ALTER TABLE "handover_routine" DROP CONSTRAINT "FK_handover_routine_municipality"`);
    await q.query(`ALTER TABLE "handover_routine" DROP CONSTRAINT "FK_handover_routine_centre"`);
    await q.query(`ALTER TABLE "contact_person" DROP CONSTRAINT "FK_contact_person_agency"`);
    await q.query(`ALTER TABLE "agency" DROP CONSTRAINT "FK_agency_municipality"`);
    await q.query(`ALTER TABLE "agreement_party" DROP CONSTRAINT "FK_agreement_party_municipality"`);
    await q.query(`ALTER TABLE "agreement_party" DROP CONSTRAINT "FK_agreement_party_agreement"`);
    await q.query(`ALTER TABLE "agreement" DROP CONSTRAINT "FK_agreement_supersedes"`);
    await q.query(`ALTER TABLE "agreement" DROP CONSTRAINT "FK_agreement_centre"`);
    await q.query(`ALTER TABLE "crisis_centre" DROP CONSTRAINT "CHK_crisis_centre_organisation_form"`);
    await q.query(`ALTER TABLE "crisis_centre" DROP CONSTRAINT "CHK_crisis_centre_services"`);
    await q.query(`ALTER TABLE "crisis_centre" DROP CONSTRAINT "CHK_crisis_centre_capabilities"`);
    await q.query(`ALTER TABLE "crisis_centre" DROP CONSTRAINT "CHK_crisis_centre_capacity"`);
    await q.query(`ALTER TABLE "crisis_centre" DROP COLUMN "updated_at"`);
    await q.query(`ALTER TABLE "crisis_centre" DROP COLUMN "created_at"`);
    await q.query(`ALTER TABLE "crisis_centre" DROP CONSTRAINT "UQ_6b37278714e17d2d6b17366fcd3"`);
    await q.query(`ALTER TABLE "crisis_centre" DROP COLUMN "seed_key"`);
    await q.query(`ALTER TABLE "crisis_centre" DROP COLUMN "example_fields"`);
    await q.query(`ALTER TABLE "crisis_centre" DROP COLUMN "capacity_rooms"`);
    await q.query(`ALTER TABLE "crisis_centre" DROP COLUMN "capabilities"`);
    await q.query(`ALTER TABLE "crisis_centre" DROP COLUMN "services"`);
    await q.query(`ALTER TABLE "crisis_centre" DROP COLUMN "organisation_form"`);
    await q.query(`DROP TABLE "seed_state"`);
    await q.query(`DROP INDEX "public"."IDX_routine_step_contact"`);
    await q.query(`DROP INDEX "public"."IDX_routine_step_routine"`);
    await q.query(`DROP TABLE "routine_step"`);
    await q.query(`DROP INDEX "public"."UQ_handover_routine_centre_municipality"`);
    await q.query(`DROP INDEX "public"."IDX_handover_routine_municipality"`);
    await q.query(`DROP TABLE "handover_routine"`);
    await q.query(`DROP INDEX "public"."IDX_contact_person_agency"`);
    await q.query(`DROP TABLE "contact_person"`);
    await q.query(`DROP INDEX "public"."IDX_agency_municipality_kind"`);
    await q.query(`DROP TABLE "agency"`);
    await q.query(`DROP INDEX "public"."IDX_agreement_party_municipality"`);
    await q.query(`DROP INDEX "public"."IDX_agreement_party_agreement"`);
    await q.query(`DROP TABLE "agreement_party"`);
    await q.query(`DROP INDEX "public"."IDX_agreement_supersedes"`);
    await q.query(`DROP INDEX "public"."IDX_agreement_centre"`);
    await q.query(`DROP TABLE "agreement"`);
  }
}
