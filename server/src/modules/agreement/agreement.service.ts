import { In, type DataSource, type EntityManager } from 'typeorm';
import {
  allowedTransitions,
  BINDING_STATUSES,
  BINDING_TERM_FIELDS,
  budgetCycle,
  canActForMunicipality,
  canAdministerAgreement,
  canTransition,
  compareIso,
  isAdmin,
  membershipEndByNotice,
  nextDeadline,
  partyPeriodCovers,
  todayInNorway,
  AGREEMENT_STATUSES,
  type AgreementStatus,
  type AgreementTerms,
  msg,
} from '@samordna/domain';
import type { AppContext } from '../../app/context';
import { assertAllowed, checkVersion, requireUser } from '../../app/auth';
import { audit } from '../../app/audit';
import { definedOnly, lockOrMissing, lockPart } from '../../app/persistence';
import { amendmentRequired, badInput, inUse, notFound } from '../../app/errors';
import { parsePaging, parseInput, rules } from '../../app/validation';
import { NB_COLLATION } from '../../app/loader-utils';
import { dataVersionOf, VersionedCache } from '../../app/data-version';
import { missing } from '../../app/auth';
import { CrisisCentre } from '../crisis-centre/crisis-centre.entity';
import { Municipality } from '../municipality/municipality.entity';
import { AgreementParty } from './agreement-party.entity';
import { PartyRole } from './party-role';
import { Agreement } from './agreement.entity';
import {
  agreementFieldsSchema,
  createAgreementSchema,
  membershipDecisionSchema,
  noticeSchema,
  partySchema,
  updatePartySchema,
  type AgreementFieldsInput,
  agreementFilterSchema,
  type AgreementFilter,
  type AgreementOrder,
  type CreateAgreementInput,
  type MembershipDecisionInput,
  type NoticeInput,
  type PartyInput,
  type UpdatePartyInput,
} from './agreement.inputs';
import type { DeadlineType } from './agreement.types';
import { z } from 'zod';
import { transaction } from '../../app/transaction';

const ID = rules.uuid('avtale');

export function deadlineOf(a: AgreementTerms & { status: AgreementStatus }, asOf: string): DeadlineType {
  const d = nextDeadline(a, asOf);
  const cycle = d.nextPossibleEnd && d.kind !== 'ENDED' ? budgetCycle(d.nextPossibleEnd, d.noticeDeadline, asOf) : null;
  // Ended, or terms that no longer bind, have no deadline that matters.
  const kind = a.status === 'ENDED' ? 'ENDED' : d.kind;
  return {
    ...d,
    kind,
    asOf,
    budgetCutoff: cycle?.cutoff ?? null,
    noticeAfterBudgetCutoff: cycle?.noticeAfterCutoff ?? false,
    ...(kind === 'ENDED' ? { noticeDeadline: null, daysLeft: null } : {}),
  };
}

/** The columns the list filters and sorts on in memory: what the deadline rules read, and the sort keys. */
interface ListRow extends AgreementTerms {
  id: string;
  title: string;
  status: AgreementStatus;
  centreName: string;
}

const byNb = new Intl.Collator('nb');

/** Ordered agreement ids per list query, per data source (one per server process; tests open many). */
const orderedLists = new WeakMap<DataSource, VersionedCache<string[]>>();
function orderedListCache(ds: DataSource): VersionedCache<string[]> {
  let cache = orderedLists.get(ds);
  if (!cache) {
    cache = new VersionedCache<string[]>(dataVersionOf(ds), 64);
    orderedLists.set(ds, cache);
  }
  return cache;
}

/**
 * A page of agreements with the number matching in all. Filters and orders other than by deadline
 * are SQL (ORDER BY, LIMIT/OFFSET and a count: two statements however many agreements there are).
 * Deadlines come from the domain rules: for DAYS_LEFT or `deadlineWithinDays`, one statement reads
 * the few columns the rules need for every matching agreement and the rules order them in memory,
 * once per data version and day (kept, like the coverage overview); each request then loads only
 * its page. Either way the SQL sent per request does not grow with the data.
 */
