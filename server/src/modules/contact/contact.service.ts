import { In, type EntityManager, type SelectQueryBuilder, type ObjectLiteral } from 'typeorm';
import { z } from 'zod';
import { centreMembersSql, DEFAULT_STALE_AFTER_MONTHS, todayInNorway, msg } from '@samordna/domain';
import type { AppContext } from '../../app/context';
import { assertAllowed, checkVersion, forbidden, missing, requireUser } from '../../app/auth';
import { centresOfMunicipality } from '../agreement/membership';
import { audit, auditMany } from '../../app/audit';
import { definedOnly, lockOrMissing } from '../../app/persistence';
import { canActForMunicipality, canManageMunicipalityContacts, formatDate, isAdmin } from '@samordna/domain';
import { badInput, inUse, notFound } from '../../app/errors';
import { NB_COLLATION } from '../../app/loader-utils';
import { staleContactSql } from '../../database/contact-staleness';
import { parsePaging, parseInput, rules, zmsg } from '../../app/validation';
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
  newAgencySchema,
  type AgencyFilter,
  type AgencyInput,
  type ContactFilter,
  type ContactInput,
  type NewAgencyInput,
} from './contact.inputs';
import { lockMunicipalityContacts, transaction } from '../../app/transaction';

type Page = { limit?: number | null; offset?: number | null };

/** Member municipalities of a centre today: the one membership rule (packages/domain/membership.ts). */
const CENTRE_MUNICIPALITIES = centreMembersSql(':centreId', ':today');

function whereAgency<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  f: z.infer<typeof agencyFilterSchema>,
) {
  if (f.kommunenummer) qb.andWhere(`${alias}.kommunenummer = :k`, { k: f.kommunenummer });
  if (f.centreId)
    qb.andWhere(`${alias}.kommunenummer IN ${CENTRE_MUNICIPALITIES}`, { centreId: f.centreId, today: todayInNorway() });
  if (f.kinds?.length) qb.andWhere(`${alias}.kind IN (:...kinds)`, { kinds: f.kinds });
  return qb;
}

export async function listAgencies(ctx: AppContext, filterInput: AgencyFilter | null | undefined, page: Page) {
  const filter = parseInput(agencyFilterSchema, filterInput ?? {}, 'filter');
  const { limit, offset } = parsePaging(page);
  const qb = whereAgency(ctx.dataSource.getRepository(Agency).createQueryBuilder('a'), 'a', filter)
    .innerJoin(Municipality, 'm', 'm.kommunenummer = a.kommunenummer')
    .orderBy(`m.name COLLATE ${NB_COLLATION}`)
    .addOrderBy('a.kind')
    .addOrderBy(`a.name COLLATE ${NB_COLLATION}`)
    // A unique key last: rows that tie on the rest keep one order, so pages neither repeat nor skip them.
    .addOrderBy('a.id');
  const [items, totalCount] = await qb.offset(offset).limit(limit).getManyAndCount();
  for (const a of items) ctx.loaders.agencyById.prime(a.id, a);
  return { items, totalCount };
}

export async function listContacts(
  ctx: AppContext,
  filterInput: ContactFilter | null | undefined,
  page: Page,
  now = new Date(),
) {
  const filter = parseInput(contactFilterSchema, filterInput ?? {}, 'filter');
  const { limit, offset } = parsePaging(page);
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
  const staleSql = staleContactSql('c.verified_at', ':months', ':now');
  if (filter.stale === true) qb.andWhere(staleSql, { months, now });
  if (filter.stale === false) qb.andWhere(`NOT ${staleSql}`, { months, now });
  qb.orderBy(`m.name COLLATE ${NB_COLLATION}`)
    .addOrderBy('a.kind')
    .addOrderBy(`c.name COLLATE ${NB_COLLATION}`)
    .addOrderBy('c.id');
  const [items, totalCount] = await qb.offset(offset).limit(limit).getManyAndCount();
  for (const c of items) ctx.loaders.contactById.prime(c.id, c);
  return { items, totalCount };
}

const CONTACT = ['ContactPerson', 'notFound.contact'] as const;

/**
 * Finds an agency the user may manage (its municipality in scope); `lock` when the agency itself is
 * changed. A missing agency named by another argument (`field`) is that argument's error for
 * administrators.
 */
