import type { EntityManager } from 'typeorm';
import {
  canManageFinance,
  checkCostModel,
  modelOf,
  canSeeStayCharges,
  canSetCostTerms,
  CostModelError,
  isAdmin,
  todayInNorway,
  type CostModel,
  msg,
  type ServerMessageKey,
} from '@samordna/domain';
import { assertAllowed, checkVersion, missing, notMember, requireUser } from '../../app/auth';
import { audit } from '../../app/audit';
import type { AppContext } from '../../app/context';
import { amendmentRequired, badInput, notFound } from '../../app/errors';
import { lockOrMissing } from '../../app/persistence';
import { parseInput, rules } from '../../app/validation';
import { AgreementParty } from '../agreement/agreement-party.entity';
import { PartyRole } from '../agreement/party-role';
import { Agreement } from '../agreement/agreement.entity';
import { isBinding, isCurrentParty } from '../agreement/agreement.service';
import { isMemberOfCentreDuring } from '../agreement/membership';
import { CrisisCentre } from '../crisis-centre/crisis-centre.entity';
import { Municipality } from '../municipality/municipality.entity';
import { CentreBudget, ExtraCharge, Investment } from './cost.entities';
import {
  budgetSchema,
  chargeSchema,
  costTermsSchema,
  investmentSchema,
  type BudgetInput,
  type CostTermsInput,
  type ExtraChargeInput,
  type InvestmentInput,
  type InvestmentSummary,
} from './cost.inputs';
import { paramsFromTerms } from './cost.service';
import { transaction } from '../../app/transaction';

const YEAR = rules.year();

/**
 * Finance staff of the host municipality (or an administrator) manage a centre's money. The centre is
 * locked, so changes to its money queue (two first saves of a year's budget cannot both insert).
 */
async function assertFinance(
  em: EntityManager,
  ctx: AppContext,
  centreId: string,
  field = 'centreId',
): Promise<CrisisCentre> {
  requireUser(ctx);
  const centre = await em
    .getRepository(CrisisCentre)
    .findOne({ where: { id: centreId }, lock: { mode: 'pessimistic_write' } });
  if (!centre) throw missing(ctx, badInput(field, 'notFound.centre'));
  assertAllowed(ctx, canManageFinance(ctx.auth!.grants, centre.hostKommunenummer));
  return centre;
}

/** A centre's budgets, oldest year first. */
export function centreBudgets(ctx: AppContext, centreId: string): Promise<CentreBudget[]> {
  const id = parseInput(rules.uuid('krisesenter'), centreId, 'centreId');
  return ctx.dataSource.getRepository(CentreBudget).find({ where: { centreId: id }, order: { year: 'ASC' } });
}

/** A centre's investments, oldest year first. */
export function investments(ctx: AppContext, centreId: string): Promise<Investment[]> {
  const id = parseInput(rules.uuid('krisesenter'), centreId, 'centreId');
  return ctx.dataSource.getRepository(Investment).find({ where: { centreId: id }, order: { year: 'ASC' } });
}

/**
 * A centre's extra charges for a year: only those the viewer may see in full (finance of the host,
 * administrators: all; the director of a paying municipality: that municipality's). Everyone else gets
 * none: the public sees at most yearly totals, in costDistribution, when they cannot reveal a small count.
 */
export async function extraCharges(ctx: AppContext, centreId: string, year: number): Promise<ExtraCharge[]> {
  const id = parseInput(rules.uuid('krisesenter'), centreId, 'centreId');
  const y = parseInput(YEAR, year, 'year');
  const grants = ctx.auth?.grants ?? [];
  if (grants.length === 0) return [];
  const centre = await ctx.loaders.centreById.load(id);
  if (!centre) return [];
  const rows = await ctx.dataSource
    .getRepository(ExtraCharge)
    .find({ where: { centreId: id, year: y }, order: { kommunenummer: 'ASC', createdAt: 'ASC' } });
  return rows.filter((c) => canSeeStayCharges(grants, centre.hostKommunenummer, c.kommunenummer));
}

export async function investmentSummary(
  ctx: AppContext,
  centreId: string,
  fromYear: number,
  toYear: number,
): Promise<InvestmentSummary> {
  const id = parseInput(rules.uuid('krisesenter'), centreId, 'centreId');
  const from = parseInput(YEAR, fromYear, 'fromYear');
  const to = parseInput(YEAR, toYear, 'toYear');
  if (to < from) throw badInput('toYear', 'cost.toBeforeFrom');
  const [row] = await ctx.dataSource.query(
    // numeric sums (never bigint): any number of investments of the largest amount add up without overflow.
    `SELECT coalesce(sum(i.amount_ore), 0)::numeric AS total,
            coalesce(sum(i.amount_ore) FILTER (WHERE NOT i.shared AND i.paid_by_kommunenummer = c.host_kommunenummer), 0)::numeric AS host_alone,
            coalesce(sum(i.amount_ore) FILTER (WHERE i.shared), 0)::numeric AS shared
     FROM crisis_centre c LEFT JOIN investment i ON i.centre_id = c.id AND i.year BETWEEN $2 AND $3
     WHERE c.id = $1 GROUP BY c.id`,
    [id, from, to],
  );
  if (!row) throw notFound('CrisisCentre', id, 'notFound.centre');
  const total = Number(row.total);
  const hostAlone = Number(row.host_alone);
  return {
    fromYear: from,
    toYear: to,
    totalOre: total,
    hostAloneOre: hostAlone,
    sharedOre: Number(row.shared),
    hostAloneShare: total ? hostAlone / total : 0,
  };
}