export async function listAgreements(
  ctx: AppContext,
  filterInput: AgreementFilter | null | undefined,
  pageInput: { limit?: number | null; offset?: number | null },
  orderInput?: { orderBy?: AgreementOrder | null; descending?: boolean | null },
): Promise<{ items: Agreement[]; totalCount: number }> {
  const filter = parseInput(agreementFilterSchema, filterInput ?? {}, 'filter');
  const page = parsePaging(pageInput);
  const within = filter.deadlineWithinDays ?? null;
  // Without an order: newest first, or by nearest deadline when filtering by deadline (as before paging).
  const orderBy: AgreementOrder = orderInput?.orderBy ?? (within === null ? 'NEWEST' : 'DAYS_LEFT');
  const descending = orderInput?.descending ?? false;
  const qb = ctx.dataSource.getRepository(Agreement).createQueryBuilder('a');
  if (filter.centreId) qb.andWhere('a.centre_id = :centreId', { centreId: filter.centreId });
  if (filter.kommunenummer) {
    qb.andWhere('EXISTS (SELECT 1 FROM agreement_party p WHERE p.agreement_id = a.id AND p.kommunenummer = :k)', {
      k: filter.kommunenummer,
    });
  }
  if (filter.statuses?.length) qb.andWhere('a.status IN (:...statuses)', { statuses: filter.statuses });

  // The page's centres come with it (a join, primed into the loader): the list's centre names then
  // cost no statement of their own, whichever resolver happens to run first.
  const primeCentres = (items: Agreement[]) => {
    for (const a of items) {
      ctx.loaders.agreementById.prime(a.id, a);
      if (a.centre) ctx.loaders.centreById.prime(a.centreId, a.centre);
    }
  };
  if (within === null && orderBy !== 'DAYS_LEFT') {
    qb.innerJoinAndSelect('a.centre', 'c');
    const dir = descending ? 'DESC' : 'ASC';
    const byTitle = `a.title COLLATE ${NB_COLLATION}`;
    if (orderBy === 'NEWEST') qb.orderBy('a.valid_from', descending ? 'ASC' : 'DESC', 'NULLS LAST');
    else if (orderBy === 'CENTRE') {
      qb.orderBy(`c.name COLLATE ${NB_COLLATION}`, dir);
    } else if (orderBy === 'STATUS') {
      qb.orderBy(`array_position(ARRAY[${AGREEMENT_STATUSES.map((x) => `'${x}'`).join(',')}]::text[], a.status)`, dir);
    }
    if (orderBy === 'TITLE') qb.orderBy(byTitle, dir);
    else qb.addOrderBy(byTitle, 'ASC');
    qb.addOrderBy('a.id', 'ASC');
    const [items, totalCount] = await qb.offset(page.offset).limit(page.limit).getManyAndCount();
    primeCentres(items);
    return { items, totalCount };
  }

  const asOf = filter.asOf ?? todayInNorway();
  // The matching agreements in order, kept per data version (every write moves it): the deadline
  // rules run once per change of the data and day, not on every request.
  const key = JSON.stringify([
    asOf,
    filter.centreId,
    filter.kommunenummer,
    filter.statuses,
    within,
    orderBy,
    descending,
  ]);
  const ordered = await orderedListCache(ctx.dataSource).get(
    key,
    async () => {
      const rows: ListRow[] = await qb
        .innerJoin('crisis_centre', 'c', 'c.id = a.centre_id')
        .select([
          'a.id AS id',
          'a.title AS title',
          'a.status AS status',
          'c.name AS "centreName"',
          'a.valid_from AS "validFrom"',
          'a.valid_to AS "validTo"',
          'a.auto_renew AS "autoRenew"',
          'a.renewal_months AS "renewalMonths"',
          'a.notice_months AS "noticeMonths"',
          'a.notice_runs_to AS "noticeRunsTo"',
        ])
        .getRawMany();
      // Only the days left: what deadlineOf adds (the budget cycle) does not order anything.
      const withDays = rows
        .map((row) => ({ row, days: row.status === 'ENDED' ? null : nextDeadline(row, asOf).daysLeft }))
        .filter(({ days }) => within === null || (days !== null && days >= 0 && days <= within));
      const titles = (x: ListRow, y: ListRow) => byNb.compare(x.title, y.title) || (x.id < y.id ? -1 : 1);
      const primary: (x: (typeof withDays)[number], y: (typeof withDays)[number]) => number =
        orderBy === 'DAYS_LEFT'
          ? (x, y) => (x.days ?? Infinity) - (y.days ?? Infinity) || 0
          : orderBy === 'TITLE'
            ? () => 0
            : orderBy === 'CENTRE'
              ? (x, y) => byNb.compare(x.row.centreName, y.row.centreName)
              : orderBy === 'STATUS'
                ? (x, y) => AGREEMENT_STATUSES.indexOf(x.row.status) - AGREEMENT_STATUSES.indexOf(y.row.status)
                : (x, y) => (y.row.validFrom ?? '').localeCompare(x.row.validFrom ?? '');
      const sign = descending ? -1 : 1;
      withDays.sort((x, y) => sign * primary(x, y) || (orderBy === 'TITLE' ? sign : 1) * titles(x.row, y.row));
      return withDays.map(({ row }) => row.id);
    },
    ctx.dataVersion,
  );
  const ids = ordered.slice(page.offset, page.offset + page.limit);
  const loaded = ids.length
    ? await ctx.dataSource.getRepository(Agreement).find({ where: { id: In(ids) }, relations: { centre: true } })
    : [];
  const byId = new Map(loaded.map((a) => [a.id, a]));
  const items = ids.map((id) => byId.get(id)).filter((a): a is Agreement => a !== undefined);
  primeCentres(items);
  return { items, totalCount: ordered.length };
}

