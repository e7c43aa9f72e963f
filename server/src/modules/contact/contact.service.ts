import { type EntityManager, type SelectQueryBuilder, type ObjectLiteral } from 'typeorm';
import { z } from 'zod';
import { DEFAULT_STALE_AFTER_MONTHS } from '@samordna/domain';
import type { AppContext } from '../../app/context';
import { assertAllowed, centresOfMunicipality, checkVersion, missing, requireUser } from '../../app/auth';
import { audit } from '../../app/audit';
import { canManageMunicipalityContacts, isAdmin } from '@samordna/domain';
import { badInput, inUse, notFound } from '../../app/errors';
import { NB_COLLATION } from '../../app/loader-utils';
import { paging, parseInput, v } from '../../app/validation';
import { HandoverRoutine } from '../handover/handover-routine.entity';
import { RoutineStep } from '../handover/routine-step.entity';
import { Municipality } from '../municipality/municipality.entity';
import { Agency } from './agency.entity';
import { ContactPerson } from './contact-person.entity';
import {
  agencyFieldsSchema,
  agencyFilterSchema,
  contactFieldsSchema,
  contactFilterSchema,
  createAgencySchema,
  createContactSchema,
  type AgencyFilter,
  type AgencyInput,
  type ContactFilter,
  type ContactInput,
} from './contact.inputs';

type Page = { limit?: number | null; offset?: number | null };
const pageOf = (p: Page) => parseInput(paging, { limit: p.limit ?? undefined, offset: p.offset ?? undefined }, 'paging');

/** Member municipalities of a centre: current parties of its binding agreements, plus the host. */
const CENTRE_MUNICIPALITIES = `(
  SELECT c.host_kommunenummer FROM crisis_centre c WHERE c.id = :centreId
  UNION
  SELECT p.kommunenummer FROM agreement_party p JOIN agreement ag ON ag.id = p.agreement_id
  WHERE ag.centre_id = :centreId AND ag.status IN ('ACTIVE', 'NOTICE_GIVEN', 'DISPUTED')
    AND (p.joined_on IS NULL OR p.joined_on <= current_date) AND (p.left_on IS NULL OR p.left_on >= current_date))`;

function whereAgency<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string, f: z.infer<typeof agencyFilterSchema>) {
  if (f.kommunenummer) qb.andWhere(`${alias}.kommunenummer = :k`, { k: f.kommunenummer });
  if (f.centreId) qb.andWhere(`${alias}.kommunenummer IN ${CENTRE_MUNICIPALITIES}`, { centreId: f.centreId });
  if (f.kinds?.length) qb.andWhere(`${alias}.kind IN (:...kinds)`, { kinds: f.kinds });
  return qb;
}

export async function listAgencies(ctx: AppContext, filterInput: AgencyFilter | null | undefined, page: Page) {
  const filter = parseInput(agencyFilterSchema, filterInput ?? {}, 'filter');
  const { limit, offset } = pageOf(page);
  const qb = whereAgency(ctx.dataSource.getRepository(Agency).createQueryBuilder('a'), 'a', filter)
    .innerJoin(Municipality, 'm', 'm.kommunenummer = a.kommunenummer')
    .orderBy(`m.name COLLATE ${NB_COLLATION}`)
    .addOrderBy('a.kind')
    .addOrderBy(`a.name COLLATE ${NB_COLLATION}`);
  const [items, totalCount] = await qb.offset(offset).limit(limit).getManyAndCount();
  for (const a of items) ctx.loaders.agencyById.prime(a.id, a);
  return { items, totalCount };
}

export async function listContacts(ctx: AppContext, filterInput: ContactFilter | null | undefined, page: Page, now = new Date()) {
  const filter = parseInput(contactFilterSchema, filterInput ?? {}, 'filter');
  const { limit, offset } = pageOf(page);
  const months = filter.staleAfterMonths ?? DEFAULT_STALE_AFTER_MONTHS;
  const qb = ctx.dataSource
    .getRepository(ContactPerson)
    .createQueryBuilder('c')
    .innerJoin(Agency, 'a', 'a.id = c.agency_id')
    .innerJoin(Municipality, 'm', 'm.kommunenummer = a.kommunenummer');
  whereAgency(qb, 'a', filter);
  if (filter.activeOnly ?? true) qb.andWhere('c.active');
  if (filter.contactPointsOnly) qb.andWhere('c.is_contact_point');
  // Same rule as isContactStale in the domain package: stale from exactly N months after verification.
  const staleSql = `(c.verified_at IS NULL OR c.verified_at + make_interval(months => :months) <= :now)`;
  if (filter.stale === true) qb.andWhere(staleSql, { months, now });
  if (filter.stale === false) qb.andWhere(`NOT ${staleSql}`, { months, now });
  qb.orderBy(`m.name COLLATE ${NB_COLLATION}`).addOrderBy('a.kind').addOrderBy(`c.name COLLATE ${NB_COLLATION}`);
  const [items, totalCount] = await qb.offset(offset).limit(limit).getManyAndCount();
  for (const c of items) ctx.loaders.contactById.prime(c.id, c);
  return { items, totalCount };
}

