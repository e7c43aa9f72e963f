import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { EntityManager } from 'typeorm';
import { canManageFinance } from '@samordna/domain';
import { assertAllowed, checkVersion, missing, requireUser } from '../../app/auth';
import { audit } from '../../app/audit';
import { allocateCosts, COST_MODEL_LABELS, CostModelError, todayInNorway } from '@samordna/domain';
import type { AppContext } from '../../app/context';
import { badInput, notFound } from '../../app/errors';
import { parseInput, v } from '../../app/validation';
import { Agreement } from '../agreement/agreement.entity';
import { getAgreement, isCurrentParty } from '../agreement/agreement.service';
import { CrisisCentre } from '../crisis-centre/crisis-centre.entity';
import { Municipality } from '../municipality/municipality.entity';
import { PopulationFigure } from '../municipality/population.entity';
import { CentreBudget, ExtraCharge, Investment } from './cost.entities';
import { BudgetInput, budgetSchema, chargeSchema, ExtraChargeInput, InvestmentInput, investmentSchema, InvestmentSummary } from './cost.inputs';
import { costDistribution, costTermsSchema, costTrend, modelOf, municipalityCosts, paramsFromTerms, simulateCostSharing, usageStatistics } from './cost.service';
import { CostDistribution, CostTerms, CostTermsInput, CostTrend, MunicipalityCosts, Simulation, SimulationInput, UsageStatistics } from './cost.types';

const YEAR = v.int('Året', 2000, 2100);

/** Finance staff of the host municipality (or an administrator) manage a centre's money. */
async function assertFinance(em: EntityManager, ctx: AppContext, centreId: string, field = 'centreId'): Promise<CrisisCentre> {
  requireUser(ctx);
  const centre = await em.getRepository(CrisisCentre).findOneBy({ id: centreId });
  if (!centre) throw missing(ctx, badInput(field, 'Fant ikke krisesenteret.'));
  assertAllowed(ctx, canManageFinance(ctx.auth!.grants, centre.hostKommunenummer));
  return centre;
}

@Resolver()
export class CostSharingResolver {
  @Query(() => CostDistribution, { description: "Who pays what of a centre's net budget in a year, and why." })
  costDistribution(@Ctx() ctx: AppContext, @Arg('centreId', () => ID) centreId: string, @Arg('year', () => Int) year: number) {
    return costDistribution(ctx, centreId, year);
  }

  @Query(() => MunicipalityCosts, { description: 'What a municipality paid per year, to which centre.' })
  municipalityCosts(
    @Ctx() ctx: AppContext,
    @Arg('kommunenummer') kommunenummer: string,
    @Arg('fromYear', () => Int) fromYear: number,
    @Arg('toYear', () => Int) toYear: number,
  ) {
    return municipalityCosts(ctx, kommunenummer, fromYear, toYear);
  }

  @Query(() => CostTrend, { description: "A centre's budget, host and partner totals per year." })
  costTrend(
    @Ctx() ctx: AppContext,
    @Arg('centreId', () => ID) centreId: string,
    @Arg('fromYear', () => Int) fromYear: number,
    @Arg('toYear', () => Int) toYear: number,
  ) {
    return costTrend(ctx, centreId, fromYear, toYear);
  }

  @Query(() => Simulation, { description: 'Before, after and difference for every party. Writes nothing.' })
  simulateCostSharing(@Ctx() ctx: AppContext, @Arg('input', () => SimulationInput) input: SimulationInput) {
    return simulateCostSharing(ctx, input);
  }

  @Query(() => UsageStatistics, { description: 'Use per member municipality, counts under 5 suppressed.' })
  usageStatistics(@Ctx() ctx: AppContext, @Arg('centreId', () => ID) centreId: string, @Arg('year', () => Int) year: number) {
    return usageStatistics(ctx, centreId, year);
  }

  @Query(() => [CentreBudget])
  centreBudgets(@Ctx() ctx: AppContext, @Arg('centreId', () => ID) centreId: string) {
    const id = parseInput(v.uuid('krisesenter'), centreId, 'centreId');
    return ctx.dataSource.getRepository(CentreBudget).find({ where: { centreId: id }, order: { year: 'ASC' } });
  }

  @Query(() => [ExtraCharge])
  extraCharges(@Ctx() ctx: AppContext, @Arg('centreId', () => ID) centreId: string, @Arg('year', () => Int) year: number) {
    const id = parseInput(v.uuid('krisesenter'), centreId, 'centreId');
    return ctx.dataSource.getRepository(ExtraCharge).find({ where: { centreId: id, year: parseInput(YEAR, year, 'year') }, order: { kommunenummer: 'ASC' } });
  }

  @Query(() => [Investment])
  investments(@Ctx() ctx: AppContext, @Arg('centreId', () => ID) centreId: string) {
    const id = parseInput(v.uuid('krisesenter'), centreId, 'centreId');
    return ctx.dataSource.getRepository(Investment).find({ where: { centreId: id }, order: { year: 'ASC' } });
  }