export async function getAgreement(ctx: AppContext, id: string): Promise<Agreement> {
  const parsed = parseInput(ID, id, 'id');
  const a = await ctx.loaders.agreementById.load(parsed);
  if (!a) throw notFound('Agreement', parsed, 'notFound.agreement');
  return a;
}

const AGREEMENT = ['Agreement', 'notFound.agreement'] as const;
const PARTY = ['AgreementParty', 'notFound.party'] as const;

const hostMismatch = (c: { name: string; hostKommunenummer: string | null }) =>
  c.hostKommunenummer === null
    ? msg('agreement.hostUnknown', { centre: c.name })
    : msg('agreement.hostMismatch', { centre: c.name, kommunenummer: c.hostKommunenummer });

/** The agreement's centre's host municipality (who administers the agreement). */
async function hostOf(em: EntityManager, centreId: string): Promise<string> {
  const [row] = await em.query(`SELECT host_kommunenummer AS host FROM crisis_centre WHERE id = $1`, [centreId]);
  return row.host;
}

/**
 * Locks the agreement for a change by its administrator: the host municipality's director or a
 * national administrator (FORBIDDEN for anyone else, whether or not it exists).
 */
export async function lockAgreementToAdminister(em: EntityManager, ctx: AppContext, id: string): Promise<Agreement> {
  requireUser(ctx);
  const a = await lockOrMissing(em, ctx, Agreement, id, AGREEMENT);
  assertAllowed(ctx, canAdministerAgreement(ctx.auth!.grants, { hostKommunenummer: await hostOf(em, a.centreId) }));
  return a;
}

/**
 * On an agreement in force, its binding terms change only by an approved amendment. Administrators
 * correct the register directly (audited), and an invented example value may be replaced by the real one.
 */
function checkBindingTerms(ctx: AppContext, agreement: Agreement, changed: Partial<Agreement>, argName: string) {
  if (!isBinding(agreement) || isAdmin(ctx.auth!.grants)) return;
  for (const field of [...BINDING_TERM_FIELDS, 'supersedesId'] as const) {
    if (!(field in changed) || changed[field] === agreement[field] || agreement.exampleFields.includes(field)) continue;
    throw amendmentRequired(`${argName}.${field}`);
  }
}

function checkPartiesOpenForChange(ctx: AppContext, agreement: Agreement, field: string) {
  if (isBinding(agreement) && !isAdmin(ctx.auth!.grants)) throw amendmentRequired(field, 'theParties');
}

/** Dates of a term must run forwards, whichever of the two is being changed. */
function checkTermDates(a: Pick<Agreement, 'validFrom' | 'validTo'>, argName: string) {
  if (a.validFrom && a.validTo && compareIso(a.validTo, a.validFrom) < 0) {
    throw badInput(`${argName}.validTo`, 'agreement.validToBeforeFrom');
  }
}

