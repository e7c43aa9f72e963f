import { isAdmin, type Grant } from './permissions';
import { SUPPRESSION_THRESHOLD, type Protected } from './usage';

/** Extra charges billed per resident: child transport to school, food, other. */
export const EXTRA_CHARGE_KINDS = ['CHILD_TRANSPORT', 'FOOD', 'OTHER'] as const;
export type ExtraChargeKind = (typeof EXTRA_CHARGE_KINDS)[number];

/** What a centre's investment was for. */
export const INVESTMENT_KINDS = ['SECURITY', 'BUILDING', 'SERVICE_EXPANSION'] as const;
export type InvestmentKind = (typeof INVESTMENT_KINDS)[number];

/**
 * Extra charges are billed per resident (school transport, food), so each one describes a stay: its
 * amount, kind and description are as revealing as a usage count. They are shown in full only to
 * those who bill or pay them: finance staff of the host municipality, the director of the paying
 * municipality, and national administrators.
 */
export function canSeeStayCharges(
  grants: readonly Grant[],
  hostKommunenummer: string | null,
  payingKommunenummer: string,
): boolean {
  return (
    isAdmin(grants) ||
    grants.some(
      (g) =>
        (g.role === 'FINANCE' && hostKommunenummer !== null && g.kommunenummer === hostKommunenummer) ||
        (g.role === 'DIRECTOR' && g.kommunenummer === payingKommunenummer),
    )
  );
}

/**
 * Everyone else sees at most a municipality's yearly total of a centre's extra charges, and only when
 * it cannot reveal a count under the threshold: the stays that municipality had at the centre that year
 * are published and at least the threshold. Unknown usage, suppressed stays or none at all: withheld.
 */
export function chargeTotalIsPublic(stays: Protected | null | undefined, threshold = SUPPRESSION_THRESHOLD): boolean {
  return !!stays && !stays.suppressed && stays.value !== null && stays.value >= threshold;
}
