import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import {
  Alert,
  Button,
  Checkbox,
  Field,
  Fieldset,
  Heading,
  Label,
  Select,
  Textfield,
} from '@digdir/designsystemet-react';
import type { AmendmentFieldsFragment, AmendmentInput, CostModelKind, NoticeRunsTo } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import { MunicipalityCombobox } from '../../components/MunicipalityCombobox';
import { fieldErrors, unplacedErrors } from '../../lib/errors';
import { MunicipalityNamesQuery, ProposeAmendmentMutation, ReviseAmendmentMutation } from './agreements.graphql';
import { NOTICE_RUNS_TO } from '@samordna/domain';

/** What the form needs to know about the agreement being amended. */
export interface ProposalContext {
  agreementId: string;
  version: number;
  binding: boolean;
  noticeMonths: number | null;
  noticeRunsTo: NoticeRunsTo;
  validTo: string | null;
  costModel: CostModelKind | null;
  /** Current partners (kommunenummer → name), who may leave. */
  partners: { kommunenummer: string; name: string }[];
  names: Record<string, string>;
}

/** Models with one rate per inhabitant that a rate field can set. */
const RATE_MODELS: CostModelKind[] = ['PER_INHABITANT_HOST_RESIDUAL', 'BASE_PLUS_PER_INHABITANT'];

/** «1 234,50» → 123450 øre; null for empty; NaN for what is not a number. */
function kronerToOre(text: string): number | null {
  const s = text.replace(/\s|\u00a0/g, '').replace(',', '.');
  if (s === '') return null;
  return /^\d+(\.\d{1,2})?$/.test(s) ? Math.round(Number(s) * 100) : Number.NaN;
}

const nextJanuary = () => `${new Date().getFullYear() + 1}-01-01`;

/**
 * A proposed amendment (or a revision of one): a summary, the date it takes effect, and what changes:
 * notice terms, the end of the term, the rate per inhabitant, partners leaving and one joining.
 * Host finance staff see the rate only. Nothing changes until every affected party has approved.
 */
