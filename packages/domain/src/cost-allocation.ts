import { formatInteger } from './format';
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
  PER_INHABITANT_HOST_RESIDUAL: { nb: 'Pris per innbygger, vertskommunen dekker resten', en: 'Rate per inhabitant, host pays the residual' },
  HOST_EXCEPTION: { nb: 'Pris per innbygger med eget beløp for vertskommunen', en: 'Per inhabitant with a host exception' },
  BASE_PLUS_PER_INHABITANT: { nb: 'Grunnbeløp per kommune + per innbygger', en: 'Base amount per party + per inhabitant' },
  FIXED_SHARES: { nb: 'Faste prosentandeler', en: 'Fixed percentage shares' },
  LUMP_SUMS: { nb: 'Faste beløp, vertskommunen dekker resten', en: 'Lump sums, host pays the residual' },
  USAGE_ADJUSTED: { nb: 'Bruksjustert (kun beregning)', en: 'Usage-adjusted (what-if only)' },
};

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
  explanation: string;
}

export const HOST_PARTNER_RATIO_FLAG = 5;

export class CostModelError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'CostModelError';
  }
}

const label = (p: CostParty) => p.name ?? p.kommunenummer;
const rate = (ore: Ore) => formatOre(ore, true);

function validate(budgetOre: Ore, parties: readonly CostParty[]) {
  if (!Number.isSafeInteger(budgetOre) || budgetOre < 0) throw new CostModelError('budget', 'Budsjettet må være et ikke-negativt beløp i hele øre.');
  const hosts = parties.filter((p) => p.role === 'HOST');
  if (hosts.length !== 1) throw new CostModelError('parties', 'Kostnadsfordelingen trenger nøyaktig én vertskommune.');
  const seen = new Set<string>();
  for (const p of parties) {
    if (seen.has(p.kommunenummer)) throw new CostModelError('parties', `${label(p)} står to ganger.`);
    seen.add(p.kommunenummer);
    if (!Number.isSafeInteger(p.population) || p.population < 0) throw new CostModelError('parties', `Folketallet for ${label(p)} må være et helt, ikke-negativt tall.`);
    if (p.extraChargesOre !== undefined) assertOre(p.extraChargesOre, 'extra charges');
  }
}

