import { z } from 'zod';
import {
  agreementBindsOn,
  isMemberOn,
  canSeeStayCharges,
  chargeTotalIsPublic,
  compareIso,
  COST_MODEL_LABELS,
  CostModelError,
  compareScenarios,
  modelOf,
  nearestByDistance,
  countForCalculation,
  runScenario,
  scenarioModel,
  scenarioSummary,
  settle,
  ScenarioError,
  type CentreYear,
  type Scenario,
  type ScenarioResult,
  protectUsageTable,
  SUPPRESSION_THRESHOLD,
  type CostParty,
  type Grant,
  msg,
  formatServerMessage,
  type ServerMessage,
} from '@samordna/domain';
import type { AppContext } from '../../app/context';
import { badInput, notFound } from '../../app/errors';
import { parseInput, rules } from '../../app/validation';
import { AgreementParty } from '../agreement/agreement-party.entity';
import { PartyRole } from '../agreement/party-role';
import { Agreement } from '../agreement/agreement.entity';
import { Municipality } from '../municipality/municipality.entity';
import { CentreBudget, KostraCentreFigure, UsageStat } from './cost.entities';
import { cachedCostData } from './cost.cache';
import type { CostData } from './cost.data';
import { costTermsSchema, simulationSchema, type SimulationInput } from './cost.inputs';
import type {
  CostDistribution,
  CostGap,
  CostParams,
  CostSettlement,
  CostTrend,
  KostraComparison,
  MunicipalityCosts,
  PartyDifference,
  Simulation,
  SimulationNoteCode,
  UsageStatistics,
} from './cost.types';

const YEAR = rules.year();

/** Turns validated terms input into what is stored with an agreement. */
export function paramsFromTerms(t: z.infer<typeof costTermsSchema>): CostParams {
  return {
    rateOre: t.rateOre ?? null,
    hostRateOre: t.hostRateOre ?? null,
    hostShareBp: t.hostShareBp ?? null,
    baseOre: t.baseOre ?? null,
    sharesBp: t.shares ? Object.fromEntries(t.shares.map((s) => [s.kommunenummer, s.value])) : undefined,
    lumpSumsOre: t.lumpSums ? Object.fromEntries(t.lumpSums.map((s) => [s.kommunenummer, s.value])) : undefined,
    usageWeightBp: t.usageWeightBp ?? null,
  };
}

export { modelOf };

const yearStart = (y: number) => `${y}-01-01`;

/**
 * The agreement that governs the centre's costs in a year: the one that binds on 1 January (the
 * membership rule), else the first to start binding during the year; the newest when two do.
 * Shares are set for the year from that day's members (no proration).
 */
function agreementFor(data: CostData, centreId: string, year: number): Agreement | null {
  const ofCentre = data.agreements
    .filter((a) => a.centreId === centreId)
    .sort((x, y) => (y.validFrom ?? '').localeCompare(x.validFrom ?? ''));
  const onJanuary1 = ofCentre.find((a) => agreementBindsOn(a, yearStart(year)));
  if (onJanuary1) return onJanuary1;
  const starting = ofCentre
    .filter((a) => a.validFrom !== null && a.validFrom.startsWith(`${year}-`) && agreementBindsOn(a, a.validFrom))
    .sort((x, y) => x.validFrom!.localeCompare(y.validFrom!));
  return starting[0] ?? null;
}

/** The agreement's reference day in a year: 1 January, or the day it starts binding. */
function referenceDay(a: Agreement, year: number): string {
  return a.validFrom && compareIso(a.validFrom, yearStart(year)) > 0 ? a.validFrom : yearStart(year);
}

/** Members through the agreement on its reference day in the year. */
function partiesFor(data: CostData, agreement: Agreement, year: number): AgreementParty[] {
  const day = referenceDay(agreement, year);
  return data.parties.filter((p) => p.agreementId === agreement.id && isMemberOn(agreement, p, day));
}

