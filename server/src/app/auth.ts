import { GraphQLError } from 'graphql';
import type { AuthChecker } from 'type-graphql';
import { isAdmin, type Grant, msg, labelKeyOf, type ServerLabelText } from '@samordna/domain';
import type { AppContext } from './context';
import { badInput, conflict, ErrorCode, type MessageLike } from './errors';

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
 * Optimistic concurrency: the version the user saw must be sent (BAD_USER_INPUT at `expectedVersion`
 * when it is missing) and must still be the current one. The CONFLICT carries
 * the record as it is now; `shown` replaces it where the edited part is not the versioned record itself
 * (a routine step, versioned by its routine).
 */
export function checkVersion<T extends { version: number }>(
  current: T,
  expected: number | null | undefined,
  entity: ServerLabelText,
  shown: object = current,
): void {
  const label = labelKeyOf(entity);
  if (expected === null || expected === undefined) {
    throw badInput('expectedVersion', msg('version.missing', { entity: label }));
  }
  if (expected === current.version) return;
  throw conflict(msg('version.stale', { entity: label, expected, current: current.version }), {
    expectedVersion: expected,
    currentVersion: current.version,
    current: JSON.parse(JSON.stringify({ ...shown, version: current.version })),
  });
}

/**
 * A record attached to a municipality that is not a member of the centre: the user has no link to it.
 * FORBIDDEN for scoped users (who are out of their scope), BAD_USER_INPUT at the field for
 * administrators (it breaks the rule that such records belong to members).
 */
export function notMember(ctx: AppContext, field: string, message: MessageLike): GraphQLError {
  return ctx.auth && isAdmin(ctx.auth.grants) ? badInput(field, message) : forbidden();
}
