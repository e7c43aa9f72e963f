import { formatInteger } from './format';
import { formatServerMessage, msg, type ServerMessage } from './server-messages';
import { assertOre, formatOre, largestRemainder, type Ore } from './money';

/**
 * Cost sharing between a host municipality and its partners: the engine splits a centre's
 * net budget for a year (operating cost minus state and project funding) across the parties.
 * Everything in øre; the allocated parts always sum exactly to the budget.
 */
export const COST_MODELS = [
  'PER_INHABITANT_HOST_RESIDUAL',
  'HOST_EXCEPTION',
  'BASE_PLUS_PER_INHABITANT',
  'FIXED_SHARES',
  'LUMP_SUMS',
  'USAGE_ADJUSTED',
] as const;
export type CostModelKind = (typeof COST_MODELS)[number];

export const COST_MODEL_LABELS: Record<CostModelKind, { nb: string; en: string }> = {
  PER_INHABITANT_HOST_RESIDUAL: {
    nb: 'Pris per innbygger, vertskommunen dekker resten',
    en: 'Rate per inhabitant, host pays the residual',
  },
  HOST_EXCEPTION: {
    nb: 'Pris per innbygger med eget beløp for vertskommunen',
    en: 'Per inhabitant with a host exception',
  },
  BASE_PLUS_PER_INHABITANT: {
    nb: 'Grunnbeløp per kommune + per innbygger',
    en: 'Base amount per party + per inhabitant',
  },
  FIXED_SHARES: { nb: 'Faste prosentandeler', en: 'Fixed percentage shares' },
  LUMP_SUMS: { nb: 'Faste beløp, vertskommunen dekker resten', en: 'Lump sums, host pays the residual' },
  USAGE_ADJUSTED: { nb: 'Bruksjustert (kun beregning)', en: 'Usage-adjusted (what-if only)' },
};

/**
 * How one party's amount was computed, as codes with numbers (never prose), so each client words
 * it in its own language. A party's explanation is one or more parts added together.
 */
export const COST_EXPLANATION_CODES = [
  /** population × rateOre */
  'POPULATION_TIMES_RATE',
  /** population × rateOre, the host's own rate */
  'POPULATION_TIMES_OWN_RATE',
  /** the budget minus what the partners pay (amountOre) */
  'BUDGET_MINUS_PARTNERS',
  /** population inhabitants' share of the remainder after the host's own amount */
  'SHARE_OF_REMAINDER_BY_POPULATION',
  /** population inhabitants' share of what is left after the base amounts */
  'SHARE_OF_REST_BY_POPULATION',
  /** a fixed share (shareBp) of the budget, the host's own */
  'FIXED_SHARE_OF_BUDGET',
  /** a base amount (amountOre) */
  'BASE_AMOUNT',
  /** a fixed percentage share (shareBp) */
  'FIXED_SHARE',
  /** a fixed lump sum (amountOre) */
  'LUMP_SUM',
  /** the budget minus the partners' lump sums (amountOre) */
  'BUDGET_MINUS_LUMP_SUMS',
  /** (10 000 − shareBp) by population, shareBp by nights */
  'USAGE_WEIGHTED',
  /** extra charges (amountOre) */
  'EXTRA_CHARGES',
] as const;
export type CostExplanationCode = (typeof COST_EXPLANATION_CODES)[number];

export interface CostExplanationPart {
  code: CostExplanationCode;
  population?: number;
  amountOre?: Ore;
  shareBp?: number;
}

/** How a model splits the budget as a whole: codes with numbers, like the parts. */
export const COST_MODEL_EXPLANATION_CODES = [
  /** partners pay amountOre per inhabitant, the host the rest */
  'PARTNERS_PAY_RATE',
  'HOST_OWN_AMOUNT',
  /** every party pays a base amount (amountOre), the rest by population */
  'BASE_EACH_REST_BY_POPULATION',
  'FIXED_PERCENT_SHARES',
  'LUMP_SUMS_HOST_REST',
  /** shareBp by nights, the rest by population; what-if only */
  'USAGE_WEIGHTED_WHAT_IF',
] as const;
export type CostModelExplanationCode = (typeof COST_MODEL_EXPLANATION_CODES)[number];

export interface CostModelExplanation {
  code: CostModelExplanationCode;
  amountOre?: Ore;
  shareBp?: number;
}

const pct = (bp: number) => (bp / 100).toLocaleString('nb-NO');

