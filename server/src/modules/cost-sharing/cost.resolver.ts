import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
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

  @Mutation(() => CentreBudget, { description: "Sets (or replaces) a centre's budget for a year." })
  async setCentreBudget(
    @Ctx() ctx: AppContext,
    @Arg('centreId', () => ID) centreId: string,
    @Arg('year', () => Int) year: number,
    @Arg('input', () => BudgetInput) input: BudgetInput,
  ) {
    const id = parseInput(v.uuid('krisesenter'), centreId, 'centreId');
    const y = parseInput(YEAR, year, 'year');
    const data = parseInput(budgetSchema, input, 'input');
    const net = data.operatingCostOre - (data.stateFundingOre ?? 0) - (data.projectFundingOre ?? 0);
    if (net < 0) throw badInput('input.stateFundingOre', 'Tilskuddene kan ikke være større enn driftskostnaden.');
    return ctx.dataSource.transaction(async (em) => {
      if (!(await em.getRepository(CrisisCentre).existsBy({ id }))) throw badInput('centreId', 'Fant ikke krisesenteret.');
      const repo = em.getRepository(CentreBudget);
      const existing = await repo.findOne({ where: { centreId: id, year: y }, lock: { mode: 'pessimistic_write' } });
      return repo.save({
        ...(existing ?? repo.create({ centreId: id, year: y })),
        operatingCostOre: data.operatingCostOre,
        stateFundingOre: data.stateFundingOre ?? 0,
        projectFundingOre: data.projectFundingOre ?? 0,
        note: data.note,
        isExample: false,
      });
    });
  }

  @Mutation(() => ExtraCharge)
  async createExtraCharge(@Ctx() ctx: AppContext, @Arg('input', () => ExtraChargeInput) input: ExtraChargeInput) {
    const data = parseInput(chargeSchema, input, 'input');
    if (!(await ctx.dataSource.getRepository(CrisisCentre).existsBy({ id: data.centreId }))) throw badInput('input.centreId', 'Fant ikke krisesenteret.');
    if (!(await ctx.dataSource.getRepository(Municipality).existsBy({ kommunenummer: data.kommunenummer }))) {
      throw badInput('input.kommunenummer', `Fant ingen kommune med kommunenummer ${data.kommunenummer}.`);
    }
    const repo = ctx.dataSource.getRepository(ExtraCharge);
    return repo.save(repo.create(data));
  }

  @Mutation(() => ID)
  async deleteExtraCharge(@Ctx() ctx: AppContext, @Arg('id', () => ID) id: string) {
    const cid = parseInput(v.uuid('tilleggskostnad'), id, 'id');
    const r = await ctx.dataSource.getRepository(ExtraCharge).delete({ id: cid });
    if (!r.affected) throw notFound('ExtraCharge', cid, 'Fant ikke tilleggskostnaden.');
    return cid;
  }

  @Mutation(() => Investment)
  async createInvestment(@Ctx() ctx: AppContext, @Arg('input', () => InvestmentInput) input: InvestmentInput) {
    const data = parseInput(investmentSchema, input, 'input');
    if (!(await ctx.dataSource.getRepository(CrisisCentre).existsBy({ id: data.centreId }))) throw badInput('input.centreId', 'Fant ikke krisesenteret.');
    if (!(await ctx.dataSource.getRepository(Municipality).existsBy({ kommunenummer: data.paidByKommunenummer }))) {
      throw badInput('input.paidByKommunenummer', `Fant ingen kommune med kommunenummer ${data.paidByKommunenummer}.`);
    }
    const repo = ctx.dataSource.getRepository(Investment);
    return repo.save(repo.create(data));
  }

  @Mutation(() => ID)
  async deleteInvestment(@Ctx() ctx: AppContext, @Arg('id', () => ID) id: string) {
    const iid = parseInput(v.uuid('investering'), id, 'id');
    const r = await ctx.dataSource.getRepository(Investment).delete({ id: iid });
    if (!r.affected) throw notFound('Investment', iid, 'Fant ikke investeringen.');
    return iid;
  }

  @Mutation(() => Agreement, { description: "Sets the agreement's cost model; checked against its current parties." })
  async setAgreementCostTerms(@Ctx() ctx: AppContext, @Arg('agreementId', () => ID) agreementId: string, @Arg('terms', () => CostTermsInput) terms: CostTermsInput) {
    const agreement = await getAgreement(ctx, agreementId);
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
    return ctx.dataSource.getRepository(Agreement).save(agreement);
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
