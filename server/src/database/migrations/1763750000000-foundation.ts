import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Counties, municipalities, population by year, crisis centres and their documented
 * memberships. Generated from the entities with TypeORM's schema builder, then reviewed.
 */
export class Foundation1763750000000 implements MigrationInterface {
  name = 'Foundation1763750000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "county" ("number" character varying(2) NOT NULL, "name" text NOT NULL, CONSTRAINT "CHK_county_number" CHECK ("number" ~ '^[0-9]{2}$'), CONSTRAINT "PK_798e8c2eff5cd231fea5688339d" PRIMARY KEY ("number"))`,
    );
    await q.query(
      `CREATE TABLE "municipality" ("kommunenummer" character varying(4) NOT NULL, "name" text NOT NULL, "sami_name" text, "county_number" character varying(2) NOT NULL, "area_km2" double precision, "admin_centre" text, "language_form" text, "lat" double precision, "lon" double precision, "point_method" text, CONSTRAINT "CHK_municipality_kommunenummer" CHECK ("kommunenummer" ~ '^[0-9]{4}$' AND left("kommunenummer", 2) = "county_number"), CONSTRAINT "PK_2c80f5cddf709ff5bd1bd504523" PRIMARY KEY ("kommunenummer"))`,
    );
    await q.query(`CREATE INDEX "IDX_municipality_county" ON "municipality"  ("county_number")`);
    await q.query(
      `CREATE TABLE "municipality_population" ("kommunenummer" character varying(4) NOT NULL, "year" integer NOT NULL, "population" integer NOT NULL, "source" text NOT NULL, CONSTRAINT "CHK_population_nonnegative" CHECK ("population" >= 0), CONSTRAINT "CHK_population_year" CHECK ("year" BETWEEN 1900 AND 2200), CONSTRAINT "PK_b3b06f6533b8cc36ec22afe6a7a" PRIMARY KEY ("kommunenummer", "year"))`,
    );
    await q.query(
      `CREATE TABLE "crisis_centre" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "host_kommunenummer" character varying(4) NOT NULL, "cooperation_form" text, "source_url" text, "source_as_of" text, "note" text, "is_example" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_f039e40e49d62d76d4f706e3752" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "UQ_crisis_centre_name" ON "crisis_centre"  ("name")`);
    await q.query(`CREATE INDEX "IDX_crisis_centre_host" ON "crisis_centre"  ("host_kommunenummer")`);
    await q.query(
      `CREATE TABLE "centre_membership" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "centre_id" uuid NOT NULL, "kommunenummer" character varying(4) NOT NULL, "role" text NOT NULL, "cooperation_form" text, "joined_on" date, "source_url" text NOT NULL, "source_as_of" text NOT NULL, "note" text, "is_example" boolean NOT NULL DEFAULT false, CONSTRAINT "CHK_centre_membership_role" CHECK ("role" IN ('host', 'partner')), CONSTRAINT "PK_075f80ef32e528ba9fc7772a484" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_centre_membership_municipality" ON "centre_membership"  ("kommunenummer")`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_centre_membership" ON "centre_membership"  ("centre_id", "kommunenummer", "role")`,
    );
    await q.query(
      `ALTER TABLE "municipality" ADD CONSTRAINT "FK_municipality_county" FOREIGN KEY ("county_number") REFERENCES "county"("number") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "municipality_population" ADD CONSTRAINT "FK_population_municipality" FOREIGN KEY ("kommunenummer") REFERENCES "municipality"("kommunenummer") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "crisis_centre" ADD CONSTRAINT "FK_crisis_centre_host" FOREIGN KEY ("host_kommunenummer") REFERENCES "municipality"("kommunenummer") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "centre_membership" ADD CONSTRAINT "FK_centre_membership_centre" FOREIGN KEY ("centre_id") REFERENCES "crisis_centre"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "centre_membership" ADD CONSTRAINT "FK_centre_membership_municipality" FOREIGN KEY ("kommunenummer") REFERENCES "municipality"("kommunenummer") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "centre_membership" DROP CONSTRAINT "FK_centre_membership_municipality"`);
    await q.query(`ALTER TABLE "centre_membership" DROP CONSTRAINT "FK_centre_membership_centre"`);
    await q.query(`ALTER TABLE "crisis_centre" DROP CONSTRAINT "FK_crisis_centre_host"`);
    await q.query(`ALTER TABLE "municipality_population" DROP CONSTRAINT "FK_population_municipality"`);
    await q.query(`ALTER TABLE "municipality" DROP CONSTRAINT "FK_municipality_county"`);
    await q.query(`DROP INDEX "public"."UQ_centre_membership"`);
    await q.query(`DROP INDEX "public"."IDX_centre_membership_municipality"`);
    await q.query(`DROP TABLE "centre_membership"`);
    await q.query(`DROP INDEX "public"."IDX_crisis_centre_host"`);
    await q.query(`DROP INDEX "public"."UQ_crisis_centre_name"`);
    await q.query(`DROP TABLE "crisis_centre"`);
    await q.query(`DROP TABLE "municipality_population"`);
    await q.query(`DROP INDEX "public"."IDX_municipality_county"`);
    await q.query(`DROP TABLE "municipality"`);
    await q.query(`DROP TABLE "county"`);
  }
}
