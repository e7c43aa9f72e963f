import { Field, Float, Int, ObjectType } from 'type-graphql';
import { z } from 'zod';
import { rules } from '../../app/validation';
import { inputType } from '../../app/zod-input';
import { EXTRA_CHARGE_KINDS, INVESTMENT_KINDS } from './cost.entities'; // also registers their GraphQL enums

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