function populationFor(
  data: CostData,
  kommunenummer: string,
  wanted: number,
): { year: number; population: number } | null {
  const figures = data.population.filter((f) => f.kommunenummer === kommunenummer).sort((a, b) => b.year - a.year);
  const exact = figures.find((f) => f.year === wanted);
  if (exact) return exact;
  // The stated year is missing: the newest earlier figure, else the oldest later one.
  return figures.find((f) => f.year < wanted) ?? figures[figures.length - 1] ?? null;
}

/**
 * The national average's source as a code with its link and date. The seed writes it as
 * «Kilde: Statistisk sentralbyrå (SSB), <url> (<date>)» from data/national, or names SSB KOSTRA.
 */
export function nationalSourceOf(text: string): Pick<KostraComparison, 'sourceKind' | 'sourceUrl' | 'sourceDate'> {
  const m = /^Kilde: Statistisk sentralbyrå \(SSB\), (\S+) \(([^)]*)\)$/.exec(text);
  return m
    ? { sourceKind: 'SSB', sourceUrl: m[1], sourceDate: m[2] }
    : { sourceKind: 'SSB_KOSTRA', sourceUrl: null, sourceDate: null };
}

function nearest<T extends { year: number }>(list: T[], year: number): T | null {
  const earlier = list.filter((x) => x.year <= year);
  return earlier[earlier.length - 1] ?? list[0] ?? null;
}

/** A what-if as the server receives it: the domain's Scenario, with joining municipalities by number. */
interface ServerScenario extends Omit<Scenario, 'add'> {
  add?: string[];
}

/** Why a year cannot be computed, with what names it (the gap's code and parameters). */
type Unavailable = Omit<CostGap, 'year' | 'code'>;
const nothing: Unavailable = { centreName: null, agreementTitle: null, kommunenummer: null, field: null };

class CostUnavailable extends Error {
  constructor(
    readonly kind: 'NO_AGREEMENT' | 'NO_MODEL' | 'NO_BUDGET' | 'NO_POPULATION' | 'NO_CENTRE' | 'HOST_UNKNOWN',
    readonly problem: ServerMessage,
    readonly params: Partial<Unavailable> = {},
  ) {
    super(formatServerMessage(problem));
  }
}

/** A year that could not be computed, as a code with what it concerns, and the same in bokmål. */
function gapOf(year: number, e: CostUnavailable | CostModelError): { gap: CostGap; text: string } {
  const gap: CostGap =
    e instanceof CostUnavailable
      ? { year, code: e.kind, ...nothing, ...e.params }
      : { year, code: 'MODEL_INVALID', ...nothing, field: e.field };
  return { gap, text: `${year}: ${e.message}` };
}

/** What the signed-in user (or an anonymous reader) may see of extra charges: see canSeeStayCharges. */
const viewerOf = (ctx: AppContext): readonly Grant[] => ctx.auth?.grants ?? [];

interface Distributed {
  dist: CostDistribution;
  result: ScenarioResult;
}

/** What-if terms as validated input (the model and whichever parameters were given). */
type ScenarioTerms = z.infer<typeof costTermsSchema>;

