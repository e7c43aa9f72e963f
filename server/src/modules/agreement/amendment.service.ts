import type { EntityManager } from 'typeorm';
import {
  addDaysIso,
  amendmentOutcome,
  approvalsNeeded,
  canActForMunicipality,
  canProposeAmendment,
  compareIso,
  todayInNorway,
  type ApprovalDecision,
  msg,
} from '@samordna/domain';
import type { AppContext } from '../../app/context';
import { assertAllowed, checkVersion, forbidden, missing, requireUser } from '../../app/auth';
import { audit } from '../../app/audit';
import { lockOrMissing } from '../../app/persistence';
import { badInput, conflict, notFound } from '../../app/errors';
import { parsePaging, parseInput, rules } from '../../app/validation';
import { CrisisCentre } from '../crisis-centre/crisis-centre.entity';
import { Municipality } from '../municipality/municipality.entity';
import { checkCostTerms } from '../cost-sharing/cost-finance.service';
import { modelOf, paramsFromTerms } from '../cost-sharing/cost.service';
import { AgreementParty } from './agreement-party.entity';
import { PartyRole } from './party-role';
import { Agreement } from './agreement.entity';
import { checkParty, isBinding } from './agreement.service';
import { AgreementAmendment, AmendmentApproval, type ProposedCostTerms } from './amendment.entity';
import {
  amendmentFilterSchema,
  amendmentSchema,
  approvalSchema,
  type AmendmentData,
  type AmendmentFilter,
  type AmendmentInput,
  type ApprovalInput,
} from './amendment.inputs';
import { transaction } from '../../app/transaction';

const AMENDMENT = ['AgreementAmendment', 'notFound.amendment'] as const;
const AGREEMENT = ['Agreement', 'notFound.agreement'] as const;

const hostOf = async (em: EntityManager, centreId: string) =>
  (await em.getRepository(CrisisCentre).findOneByOrFail({ id: centreId })).hostKommunenummer;

/** The changes of a proposal, checked against the agreement: only what really changes is kept. */
async function validateProposal(
  em: EntityManager,
  ctx: AppContext,
  agreement: Agreement,
  data: AmendmentData,
  argName: string,
) {
  if (!isBinding(agreement)) {
    throw badInput('agreementId', 'amendment.notInForce');
  }
  const today = todayInNorway();
  if (compareIso(data.effectiveOn, today) < 0) throw badInput(`${argName}.effectiveOn`, 'amendment.effectivePassed');
  if (agreement.validFrom && compareIso(data.effectiveOn, agreement.validFrom) <= 0) {
    throw badInput(`${argName}.effectiveOn`, msg('amendment.effectiveBeforeStart', { date: agreement.validFrom }));
  }
  if (agreement.endedOn && compareIso(data.effectiveOn, agreement.endedOn) > 0) {
    throw badInput(`${argName}.effectiveOn`, msg('amendment.effectiveAfterEnd', { date: agreement.endedOn }));
  }
  const changes = Object.fromEntries(
    Object.entries(data.changes).filter(
      ([k, value]) =>
        value !== undefined &&
        JSON.stringify(value) !== JSON.stringify((agreement as unknown as Record<string, unknown>)[k]),
    ),
  );
  const merged = { ...agreement, ...changes, validFrom: data.effectiveOn } as Agreement;
  if (merged.validTo && compareIso(merged.validTo, data.effectiveOn) < 0)
    throw badInput(`${argName}.changes.validTo`, 'amendment.validToBeforeEffective');

  const parties = await em.getRepository(AgreementParty).findBy({ agreementId: agreement.id });
  const host = parties.find((p) => p.role === PartyRole.HOST);
  const onBoard = (p: AgreementParty) => p.leftOn === null || compareIso(p.leftOn, data.effectiveOn) >= 0;
  const partners = parties.filter((p) => p.role === PartyRole.PARTNER && onBoard(p));
  for (const [i, k] of data.joining.entries()) {
    if (!(await em.getRepository(Municipality).existsBy({ kommunenummer: k })))
      throw badInput(`${argName}.joining.${i}`, msg('kommunenummer.notFound', { kommunenummer: k }));
    if (host?.kommunenummer === k || partners.some((p) => p.kommunenummer === k))
      throw badInput(`${argName}.joining.${i}`, msg('amendment.alreadyParty', { kommunenummer: k }));
    if (data.joining.indexOf(k) !== i)
      throw badInput(`${argName}.joining.${i}`, msg('amendment.listedTwice', { kommunenummer: k }));
  }
  for (const [i, k] of data.leaving.entries()) {
    const p = partners.find((x) => x.kommunenummer === k);
    if (!p) throw badInput(`${argName}.leaving.${i}`, msg('amendment.notPartner', { kommunenummer: k }));
    if (p.joinedOn && compareIso(p.joinedOn, data.effectiveOn) >= 0)
      throw badInput(`${argName}.leaving.${i}`, msg('amendment.joinsLater', { kommunenummer: k }));
    if (data.joining.includes(k))
      throw badInput(`${argName}.leaving.${i}`, msg('amendment.joinAndLeave', { kommunenummer: k }));
  }
  let costTerms: ProposedCostTerms | null = null;
  if (data.costTerms) {
    const params = paramsFromTerms(data.costTerms);
    costTerms = {
      model: data.costTerms.model,
      params,
      populationReference: data.costTerms.populationReference ?? null,
    };
    const after = [
      ...(host ? [host] : []),
      ...partners.filter((p) => !data.leaving.includes(p.kommunenummer)),
      ...data.joining.map((k) => ({ kommunenummer: k, role: PartyRole.PARTNER })),
    ];
    await checkCostTerms(em, modelOf(costTerms.model, params), after, `${argName}.costTerms`);
  }
  if (Object.keys(changes).length === 0 && !costTerms && data.joining.length === 0 && data.leaving.length === 0) {
    throw badInput(argName, 'amendment.changesNothing');
  }
  const costTermsOnly = Object.keys(changes).length === 0 && data.joining.length === 0 && data.leaving.length === 0;
  return { changes, costTerms, parties, costTermsOnly };
}

