import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Finance workspace (issue 13): an investment's depreciation years (host-only investments count in the
 * host's kr per inhabitant over them), and a budget's actual operating cost entered at year end (the
 * settlement against the budget).
 */
export class FinanceWorkspace1765700000000 implements MigrationInterface {
  name = 'FinanceWorkspace1765700000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "investment" ADD "depreciation_years" integer`);
    await q.query(
      `ALTER TABLE "investment" ADD CONSTRAINT "CHK_investment_depreciation" CHECK ("depreciation_years" IS NULL OR "depreciation_years" BETWEEN 1 AND 100)`,
    );
    await q.query(`ALTER TABLE "centre_budget" ADD "actual_operating_cost_ore" bigint`);
    await q.query(
      `ALTER TABLE "centre_budget" ADD CONSTRAINT "CHK_centre_budget_actual" CHECK ("actual_operating_cost_ore" IS NULL OR "actual_operating_cost_ore" >= 0)`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "centre_budget" DROP CONSTRAINT "CHK_centre_budget_actual"`);
    await q.query(`ALTER TABLE "centre_budget" DROP COLUMN "actual_operating_cost_ore"`);
    await q.query(`ALTER TABLE "investment" DROP CONSTRAINT "CHK_investment_depreciation"`);
    await q.query(`ALTER TABLE "investment" DROP COLUMN "depreciation_years"`);
  }
}
