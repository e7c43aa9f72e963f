import { forwardRef } from 'react';
import { useMutation } from 'urql';
import { Alert, Dialog, Field, Heading, Label, Select, Textfield } from '@digdir/designsystemet-react';
import {
  AGENCY_KINDS,
  AGENCY_KIND_LABELS,
  STEP_TIMINGS,
  STEP_TIMING_LABELS,
  type AgencyKind,
  type StepTiming,
} from '@samordna/domain';
import { useI18n } from '../../i18n/i18n';
import { SaveButton } from '../../components/SaveButton';
import { fieldErrors, generalError } from '../../lib/errors';
import { ConflictNotice } from '../history/ConflictNotice';
import { useMergingForm } from '../../lib/useMergingForm';
import { AddTemplateStepMutation, UpdateStepMutation } from './routines.graphql';

export interface StepDraft {
  /** Left out for a new step. */
  id?: string;
  /** The routine a new step goes into. */
  routineId?: string;
  /** The routine's version when the user opened the step. */
  version: number;
  title: string;
  timing: StepTiming;
  responsibleAgencyKind: AgencyKind | null;
  /** A new step's place: before the step at this index; null: last. */
  position?: number | null;
}

/** A new step written by the user (kind OTHER): last, done by the centre itself, until they choose otherwise. */
export const newStepDraft = (routineId: string, version: number): StepDraft => ({
  routineId,
  version,
  title: '',
  timing: 'DURING_STAY',
  responsibleAgencyKind: null,
  position: null,
});

type StepRecord = {
  id: string;
  version: number;
  title: string;
  timing: StepTiming;
  responsibleAgencyKind?: AgencyKind | null;
};
/** A step as form values, with its routine's version; also applied to the step a CONFLICT sends back. */
export const draftOfStep = (s: StepRecord): StepDraft => ({
  id: s.id,
  version: s.version,
  title: s.title,
  timing: s.timing,
  responsibleAgencyKind: s.responsibleAgencyKind ?? null,
});
const KEYS = ['title', 'timing', 'responsibleAgencyKind'] as const;

/** Edit one routine step, or write a new one: title, when, who is responsible (and where a new one goes). */
export const StepDialog = forwardRef<
  HTMLDialogElement,
  { draft: StepDraft | null; steps?: readonly { title: string }[]; onSaved(): void }
>(function StepDialog({ draft, steps = [], onSaved }, ref) {
  const { t, locale } = useI18n();
  // A CONFLICT means someone else changed the routine first; the step as it is now comes back with it.
  const { form, setForm, conflict, settle } = useMergingForm(draft, KEYS, draftOfStep);
  const [updateState, save] = useMutation(UpdateStepMutation);
  const [addState, add] = useMutation(AddTemplateStepMutation);
  const state = form?.id ? updateState : addState;
  const errors = fieldErrors(state.error);
  const general = generalError(state.error, t('error.network'));
  const labels = {
    title: t('routines.col.step'),
    timing: t('routines.col.timing'),
    responsibleAgencyKind: t('routines.col.responsible'),
  };
  return (
    <Dialog ref={ref} closeButton={t('common.close')} aria-labelledby="step-dialog-heading">
      <Dialog.Block>
        <Heading level={2} data-size="xs" id="step-dialog-heading">
          {form && !form.id ? t('routines.newStep') : t('routines.editStep')}
        </Heading>
        {form && (
          <form
            noValidate
            className="dialog-form"
            onSubmit={async (e) => {
              e.preventDefault();
              const input = {
                title: form.title,
                timing: form.timing,
                responsibleAgencyKind: form.responsibleAgencyKind,
              };
              const r = form.id
                ? await save({ id: form.id, expectedVersion: form.version, input })
                : await add({
                    routineId: form.routineId!,
                    expectedVersion: form.version,
                    input: { ...input, kind: 'OTHER', position: form.position ?? null },
                  });
              // A CONFLICT on an edit brings the step as it is now; a new step has nothing to merge.
              if (form.id) settle(r.error);
              if (!r.error) onSaved();
            }}
          >
            {conflict ? (
              <ConflictNotice
                merge={conflict}
                labels={labels}
                empty={{ responsibleAgencyKind: t('routines.centreItself') }}
                format={{
                  timing: (v) => STEP_TIMING_LABELS[v as StepTiming]?.[locale] ?? v,
                  responsibleAgencyKind: (v) => AGENCY_KIND_LABELS[v as AgencyKind]?.[locale] ?? v,
                }}
              />
            ) : (
              general && <Alert data-color="danger">{general}</Alert>
            )}
            <Textfield
              label={t('routines.col.step')}
              value={form.title}
              onChange={(e) => setForm({ ...form, title: e.target.value })}
              error={errors.title}
            />
            <Field>
              <Label htmlFor="step-timing">{t('routines.col.timing')}</Label>
              <Select
                id="step-timing"
                value={form.timing}
                onChange={(e) => setForm({ ...form, timing: e.target.value as StepTiming })}
              >
                {STEP_TIMINGS.map((s) => (
                  <Select.Option key={s} value={s}>
                    {STEP_TIMING_LABELS[s][locale]}
                  </Select.Option>
                ))}
              </Select>
            </Field>
            <Field>
              <Label htmlFor="step-agency">{t('routines.col.responsible')}</Label>
              <Select
                id="step-agency"
                value={form.responsibleAgencyKind ?? ''}
                onChange={(e) =>
                  setForm({ ...form, responsibleAgencyKind: (e.target.value || null) as AgencyKind | null })
                }
              >
                <Select.Option value="">{t('routines.centreItself')}</Select.Option>
                {AGENCY_KINDS.map((k) => (
                  <Select.Option key={k} value={k}>
                    {AGENCY_KIND_LABELS[k][locale]}
                  </Select.Option>
                ))}
              </Select>
            </Field>
            {!form.id && (
              <Field>
                <Label htmlFor="step-position">{t('routines.stepPosition')}</Label>
                <Select
                  id="step-position"
                  value={form.position == null ? '' : String(form.position)}
                  onChange={(e) =>
                    setForm({ ...form, position: e.target.value === '' ? null : Number(e.target.value) })
                  }
                >
                  <Select.Option value="">{t('routines.positionLast')}</Select.Option>
                  {steps.map((s, i) => (
                    <Select.Option key={i} value={String(i)}>
                      {t('routines.positionBefore', { step: s.title })}
                    </Select.Option>
                  ))}
                </Select>
              </Field>
            )}
            <SaveButton busy={state.fetching} />
          </form>
        )}
      </Dialog.Block>
    </Dialog>
  );
});
