import { ID } from 'type-graphql';
import { z } from 'zod';
import { rules } from '../../app/validation';
import { inputType } from '../../app/zod-input';

export const auditFilterSchema = z.object({
  entity: z.string().max(50).nullish().describe('Agreement, ContactPerson, HandoverRoutine …'),
  entityId: z.string().max(100).nullish(),
  userId: rules.uuid('bruker').nullish(),
});
export const AuditFilter = inputType('AuditFilter', auditFilterSchema, {
  // A record's id: ID in GraphQL, a bounded string to zod.
  fields: { entityId: { type: () => ID } },
});
export type AuditFilter = z.input<typeof auditFilterSchema>;
