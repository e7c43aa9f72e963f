import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tables whose changes do not change any answer a cache may keep (sessions, sign-in bookkeeping,
 * the audit trail, mail claims). Every other table bumps the data version. A new table is covered
 * by adding the trigger in its migration (data-version.integration-spec checks that none is missed).
 */
export const UNVERSIONED_TABLES = [
  'migrations',
  'data_version',
  'user_session',
  'audit_log',
  'login_attempt',
  'login_challenge',
  'password_reset',
  'user_invitation',
  'reminder_dispatch',
  'calendar_feed',
] as const;

/** The trigger that bumps the data version, for the migrations of new tables. */
export const versionTriggerSql = (table: string) => [
  `CREATE CONSTRAINT TRIGGER "data_version_bump" AFTER INSERT OR UPDATE OR DELETE ON "${table}" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_version()`,
  `CREATE TRIGGER "data_version_truncate" AFTER TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()`,
];

/**
 * Issue 15: a data version every committed write bumps, so that answers can be cached per version
 * (server/src/app/data-version.ts). The row is updated at commit (deferred trigger, once per
 * transaction), so it is visible exactly when the write is, and its lock is held only during the
 * commit; NOTIFY tells the other server processes at the same moment.
 */
export class DataVersion1765920000000 implements MigrationInterface {
  name = 'DataVersion1765920000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "data_version" ("id" boolean PRIMARY KEY DEFAULT true CHECK ("id"), "version" bigint NOT NULL, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now())`,
    );
    await q.query(`INSERT INTO "data_version" ("version") VALUES (1)`);
    await q.query(`CREATE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE v bigint;
      BEGIN
        IF current_setting('samordna.data_version_bumped', true) IS DISTINCT FROM txid_current()::text THEN
          PERFORM set_config('samordna.data_version_bumped', txid_current()::text, true);
          UPDATE data_version SET version = version + 1, changed_at = now() RETURNING version INTO v;
          PERFORM pg_notify('samordna_data_version', v::text);
        END IF;
        RETURN NULL;
      END $$`);
    const tables: { table_name: string }[] = await q.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND NOT (table_name = ANY($1)) ORDER BY table_name`,
      [[...UNVERSIONED_TABLES]],
    );
    for (const { table_name } of tables) for (const sql of versionTriggerSql(table_name)) await q.query(sql);
  }

  public async down(q: QueryRunner): Promise<void> {
    const tables: { table: string }[] = await q.query(
      `SELECT DISTINCT c.relname AS table FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname IN ('data_version_bump', 'data_version_truncate')`,
    );
    for (const { table } of tables) {
      await q.query(`DROP TRIGGER IF EXISTS "data_version_bump" ON "${table}"`);
      await q.query(`DROP TRIGGER IF EXISTS "data_version_truncate" ON "${table}"`);
    }
    await q.query(`DROP FUNCTION bump_data_version()`);
    await q.query(`DROP TABLE "data_version"`);
  }
}
