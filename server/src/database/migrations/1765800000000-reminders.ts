import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminders (issue 17): one row per reminder, horizon and recipient that has been mailed (the
 * primary key is the claim that makes two server processes send it once), and each user's
 * calendar feed (only the hash of its secret is kept; deleting the row revokes the URL).
 */
export class Reminders1765800000000 implements MigrationInterface {
  name = 'Reminders1765800000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "reminder_dispatch" ("user_id" uuid NOT NULL, "reminder_key" text NOT NULL, "horizon" integer NOT NULL, "claimed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_reminder_dispatch" PRIMARY KEY ("user_id", "reminder_key", "horizon"), CONSTRAINT "CHK_reminder_dispatch_horizon" CHECK ("horizon" IN (0, 30, 90, 180)))`,
    );
    await q.query(
      `ALTER TABLE "reminder_dispatch" ADD CONSTRAINT "FK_reminder_dispatch_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `CREATE TABLE "calendar_feed" ("user_id" uuid NOT NULL, "token_hash" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_calendar_feed" PRIMARY KEY ("user_id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "UQ_calendar_feed_token" ON "calendar_feed" ("token_hash")`);
    await q.query(
      `ALTER TABLE "calendar_feed" ADD CONSTRAINT "FK_calendar_feed_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "calendar_feed"`);
    await q.query(`DROP TABLE "reminder_dispatch"`);
  }
}