/** One part in bokmål (the server's prose field and its spreadsheet exports). */
function partNb(part: CostExplanationPart): string {
  const pop = formatInteger(part.population ?? 0);
  const amount = formatOre(part.amountOre ?? 0);
  switch (part.code) {
    case 'POPULATION_TIMES_RATE':
      return `${pop} innbyggere × ${formatOre(part.amountOre ?? 0, true)}`;
    case 'POPULATION_TIMES_OWN_RATE':
      return `${pop} innbyggere × ${formatOre(part.amountOre ?? 0, true)} (egen pris)`;
    case 'BUDGET_MINUS_PARTNERS':
      return `budsjettet minus partnernes betaling (${amount})`;
    case 'SHARE_OF_REMAINDER_BY_POPULATION':
      return `${pop} innbyggere av restbeløpet, fordelt per innbygger`;
    case 'SHARE_OF_REST_BY_POPULATION':
      return `${pop} innbyggere av resten, fordelt per innbygger`;
    case 'FIXED_SHARE_OF_BUDGET':
      return `fast andel ${pct(part.shareBp ?? 0)} % av budsjettet`;
    case 'BASE_AMOUNT':
      return `grunnbeløp ${amount}`;
    case 'FIXED_SHARE':
      return `fast andel ${pct(part.shareBp ?? 0)} %`;
    case 'LUMP_SUM':
      return `fast beløp ${amount}`;
    case 'BUDGET_MINUS_LUMP_SUMS':
      return `budsjettet minus partnernes faste beløp (${amount})`;
    case 'USAGE_WEIGHTED':
      return `${pct(10_000 - (part.shareBp ?? 0))} % etter folketall, ${pct(part.shareBp ?? 0)} % etter overnattinger`;
    case 'EXTRA_CHARGES':
      return `tilleggskostnader ${amount}`;
  }
}

/** A party's explanation in bokmål: its parts joined by « + ». */
export function explainPartyNb(parts: readonly CostExplanationPart[]): string {
  return parts.map(partNb).join(' + ');
}

/** The model's explanation in bokmål. */
export function explainModelNb(e: CostModelExplanation): string {
  switch (e.code) {
    case 'PARTNERS_PAY_RATE':
      return `Samarbeidskommunene betaler ${formatOre(e.amountOre ?? 0, true)} per innbygger; vertskommunen dekker resten av budsjettet.`;
    case 'HOST_OWN_AMOUNT':
      return 'Vertskommunen betaler et eget beløp; samarbeidskommunene deler resten etter folketall.';
    case 'BASE_EACH_REST_BY_POPULATION':
      return `Hver kommune betaler et grunnbeløp på ${formatOre(e.amountOre ?? 0)}; resten fordeles etter folketall.`;
    case 'FIXED_PERCENT_SHARES':
      return 'Budsjettet fordeles etter faste prosentandeler.';
    case 'LUMP_SUMS_HOST_REST':
      return 'Samarbeidskommunene betaler faste beløp; vertskommunen dekker resten.';
    case 'USAGE_WEIGHTED_WHAT_IF':
      return `Beregning: ${pct(e.shareBp ?? 0)} % av budsjettet fordeles etter overnattinger, resten etter folketall. Kun til hvis-analyse.`;
  }
}

export type CostModel =
  /** Every partner pays the rate × its population; the host pays what is left of the budget. */
  | { kind: 'PER_INHABITANT_HOST_RESIDUAL'; rateOre: Ore }
  /** The host pays a rate or a share set separately; partners split the rest per inhabitant. */
  | { kind: 'HOST_EXCEPTION'; hostRateOre?: Ore | null; hostShareBp?: number | null }
  /** Each party pays a base amount; the rest is split per inhabitant among all parties. */
  | { kind: 'BASE_PLUS_PER_INHABITANT'; baseOre: Ore }
  /** Fixed percentage shares in basis points (1/100 %), summing to 10 000. */
  | { kind: 'FIXED_SHARES'; sharesBp: Record<string, number> }
  /** Partners pay agreed lump sums; the host pays what is left. */
  | { kind: 'LUMP_SUMS'; lumpSumsOre: Record<string, Ore> }
  /** What-if: a weight (basis points) of the budget follows overnight stays, the rest population. */
  | { kind: 'USAGE_ADJUSTED'; usageWeightBp: number };

export interface CostParty {
  kommunenummer: string;
  name?: string;
  role: 'HOST' | 'PARTNER';
  population: number;
  /** Overnight stays, for the usage-adjusted model (already protected against small numbers). */
  nights?: number | null;
  /** Extra charges billed to the party on top of its share (child transport, food …). */
  extraChargesOre?: Ore;
}

