import { graphql } from '../../gql';

/** A record's history: the audit entries of it and its parts. */
export const AuditLogQuery = graphql(`
  query AuditLog($entity: String!, $entityId: ID!) {
    auditLog(filter: { entity: $entity, entityId: $entityId }, limit: 50) {
      totalCount
      items {
        id
        at
        operation
        entity
        partLabel
        userLabel
        changes
      }
    }
  }
`);