async function partLabel(em: EntityManager, amendment: AgreementAmendment, kommunenummer?: string) {
  if (!kommunenummer) return `Endringsforslag: ${amendment.summary}`;
  const m = await em.getRepository(Municipality).findOneBy({ kommunenummer });
  return `Endringsforslag «${amendment.summary}»: ${m?.name ?? kommunenummer}`;
}

/** Creates the proposal and asks every affected party; adopts at once when nobody needs to be asked. */
async function createProposal(
  em: EntityManager,
  ctx: AppContext,
  agreement: Agreement,
  data: AmendmentData,
  revisionOfId: string | null,
  argName: string,
) {
  const { changes, costTerms, parties, costTermsOnly } = await validateProposal(em, ctx, agreement, data, argName);
  assertAllowed(
    ctx,
    canProposeAmendment(ctx.auth!.grants, { hostKommunenummer: await hostOf(em, agreement.centreId) }, costTermsOnly),
  );
  const open = await em.getRepository(AgreementAmendment).findOneBy({ agreementId: agreement.id, status: 'OPEN' });
  if (open)
    throw conflict('amendment.alreadyOpen', {
      blockedBy: [{ entity: 'AgreementAmendment', id: open.id, label: open.summary }],
    });
  const user = ctx.auth!;
  const amendment = await em.getRepository(AgreementAmendment).save(
    em.getRepository(AgreementAmendment).create({
      agreementId: agreement.id,
      summary: data.summary,
      effectiveOn: data.effectiveOn,
      changes,
      costTerms,
      joining: data.joining,
      leaving: data.leaving,
      revisionOfId,
      proposedByUserId: user.id,
      proposedBy: `${user.name} <${user.email}>`,
    }),
  );
  const needs = approvalsNeeded(
    parties.map((p) => ({ ...p, role: p.role === PartyRole.HOST ? 'HOST' : 'PARTNER' })),
    data.effectiveOn,
    data.joining,
    data.leaving,
  );
  if (needs.length) {
    await em
      .getRepository(AmendmentApproval)
      .insert(needs.map((n) => ({ amendmentId: amendment.id, kommunenummer: n.kommunenummer, role: n.role })));
  }
  await audit(em, ctx, 'PROPOSE', 'AgreementAmendment', amendment.id, null, amendment, {
    entity: 'Agreement',
    id: agreement.id,
    label: await partLabel(em, amendment),
  });
  if (needs.length === 0) return adopt(em, ctx, amendment, agreement);
  return amendment;
}

