/**
 * Who may change what. Pure: the server checks these in its services, the dashboard uses them
 * to hide or disable controls (with a reason). Scopes: a municipality, a host municipality or a
 * centre; a user may hold several grants.
 */
export const ROLES = ['ADMIN', 'DIRECTOR', 'FINANCE', 'CENTRE_LEADER', 'READ_ONLY'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { nb: string; en: string }> = {
  ADMIN: { nb: 'Nasjonal administrator', en: 'National administrator' },
  DIRECTOR: { nb: 'Kommunedirektør', en: 'Municipal director' },
  FINANCE: { nb: 'Økonomi (vertskommune)', en: 'Finance (host municipality)' },
  CENTRE_LEADER: { nb: 'Krisesenterleder', en: 'Crisis-centre leader' },
  READ_ONLY: { nb: 'Lesetilgang', en: 'Read-only' },
};

export interface Grant {
  role: Role;
  /** DIRECTOR: own municipality; FINANCE: the host municipality; READ_ONLY: a municipality or null (all). */
  kommunenummer?: string | null;
  /** CENTRE_LEADER: the centre. */
  centreId?: string | null;
}

const has = (grants: readonly Grant[], pred: (g: Grant) => boolean) => grants.some(pred);
export const isAdmin = (grants: readonly Grant[]) => has(grants, (g) => g.role === 'ADMIN');

/**
 * An agreement is a contract administered by the host municipality: its director (and national
 * administrators) create agreements for the centres it hosts, edit their terms while they are
 * drafts or under negotiation, add and remove parties, change the status and propose amendments.
 */
export function canAdministerAgreement(grants: readonly Grant[], a: { hostKommunenummer: string | null }): boolean {
  return (
    isAdmin(grants) ||
    has(grants, (g) => a.hostKommunenummer !== null && g.role === 'DIRECTOR' && g.kommunenummer === a.hostKommunenummer)
  );
}

/**
 * Amendments to a binding agreement: the host's director proposes any change; the host's finance
 * staff may propose changes to the cost terms only.
 */
export function canProposeAmendment(
  grants: readonly Grant[],
  a: { hostKommunenummer: string | null },
  costTermsOnly: boolean,
): boolean {
  return (
    canAdministerAgreement(grants, a) ||
    (costTermsOnly &&
      a.hostKommunenummer !== null &&
      has(grants, (g) => g.role === 'FINANCE' && g.kommunenummer === a.hostKommunenummer))
  );
}

/**
 * A party acts on its own membership only: its director gives notice for the municipality,
 * records its council decision, and approves or rejects amendments that affect it.
 */
export function canActForMunicipality(grants: readonly Grant[], kommunenummer: string): boolean {
  return isAdmin(grants) || has(grants, (g) => g.role === 'DIRECTOR' && g.kommunenummer === kommunenummer);
}

/** The cost terms of a draft agreement (binding ones change by amendment): host director or finance. */
export function canSetCostTerms(grants: readonly Grant[], hostKommunenummer: string | null): boolean {
  return canAdministerAgreement(grants, { hostKommunenummer }) || canManageFinance(grants, hostKommunenummer);
}

/**
 * Reads an agreement's history (with its parties and amendments): administrators, the host's
 * director and finance staff, and the directors of every municipality that is or was a party.
 */
export function canReadAgreementHistory(
  grants: readonly Grant[],
  a: { hostKommunenummer: string | null; partyKommunenummer: readonly string[] },
): boolean {
  return (
    canSetCostTerms(grants, a.hostKommunenummer) ||
    has(grants, (g) => g.role === 'DIRECTOR' && !!g.kommunenummer && a.partyKommunenummer.includes(g.kommunenummer))
  );
}

/** A centre's own details: its leader, or a director of the host municipality. */
export function canManageCentre(
  grants: readonly Grant[],
  c: { id: string; hostKommunenummer: string | null },
): boolean {
  return (
    isAdmin(grants) ||
    has(
      grants,
      (g) =>
        (g.role === 'CENTRE_LEADER' && g.centreId === c.id) ||
        (c.hostKommunenummer !== null && g.role === 'DIRECTOR' && g.kommunenummer === c.hostKommunenummer),
    )
  );
}

/** A municipality's agencies and contacts: its director, or the leader of a centre it is a member of. */
export function canManageMunicipalityContacts(
  grants: readonly Grant[],
  kommunenummer: string,
  memberOfCentres: readonly string[],
): boolean {
  return (
    isAdmin(grants) ||
    has(
      grants,
      (g) =>
        (g.role === 'DIRECTOR' && g.kommunenummer === kommunenummer) ||
        (g.role === 'CENTRE_LEADER' && !!g.centreId && memberOfCentres.includes(g.centreId)),
    )
  );
}

/** Importing contacts from a spreadsheet: administrators, and directors and centre leaders (each row then in their scope, above). */
export function canImportContacts(grants: readonly Grant[]): boolean {
  return isAdmin(grants) || has(grants, (g) => g.role === 'DIRECTOR' || g.role === 'CENTRE_LEADER');
}

/** A handover routine: the centre's leader, or the municipality's director. */
export function canManageRoutine(grants: readonly Grant[], r: { centreId: string; kommunenummer: string }): boolean {
  return (
    isAdmin(grants) ||
    has(
      grants,
      (g) =>
        (g.role === 'CENTRE_LEADER' && g.centreId === r.centreId) ||
        (g.role === 'DIRECTOR' && g.kommunenummer === r.kommunenummer),
    )
  );
}

/** Budgets, charges, investments and cost terms of the centres a municipality hosts: its finance staff. */
export function canManageFinance(grants: readonly Grant[], hostKommunenummer: string | null): boolean {
  return (
    isAdmin(grants) ||
    (hostKommunenummer !== null && has(grants, (g) => g.role === 'FINANCE' && g.kommunenummer === hostKommunenummer))
  );
}

/** Creating and deleting centres, and reading the whole audit trail. */
export function canAdminister(grants: readonly Grant[]): boolean {
  return isAdmin(grants);
}