/** Finds an agency the user may manage (its municipality in scope). */
async function findAgency(em: EntityManager, ctx: AppContext, id: string, field: string): Promise<Agency> {
  requireUser(ctx);
  const agency = await em.getRepository(Agency).findOneBy({ id });
  if (!agency) throw field === 'id' ? missing(ctx, notFound('Agency', id, 'Fant ikke etaten.')) : isAdmin(ctx.auth!.grants) ? badInput(field, 'Fant ikke etaten.') : missing(ctx, notFound('Agency', id, ''));
  await assertMunicipality(em, ctx, agency.kommunenummer);
  return agency;
}

async function assertMunicipality(em: EntityManager, ctx: AppContext, kommunenummer: string) {
  const grants = requireUser(ctx).grants;
  if (isAdmin(grants)) return;
  assertAllowed(ctx, canManageMunicipalityContacts(grants, kommunenummer, await centresOfMunicipality(em, kommunenummer)));
}

export async function createAgency(ctx: AppContext, input: AgencyInput): Promise<Agency> {
  requireUser(ctx);
  const data = parseInput(createAgencySchema, input, 'input');
  if (!(await ctx.dataSource.getRepository(Municipality).existsBy({ kommunenummer: data.kommunenummer }))) {
    throw badInput('input.kommunenummer', `Fant ingen kommune med kommunenummer ${data.kommunenummer}.`);
  }
  return ctx.dataSource.transaction(async (em) => {
    await assertMunicipality(em, ctx, data.kommunenummer);
    const repo = em.getRepository(Agency);
    const agency = await repo.save(repo.create(data));
    await audit(em, ctx, 'CREATE', 'Agency', agency.id, null, agency);
    return agency;
  });
}

export async function updateAgency(ctx: AppContext, id: string, input: AgencyInput, expectedVersion?: number | null): Promise<Agency> {
  const agencyId = parseInput(v.uuid('etat'), id, 'id');
  const data = parseInput(agencyFieldsSchema, input, 'input');
  if (data.kommunenummer !== undefined) throw badInput('input.kommunenummer', 'En etat kan ikke flyttes til en annen kommune; opprett en ny.');
  return ctx.dataSource.transaction(async (em) => {
    const agency = await findAgency(em, ctx, agencyId, 'id');
    checkVersion(agency, expectedVersion, 'etaten');
    const changed = Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined));
    const saved = await em.getRepository(Agency).save({ ...agency, ...changed });
    await audit(em, ctx, 'UPDATE', 'Agency', saved.id, agency, saved);
    return saved;
  });
}

export async function deleteAgency(ctx: AppContext, id: string): Promise<string> {
  const agencyId = parseInput(v.uuid('etat'), id, 'id');
  return ctx.dataSource.transaction(async (em) => {
    const agency = await findAgency(em, ctx, agencyId, 'id');
    const contacts = await em.getRepository(ContactPerson).find({ where: { agencyId }, select: { id: true, name: true } });
    if (contacts.length) {
      throw inUse(
        `Etaten kan ikke slettes fordi den har ${contacts.length} kontaktperson${contacts.length === 1 ? '' : 'er'}: ${contacts.map((c) => c.name).join(', ')}.`,
        contacts.map((c) => ({ entity: 'ContactPerson', id: c.id, label: c.name })),
      );
    }
    await em.getRepository(Agency).delete({ id: agencyId });
    await audit(em, ctx, 'DELETE', 'Agency', agencyId, agency, null);
    return agencyId;
  });
}

/** One contact point per municipality: making one moves the mark from any other. */
async function moveContactPoint(em: EntityManager, contact: ContactPerson, agency: Agency) {
  // Plain SQL: the query builder would rewrite "agency" in a where string as the relation's column.
  await em.query(
    `UPDATE contact_person SET is_contact_point = false, updated_at = now(), version = version + 1
     WHERE id <> $1 AND is_contact_point AND agency_id IN (SELECT id FROM agency WHERE kommunenummer = $2)`,
    [contact.id, agency.kommunenummer],
  );
}