export async function proposeAmendment(
  ctx: AppContext,
  agreementId: string,
  input: AmendmentInput,
  expectedVersion?: number | null,
): Promise<AgreementAmendment> {
  const aid = parseInput(rules.uuid('avtale'), agreementId, 'agreementId');
  const data = parseInput(amendmentSchema, input, 'input');
  requireUser(ctx);
  return transaction(ctx, async (em) => {
    const agreement = await lockOrMissing(em, ctx, Agreement, aid, AGREEMENT);
    // Who may propose is checked after validation (finance may propose cost terms only); out of scope is FORBIDDEN first.
    assertAllowed(
      ctx,
      canProposeAmendment(ctx.auth!.grants, { hostKommunenummer: await hostOf(em, agreement.centreId) }, true),
    );
    checkVersion(agreement, expectedVersion, 'avtalen');
    return createProposal(em, ctx, agreement, data, null, 'input');
  });
}

/** Locks an amendment and its agreement (agreement first: the same order as every agreement change). */
async function lockAmendment(em: EntityManager, ctx: AppContext, id: string): Promise<[AgreementAmendment, Agreement]> {
  const found = await em.getRepository(AgreementAmendment).findOneBy({ id });
  if (!found) throw missing(ctx, notFound(AMENDMENT[0], id, AMENDMENT[1]));
  const agreement = await lockOrMissing(em, ctx, Agreement, found.agreementId, AGREEMENT);
  const amendment = await lockOrMissing(em, ctx, AgreementAmendment, id, AMENDMENT);
  return [amendment, agreement];
}

/** A proposal that changes the cost model only (host finance staff may handle those). */
const isCostTermsOnly = (x: AgreementAmendment) =>
  Object.keys(x.changes).length === 0 && x.joining.length === 0 && x.leaving.length === 0;

function assertOpen(amendment: AgreementAmendment) {
  if (amendment.status !== 'OPEN')
    throw badInput('id', msg('amendment.closed', { status: amendment.status.toLowerCase() }));
}

/**
 * Closes an open proposal as REVISED or WITHDRAWN (the host; its finance staff for a cost-terms-only
 * proposal), under the agreement's and the proposal's lock, audited in the agreement's history.
 */
async function closeAmendment(
  em: EntityManager,
  ctx: AppContext,
  id: string,
  status: 'REVISED' | 'WITHDRAWN',
  expectedVersion: number | null | undefined,
) {
  const [amendment, agreement] = await lockAmendment(em, ctx, id);
  assertAllowed(
    ctx,
    canProposeAmendment(
      ctx.auth!.grants,
      { hostKommunenummer: await hostOf(em, agreement.centreId) },
      isCostTermsOnly(amendment),
    ),
  );
  checkVersion(amendment, expectedVersion, 'forslaget');
  assertOpen(amendment);
  const before = { ...amendment };
  amendment.status = status;
  amendment.closedAt = new Date();
  const saved = await em.getRepository(AgreementAmendment).save(amendment);
  await audit(em, ctx, status === 'REVISED' ? 'REVISE' : 'WITHDRAW', 'AgreementAmendment', saved.id, before, saved, {
    entity: 'Agreement',
    id: agreement.id,
    label: await partLabel(em, saved),
  });
  return { agreement, amendment: saved };
}

/** The host replaces an open proposal with a revised one; every party is asked again. */
export async function reviseAmendment(
  ctx: AppContext,
  id: string,
  input: AmendmentInput,
  expectedVersion?: number | null,
): Promise<AgreementAmendment> {
  const amid = parseInput(rules.uuid('endringsforslag'), id, 'id');
  const data = parseInput(amendmentSchema, input, 'input');
  requireUser(ctx);
  return transaction(ctx, async (em) => {
    const { agreement, amendment } = await closeAmendment(em, ctx, amid, 'REVISED', expectedVersion);
    return createProposal(em, ctx, agreement, data, amendment.id, 'input');
  });
}