async function findAgency(
  em: EntityManager,
  ctx: AppContext,
  id: string,
  field: string,
  { lock = false } = {},
): Promise<Agency> {
  requireUser(ctx);
  const agency = await em
    .getRepository(Agency)
    .findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  if (!agency)
    throw field !== 'id' && isAdmin(ctx.auth!.grants)
      ? badInput(field, 'notFound.agency')
      : missing(ctx, notFound('Agency', id, 'notFound.agency'));
  await assertMunicipality(em, ctx, agency.kommunenummer);
  return agency;
}

/** A contact person the user may manage, with its agency; `lock` when the contact is changed or erased. */
export async function findContactInScope(
  em: EntityManager,
  ctx: AppContext,
  id: string,
  { lock = false } = {},
): Promise<{ contact: ContactPerson; agency: Agency }> {
  requireUser(ctx);
  const contact = lock
    ? await lockOrMissing(em, ctx, ContactPerson, id, CONTACT)
    : await em.getRepository(ContactPerson).findOneBy({ id });
  if (!contact) throw missing(ctx, notFound(CONTACT[0], id, CONTACT[1]));
  return { contact, agency: await findAgency(em, ctx, contact.agencyId, 'id') };
}

async function assertMunicipality(em: EntityManager, ctx: AppContext, kommunenummer: string) {
  const grants = requireUser(ctx).grants;
  if (isAdmin(grants)) return;
  assertAllowed(
    ctx,
    canManageMunicipalityContacts(grants, kommunenummer, await centresOfMunicipality(em, kommunenummer)),
  );
}

export async function createAgency(ctx: AppContext, input: AgencyInput): Promise<Agency> {
  requireUser(ctx);
  const data = parseInput(createAgencySchema, input, 'input');
  if (!(await ctx.dataSource.getRepository(Municipality).existsBy({ kommunenummer: data.kommunenummer }))) {
    throw badInput('input.kommunenummer', msg('kommunenummer.notFound', { kommunenummer: data.kommunenummer }));
  }
  return transaction(ctx, async (em) => {
    await assertMunicipality(em, ctx, data.kommunenummer);
    const repo = em.getRepository(Agency);
    const agency = await repo.save(repo.create(data));
    await audit(em, ctx, 'CREATE', 'Agency', agency.id, null, agency);
    return agency;
  });
}

export async function updateAgency(
  ctx: AppContext,
  id: string,
  input: AgencyInput,
  expectedVersion?: number | null,
): Promise<Agency> {
  const agencyId = parseInput(rules.uuid('etat'), id, 'id');
  const data = parseInput(agencyFieldsSchema, input, 'input');
  if (data.kommunenummer !== undefined) throw badInput('input.kommunenummer', 'contact.agencyMoved');
  return transaction(ctx, async (em) => {
    const agency = await findAgency(em, ctx, agencyId, 'id', { lock: true });
    checkVersion(agency, expectedVersion, 'etaten');
    const saved = await em.getRepository(Agency).save({ ...agency, ...definedOnly(data) });
    await audit(em, ctx, 'UPDATE', 'Agency', saved.id, agency, saved);
    return saved;
  });
}

export async function deleteAgency(ctx: AppContext, id: string): Promise<string> {
  const agencyId = parseInput(rules.uuid('etat'), id, 'id');
  return transaction(ctx, async (em) => {
    const agency = await findAgency(em, ctx, agencyId, 'id', { lock: true });
    const contacts = await em
      .getRepository(ContactPerson)
      .find({ where: { agencyId }, select: { id: true, name: true } });
    if (contacts.length) {
      throw inUse(
        msg(contacts.length === 1 ? 'contact.agencyInUseOne' : 'contact.agencyInUse', {
          count: contacts.length,
          names: contacts.map((c) => c.name).join(', '),
        }),
        contacts.map((c) => ({ entity: 'ContactPerson', id: c.id, label: c.name })),
      );
    }
    await em.getRepository(Agency).delete({ id: agencyId });
    await audit(em, ctx, 'DELETE', 'Agency', agencyId, agency, null);
    return agencyId;
  });
}

/**
 * One contact point per municipality (a partial unique index holds it): making one clears the mark on
 * any other first, in that one's history too. Runs under the municipality's contact lock.
 */