  @Query(() => InvestmentSummary, { description: 'How much of the investments the host carried alone over a period.' })
  async investmentSummary(
    @Ctx() ctx: AppContext,
    @Arg('centreId', () => ID) centreId: string,
    @Arg('fromYear', () => Int) fromYear: number,
    @Arg('toYear', () => Int) toYear: number,
  ): Promise<InvestmentSummary> {
    const id = parseInput(v.uuid('krisesenter'), centreId, 'centreId');
    const from = parseInput(YEAR, fromYear, 'fromYear');
    const to = parseInput(YEAR, toYear, 'toYear');
    if (to < from) throw badInput('toYear', 'Til-året kan ikke være før fra-året.');
    const [row] = await ctx.dataSource.query(
      `SELECT coalesce(sum(i.amount_ore), 0)::bigint AS total,
              coalesce(sum(i.amount_ore) FILTER (WHERE NOT i.shared AND i.paid_by_kommunenummer = c.host_kommunenummer), 0)::bigint AS host_alone,
              coalesce(sum(i.amount_ore) FILTER (WHERE i.shared), 0)::bigint AS shared
       FROM crisis_centre c LEFT JOIN investment i ON i.centre_id = c.id AND i.year BETWEEN $2 AND $3
       WHERE c.id = $1 GROUP BY c.id`,
      [id, from, to],
    );
    if (!row) throw notFound('CrisisCentre', id, 'Fant ikke krisesenteret.');
    const total = Number(row.total);
    const hostAlone = Number(row.host_alone);
    return { fromYear: from, toYear: to, totalOre: total, hostAloneOre: hostAlone, sharedOre: Number(row.shared), hostAloneShare: total ? hostAlone / total : 0 };
  }

