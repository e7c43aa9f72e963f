import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The language a user chose in the dashboard (issue 14): reminder e-mails go out in it. Null until
 * the user has been signed in with a language chosen; such users are mailed in bokmål.
 */
export class UserLanguage1765970000000 implements MigrationInterface {
  name = 'UserLanguage1765970000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "app_user" ADD "language" text`);
    await q.query(
      `ALTER TABLE "app_user" ADD CONSTRAINT "CHK_app_user_language" CHECK ("language" IS NULL OR "language" IN ('NB', 'EN'))`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "app_user" DROP CONSTRAINT "CHK_app_user_language"`);
    await q.query(`ALTER TABLE "app_user" DROP COLUMN "language"`);
  }
}