function distribute(
  data: CostData,
  centreId: string,
  year: number,
  viewer: readonly Grant[],
  scenario: Omit<ServerScenario, 'model'> & { terms?: ScenarioTerms | null } = {},
): Distributed {
  const centre = data.centres.get(centreId);
  if (!centre) throw new CostUnavailable('NO_CENTRE', msg('notFound.centre'));
  const agreement = agreementFor(data, centreId, year);
  if (!agreement)
    throw new CostUnavailable('NO_AGREEMENT', msg('cost.noAgreement', { centre: centre.name, year }), {
      centreName: centre.name,
    });
  const kind = scenario.terms?.model ?? agreement.costModel;
  if (!kind)
    throw new CostUnavailable('NO_MODEL', msg('cost.noModel', { title: agreement.title }), {
      agreementTitle: agreement.title,
    });
  const current = agreement.costModel ? { kind: agreement.costModel, params: agreement.costParams ?? {} } : null;
  const model = scenario.terms
    ? scenarioModel(current, { ...paramsFromTerms(scenario.terms), model: scenario.terms.model })
    : modelOf(kind, agreement.costParams);
  const budget = data.budgets.find((b) => b.centreId === centreId && b.year === year);
  if (!budget)
    throw new CostUnavailable('NO_BUDGET', msg('cost.noBudget', { centre: centre.name, year }), {
      centreName: centre.name,
    });

  const reference = scenario.terms?.populationReference ?? agreement.populationReference;
  const wantedYear = reference === 'SAME_YEAR' ? year : year - 1;
  const members = partiesFor(data, agreement, year).map((p) => ({ kommunenummer: p.kommunenummer, role: p.role }));

  const usageTable = protectUsageTable(
    data.usage
      .filter((u) => u.centreId === centreId && u.year === year)
      .map((u) => ({ key: u.kommunenummer, counts: u })),
  );
  const years = new Set<number>();
  // Extra charges describe stays: withheld (left out of every sum) unless the viewer bills or pays them,
  // or the municipality's stays that year are published. Withheld whether or not there are any, so the
  // mark itself cannot tell that a charge exists.
  const withheld = new Set<string>();
  const costParty = (m: { kommunenummer: string; role: PartyRole }): CostParty => {
    const pop = populationFor(data, m.kommunenummer, wantedYear);
    if (!pop)
      throw new CostUnavailable('NO_POPULATION', msg('cost.noPopulation', { kommunenummer: m.kommunenummer }), {
        kommunenummer: m.kommunenummer,
      });
    years.add(pop.year);
    const cells = usageTable.rows.find((r) => r.key === m.kommunenummer)?.counts;
    const nightsCell = cells?.nights;
    const chargesVisible =
      canSeeStayCharges(viewer, centre.hostKommunenummer, m.kommunenummer) || chargeTotalIsPublic(cells?.stays);
    if (!chargesVisible) withheld.add(m.kommunenummer);
    return {
      kommunenummer: m.kommunenummer,
      name: data.municipalities.get(m.kommunenummer)?.name ?? m.kommunenummer,
      role: m.role === PartyRole.HOST ? 'HOST' : 'PARTNER',
      population: pop.population,
      nights: nightsCell ? countForCalculation(nightsCell) : 0,
      extraChargesOre: chargesVisible
        ? data.charges
            .filter((c) => c.centreId === centreId && c.year === year && c.kommunenummer === m.kommunenummer)
            .reduce((a, c) => a + c.amountOre, 0)
        : 0,
    };
  };
  const hostKommunenummer = centre.hostKommunenummer;
  if (!hostKommunenummer)
    throw new CostUnavailable('HOST_UNKNOWN', msg('cost.hostUnknown', { centre: centre.name }), {
      centreName: centre.name,
    });
  const base: CentreYear = {
    year,
    hostKommunenummer,
    netBudgetOre: budget.netOre,
    model: modelOf(kind, agreement.costParams),
    parties: members.map(costParty),
    investments: data.investments.filter((i) => i.centreId === centreId && i.year <= year),
  };
  const joining = (scenario.add ?? [])
    .filter((k) => !members.some((m) => m.kommunenummer === k))
    .map((k) => costParty({ kommunenummer: k, role: PartyRole.PARTNER }));
  let result: ScenarioResult;
  try {
    result = runScenario(base, { model, remove: scenario.remove, add: joining, investment: scenario.investment });
  } catch (e) {
    if (e instanceof ScenarioError && e.field === 'budget')
      throw new CostUnavailable('NO_BUDGET', e.problem, { centreName: centre.name });
    throw e;
  }
  const allocation = result.allocation;
  const popYear = Math.max(...years);
  const national = nearest(data.national, year);
  const figures = data.kostra.filter((k) => k.centreId === centreId && k.krPerInhabitant !== null);
  const own = nearest(figures, year);
  const dist: CostDistribution = {
    centreId,
    centreName: centre.name,
    year,
    agreementId: agreement.id,
    model: model.kind,
    modelLabel: COST_MODEL_LABELS[model.kind].nb,
    budgetOre: result.budgetOre,
    operatingCostOre: budget.operatingCostOre,
    stateFundingOre: budget.stateFundingOre,
    projectFundingOre: budget.projectFundingOre,
    hostInvestmentsOre: result.hostInvestmentsOre,
    hostDepreciationOre: result.hostDepreciationOre,
    hostPerInhabitantWithInvestmentsOre: result.hostPerInhabitantWithInvestmentsOre,
    hostPartnerRatioWithInvestments: result.hostPartnerRatioWithInvestments,
    populationYear: popYear,
    populationWantedYear: wantedYear,
    populationYearsUsed: [...years].sort(),
    populationNote:
      years.size === 1 && popYear === wantedYear
        ? null
        : `Avtalen bruker folketall per 1. januar ${wantedYear}; det finnes ikke, så tallene per 1. januar ${[...years].sort().join(', ')} er brukt.`,
    parties: allocation.parties.map((p) => ({
      municipality: data.municipalities.get(p.kommunenummer)!,
      role: p.role === 'HOST' ? PartyRole.HOST : PartyRole.PARTNER,
      population: p.population,
      allocatedOre: p.allocatedOre,
      extraChargesOre: withheld.has(p.kommunenummer) ? null : p.extraChargesOre,
      extraChargesWithheld: withheld.has(p.kommunenummer),
      totalOre: p.totalOre,
      perInhabitantOre: p.perInhabitantOre,
      share: p.share,
      explanation: p.explanation,
      parts: p.parts.map((x) => ({
        code: x.code,
        population: x.population ?? null,
        amountOre: x.amountOre ?? null,
        shareBp: x.shareBp ?? null,
      })),
    })),
    hostResidualOre: allocation.hostResidualOre,
    hostSubsidyOre: allocation.hostSubsidyOre,
    hostPartnerRatio: allocation.hostPartnerRatio,
    ratioFlag: allocation.ratioFlag,
    nationalAverage: national
      ? {
          year: national.year,
          krPerInhabitant: national.krPerInhabitant,
          source: national.source,
          ...nationalSourceOf(national.source),
          centreName: null,
        }
      : null,
    centreKostra: own
      ? {
          year: own.year,
          krPerInhabitant: own.krPerInhabitant!,
          source: `Bufdir / SSB KOSTRA (${own.sourceUrl})`,
          sourceKind: 'BUFDIR_SSB_KOSTRA',
          sourceUrl: own.sourceUrl,
          sourceDate: null,
          centreName: own.publishedName,
        }
      : null,
    isExample: budget.isExample || agreement.exampleFields.includes('costModel') || agreement.isExample,
    extraChargesWithheld: withheld.size > 0,
    explanation: allocation.explanation,
    modelExplanation: {
      code: allocation.modelExplanation.code,
      amountOre: allocation.modelExplanation.amountOre ?? null,
      shareBp: allocation.modelExplanation.shareBp ?? null,
    },
  };
  return { dist, result };
}

