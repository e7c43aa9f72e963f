import { Textfield } from '@digdir/designsystemet-react';
import { useI18n } from '../../i18n/i18n';

/** A municipal decision as typed: the body that decided, its case or resolution number, the date. */
export type Decision = { decisionBody: string; decisionRef: string; decisionDate: string };

/**
 * The three fields of a municipality's decision, for recording a membership and for answering an
 * amendment; `errors` are the server's field errors by name.
 */
export function DecisionFields({
  form,
  setForm,
  errors,
}: {
  form: Decision;
  setForm: (form: Decision) => void;
  errors: Record<string, string | undefined>;
}) {
  const { t } = useI18n();
  return (
    <>
      <Textfield
        label={t('membership.decisionBody')}
        value={form.decisionBody}
        onChange={(e) => setForm({ ...form, decisionBody: e.target.value })}
        error={errors.decisionBody}
      />
      <Textfield
        label={t('membership.decisionRef')}
        value={form.decisionRef}
        onChange={(e) => setForm({ ...form, decisionRef: e.target.value })}
        error={errors.decisionRef}
      />
      <Textfield
        label={t('membership.decisionDate')}
        type="date"
        value={form.decisionDate}
        onChange={(e) => setForm({ ...form, decisionDate: e.target.value })}
        error={errors.decisionDate}
      />
    </>
  );
}
