import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Users, roles with scopes, sessions, sign-in attempts (throttling), the audit trail, and a
 * version on agreements, parties, agencies, contacts, routines, budgets and centres for
 * conflict-safe editing. Generated from the entities, then reviewed.
 */
export class AccessAudit1763780000000 implements MigrationInterface {
  name = 'AccessAudit1763780000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "app_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "name" text NOT NULL, "password_hash" text, "external_subject" text, "active" boolean NOT NULL DEFAULT true, "is_example" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "UQ_app_user_email" ON "app_user"  ("email")`);
    await q.query(
      `CREATE TABLE "user_role" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "role" text NOT NULL, "kommunenummer" character varying(4), "centre_id" uuid, CONSTRAINT "CHK_user_role_role" CHECK ("role" IN ('ADMIN', 'DIRECTOR', 'FINANCE', 'CENTRE_LEADER', 'READ_ONLY')), CONSTRAINT "PK_fb2e442d14add3cefbdf33c4561" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_user_role_user" ON "user_role"  ("user_id")`);
    await q.query(
      `CREATE TABLE "user_session" ("token_hash" text NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_9ccf6d901cef4067214284f327e" PRIMARY KEY ("token_hash"))`,
    );
    await q.query(`CREATE INDEX "IDX_user_session_user" ON "user_session"  ("user_id")`);
    await q.query(
      `CREATE TABLE "login_attempt" ("id" BIGSERIAL NOT NULL, "email" text NOT NULL, "ip" text NOT NULL, "succeeded" boolean NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_72829cd4f7424e3cdfd46c476c0" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_login_attempt_ip_at" ON "login_attempt"  ("ip", "at")`);
    await q.query(`CREATE INDEX "IDX_login_attempt_email_at" ON "login_attempt"  ("email", "at")`);
    await q.query(
      `CREATE TABLE "audit_log" ("id" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" uuid, "user_label" text, "operation" text NOT NULL, "entity" text NOT NULL, "entity_id" text NOT NULL, "changes" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_audit_log_at" ON "audit_log"  ("at")`);
    await q.query(`CREATE INDEX "IDX_audit_log_entity" ON "audit_log"  ("entity", "entity_id")`);
    await q.query(`ALTER TABLE "crisis_centre" ADD "version" integer NOT NULL DEFAULT '1'`);
    await q.query(`ALTER TABLE "agreement_party" ADD "version" integer NOT NULL DEFAULT '1'`);
    await q.query(`ALTER TABLE "agreement" ADD "version" integer NOT NULL DEFAULT '1'`);
    await q.query(`ALTER TABLE "agency" ADD "version" integer NOT NULL DEFAULT '1'`);
    await q.query(`ALTER TABLE "contact_person" ADD "version" integer NOT NULL DEFAULT '1'`);
    await q.query(`ALTER TABLE "handover_routine" ADD "version" integer NOT NULL DEFAULT '1'`);
    await q.query(`ALTER TABLE "centre_budget" ADD "version" integer NOT NULL DEFAULT '1'`);
    await q.query(
      `ALTER TABLE "user_role" ADD CONSTRAINT "FK_user_role_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "user_session" ADD CONSTRAINT "FK_user_session_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "user_session" DROP CONSTRAINT "FK_user_session_user"`);
    await q.query(`ALTER TABLE "user_role" DROP CONSTRAINT "FK_user_role_user"`);
    await q.query(`ALTER TABLE "centre_budget" DROP COLUMN "version"`);
    await q.query(`ALTER TABLE "handover_routine" DROP COLUMN "version"`);
    await q.query(`ALTER TABLE "contact_person" DROP COLUMN "version"`);
    await q.query(`ALTER TABLE "agency" DROP COLUMN "version"`);
    await q.query(`ALTER TABLE "agreement" DROP COLUMN "version"`);
    await q.query(`ALTER TABLE "agreement_party" DROP COLUMN "version"`);
    await q.query(`ALTER TABLE "crisis_centre" DROP COLUMN "version"`);
    await q.query(`DROP INDEX "public"."IDX_audit_log_entity"`);
    await q.query(`DROP INDEX "public"."IDX_audit_log_at"`);
    await q.query(`DROP TABLE "audit_log"`);
    await q.query(`DROP INDEX "public"."IDX_login_attempt_email_at"`);
    await q.query(`DROP INDEX "public"."IDX_login_attempt_ip_at"`);
    await q.query(`DROP TABLE "login_attempt"`);
    await q.query(`DROP INDEX "public"."IDX_user_session_user"`);
    await q.query(`DROP TABLE "user_session"`);
    await q.query(`DROP INDEX "public"."IDX_user_role_user"`);
    await q.query(`DROP TABLE "user_role"`);
    await q.query(`DROP INDEX "public"."UQ_app_user_email"`);
    await q.query(`DROP TABLE "app_user"`);
  }
}
