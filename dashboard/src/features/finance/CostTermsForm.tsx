import { useMemo, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { COST_MODELS, paramFieldsOf, readModelParams, type CostModelKind, type ParamField } from '@samordna/domain';
import { Loading } from '../../components/States';
import { FilterSelect } from '../../components/FilterSelect';
import { ParamFields } from '../costs/ModelFields';
import { useI18n } from '../../i18n/i18n';
import { useCodeText } from '../../i18n/codes';
import { fieldErrors, isConflict, unplacedErrors } from '../../lib/errors';
import { FinanceAgreementQuery, SetCostTermsMutation } from './finance.graphql';

/** Usage-adjusted is a what-if only; shares and lump sums are lists, set on the agreement page. */
const SETTABLE = COST_MODELS.filter((m) => m !== 'USAGE_ADJUSTED' && paramFieldsOf(m).length > 0);
const shown = (v: number | null | undefined, per: number) =>
  v === null || v === undefined ? '' : String(v / per).replace('.', ',');

/**
 * The cost model of the agreement that governs the year, set with the same term rules as the simulator.
 * On an agreement in force the server refuses (an amendment is needed) and says so.
 */
export function CostTermsForm({ agreementId }: { agreementId: string }) {
  const codes = useCodeText();
  const { t } = useI18n();
  const [agreement, reexecute] = useQuery({
    query: FinanceAgreementQuery,
    variables: { id: agreementId },
    context: useMemo(() => ({ additionalTypenames: ['Agreement'] }), []),
  });
  const a = agreement.data?.agreement;
  const terms = a?.costTerms;
  const [model, setModel] = useState<CostModelKind | ''>('');
  const kind: CostModelKind = model || (terms?.model as CostModelKind | undefined) || 'PER_INHABITANT_HOST_RESIDUAL';
  const [typed, setTyped] = useState<Partial<Record<ParamField, string>>>({});
  const [local, setLocal] = useState<Partial<Record<ParamField, string>>>({});
  const [done, setDone] = useState(false);
  const [state, save] = useMutation(SetCostTermsMutation);
  if (!a) return agreement.fetching ? <Loading size="sm" /> : null;
  const stored: Record<ParamField, string> = {
    rateOre: shown(terms?.rateOre, 100),
    hostRateOre: shown(terms?.hostRateOre, 100),
    hostShareBp: shown(terms?.hostShareBp, 100),
    baseOre: shown(terms?.baseOre, 100),
    usageWeightBp: shown(terms?.usageWeightBp, 100),
  };
  const valueOf = (f: ParamField) => typed[f] ?? (kind === terms?.model ? stored[f] : '');
  const errors = fieldErrors(state.error);
  const general = unplacedErrors(
    state.error,
    t('error.network'),
    paramFieldsOf(kind).map((f) => `terms.${f}`),
  ).join(' ');

  async function submit() {
    const read = readModelParams(kind, Object.fromEntries(paramFieldsOf(kind).map((f) => [f, valueOf(f)])));
    const refused = codes.paramErrors(read.codes);
    setLocal(refused);
    setDone(false);
    if (Object.keys(refused).length) return;
    const r = await save({ id: agreementId, expectedVersion: a!.version, terms: { model: kind, ...read.params } });
    if (isConflict(r.error)) reexecute({ requestPolicy: 'network-only' });
    if (!r.error) {
      setDone(true);
      setTyped({});
    }
  }

  return (
    <section aria-labelledby="fin-model" className="block">
      <Heading level={2} data-size="sm" id="fin-model">
        {t('fin.model')}
      </Heading>
      {terms && (
        <Paragraph data-size="sm">
          {t('fin.modelNow', { title: a.title, model: codes.model(terms.model as CostModelKind) })}
        </Paragraph>
      )}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {general && <Alert data-color="danger">{general}</Alert>}
        <div className="form-grid">
          <FilterSelect
            id="fin-model-kind"
            label={t('sim.model')}
            value={kind}
            onChange={(v) => setModel(v as CostModelKind)}
            options={[...new Set([...(terms ? [terms.model as CostModelKind] : []), ...SETTABLE])].map((m) => [
              m,
              codes.model(m),
            ])}
          />
          <ParamFields
            fields={paramFieldsOf(kind)}
            value={valueOf}
            onChange={(f, v) => setTyped((x) => ({ ...x, [f]: v }))}
            error={(f) => local[f] ?? errors[`terms.${f}`]}
          />
        </div>
        {paramFieldsOf(kind).length === 0 ? (
          <Paragraph data-size="sm" className="muted">
            {t('sim.listParams', { model: codes.model(kind) })}
          </Paragraph>
        ) : (
          <Button type="submit" variant="secondary" disabled={state.fetching}>
            {t('fin.modelSave')}
          </Button>
        )}
        {done && (
          <Paragraph role="status" data-size="sm">
            {t('fin.modelSaved')}
          </Paragraph>
        )}
      </form>
    </section>
  );
}