async function checkSupersedes(
  em: EntityManager,
  centreId: string,
  supersedesId: string | null | undefined,
  selfId: string | null,
  argName: string,
) {
  if (!supersedesId) return;
  if (supersedesId === selfId) throw badInput(`${argName}.supersedesId`, 'agreement.supersedesSelf');
  const old = await em.getRepository(Agreement).findOneBy({ id: supersedesId });
  if (!old) throw badInput(`${argName}.supersedesId`, 'agreement.supersededMissing');
  if (old.centreId !== centreId) throw badInput(`${argName}.supersedesId`, 'agreement.supersededOtherCentre');
  // No cycles in the version chain (a new agreement cannot be in one yet).
  if (!selfId) return;
  let cursor: string | null = old.supersedesId;
  for (let i = 0; cursor && i < 1000; i++) {
    if (cursor === selfId) throw badInput(`${argName}.supersedesId`, 'agreement.supersedesCycle');
    cursor = (await em.getRepository(Agreement).findOneBy({ id: cursor }))?.supersedesId ?? null;
  }
}

interface Period {
  joinedOn: string | null;
  leftOn: string | null;
}
const overlaps = (a: Period, b: Period) =>
  (a.joinedOn === null || b.leftOn === null || compareIso(a.joinedOn, b.leftOn) <= 0) &&
  (b.joinedOn === null || a.leftOn === null || compareIso(b.joinedOn, a.leftOn) <= 0);

/**
 * A municipality can be a party to only one binding agreement with the same centre at a time,
 * and an agreement has one host at a time. Parties of ended agreements do not count.
 */
export async function checkParty(
  em: EntityManager,
  agreement: Agreement,
  party: { kommunenummer: string; role: PartyRole } & Period,
  exceptPartyId: string | null,
  field: string,
) {
  if (party.joinedOn && party.leftOn && compareIso(party.leftOn, party.joinedOn) < 0) {
    throw badInput(`${field}.leftOn`, 'agreement.leftBeforeJoined');
  }
  const municipality = await em.getRepository(Municipality).findOneBy({ kommunenummer: party.kommunenummer });
  if (!municipality)
    throw badInput(`${field}.kommunenummer`, msg('kommunenummer.notFound', { kommunenummer: party.kommunenummer }));

  const others: (AgreementParty & { status: AgreementStatus; title: string })[] = await em
    .getRepository(AgreementParty)
    .createQueryBuilder('p')
    .innerJoin(Agreement, 'a', 'a.id = p.agreement_id')
    .select([
      'p.id AS id',
      'p.kommunenummer AS kommunenummer',
      'p.role AS role',
      'p.joined_on AS "joinedOn"',
      'p.left_on AS "leftOn"',
    ])
    .addSelect(['a.status AS status', 'a.title AS title', 'a.id AS "agreementId"'])
    .where('a.centre_id = :centreId', { centreId: agreement.centreId })
    .andWhere("a.status <> 'ENDED'")
    .andWhere('(p.kommunenummer = :k OR (p.role = :host AND p.agreement_id = :agreementId))', {
      k: party.kommunenummer,
      host: PartyRole.HOST,
      agreementId: agreement.id,
    })
    .getRawMany();
  for (const o of others) {
    if (o.id === exceptPartyId || !overlaps(o, party)) continue;
    if (o.kommunenummer === party.kommunenummer) {
      throw badInput(
        `${field}.joinedOn`,
        msg('agreement.overlappingParty', { municipality: municipality.name, title: o.title }),
      );
    }
    if (party.role === PartyRole.HOST) {
      throw badInput(`${field}.role`, 'agreement.hostTaken');
    }
  }
}

async function insertParty(em: EntityManager, agreement: Agreement, p: z.infer<typeof partySchema>, field: string) {
  await checkParty(em, agreement, p, null, field);
  return em.getRepository(AgreementParty).save(
    em.getRepository(AgreementParty).create({
      agreementId: agreement.id,
      kommunenummer: p.kommunenummer,
      role: p.role,
      joinedOn: p.joinedOn,
      leftOn: p.leftOn,
      note: p.note,
    }),
  );
}

