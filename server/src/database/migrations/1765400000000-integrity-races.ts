import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rules that must hold under concurrency are held by the database (issue 19):
 * - a crisis centre's name is unique regardless of case (lower(name));
 * - one contact point per municipality: contact_person carries its agency's municipality (kept by a
 *   trigger) and a partial unique index over the contact points;
 * - one routine per centre and municipality was already a unique index.
 * Existing data that breaks a rule is made safe first: a later centre whose name differs only in case
 * gets a suffix with part of its id; of several contact points in a municipality the one changed last
 * keeps the mark. Real records already seeded are written in the seed ledger (seed_state, 'ref:' keys),
 * so that a later start never re-creates one that a user deletes; so is a real centre's agreement that
 * a user deleted before this migration.
 */
export class IntegrityRaces1765400000000 implements MigrationInterface {
  name = 'IntegrityRaces1765400000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      UPDATE crisis_centre c SET name = c.name || ' (' || left(c.id::text, 8) || ')', version = c.version + 1
      FROM (SELECT id, row_number() OVER (PARTITION BY lower(name) ORDER BY created_at, id) AS n FROM crisis_centre) d
      WHERE d.id = c.id AND d.n > 1`);
    await q.query(`DROP INDEX "public"."UQ_crisis_centre_name"`);
    await q.query(`CREATE UNIQUE INDEX "UQ_crisis_centre_name_ci" ON "crisis_centre" (lower("name"))`);

    await q.query(`ALTER TABLE "contact_person" ADD "kommunenummer" character varying(4)`);
    await q.query(`UPDATE contact_person c SET kommunenummer = a.kommunenummer FROM agency a WHERE a.id = c.agency_id`);
    await q.query(`ALTER TABLE "contact_person" ALTER COLUMN "kommunenummer" SET NOT NULL`);
    await q.query(`
      CREATE FUNCTION contact_person_municipality() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.kommunenummer := (SELECT kommunenummer FROM agency WHERE id = NEW.agency_id);
        RETURN NEW;
      END $$`);
    await q.query(
      `CREATE TRIGGER contact_person_municipality BEFORE INSERT OR UPDATE ON contact_person FOR EACH ROW EXECUTE FUNCTION contact_person_municipality()`,
    );
    await q.query(`
      UPDATE contact_person c SET is_contact_point = false, version = c.version + 1, updated_at = now()
      FROM (SELECT id, row_number() OVER (PARTITION BY kommunenummer ORDER BY updated_at DESC, id) AS n FROM contact_person WHERE is_contact_point) d
      WHERE d.id = c.id AND d.n > 1`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_contact_person_contact_point" ON "contact_person" ("kommunenummer") WHERE "is_contact_point"`,
    );

    await q.query(`
      INSERT INTO seed_state (key)
      SELECT 'ref:' || seed_key FROM crisis_centre WHERE seed_key IS NOT NULL
      UNION SELECT 'ref:' || seed_key FROM agreement WHERE seed_key IS NOT NULL AND seed_key NOT LIKE '%:2011'
      UNION SELECT 'ref:' || seed_key FROM agreement_party WHERE seed_key IS NOT NULL
      ON CONFLICT (key) DO NOTHING`);
    // A real centre's agreement is seeded with the centre: where it is missing, a user deleted it.
    await q.query(`
      INSERT INTO seed_state (key)
      SELECT 'ref:agreement:' || substr(c.seed_key, length('centre:') + 1) FROM crisis_centre c
      WHERE c.seed_key LIKE 'centre:%' AND NOT EXISTS (SELECT 1 FROM agreement a WHERE a.seed_key = 'agreement:' || substr(c.seed_key, length('centre:') + 1))
      ON CONFLICT (key) DO NOTHING`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM seed_state WHERE key LIKE 'ref:%'`);
    await q.query(`DROP INDEX "public"."UQ_contact_person_contact_point"`);
    await q.query(`DROP TRIGGER contact_person_municipality ON contact_person`);
    await q.query(`DROP FUNCTION contact_person_municipality()`);
    await q.query(`ALTER TABLE "contact_person" DROP COLUMN "kommunenummer"`);
    await q.query(`DROP INDEX "public"."UQ_crisis_centre_name_ci"`);
    await q.query(`CREATE UNIQUE INDEX "UQ_crisis_centre_name" ON "crisis_centre" ("name")`);
  }
}