export async function withdrawAmendment(
  ctx: AppContext,
  id: string,
  expectedVersion?: number | null,
): Promise<AgreementAmendment> {
  const amid = parseInput(rules.uuid('endringsforslag'), id, 'id');
  requireUser(ctx);
  return transaction(ctx, async (em) => (await closeAmendment(em, ctx, amid, 'WITHDRAWN', expectedVersion)).amendment);
}

/**
 * An affected municipality's director approves (with the decision) or rejects (with a reason). The
 * approval is for the version of the proposal the director saw. When the last party approves, the new
 * version of the agreement is made at once and takes effect on its date.
 */
export async function decideAmendment(
  ctx: AppContext,
  id: string,
  kommunenummerInput: string | null | undefined,
  decision: Exclude<ApprovalDecision, 'PENDING'>,
  input: { approval?: ApprovalInput | null; reason?: string | null },
  expectedVersion?: number | null,
): Promise<AgreementAmendment> {
  const amid = parseInput(rules.uuid('endringsforslag'), id, 'id');
  const knrArg = parseInput(rules.kommunenummer().nullish(), kommunenummerInput ?? null, 'kommunenummer');
  const approval = decision === 'APPROVED' ? parseInput(approvalSchema, input.approval ?? {}, 'input') : null;
  const reason =
    decision === 'REJECTED' ? parseInput(rules.text('Begrunnelsen', 2000), input.reason ?? '', 'reason') : null;
  const user = requireUser(ctx);
  return transaction(ctx, async (em) => {
    const [amendment, agreement] = await lockAmendment(em, ctx, amid);
    const rows = await em.getRepository(AmendmentApproval).findBy({ amendmentId: amendment.id });
    // The municipality the user answers for: named, or the one affected municipality they direct.
    const mine = rows.filter((r) => canActForMunicipality(user.grants, r.kommunenummer));
    const row = knrArg ? mine.find((r) => r.kommunenummer === knrArg) : mine.length === 1 ? mine[0] : undefined;
    if (!row) {
      if (knrArg || mine.length === 0) throw missing(ctx, forbidden());
      throw badInput('kommunenummer', 'amendment.chooseMunicipality');
    }
    checkVersion(amendment, expectedVersion, 'forslaget');
    assertOpen(amendment);
    if (approval && compareIso(approval.decisionDate, todayInNorway()) > 0)
      throw badInput('input.decisionDate', 'agreement.decisionInFuture');
    const before = { ...row };
    Object.assign(row, {
      decision,
      decisionBody: approval?.decisionBody ?? null,
      decisionRef: approval?.decisionRef ?? null,
      decisionDate: approval?.decisionDate ?? null,
      reason,
      decidedByUserId: user.id,
      decidedBy: `${user.name} <${user.email}>`,
      decidedAt: new Date(),
    });
    await em.getRepository(AmendmentApproval).save(row);
    await audit(em, ctx, decision === 'APPROVED' ? 'APPROVE' : 'REJECT', 'AmendmentApproval', row.id, before, row, {
      entity: 'Agreement',
      id: agreement.id,
      label: await partLabel(em, amendment, row.kommunenummer),
    });
    const all = rows.map((r) => (r.id === row.id ? row.decision : r.decision));
    if (amendmentOutcome(all) === 'APPROVED') return adopt(em, ctx, amendment, agreement);
    return amendment;
  });
}

/**
 * Every party has approved: the new version is made, replacing the old one from the effective date.
 * The old agreement binds until the day before (its parties leave then); the new one binds from the
 * effective date with the parties staying on and those joining. Its status follows at that date
 * (housekeeping moves the old one to ENDED).
 */