/** The deprecated bokmål `notes` beside `noteCodes`. */
const SIMULATION_NOTES_NB: Record<SimulationNoteCode, string> = {
  SMALL_USAGE_PROTECTED: `Overnattingstall under ${SUPPRESSION_THRESHOLD} er skjermet og regnet som ${SUPPRESSION_THRESHOLD / 2}, så resultatet ikke avslører dem.`,
  HOST_SHARE_NEGATIVE: 'Samarbeidskommunene betaler mer enn budsjettet: vertskommunens andel blir negativ.',
};

function toGraphQLError(error: unknown, field: string): never {
  if (error instanceof CostUnavailable) {
    if (error.kind === 'NO_CENTRE') throw notFound('CrisisCentre', '', error.problem);
    throw notFound(
      error.kind === 'NO_BUDGET' ? 'CentreBudget' : error.kind === 'NO_MODEL' ? 'CostModel' : 'Agreement',
      '',
      error.problem,
    );
  }
  if (error instanceof ScenarioError) throw badInput(`input.${error.field}`, error.problem);
  if (error instanceof CostModelError)
    throw badInput(`${field}.${error.field.replace(/^model\.?/, '') || 'model'}`, error.problem);
  throw error;
}

export async function costDistribution(ctx: AppContext, centreId: string, year: number): Promise<CostDistribution> {
  const cid = parseInput(rules.uuid('krisesenter'), centreId, 'centreId');
  const y = parseInput(YEAR, year, 'year');
  const data = await cachedCostData(ctx, [cid], [y]);
  try {
    return distribute(data, cid, y, viewerOf(ctx)).dist;
  } catch (e) {
    toGraphQLError(e, 'agreement');
  }
}

