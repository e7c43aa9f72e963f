import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { COST_MODEL_LABELS } from '@samordna/domain';
import type { AppContext } from '../../app/context';
import { Agreement } from '../agreement/agreement.entity';
import { CentreBudget, ExtraCharge, Investment } from './cost.entities';
import {
  BudgetInput,
  CostTermsInput,
  ExtraChargeInput,
  InvestmentInput,
  InvestmentSummary,
  SimulationInput,
} from './cost.inputs';
import {
  costDistribution,
  costSettlement,
  costTrend,
  municipalityCosts,
  simulateCostSharing,
  usageStatistics,
} from './cost.service';
import {
  centreBudgets,
  createExtraCharge,
  createInvestment,
  extraCharges,
  deleteExtraCharge,
  deleteInvestment,
  investments,
  investmentSummary,
  setAgreementCostTerms,
  setCentreBudget,
} from './cost-finance.service';
import {
  CostDistribution,
  CostSettlement,
  CostTerms,
  type CostParams,
  CostTrend,
  MunicipalityCosts,
  Simulation,
  UsageStatistics,
} from './cost.types';

@Resolver()
export class CostSharingResolver {
  @Query(() => CostDistribution, { description: "Who pays what of a centre's net budget in a year, and why." })
  costDistribution(
    @Ctx() ctx: AppContext,
    @Arg('centreId', () => ID) centreId: string,
    @Arg('year', () => Int) year: number,
  ) {
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

  @Query(() => CostSettlement, {
    description: 'Budget against actual at year end, and the difference per municipality to charge or credit.',
  })
  costSettlement(
    @Ctx() ctx: AppContext,
    @Arg('centreId', () => ID) centreId: string,
    @Arg('year', () => Int) year: number,
  ) {
    return costSettlement(ctx, centreId, year);
  }

  @Query(() => UsageStatistics, { description: 'Use per member municipality, counts under 5 suppressed.' })
  usageStatistics(
    @Ctx() ctx: AppContext,
    @Arg('centreId', () => ID) centreId: string,
    @Arg('year', () => Int) year: number,
  ) {
    return usageStatistics(ctx, centreId, year);
  }

  @Query(() => [CentreBudget])
  centreBudgets(@Ctx() ctx: AppContext, @Arg('centreId', () => ID) centreId: string) {
    return centreBudgets(ctx, centreId);
  }

  @Query(() => [ExtraCharge], {
    description:
      "A centre's extra charges in a year that you may see: all for finance of the host and administrators, your own municipality's for its director, none for others (they describe stays).",
  })
  extraCharges(
    @Ctx() ctx: AppContext,
    @Arg('centreId', () => ID) centreId: string,
    @Arg('year', () => Int) year: number,
  ) {
    return extraCharges(ctx, centreId, year);
  }

  @Query(() => [Investment])
  investments(@Ctx() ctx: AppContext, @Arg('centreId', () => ID) centreId: string) {
    return investments(ctx, centreId);
  }

  @Query(() => InvestmentSummary, { description: 'How much of the investments the host carried alone over a period.' })
  investmentSummary(
    @Ctx() ctx: AppContext,
    @Arg('centreId', () => ID) centreId: string,
    @Arg('fromYear', () => Int) fromYear: number,
    @Arg('toYear', () => Int) toYear: number,
  ): Promise<InvestmentSummary> {
    return investmentSummary(ctx, centreId, fromYear, toYear);
  }

  @Authorized()
  @Mutation(() => CentreBudget, { description: "Sets (or replaces) a centre's budget for a year." })
  setCentreBudget(
    @Ctx() ctx: AppContext,
    @Arg('centreId', () => ID) centreId: string,
    @Arg('year', () => Int) year: number,
    @Arg('input', () => BudgetInput) input: BudgetInput,
    @Arg('expectedVersion', () => Int, {
      nullable: true,
      description: 'The version of the budget you saw, when replacing one.',
    })
    expectedVersion?: number,
  ) {
    return setCentreBudget(ctx, centreId, year, input, expectedVersion);
  }

  @Authorized()
  @Mutation(() => ExtraCharge)
  createExtraCharge(@Ctx() ctx: AppContext, @Arg('input', () => ExtraChargeInput) input: ExtraChargeInput) {
    return createExtraCharge(ctx, input);
  }

  @Authorized()
  @Mutation(() => ID)
  deleteExtraCharge(@Ctx() ctx: AppContext, @Arg('id', () => ID) id: string) {
    return deleteExtraCharge(ctx, id);
  }

  @Authorized()
  @Mutation(() => Investment)
  createInvestment(@Ctx() ctx: AppContext, @Arg('input', () => InvestmentInput) input: InvestmentInput) {
    return createInvestment(ctx, input);
  }

  @Authorized()
  @Mutation(() => ID)
  deleteInvestment(@Ctx() ctx: AppContext, @Arg('id', () => ID) id: string) {
    return deleteInvestment(ctx, id);
  }

  @Authorized()
  @Mutation(() => Agreement, { description: "Sets the agreement's cost model; checked against its current parties." })
  setAgreementCostTerms(
    @Ctx() ctx: AppContext,
    @Arg('agreementId', () => ID) agreementId: string,
    @Arg('terms', () => CostTermsInput) terms: CostTermsInput,
    @Arg('expectedVersion', () => Int, {
      nullable: true,
      description: 'The agreement version you saw; CONFLICT if it has moved on.',
    })
    expectedVersion?: number,
  ) {
    return setAgreementCostTerms(ctx, agreementId, terms, expectedVersion);
  }
}

@Resolver(() => Agreement)
export class AgreementCostResolver {
  @FieldResolver(() => CostTerms, { nullable: true, description: 'The cost model; null when not registered.' })
  costTerms(@Root() a: Agreement): CostTerms | null {
    return a.costModel ? costTermsOf(a.costModel, a.costParams) : null;
  }
}

/** A cost model and its parameters as the API shows them. */
export function costTermsOf(model: NonNullable<Agreement['costModel']>, p: CostParams = {}): CostTerms {
  return {
    model,
    label: COST_MODEL_LABELS[model].nb,
    rateOre: p.rateOre ?? null,
    hostRateOre: p.hostRateOre ?? null,
    hostShareBp: p.hostShareBp ?? null,
    baseOre: p.baseOre ?? null,
    usageWeightBp: p.usageWeightBp ?? null,
  };
}