export async function clearOtherContactPoints(
  em: EntityManager,
  ctx: AppContext,
  contactId: string | null,
  kommunenummer: string,
) {
  const [moved]: [{ id: string }[], number] = await em.query(
    `UPDATE contact_person SET is_contact_point = false, updated_at = now(), version = version + 1
     WHERE id IS DISTINCT FROM $1 AND is_contact_point AND kommunenummer = $2
     RETURNING id`,
    [contactId, kommunenummer],
  );
  for (const { id } of moved)
    await audit(em, ctx, 'UPDATE', 'ContactPerson', id, { isContactPoint: true }, { isContactPoint: false });
}

/** The municipality of an agency (for the contact lock before anything is locked), null when it is gone. */
async function municipalityOfAgency(em: EntityManager, agencyId: string): Promise<string | null> {
  const [row] = await em.query(`SELECT kommunenummer FROM agency WHERE id = $1`, [agencyId]);
  return row?.kommunenummer ?? null;
}

/** Saves a new contact at an agency already in scope, under the municipality's contact lock. */
async function insertContact(
  em: EntityManager,
  ctx: AppContext,
  agency: Agency,
  data: Omit<z.infer<typeof createContactSchema>, 'agencyId'>,
): Promise<ContactPerson> {
  if (data.isContactPoint) await clearOtherContactPoints(em, ctx, null, agency.kommunenummer);
  // The creator vouches for what they just typed: a new contact starts verified by them, not stale.
  const verified = { verifiedAt: new Date(), verifiedBy: requireUser(ctx).name };
  const contact = await em
    .getRepository(ContactPerson)
    .save(em.getRepository(ContactPerson).create({ ...data, agencyId: agency.id, ...verified }));
  await audit(em, ctx, 'CREATE', 'ContactPerson', contact.id, null, contact);
  return contact;
}

export async function createContact(ctx: AppContext, input: ContactInput): Promise<ContactPerson> {
  const data = parseInput(createContactSchema, input, 'input');
  return transaction(ctx, async (em) => {
    const k = await municipalityOfAgency(em, data.agencyId);
    if (k) await lockMunicipalityContacts(em, [k]);
    const agency = await findAgency(em, ctx, data.agencyId, 'input.agencyId');
    return insertContact(em, ctx, agency, data);
  });
}

/**
 * «Ny etat»: an agency the municipality has no entry for yet, with its first contact person, in one
 * transaction (a refused contact leaves no empty agency behind). Same rights as contacts.
 */
export async function createAgencyWithContact(ctx: AppContext, input: NewAgencyInput): Promise<ContactPerson> {
  requireUser(ctx);
  const { contact, ...fields } = parseInput(newAgencySchema, input, 'input');
  if (!(await ctx.dataSource.getRepository(Municipality).existsBy({ kommunenummer: fields.kommunenummer }))) {
    throw badInput('input.kommunenummer', msg('kommunenummer.notFound', { kommunenummer: fields.kommunenummer }));
  }
  return transaction(ctx, async (em) => {
    await lockMunicipalityContacts(em, [fields.kommunenummer]);
    await assertMunicipality(em, ctx, fields.kommunenummer);
    const repo = em.getRepository(Agency);
    const agency = await repo.save(repo.create(fields));
    await audit(em, ctx, 'CREATE', 'Agency', agency.id, null, agency);
    ctx.loaders.agencyById.prime(agency.id, agency);
    return insertContact(em, ctx, agency, contact);
  });
}

export async function updateContact(
  ctx: AppContext,
  id: string,
  input: ContactInput,
  expectedVersion?: number | null,
): Promise<ContactPerson> {
  const contactId = parseInput(rules.uuid('kontaktperson'), id, 'id');
  const data = parseInput(contactFieldsSchema, input, 'input');
  requireUser(ctx);
  return transaction(ctx, async (em) => {
    // Lock order (transaction.ts): the municipalities' contacts (now and after a move), then the contact.
    const [row] = await em.query(`SELECT kommunenummer FROM contact_person WHERE id = $1`, [contactId]);
    const target = data.agencyId ? await municipalityOfAgency(em, data.agencyId) : null;
    await lockMunicipalityContacts(
      em,
      [row?.kommunenummer, target].filter((k): k is string => !!k),
    );
    const { contact, agency: current } = await findContactInScope(em, ctx, contactId, { lock: true });
    checkVersion(contact, expectedVersion, 'kontaktpersonen');
    const agency =
      data.agencyId && data.agencyId !== contact.agencyId
        ? await findAgency(em, ctx, data.agencyId, 'input.agencyId')
        : current;
    const merged = { ...contact, ...definedOnly(data) };
    if (merged.isContactPoint) await clearOtherContactPoints(em, ctx, contact.id, agency.kommunenummer);
    const saved = await em.getRepository(ContactPerson).save(merged);
    await audit(em, ctx, 'UPDATE', 'ContactPerson', saved.id, contact, saved);
    return saved;
  });
}