export async function municipalityCosts(
  ctx: AppContext,
  kommunenummer: string,
  fromYear: number,
  toYear: number,
): Promise<MunicipalityCosts> {
  const knr = parseInput(rules.kommunenummer(), kommunenummer, 'kommunenummer');
  const from = parseInput(YEAR, fromYear, 'fromYear');
  const to = parseInput(YEAR, toYear, 'toYear');
  if (to < from) throw badInput('toYear', 'cost.toBeforeFrom');
  if (to - from > 50) throw badInput('toYear', 'cost.maxYears');
  const municipality = await ctx.loaders.municipalityByNumber.load(knr);
  if (!municipality) throw notFound('Municipality', knr, msg('kommunenummer.notFound', { kommunenummer: knr }));
  const years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const centreIds: string[] = (
    await ctx.dataSource.query(
      `SELECT DISTINCT a.centre_id FROM agreement_party p JOIN agreement a ON a.id = p.agreement_id WHERE p.kommunenummer = $1 AND a.status <> 'DRAFT' AND a.status <> 'NEGOTIATING'`,
      [knr],
    )
  ).map((r: { centre_id: string }) => r.centre_id);
  const result: MunicipalityCosts = { municipality, years: [], gaps: [], gapCodes: [] };
  if (centreIds.length === 0) return result;
  const data = await cachedCostData(ctx, centreIds, years);
  for (const year of years) {
    for (const centreId of centreIds) {
      const agreement = agreementFor(data, centreId, year);
      if (!agreement || !partiesFor(data, agreement, year).some((p) => p.kommunenummer === knr)) continue;
      try {
        const { dist } = distribute(data, centreId, year, viewerOf(ctx));
        const line = dist.parties.find((p) => p.municipality.kommunenummer === knr)!;
        result.years.push({
          year,
          centreId,
          centreName: dist.centreName,
          role: line.role,
          allocatedOre: line.allocatedOre,
          extraChargesOre: line.extraChargesOre,
          extraChargesWithheld: line.extraChargesWithheld,
          totalOre: line.totalOre,
          perInhabitantOre: line.perInhabitantOre,
          isExample: dist.isExample,
        });
      } catch (e) {
        if (!(e instanceof CostUnavailable || e instanceof CostModelError)) throw e;
        const { gap, text } = gapOf(year, e);
        result.gapCodes.push(gap);
        result.gaps.push(text);
      }
    }
  }
  return result;
}

/** How many neighbouring centres the simulator compares with. */
const NEIGHBOURS = 5;

/**
 * The KOSTRA cost per inhabitant of the nearest other centres (by the distance between their host
 * municipalities), the newest year up to the one simulated. Published names not matched to a centre
 * have no place, so they are left out.
 */
async function neighbourRates(
  ctx: AppContext,
  data: CostData,
  centreId: string,
  year: number,
): Promise<KostraComparison[]> {
  const latest = new Map<string, KostraCentreFigure>();
  for (const k of data.kostra) {
    if (k.krPerInhabitant === null || k.centreId === null || k.centreId === centreId || k.year > year) continue;
    const prev = latest.get(k.centreId);
    if (!prev || prev.year < k.year) latest.set(k.centreId, k);
  }
  const places: { id: string; lat: number | null; lon: number | null }[] = await ctx.dataSource.query(
    `SELECT c.id, m.lat, m.lon FROM crisis_centre c JOIN municipality m ON m.kommunenummer = c.host_kommunenummer WHERE c.id = ANY($1)`,
    [[centreId, ...latest.keys()]],
  );
  const origin = places.find((p) => p.id === centreId);
  if (!origin || origin.lat === null || origin.lon === null) return [];
  return nearestByDistance(
    { lat: origin.lat, lon: origin.lon },
    places.filter((p) => p.id !== centreId),
    NEIGHBOURS,
  ).map((p) => {
    const k = latest.get(p.id)!;
    return {
      year: k.year,
      krPerInhabitant: k.krPerInhabitant!,
      source: 'Bufdir / SSB KOSTRA',
      sourceKind: 'BUFDIR_SSB_KOSTRA' as const,
      sourceUrl: k.sourceUrl,
      sourceDate: null,
      centreName: k.publishedName,
      distanceKm: p.distanceKm,
    };
  });
}

