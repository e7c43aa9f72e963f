import { GraphQLError } from 'graphql';
import type { AuthChecker } from 'type-graphql';
import type { EntityManager } from 'typeorm';
import { isAdmin, type Grant } from '@samordna/domain';
import type { AppContext } from './context';
import { conflict, ErrorCode } from './errors';

export interface AuthUser {
  id: string;
  email: string;
  name: string;
  grants: Grant[];
  /** The session this request came with (absent in tests that put a user in the context directly). */
  sessionId?: string;
}

export function unauthenticated(): GraphQLError {
  return new GraphQLError('Du må logge inn for å gjøre dette.', { extensions: { code: ErrorCode.UNAUTHENTICATED } });
}

/** Out of scope – and, for a scoped user, also «does not exist»: the two must look the same. */
export function forbidden(): GraphQLError {
  return new GraphQLError('Du har ikke tilgang til å gjøre dette.', { extensions: { code: ErrorCode.FORBIDDEN } });
}

export function requireUser(ctx: AppContext): AuthUser {
  if (!ctx.auth) throw unauthenticated();
  return ctx.auth;
}

/** Throws FORBIDDEN unless `allowed`. */
export function assertAllowed(ctx: AppContext, allowed: boolean): AuthUser {
  const user = requireUser(ctx);
  if (!allowed) throw forbidden();
  return user;
}

/** A missing record: NOT_FOUND for an administrator, FORBIDDEN for anyone else (no existence leak). */
export function missing(ctx: AppContext, notFoundError: GraphQLError): GraphQLError {
  return ctx.auth && isAdmin(ctx.auth.grants) ? notFoundError : forbidden();
}

/** type-graphql's @Authorized(): signed in, and holding one of the roles when roles are named. */
export const authChecker: AuthChecker<AppContext> = ({ context }, roles) => {
  if (!context.auth) throw unauthenticated();
  if (roles.length === 0 || context.auth.grants.some((g) => roles.includes(g.role))) return true;
  throw forbidden();
};

/**
 * Optimistic concurrency: the version the user saw must still be the current one. The CONFLICT carries
 * the record as it is now; `shown` replaces it where the edited part is not the versioned record itself
 * (a routine step, versioned by its routine).
 */
export function checkVersion<T extends { version: number }>(current: T, expected: number | null | undefined, entity: string, shown: object = current): void {
  if (expected === null || expected === undefined || expected === current.version) return;
  throw conflict(`Noen andre har endret ${entity} etter at du åpnet den (versjon ${expected}, nå ${current.version}). Se endringene og prøv igjen.`, {
    expectedVersion: expected,
    currentVersion: current.version,
    current: JSON.parse(JSON.stringify({ ...shown, version: current.version })),
  });
}

/**
 * Ids of the centres a municipality hosts or is a party of (any agreement not ended, whether or not the
 * party has left), for centre leaders' scope. This is broader than «members today» (the contact list's
 * rule); whether a leader should keep rights after a municipality leaves is open (see the issue notes).
 */
export async function centresOfMunicipality(em: EntityManager, kommunenummer: string): Promise<string[]> {
  const rows: { id: string }[] = await em.query(
    `SELECT c.id FROM crisis_centre c WHERE c.host_kommunenummer = $1
     UNION SELECT a.centre_id FROM agreement a JOIN agreement_party p ON p.agreement_id = a.id
     WHERE p.kommunenummer = $1 AND a.status <> 'ENDED'`,
    [kommunenummer],
  );
  return rows.map((r) => r.id);
}

export async function agreementScope(em: EntityManager, agreementId: string): Promise<{ hostKommunenummer: string; partyKommunenummer: string[] } | null> {
  const [row] = await em.query(
    `SELECT c.host_kommunenummer AS host, coalesce(array_agg(p.kommunenummer) FILTER (WHERE p.kommunenummer IS NOT NULL), '{}') AS parties
     FROM agreement a JOIN crisis_centre c ON c.id = a.centre_id LEFT JOIN agreement_party p ON p.agreement_id = a.id
     WHERE a.id = $1 GROUP BY c.host_kommunenummer`,
    [agreementId],
  );
  return row ? { hostKommunenummer: row.host, partyKommunenummer: row.parties } : null;
}
