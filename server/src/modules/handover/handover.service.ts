import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { ROUTINE_TEMPLATE, compareIso, mayRemoveRoutineStep, todayInNorway, msg } from '@samordna/domain';
import type { AppContext } from '../../app/context';
import { assertAllowed, checkVersion, notMember, requireUser } from '../../app/auth';
import { centresOfMunicipality } from '../agreement/membership';
import { audit } from '../../app/audit';
import { definedOnly, lockOrMissing, lockPart } from '../../app/persistence';
import { canManageRoutine } from '@samordna/domain';
import { badInput, notFound, uniqueConflict } from '../../app/errors';
import { NB_COLLATION } from '../../app/loader-utils';
import { parsePaging, parseInput, rules } from '../../app/validation';
import { Agency } from '../contact/agency.entity';
import { ContactPerson } from '../contact/contact-person.entity';
import { CrisisCentre } from '../crisis-centre/crisis-centre.entity';
import { Municipality } from '../municipality/municipality.entity';
import { HandoverRoutine } from './handover-routine.entity';
import {
  createStepSchema,
  routineFilterSchema,
  routineSchema,
  stepFieldsSchema,
  type RoutineFilter,
  type RoutineInput,
  type RoutineStepInput,
} from './handover.inputs';
import { RoutineStep } from './routine-step.entity';
import { transaction } from '../../app/transaction';

const ROUTINE_ID = rules.uuid('rutine');

export async function listRoutines(
  ctx: AppContext,
  filterInput: RoutineFilter | null | undefined,
  page: { limit?: number | null; offset?: number | null },
) {
  const filter = parseInput(routineFilterSchema, filterInput ?? {}, 'filter');
  const { limit, offset } = parsePaging(page);
  const qb = ctx.dataSource
    .getRepository(HandoverRoutine)
    .createQueryBuilder('r')
    .innerJoin(Municipality, 'm', 'm.kommunenummer = r.kommunenummer');
  if (filter.centreId) qb.andWhere('r.centre_id = :c', { c: filter.centreId });
  if (filter.kommunenummer) qb.andWhere('r.kommunenummer = :k', { k: filter.kommunenummer });
  if (filter.statuses?.length) qb.andWhere('r.status IN (:...s)', { s: filter.statuses });
  const [items, totalCount] = await qb
    .orderBy(`m.name COLLATE ${NB_COLLATION}`)
    .addOrderBy('r.id')
    .offset(offset)
    .limit(limit)
    .getManyAndCount();
  return { items, totalCount };
}

/** Locks a routine the user may change (the centre's leader or the municipality's director). */
const STEP = ['RoutineStep', 'notFound.step'] as const;

async function lockRoutine(em: EntityManager, ctx: AppContext, id: string): Promise<HandoverRoutine> {
  requireUser(ctx);
  const routine = await lockOrMissing(em, ctx, HandoverRoutine, id, ['HandoverRoutine', 'notFound.routine']);
  assertAllowed(ctx, canManageRoutine(ctx.auth!.grants, routine));
  return routine;
}

/**
 * Steps are part of their routine: a step edit takes the routine version the user saw, and moves it on,
 * so an edit made from an older view of the routine is refused instead of overwriting. The conflict
 * carries `current` (the step as it is now when one step is concerned, else the routine) with the
 * routine's version.
 */
async function touchRoutine(
  em: EntityManager,
  routine: HandoverRoutine,
  expectedVersion: number | null | undefined,
  step?: RoutineStep,
) {
  checkVersion(routine, expectedVersion, 'rutinen', step);
  await em
    .getRepository(HandoverRoutine)
    .update({ id: routine.id }, { version: () => 'version + 1', updatedAt: () => 'now()' });
  routine.version += 1;
}

export async function getRoutine(ctx: AppContext, id: string): Promise<HandoverRoutine> {
  const rid = parseInput(ROUTINE_ID, id, 'id');
  const routine = await ctx.dataSource.getRepository(HandoverRoutine).findOneBy({ id: rid });
  if (!routine) throw notFound('HandoverRoutine', rid, 'notFound.routine');
  return routine;
}

