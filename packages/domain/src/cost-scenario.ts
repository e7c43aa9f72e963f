import {
  allocateCosts,
  COST_MODEL_LABELS,
  CostModelError,
  type Allocation,
  type CostModel,
  type CostModelKind,
  type CostParty,
} from './cost-allocation';
import { formatOre, largestRemainder, type Ore } from './money';
import { formatServerMessage, msg, type ServerMessage, type ServerMessageKey } from './server-messages';

/**
 * The scenario engine: a centre's year (its members, net budget, investments and cost model) and a
 * what-if (another model or rate, partners leaving or joining, an extra investment) turned into an
 * allocation. Pure: the server loads the year and calls it for costDistribution, simulateCostSharing
 * and the trend; the dashboard uses the same term rules to check the simulator's fields.
 */

/** A cost model's parameters as an agreement stores them. */
export interface CostParams {
  rateOre?: Ore | null;
  hostRateOre?: Ore | null;
  hostShareBp?: number | null;
  baseOre?: Ore | null;
  sharesBp?: Record<string, number>;
  lumpSumsOre?: Record<string, Ore>;
  usageWeightBp?: number | null;
}

/** The stored terms as a model; parameters the agreement never set count as 0 (the engine then says what is missing). */
export function modelOf(kind: CostModelKind, p: CostParams = {}): CostModel {
  switch (kind) {
    case 'PER_INHABITANT_HOST_RESIDUAL':
      return { kind, rateOre: p.rateOre ?? 0 };
    case 'HOST_EXCEPTION':
      return { kind, hostRateOre: p.hostRateOre ?? null, hostShareBp: p.hostShareBp ?? null };
    case 'BASE_PLUS_PER_INHABITANT':
      return { kind, baseOre: p.baseOre ?? 0 };
    case 'FIXED_SHARES':
      return { kind, sharesBp: p.sharesBp ?? {} };
    case 'LUMP_SUMS':
      return { kind, lumpSumsOre: p.lumpSumsOre ?? {} };
    case 'USAGE_ADJUSTED':
      return { kind, usageWeightBp: p.usageWeightBp ?? 0 };
  }
}

/** The parameters each model reads (the simulator shows these fields and no others). */
export const MODEL_PARAMS: Record<CostModelKind, readonly (keyof CostParams)[]> = {
  PER_INHABITANT_HOST_RESIDUAL: ['rateOre'],
  HOST_EXCEPTION: ['hostRateOre', 'hostShareBp'],
  BASE_PLUS_PER_INHABITANT: ['baseOre'],
  FIXED_SHARES: ['sharesBp'],
  LUMP_SUMS: ['lumpSumsOre'],
  USAGE_ADJUSTED: ['usageWeightBp'],
};

const REQUIRED: Partial<Record<keyof CostParams, ServerMessageKey>> = {
  rateOre: 'cost.requiredRate',
  baseOre: 'cost.requiredBase',
  usageWeightBp: 'cost.requiredUsageWeight',
  sharesBp: 'cost.requiredShares',
  lumpSumsOre: 'cost.requiredLumpSums',
};

const given = (x: unknown) => x !== null && x !== undefined;

/**
 * The model a what-if asks for. With the agreement's own model, what the what-if leaves out is taken
 * from the agreement (a new rate alone changes the rate; a host rate replaces a host share and the other
 * way round). With another model, every parameter it needs must be given: none defaults to 0.
 * Throws CostModelError at `model.<param>`.
 */
export function scenarioModel(
  current: { kind: CostModelKind; params: CostParams } | null,
  terms: { model: CostModelKind } & CostParams,
): CostModel {
  const kind = terms.model;
  const own = MODEL_PARAMS[kind];
  const mine: CostParams = {};
  for (const k of own) if (given(terms[k])) (mine as Record<string, unknown>)[k] = terms[k];
  let params: CostParams = mine;
  if (current && current.kind === kind) {
    params = { ...current.params };
    if (kind === 'HOST_EXCEPTION' && (given(mine.hostRateOre) || given(mine.hostShareBp))) {
      params.hostRateOre = null;
      params.hostShareBp = null;
    }
    Object.assign(params, mine);
  }
  for (const k of own) {
    if (kind === 'HOST_EXCEPTION') continue;
    if (!given(params[k]))
      throw new CostModelError(`model.${k}`, REQUIRED[k] ? msg(REQUIRED[k]) : msg('cost.required', { param: k }));
  }
  return modelOf(kind, params);
}

/**
 * Checks a model's parameters against the parties without a budget (setting terms before any budget
 * exists): the budget used is the least the model needs, so only the parameters themselves can fail.
 */
export function checkCostModel(model: CostModel, parties: readonly CostParty[]): void {
  let budget = 0;
  if (model.kind === 'BASE_PLUS_PER_INHABITANT' && Number.isSafeInteger(model.baseOre) && model.baseOre > 0)
    budget = model.baseOre * parties.length;
  if (
    model.kind === 'HOST_EXCEPTION' &&
    given(model.hostRateOre) &&
    !given(model.hostShareBp) &&
    Number.isSafeInteger(model.hostRateOre)
  ) {
    budget = Math.max(0, model.hostRateOre! * (parties.find((p) => p.role === 'HOST')?.population ?? 0));
  }
  allocateCosts(budget, model, parties);
}

