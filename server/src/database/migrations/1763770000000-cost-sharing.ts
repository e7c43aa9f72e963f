import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cost sharing: cost terms on agreements, centre budgets per year, extra charges,
 * investments, KOSTRA reference figures and aggregated usage. Generated from the entities
 * with TypeORM's schema builder, then reviewed.
 */
export class CostSharing1763770000000 implements MigrationInterface {
  name = 'CostSharing1763770000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "centre_budget" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "centre_id" uuid NOT NULL, "year" integer NOT NULL, "operating_cost_ore" bigint NOT NULL, "state_funding_ore" bigint NOT NULL DEFAULT '0', "project_funding_ore" bigint NOT NULL DEFAULT '0', "note" text, "is_example" boolean NOT NULL DEFAULT false, "seed_key" text, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_1cc66f5ebcadd82ceaa9deb5ea1" UNIQUE ("seed_key"), CONSTRAINT "CHK_centre_budget_amounts" CHECK ("operating_cost_ore" >= 0 AND "state_funding_ore" >= 0 AND "project_funding_ore" >= 0), CONSTRAINT "PK_d4682669e53d49310838add6061" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "UQ_centre_budget_year" ON "centre_budget"  ("centre_id", "year")`);
    await q.query(
      `CREATE TABLE "extra_charge" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "centre_id" uuid NOT NULL, "year" integer NOT NULL, "kommunenummer" character varying(4) NOT NULL, "kind" text NOT NULL, "amount_ore" bigint NOT NULL, "paying_budget" text, "description" text, "is_example" boolean NOT NULL DEFAULT false, "seed_key" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_ea168078291e71182b38a8c5ed5" UNIQUE ("seed_key"), CONSTRAINT "CHK_extra_charge_amount" CHECK ("amount_ore" >= 0), CONSTRAINT "CHK_extra_charge_kind" CHECK ("kind" IN ('CHILD_TRANSPORT', 'FOOD', 'OTHER')), CONSTRAINT "PK_a2d3b94ec128a3ec4f0ca7c4d64" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_extra_charge_centre_year" ON "extra_charge"  ("centre_id", "year")`);
    await q.query(
      `CREATE TABLE "investment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "centre_id" uuid NOT NULL, "year" integer NOT NULL, "kind" text NOT NULL, "amount_ore" bigint NOT NULL, "paid_by_kommunenummer" character varying(4) NOT NULL, "shared" boolean NOT NULL DEFAULT false, "description" text, "is_example" boolean NOT NULL DEFAULT false, "seed_key" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_ffd73876c80e5b3ce92c4c72dfd" UNIQUE ("seed_key"), CONSTRAINT "CHK_investment_amount" CHECK ("amount_ore" >= 0), CONSTRAINT "CHK_investment_kind" CHECK ("kind" IN ('SECURITY', 'BUILDING', 'SERVICE_EXPANSION')), CONSTRAINT "PK_ad085a94bd56e031136925f681b" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_investment_centre_year" ON "investment"  ("centre_id", "year")`);
    await q.query(
      `CREATE TABLE "kostra_national_average" ("year" integer NOT NULL, "kr_per_inhabitant" double precision NOT NULL, "source" text NOT NULL, CONSTRAINT "PK_f234f9235ce03ef8786449cedd8" PRIMARY KEY ("year"))`,
    );
    await q.query(
      `CREATE TABLE "kostra_centre_figure" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "year" integer NOT NULL, "published_name" text NOT NULL, "centre_id" uuid, "kr_per_inhabitant" double precision, "overnight_days" integer, "source_url" text NOT NULL, CONSTRAINT "PK_c9c2eda8fb16e03b2f0dfb72843" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "IDX_kostra_centre_figure_centre" ON "kostra_centre_figure"  ("centre_id")`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_kostra_centre_figure" ON "kostra_centre_figure"  ("year", "published_name")`,
    );
    await q.query(
      `CREATE TABLE "usage_stat" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "centre_id" uuid NOT NULL, "kommunenummer" character varying(4) NOT NULL, "year" integer NOT NULL, "stays" integer NOT NULL DEFAULT '0', "nights" integer NOT NULL DEFAULT '0', "day_visits" integer NOT NULL DEFAULT '0', "phone_contacts" integer NOT NULL DEFAULT '0', "is_example" boolean NOT NULL DEFAULT false, "seed_key" text, CONSTRAINT "UQ_884c50acdde1e8be3307e289a09" UNIQUE ("seed_key"), CONSTRAINT "CHK_usage_stat_counts" CHECK ("stays" >= 0 AND "nights" >= 0 AND "day_visits" >= 0 AND "phone_contacts" >= 0), CONSTRAINT "PK_0929c29aea0cf30c23deee1d9e8" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "UQ_usage_stat" ON "usage_stat"  ("centre_id", "kommunenummer", "year")`);
    await q.query(`ALTER TABLE "agreement" ADD "cost_model" text`);
    await q.query(`ALTER TABLE "agreement" ADD "cost_params" jsonb NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE "agreement" ADD "population_reference" text NOT NULL DEFAULT 'PREVIOUS_YEAR'`);
    await q.query(
      `ALTER TABLE "agreement" ADD CONSTRAINT "CHK_agreement_population_reference" CHECK ("population_reference" IN ('SAME_YEAR', 'PREVIOUS_YEAR'))`,
    );
    await q.query(
      `ALTER TABLE "agreement" ADD CONSTRAINT "CHK_agreement_cost_model" CHECK ("cost_model" IS NULL OR "cost_model" IN ('PER_INHABITANT_HOST_RESIDUAL', 'HOST_EXCEPTION', 'BASE_PLUS_PER_INHABITANT', 'FIXED_SHARES', 'LUMP_SUMS', 'USAGE_ADJUSTED'))`,
    );
    await q.query(
      `ALTER TABLE "centre_budget" ADD CONSTRAINT "FK_centre_budget_centre" FOREIGN KEY ("centre_id") REFERENCES "crisis_centre"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "extra_charge" ADD CONSTRAINT "FK_extra_charge_centre" FOREIGN KEY ("centre_id") REFERENCES "crisis_centre"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "extra_charge" ADD CONSTRAINT "FK_extra_charge_municipality" FOREIGN KEY ("kommunenummer") REFERENCES "municipality"("kommunenummer") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "investment" ADD CONSTRAINT "FK_investment_centre" FOREIGN KEY ("centre_id") REFERENCES "crisis_centre"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "investment" ADD CONSTRAINT "FK_investment_paid_by" FOREIGN KEY ("paid_by_kommunenummer") REFERENCES "municipality"("kommunenummer") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "kostra_centre_figure" ADD CONSTRAINT "FK_kostra_centre_figure_centre" FOREIGN KEY ("centre_id") REFERENCES "crisis_centre"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "usage_stat" ADD CONSTRAINT "FK_usage_stat_centre" FOREIGN KEY ("centre_id") REFERENCES "crisis_centre"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "usage_stat" ADD CONSTRAINT "FK_usage_stat_municipality" FOREIGN KEY ("kommunenummer") REFERENCES "municipality"("kommunenummer") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "usage_stat" DROP CONSTRAINT "FK_usage_stat_municipality"`);
    await q.query(`ALTER TABLE "usage_stat" DROP CONSTRAINT "FK_usage_stat_centre"`);
    await q.query(`ALTER TABLE "kostra_centre_figure" DROP CONSTRAINT "FK_kostra_centre_figure_centre"`);
    await q.query(`ALTER TABLE "investment" DROP CONSTRAINT "FK_investment_paid_by"`);
    await q.query(`ALTER TABLE "investment" DROP CONSTRAINT "FK_investment_centre"`);
    await q.query(`ALTER TABLE "extra_charge" DROP CONSTRAINT "FK_extra_charge_municipality"`);
    await q.query(`ALTER TABLE "extra_charge" DROP CONSTRAINT "FK_extra_charge_centre"`);
    await q.query(`ALTER TABLE "centre_budget" DROP CONSTRAINT "FK_centre_budget_centre"`);
    await q.query(`ALTER TABLE "agreement" DROP CONSTRAINT "CHK_agreement_cost_model"`);
    await q.query(`ALTER TABLE "agreement" DROP CONSTRAINT "CHK_agreement_population_reference"`);
    await q.query(`ALTER TABLE "agreement" DROP COLUMN "population_reference"`);
    await q.query(`ALTER TABLE "agreement" DROP COLUMN "cost_params"`);
    await q.query(`ALTER TABLE "agreement" DROP COLUMN "cost_model"`);
    await q.query(`DROP INDEX "public"."UQ_usage_stat"`);
    await q.query(`DROP TABLE "usage_stat"`);
    await q.query(`DROP INDEX "public"."UQ_kostra_centre_figure"`);
    await q.query(`DROP INDEX "public"."IDX_kostra_centre_figure_centre"`);
    await q.query(`DROP TABLE "kostra_centre_figure"`);
    await q.query(`DROP TABLE "kostra_national_average"`);
    await q.query(`DROP INDEX "public"."IDX_investment_centre_year"`);
    await q.query(`DROP TABLE "investment"`);
    await q.query(`DROP INDEX "public"."IDX_extra_charge_centre_year"`);
    await q.query(`DROP TABLE "extra_charge"`);
    await q.query(`DROP INDEX "public"."UQ_centre_budget_year"`);
    await q.query(`DROP TABLE "centre_budget"`);
  }
}