export async function setCentreBudget(
  ctx: AppContext,
  centreId: string,
  year: number,
  input: BudgetInput,
  expectedVersion?: number | null,
): Promise<CentreBudget> {
  const id = parseInput(rules.uuid('krisesenter'), centreId, 'centreId');
  const y = parseInput(YEAR, year, 'year');
  const data = parseInput(budgetSchema, input, 'input');
  const net = data.operatingCostOre - (data.stateFundingOre ?? 0) - (data.projectFundingOre ?? 0);
  if (net < 0) throw badInput('input.stateFundingOre', 'cost.fundingAboveCost');
  if (
    data.actualOperatingCostOre != null &&
    data.actualOperatingCostOre - (data.stateFundingOre ?? 0) - (data.projectFundingOre ?? 0) < 0
  ) {
    throw badInput('input.actualOperatingCostOre', 'cost.actualBelowFunding');
  }
  return transaction(ctx, async (em) => {
    await assertFinance(em, ctx, id);
    const repo = em.getRepository(CentreBudget);
    const existing = await repo.findOneBy({ centreId: id, year: y });
    if (existing) checkVersion(existing, expectedVersion, 'budsjettet');
    const saved = await repo.save({
      ...(existing ?? repo.create({ centreId: id, year: y })),
      operatingCostOre: data.operatingCostOre,
      stateFundingOre: data.stateFundingOre ?? 0,
      projectFundingOre: data.projectFundingOre ?? 0,
      actualOperatingCostOre:
        data.actualOperatingCostOre === undefined
          ? (existing?.actualOperatingCostOre ?? null)
          : data.actualOperatingCostOre,
      note: data.note,
      isExample: false,
    });
    await audit(
      em,
      ctx,
      existing ? 'UPDATE' : 'CREATE',
      'CentreBudget',
      saved.id,
      existing ? { ...existing } : null,
      saved,
    );
    return saved;
  });
}

async function assertMunicipalityExists(em: EntityManager, kommunenummer: string, field: string) {
  if (!(await em.getRepository(Municipality).existsBy({ kommunenummer })))
    throw badInput(field, msg('kommunenummer.notFound', { kommunenummer: kommunenummer }));
}

export async function createExtraCharge(ctx: AppContext, input: ExtraChargeInput): Promise<ExtraCharge> {
  requireUser(ctx);
  const data = parseInput(chargeSchema, input, 'input');
  return transaction(ctx, async (em) => {
    await assertMunicipalityExists(em, data.kommunenummer, 'input.kommunenummer');
    const centre = await assertFinance(em, ctx, data.centreId, 'input.centreId');
    // A charge bills a member: the municipality must belong to the centre at some time in the year.
    if (
      !(await isMemberOfCentreDuring(em, centre.id, data.kommunenummer, `${data.year}-01-01`, `${data.year}-12-31`))
    ) {
      throw notMember(
        ctx,
        'input.kommunenummer',
        msg('cost.chargeNotMember', { kommunenummer: data.kommunenummer, centre: centre.name, year: data.year }),
      );
    }
    const charge = await em.getRepository(ExtraCharge).save(em.getRepository(ExtraCharge).create(data));
    await audit(em, ctx, 'CREATE', 'ExtraCharge', charge.id, null, charge);
    return charge;
  });
}

export async function createInvestment(ctx: AppContext, input: InvestmentInput): Promise<Investment> {
  requireUser(ctx);
  const data = parseInput(investmentSchema, input, 'input');
  return transaction(ctx, async (em) => {
    await assertMunicipalityExists(em, data.paidByKommunenummer, 'input.paidByKommunenummer');
    const centre = await assertFinance(em, ctx, data.centreId, 'input.centreId');
    if (
      !(await isMemberOfCentreDuring(
        em,
        centre.id,
        data.paidByKommunenummer,
        `${data.year}-01-01`,
        `${data.year}-12-31`,
      ))
    ) {
      throw notMember(
        ctx,
        'input.paidByKommunenummer',
        msg('cost.investmentNotMember', {
          kommunenummer: data.paidByKommunenummer,
          centre: centre.name,
          year: data.year,
        }),
      );
    }
    const investment = await em.getRepository(Investment).save(em.getRepository(Investment).create(data));
    await audit(em, ctx, 'CREATE', 'Investment', investment.id, null, investment);
    return investment;
  });
}