export async function createAgreement(ctx: AppContext, input: CreateAgreementInput): Promise<Agreement> {
  requireUser(ctx);
  const data = parseInput(createAgreementSchema, input, 'input');
  return transaction(ctx, async (em) => {
    // Lock the centre: party checks across its agreements must not race.
    const centre = await em
      .getRepository(CrisisCentre)
      .findOne({ where: { id: data.centreId }, lock: { mode: 'pessimistic_write' } });
    if (!centre) throw missing(ctx, badInput('input.centreId', 'notFound.centre'));
    assertAllowed(ctx, canAdministerAgreement(ctx.auth!.grants, centre));
    for (const [i, p] of data.parties.entries()) {
      if (p.role === PartyRole.HOST && p.kommunenummer !== centre.hostKommunenummer) {
        throw badInput(`input.parties.${i}.role`, hostMismatch(centre));
      }
    }
    if (
      data.status === 'ACTIVE' &&
      !isAdmin(ctx.auth!.grants) &&
      data.parties.some((p) => p.role === PartyRole.PARTNER)
    ) {
      throw badInput('input.status', 'agreement.activeNeedsDecisions');
    }
    checkTermDates({ validFrom: data.validFrom ?? null, validTo: data.validTo ?? null }, 'input');
    await checkSupersedes(em, centre.id, data.supersedesId, null, 'input');
    const { parties, ...fields } = data;
    const agreement = await em
      .getRepository(Agreement)
      .save(em.getRepository(Agreement).create({ ...fields, checklist: fields.checklist ?? [] } as Partial<Agreement>));
    await audit(em, ctx, 'CREATE', 'Agreement', agreement.id, null, agreement);
    for (const [i, p] of parties.entries()) {
      const party = await insertParty(em, agreement, p, `input.parties.${i}`);
      await audit(em, ctx, 'CREATE', 'AgreementParty', party.id, null, party, await partyPart(em, party));
    }
    return agreement;
  });
}

export async function updateAgreement(
  ctx: AppContext,
  id: string,
  input: AgreementFieldsInput,
  expectedVersion?: number | null,
): Promise<Agreement> {
  const agreementId = parseInput(ID, id, 'id');
  const data = parseInput(agreementFieldsSchema, input, 'input');
  return transaction(ctx, async (em) => {
    const agreement = await lockAgreementToAdminister(em, ctx, agreementId);
    checkVersion(agreement, expectedVersion, 'avtalen');
    const changed = definedOnly(data) as Partial<Agreement>;
    checkBindingTerms(ctx, agreement, changed, 'input');
    const merged = { ...agreement, ...changed };
    checkTermDates(merged, 'input');
    if ('supersedesId' in changed)
      await checkSupersedes(em, agreement.centreId, changed.supersedesId, agreement.id, 'input');
    // An edited field is no longer an invented example.
    merged.exampleFields = agreement.exampleFields.filter((f) => !(f in changed));
    const saved = await em.getRepository(Agreement).save(merged);
    await audit(em, ctx, 'UPDATE', 'Agreement', saved.id, agreement, saved);
    return saved;
  });
}

