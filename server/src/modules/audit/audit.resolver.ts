import { Arg, Authorized, Ctx, Field, ID, InputType, Int, Mutation, Query, Resolver } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { audit, auditMany } from '../../app/audit';
import { findContactInScope } from '../contact/contact.service';
import type { AppContext } from '../../app/context';
import { Paginated } from '../../app/pagination';
import { parseInput, v } from '../../app/validation';
import { AuditEntry } from './audit.entity';
import { listAuditLog } from './audit.service';
import { lockMunicipalityContacts, transaction } from '../../app/transaction';

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

@Resolver()
export class AuditResolver {
  @Authorized()
  @Query(() => AuditPage, {
    description:
      'The audit trail: administrators see all; others the history of one record (entity + entityId, with its parts) whose protected fields they may read.',
  })
  auditLog(
    @Ctx() ctx: AppContext,
    @Arg('filter', () => AuditFilter, { nullable: true }) filterInput?: AuditFilter,
    @Arg('limit', () => Int, { nullable: true }) limit?: number,
    @Arg('offset', () => Int, { nullable: true }) offset?: number,
  ) {
    return listAuditLog(ctx, filterInput, { limit, offset });
  }

  @Authorized()
  @Query(() => GraphQLJSONObject, { description: 'Everything held about a contact person (GDPR access request).' })
  async exportContactPerson(@Ctx() ctx: AppContext, @Arg('id', () => ID) id: string) {
    const cid = parseInput(v.uuid('kontaktperson'), id, 'id');
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

  @Authorized()
  @Mutation(() => ID, {
    description:
      'Erases a contact person (GDPR): unlinks routine steps; the audit trail keeps that an erasure happened, not the values.',
  })
  async eraseContactPerson(@Ctx() ctx: AppContext, @Arg('id', () => ID) id: string) {
    const cid = parseInput(v.uuid('kontaktperson'), id, 'id');
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
      await em.query(
        `UPDATE handover_routine SET version = version + 1, updated_at = now() WHERE id = ANY($1::uuid[])`,
        [[...new Set(unlinked.map((s) => s.routine_id))]],
      );
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
}