/** An investment in a centre. Host-only ones (not shared) are depreciated over their years. */
export interface ScenarioInvestment {
  year: number;
  amountOre: Ore;
  shared: boolean;
  paidByKommunenummer: string | null;
  /** Years to depreciate over (1 or missing: all in its year). */
  depreciationYears?: number | null;
}

/** A centre's year as stored: the members on the reference day and the money. */
export interface CentreYear {
  year: number;
  hostKommunenummer: string;
  /** Operating cost − state grants − other income. */
  netBudgetOre: Ore;
  model: CostModel;
  parties: CostParty[];
  /** The centre's investments of this and earlier years (earlier ones for depreciation). */
  investments: readonly ScenarioInvestment[];
}

/** A what-if on a centre's year. */
export interface Scenario {
  model?: CostModel | null;
  remove?: readonly string[];
  /** Municipalities joining as partners (their population looked up by the caller). */
  add?: readonly CostParty[];
  investment?: { amountOre: Ore; shared: boolean } | null;
}

export class ScenarioError extends Error {
  constructor(
    readonly field: string,
    /** The message by key (server-messages.ts); `message` is its bokmål text. */
    readonly problem: ServerMessage,
  ) {
    super(formatServerMessage(problem));
    this.name = 'ScenarioError';
  }
}

export interface ScenarioResult {
  allocation: Allocation;
  /** Net budget + shared investments of the year: what is split. */
  budgetOre: Ore;
  /** Investments of the year the host carries alone (not shared, paid by the host). */
  hostInvestmentsOre: Ore;
  /** This year's depreciation of the host's own investments (this and earlier years). */
  hostDepreciationOre: Ore;
  /** The host's kr per inhabitant with its depreciated own investments added (øre); null with no inhabitants. */
  hostPerInhabitantWithInvestmentsOre: Ore | null;
  /** Host ÷ partners per inhabitant with the depreciated own investments. */
  hostPartnerRatioWithInvestments: number | null;
}

/** The part of a host-only investment that falls in `year` (equal parts to the øre over its years). */
export function depreciationIn(inv: ScenarioInvestment, year: number): Ore {
  const n = Math.max(1, Math.floor(inv.depreciationYears ?? 1));
  const k = year - inv.year;
  if (k < 0 || k >= n) return 0;
  return largestRemainder(inv.amountOre, new Array(n).fill(1))[k];
}

/** Runs a centre's year, optionally under a what-if. Throws ScenarioError (input) or CostModelError (model). */
export function runScenario(base: CentreYear, scenario: Scenario = {}): ScenarioResult {
  let parties = [...base.parties];
  const byNumber = new Map(parties.map((p) => [p.kommunenummer, p]));
  (scenario.remove ?? []).forEach((k, i) => {
    const p = byNumber.get(k);
    if (!p) throw new ScenarioError(`removeMunicipalities.${i}`, msg('cost.removeNotParty', { kommunenummer: k }));
    if (p.role === 'HOST') throw new ScenarioError(`removeMunicipalities.${i}`, msg('cost.removeHost'));
  });
  (scenario.add ?? []).forEach((p, i) => {
    if (byNumber.has(p.kommunenummer))
      throw new ScenarioError(`addMunicipalities.${i}`, msg('cost.alreadyParty', { name: p.name ?? p.kommunenummer }));
  });
  const removed = new Set(scenario.remove ?? []);
  parties = [
    ...parties.filter((p) => !removed.has(p.kommunenummer)),
    ...(scenario.add ?? []).map((p) => ({ ...p, role: 'PARTNER' as const })),
  ];

  const thisYear = base.investments.filter((i) => i.year === base.year);
  const extra: ScenarioInvestment[] = scenario.investment
    ? [
        {
          year: base.year,
          amountOre: scenario.investment.amountOre,
          shared: scenario.investment.shared,
          paidByKommunenummer: scenario.investment.shared ? null : base.hostKommunenummer,
        },
      ]
    : [];
  const hostOwn = (i: ScenarioInvestment) => !i.shared && i.paidByKommunenummer === base.hostKommunenummer;
  const sharedOre = [...thisYear, ...extra].filter((i) => i.shared).reduce((a, i) => a + i.amountOre, 0);
  const hostInvestmentsOre = [...thisYear, ...extra].filter(hostOwn).reduce((a, i) => a + i.amountOre, 0);
  const hostDepreciationOre = [...base.investments.filter((i) => i.year <= base.year), ...extra]
    .filter(hostOwn)
    .reduce((a, i) => a + depreciationIn(i, base.year), 0);
  const budgetOre = base.netBudgetOre + sharedOre;
  if (budgetOre < 0)
    throw new ScenarioError('budget', msg('cost.netBudgetNegative', { year: base.year, amount: formatOre(budgetOre) }));

  const allocation = allocateCosts(budgetOre, scenario.model ?? base.model, parties);
  const host = allocation.parties.find((p) => p.role === 'HOST')!;
  const hostWith = host.population > 0 ? Math.round((host.totalOre + hostDepreciationOre) / host.population) : null;
  const partners = allocation.parties.filter((p) => p.role === 'PARTNER');
  const partnerPop = partners.reduce((a, p) => a + p.population, 0);
  const partnerPerInh = partnerPop > 0 ? partners.reduce((a, p) => a + p.totalOre, 0) / partnerPop : null;
  const hostWithExact = host.population > 0 ? (host.totalOre + hostDepreciationOre) / host.population : null;
  return {
    allocation,
    budgetOre,
    hostInvestmentsOre,
    hostDepreciationOre,
    hostPerInhabitantWithInvestmentsOre: hostWith,
    hostPartnerRatioWithInvestments:
      hostWithExact !== null && partnerPerInh !== null && partnerPerInh > 0 ? hostWithExact / partnerPerInh : null,
  };
}

