import { Alert, Checkbox, Field, Label, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { NOTICE_RUNS_TO, SIGNING_LEVEL_LABELS, SIGNING_LEVELS } from '@samordna/domain';
import { ExampleTag } from '../../components/ExampleTag';
import type { NoticeRunsTo, SigningLevel } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import { SaveButton } from '../../components/SaveButton';
import type { ConflictMerge } from '../../lib/conflict';
import { formatDate } from '../../lib/format';
import { ConflictNotice } from '../history/ConflictNotice';
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

/**
 * The update's input from the form: the title and signing level always; the terms that bind the
 * parties only where this user may change them directly (not `locked`).
 */
export function termsInput(form: AgreementForm, locked: (field: string) => boolean) {
  const terms = {
    validFrom: form.validFrom || null,
    validTo: form.validTo || null,
    autoRenew: form.autoRenew,
    noticeMonths: form.noticeMonths === '' ? null : Number(form.noticeMonths),
    noticeRunsTo: form.noticeRunsTo,
  };
  const open = Object.fromEntries(Object.entries(terms).filter(([k]) => !locked(k)));
  return { title: form.title, signingLevel: form.signingLevel, ...open };
}

/**
 * The agreement's terms as a form, for those who may change them. Terms that bind the parties are
 * read-only where `locked` says so; the page saves (`onSubmit`) and merges a conflict.
 */
export function AgreementTermsForm({
  form,
  onChange,
  onSubmit,
  errors,
  general,
  conflict,
  locked,
  lockedNote,
  example,
  saving,
  saved,
}: {
  form: AgreementForm;
  onChange: (form: AgreementForm) => void;
  onSubmit: () => void;
  /** Messages at their field, from the last save. */
  errors: Record<string, string>;
  /** A message that belongs to no field. */
  general: string | null;
  conflict: ConflictMerge<AgreementForm> | null;
  locked: (field: string) => boolean;
  /** Say that binding terms change only by amendment. */
  lockedNote: boolean;
  example: (field: string) => boolean;
  saving: boolean;
  saved: boolean;
}) {
  const { t, locale } = useI18n();
  const labels = Object.fromEntries(AGREEMENT_TERMS.map((k) => [k, t(termLabelKey(k))]));
  const set = (change: Partial<AgreementForm>) => onChange({ ...form, ...change });
  return (
    <form
      noValidate
      className="form-grid"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {general && !conflict && <Alert data-color="danger">{general}</Alert>}
      {conflict && (
        <ConflictNotice
          merge={conflict}
          labels={labels}
          format={{
            noticeRunsTo: (v) => t(`agreement.runsTo.${v as NoticeRunsTo}`),
            signingLevel: (v) => SIGNING_LEVEL_LABELS[v as SigningLevel]?.[locale] ?? v,
            validFrom: formatDate,
            validTo: formatDate,
          }}
        />
      )}
      <Textfield
        label={labels.title}
        value={form.title}
        onChange={(e) => set({ title: e.target.value })}
        error={errors.title}
      />
      {lockedNote && (
        <Paragraph data-size="sm" className="muted" data-testid="terms-locked">
          {t('agreement.termsLocked')}
        </Paragraph>
      )}
      <Textfield
        readOnly={locked('validFrom')}
        label={
          <>
            {labels.validFrom} <ExampleTag show={example('validFrom')} />
          </>
        }
        type="date"
        value={form.validFrom}
        onChange={(e) => set({ validFrom: e.target.value })}
        error={errors.validFrom}
      />
      <Textfield
        readOnly={locked('validTo')}
        label={
          <>
            {labels.validTo} <ExampleTag show={example('validTo')} />
          </>
        }
        type="date"
        value={form.validTo}
        onChange={(e) => set({ validTo: e.target.value })}
        error={errors.validTo}
      />
      <Checkbox
        disabled={locked('autoRenew')}
        label={labels.autoRenew}
        checked={form.autoRenew}
        onChange={(e) => set({ autoRenew: e.target.checked })}
      />
      <Textfield
        readOnly={locked('noticeMonths')}
        label={
          <>
            {labels.noticeMonths} <ExampleTag show={example('noticeMonths')} />
          </>
        }
        inputMode="numeric"
        value={form.noticeMonths}
        onChange={(e) => set({ noticeMonths: e.target.value })}
        error={errors.noticeMonths}
      />
      <Field>
        <Label htmlFor="runs-to">{labels.noticeRunsTo}</Label>
        <Select
          id="runs-to"
          disabled={locked('noticeRunsTo')}
          value={form.noticeRunsTo}
          onChange={(e) => set({ noticeRunsTo: e.target.value as NoticeRunsTo })}
        >
          {NOTICE_RUNS_TO.map((r) => (
            <Select.Option key={r} value={r}>
              {t(`agreement.runsTo.${r}`)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Field>
        <Label htmlFor="signing">
          {labels.signingLevel} <ExampleTag show={example('signingLevel')} />
        </Label>
        <Select
          id="signing"
          value={form.signingLevel}
          onChange={(e) => set({ signingLevel: e.target.value as SigningLevel })}
        >
          {SIGNING_LEVELS.map((s) => (
            <Select.Option key={s} value={s}>
              {SIGNING_LEVEL_LABELS[s][locale]}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <div>
        <SaveButton busy={saving} label={t('agreement.save')} />
        {saved && (
          <span role="status" className="saved-note">
            {t('agreement.saved')}
          </span>
        )}
      </div>
    </form>
  );
}
