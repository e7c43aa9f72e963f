export const AGREEMENT_STATUSES = ['DRAFT', 'NEGOTIATING', 'ACTIVE', 'NOTICE_GIVEN', 'DISPUTED', 'ENDED'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/** The moves an agreement can make. ENDED is final: a new agreement supersedes an ended one. */
const TRANSITIONS: Record<AgreementStatus, readonly AgreementStatus[]> = {
  DRAFT: ['NEGOTIATING', 'ACTIVE', 'ENDED'],
  NEGOTIATING: ['DRAFT', 'ACTIVE', 'ENDED'],
  ACTIVE: ['NOTICE_GIVEN', 'DISPUTED', 'ENDED'],
  NOTICE_GIVEN: ['ACTIVE', 'DISPUTED', 'ENDED'],
  DISPUTED: ['ACTIVE', 'NOTICE_GIVEN', 'ENDED'],
  ENDED: [],
};

export function allowedTransitions(from: AgreementStatus): readonly AgreementStatus[] {
  return TRANSITIONS[from];
}

export function canTransition(from: AgreementStatus, to: AgreementStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Statuses under which the agreement binds its parties (covers them). */
export const BINDING_STATUSES: readonly AgreementStatus[] = ['ACTIVE', 'NOTICE_GIVEN', 'DISPUTED'];

export const AGREEMENT_STATUS_LABELS: Record<AgreementStatus, { nb: string; en: string }> = {
  DRAFT: { nb: 'Utkast', en: 'Draft' },
  NEGOTIATING: { nb: 'Under forhandling', en: 'Negotiating' },
  ACTIVE: { nb: 'Aktiv', en: 'Active' },
  NOTICE_GIVEN: { nb: 'Oppsagt', en: 'Notice given' },
  DISPUTED: { nb: 'Omstridt', en: 'Disputed' },
  ENDED: { nb: 'Avsluttet', en: 'Ended' },
};
