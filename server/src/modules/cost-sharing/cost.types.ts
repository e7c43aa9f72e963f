import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import {
  COST_EXPLANATION_CODES,
  COST_MODEL_EXPLANATION_CODES,
  COST_MODELS,
  type CostExplanationCode,
  type CostModelExplanationCode,
  type CostModelKind,
} from '@samordna/domain';
import { enumOf } from '../../app/enums';
import { Municipality } from '../municipality/municipality.entity';
import { PartyRole } from '../agreement/party-role';

export const CostModelKindEnum = enumOf(
  COST_MODELS,
  'CostModelKind',
  'How a centre budget is shared between host and partners.',
);

export const CostExplanationCodeEnum = enumOf(
  COST_EXPLANATION_CODES,
  'CostExplanationCode',
  "One step of how a party's amount was computed; clients word it from the numbers beside it.",
);
export const CostModelExplanationCodeEnum = enumOf(
  COST_MODEL_EXPLANATION_CODES,
  'CostModelExplanationCode',
  'How the model splits the budget; clients word it.',
);
export const SimulationNoteCodeEnum = enumOf(
  ['SMALL_USAGE_PROTECTED', 'HOST_SHARE_NEGATIVE'],
  'SimulationNoteCode',
  'SMALL_USAGE_PROTECTED: nights under 5 are counted as 2.5; HOST_SHARE_NEGATIVE: the partners pay more than the budget.',
);
export type SimulationNoteCode = keyof typeof SimulationNoteCodeEnum;

/** A message as a code with numbers, never prose: population, an amount in øre, a share in basis points. */
@ObjectType({ description: "One part of a party's amount: a code with its numbers (parts add up, «a + b»)." })
export class CostExplanationPart {
  @Field(() => CostExplanationCodeEnum)
  code: CostExplanationCode;

  @Field(() => Int, { nullable: true })
  population: number | null;

  @Field(() => Float, { nullable: true, description: 'øre' })
  amountOre: number | null;

  @Field(() => Int, { nullable: true, description: 'Basis points (1/100 %).' })
  shareBp: number | null;
}

@ObjectType({ description: 'How the model splits the budget: a code with its numbers.' })
export class CostModelExplanation {
  @Field(() => CostModelExplanationCodeEnum)
  code: CostModelExplanationCode;

  @Field(() => Float, { nullable: true, description: 'øre' })
  amountOre: number | null;

  @Field(() => Int, { nullable: true, description: 'Basis points (1/100 %).' })
  shareBp: number | null;
}

export const POPULATION_REFERENCES = ['SAME_YEAR', 'PREVIOUS_YEAR'] as const;
export const PopulationReferenceEnum = enumOf(POPULATION_REFERENCES, 'PopulationReference');
export type PopulationReference = keyof typeof PopulationReferenceEnum;

/** Stored with an agreement: the parameters its cost model needs (amounts in øre). */
export type { CostParams } from '@samordna/domain';

@ObjectType({ description: 'The cost model of an agreement, as registered.' })
export class CostTerms {
  @Field(() => CostModelKindEnum)
  model: CostModelKind;

  @Field({
    description: 'The model in bokmål.',
    deprecationReason: "Bokmål prose; word `model` in the reader's language.",
  })
  label: string;

  @Field(() => Float, { nullable: true })
  rateOre: number | null;

  @Field(() => Float, { nullable: true })
  hostRateOre: number | null;

  @Field(() => Int, { nullable: true })
  hostShareBp: number | null;

  @Field(() => Float, { nullable: true })
  baseOre: number | null;

  @Field(() => Int, { nullable: true })
  usageWeightBp: number | null;
}

@ObjectType({ description: "One party's part of a centre's costs for a year." })
export class PartyCost {
  @Field(() => Municipality)
  municipality: Municipality;

  @Field(() => PartyRole)
  role: PartyRole;

  @Field(() => Int)
  population: number;

  @Field(() => Float, { description: 'Share of the budget (øre).' })
  allocatedOre: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Extra charges on top (øre); null when withheld (see extraChargesWithheld).',
  })
  extraChargesOre: number | null;

  @Field({
    description:
      'Extra charges describe stays: shown only to finance of the host, the director of this municipality and administrators, ' +
      "or to anyone when this municipality's stays that year are published (5 or more). When withheld they are left out of every sum.",
  })
  extraChargesWithheld: boolean;

  @Field(() => Float, { description: 'allocated + extra charges not withheld (øre).' })
  totalOre: number;

  @Field(() => Float, { nullable: true, description: 'total ÷ population (øre).' })
  perInhabitantOre: number | null;

  @Field(() => Float, { description: 'allocated ÷ budget (0–1).' })
  share: number;

  @Field({
    description: 'How the amount was computed (bokmål).',
    deprecationReason: "Bokmål prose; use parts and word them in the reader's language.",
  })
  explanation: string;

  @Field(() => [CostExplanationPart], {
    description: 'How the amount was computed: codes with numbers, added together.',
  })
  parts: CostExplanationPart[];
}

