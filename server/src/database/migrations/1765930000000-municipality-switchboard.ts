import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The municipality's switchboard (sentralbord) for the «Flytter til X» page (issue 14). No source in
 * data/ lists switchboard numbers, so none are seeded: the municipality's own users enter it, and
 * the source says where it comes from (a URL, or who registered it and when).
 */
export class MunicipalitySwitchboard1765930000000 implements MigrationInterface {
  name = 'MunicipalitySwitchboard1765930000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "municipality" ADD "switchboard_phone" text`);
    await q.query(`ALTER TABLE "municipality" ADD "switchboard_source" text`);
    await q.query(
      `ALTER TABLE "municipality" ADD CONSTRAINT "CHK_municipality_switchboard_source" CHECK ("switchboard_phone" IS NULL OR "switchboard_source" IS NOT NULL)`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "municipality" DROP CONSTRAINT "CHK_municipality_switchboard_source"`);
    await q.query(`ALTER TABLE "municipality" DROP COLUMN "switchboard_source"`);
    await q.query(`ALTER TABLE "municipality" DROP COLUMN "switchboard_phone"`);
  }
}