  @Authorized()
  @Mutation(() => CentreBudget, { description: "Sets (or replaces) a centre's budget for a year." })
  async setCentreBudget(
    @Ctx() ctx: AppContext,
    @Arg('centreId', () => ID) centreId: string,
    @Arg('year', () => Int) year: number,
    @Arg('input', () => BudgetInput) input: BudgetInput,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'The version of the budget you saw, when replacing one.' }) expectedVersion?: number,
  ) {
    const id = parseInput(v.uuid('krisesenter'), centreId, 'centreId');
    const y = parseInput(YEAR, year, 'year');
    const data = parseInput(budgetSchema, input, 'input');
    const net = data.operatingCostOre - (data.stateFundingOre ?? 0) - (data.projectFundingOre ?? 0);
    if (net < 0) throw badInput('input.stateFundingOre', 'Tilskuddene kan ikke være større enn driftskostnaden.');
    return ctx.dataSource.transaction(async (em) => {
      await assertFinance(em, ctx, id);
      const repo = em.getRepository(CentreBudget);
      const existing = await repo.findOne({ where: { centreId: id, year: y }, lock: { mode: 'pessimistic_write' } });
      if (existing) checkVersion(existing, expectedVersion, 'budsjettet');
      const saved = await repo.save({
        ...(existing ?? repo.create({ centreId: id, year: y })),
        operatingCostOre: data.operatingCostOre,
        stateFundingOre: data.stateFundingOre ?? 0,
        projectFundingOre: data.projectFundingOre ?? 0,
        note: data.note,
        isExample: false,
      });
      await audit(em, ctx, existing ? 'UPDATE' : 'CREATE', 'CentreBudget', saved.id, existing ? { ...existing } : null, saved);
      return saved;
    });
  }

  @Authorized()
  @Mutation(() => ExtraCharge)
  async createExtraCharge(@Ctx() ctx: AppContext, @Arg('input', () => ExtraChargeInput) input: ExtraChargeInput) {
    requireUser(ctx);
    const data = parseInput(chargeSchema, input, 'input');
    if (!(await ctx.dataSource.getRepository(Municipality).existsBy({ kommunenummer: data.kommunenummer }))) {
      throw badInput('input.kommunenummer', `Fant ingen kommune med kommunenummer ${data.kommunenummer}.`);
    }
    return ctx.dataSource.transaction(async (em) => {
      await assertFinance(em, ctx, data.centreId, 'input.centreId');
      const charge = await em.getRepository(ExtraCharge).save(em.getRepository(ExtraCharge).create(data));
      await audit(em, ctx, 'CREATE', 'ExtraCharge', charge.id, null, charge);
      return charge;
    });
  }

  @Authorized()
  @Mutation(() => ID)
  async deleteExtraCharge(@Ctx() ctx: AppContext, @Arg('id', () => ID) id: string) {
    const cid = parseInput(v.uuid('tilleggskostnad'), id, 'id');
    requireUser(ctx);
    return ctx.dataSource.transaction(async (em) => {
      const charge = await em.getRepository(ExtraCharge).findOneBy({ id: cid });
      if (!charge) throw missing(ctx, notFound('ExtraCharge', cid, 'Fant ikke tilleggskostnaden.'));
      await assertFinance(em, ctx, charge.centreId);
      await em.getRepository(ExtraCharge).delete({ id: cid });
      await audit(em, ctx, 'DELETE', 'ExtraCharge', cid, charge, null);
      return cid;
    });
  }

  @Authorized()
  @Mutation(() => Investment)
  async createInvestment(@Ctx() ctx: AppContext, @Arg('input', () => InvestmentInput) input: InvestmentInput) {
    requireUser(ctx);
    const data = parseInput(investmentSchema, input, 'input');
    if (!(await ctx.dataSource.getRepository(Municipality).existsBy({ kommunenummer: data.paidByKommunenummer }))) {
      throw badInput('input.paidByKommunenummer', `Fant ingen kommune med kommunenummer ${data.paidByKommunenummer}.`);
    }
    return ctx.dataSource.transaction(async (em) => {
      await assertFinance(em, ctx, data.centreId, 'input.centreId');
      const investment = await em.getRepository(Investment).save(em.getRepository(Investment).create(data));
      await audit(em, ctx, 'CREATE', 'Investment', investment.id, null, investment);
      return investment;
    });
  }

  @Authorized()
  @Mutation(() => ID)
  async deleteInvestment(@Ctx() ctx: AppContext, @Arg('id', () => ID) id: string) {
    const iid = parseInput(v.uuid('investering'), id, 'id');
    requireUser(ctx);
    return ctx.dataSource.transaction(async (em) => {
      const investment = await em.getRepository(Investment).findOneBy({ id: iid });
      if (!investment) throw missing(ctx, notFound('Investment', iid, 'Fant ikke investeringen.'));
      await assertFinance(em, ctx, investment.centreId);
      await em.getRepository(Investment).delete({ id: iid });
      await audit(em, ctx, 'DELETE', 'Investment', iid, investment, null);
      return iid;
    });
  }

  @Authorized()
  @Mutation(() => Agreement, { description: "Sets the agreement's cost model; checked against its current parties." })
  async setAgreementCostTerms(@Ctx() ctx: AppContext, @Arg('agreementId', () => ID) agreementId: string, @Arg('terms', () => CostTermsInput) terms: CostTermsInput) {
    requireUser(ctx);
    const agreement = await getAgreement(ctx, agreementId).catch((e) => {
      throw missing(ctx, e);
    });
    await assertFinance(ctx.dataSource.manager, ctx, agreement.centreId);
    const before = { ...agreement };
    const t = parseInput(costTermsSchema, terms, 'terms');
    const params = paramsFromTerms(t);
    // A dry run against today's parties and populations catches shares that do not add up and the like.
    const parties = (await ctx.loaders.partiesByAgreement.load(agreement.id)).filter((p) => isCurrentParty(p, todayInNorway()));
    const figures = await ctx.loaders.populationByMunicipality.loadMany(parties.map((p) => p.kommunenummer));
    const costParties = parties.map((p, i) => ({
      kommunenummer: p.kommunenummer,
      role: (p.role === 'host' ? 'HOST' : 'PARTNER') as 'HOST' | 'PARTNER',
      population: ((figures[i] as PopulationFigure[])[0]?.population ?? 0),
    }));
    if (costParties.filter((p) => p.role === 'HOST').length === 1) {
      try {
        allocateCosts(0, modelOf(t.model, params), costParties);
      } catch (e) {
        if (e instanceof CostModelError) throw badInput(`terms.${e.field.replace(/^model\.?/, '') || 'model'}`, e.message);
        throw e;
      }
    }
    agreement.costModel = t.model;
    agreement.costParams = params;
    if (t.populationReference) agreement.populationReference = t.populationReference;
    agreement.exampleFields = agreement.exampleFields.filter((f) => f !== 'costModel');
    return ctx.dataSource.transaction(async (em) => {
      const saved = await em.getRepository(Agreement).save(agreement);
      await audit(em, ctx, 'UPDATE', 'Agreement', saved.id, before, saved);
      return saved;
    });
  }
}

@Resolver(() => Agreement)
export class AgreementCostResolver {
  @FieldResolver(() => CostTerms, { nullable: true, description: 'The cost model; null when not registered.' })
  costTerms(@Root() a: Agreement): CostTerms | null {
    if (!a.costModel) return null;
    const p = a.costParams ?? {};
    return {
      model: a.costModel,
      label: COST_MODEL_LABELS[a.costModel].nb,
      rateOre: p.rateOre ?? null,
      hostRateOre: p.hostRateOre ?? null,
      hostShareBp: p.hostShareBp ?? null,
      baseOre: p.baseOre ?? null,
      usageWeightBp: p.usageWeightBp ?? null,
    };
  }
}