/** Deletes a charge or an investment: found under its centre's lock, so two deletes cannot both be audited. */
async function deleteCentreCost(
  ctx: AppContext,
  target: typeof ExtraCharge | typeof Investment,
  id: string,
  [entity, message]: readonly [string, ServerMessageKey],
): Promise<string> {
  requireUser(ctx);
  return transaction(ctx, async (em) => {
    const found = await em.getRepository(target).findOneBy({ id });
    if (!found) throw missing(ctx, notFound(entity, id, message));
    await assertFinance(em, ctx, found.centreId);
    const row = await em.getRepository(target).findOneBy({ id }); // again, under the centre's lock
    if (!row) throw missing(ctx, notFound(entity, id, message));
    await em.getRepository(target).delete({ id });
    await audit(em, ctx, 'DELETE', entity, id, row, null);
    return id;
  });
}

export function deleteExtraCharge(ctx: AppContext, id: string): Promise<string> {
  return deleteCentreCost(ctx, ExtraCharge, parseInput(rules.uuid('tilleggskostnad'), id, 'id'), [
    'ExtraCharge',
    'notFound.charge',
  ]);
}

export function deleteInvestment(ctx: AppContext, id: string): Promise<string> {
  return deleteCentreCost(ctx, Investment, parseInput(rules.uuid('investering'), id, 'id'), [
    'Investment',
    'notFound.investment',
  ]);
}

/**
 * A dry run of a cost model against parties and today's populations, without a budget (a base amount
 * is checked against the budget when the year is computed): catches shares that do not add up and the
 * like, as BAD_USER_INPUT at `${field}.<param>`.
 */
export async function checkCostTerms(
  em: EntityManager,
  model: CostModel,
  parties: readonly { kommunenummer: string; role: PartyRole }[],
  field: string,
): Promise<void> {
  // The latest figure per municipality, read in the caller's transaction (no second connection).
  const figures: { kommunenummer: string; population: number }[] = parties.length
    ? await em.query(
        `SELECT DISTINCT ON (kommunenummer) kommunenummer, population FROM municipality_population WHERE kommunenummer = ANY($1) ORDER BY kommunenummer, year DESC`,
        [parties.map((p) => p.kommunenummer)],
      )
    : [];
  const costParties = parties.map((p) => ({
    kommunenummer: p.kommunenummer,
    role: (p.role === PartyRole.HOST ? 'HOST' : 'PARTNER') as 'HOST' | 'PARTNER',
    population: Number(figures.find((f) => f.kommunenummer === p.kommunenummer)?.population ?? 0),
  }));
  if (costParties.filter((p) => p.role === 'HOST').length !== 1) return;
  try {
    checkCostModel(model, costParties);
  } catch (e) {
    if (e instanceof CostModelError)
      throw badInput(`${field}.${e.field.replace(/^model\.?/, '') || 'model'}`, e.problem);
    throw e;
  }
}

/**
 * Sets an agreement's cost model (host director or finance), after a dry run against its parties
 * today; under the agreement's lock. On an agreement in force the cost model changes by an approved
 * amendment, unless it is an invented example being replaced by the real one.
 */
export async function setAgreementCostTerms(
  ctx: AppContext,
  agreementId: string,
  terms: CostTermsInput,
  expectedVersion?: number | null,
): Promise<Agreement> {
  requireUser(ctx);
  const id = parseInput(rules.uuid('avtale'), agreementId, 'agreementId');
  const t = parseInput(costTermsSchema, terms, 'terms');
  const params = paramsFromTerms(t);
  return transaction(ctx, async (em) => {
    const agreement = await lockOrMissing(em, ctx, Agreement, id, ['Agreement', 'notFound.agreement']);
    const centre = await em
      .getRepository(CrisisCentre)
      .findOneOrFail({ where: { id: agreement.centreId }, lock: { mode: 'pessimistic_write' } });
    assertAllowed(ctx, canSetCostTerms(ctx.auth!.grants, centre.hostKommunenummer));
    checkVersion(agreement, expectedVersion, 'avtalen');
    if (isBinding(agreement) && !isAdmin(ctx.auth!.grants) && !agreement.exampleFields.includes('costModel'))
      throw amendmentRequired('terms', 'theCostModel');
    const parties = (await em.getRepository(AgreementParty).findBy({ agreementId: agreement.id })).filter((p) =>
      isCurrentParty(p, todayInNorway()),
    );
    await checkCostTerms(em, modelOf(t.model, params), parties, 'terms');
    const saved = await em.getRepository(Agreement).save({
      ...agreement,
      costModel: t.model,
      costParams: params,
      populationReference: t.populationReference ?? agreement.populationReference,
      exampleFields: agreement.exampleFields.filter((f) => f !== 'costModel'),
    });
    await audit(em, ctx, 'UPDATE', 'Agreement', saved.id, agreement, saved);
    return saved;
  });
}