export const KostraSourceEnum = enumOf(
  ['SSB', 'SSB_KOSTRA', 'BUFDIR_SSB_KOSTRA'],
  'KostraSource',
  'Who published a KOSTRA figure: SSB (Statistics Norway, with sourceUrl and sourceDate), SSB_KOSTRA (the KOSTRA national average), BUFDIR_SSB_KOSTRA (per centre, Bufdir from SSB KOSTRA).',
);
export type KostraSource = keyof typeof KostraSourceEnum;

@ObjectType()
export class KostraComparison {
  @Field(() => Int)
  year: number;

  @Field(() => Float)
  krPerInhabitant: number;

  @Field({
    description: 'The source in bokmål («Kilde: Statistisk sentralbyrå (SSB), …»).',
    deprecationReason: "Bokmål prose; word `sourceKind` with sourceUrl and sourceDate in the reader's language.",
  })
  source: string;

  @Field(() => KostraSourceEnum)
  sourceKind: KostraSource;

  @Field(() => String, { nullable: true })
  sourceUrl: string | null;

  @Field(() => String, { nullable: true, description: 'The date the source gives, as it gives it (e.g. 2023-06-15).' })
  sourceDate: string | null;

  @Field(() => String, { nullable: true })
  centreName: string | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Distance (km) between the host municipalities, for a neighbouring centre; null otherwise.',
  })
  distanceKm?: number | null;
}

@ObjectType({ description: "Where a centre's costs fall in a year." })
export class CostDistribution {
  @Field(() => ID)
  centreId: string;

  @Field()
  centreName: string;

  @Field(() => Int)
  year: number;

  @Field(() => ID)
  agreementId: string;

  @Field(() => CostModelKindEnum)
  model: CostModelKind;

  @Field({ deprecationReason: "Bokmål prose; word `model` in the reader's language." })
  modelLabel: string;

  @Field(() => Float, { description: 'Net budget shared (øre), including shared investments.' })
  budgetOre: number;

  @Field(() => Float)
  operatingCostOre: number;

  @Field(() => Float)
  stateFundingOre: number;

  @Field(() => Float)
  projectFundingOre: number;

  @Field(() => Float, { description: 'Investments carried by the host alone this year (øre), outside the budget.' })
  hostInvestmentsOre: number;

  @Field(() => Float, {
    description: "This year's depreciation of the host's own (not shared) investments, this and earlier years (øre).",
  })
  hostDepreciationOre: number;

  @Field(() => Float, {
    nullable: true,
    description: "The host's kr per inhabitant with its depreciated own investments added (øre).",
  })
  hostPerInhabitantWithInvestmentsOre: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Host ÷ partners per inhabitant with the depreciated own investments.',
  })
  hostPartnerRatioWithInvestments: number | null;

  @Field(() => Int, { description: 'The year of the population figures used.' })
  populationYear: number;

  @Field(() => String, {
    nullable: true,
    description: 'Set when figures for the stated reference year were missing.',
    deprecationReason: 'Bokmål prose; use populationWantedYear and populationYearsUsed.',
  })
  populationNote: string | null;

  @Field(() => Int, { description: 'The population year the agreement asks for (1 January).' })
  populationWantedYear: number;

  @Field(() => [Int], {
    description:
      'The population years actually used, ascending; differs from [populationWantedYear] when figures were missing.',
  })
  populationYearsUsed: number[];

  @Field(() => [PartyCost])
  parties: PartyCost[];

  @Field(() => Float, { nullable: true })
  hostResidualOre: number | null;

  @Field(() => Float, { nullable: true, description: 'Positive: the host pays more than its own rate would give.' })
  hostSubsidyOre: number | null;

  @Field(() => Float, { nullable: true })
  hostPartnerRatio: number | null;

  @Field({ description: 'The host pays 5× or more per inhabitant than its partners.' })
  ratioFlag: boolean;

  @Field(() => KostraComparison, {
    nullable: true,
    description: 'KOSTRA national average, same year or nearest earlier.',
  })
  nationalAverage: KostraComparison | null;

  @Field(() => KostraComparison, {
    nullable: true,
    description: "The centre's own KOSTRA figure, same year or nearest earlier.",
  })
  centreKostra: KostraComparison | null;

  @Field({ description: 'True when the budget or the cost terms are example data.' })
  isExample: boolean;

  @Field({ description: "Some party's extra charges are withheld from this viewer and left out of the sums." })
  extraChargesWithheld: boolean;

  @Field({ deprecationReason: "Bokmål prose; use modelExplanation and word it in the reader's language." })
  explanation: string;

  @Field(() => CostModelExplanation)
  modelExplanation: CostModelExplanation;
}