export function ProposeAmendmentForm({
  context,
  costOnly,
  revise,
  onDone,
  onCancel,
}: {
  context: ProposalContext;
  costOnly: boolean;
  revise?: AmendmentFieldsFragment;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [propose, doPropose] = useMutation(ProposeAmendmentMutation);
  const [revision, doRevise] = useMutation(ReviseAmendmentMutation);
  const [names] = useQuery({ query: MunicipalityNamesQuery, pause: costOnly });
  const collator = new Intl.Collator('nb');
  const candidates = (names.data?.municipalities ?? [])
    .filter((m) => !context.names[m.kommunenummer])
    .sort((a, b) => collator.compare(a.name, b.name));
  const changed = (f: string) => revise?.changedFields.find((c) => c.field === f)?.after;
  const [form, setForm] = useState({
    summary: revise?.summary ?? '',
    effectiveOn: revise?.effectiveOn ?? nextJanuary(),
    noticeMonths: String(changed('noticeMonths') ?? context.noticeMonths ?? ''),
    noticeRunsTo: (changed('noticeRunsTo') as NoticeRunsTo | undefined) ?? context.noticeRunsTo,
    validTo: (changed('validTo') as string | undefined) ?? context.validTo ?? '',
    rate:
      revise?.costTerms?.rateOre !== null && revise?.costTerms?.rateOre !== undefined
        ? String(revise.costTerms.rateOre / 100).replace('.', ',')
        : '',
    leaving: revise?.leaving ?? ([] as string[]),
    joining: revise?.joining[0] ?? '',
  });
  const [rateError, setRateError] = useState<string | null>(null);
  const error = revise ? revision.error : propose.error;
  const errors = fieldErrors(error);
  const shown = ['summary', 'effectiveOn', 'changes.noticeMonths', 'changes.validTo', 'costTerms.rateOre', 'joining.0'];
  const general = unplacedErrors(error, t('error.network'), shown);
  const fetching = propose.fetching || revision.fetching;

  async function submit() {
    const rateOre = kronerToOre(form.rate);
    if (Number.isNaN(rateOre)) {
      setRateError(t('amendment.rateInvalid'));
      return;
    }
    setRateError(null);
    const changes: NonNullable<AmendmentInput['changes']> = {};
    if (!costOnly) {
      const months = form.noticeMonths.trim() === '' ? null : Number(form.noticeMonths);
      if (months !== context.noticeMonths) changes.noticeMonths = months;
      if (form.noticeRunsTo !== context.noticeRunsTo) changes.noticeRunsTo = form.noticeRunsTo;
      if ((form.validTo || null) !== context.validTo) changes.validTo = form.validTo || null;
    }
    const model =
      context.costModel && RATE_MODELS.includes(context.costModel) ? context.costModel : 'PER_INHABITANT_HOST_RESIDUAL';
    const input: AmendmentInput = {
      summary: form.summary,
      effectiveOn: form.effectiveOn,
      changes: Object.keys(changes).length ? changes : null,
      costTerms: rateOre === null ? null : { model, rateOre },
      leaving: costOnly ? [] : form.leaving,
      joining: costOnly || !form.joining ? [] : [form.joining],
    };
    const r = revise
      ? await doRevise({ id: revise.id, expectedVersion: revise.version, input })
      : await doPropose({ agreementId: context.agreementId, expectedVersion: context.version, input });
    if (!r.error) onDone();
  }

  return (
    <form
      noValidate
      className="form-grid proposal-form"
      aria-labelledby="proposal-heading"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Heading level={3} data-size="xs" id="proposal-heading">
        {revise ? t('amendment.reviseHeading') : t('amendment.proposeHeading')}
      </Heading>
      {general.length > 0 && <Alert data-color="danger">{general.join(' ')}</Alert>}
      <Textfield
        label={t('amendment.summary')}
        value={form.summary}
        onChange={(e) => setForm({ ...form, summary: e.target.value })}
        error={errors.summary}
      />
      <Textfield
        label={t('amendment.effectiveOn')}
        type="date"
        value={form.effectiveOn}
        onChange={(e) => setForm({ ...form, effectiveOn: e.target.value })}
        error={errors.effectiveOn}
      />
      {!costOnly && (
        <>
          <Textfield
            label={t('agreement.noticeMonths')}
            inputMode="numeric"
            value={form.noticeMonths}
            onChange={(e) => setForm({ ...form, noticeMonths: e.target.value })}
            error={errors['changes.noticeMonths']}
          />
          <Field>
            <Label htmlFor="proposal-runs-to">{t('agreement.noticeRunsTo')}</Label>
            <Select
              id="proposal-runs-to"
              value={form.noticeRunsTo}
              onChange={(e) => setForm({ ...form, noticeRunsTo: e.target.value as NoticeRunsTo })}
            >
              {NOTICE_RUNS_TO.map((r) => (
                <Select.Option key={r} value={r}>
                  {t(`agreement.runsTo.${r}`)}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Textfield
            label={t('agreement.validTo')}
            type="date"
            value={form.validTo}
            onChange={(e) => setForm({ ...form, validTo: e.target.value })}
            error={errors['changes.validTo']}
          />
        </>
      )}
      <Textfield
        label={t('amendment.rateField')}
        description={t('amendment.rateHelp')}
        inputMode="decimal"
        value={form.rate}
        onChange={(e) => setForm({ ...form, rate: e.target.value })}
        error={rateError ?? errors['costTerms.rateOre'] ?? errors['costTerms.model']}
      />
      {!costOnly && (
        <>
          <Fieldset>
            <Fieldset.Legend>{t('amendment.leavingLegend')}</Fieldset.Legend>
            {context.partners.map((p) => (
              <Checkbox
                key={p.kommunenummer}
                label={p.name}
                value={p.kommunenummer}
                checked={form.leaving.includes(p.kommunenummer)}
                onChange={(e) =>
                  setForm({
                    ...form,
                    leaving: e.target.checked
                      ? [...form.leaving, p.kommunenummer]
                      : form.leaving.filter((k) => k !== p.kommunenummer),
                  })
                }
              />
            ))}
          </Fieldset>
          <div>
            <MunicipalityCombobox
              id="proposal-joining"
              label={t('amendment.joiningField')}
              municipalities={candidates}
              value={form.joining}
              onChange={(joining) => setForm({ ...form, joining })}
            />
            {errors['joining.0'] && <div className="field-error">{errors['joining.0']}</div>}
          </div>
        </>
      )}
      <div className="button-row">
        <Button type="submit" disabled={fetching} aria-busy={fetching}>
          {revise ? t('amendment.sendRevision') : t('amendment.send')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('agreement.cancel')}
        </Button>
      </div>
    </form>
  );
}
