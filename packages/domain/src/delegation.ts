import { isAdmin, type Grant, type Role } from './permissions';
import { formatServerMessage, msg, type ServerMessageKey, type ServerMessage } from './server-messages';

const problemOf = (key: ServerMessageKey) => {
  const problem = msg(key);
  return { message: formatServerMessage(problem), problem };
};

/**
 * Who may give whom access (user administration). Pure; the server checks it in every
 * user-administration mutation and the dashboard uses it to offer only what may be granted.
 *
 * - A national administrator grants anything.
 * - A municipality's director grants READ_ONLY and FINANCE for their own municipality, and
 *   CENTRE_LEADER for a centre their municipality hosts.
 * - Nobody else grants anything, and nobody grants a role wider than their own: a director never
 *   grants DIRECTOR, ADMIN, another municipality, or read access to all municipalities.
 */

/** Which scope a role takes. */
export function scopeOf(role: Role): 'none' | 'municipality' | 'optionalMunicipality' | 'centre' {
  switch (role) {
    case 'ADMIN':
      return 'none';
    case 'DIRECTOR':
    case 'FINANCE':
      return 'municipality';
    case 'READ_ONLY':
      return 'optionalMunicipality';
    case 'CENTRE_LEADER':
      return 'centre';
  }
}

/** The grant is well formed: the scope its role takes, and no other. Returns the problem, or null. */
export function grantShapeProblem(
  g: Grant,
): { field: 'kommunenummer' | 'centreId'; message: string; problem: ServerMessage } | null {
  const scope = scopeOf(g.role);
  const knr = g.kommunenummer ?? null;
  const centre = g.centreId ?? null;
  if (scope === 'none' && (knr || centre))
    return {
      field: knr ? 'kommunenummer' : 'centreId',
      ...problemOf('grant.adminUnscoped'),
    };
  if (scope === 'municipality' && !knr) return { field: 'kommunenummer', ...problemOf('grant.chooseMunicipality') };
  if (scope === 'centre' && !centre) return { field: 'centreId', ...problemOf('grant.chooseCentre') };
  if (scope !== 'centre' && centre) return { field: 'centreId', ...problemOf('grant.municipalityRole') };
  if (scope === 'centre' && knr) return { field: 'kommunenummer', ...problemOf('grant.centreRole') };
  return null;
}

/** `hostOf(centreId)`: the kommunenummer of the centre's host municipality, or null when unknown. */
export type HostOf = (centreId: string) => string | null | undefined;

/** May `actor` give `grant` to someone? */
export function canGrant(actor: readonly Grant[], grant: Grant, hostOf: HostOf): boolean {
  if (isAdmin(actor)) return true;
  return actor.some((a) => {
    if (a.role !== 'DIRECTOR' || !a.kommunenummer) return false;
    if (grant.role === 'READ_ONLY' || grant.role === 'FINANCE') return grant.kommunenummer === a.kommunenummer;
    if (grant.role === 'CENTRE_LEADER') return !!grant.centreId && hostOf(grant.centreId) === a.kommunenummer;
    return false;
  });
}

/**
 * May `actor` manage an existing user (change access, deactivate, reactivate, issue a reset link)?
 * Only when every grant the user holds is one the actor could give; a user without grants is the
 * administrators'. Nobody manages themselves here (their own page is for that).
 */
export function canManageUser(
  actor: readonly Grant[],
  actorId: string,
  target: { id: string; grants: readonly Grant[] },
  hostOf: HostOf,
): boolean {
  if (target.id === actorId) return false;
  if (isAdmin(actor)) return true;
  return target.grants.length > 0 && target.grants.every((g) => canGrant(actor, g, hostOf));
}

/** Anyone who may invite at all (to show the «Brukere» page). */
export function mayAdministerUsers(actor: readonly Grant[]): boolean {
  return isAdmin(actor) || actor.some((a) => a.role === 'DIRECTOR' && !!a.kommunenummer);
}

/** Roles the actor may offer in the invitation form. */
export function grantableRoles(actor: readonly Grant[]): Role[] {
  if (isAdmin(actor)) return ['ADMIN', 'DIRECTOR', 'FINANCE', 'CENTRE_LEADER', 'READ_ONLY'];
  return mayAdministerUsers(actor) ? ['READ_ONLY', 'FINANCE', 'CENTRE_LEADER'] : [];
}

/** National administrators must sign in with a code from an authenticator app (TOTP); others may choose to. */
export function requiresTotp(grants: readonly Grant[]): boolean {
  return isAdmin(grants);
}