export async function changeAgreementStatus(
  ctx: AppContext,
  id: string,
  status: AgreementStatus,
  noticeGivenOn: string | null | undefined,
  expectedVersion?: number | null,
  endedOnInput?: string | null,
): Promise<Agreement> {
  const agreementId = parseInput(ID, id, 'id');
  const date = parseInput(rules.optionalIsoDate('Oppsagt dato'), noticeGivenOn ?? null, 'noticeGivenOn');
  const endedOn = parseInput(rules.optionalIsoDate('Avsluttet dato'), endedOnInput ?? null, 'endedOn');
  return transaction(ctx, async (em) => {
    const agreement = await lockAgreementToAdminister(em, ctx, agreementId);
    checkVersion(agreement, expectedVersion, 'avtalen');
    const before = { ...agreement };
    if (!canTransition(agreement.status, status)) {
      const allowed = allowedTransitions(agreement.status).map((s) => `status.${s}`);
      const from = `status.${agreement.status}`;
      const to = `status.${status}`;
      throw badInput(
        'status',
        allowed.length
          ? msg('agreement.statusTransition', { from, to, allowed: allowed.join(',') })
          : msg('agreement.statusTransitionEnded', { from, to }),
      );
    }
    const today = todayInNorway();
    if (status === 'ACTIVE' && !isBinding(agreement) && !isAdmin(ctx.auth!.grants)) {
      // A draft binds the partners only when each has recorded its own decision.
      const parties = await em
        .getRepository(AgreementParty)
        .findBy({ agreementId: agreement.id, role: PartyRole.PARTNER });
      const undecided = parties.filter((p) => partyPeriodCovers(p, today) && !p.decisionRef);
      if (undecided.length) {
        const names = await em.query(`SELECT name FROM municipality WHERE kommunenummer = ANY($1) ORDER BY name`, [
          undecided.map((p) => p.kommunenummer),
        ]);
        throw badInput(
          'status',
          msg('agreement.decisionsMissing', { names: names.map((n: { name: string }) => n.name).join(', ') }),
        );
      }
    }
    agreement.status = status;
    if (status === 'NOTICE_GIVEN') {
      // Notice to end the whole agreement: it binds until the first end its terms allow.
      agreement.noticeGivenOn = date ?? today;
      agreement.endedOn = membershipEndByNotice(agreement, agreement.noticeGivenOn).leavesOn;
    }
    if (status === 'ACTIVE' && before.status === 'NOTICE_GIVEN') {
      agreement.noticeGivenOn = null;
      const successors = await em.getRepository(Agreement).countBy({ supersedesId: agreement.id });
      if (!successors) agreement.endedOn = null;
    }
    if (status === 'ENDED') {
      const last =
        endedOn ?? (agreement.endedOn && compareIso(agreement.endedOn, today) <= 0 ? agreement.endedOn : today);
      if (compareIso(last, today) > 0) throw badInput('endedOn', 'agreement.endInFuture');
      if (agreement.validFrom && compareIso(last, agreement.validFrom) < 0)
        throw badInput('endedOn', 'agreement.endBeforeStart');
      agreement.endedOn = last;
    }
    agreement.exampleFields = agreement.exampleFields.filter((f) => f !== 'status');
    const saved = await em.getRepository(Agreement).save(agreement);
    await audit(em, ctx, 'STATUS', 'Agreement', saved.id, before, saved);
    return saved;
  });
}

export async function deleteAgreement(ctx: AppContext, id: string): Promise<string> {
  const agreementId = parseInput(ID, id, 'id');
  return transaction(ctx, async (em) => {
    const agreement = await lockAgreementToAdminister(em, ctx, agreementId);
    if (isBinding(agreement) && !isAdmin(ctx.auth!.grants)) {
      throw badInput('id', 'agreement.deleteInForce');
    }
    const successors = await em.getRepository(Agreement).findBy({ supersedesId: agreement.id });
    if (successors.length) {
      throw inUse(
        successors.length === 1
          ? msg('agreement.deleteSuperseded', { titles: `«${successors[0].title}»` })
          : msg('agreement.deleteSupersededMany', {
              count: successors.length,
              titles: successors.map((s) => `«${s.title}»`).join(', '),
            }),
        successors.map((s) => ({ entity: 'Agreement', id: s.id, label: s.title })),
      );
    }
    await em.getRepository(Agreement).delete({ id: agreement.id }); // parties go with it
    await audit(em, ctx, 'DELETE', 'Agreement', agreement.id, agreement, null);
    return agreement.id;
  });
}

/** How a party's audit entries name their agreement and themselves (the municipality). */
async function partyPart(em: EntityManager, party: AgreementParty) {
  const m = await em.getRepository(Municipality).findOneBy({ kommunenummer: party.kommunenummer });
  return { entity: 'Agreement', id: party.agreementId, label: m?.name ?? party.kommunenummer };
}

