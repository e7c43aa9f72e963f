import type { EntityManager } from 'typeorm';
import {
  AGREEMENT_STATUS_LABELS,
  allowedTransitions,
  BINDING_STATUSES,
  budgetCycle,
  canTransition,
  compareIso,
  nextDeadline,
  todayInNorway,
  type AgreementStatus,
} from '@samordna/domain';
import type { AppContext } from '../../app/context';
import { agreementScope, assertAllowed, checkVersion, requireUser } from '../../app/auth';
import { audit } from '../../app/audit';
import { definedOnly, lockOrMissing, lockPart } from '../../app/records';
import { canManageAgreement } from '@samordna/domain';
import { badInput, inUse, notFound } from '../../app/errors';
import { parsePaging, parseInput, v } from '../../app/validation';
import { CrisisCentre } from '../crisis-centre/crisis-centre.entity';
import { Municipality } from '../municipality/municipality.entity';
import { AgreementParty, PartyRole } from './agreement-party.entity';
import { Agreement } from './agreement.entity';
import {
  agreementFieldsSchema,
  createAgreementSchema,
  partySchema,
  updatePartySchema,
  type AgreementFieldsInput,
  type AgreementFilter,
  type CreateAgreementInput,
  type PartyInput,
  type UpdatePartyInput,
} from './agreement.inputs';
import type { DeadlineType } from './agreement.types';
import { z } from 'zod';

const ID = v.uuid('avtale');

