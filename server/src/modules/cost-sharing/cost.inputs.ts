import { Field, Float, Int, ObjectType } from 'type-graphql';
import { z } from 'zod';
import { rules } from '../../app/validation';
import { inputType } from '../../app/zod-input';
import { COST_MODELS, MONEY_LIMITS } from '@samordna/domain';
import { EXTRA_CHARGE_KINDS, INVESTMENT_KINDS } from './cost.entities'; // also registers their GraphQL enums
import { POPULATION_REFERENCES } from './cost.types'; // also registers CostModelKind and PopulationReference

@ObjectType({ description: 'Investments over a period: what the host carried alone and what was shared.' })
export class InvestmentSummary {
  @Field(() => Int)
  fromYear: number;

  @Field(() => Int)
  toYear: number;

  @Field(() => Float)
  totalOre: number;

  @Field(() => Float)
  hostAloneOre: number;

  @Field(() => Float)
  sharedOre: number;

  @Field(() => Float, { description: 'hostAlone ÷ total (0–1); 0 when there were none.' })
  hostAloneShare: number;
}

export const budgetSchema = z.object({
  operatingCostOre: rules.ore('Driftskostnaden'),
  stateFundingOre: rules.ore('Statstilskuddet').nullish(),
  projectFundingOre: rules.ore('Andre inntekter').nullish().describe('Other income (øre).'),
  actualOperatingCostOre: rules
    .ore('De faktiske kostnadene')
    .nullish()
    .describe('Actual operating cost at year end (øre), for the settlement; left out: unchanged, null: cleared.'),
  note: rules.optionalText('Merknad', 2000),
});
export const BudgetInput = inputType('BudgetInput', budgetSchema, { description: 'Amounts in øre.' });
export type BudgetInput = z.input<typeof budgetSchema>;

export const chargeSchema = z.object({
  centreId: rules.uuid('krisesenter'),
  year: rules.year(),
  kommunenummer: rules.kommunenummer(),
  kind: z.enum(EXTRA_CHARGE_KINDS),
  amountOre: rules.ore('Beløpet'),
  payingBudget: rules.optionalText('Budsjettet som betaler', 200, 'restricted'),
  description: rules.optionalText('Beskrivelse', 1000, 'restricted'),
});
export const ExtraChargeInput = inputType('ExtraChargeInput', chargeSchema, {
  fields: { amountOre: { description: 'øre' } },
});
export type ExtraChargeInput = z.input<typeof chargeSchema>;

export const investmentSchema = z.object({
  centreId: rules.uuid('krisesenter'),
  year: rules.year(),
  kind: z.enum(INVESTMENT_KINDS),
  amountOre: rules.ore('Beløpet'),
  paidByKommunenummer: rules.kommunenummer(),
  shared: z.boolean(),
  depreciationYears: rules.int('Avskrivningstiden', 1, 100).nullish(),
  description: rules.optionalText('Beskrivelse', 1000),
});
export const InvestmentInput = inputType('InvestmentInput', investmentSchema, {
  fields: {
    amountOre: { description: 'øre' },
    shared: { description: 'Shared through the budget (true) or carried by the payer alone.' },
    depreciationYears: { description: 'Years to depreciate a host-only investment over (null: all in its year).' },
  },
});
export type InvestmentInput = z.input<typeof investmentSchema>;

/** The two lists of CostTermsInput are one GraphQL type; lump sums (øre) give it its Float value. */
const lumpSumSchema = z.object({ kommunenummer: rules.kommunenummer(), value: rules.ore('Beløpet') });
export const PartyNumberInput = inputType('PartyNumberInput', lumpSumSchema, {
  fields: { value: { description: 'Basis points (shares) or øre (lump sums).' } },
});
export type PartyNumberInput = z.input<typeof lumpSumSchema>;

export const costTermsSchema = z.object({
  model: z.enum(COST_MODELS),
  rateOre: rules.ore('Prisen per innbygger', MONEY_LIMITS.maxRateOre).nullish().describe('Rate per inhabitant (øre).'),
  hostRateOre: rules.ore('Vertskommunens pris', MONEY_LIMITS.maxRateOre).nullish(),
  hostShareBp: rules.int('Vertskommunens andel', 0, 10_000).nullish(),
  baseOre: rules.ore('Grunnbeløpet').nullish(),
  shares: z.array(z.object({ kommunenummer: rules.kommunenummer(), value: rules.int('Andelen', 0, 10_000) })).nullish(),
  lumpSums: z.array(lumpSumSchema).nullish(),
  usageWeightBp: rules.int('Vekten for bruk', 0, 10_000).nullish(),
  populationReference: z.enum(POPULATION_REFERENCES).nullish(),
});
export const CostTermsInput = inputType('CostTermsInput', costTermsSchema, {
  description: 'A cost model with its parameters. Amounts in øre; shares in basis points (1/100 %).',
  fields: { shares: { type: () => [PartyNumberInput] } },
});
export type CostTermsInput = z.input<typeof costTermsSchema>;

const simulatedInvestmentSchema = z.object({
  amountOre: rules.ore('Investeringen').describe('Amount (øre).'),
  shared: z.boolean().describe('Shared through the budget (true) or carried by the host alone (false).'),
});
export const SimulatedInvestmentInput = inputType('SimulatedInvestmentInput', simulatedInvestmentSchema, {
  description: 'An investment added in a simulation.',
});

export const simulationSchema = z.object({
  centreId: rules.uuid('krisesenter'),
  year: rules.year(),
  terms: costTermsSchema.nullish().describe('Another model or rate.'),
  removeMunicipalities: z.array(rules.kommunenummer()).max(100).nullish().describe('Partners that leave.'),
  addMunicipalities: z
    .array(rules.kommunenummer())
    .max(100)
    .nullish()
    .describe('Municipalities that join as partners.'),
  investment: simulatedInvestmentSchema.nullish(),
});
export const SimulationInput = inputType('SimulationInput', simulationSchema, {
  description: 'What to change. Leave a field out to keep it as it is.',
});
export type SimulationInput = z.input<typeof simulationSchema>;