export async function addAgreementParty(
  ctx: AppContext,
  agreementId: string,
  input: PartyInput,
): Promise<AgreementParty> {
  const aid = parseInput(rules.uuid('avtale'), agreementId, 'agreementId');
  const data = parseInput(partySchema, input, 'input');
  return transaction(ctx, async (em) => {
    const agreement = await lockAgreementToAdminister(em, ctx, aid);
    const centre = await em
      .getRepository(CrisisCentre)
      .findOneOrFail({ where: { id: agreement.centreId }, lock: { mode: 'pessimistic_write' } });
    if (agreement.status === 'ENDED') throw badInput('agreementId', 'agreement.endedNoParties');
    checkPartiesOpenForChange(ctx, agreement, 'agreementId');
    if (data.role === PartyRole.HOST && data.kommunenummer !== centre.hostKommunenummer) {
      throw badInput('input.role', hostMismatch(centre));
    }
    const party = await insertParty(em, agreement, data, 'input');
    await audit(em, ctx, 'CREATE', 'AgreementParty', party.id, null, party, await partyPart(em, party));
    return party;
  });
}

export async function updateAgreementParty(
  ctx: AppContext,
  id: string,
  input: UpdatePartyInput,
  expectedVersion?: number | null,
): Promise<AgreementParty> {
  const pid = parseInput(rules.uuid('part'), id, 'id');
  const data = parseInput(updatePartySchema, input, 'input');
  requireUser(ctx);
  return transaction(ctx, async (em) => {
    const [party, agreement] = await lockPart(em, ctx, AgreementParty, pid, PARTY, (p) =>
      lockAgreementToAdminister(em, ctx, p.agreementId),
    );
    checkVersion(party, expectedVersion, 'parten');
    await em
      .getRepository(CrisisCentre)
      .findOne({ where: { id: agreement.centreId }, lock: { mode: 'pessimistic_write' } });
    const changes = definedOnly(data);
    if ((['joinedOn', 'leftOn'] as const).some((f) => f in changes && changes[f] !== party[f]))
      checkPartiesOpenForChange(ctx, agreement, 'input.leftOn');
    const merged = { ...party, ...changes };
    await checkParty(em, agreement, merged, party.id, 'input');
    const saved = await em.getRepository(AgreementParty).save(merged);
    await audit(em, ctx, 'UPDATE', 'AgreementParty', saved.id, party, saved, await partyPart(em, party));
    return saved;
  });
}

export async function removeAgreementParty(ctx: AppContext, id: string): Promise<string> {
  const pid = parseInput(rules.uuid('part'), id, 'id');
  requireUser(ctx);
  return transaction(ctx, async (em) => {
    const [party, agreement] = await lockPart(em, ctx, AgreementParty, pid, PARTY, (p) =>
      lockAgreementToAdminister(em, ctx, p.agreementId),
    );
    checkPartiesOpenForChange(ctx, agreement, 'id');
    await em.getRepository(AgreementParty).delete({ id: pid });
    await audit(em, ctx, 'DELETE', 'AgreementParty', pid, party, null, await partyPart(em, party));
    return pid;
  });
}

/**
 * Locks a party for an act of its own municipality (notice, its decision): the municipality's
 * director or an administrator; the agreement is locked first, so changes to it queue.
 */
async function lockOwnMembership(em: EntityManager, ctx: AppContext, id: string): Promise<[AgreementParty, Agreement]> {
  requireUser(ctx);
  return lockPart(em, ctx, AgreementParty, id, PARTY, async (p) => {
    if (!canActForMunicipality(ctx.auth!.grants, p.kommunenummer)) throw missing(ctx, notFound(PARTY[0], id, PARTY[1]));
    return lockOrMissing(em, ctx, Agreement, p.agreementId, AGREEMENT);
  });
}

/** When the party's membership would end if it gave notice on `givenOn` (for the confirmation). */
export function noticeEffect(agreement: Agreement, givenOn: string) {
  return { givenOn, ...membershipEndByNotice(agreement, givenOn) };
}

/**
 * A partner gives notice for its own municipality: its membership ends on the first end the
 * agreement's notice terms allow (computed and shown before); where the terms say nothing, the
 * director states the day. The agreement and the other parties are untouched.
 */