export interface ScenarioDifference {
  kommunenummer: string;
  name: string;
  role: 'HOST' | 'PARTNER';
  beforeOre: Ore | null;
  afterOre: Ore | null;
  differenceOre: Ore;
  beforePerInhabitantOre: Ore | null;
  afterPerInhabitantOre: Ore | null;
}

/** Party by party, before and after (parties in the order before, then the ones joining). */
export function compareScenarios(before: Allocation, after: Allocation): ScenarioDifference[] {
  const keys = [...new Set([...before.parties, ...after.parties].map((p) => p.kommunenummer))];
  return keys.map((k) => {
    const b = before.parties.find((p) => p.kommunenummer === k);
    const a = after.parties.find((p) => p.kommunenummer === k);
    return {
      kommunenummer: k,
      name: (a ?? b)!.name,
      role: (a ?? b)!.role,
      beforeOre: b?.totalOre ?? null,
      afterOre: a?.totalOre ?? null,
      differenceOre: (a?.totalOre ?? 0) - (b?.totalOre ?? 0),
      beforePerInhabitantOre: b?.perInhabitantOre ?? null,
      afterPerInhabitantOre: a?.perInhabitantOre ?? null,
    };
  });
}

/** One line: what the change does to the host and to the partners together. */
export function scenarioSummary(
  before: ScenarioResult,
  after: ScenarioResult,
  differences: readonly ScenarioDifference[],
): string {
  const sum = (role: 'HOST' | 'PARTNER') =>
    differences.filter((d) => d.role === role).reduce((a, d) => a + d.differenceOre, 0);
  const say = (ore: Ore) =>
    ore === 0 ? 'uendret' : ore > 0 ? `${formatOre(ore, true)} mer` : `${formatOre(-ore, true)} mindre`;
  const model =
    after.allocation.model === before.allocation.model ? '' : ` med «${COST_MODEL_LABELS[after.allocation.model].nb}»`;
  return `Budsjett ${formatOre(after.budgetOre, true)}${model}: vertskommunen betaler ${say(sum('HOST'))}, samarbeidskommunene til sammen ${say(sum('PARTNER'))}.`;
}

const QUARTER_ENDS = ['03-31', '06-30', '09-30', '12-31'];

export interface InvoiceLine {
  kommunenummer: string;
  name: string;
  quarter: 1 | 2 | 3 | 4;
  /** ISO date: the last day of the quarter. */
  dueDate: string;
  amountOre: Ore;
}

/** Each partner's total split into four quarterly invoices that sum exactly (due the last day of each quarter). */
export function invoicePlan(
  year: number,
  parties: readonly { kommunenummer: string; name: string; role: 'HOST' | 'PARTNER'; totalOre: Ore }[],
): InvoiceLine[] {
  const lines: InvoiceLine[] = [];
  for (const p of parties.filter((x) => x.role === 'PARTNER')) {
    largestRemainder(p.totalOre, [1, 1, 1, 1]).forEach((amountOre, q) => {
      lines.push({
        kommunenummer: p.kommunenummer,
        name: p.name,
        quarter: (q + 1) as InvoiceLine['quarter'],
        dueDate: `${year}-${QUARTER_ENDS[q]}`,
        amountOre,
      });
    });
  }
  return lines;
}

export interface SettlementLine {
  kommunenummer: string;
  name: string;
  role: 'HOST' | 'PARTNER';
  budgetedOre: Ore;
  actualOre: Ore;
  /** actual − budgeted: positive is charged, negative credited. */
  differenceOre: Ore;
}

/** Year-end settlement: the same model on the actual net cost, against what was budgeted. */
export function settle(budgeted: Allocation, actual: Allocation): SettlementLine[] {
  return budgeted.parties.map((b) => {
    const a = actual.parties.find((p) => p.kommunenummer === b.kommunenummer)!;
    return {
      kommunenummer: b.kommunenummer,
      name: b.name,
      role: b.role,
      budgetedOre: b.allocatedOre,
      actualOre: a.allocatedOre,
      differenceOre: a.allocatedOre - b.allocatedOre,
    };
  });
}