@ObjectType()
export class MunicipalityYearCost {
  @Field(() => Int)
  year: number;

  @Field(() => ID)
  centreId: string;

  @Field()
  centreName: string;

  @Field(() => PartyRole)
  role: PartyRole;

  @Field(() => Float)
  allocatedOre: number;

  @Field(() => Float, { nullable: true, description: 'null when withheld (see PartyCost.extraChargesWithheld).' })
  extraChargesOre: number | null;

  @Field()
  extraChargesWithheld: boolean;

  @Field(() => Float)
  totalOre: number;

  @Field(() => Float, { nullable: true })
  perInhabitantOre: number | null;

  @Field()
  isExample: boolean;
}

export const COST_GAP_CODES = [
  'NO_CENTRE',
  'NO_AGREEMENT',
  'NO_MODEL',
  'NO_BUDGET',
  'NO_POPULATION',
  'HOST_UNKNOWN',
  'MODEL_INVALID',
] as const;
export const CostGapCodeEnum = enumOf(
  COST_GAP_CODES,
  'CostGapCode',
  "Why a year's costs cannot be computed: no centre, no agreement in force that year, no cost model, no budget, a party's population missing, the host not known, or the agreement's cost terms do not fit the year's figures (field).",
);
export type CostGapCode = (typeof COST_GAP_CODES)[number];

@ObjectType({ description: 'A year (and centre) whose costs could not be computed: a code with what it concerns.' })
export class CostGap {
  @Field(() => Int)
  year: number;

  @Field(() => CostGapCodeEnum)
  code: CostGapCode;

  @Field(() => String, { nullable: true })
  centreName: string | null;

  @Field(() => String, { nullable: true })
  agreementTitle: string | null;

  @Field(() => String, { nullable: true, description: 'The municipality whose population is missing.' })
  kommunenummer: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'MODEL_INVALID: the cost term that does not fit, e.g. model.rateOre.',
  })
  field: string | null;
}

@ObjectType()
export class MunicipalityCosts {
  @Field(() => Municipality)
  municipality: Municipality;

  @Field(() => [MunicipalityYearCost])
  years: MunicipalityYearCost[];

  @Field(() => [String], {
    description: 'Years (and centres) that could not be computed, and why.',
    deprecationReason: "Bokmål prose; word `gapCodes` in the reader's language.",
  })
  gaps: string[];

  @Field(() => [CostGap], { description: 'Years (and centres) that could not be computed, and why.' })
  gapCodes: CostGap[];
}

@ObjectType()
export class PartyDifference {
  @Field(() => Municipality)
  municipality: Municipality;

  @Field(() => PartyRole)
  role: PartyRole;

  @Field(() => Float, { nullable: true, description: 'null: not a party before.' })
  beforeOre: number | null;

  @Field(() => Float, { nullable: true, description: 'null: not a party after.' })
  afterOre: number | null;

  @Field(() => Float)
  differenceOre: number;

  @Field(() => Float, { nullable: true })
  beforePerInhabitantOre: number | null;

  @Field(() => Float, { nullable: true })
  afterPerInhabitantOre: number | null;
}

@ObjectType({ description: 'A simulated change of cost sharing. Nothing is written.' })
export class Simulation {
  @Field(() => CostDistribution)
  before: CostDistribution;

  @Field(() => CostDistribution)
  after: CostDistribution;

  @Field(() => [PartyDifference])
  differences: PartyDifference[];

  @Field(() => [KostraComparison], {
    description:
      "The nearest other centres' KOSTRA cost per inhabitant (by distance between host municipalities, nearest first), the newest year up to the one simulated.",
  })
  peerRates: KostraComparison[];