export async function giveNotice(
  ctx: AppContext,
  partyId: string,
  input: NoticeInput,
  expectedVersion?: number | null,
): Promise<AgreementParty> {
  const pid = parseInput(rules.uuid('part'), partyId, 'partyId');
  const data = parseInput(noticeSchema, input ?? {}, 'input');
  return transaction(ctx, async (em) => {
    const [party, agreement] = await lockOwnMembership(em, ctx, pid);
    checkVersion(party, expectedVersion, 'medlemskapet');
    const today = todayInNorway();
    const givenOn = data.givenOn ?? today;
    if (compareIso(givenOn, today) > 0) throw badInput('input.givenOn', 'agreement.noticeInFuture');
    if (party.role === PartyRole.HOST) throw badInput('partyId', 'agreement.hostNotice');
    if (!isBinding(agreement)) throw badInput('partyId', 'agreement.noticeNotInForce');
    if (party.noticeGivenOn)
      throw badInput('partyId', msg('agreement.noticeAlreadyGiven', { date: party.noticeGivenOn }));
    if (party.leftOn && compareIso(party.leftOn, givenOn) < 0) throw badInput('partyId', 'agreement.alreadyLeft');
    const effect = membershipEndByNotice(agreement, givenOn);
    let leftOn = effect.leavesOn;
    if (data.leavesOn) {
      if (leftOn && compareIso(data.leavesOn, leftOn) < 0)
        throw badInput('input.leavesOn', msg('agreement.leavesTooEarly', { date: leftOn }));
      if (compareIso(data.leavesOn, givenOn) < 0) throw badInput('input.leavesOn', 'agreement.leavesBeforeNotice');
      leftOn = data.leavesOn;
    }
    if (!leftOn) {
      throw badInput('input.leavesOn', effect.kind === 'ENDED' ? 'agreement.periodEnded' : 'agreement.noNoticePeriod');
    }
    if (party.leftOn && compareIso(party.leftOn, leftOn) < 0) leftOn = party.leftOn;
    const saved = await em.getRepository(AgreementParty).save({ ...party, noticeGivenOn: givenOn, leftOn });
    await audit(em, ctx, 'NOTICE', 'AgreementParty', saved.id, party, saved, await partyPart(em, party));
    return saved;
  });
}

/** A party records its own decision about the agreement (body, reference, date). */
export async function recordMembershipDecision(
  ctx: AppContext,
  partyId: string,
  input: MembershipDecisionInput,
  expectedVersion?: number | null,
): Promise<AgreementParty> {
  const pid = parseInput(rules.uuid('part'), partyId, 'partyId');
  const data = parseInput(membershipDecisionSchema, input, 'input');
  return transaction(ctx, async (em) => {
    const [party] = await lockOwnMembership(em, ctx, pid);
    checkVersion(party, expectedVersion, 'medlemskapet');
    if (compareIso(data.decisionDate, todayInNorway()) > 0)
      throw badInput('input.decisionDate', 'agreement.decisionInFuture');
    const saved = await em.getRepository(AgreementParty).save({ ...party, ...data });
    await audit(em, ctx, 'DECISION', 'AgreementParty', saved.id, party, saved, await partyPart(em, party));
    return saved;
  });
}

/** Parties that are members on a day: joined on or before it (or unknown) and not yet left. */
export function isCurrentParty(p: AgreementParty, asOf: string): boolean {
  return partyPeriodCovers(p, asOf);
}

export function isBinding(a: Agreement): boolean {
  return BINDING_STATUSES.includes(a.status);
}

/**
 * Agreements whose last binding day has passed (notice ran out, or a new version took over) move to
 * ENDED, audited as done by Samordna itself. One statement; run by the daily housekeeping.
 */
export async function endLapsedAgreements(ds: DataSource, today: string = todayInNorway()): Promise<number> {
  const rows: unknown[] = await ds.query(
    `WITH ended AS (
       UPDATE agreement a SET status = 'ENDED', version = a.version + 1, updated_at = now()
       FROM (SELECT id, status FROM agreement WHERE status IN (${BINDING_STATUSES.map((s) => `'${s}'`).join(', ')}) AND ended_on < $1::date FOR UPDATE) old
       WHERE a.id = old.id
       RETURNING a.id, old.status AS before
     )
     INSERT INTO audit_log (user_id, user_label, operation, entity, entity_id, changes)
     SELECT NULL, 'Samordna (automatisk: siste avtaledag passert)', 'STATUS', 'Agreement', id::text,
            jsonb_build_object('status', jsonb_build_object('before', before, 'after', 'ENDED'))
     FROM ended RETURNING entity_id`,
    [today],
  );
  return rows.length;
}
