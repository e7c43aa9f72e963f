import { compareIso, type IsoDate } from './dates';
import type { MembershipParty } from './membership';

/**
 * Amendments: how a binding agreement changes. The host proposes a new version (changed terms,
 * cost model, parties joining or leaving, from an effective date); every affected party's
 * director approves or rejects; when all have approved, the new version is made and replaces the
 * old one from the effective date. Nothing changes another party's obligations without its approval.
 */
export const AMENDMENT_STATUSES = ['OPEN', 'ADOPTED', 'WITHDRAWN', 'REVISED'] as const;
export type AmendmentStatus = (typeof AMENDMENT_STATUSES)[number];

export const APPROVAL_DECISIONS = ['PENDING', 'APPROVED', 'REJECTED'] as const;
export type ApprovalDecision = (typeof APPROVAL_DECISIONS)[number];

/** Why a municipality must approve: a partner staying on, a municipality joining, or one leaving. */
export const APPROVAL_ROLES = ['PARTNER', 'JOINING', 'LEAVING'] as const;
export type ApprovalRole = (typeof APPROVAL_ROLES)[number];

/**
 * Terms that bind the parties: on an agreement in force (ACTIVE, NOTICE_GIVEN, DISPUTED) they
 * change only by an approved amendment (or, where the value is an invented example, when the host
 * registers the real one). The cost model and the parties are binding too.
 */
export const BINDING_TERM_FIELDS = [
  'validFrom',
  'validTo',
  'autoRenew',
  'renewalMonths',
  'noticeMonths',
  'noticeRunsTo',
] as const;
export type BindingTermField = (typeof BINDING_TERM_FIELDS)[number];

/** Fields an amendment may change (the effective date becomes the new version's validFrom). */
export const AMENDABLE_FIELDS = [
  'title',
  'legalBasis',
  'validTo',
  'autoRenew',
  'renewalMonths',
  'noticeMonths',
  'noticeRunsTo',
  'signingLevel',
  'checklist',
  'note',
] as const;
export type AmendableField = (typeof AMENDABLE_FIELDS)[number];

export interface ApprovalNeed {
  kommunenummer: string;
  role: ApprovalRole;
}

/**
 * Who must approve an amendment effective on `effectiveOn`: every partner still a party on that
 * day (those leaving by the amendment as LEAVING), and every municipality joining. The host
 * proposes, so its consent is the proposal itself.
 */
export function approvalsNeeded(
  parties: readonly (MembershipParty & { kommunenummer: string; role: 'HOST' | 'PARTNER' })[],
  effectiveOn: IsoDate,
  joining: readonly string[],
  leaving: readonly string[],
): ApprovalNeed[] {
  const out = new Map<string, ApprovalNeed>();
  for (const p of parties) {
    if (p.role !== 'PARTNER') continue;
    if (p.leftOn !== null && compareIso(p.leftOn, effectiveOn) < 0) continue; // gone before the change
    out.set(p.kommunenummer, {
      kommunenummer: p.kommunenummer,
      role: leaving.includes(p.kommunenummer) ? 'LEAVING' : 'PARTNER',
    });
  }
  for (const k of joining) if (!out.has(k)) out.set(k, { kommunenummer: k, role: 'JOINING' });
  return [...out.values()].sort((a, b) => a.kommunenummer.localeCompare(b.kommunenummer));
}

/** Where an open amendment stands: waiting for someone, rejected by someone, or approved by all. */
export function amendmentOutcome(decisions: readonly ApprovalDecision[]): 'WAITING' | 'REJECTED' | 'APPROVED' {
  if (decisions.includes('REJECTED')) return 'REJECTED';
  if (decisions.includes('PENDING')) return 'WAITING';
  return 'APPROVED';
}