/** What a change would do, party by party. Reads only; writes nothing. */
export async function simulateCostSharing(ctx: AppContext, input: SimulationInput): Promise<Simulation> {
  const s = parseInput(simulationSchema, input, 'input');
  const add = s.addMunicipalities ?? [];
  const data = await cachedCostData(ctx, [s.centreId], [s.year], add);
  for (const [i, k] of add.entries())
    if (!data.municipalities.has(k))
      throw badInput(`input.addMunicipalities.${i}`, msg('kommunenummer.notFound', { kommunenummer: k }));
  let before: Distributed;
  try {
    before = distribute(data, s.centreId, s.year, viewerOf(ctx));
  } catch (e) {
    toGraphQLError(e, 'input');
  }
  // Refused before the new terms are read: a party that cannot be added or removed is the first thing to fix.
  const current = new Set(before.dist.parties.map((p) => p.municipality.kommunenummer));
  for (const [i, k] of add.entries())
    if (current.has(k))
      throw badInput(
        `input.addMunicipalities.${i}`,
        msg('cost.alreadyParty', { name: data.municipalities.get(k)?.name ?? k }),
      );
  let after: Distributed;
  try {
    after = distribute(data, s.centreId, s.year, viewerOf(ctx), {
      terms: s.terms ?? null,
      remove: s.removeMunicipalities ?? [],
      add,
      investment: s.investment,
    });
  } catch (e) {
    toGraphQLError(e, 'input.terms');
  }
  const differences: PartyDifference[] = compareScenarios(before.result.allocation, after.result.allocation).map(
    (d) => ({
      municipality: data.municipalities.get(d.kommunenummer)!,
      role: d.role === 'HOST' ? PartyRole.HOST : PartyRole.PARTNER,
      beforeOre: d.beforeOre,
      afterOre: d.afterOre,
      differenceOre: d.differenceOre,
      beforePerInhabitantOre: d.beforePerInhabitantOre,
      afterPerInhabitantOre: d.afterPerInhabitantOre,
    }),
  );
  const peers = await neighbourRates(ctx, data, s.centreId, s.year);
  const noteCodes: SimulationNoteCode[] = [];
  if (after.dist.model === 'USAGE_ADJUSTED' || before.dist.model === 'USAGE_ADJUSTED')
    noteCodes.push('SMALL_USAGE_PROTECTED');
  const host = after.dist.parties.find((p) => p.role === PartyRole.HOST);
  if (host && host.allocatedOre < 0) noteCodes.push('HOST_SHARE_NEGATIVE');
  const notes = noteCodes.map((code) => SIMULATION_NOTES_NB[code]);
  return {
    before: before.dist,
    after: after.dist,
    differences,
    peerRates: peers,
    notes,
    noteCodes,
    summary: scenarioSummary(
      before.result,
      after.result,
      compareScenarios(before.result.allocation, after.result.allocation),
    ),
  };
}

export async function usageStatistics(ctx: AppContext, centreId: string, year: number): Promise<UsageStatistics> {
  const cid = parseInput(rules.uuid('krisesenter'), centreId, 'centreId');
  const y = parseInput(YEAR, year, 'year');
  if (!(await ctx.loaders.centreById.load(cid))) throw notFound('CrisisCentre', cid, 'notFound.centre');
  const stats = await ctx.dataSource.getRepository(UsageStat).findBy({ centreId: cid, year: y });
  const table = protectUsageTable(stats.map((u) => ({ key: u.kommunenummer, counts: u })));
  const municipalities = await ctx.loaders.municipalityByNumber.loadMany(stats.map((u) => u.kommunenummer));
  return {
    centreId: cid,
    year: y,
    threshold: SUPPRESSION_THRESHOLD,
    rows: table.rows
      .map((r, i) => ({ municipality: municipalities[i] as Municipality, ...r.counts }))
      .sort((a, b) => a.municipality.name.localeCompare(b.municipality.name, 'nb')),
    totals: table.totals,
    isExample: stats.some((s) => s.isExample),
  };
}

