import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { z } from 'zod';
import { rules } from '../../app/validation';
import {
  EXTRA_CHARGE_KINDS,
  ExtraChargeKindEnum,
  INVESTMENT_KINDS,
  InvestmentKindEnum,
  type ExtraChargeKind,
  type InvestmentKind,
} from './cost.entities';

@InputType({ description: 'Amounts in øre.' })
export class BudgetInput {
  @Field(() => Float)
  operatingCostOre: number;

  @Field(() => Float, { nullable: true })
  stateFundingOre?: number | null;

  @Field(() => Float, { nullable: true, description: 'Other income (øre).' })
  projectFundingOre?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Actual operating cost at year end (øre), for the settlement; left out: unchanged, null: cleared.',
  })
  actualOperatingCostOre?: number | null;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType()
export class ExtraChargeInput {
  @Field(() => ID)
  centreId: string;

  @Field(() => Int)
  year: number;

  @Field()
  kommunenummer: string;

  @Field(() => ExtraChargeKindEnum)
  kind: ExtraChargeKind;

  @Field(() => Float, { description: 'øre' })
  amountOre: number;

  @Field(() => String, { nullable: true })
  payingBudget?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;
}

@InputType()
export class InvestmentInput {
  @Field(() => ID)
  centreId: string;

  @Field(() => Int)
  year: number;

  @Field(() => InvestmentKindEnum)
  kind: InvestmentKind;

  @Field(() => Float, { description: 'øre' })
  amountOre: number;

  @Field()
  paidByKommunenummer: string;

  @Field({ description: 'Shared through the budget (true) or carried by the payer alone.' })
  shared: boolean;

  @Field(() => Int, {
    nullable: true,
    description: 'Years to depreciate a host-only investment over (null: all in its year).',
  })
  depreciationYears?: number | null;

  @Field(() => String, { nullable: true })
  description?: string | null;
}

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
  projectFundingOre: rules.ore('Andre inntekter').nullish(),
  actualOperatingCostOre: rules.ore('De faktiske kostnadene').nullish(),
  note: rules.optionalText('Merknad', 2000),
});

export const chargeSchema = z.object({
  centreId: rules.uuid('krisesenter'),
  year: rules.year(),
  kommunenummer: rules.kommunenummer(),
  kind: z.enum(EXTRA_CHARGE_KINDS),
  amountOre: rules.ore('Beløpet'),
  payingBudget: rules.optionalText('Budsjettet som betaler', 200, 'restricted'),
  description: rules.optionalText('Beskrivelse', 1000, 'restricted'),
});

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