export interface PartyAllocation {
  kommunenummer: string;
  name: string;
  role: 'HOST' | 'PARTNER';
  population: number;
  /** The party's part of the budget. */
  allocatedOre: Ore;
  extraChargesOre: Ore;
  /** allocated + extra charges. */
  totalOre: Ore;
  /** total ÷ population, rounded to whole øre; null with no inhabitants. */
  perInhabitantOre: Ore | null;
  /** allocated ÷ budget (0–1). */
  share: number;
  /** How the amount was computed, as codes (see explainPartyNb for bokmål). */
  parts: CostExplanationPart[];
  /** The same in bokmål. */
  explanation: string;
}

export interface Allocation {
  model: CostModelKind;
  budgetOre: Ore;
  parties: PartyAllocation[];
  /** What the host pays as the residual (models where the host pays what is left). */
  hostResidualOre: Ore | null;
  /** How much more the host pays than its own rate would give (positive: the host subsidises the offer). */
  hostSubsidyOre: Ore | null;
  /** Host's kr per inhabitant ÷ the partners' average kr per inhabitant. */
  hostPartnerRatio: number | null;
  /** Flag when the host pays 5× or more per inhabitant than its partners. */
  ratioFlag: boolean;
  modelExplanation: CostModelExplanation;
  /** The same in bokmål. */
  explanation: string;
}

export const HOST_PARTNER_RATIO_FLAG = 5;

export class CostModelError extends Error {
  constructor(
    readonly field: string,
    /** The message by key (server-messages.ts); `message` is its bokmål text. */
    readonly problem: ServerMessage,
  ) {
    super(formatServerMessage(problem));
    this.name = 'CostModelError';
  }
}

const label = (p: CostParty) => p.name ?? p.kommunenummer;

function validate(budgetOre: Ore, parties: readonly CostParty[]) {
  if (!Number.isSafeInteger(budgetOre) || budgetOre < 0) throw new CostModelError('budget', msg('cost.budgetNegative'));
  const hosts = parties.filter((p) => p.role === 'HOST');
  if (hosts.length !== 1) throw new CostModelError('parties', msg('cost.oneHost'));
  const seen = new Set<string>();
  for (const p of parties) {
    if (seen.has(p.kommunenummer)) throw new CostModelError('parties', msg('cost.partyTwice', { name: label(p) }));
    seen.add(p.kommunenummer);
    if (!Number.isSafeInteger(p.population) || p.population < 0)
      throw new CostModelError('parties', msg('cost.populationInvalid', { name: label(p) }));
    if (p.extraChargesOre !== undefined) assertOre(p.extraChargesOre, 'extra charges');
  }
}