export async function deleteContact(ctx: AppContext, id: string): Promise<string> {
  const contactId = parseInput(rules.uuid('kontaktperson'), id, 'id');
  requireUser(ctx);
  return transaction(ctx, async (em) => {
    const { contact } = await findContactInScope(em, ctx, contactId, { lock: true });
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
        msg(steps.length === 1 ? 'contact.inRoutinesOne' : 'contact.inRoutines', {
          name: contact.name,
          count: steps.length,
          steps: steps.map((s) => `«${s.title}», ${s.municipality}`).join('; '),
        }),
        steps.map((s) => ({ entity: 'RoutineStep', id: s.id, label: `${s.title} (${s.municipality})` })),
      );
    }
    await em.getRepository(ContactPerson).delete({ id: contactId });
    await audit(em, ctx, 'DELETE', 'ContactPerson', contactId, contact, null);
    return contactId;
  });
}

/** Marks one or many contacts as verified now, by the named person. All or nothing. */
export async function verifyContacts(
  ctx: AppContext,
  ids: string[],
  verifiedBy: string,
  now = new Date(),
): Promise<ContactPerson[]> {
  const list = parseInput(
    z.array(rules.uuid('kontaktperson')).min(1, 'Velg minst én kontaktperson.').max(1000),
    ids,
    'ids',
  );
  const by = parseInput(rules.text('Bekreftet av', 200), verifiedBy, 'verifiedBy');
  const unique = [...new Set(list)];
  requireUser(ctx);
  return transaction(ctx, async (em) => {
    // Lock order (transaction.ts): the municipalities' contacts, then the contacts in id order.
    const municipalities: { kommunenummer: string }[] = await em.query(
      `SELECT DISTINCT kommunenummer FROM contact_person WHERE id = ANY($1::uuid[])`,
      [unique],
    );
    await lockMunicipalityContacts(
      em,
      municipalities.map((m) => m.kommunenummer),
    );
    const found = await em
      .getRepository(ContactPerson)
      .find({ where: unique.map((id) => ({ id })), order: { id: 'ASC' }, lock: { mode: 'pessimistic_write' } });
    if (found.length !== unique.length) {
      const absent = unique.filter((id) => !found.some((c) => c.id === id));
      if (!isAdmin(ctx.auth!.grants)) throw forbidden();
      throw badInput('ids', msg('contact.someMissing', { count: absent.length, ids: absent.join(', ') }));
    }
    // Scope once per municipality, then one UPDATE and one audit INSERT for all of them.
    const agencies = await em.getRepository(Agency).findBy({ id: In([...new Set(found.map((c) => c.agencyId))]) });
    for (const kommunenummer of new Set(agencies.map((a) => a.kommunenummer)))
      await assertMunicipality(em, ctx, kommunenummer);
    await em.query(
      `UPDATE contact_person SET verified_at = $1, verified_by = $2, version = version + 1, updated_at = now() WHERE id = ANY($3::uuid[])`,
      [now, by, unique],
    );
    await auditMany(
      em,
      ctx,
      'VERIFY',
      'ContactPerson',
      found.map((c) => ({ id: c.id, before: c, after: { ...c, verifiedAt: now, verifiedBy: by } })),
    );
    return em.getRepository(ContactPerson).findBy(unique.map((id) => ({ id })));
  });
}

export const switchboardSchema = z
  .object({
    phone: rules.phone(),
    source: rules.optionalText('Kilde', 500).optional(),
  })
  // Erasing the number erases its source: a source sent with no number would be dropped, so it is refused.
  .refine((d) => !(d.phone === null && d.source), {
    path: ['source'],
    message: zmsg('contact.switchboardSourceWithoutPhone'),
  });

/**
 * The municipality's switchboard (sentralbord), set by its own users (its director; administrators).
 * A number carries its source: the one given (a URL), or who registered it and when. null erases it.
 */