export async function createContact(ctx: AppContext, input: ContactInput): Promise<ContactPerson> {
  const data = parseInput(createContactSchema, input, 'input');
  return ctx.dataSource.transaction(async (em) => {
    const agency = await findAgency(em, ctx, data.agencyId, 'input.agencyId');
    const contact = await em.getRepository(ContactPerson).save(em.getRepository(ContactPerson).create(data));
    if (contact.isContactPoint) await moveContactPoint(em, contact, agency);
    await audit(em, ctx, 'CREATE', 'ContactPerson', contact.id, null, contact);
    return contact;
  });
}

export async function updateContact(ctx: AppContext, id: string, input: ContactInput, expectedVersion?: number | null): Promise<ContactPerson> {
  const contactId = parseInput(v.uuid('kontaktperson'), id, 'id');
  const data = parseInput(contactFieldsSchema, input, 'input');
  requireUser(ctx);
  return ctx.dataSource.transaction(async (em) => {
    const contact = await em.getRepository(ContactPerson).findOne({ where: { id: contactId }, lock: { mode: 'pessimistic_write' } });
    if (!contact) throw missing(ctx, notFound('ContactPerson', contactId, 'Fant ikke kontaktpersonen.'));
    await findAgency(em, ctx, contact.agencyId, 'id');
    checkVersion(contact, expectedVersion, 'kontaktpersonen');
    const agency = await findAgency(em, ctx, data.agencyId ?? contact.agencyId, 'input.agencyId');
    const changed = Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined));
    const saved = await em.getRepository(ContactPerson).save({ ...contact, ...changed });
    if (saved.isContactPoint) await moveContactPoint(em, saved, agency);
    await audit(em, ctx, 'UPDATE', 'ContactPerson', saved.id, contact, saved);
    return saved;
  });
}

export async function deleteContact(ctx: AppContext, id: string): Promise<string> {
  const contactId = parseInput(v.uuid('kontaktperson'), id, 'id');
  requireUser(ctx);
  return ctx.dataSource.transaction(async (em) => {
    const contact = await em.getRepository(ContactPerson).findOneBy({ id: contactId });
    if (!contact) throw missing(ctx, notFound('ContactPerson', contactId, 'Fant ikke kontaktpersonen.'));
    await findAgency(em, ctx, contact.agencyId, 'id');
    const steps = await em
      .getRepository(RoutineStep)
      .createQueryBuilder('s')
      .innerJoin(HandoverRoutine, 'r', 'r.id = s.routine_id')
      .innerJoin(Municipality, 'm', 'm.kommunenummer = r.kommunenummer')
      .select(['s.id AS id', 's.title AS title', 'r.id AS "routineId"', 'm.name AS municipality'])
      .where('s.contact_id = :contactId', { contactId })
      .getRawMany<{ id: string; title: string; routineId: string; municipality: string }>();
    if (steps.length) {
      throw inUse(
        `${contact.name} er koblet til ${steps.length} steg i overgangsrutiner (${steps.map((s) => `«${s.title}», ${s.municipality}`).join('; ')}). Fjern koblingen først, eller marker personen som inaktiv.`,
        steps.map((s) => ({ entity: 'RoutineStep', id: s.id, label: `${s.title} (${s.municipality})` })),
      );
    }
    await em.getRepository(ContactPerson).delete({ id: contactId });
    await audit(em, ctx, 'DELETE', 'ContactPerson', contactId, contact, null);
    return contactId;
  });
}

/** Marks one or many contacts as verified now, by the named person. All or nothing. */
export async function verifyContacts(ctx: AppContext, ids: string[], verifiedBy: string, now = new Date()): Promise<ContactPerson[]> {
  const list = parseInput(z.array(v.uuid('kontaktperson')).min(1, 'Velg minst én kontaktperson.').max(1000), ids, 'ids');
  const by = parseInput(v.text('Verifisert av', 200), verifiedBy, 'verifiedBy');
  const unique = [...new Set(list)];
  requireUser(ctx);
  return ctx.dataSource.transaction(async (em) => {
    const found = await em.getRepository(ContactPerson).find({ where: unique.map((id) => ({ id })), lock: { mode: 'pessimistic_write' } });
    if (found.length !== unique.length) {
      const absent = unique.filter((id) => !found.some((c) => c.id === id));
      if (!isAdmin(ctx.auth!.grants)) throw missing(ctx, notFound('ContactPerson', absent[0], ''));
      throw badInput('ids', `Fant ikke ${absent.length} av kontaktpersonene: ${absent.join(', ')}.`);
    }
    for (const agencyId of new Set(found.map((c) => c.agencyId))) await findAgency(em, ctx, agencyId, 'id');
    for (const c of found) {
      const saved = await em.getRepository(ContactPerson).save({ ...c, verifiedAt: now, verifiedBy: by });
      await audit(em, ctx, 'VERIFY', 'ContactPerson', c.id, c, saved);
    }
    return em.getRepository(ContactPerson).findBy(unique.map((id) => ({ id })));
  });
}