/** Splits the budget according to the model. Throws CostModelError naming the bad parameter. */
export function allocateCosts(budgetOre: Ore, model: CostModel, parties: readonly CostParty[]): Allocation {
  validate(budgetOre, parties);
  const hostIndex = parties.findIndex((p) => p.role === 'HOST');
  const host = parties[hostIndex];
  const amounts: Ore[] = new Array(parties.length).fill(0);
  const why: CostExplanationPart[][] = parties.map(() => []);
  let hostResidualOre: Ore | null = null;
  let hostSubsidyOre: Ore | null = null;
  let explanation: CostModelExplanation;

  /** Splits `pot` among the given indexes per inhabitant (largest remainder). */
  const perInhabitant = (
    pot: Ore,
    idx: number[],
    code: 'SHARE_OF_REMAINDER_BY_POPULATION' | 'SHARE_OF_REST_BY_POPULATION',
  ) => {
    const parts = largestRemainder(
      pot,
      idx.map((i) => parties[i].population),
    );
    idx.forEach((i, k) => {
      amounts[i] += parts[k];
      why[i].push({ code, population: parties[i].population });
    });
  };

  switch (model.kind) {
    case 'PER_INHABITANT_HOST_RESIDUAL': {
      if (!Number.isSafeInteger(model.rateOre) || model.rateOre < 0)
        throw new CostModelError('model.rateOre', msg('cost.rateNegative'));
      let partners = 0;
      parties.forEach((p, i) => {
        if (i === hostIndex) return;
        amounts[i] = model.rateOre * p.population;
        partners += amounts[i];
        why[i] = [{ code: 'POPULATION_TIMES_RATE', population: p.population, amountOre: model.rateOre }];
      });
      amounts[hostIndex] = budgetOre - partners;
      hostResidualOre = amounts[hostIndex];
      hostSubsidyOre = hostResidualOre - model.rateOre * host.population;
      why[hostIndex] = [{ code: 'BUDGET_MINUS_PARTNERS', amountOre: partners }];
      explanation = { code: 'PARTNERS_PAY_RATE', amountOre: model.rateOre };
      break;
    }
    case 'HOST_EXCEPTION': {
      const { hostRateOre, hostShareBp } = model;
      if ((hostRateOre ?? null) !== null && (hostShareBp ?? null) !== null) {
        throw new CostModelError('model.hostShareBp', msg('cost.hostRateOrShare'));
      }
      if ((hostRateOre ?? null) === null && (hostShareBp ?? null) === null) {
        throw new CostModelError('model.hostRateOre', msg('cost.hostRateOrShareMissing'));
      }
      if (hostShareBp !== null && hostShareBp !== undefined) {
        if (!Number.isInteger(hostShareBp) || hostShareBp < 0 || hostShareBp > 10_000)
          throw new CostModelError('model.hostShareBp', msg('cost.hostShareRange'));
        amounts[hostIndex] = largestRemainder(budgetOre, [hostShareBp, 10_000 - hostShareBp])[0];
        why[hostIndex] = [{ code: 'FIXED_SHARE_OF_BUDGET', shareBp: hostShareBp }];
      } else {
        if (!Number.isSafeInteger(hostRateOre) || hostRateOre! < 0)
          throw new CostModelError('model.hostRateOre', msg('cost.hostRateNegative'));
        amounts[hostIndex] = hostRateOre! * host.population;
        why[hostIndex] = [{ code: 'POPULATION_TIMES_OWN_RATE', population: host.population, amountOre: hostRateOre! }];
      }
      const rest = budgetOre - amounts[hostIndex];
      const partnerIdx = parties.map((_, i) => i).filter((i) => i !== hostIndex);
      if (rest < 0) throw new CostModelError('model', msg('cost.hostAboveBudget'));
      if (partnerIdx.length === 0 && rest > 0) throw new CostModelError('parties', msg('cost.noPartners'));
      perInhabitant(rest, partnerIdx, 'SHARE_OF_REMAINDER_BY_POPULATION');
      explanation = { code: 'HOST_OWN_AMOUNT' };
      break;
    }
    case 'BASE_PLUS_PER_INHABITANT': {
      if (!Number.isSafeInteger(model.baseOre) || model.baseOre < 0)
        throw new CostModelError('model.baseOre', msg('cost.baseNegative'));
      const bases = model.baseOre * parties.length;
      if (bases > budgetOre)
        throw new CostModelError(
          'model.baseOre',
          msg('cost.basesAboveBudget', { bases: formatOre(bases), budget: formatOre(budgetOre) }),
        );
      parties.forEach((_, i) => {
        amounts[i] = model.baseOre;
        why[i] = [{ code: 'BASE_AMOUNT', amountOre: model.baseOre }];
      });
      perInhabitant(
        budgetOre - bases,
        parties.map((_, i) => i),
        'SHARE_OF_REST_BY_POPULATION',
      );
      explanation = { code: 'BASE_EACH_REST_BY_POPULATION', amountOre: model.baseOre };
      break;
    }
    case 'FIXED_SHARES': {
      const shares = parties.map((p) => model.sharesBp[p.kommunenummer]);
      const unknown = Object.keys(model.sharesBp).filter((k) => !parties.some((p) => p.kommunenummer === k));
      if (unknown.length)
        throw new CostModelError('model.sharesBp', msg('cost.shareForNonParty', { kommunenummer: unknown.join(', ') }));
      if (shares.some((s) => s === undefined || !Number.isInteger(s) || s < 0))
        throw new CostModelError('model.sharesBp', msg('cost.shareEach'));
      const total = shares.reduce((a, b) => a + b, 0);
      if (total !== 10_000)
        throw new CostModelError(
          'model.sharesBp',
          msg('cost.sharesTotal', { total: (total / 100).toLocaleString('nb-NO') }),
        );
      largestRemainder(budgetOre, shares).forEach((a, i) => {
        amounts[i] = a;
        why[i] = [{ code: 'FIXED_SHARE', shareBp: shares[i] }];
      });
      explanation = { code: 'FIXED_PERCENT_SHARES' };
      break;
    }
    case 'LUMP_SUMS': {
      let partners = 0;
      for (const k of Object.keys(model.lumpSumsOre)) {
        const p = parties.find((x) => x.kommunenummer === k);
        if (!p) throw new CostModelError('model.lumpSumsOre', msg('cost.lumpSumForNonParty', { kommunenummer: k }));
        if (p.role === 'HOST') throw new CostModelError('model.lumpSumsOre', msg('cost.lumpSumHost'));
      }
      parties.forEach((p, i) => {
        if (i === hostIndex) return;
        const sum = model.lumpSumsOre[p.kommunenummer];
        if (sum === undefined || !Number.isSafeInteger(sum) || sum < 0)
          throw new CostModelError('model.lumpSumsOre', msg('cost.lumpSumMissing', { name: label(p) }));
        amounts[i] = sum;
        partners += sum;
        why[i] = [{ code: 'LUMP_SUM', amountOre: sum }];
      });
      amounts[hostIndex] = budgetOre - partners;
      hostResidualOre = amounts[hostIndex];
      why[hostIndex] = [{ code: 'BUDGET_MINUS_LUMP_SUMS', amountOre: partners }];
      explanation = { code: 'LUMP_SUMS_HOST_REST' };
      break;
    }
    case 'USAGE_ADJUSTED': {
      const w = model.usageWeightBp;
      if (!Number.isInteger(w) || w < 0 || w > 10_000)
        throw new CostModelError('model.usageWeightBp', msg('cost.usageWeightRange'));
      const nights = parties.map((p) => p.nights ?? 0);
      if (nights.some((n) => !Number.isFinite(n) || n < 0))
        throw new CostModelError('parties', msg('cost.nightsNegative'));
      const P = BigInt(parties.reduce((a, p) => a + p.population, 0));
      // Nights may be fractional after small-number protection: count in tenths.
      const tenths = nights.map((n) => BigInt(Math.round(n * 10)));
      const N = tenths.reduce((a, b) => a + b, 0n);
      // weight_i = (1−w)·pop_i/P + w·nights_i/N, over the common denominator P·N·10 000.
      const weights = parties.map((p, i) =>
        N === 0n || P === 0n
          ? BigInt(p.population)
          : BigInt(10_000 - w) * BigInt(p.population) * N + BigInt(w) * tenths[i] * P,
      );
      largestRemainder(budgetOre, weights).forEach((a, i) => {
        amounts[i] = a;
        why[i] = [{ code: 'USAGE_WEIGHTED', shareBp: w }];
      });
      explanation = { code: 'USAGE_WEIGHTED_WHAT_IF', shareBp: w };
      break;
    }
  }

  const result: PartyAllocation[] = parties.map((p, i) => {
    const extra = p.extraChargesOre ?? 0;
    const total = amounts[i] + extra;
    const parts: CostExplanationPart[] = extra ? [...why[i], { code: 'EXTRA_CHARGES', amountOre: extra }] : why[i];
    return {
      kommunenummer: p.kommunenummer,
      name: label(p),
      role: p.role,
      population: p.population,
      allocatedOre: amounts[i],
      extraChargesOre: extra,
      totalOre: total,
      perInhabitantOre: p.population > 0 ? Math.round(total / p.population) : null,
      share: budgetOre > 0 ? amounts[i] / budgetOre : 0,
      parts,
      explanation: explainPartyNb(parts),
    };
  });

  const partners = result.filter((p) => p.role === 'PARTNER');
  const partnerPop = partners.reduce((a, p) => a + p.population, 0);
  const partnerPerInh = partnerPop > 0 ? partners.reduce((a, p) => a + p.totalOre, 0) / partnerPop : null;
  const hostPerInh = host.population > 0 ? result[hostIndex].totalOre / host.population : null;
  const hostPartnerRatio =
    hostPerInh !== null && partnerPerInh !== null && partnerPerInh > 0 ? hostPerInh / partnerPerInh : null;

  return {
    model: model.kind,
    budgetOre,
    parties: result,
    hostResidualOre,
    hostSubsidyOre,
    hostPartnerRatio,
    ratioFlag: hostPartnerRatio !== null && hostPartnerRatio >= HOST_PARTNER_RATIO_FLAG,
    modelExplanation: explanation,
    explanation: explainModelNb(explanation),
  };
}

/** Models in which a negative part can occur (the host's residual when partners pay more than the budget). */
export function modelAllowsNegative(kind: CostModelKind): boolean {
  return kind === 'PER_INHABITANT_HOST_RESIDUAL' || kind === 'LUMP_SUMS';
}