export async function setSwitchboard(
  ctx: AppContext,
  kommunenummer: string,
  phone: string | null | undefined,
  source?: string | null,
): Promise<Municipality> {
  const k = parseInput(rules.kommunenummer(), kommunenummer, 'kommunenummer');
  const data = parseInput(switchboardSchema, { phone, source }, 'input');
  const user = requireUser(ctx);
  return transaction(ctx, async (em) => {
    const repo = em.getRepository(Municipality);
    const before = await repo.findOne({ where: { kommunenummer: k }, lock: { mode: 'pessimistic_write' } });
    if (!before) throw missing(ctx, notFound('Municipality', k, msg('kommunenummer.notFound', { kommunenummer: k })));
    assertAllowed(ctx, canActForMunicipality(user.grants, k));
    const switchboardSource = data.phone
      ? (data.source ?? `Registrert av ${user.name}, ${formatDate(todayInNorway())}`)
      : null;
    const saved = await repo.save({ ...before, switchboardPhone: data.phone, switchboardSource });
    await audit(em, ctx, 'UPDATE', 'Municipality', k, before, saved);
    ctx.loaders.municipalityByNumber.clear(k).prime(k, saved);
    return saved;
  });
}

/** Everything held about a contact person, for a GDPR access request. */
export async function exportContactPerson(ctx: AppContext, id: string) {
  const cid = parseInput(rules.uuid('kontaktperson'), id, 'id');
  const { contact, agency } = await findContactInScope(ctx.dataSource.manager, ctx, cid);
  const steps = await ctx.dataSource.query(
    `SELECT s.title, r.kommunenummer, c.name AS centre FROM routine_step s JOIN handover_routine r ON r.id = s.routine_id JOIN crisis_centre c ON c.id = r.centre_id WHERE s.contact_id = $1`,
    [cid],
  );
  const history = await ctx.dataSource.query(
    `SELECT at, operation, user_label AS by, changes FROM audit_log WHERE entity = 'ContactPerson' AND entity_id = $1 ORDER BY id`,
    [cid],
  );
  return {
    exportedAt: new Date().toISOString(),
    contactPerson: {
      id: contact.id,
      name: contact.name,
      title: contact.title,
      phone: contact.phone,
      email: contact.email,
      isContactPoint: contact.isContactPoint,
      active: contact.active,
      verifiedAt: contact.verifiedAt,
      verifiedBy: contact.verifiedBy,
      agency: { name: agency.name, kind: agency.kind, kommunenummer: agency.kommunenummer },
    },
    linkedRoutineSteps: steps,
    history,
  };
}

/** Erases a contact person (GDPR): unlinks routine steps; the audit trail keeps that an erasure happened, not the values. */
export async function eraseContactPerson(ctx: AppContext, id: string): Promise<string> {
  const cid = parseInput(rules.uuid('kontaktperson'), id, 'id');
  return transaction(ctx, async (em) => {
    // Lock order (transaction.ts): the municipality's contacts, the routines that link the person, then the person.
    await lockMunicipalityContacts(
      em,
      (await em.query(`SELECT kommunenummer FROM contact_person WHERE id = $1`, [cid])).map(
        (r: { kommunenummer: string }) => r.kommunenummer,
      ),
    );
    await em.query(
      `SELECT id FROM handover_routine WHERE id IN (SELECT routine_id FROM routine_step WHERE contact_id = $1) ORDER BY id FOR UPDATE`,
      [cid],
    );
    await findContactInScope(em, ctx, cid, { lock: true });
    // Steps linked to the person lose the link: in their routine's history, and the routine moves on a version.
    const [unlinked]: [{ id: string; routine_id: string; title: string }[], number] = await em.query(
      `UPDATE routine_step SET contact_id = NULL, updated_at = now() WHERE contact_id = $1 RETURNING id, routine_id, title`,
      [cid],
    );
    await em.query(`UPDATE handover_routine SET version = version + 1, updated_at = now() WHERE id = ANY($1::uuid[])`, [
      [...new Set(unlinked.map((s) => s.routine_id))],
    ]);
    await auditMany(
      em,
      ctx,
      'UPDATE',
      'RoutineStep',
      unlinked.map((s) => ({
        id: s.id,
        before: { contactId: cid },
        after: { contactId: null },
        parent: { entity: 'HandoverRoutine', id: s.routine_id, label: s.title },
      })),
    );
    await em.query(`DELETE FROM contact_person WHERE id = $1`, [cid]);
    await em.query(`UPDATE audit_log SET changes = '{}'::jsonb WHERE entity = 'ContactPerson' AND entity_id = $1`, [
      cid,
    ]);
    await audit(em, ctx, 'ERASE', 'ContactPerson', cid, null, null);
    return cid;
  });
}
