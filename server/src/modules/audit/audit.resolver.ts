import { Arg, Authorized, Ctx, Field, ID, InputType, Int, Mutation, Query, Resolver } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { z } from 'zod';
import { canManageMunicipalityContacts, isAdmin } from '@samordna/domain';
import { assertAllowed, centresOfMunicipality, missing, requireUser } from '../../app/auth';
import { audit } from '../../app/audit';
import type { AppContext } from '../../app/context';
import { badInput, notFound } from '../../app/errors';
import { Paginated } from '../../app/pagination';
import { paging, parseInput, v } from '../../app/validation';
import { AuditEntry } from './audit.entity';

const AuditPage = Paginated(AuditEntry, 'Audit');

@InputType()
export class AuditFilter {
  @Field(() => String, { nullable: true, description: 'Agreement, ContactPerson, HandoverRoutine …' })
  entity?: string | null;

  @Field(() => ID, { nullable: true })
  entityId?: string | null;

  @Field(() => ID, { nullable: true })
  userId?: string | null;
}

const filterSchema = z.object({
  entity: z.string().max(50).nullish(),
  entityId: z.string().max(100).nullish(),
  userId: v.uuid('bruker').nullish(),
});

/** Loads a contact with its municipality and checks that the user may manage it. */
async function contactInScope(ctx: AppContext, id: string) {
  requireUser(ctx);
  const [row] = await ctx.dataSource.query(
    `SELECT c.*, a.kommunenummer, a.name AS agency_name, a.kind AS agency_kind FROM contact_person c JOIN agency a ON a.id = c.agency_id WHERE c.id = $1`,
    [id],
  );
  if (!row) throw missing(ctx, notFound('ContactPerson', id, 'Fant ikke kontaktpersonen.'));
  const grants = ctx.auth!.grants;
  if (!isAdmin(grants)) assertAllowed(ctx, canManageMunicipalityContacts(grants, row.kommunenummer, await centresOfMunicipality(ctx.dataSource.manager, row.kommunenummer)));
  return row;
}

@Resolver()
export class AuditResolver {
  @Authorized()
  @Query(() => AuditPage, { description: 'The audit trail: administrators see all; others the history of one record (entity + entityId), which includes its parts (steps, parties).' })
  async auditLog(
    @Ctx() ctx: AppContext,
    @Arg('filter', () => AuditFilter, { nullable: true }) filterInput?: AuditFilter,
    @Arg('limit', () => Int, { nullable: true }) limit?: number,
    @Arg('offset', () => Int, { nullable: true }) offset?: number,
  ) {
    const user = requireUser(ctx);
    const filter = parseInput(filterSchema, filterInput ?? {}, 'filter');
    const page = parseInput(paging, { limit: limit ?? undefined, offset: offset ?? undefined }, 'paging');
    if (!isAdmin(user.grants) && !(filter.entity && filter.entityId)) {
      throw badInput('filter.entityId', 'Velg en post (entity og entityId) for å se historikken; hele loggen er for administratorer.');
    }
    const qb = ctx.dataSource.getRepository(AuditEntry).createQueryBuilder('l');
    if (filter.entity && filter.entityId) {
      // A record's history includes its parts (a routine's steps, an agreement's parties).
      qb.andWhere('((l.entity = :e AND l.entity_id = :i) OR (l.parent_entity = :e AND l.parent_id = :i))', { e: filter.entity, i: filter.entityId });
    } else {
      if (filter.entity) qb.andWhere('l.entity = :e', { e: filter.entity });
      if (filter.entityId) qb.andWhere('l.entity_id = :i', { i: filter.entityId });
    }
    if (filter.userId) qb.andWhere('l.user_id = :u', { u: filter.userId });
    const [items, totalCount] = await qb.orderBy('l.id', 'DESC').offset(page.offset).limit(page.limit).getManyAndCount();
    return { items, totalCount };
  }

  @Authorized()
  @Query(() => GraphQLJSONObject, { description: 'Everything held about a contact person (GDPR access request).' })
  async exportContactPerson(@Ctx() ctx: AppContext, @Arg('id', () => ID) id: string) {
    const cid = parseInput(v.uuid('kontaktperson'), id, 'id');
    const row = await contactInScope(ctx, cid);
    const steps = await ctx.dataSource.query(
      `SELECT s.title, r.kommunenummer, c.name AS centre FROM routine_step s JOIN handover_routine r ON r.id = s.routine_id JOIN crisis_centre c ON c.id = r.centre_id WHERE s.contact_id = $1`,
      [cid],
    );
    const history = await ctx.dataSource.query(`SELECT at, operation, user_label AS by, changes FROM audit_log WHERE entity = 'ContactPerson' AND entity_id = $1 ORDER BY id`, [cid]);
    return {
      exportedAt: new Date().toISOString(),
      contactPerson: {
        id: row.id,
        name: row.name,
        title: row.title,
        phone: row.phone,
        email: row.email,
        isContactPoint: row.is_contact_point,
        active: row.active,
        verifiedAt: row.verified_at,
        verifiedBy: row.verified_by,
        agency: { name: row.agency_name, kind: row.agency_kind, kommunenummer: row.kommunenummer },
      },
      linkedRoutineSteps: steps,
      history,
    };
  }

  @Authorized()
  @Mutation(() => ID, { description: 'Erases a contact person (GDPR): unlinks routine steps; the audit trail keeps that an erasure happened, not the values.' })
  async eraseContactPerson(@Ctx() ctx: AppContext, @Arg('id', () => ID) id: string) {
    const cid = parseInput(v.uuid('kontaktperson'), id, 'id');
    await contactInScope(ctx, cid);
    return ctx.dataSource.transaction(async (em) => {
      await em.query(`UPDATE routine_step SET contact_id = NULL WHERE contact_id = $1`, [cid]);
      await em.query(`DELETE FROM contact_person WHERE id = $1`, [cid]);
      await em.query(`UPDATE audit_log SET changes = '{}'::jsonb WHERE entity = 'ContactPerson' AND entity_id = $1`, [cid]);
      await audit(em, ctx, 'ERASE', 'ContactPerson', cid, null, null);
      return cid;
    });
  }
}