/** A centre's costs year by year, computed from one fetch of all the years' data. */
export async function costTrend(
  ctx: AppContext,
  centreId: string,
  fromYear: number,
  toYear: number,
): Promise<CostTrend> {
  const cid = parseInput(rules.uuid('krisesenter'), centreId, 'centreId');
  const from = parseInput(YEAR, fromYear, 'fromYear');
  const to = parseInput(YEAR, toYear, 'toYear');
  if (to < from) throw badInput('toYear', 'cost.toBeforeFrom');
  if (to - from > 50) throw badInput('toYear', 'cost.maxYears');
  const years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const data = await cachedCostData(ctx, [cid], years);
  if (!data.centres.has(cid)) throw notFound('CrisisCentre', cid, 'notFound.centre');
  const result: CostTrend = { centreId: cid, years: [], gaps: [], gapCodes: [] };
  for (const year of years) {
    try {
      const { dist } = distribute(data, cid, year, viewerOf(ctx));
      const host = dist.parties.filter((p) => p.role === PartyRole.HOST);
      const partners = dist.parties.filter((p) => p.role === PartyRole.PARTNER);
      const sumOf = (xs: typeof host) => xs.reduce((a, p) => a + p.totalOre, 0);
      const popOf = (xs: typeof host) => xs.reduce((a, p) => a + p.population, 0);
      result.years.push({
        year,
        budgetOre: dist.budgetOre,
        hostOre: sumOf(host),
        partnersOre: sumOf(partners),
        hostPerInhabitantOre: popOf(host) ? Math.round(sumOf(host) / popOf(host)) : null,
        partnersPerInhabitantOre: popOf(partners) ? Math.round(sumOf(partners) / popOf(partners)) : null,
        nationalAverageKr: dist.nationalAverage?.krPerInhabitant ?? null,
        extraChargesWithheld: dist.extraChargesWithheld,
        isExample: dist.isExample,
      });
    } catch (e) {
      if (!(e instanceof CostUnavailable || e instanceof CostModelError)) throw e;
      const { gap, text } = gapOf(year, e);
      result.gapCodes.push(gap);
      result.gaps.push(text);
    }
  }
  return result;
}

/** Year-end settlement: the model on the actual net cost against the budgeted one, per municipality. */
export async function costSettlement(ctx: AppContext, centreId: string, year: number): Promise<CostSettlement> {
  const cid = parseInput(rules.uuid('krisesenter'), centreId, 'centreId');
  const y = parseInput(YEAR, year, 'year');
  const data = await cachedCostData(ctx, [cid], [y]);
  let budgeted: Distributed;
  try {
    budgeted = distribute(data, cid, y, viewerOf(ctx));
  } catch (e) {
    toGraphQLError(e, 'agreement');
  }
  const budget = data.budgets.find((b) => b.centreId === cid && b.year === y)!;
  const result: CostSettlement = {
    centreId: cid,
    year: y,
    budgetedNetOre: budgeted.dist.budgetOre,
    actualNetOre: null,
    lines: [],
  };
  if (budget.actualOperatingCostOre === null) return result;
  const actualBudget = Object.assign(Object.create(Object.getPrototypeOf(budget)) as CentreBudget, budget, {
    operatingCostOre: budget.actualOperatingCostOre,
  });
  let actual: Distributed;
  try {
    actual = distribute(
      { ...data, budgets: data.budgets.map((b) => (b === budget ? actualBudget : b)) },
      cid,
      y,
      viewerOf(ctx),
    );
  } catch (e) {
    toGraphQLError(e, 'agreement');
  }
  result.actualNetOre = actual.dist.budgetOre;
  result.lines = settle(budgeted.result.allocation, actual.result.allocation).map((l) => ({
    municipality: data.municipalities.get(l.kommunenummer)!,
    role: l.role === 'HOST' ? PartyRole.HOST : PartyRole.PARTNER,
    budgetedOre: l.budgetedOre,
    actualOre: l.actualOre,
    differenceOre: l.differenceOre,
  }));
  return result;
}
