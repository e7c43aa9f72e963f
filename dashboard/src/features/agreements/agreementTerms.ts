import type { NoticeRunsTo, SigningLevel } from '../../gql/graphql';
import type { MessageKey } from '../../i18n/nb';

/**
 * An agreement's editable terms, in the order the edit form, the read-only view and a conflict
 * notice name them. Each one's label is the message `agreement.<term>` in nb.ts and en.ts (a term
 * without one fails typecheck); the history uses the same labels.
 */
export const AGREEMENT_TERMS = [
  'title',
  'validFrom',
  'validTo',
  'autoRenew',
  'noticeMonths',
  'noticeRunsTo',
  'signingLevel',
] as const;
export type AgreementTerm = (typeof AGREEMENT_TERMS)[number];

/** The message key of a term's label. */
export const termLabelKey = (term: AgreementTerm): MessageKey => `agreement.${term}`;

/** Each term's label key, by term name: for tables keyed by field (the history). */
export const AGREEMENT_TERM_LABELS = Object.fromEntries(AGREEMENT_TERMS.map((k) => [k, termLabelKey(k)])) as Record<
  AgreementTerm,
  MessageKey
>;

/** The editable terms as form values; also applied to the record a CONFLICT sends back. */
export function toForm(a: {
  title: string;
  validFrom?: string | null;
  validTo?: string | null;
  autoRenew: boolean;
  noticeMonths?: number | null;
  noticeRunsTo: NoticeRunsTo;
  signingLevel: SigningLevel;
}) {
  return {
    title: a.title,
    validFrom: a.validFrom ?? '',
    validTo: a.validTo ?? '',
    autoRenew: a.autoRenew,
    noticeMonths: a.noticeMonths === null || a.noticeMonths === undefined ? '' : String(a.noticeMonths),
    noticeRunsTo: a.noticeRunsTo,
    signingLevel: a.signingLevel,
  };
}
export type AgreementTermsRecord = Parameters<typeof toForm>[0];
export type AgreementForm = ReturnType<typeof toForm> & { version?: number };

export const EMPTY_FORM: AgreementForm = {
  title: '',
  validFrom: '',
  validTo: '',
  autoRenew: false,
  noticeMonths: '',
  noticeRunsTo: 'NONE',
  signingLevel: 'UNKNOWN',
};