/** A new routine (draft) with every step of the Bufdir-based template, which users then edit. */
export async function createRoutineFromTemplate(
  ctx: AppContext,
  centreId: string,
  kommunenummer: string,
): Promise<HandoverRoutine> {
  const cid = parseInput(rules.uuid('krisesenter'), centreId, 'centreId');
  const knr = parseInput(rules.kommunenummer(), kommunenummer, 'kommunenummer');
  assertAllowed(ctx, canManageRoutine(requireUser(ctx).grants, { centreId: cid, kommunenummer: knr }));
  return transaction(ctx, async (em) => {
    if (!(await em.getRepository(CrisisCentre).existsBy({ id: cid }))) throw badInput('centreId', 'notFound.centre');
    if (!(await em.getRepository(Municipality).existsBy({ kommunenummer: knr }))) {
      throw badInput('kommunenummer', msg('kommunenummer.notFound', { kommunenummer: knr }));
    }
    // A routine hands residents over between a centre and one of its member municipalities.
    if (!(await centresOfMunicipality(em, knr)).includes(cid)) {
      throw notMember(ctx, 'kommunenummer', msg('municipality.notMemberOfCentre', { kommunenummer: knr }));
    }
    const existing = await em.getRepository(HandoverRoutine).findOneBy({ centreId: cid, kommunenummer: knr });
    if (existing)
      throw uniqueConflict('UQ_handover_routine_centre_municipality', undefined, { existingId: existing.id });
    const routine = await em
      .getRepository(HandoverRoutine)
      .save(em.getRepository(HandoverRoutine).create({ centreId: cid, kommunenummer: knr, status: 'DRAFT' }));
    await em.getRepository(RoutineStep).insert(
      ROUTINE_TEMPLATE.map((t, position) => ({
        routineId: routine.id,
        position,
        kind: t.kind,
        title: t.title.nb,
        responsibleAgencyKind: t.responsibleAgencyKind,
        timing: t.timing,
      })),
    );
    await audit(em, ctx, 'CREATE', 'HandoverRoutine', routine.id, null, routine);
    return routine;
  });
}

export async function updateRoutine(
  ctx: AppContext,
  id: string,
  input: RoutineInput,
  expectedVersion?: number | null,
): Promise<HandoverRoutine> {
  const rid = parseInput(ROUTINE_ID, id, 'id');
  const data = parseInput(routineSchema, input, 'input');
  return transaction(ctx, async (em) => {
    const routine = await lockRoutine(em, ctx, rid);
    checkVersion(routine, expectedVersion, 'rutinen');
    const changed = definedOnly(data);
    const merged: HandoverRoutine = { ...routine, ...changed };
    if (merged.status === 'ADOPTED' && !merged.adoptedOn) merged.adoptedOn = todayInNorway();
    if (merged.status !== 'ADOPTED' && 'status' in changed) merged.adoptedOn = null;
    if (merged.lastReviewedOn && merged.adoptedOn && compareIso(merged.lastReviewedOn, merged.adoptedOn) < 0) {
      throw badInput('input.lastReviewedOn', 'routine.reviewBeforeAdopted');
    }
    const saved = await em.getRepository(HandoverRoutine).save(merged);
    await audit(em, ctx, 'UPDATE', 'HandoverRoutine', saved.id, routine, saved);
    return saved;
  });
}

export async function deleteRoutine(ctx: AppContext, id: string): Promise<string> {
  const rid = parseInput(ROUTINE_ID, id, 'id');
  return transaction(ctx, async (em) => {
    const routine = await lockRoutine(em, ctx, rid);
    await em.getRepository(HandoverRoutine).delete({ id: rid }); // steps go with it
    await audit(em, ctx, 'DELETE', 'HandoverRoutine', rid, routine, null);
    return rid;
  });
}

/** A linked contact must work in the routine's municipality. */
async function checkContact(
  em: EntityManager,
  routine: HandoverRoutine,
  contactId: string | null | undefined,
  field: string,
) {
  if (!contactId) return;
  const row = await em
    .getRepository(ContactPerson)
    .createQueryBuilder('c')
    .innerJoin(Agency, 'a', 'a.id = c.agency_id')
    .select(['c.id AS id', 'a.kommunenummer AS kommunenummer'])
    .where('c.id = :id', { id: contactId })
    .getRawOne<{ id: string; kommunenummer: string }>();
  if (!row) throw badInput(field, 'notFound.contact');
  if (row.kommunenummer !== routine.kommunenummer) throw badInput(field, 'routine.contactOtherMunicipality');
}

/** Positions 0…n-1 in the given order, in one statement (not one per step). */
async function renumber(em: EntityManager, routineId: string, orderedIds: string[]) {
  await em.query(
    `UPDATE routine_step s SET position = o.ord - 1, updated_at = now()
     FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, ord)
     WHERE s.id = o.id AND s.routine_id = $2`,
    [orderedIds, routineId],
  );
}