export function deadlineOf(a: Agreement, asOf: string): DeadlineType {
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

const filterSchema = z.object({
  centreId: v.uuid('krisesenter').nullish(),
  kommunenummer: v.kommunenummer().nullish(),
  statuses: z.array(z.string()).nullish(),
  deadlineWithinDays: v.int('Antall dager', 0, 3650).nullish(),
  asOf: v.optionalIsoDate('Dato').optional(),
});

export async function listAgreements(
  ctx: AppContext,
  filterInput: AgreementFilter | null | undefined,
  pageInput: { limit?: number | null; offset?: number | null },
): Promise<{ items: Agreement[]; totalCount: number }> {
  const filter = parseInput(filterSchema, filterInput ?? {}, 'filter');
  const page = parsePaging(pageInput);
  const qb = ctx.dataSource.getRepository(Agreement).createQueryBuilder('a');
  if (filter.centreId) qb.andWhere('a.centre_id = :centreId', { centreId: filter.centreId });
  if (filter.kommunenummer) {
    qb.andWhere('EXISTS (SELECT 1 FROM agreement_party p WHERE p.agreement_id = a.id AND p.kommunenummer = :k)', { k: filter.kommunenummer });
  }
  if (filter.statuses?.length) qb.andWhere('a.status IN (:...statuses)', { statuses: filter.statuses });
  qb.orderBy('a.valid_from', 'DESC', 'NULLS LAST').addOrderBy('a.title');

  if (filter.deadlineWithinDays === null || filter.deadlineWithinDays === undefined) {
    const [items, totalCount] = await qb.offset(page.offset).limit(page.limit).getManyAndCount();
    for (const a of items) ctx.loaders.agreementById.prime(a.id, a);
    return { items, totalCount };
  }
  // Deadlines come from the domain rules, not SQL: filter and sort in memory (agreements are few).
  const asOf = filter.asOf ?? todayInNorway();
  const within = filter.deadlineWithinDays;
  const matching = (await qb.getMany())
    .map((a) => ({ a, d: deadlineOf(a, asOf) }))
    .filter(({ d }) => d.daysLeft !== null && d.daysLeft >= 0 && d.daysLeft <= within)
    .sort((x, y) => x.d.daysLeft! - y.d.daysLeft!);
  const items = matching.slice(page.offset, page.offset + page.limit).map(({ a }) => a);
  for (const a of items) ctx.loaders.agreementById.prime(a.id, a);
  return { items, totalCount: matching.length };
}

export async function getAgreement(ctx: AppContext, id: string): Promise<Agreement> {
  const parsed = parseInput(ID, id, 'id');
  const a = await ctx.loaders.agreementById.load(parsed);
  if (!a) throw notFound('Agreement', parsed, 'Fant ikke avtalen.');
  return a;
}

const AGREEMENT = ['Agreement', 'Fant ikke avtalen.'] as const;
const PARTY = ['AgreementParty', 'Fant ikke parten.'] as const;

/** Locks the agreement for the change, after checking that the user may change it. */
async function lockAgreement(em: EntityManager, ctx: AppContext, id: string): Promise<Agreement> {
  requireUser(ctx);
  const a = await lockOrMissing(em, ctx, Agreement, id, AGREEMENT);
  const scope = await agreementScope(em, id);
  assertAllowed(ctx, !!scope && canManageAgreement(ctx.auth!.grants, scope));
  return a;
}

/** Dates of a term must run forwards, whichever of the two is being changed. */
function checkTermDates(a: Pick<Agreement, 'validFrom' | 'validTo'>, argName: string) {
  if (a.validFrom && a.validTo && compareIso(a.validTo, a.validFrom) < 0) {
    throw badInput(`${argName}.validTo`, 'Gyldig til kan ikke være før gyldig fra.');
  }
}

async function checkSupersedes(em: EntityManager, centreId: string, supersedesId: string | null | undefined, selfId: string | null, argName: string) {
  if (!supersedesId) return;
  if (supersedesId === selfId) throw badInput(`${argName}.supersedesId`, 'En avtale kan ikke erstatte seg selv.');
  const old = await em.getRepository(Agreement).findOneBy({ id: supersedesId });
  if (!old) throw badInput(`${argName}.supersedesId`, 'Avtalen som skal erstattes, finnes ikke.');
  if (old.centreId !== centreId) throw badInput(`${argName}.supersedesId`, 'Avtalen som erstattes, må gjelde samme krisesenter.');
  // No cycles in the version chain (a new agreement cannot be in one yet).
  if (!selfId) return;
  let cursor: string | null = old.supersedesId;
  for (let i = 0; cursor && i < 1000; i++) {
    if (cursor === selfId) throw badInput(`${argName}.supersedesId`, 'Versjonskjeden kan ikke gå i ring.');
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
async function checkParty(
  em: EntityManager,
  agreement: Agreement,
  party: { kommunenummer: string; role: PartyRole } & Period,
  exceptPartyId: string | null,
  field: string,
) {
  if (party.joinedOn && party.leftOn && compareIso(party.leftOn, party.joinedOn) < 0) {
    throw badInput(`${field}.leftOn`, 'Utmeldt dato kan ikke være før innmeldt dato.');
  }
  const municipality = await em.getRepository(Municipality).findOneBy({ kommunenummer: party.kommunenummer });
  if (!municipality) throw badInput(`${field}.kommunenummer`, `Fant ingen kommune med kommunenummer ${party.kommunenummer}.`);

  const others: (AgreementParty & { status: AgreementStatus; title: string })[] = await em
    .getRepository(AgreementParty)
    .createQueryBuilder('p')
    .innerJoin(Agreement, 'a', 'a.id = p.agreement_id')
    .select(['p.id AS id', 'p.kommunenummer AS kommunenummer', 'p.role AS role', 'p.joined_on AS "joinedOn"', 'p.left_on AS "leftOn"'])
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
        `${municipality.name} er allerede part i «${o.title}» med dette krisesenteret i samme periode. Sett utmeldt dato der først, eller velg datoer som ikke overlapper.`,
      );
    }
    if (party.role === PartyRole.HOST) {
      throw badInput(`${field}.role`, 'Avtalen har allerede en vertskommune i denne perioden.');
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
  return ctx.dataSource.transaction(async (em) => {
    // Lock the centre: party checks across its agreements must not race.
    const centre = await em.getRepository(CrisisCentre).findOne({ where: { id: data.centreId }, lock: { mode: 'pessimistic_write' } });
    if (!centre) throw badInput('input.centreId', 'Fant ikke krisesenteret.');
    assertAllowed(ctx, canManageAgreement(ctx.auth!.grants, { hostKommunenummer: centre.hostKommunenummer, partyKommunenummer: data.parties.map((p) => p.kommunenummer) }));
    checkTermDates({ validFrom: data.validFrom ?? null, validTo: data.validTo ?? null }, 'input');
    await checkSupersedes(em, centre.id, data.supersedesId, null, 'input');
    const { parties, ...fields } = data;
    const agreement = await em.getRepository(Agreement).save(
      em.getRepository(Agreement).create({ ...fields, checklist: fields.checklist ?? [] } as Partial<Agreement>),
    );
    await audit(em, ctx, 'CREATE', 'Agreement', agreement.id, null, agreement);
    for (const [i, p] of parties.entries()) {
      const party = await insertParty(em, agreement, p, `input.parties.${i}`);
      await audit(em, ctx, 'CREATE', 'AgreementParty', party.id, null, party, await partyPart(em, party));
    }
    return agreement;
  });
}

export async function updateAgreement(ctx: AppContext, id: string, input: AgreementFieldsInput, expectedVersion?: number | null): Promise<Agreement> {
  const agreementId = parseInput(ID, id, 'id');
  const data = parseInput(agreementFieldsSchema, input, 'input');
  return ctx.dataSource.transaction(async (em) => {
    const agreement = await lockAgreement(em, ctx, agreementId);
    checkVersion(agreement, expectedVersion, 'avtalen');
    const changed = definedOnly(data) as Partial<Agreement>;
    const merged = { ...agreement, ...changed };
    checkTermDates(merged, 'input');
    if ('supersedesId' in changed) await checkSupersedes(em, agreement.centreId, changed.supersedesId, agreement.id, 'input');
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
): Promise<Agreement> {
  const agreementId = parseInput(ID, id, 'id');
  const date = parseInput(v.optionalIsoDate('Oppsagt dato'), noticeGivenOn ?? null, 'noticeGivenOn');
  return ctx.dataSource.transaction(async (em) => {
    const agreement = await lockAgreement(em, ctx, agreementId);
    checkVersion(agreement, expectedVersion, 'avtalen');
    const before = { ...agreement };
    if (!canTransition(agreement.status, status)) {
      const allowed = allowedTransitions(agreement.status).map((s) => AGREEMENT_STATUS_LABELS[s].nb.toLowerCase());
      throw badInput(
        'status',
        `En avtale med status «${AGREEMENT_STATUS_LABELS[agreement.status].nb.toLowerCase()}» kan ikke få status «${AGREEMENT_STATUS_LABELS[status].nb.toLowerCase()}». ` +
          (allowed.length ? `Mulige neste steg: ${allowed.join(', ')}.` : 'Avtalen er avsluttet; lag en ny avtale som erstatter den.'),
      );
    }
    agreement.status = status;
    if (status === 'NOTICE_GIVEN') agreement.noticeGivenOn = date ?? todayInNorway();
    if (status === 'ACTIVE') agreement.noticeGivenOn = null;
    agreement.exampleFields = agreement.exampleFields.filter((f) => f !== 'status');
    const saved = await em.getRepository(Agreement).save(agreement);
    await audit(em, ctx, 'STATUS', 'Agreement', saved.id, before, saved);
    return saved;
  });
}

export async function deleteAgreement(ctx: AppContext, id: string): Promise<string> {
  const agreementId = parseInput(ID, id, 'id');
  return ctx.dataSource.transaction(async (em) => {
    const agreement = await lockAgreement(em, ctx, agreementId);
    const successors = await em.getRepository(Agreement).findBy({ supersedesId: agreement.id });
    if (successors.length) {
      throw inUse(
        `Avtalen kan ikke slettes fordi ${successors.length === 1 ? 'en nyere avtale' : `${successors.length} nyere avtaler`} erstatter den: ${successors.map((s) => `«${s.title}»`).join(', ')}.`,
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

export async function addAgreementParty(ctx: AppContext, agreementId: string, input: PartyInput): Promise<AgreementParty> {
  const aid = parseInput(v.uuid('avtale'), agreementId, 'agreementId');
  const data = parseInput(partySchema, input, 'input');
  return ctx.dataSource.transaction(async (em) => {
    const agreement = await lockAgreement(em, ctx, aid);
    await em.getRepository(CrisisCentre).findOne({ where: { id: agreement.centreId }, lock: { mode: 'pessimistic_write' } });
    if (agreement.status === 'ENDED') throw badInput('agreementId', 'Avtalen er avsluttet; parter kan ikke legges til.');
    const party = await insertParty(em, agreement, data, 'input');
    await audit(em, ctx, 'CREATE', 'AgreementParty', party.id, null, party, await partyPart(em, party));
    return party;
  });
}

export async function updateAgreementParty(ctx: AppContext, id: string, input: UpdatePartyInput, expectedVersion?: number | null): Promise<AgreementParty> {
  const pid = parseInput(v.uuid('part'), id, 'id');
  const data = parseInput(updatePartySchema, input, 'input');
  requireUser(ctx);
  return ctx.dataSource.transaction(async (em) => {
    const [party, agreement] = await lockPart(em, ctx, AgreementParty, pid, PARTY, (p) => lockAgreement(em, ctx, p.agreementId));
    checkVersion(party, expectedVersion, 'parten');
    await em.getRepository(CrisisCentre).findOne({ where: { id: agreement.centreId }, lock: { mode: 'pessimistic_write' } });
    const merged = { ...party, ...definedOnly(data) };
    await checkParty(em, agreement, merged, party.id, 'input');
    const saved = await em.getRepository(AgreementParty).save(merged);
    await audit(em, ctx, 'UPDATE', 'AgreementParty', saved.id, party, saved, await partyPart(em, party));
    return saved;
  });
}

export async function removeAgreementParty(ctx: AppContext, id: string): Promise<string> {
  const pid = parseInput(v.uuid('part'), id, 'id');
  requireUser(ctx);
  return ctx.dataSource.transaction(async (em) => {
    const [party] = await lockPart(em, ctx, AgreementParty, pid, PARTY, (p) => lockAgreement(em, ctx, p.agreementId));
    await em.getRepository(AgreementParty).delete({ id: pid });
    await audit(em, ctx, 'DELETE', 'AgreementParty', pid, party, null, await partyPart(em, party));
    return pid;
  });
}

/** Parties that are members on a day: joined on or before it (or unknown) and not yet left. */
export function isCurrentParty(p: AgreementParty, asOf: string): boolean {
  return (p.joinedOn === null || compareIso(p.joinedOn, asOf) <= 0) && (p.leftOn === null || compareIso(p.leftOn, asOf) >= 0);
}

export function isBinding(a: Agreement): boolean {
  return BINDING_STATUSES.includes(a.status);
}