  @Field({
    description: 'One line: what the change does to the host and to the partners together (bokmål).',
    deprecationReason: 'Bokmål prose; sum differences by role and word it.',
  })
  summary: string;

  @Field(() => [String], {
    description: 'Notes on the simulation (e.g. small usage numbers protected).',
    deprecationReason: 'Bokmål prose; use noteCodes.',
  })
  notes: string[];

  @Field(() => [SimulationNoteCodeEnum], { description: 'Notes on the simulation as codes.' })
  noteCodes: SimulationNoteCode[];
}

@ObjectType({ description: 'A count, or null with suppressed = true when under the threshold.' })
export class ProtectedCount {
  @Field(() => Int, { nullable: true })
  value: number | null;

  @Field()
  suppressed: boolean;
}

@ObjectType()
export class UsageRow {
  @Field(() => Municipality)
  municipality: Municipality;

  @Field(() => ProtectedCount)
  stays: ProtectedCount;

  @Field(() => ProtectedCount)
  nights: ProtectedCount;

  @Field(() => ProtectedCount)
  dayVisits: ProtectedCount;

  @Field(() => ProtectedCount)
  phoneContacts: ProtectedCount;
}

@ObjectType()
export class UsageTotals {
  @Field(() => ProtectedCount)
  stays: ProtectedCount;

  @Field(() => ProtectedCount)
  nights: ProtectedCount;

  @Field(() => ProtectedCount)
  dayVisits: ProtectedCount;

  @Field(() => ProtectedCount)
  phoneContacts: ProtectedCount;
}

@ObjectType({ description: 'Use of a centre in a year, aggregated per municipality, small numbers suppressed.' })
export class UsageStatistics {
  @Field(() => ID)
  centreId: string;

  @Field(() => Int)
  year: number;

  @Field(() => Int, { description: 'Counts under this are suppressed.' })
  threshold: number;

  @Field(() => [UsageRow])
  rows: UsageRow[];

  @Field(() => UsageTotals, { description: 'Totals; a total is suppressed when any count in its column is.' })
  totals: UsageTotals;

  @Field()
  isExample: boolean;
}

@ObjectType({ description: "One year of a centre's costs: budget, host and partners." })
export class CostTrendYear {
  @Field(() => Int)
  year: number;

  @Field(() => Float)
  budgetOre: number;

  @Field(() => Float)
  hostOre: number;

  @Field(() => Float)
  partnersOre: number;

  @Field(() => Float, { nullable: true })
  hostPerInhabitantOre: number | null;

  @Field(() => Float, { nullable: true, description: "Partners' average per inhabitant." })
  partnersPerInhabitantOre: number | null;

  @Field(() => Float, { nullable: true, description: 'KOSTRA national average (kr), same year or nearest earlier.' })
  nationalAverageKr: number | null;

  @Field({ description: 'Some extra charges are withheld from this viewer and left out of the partner and host sums.' })
  extraChargesWithheld: boolean;

  @Field()
  isExample: boolean;
}

@ObjectType()
export class CostTrend {
  @Field(() => ID)
  centreId: string;

  @Field(() => [CostTrendYear])
  years: CostTrendYear[];

  @Field(() => [String], {
    description: 'Years that could not be computed, and why.',
    deprecationReason: "Bokmål prose; word `gapCodes` in the reader's language.",
  })
  gaps: string[];

  @Field(() => [CostGap], { description: 'Years that could not be computed, and why.' })
  gapCodes: CostGap[];
}

@ObjectType({ description: "A municipality's part of the year-end settlement (øre)." })
export class SettlementLine {
  @Field(() => Municipality)
  municipality: Municipality;

  @Field(() => PartyRole)
  role: PartyRole;

  @Field(() => Float, { description: 'Its part of the budgeted net cost.' })
  budgetedOre: number;

  @Field(() => Float, { description: 'Its part of the actual net cost, by the same model.' })
  actualOre: number;

  @Field(() => Float, { description: 'actual − budgeted: positive is charged, negative credited.' })
  differenceOre: number;
}

@ObjectType({ description: "A centre's year-end settlement: budget against actual, per municipality." })
export class CostSettlement {
  @Field(() => ID)
  centreId: string;

  @Field(() => Int)
  year: number;

  @Field(() => Float, { description: 'Net budget shared (øre).' })
  budgetedNetOre: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Actual net cost shared (øre); null until the actual cost is entered.',
  })
  actualNetOre: number | null;

  @Field(() => [SettlementLine], { description: 'Empty until the actual cost is entered.' })
  lines: SettlementLine[];
}
