import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * People and sign-in (issue 20): invitations (one-time links with an expiry), password-reset links,
 * the second sign-in step (authenticator codes, TOTP), the OpenID Connect issuer beside the subject,
 * a version on users for conflict-safe edits, and sessions named by an id with device and last use.
 * Generated from the entities, then reviewed.
 */
export class UsersSignIn1765300000000 implements MigrationInterface {
  name = 'UsersSignIn1765300000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "user_invitation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "name" text NOT NULL, "role" text NOT NULL, "kommunenummer" character varying(4), "centre_id" uuid, "token_hash" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "invited_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "accepted_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "CHK_user_invitation_role" CHECK ("role" IN ('ADMIN', 'DIRECTOR', 'FINANCE', 'CENTRE_LEADER', 'READ_ONLY')), CONSTRAINT "PK_41026b90b70299ac5dc0183351a" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "UQ_user_invitation_token" ON "user_invitation" ("token_hash")`);
    await q.query(`CREATE INDEX "IDX_user_invitation_email" ON "user_invitation" ("email")`);
    await q.query(
      `CREATE TABLE "password_reset" ("token_hash" text NOT NULL, "user_id" uuid NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0309de62e0cb0960ebb2cb65c95" PRIMARY KEY ("token_hash"))`,
    );
    await q.query(`CREATE INDEX "IDX_password_reset_user" ON "password_reset" ("user_id")`);
    await q.query(
      `CREATE TABLE "login_challenge" ("token_hash" text NOT NULL, "user_id" uuid NOT NULL, "pending_secret" text, "method" text NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_00b5c9df84ded1853aa50c96265" PRIMARY KEY ("token_hash"))`,
    );
    await q.query(`CREATE INDEX "IDX_login_challenge_user" ON "login_challenge" ("user_id")`);
    await q.query(`ALTER TABLE "app_user" ADD "external_issuer" text`);
    await q.query(`ALTER TABLE "app_user" ADD "totp_secret" text`);
    await q.query(`ALTER TABLE "app_user" ADD "totp_last_step" bigint`);
    await q.query(`ALTER TABLE "app_user" ADD "totp_pending_secret" text`);
    await q.query(`ALTER TABLE "app_user" ADD "invited_by" uuid`);
    await q.query(`ALTER TABLE "app_user" ADD "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`);
    await q.query(`ALTER TABLE "app_user" ADD "version" integer NOT NULL DEFAULT '1'`);
    await q.query(`ALTER TABLE "user_session" ADD "id" uuid NOT NULL DEFAULT gen_random_uuid()`);
    await q.query(`ALTER TABLE "user_session" ADD "user_agent" text`);
    await q.query(`ALTER TABLE "user_session" ADD "method" text NOT NULL DEFAULT 'PASSWORD'`);
    await q.query(`ALTER TABLE "user_session" ADD "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_app_user_external" ON "app_user" ("external_issuer", "external_subject") WHERE "external_subject" IS NOT NULL`,
    );
    await q.query(`CREATE UNIQUE INDEX "UQ_user_session_id" ON "user_session" ("id")`);
    await q.query(
      `ALTER TABLE "user_invitation" ADD CONSTRAINT "FK_user_invitation_municipality" FOREIGN KEY ("kommunenummer") REFERENCES "municipality"("kommunenummer") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "user_invitation" ADD CONSTRAINT "FK_user_invitation_centre" FOREIGN KEY ("centre_id") REFERENCES "crisis_centre"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "user_invitation" ADD CONSTRAINT "FK_user_invitation_invited_by" FOREIGN KEY ("invited_by") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "password_reset" ADD CONSTRAINT "FK_password_reset_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "login_challenge" ADD CONSTRAINT "FK_login_challenge_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "login_challenge" DROP CONSTRAINT "FK_login_challenge_user"`);
    await q.query(`ALTER TABLE "password_reset" DROP CONSTRAINT "FK_password_reset_user"`);
    await q.query(`ALTER TABLE "user_invitation" DROP CONSTRAINT "FK_user_invitation_invited_by"`);
    await q.query(`ALTER TABLE "user_invitation" DROP CONSTRAINT "FK_user_invitation_centre"`);
    await q.query(`ALTER TABLE "user_invitation" DROP CONSTRAINT "FK_user_invitation_municipality"`);
    await q.query(`DROP INDEX "public"."UQ_user_session_id"`);
    await q.query(`DROP INDEX "public"."UQ_app_user_external"`);
    await q.query(`ALTER TABLE "user_session" DROP COLUMN "last_seen_at"`);
    await q.query(`ALTER TABLE "user_session" DROP COLUMN "method"`);
    await q.query(`ALTER TABLE "user_session" DROP COLUMN "user_agent"`);
    await q.query(`ALTER TABLE "user_session" DROP COLUMN "id"`);
    await q.query(`ALTER TABLE "app_user" DROP COLUMN "version"`);
    await q.query(`ALTER TABLE "app_user" DROP COLUMN "updated_at"`);
    await q.query(`ALTER TABLE "app_user" DROP COLUMN "invited_by"`);
    await q.query(`ALTER TABLE "app_user" DROP COLUMN "totp_pending_secret"`);
    await q.query(`ALTER TABLE "app_user" DROP COLUMN "totp_last_step"`);
    await q.query(`ALTER TABLE "app_user" DROP COLUMN "totp_secret"`);
    await q.query(`ALTER TABLE "app_user" DROP COLUMN "external_issuer"`);
    await q.query(`DROP INDEX "public"."IDX_login_challenge_user"`);
    await q.query(`DROP TABLE "login_challenge"`);
    await q.query(`DROP INDEX "public"."IDX_password_reset_user"`);
    await q.query(`DROP TABLE "password_reset"`);
    await q.query(`DROP INDEX "public"."IDX_user_invitation_email"`);
    await q.query(`DROP INDEX "public"."UQ_user_invitation_token"`);
    await q.query(`DROP TABLE "user_invitation"`);
  }
}
