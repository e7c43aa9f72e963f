import type { EntityManager } from 'typeorm';
import type { AppContext } from '../../app/context';
import { assertAllowed, checkVersion, requireUser } from '../../app/auth';
import { audit } from '../../app/audit';
import { definedOnly, lockOrMissing } from '../../app/persistence';
import {
  canAdminister,
  canManageCentre,
  centresOfMunicipalitySql,
  todayInNorway,
  msg,
  type ServerMessageKey,
} from '@samordna/domain';
import { badInput, escapeLike, inUse, notFound, uniqueConflict } from '../../app/errors';
import { NB_COLLATION } from '../../app/loader-utils';
import { parsePaging, parseInput, rules } from '../../app/validation';
import { Agreement } from '../agreement/agreement.entity';
import { HandoverRoutine } from '../handover/handover-routine.entity';
import { Municipality } from '../municipality/municipality.entity';
import { CrisisCentre } from './crisis-centre.entity';
import {
  centreFieldsSchema,
  createCentreSchema,
  centreFilterSchema,
  type CrisisCentreFilter,
  type CrisisCentreInput,
} from './crisis-centre.inputs';
import { transaction } from '../../app/transaction';

const ID = rules.uuid('krisesenter');

export async function listCrisisCentres(
  ctx: AppContext,
  filterInput: CrisisCentreFilter | null | undefined,
  pageInput: { limit?: number | null; offset?: number | null },
): Promise<{ items: CrisisCentre[]; totalCount: number }> {
  const filter = parseInput(centreFilterSchema, filterInput ?? {}, 'filter');
  const page = parsePaging(pageInput);
  const qb = ctx.dataSource.getRepository(CrisisCentre).createQueryBuilder('c');
  if (filter.search) qb.andWhere('c.name ILIKE :p', { p: `%${escapeLike(filter.search)}%` });
  if (filter.kommunenummer) {
    // Centres the municipality belongs to today (the one membership rule).
    qb.andWhere(`c.id IN ${centresOfMunicipalitySql(':k', ':today')}`, {
      k: filter.kommunenummer,
      today: todayInNorway(),
    });
  }
  const [items, totalCount] = await qb
    .orderBy(`c.name COLLATE ${NB_COLLATION}`)
    .addOrderBy('c.id') // unique last: ties never repeat or skip across pages
    .offset(page.offset)
    .limit(page.limit)
    .getManyAndCount();
  for (const c of items) ctx.loaders.centreById.prime(c.id, c);
  return { items, totalCount };
}

export async function getCrisisCentre(ctx: AppContext, id: string): Promise<CrisisCentre> {
  const parsed = parseInput(ID, id, 'id');
  const centre = await ctx.loaders.centreById.load(parsed);
  if (!centre) throw notFound('CrisisCentre', parsed, 'notFound.centre');
  return centre;
}

const CENTRE = ['CrisisCentre', 'notFound.centre'] as const;

async function checkNameFree(em: EntityManager, name: string, exceptId: string | null) {
  const same = await em
    .getRepository(CrisisCentre)
    .createQueryBuilder('c')
    .where('lower(c.name) = lower(:name)', { name })
    .getOne();
  if (same && same.id !== exceptId)
    throw uniqueConflict('UQ_crisis_centre_name_ci', msg('unique.centreNameExisting', { name: same.name }), {
      existingId: same.id,
    });
}

async function checkHost(em: EntityManager, kommunenummer: string) {
  if (!(await em.getRepository(Municipality).existsBy({ kommunenummer }))) {
    throw badInput('input.hostKommunenummer', msg('kommunenummer.notFound', { kommunenummer: kommunenummer }));
  }
}

export async function createCrisisCentre(ctx: AppContext, input: CrisisCentreInput): Promise<CrisisCentre> {
  assertAllowed(ctx, canAdminister(requireUser(ctx).grants));
  const data = parseInput(createCentreSchema, input, 'input');
  return transaction(ctx, async (em) => {
    await checkNameFree(em, data.name, null);
    await checkHost(em, data.hostKommunenummer);
    const repo = em.getRepository(CrisisCentre);
    const centre = await repo.save(repo.create(data as Partial<CrisisCentre>));
    await audit(em, ctx, 'CREATE', 'CrisisCentre', centre.id, null, centre);
    return centre;
  });
}

export async function updateCrisisCentre(
  ctx: AppContext,
  id: string,
  input: CrisisCentreInput,
  expectedVersion?: number | null,
): Promise<CrisisCentre> {
  const centreId = parseInput(ID, id, 'id');
  const data = parseInput(centreFieldsSchema, input, 'input');
  requireUser(ctx);
  return transaction(ctx, async (em) => {
    const centre = await lockOrMissing(em, ctx, CrisisCentre, centreId, CENTRE);
    assertAllowed(ctx, canManageCentre(ctx.auth!.grants, centre));
    checkVersion(centre, expectedVersion, 'krisesenteret');
    if (data.hostKommunenummer !== undefined && data.hostKommunenummer !== centre.hostKommunenummer) {
      assertAllowed(ctx, canAdminister(ctx.auth!.grants));
    }
    if (data.name !== undefined) await checkNameFree(em, data.name, centre.id);
    if (data.hostKommunenummer !== undefined) await checkHost(em, data.hostKommunenummer);
    const changed = definedOnly(data);
    const merged = { ...centre, ...changed, exampleFields: centre.exampleFields.filter((f) => !(f in changed)) };
    const saved = await em.getRepository(CrisisCentre).save(merged);
    await audit(em, ctx, 'UPDATE', 'CrisisCentre', saved.id, centre, saved);
    return saved;
  });
}

export async function deleteCrisisCentre(ctx: AppContext, id: string): Promise<string> {
  const centreId = parseInput(ID, id, 'id');
  assertAllowed(ctx, canAdminister(requireUser(ctx).grants));
  return transaction(ctx, async (em) => {
    const centre = await lockOrMissing(em, ctx, CrisisCentre, centreId, CENTRE); // administrators only: NOT_FOUND
    const agreements = await em
      .getRepository(Agreement)
      .find({ where: { centreId }, select: { id: true, title: true } });
    const routines = await em
      .getRepository(HandoverRoutine)
      .createQueryBuilder('r')
      .innerJoin(Municipality, 'm', 'm.kommunenummer = r.kommunenummer')
      .select(['r.id AS id', 'm.name AS name'])
      .where('r.centre_id = :centreId', { centreId })
      .getRawMany<{ id: string; name: string }>();
    if (agreements.length || routines.length) {
      // One key per singular/plural: «1 avtale», «2 overgangsrutiner».
      const parts = [
        agreements.length ? (agreements.length === 1 ? 'agreement' : 'agreements') : null,
        routines.length ? (routines.length === 1 ? 'routine' : 'routines') : null,
      ].filter(Boolean);
      const key = `centre.inUse.${parts.join('.')}` as ServerMessageKey;
      throw inUse(msg(key, { agreements: agreements.length, routines: routines.length }), [
        ...agreements.map((a) => ({ entity: 'Agreement', id: a.id, label: a.title })),
        ...routines.map((r) => ({ entity: 'HandoverRoutine', id: r.id, label: `Rutine for ${r.name}` })),
      ]);
    }
    await em.getRepository(CrisisCentre).delete({ id: centreId });
    await audit(em, ctx, 'DELETE', 'CrisisCentre', centreId, centre, null);
    return centreId;
  });
}
