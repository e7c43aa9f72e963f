import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { eraseContactPerson, exportContactPerson } from '../contact/contact.service';
import type { AppContext } from '../../app/context';
import { Paginated } from '../../app/pagination';
import { AuditEntry } from './audit.entity';
import { listAuditLog } from './audit.service';
import { AuditFilter } from './audit.inputs';

const AuditPage = Paginated(AuditEntry, 'Audit');

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
  exportContactPerson(@Ctx() ctx: AppContext, @Arg('id', () => ID) id: string) {
    return exportContactPerson(ctx, id);
  }

  @Authorized()
  @Mutation(() => ID, {
    description:
      'Erases a contact person (GDPR): unlinks routine steps; the audit trail keeps that an erasure happened, not the values.',
  })
  eraseContactPerson(@Ctx() ctx: AppContext, @Arg('id', () => ID) id: string) {
    return eraseContactPerson(ctx, id);
  }
}