async function adopt(
  em: EntityManager,
  ctx: AppContext,
  amendment: AgreementAmendment,
  old: Agreement,
): Promise<AgreementAmendment> {
  await em.getRepository(CrisisCentre).findOne({ where: { id: old.centreId }, lock: { mode: 'pessimistic_write' } });
  const effective = amendment.effectiveOn;
  const lastDay = addDaysIso(effective, -1);
  const today = todayInNorway();
  const approvals = await em.getRepository(AmendmentApproval).findBy({ amendmentId: amendment.id });
  const decisionOf = (k: string) => approvals.find((a) => a.kommunenummer === k && a.decision === 'APPROVED');

  // 1. The old version: binds until the day before; ended at once when that day has passed.
  const oldBefore = { ...old };
  old.endedOn = old.endedOn && compareIso(old.endedOn, lastDay) < 0 ? old.endedOn : lastDay;
  if (compareIso(lastDay, today) < 0) old.status = 'ENDED';
  await em.getRepository(Agreement).save(old);
  await audit(em, ctx, 'UPDATE', 'Agreement', old.id, oldBefore, old);

  // 2. Its parties on board at the effective date leave the day before (or move wholly if they join later).
  const oldParties = await em.getRepository(AgreementParty).findBy({ agreementId: old.id });
  const staying: AgreementParty[] = [];
  const partyChanges: {
    id: string;
    before: object;
    after: object | null;
    parent: { entity: string; id: string; label: string };
  }[] = [];
  for (const p of oldParties) {
    if (p.leftOn !== null && compareIso(p.leftOn, effective) < 0) continue;
    if (!amendment.leaving.includes(p.kommunenummer)) staying.push({ ...p });
    const label =
      (await em.getRepository(Municipality).findOneBy({ kommunenummer: p.kommunenummer }))?.name ?? p.kommunenummer;
    if (p.joinedOn && compareIso(p.joinedOn, effective) >= 0) {
      await em.getRepository(AgreementParty).delete({ id: p.id });
      partyChanges.push({ id: p.id, before: p, after: null, parent: { entity: 'Agreement', id: old.id, label } });
    } else {
      const before = { ...p };
      p.leftOn = lastDay;
      await em.getRepository(AgreementParty).save(p);
      partyChanges.push({ id: p.id, before, after: p, parent: { entity: 'Agreement', id: old.id, label } });
    }
  }
  for (const c of partyChanges)
    await audit(em, ctx, c.after ? 'UPDATE' : 'DELETE', 'AgreementParty', c.id, c.before, c.after, c.parent);

  // 3. The new version.
  const { id: _id, version: _v, createdAt: _c, updatedAt: _u, seedKey: _s, ...fields } = old;
  const changed = Object.keys(amendment.changes);
  const next = em.getRepository(Agreement).create({
    ...fields,
    ...(amendment.changes as Partial<Agreement>),
    status: oldBefore.status === 'ENDED' ? 'ACTIVE' : oldBefore.status,
    validFrom: effective,
    endedOn: oldBefore.endedOn && compareIso(oldBefore.endedOn, effective) >= 0 ? oldBefore.endedOn : null,
    supersedesId: old.id,
    seedKey: null,
    ...(amendment.costTerms
      ? {
          costModel: amendment.costTerms.model,
          costParams: amendment.costTerms.params,
          populationReference: amendment.costTerms.populationReference ?? old.populationReference,
        }
      : {}),
    exampleFields: old.exampleFields.filter(
      (f) => !changed.includes(f) && f !== 'validFrom' && !(amendment.costTerms && f === 'costModel'),
    ),
  });
  const saved = await em.getRepository(Agreement).save(next);
  await audit(em, ctx, 'CREATE', 'Agreement', saved.id, null, saved);

  const newParties = [
    ...staying.map((p) => ({
      kommunenummer: p.kommunenummer,
      role: p.role,
      joinedOn: p.joinedOn && compareIso(p.joinedOn, effective) > 0 ? p.joinedOn : effective,
      leftOn: p.leftOn,
      noticeGivenOn: p.noticeGivenOn,
      decision: p.role === PartyRole.HOST ? p : decisionOf(p.kommunenummer),
      sourceUrl: p.sourceUrl,
      sourceAsOf: p.sourceAsOf,
      isExample: p.isExample,
    })),
    ...amendment.joining.map((k) => ({
      kommunenummer: k,
      role: PartyRole.PARTNER,
      joinedOn: effective,
      leftOn: null,
      noticeGivenOn: null,
      decision: decisionOf(k),
      sourceUrl: null,
      sourceAsOf: null,
      isExample: false,
    })),
  ];
  for (const [i, p] of newParties.entries()) {
    await checkParty(em, saved, p, null, `parties.${i}`);
    const party = await em.getRepository(AgreementParty).save(
      em.getRepository(AgreementParty).create({
        agreementId: saved.id,
        kommunenummer: p.kommunenummer,
        role: p.role,
        joinedOn: p.joinedOn,
        leftOn: p.leftOn,
        noticeGivenOn: p.noticeGivenOn,
        decisionBody: p.decision?.decisionBody ?? null,
        decisionRef: p.decision?.decisionRef ?? null,
        decisionDate: p.decision?.decisionDate ?? null,
        sourceUrl: p.sourceUrl,
        sourceAsOf: p.sourceAsOf,
        isExample: p.isExample,
      }),
    );
    const label =
      (await em.getRepository(Municipality).findOneBy({ kommunenummer: p.kommunenummer }))?.name ?? p.kommunenummer;
    await audit(em, ctx, 'CREATE', 'AgreementParty', party.id, null, party, {
      entity: 'Agreement',
      id: saved.id,
      label,
    });
  }

  // 4. The proposal is adopted.
  const before = { ...amendment };
  amendment.status = 'ADOPTED';
  amendment.resultAgreementId = saved.id;
  amendment.closedAt = new Date();
  const result = await em.getRepository(AgreementAmendment).save(amendment);
  await audit(em, ctx, 'ADOPT', 'AgreementAmendment', result.id, before, result, {
    entity: 'Agreement',
    id: old.id,
    label: await partLabel(em, amendment),
  });
  return result;
}