export async function addRoutineStep(
  ctx: AppContext,
  routineId: string,
  input: RoutineStepInput,
  expectedVersion?: number | null,
): Promise<RoutineStep> {
  const rid = parseInput(ROUTINE_ID, routineId, 'routineId');
  const data = parseInput(createStepSchema, input, 'input');
  return transaction(ctx, async (em) => {
    const routine = await lockRoutine(em, ctx, rid);
    await touchRoutine(em, routine, expectedVersion);
    await checkContact(em, routine, data.contactId, 'input.contactId');
    const steps = await em.getRepository(RoutineStep).find({ where: { routineId: rid }, order: { position: 'ASC' } });
    const { position, ...fields } = data;
    const at = Math.min(position ?? steps.length, steps.length);
    const step = await em
      .getRepository(RoutineStep)
      .save(em.getRepository(RoutineStep).create({ ...fields, routineId: rid, position: steps.length }));
    const order = steps.map((s) => s.id);
    order.splice(at, 0, step.id);
    await renumber(em, rid, order);
    await audit(
      em,
      ctx,
      'CREATE',
      'RoutineStep',
      step.id,
      null,
      { ...step, position: at },
      { entity: 'HandoverRoutine', id: rid, label: step.title },
    );
    return { ...step, position: at };
  });
}

export async function updateRoutineStep(
  ctx: AppContext,
  id: string,
  input: RoutineStepInput,
  expectedVersion?: number | null,
): Promise<RoutineStep> {
  const sid = parseInput(rules.uuid('steg'), id, 'id');
  const data = parseInput(stepFieldsSchema, input, 'input');
  return transaction(ctx, async (em) => {
    requireUser(ctx);
    const [step, routine] = await lockPart(em, ctx, RoutineStep, sid, STEP, (x) => lockRoutine(em, ctx, x.routineId));
    await touchRoutine(em, routine, expectedVersion, step);
    await checkContact(em, routine, data.contactId, 'input.contactId');
    const { position, ...fields } = data;
    const changed = definedOnly(fields);
    const saved = await em.getRepository(RoutineStep).save({ ...step, ...changed });
    if (position !== undefined && position !== null && position !== step.position) {
      const ids = (
        await em.getRepository(RoutineStep).find({ where: { routineId: step.routineId }, order: { position: 'ASC' } })
      )
        .map((s) => s.id)
        .filter((x) => x !== sid);
      ids.splice(Math.min(position, ids.length), 0, sid);
      await renumber(em, step.routineId, ids);
      saved.position = ids.indexOf(sid);
    }
    await audit(em, ctx, 'UPDATE', 'RoutineStep', sid, step, saved, {
      entity: 'HandoverRoutine',
      id: step.routineId,
      label: saved.title,
    });
    return saved;
  });
}

export async function removeRoutineStep(ctx: AppContext, id: string, expectedVersion?: number | null): Promise<string> {
  const sid = parseInput(rules.uuid('steg'), id, 'id');
  return transaction(ctx, async (em) => {
    requireUser(ctx);
    const [step, routine] = await lockPart(em, ctx, RoutineStep, sid, STEP, (x) => lockRoutine(em, ctx, x.routineId));
    await touchRoutine(em, routine, expectedVersion, step);
    const count = await em.getRepository(RoutineStep).countBy({ routineId: step.routineId });
    if (!mayRemoveRoutineStep(count)) throw badInput('id', msg('routine.lastStep', { title: step.title }));
    await em.getRepository(RoutineStep).delete({ id: sid });
    await audit(em, ctx, 'DELETE', 'RoutineStep', sid, step, null, {
      entity: 'HandoverRoutine',
      id: step.routineId,
      label: step.title,
    });
    const rest = await em
      .getRepository(RoutineStep)
      .find({ where: { routineId: step.routineId }, order: { position: 'ASC' } });
    await renumber(
      em,
      step.routineId,
      rest.map((s) => s.id),
    );
    return sid;
  });
}

/** Puts the steps in the given order; the list must name every step of the routine once. */
export async function reorderRoutineSteps(
  ctx: AppContext,
  routineId: string,
  stepIds: string[],
  expectedVersion?: number | null,
): Promise<HandoverRoutine> {
  const rid = parseInput(ROUTINE_ID, routineId, 'routineId');
  const ids = parseInput(z.array(rules.uuid('steg')), stepIds, 'stepIds');
  return transaction(ctx, async (em) => {
    const routine = await lockRoutine(em, ctx, rid);
    await touchRoutine(em, routine, expectedVersion);
    const current = (
      await em.getRepository(RoutineStep).find({ where: { routineId: rid }, order: { position: 'ASC' } })
    ).map((s) => s.id);
    const same =
      ids.length === current.length && new Set(ids).size === ids.length && ids.every((x) => current.includes(x));
    if (!same) throw badInput('stepIds', msg('routine.order', { count: current.length }));
    await renumber(em, rid, ids);
    await audit(em, ctx, 'REORDER', 'HandoverRoutine', rid, { stepOrder: current }, { stepOrder: ids });
    return routine;
  });
}