/** Splits the budget according to the model. Throws CostModelError naming the bad parameter. */
export function allocateCosts(budgetOre: Ore, model: CostModel, parties: readonly CostParty[]): Allocation {
  validate(budgetOre, parties);
  const hostIndex = parties.findIndex((p) => p.role === 'HOST');
  const host = parties[hostIndex];
  const amounts: Ore[] = new Array(parties.length).fill(0);
  const why: string[] = new Array(parties.length).fill('');
  let hostResidualOre: Ore | null = null;
  let hostSubsidyOre: Ore | null = null;
  let explanation: string;

  /** Splits `pot` among the given indexes per inhabitant (largest remainder). */
  const perInhabitant = (pot: Ore, idx: number[], note: string) => {
    const parts = largestRemainder(pot, idx.map((i) => parties[i].population));
    idx.forEach((i, k) => {
      amounts[i] += parts[k];
      why[i] = `${why[i] ? `${why[i]} + ` : ''}${formatInteger(parties[i].population)} innbyggere ${note}`;
    });
  };

  switch (model.kind) {
    case 'PER_INHABITANT_HOST_RESIDUAL': {
      if (!Number.isSafeInteger(model.rateOre) || model.rateOre < 0) throw new CostModelError('model.rateOre', 'Prisen per innbygger må være et ikke-negativt beløp.');
      let partners = 0;
      parties.forEach((p, i) => {
        if (i === hostIndex) return;
        amounts[i] = model.rateOre * p.population;
        partners += amounts[i];
        why[i] = `${formatInteger(p.population)} innbyggere × ${rate(model.rateOre)}`;
      });
      amounts[hostIndex] = budgetOre - partners;
      hostResidualOre = amounts[hostIndex];
      hostSubsidyOre = hostResidualOre - model.rateOre * host.population;
      why[hostIndex] = `budsjettet minus partnernes betaling (${formatOre(partners)})`;
      explanation = `Samarbeidskommunene betaler ${rate(model.rateOre)} per innbygger; vertskommunen dekker resten av budsjettet.`;
      break;
    }
    case 'HOST_EXCEPTION': {
      const { hostRateOre, hostShareBp } = model;
      if ((hostRateOre ?? null) !== null && (hostShareBp ?? null) !== null) {
        throw new CostModelError('model.hostShareBp', 'Oppgi enten en egen pris per innbygger eller en egen andel for vertskommunen, ikke begge.');
      }
      if ((hostRateOre ?? null) === null && (hostShareBp ?? null) === null) {
        throw new CostModelError('model.hostRateOre', 'Oppgi vertskommunens egen pris per innbygger (kr) eller dens andel av budsjettet (%).');
      }
      if (hostShareBp !== null && hostShareBp !== undefined) {
        if (!Number.isInteger(hostShareBp) || hostShareBp < 0 || hostShareBp > 10_000) throw new CostModelError('model.hostShareBp', 'Vertskommunens andel må være mellom 0 og 100 %.');
        amounts[hostIndex] = largestRemainder(budgetOre, [hostShareBp, 10_000 - hostShareBp])[0];
        why[hostIndex] = `fast andel ${(hostShareBp / 100).toLocaleString('nb-NO')} % av budsjettet`;
      } else {
        if (!Number.isSafeInteger(hostRateOre) || hostRateOre! < 0) throw new CostModelError('model.hostRateOre', 'Vertskommunens pris per innbygger må være et ikke-negativt beløp.');
        amounts[hostIndex] = hostRateOre! * host.population;
        why[hostIndex] = `${formatInteger(host.population)} innbyggere × ${rate(hostRateOre!)} (egen pris)`;
      }
      const rest = budgetOre - amounts[hostIndex];
      const partnerIdx = parties.map((_, i) => i).filter((i) => i !== hostIndex);
      if (rest < 0) throw new CostModelError('model', 'Vertskommunens beløp er større enn budsjettet.');
      if (partnerIdx.length === 0 && rest > 0) throw new CostModelError('parties', 'Uten samarbeidskommuner er det ingen som kan dekke resten av budsjettet.');
      perInhabitant(rest, partnerIdx, 'av restbeløpet, fordelt per innbygger');
      explanation = 'Vertskommunen betaler et eget beløp; samarbeidskommunene deler resten etter folketall.';
      break;
    }
    case 'BASE_PLUS_PER_INHABITANT': {
      if (!Number.isSafeInteger(model.baseOre) || model.baseOre < 0) throw new CostModelError('model.baseOre', 'Grunnbeløpet må være et ikke-negativt beløp.');
      const bases = model.baseOre * parties.length;
      if (bases > budgetOre) throw new CostModelError('model.baseOre', `Grunnbeløpene (${formatOre(bases)}) er større enn budsjettet (${formatOre(budgetOre)}).`);
      parties.forEach((_, i) => {
        amounts[i] = model.baseOre;
        why[i] = `grunnbeløp ${formatOre(model.baseOre)}`;
      });
      perInhabitant(budgetOre - bases, parties.map((_, i) => i), 'av resten, fordelt per innbygger');
      explanation = `Hver kommune betaler et grunnbeløp på ${formatOre(model.baseOre)}; resten fordeles etter folketall.`;
      break;
    }
    case 'FIXED_SHARES': {
      const shares = parties.map((p) => model.sharesBp[p.kommunenummer]);
      const unknown = Object.keys(model.sharesBp).filter((k) => !parties.some((p) => p.kommunenummer === k));
      if (unknown.length) throw new CostModelError('model.sharesBp', `Andel oppgitt for en kommune som ikke er part: ${unknown.join(', ')}.`);
      if (shares.some((s) => s === undefined || !Number.isInteger(s) || s < 0)) throw new CostModelError('model.sharesBp', 'Hver part må ha en andel (0–100 %).');
      const total = shares.reduce((a, b) => a + b, 0);
      if (total !== 10_000) throw new CostModelError('model.sharesBp', `Andelene må til sammen bli 100 %, ikke ${(total / 100).toLocaleString('nb-NO')} %.`);
      largestRemainder(budgetOre, shares).forEach((a, i) => {
        amounts[i] = a;
        why[i] = `fast andel ${(shares[i] / 100).toLocaleString('nb-NO')} %`;
      });
      explanation = 'Budsjettet fordeles etter faste prosentandeler.';
      break;
    }
    case 'LUMP_SUMS': {
      let partners = 0;
      for (const k of Object.keys(model.lumpSumsOre)) {
        const p = parties.find((x) => x.kommunenummer === k);
        if (!p) throw new CostModelError('model.lumpSumsOre', `Beløp oppgitt for en kommune som ikke er part: ${k}.`);
        if (p.role === 'HOST') throw new CostModelError('model.lumpSumsOre', 'Vertskommunen betaler resten og har ikke et fast beløp.');
      }
      parties.forEach((p, i) => {
        if (i === hostIndex) return;
        const sum = model.lumpSumsOre[p.kommunenummer];
        if (sum === undefined || !Number.isSafeInteger(sum) || sum < 0) throw new CostModelError('model.lumpSumsOre', `${label(p)} mangler et fast beløp.`);
        amounts[i] = sum;
        partners += sum;
        why[i] = `fast beløp ${formatOre(sum)}`;
      });
      amounts[hostIndex] = budgetOre - partners;
      hostResidualOre = amounts[hostIndex];
      why[hostIndex] = `budsjettet minus partnernes faste beløp (${formatOre(partners)})`;
      explanation = 'Samarbeidskommunene betaler faste beløp; vertskommunen dekker resten.';
      break;
    }
    case 'USAGE_ADJUSTED': {
      const w = model.usageWeightBp;
      if (!Number.isInteger(w) || w < 0 || w > 10_000) throw new CostModelError('model.usageWeightBp', 'Vekten for bruk må være mellom 0 og 100 %.');
      const nights = parties.map((p) => p.nights ?? 0);
      if (nights.some((n) => !Number.isFinite(n) || n < 0)) throw new CostModelError('parties', 'Overnattingstall må være ikke-negative.');
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
        why[i] = `${((10_000 - w) / 100).toLocaleString('nb-NO')} % etter folketall, ${(w / 100).toLocaleString('nb-NO')} % etter overnattinger`;
      });
      explanation = `Beregning: ${(w / 100).toLocaleString('nb-NO')} % av budsjettet fordeles etter overnattinger, resten etter folketall. Kun til hvis-analyse.`;
      break;
    }
  }

  const result: PartyAllocation[] = parties.map((p, i) => {
    const extra = p.extraChargesOre ?? 0;
    const total = amounts[i] + extra;
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
      explanation: why[i] + (extra ? ` + tilleggskostnader ${formatOre(extra)}` : ''),
    };
  });

  const partners = result.filter((p) => p.role === 'PARTNER');
  const partnerPop = partners.reduce((a, p) => a + p.population, 0);
  const partnerPerInh = partnerPop > 0 ? partners.reduce((a, p) => a + p.totalOre, 0) / partnerPop : null;
  const hostPerInh = host.population > 0 ? result[hostIndex].totalOre / host.population : null;
  const hostPartnerRatio = hostPerInh !== null && partnerPerInh !== null && partnerPerInh > 0 ? hostPerInh / partnerPerInh : null;

  return {
    model: model.kind,
    budgetOre,
    parties: result,
    hostResidualOre,
    hostSubsidyOre,
    hostPartnerRatio,
    ratioFlag: hostPartnerRatio !== null && hostPartnerRatio >= HOST_PARTNER_RATIO_FLAG,
    explanation,
  };
}

/** Models in which a negative part can occur (the host's residual when partners pay more than the budget). */
export function modelAllowsNegative(kind: CostModelKind): boolean {
  return kind === 'PER_INHABITANT_HOST_RESIDUAL' || kind === 'LUMP_SUMS';
}