export async function listAmendments(
  ctx: AppContext,
  filterInput: AmendmentFilter | null | undefined,
  pageInput: { limit?: number | null; offset?: number | null },
) {
  const filter = parseInput(amendmentFilterSchema, filterInput ?? {}, 'filter');
  const page = parsePaging(pageInput);
  const qb = ctx.dataSource.getRepository(AgreementAmendment).createQueryBuilder('x');
  if (filter.agreementId) qb.andWhere('x.agreement_id = :a', { a: filter.agreementId });
  if (filter.statuses?.length) qb.andWhere('x.status IN (:...s)', { s: filter.statuses });
  if (filter.awaitingKommunenummer) {
    qb.andWhere(`x.status = 'OPEN'`).andWhere(
      `EXISTS (SELECT 1 FROM amendment_approval p WHERE p.amendment_id = x.id AND p.kommunenummer = :k AND p.decision = 'PENDING')`,
      {
        k: filter.awaitingKommunenummer,
      },
    );
  }
  const [items, totalCount] = await qb
    .orderBy('x.created_at', 'DESC')
    .addOrderBy('x.id')
    .offset(page.offset)
    .limit(page.limit)
    .getManyAndCount();
  return { items, totalCount };
}

/** Open amendments waiting for a decision of a municipality the signed-in director answers for. */
export async function myPendingApprovals(ctx: AppContext): Promise<AgreementAmendment[]> {
  const mine = (ctx.auth?.grants ?? [])
    .filter((g) => g.role === 'DIRECTOR' && g.kommunenummer)
    .map((g) => g.kommunenummer!);
  if (mine.length === 0) return [];
  return ctx.dataSource
    .getRepository(AgreementAmendment)
    .createQueryBuilder('x')
    .where(`x.status = 'OPEN'`)
    .andWhere(
      `EXISTS (SELECT 1 FROM amendment_approval p WHERE p.amendment_id = x.id AND p.decision = 'PENDING' AND p.kommunenummer = ANY(:mine))`,
      { mine },
    )
    .orderBy('x.effective_on')
    .addOrderBy('x.id')
    .getMany();
}
