import { useState } from 'react';
import type { NamedMunicipality } from '../../lib/municipalityLabel';
import { useClient } from 'urql';
import { Alert, Button, Checkbox, Fieldset, Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import {
  COST_MODELS,
  paramFieldsOf,
  parseKroner,
  readModelParams,
  type CostModelKind,
  type ParamField,
} from '@samordna/domain';
import type { SimulateQuery } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import { useCodeText } from '../../i18n/codes';
import { fieldErrors, unplacedErrors } from '../../lib/errors';
import { formatDecimal, formatKroner, formatOre } from '../../lib/format';
import { SimulationQuery } from './costs.graphql';
import type { CombinedError } from 'urql';
import { ScrollTable } from '../../components/ScrollTable';
import { MunicipalityCombobox } from '../../components/MunicipalityCombobox';
import { FilterSelect } from '../../components/FilterSelect';
import { ParamFields } from './ModelFields';

/** Where the server's field errors (input. dropped) are shown; any other goes in the alert above the form. */
const AT: Record<ParamField | 'add' | 'investment', readonly string[]> = {
  rateOre: ['terms.rateOre'],
  hostRateOre: ['terms.hostRateOre'],
  hostShareBp: ['terms.hostShareBp'],
  baseOre: ['terms.baseOre'],
  usageWeightBp: ['terms.usageWeightBp'],
  add: ['addMunicipalities.0'],
  investment: ['investment.amountOre'],
};
/** The models one can try here: those whose parameters are typed (shares and lump sums are lists, set in the agreement). */
const TRYABLE = COST_MODELS.filter((m) => paramFieldsOf(m).length > 0);

interface Props {
  centreId: string;
  year: number;
  /** The agreement's model, used with «Som i avtalen». */
  currentModel: CostModelKind;
  parties: { kommunenummer: string; name: string; role: string }[];
  municipalities: NamedMunicipality[];
}

type Result = SimulateQuery['simulateCostSharing'];

/**
 * The negotiation simulator: asks the server what a change would do; writes nothing. Every field is read
 * here first (the domain's rules, in kroner and per cent), so a typing error is refused at its field and
 * never sent; what the server refuses lands at the same fields. A result computed from other inputs than
 * those on screen is marked stale.
 */
export function Simulator({ centreId, year, currentModel, parties, municipalities }: Props) {
  const codes = useCodeText();
  const { t } = useI18n();
  const client = useClient();
  const [model, setModel] = useState<CostModelKind | ''>('');
  const [typed, setTyped] = useState<Partial<Record<ParamField, string>>>({});
  const [remove, setRemove] = useState<string[]>([]);
  const [add, setAdd] = useState('');
  const [investment, setInvestment] = useState('');
  const [shared, setShared] = useState(true);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<CombinedError | null>(null);
  const [local, setLocal] = useState<Partial<Record<keyof typeof AT, string>>>({});
  const [result, setResult] = useState<{ data: Result; inputs: string } | null>(null);
  const kind = model || currentModel;
  const fields = paramFieldsOf(kind);
  const inputs = JSON.stringify({
    kind,
    typed: fields.map((f) => typed[f] ?? ''),
    remove: [...remove].sort(),
    add,
    investment,
    shared,
  });
  const stale = result !== null && result.inputs !== inputs;
  const errors = fieldErrors(error);
  // What is wrong with the model as a whole (the host's amount above the budget …) shows at its first field.
  const at = (field: keyof typeof AT) =>
    local[field] ??
    [...AT[field], ...(field === fields[0] ? ['terms.model'] : [])].map((key) => errors[key]).find(Boolean);
  const shown = [
    ...AT.add,
    ...AT.investment,
    ...fields.flatMap((f) => AT[f]),
    ...(fields.length ? ['terms.model'] : []),
  ];
  const general = unplacedErrors(error, t('error.network'), shown).join(' ');

  async function run() {
    const read = readModelParams(kind, typed);
    const inv = parseKroner(investment, 'Investeringen');
    const found: typeof local = {
      ...codes.paramErrors(read.codes),
      ...(inv.ok ? {} : { investment: codes.formCheck(inv.code, 'investment') }),
    };
    setLocal(found);
    setError(null);
    if (Object.keys(found).length > 0) return;
    // «Som i avtalen» with a new value: the agreement's model with that value (the rest as agreed).
    const terms = model || read.any ? { model: kind, ...read.params } : null;
    setRunning(true);
    const sent = inputs;
    const r = await client
      .query(
        SimulationQuery,
        {
          input: {
            centreId,
            year,
            terms,
            removeMunicipalities: remove,
            addMunicipalities: add ? [add] : [],
            investment: inv.ok && inv.value !== null ? { amountOre: inv.value, shared } : null,
          },
        },
        { requestPolicy: 'network-only' },
      )
      .toPromise();
    setRunning(false);
    setError(r.error ?? null);
    setResult(r.data?.simulateCostSharing ? { data: r.data.simulateCostSharing, inputs: sent } : null);
  }

  const current = new Set(parties.map((p) => p.kommunenummer));
  const res = result?.data;
  const sumOf = (xs: readonly (number | null | undefined)[]) => xs.reduce<number>((a, x) => a + (x ?? 0), 0);
  /** «Budget kr 9 mill.: the host pays kr 1 000 more, the partners together kr 1 000 less.», from the differences by role. */
  const simulationSummary = (r: NonNullable<typeof res>) => {
    const change = (role: string) => sumOf(r.differences.filter((d) => d.role === role).map((d) => d.differenceOre));
    const say = (ore: number) =>
      ore === 0 ? t('sim.unchanged') : t(ore > 0 ? 'sim.more' : 'sim.less', { amount: formatOre(Math.abs(ore), true) });
    const model = r.after.model === r.before.model ? '' : t('sim.summaryModel', { model: codes.model(r.after.model) });
    return t('sim.summary', {
      budget: formatOre(r.after.budgetOre, true),
      model,
      host: say(change('HOST')),
      partners: say(change('PARTNER')),
    });
  };
  const money = (ore: number | null | undefined, missing: string) =>
    ore === null || ore === undefined ? missing : formatOre(ore, true);
  const afterExtra = res ? sumOf(res.after.parties.map((p) => p.extraChargesOre)) : 0;
  return (
    <section aria-labelledby="sim-heading" className="block simulator">
      <Heading level={2} data-size="sm" id="sim-heading">
        {t('sim.heading')}
      </Heading>
      <Paragraph>{t('sim.intro')}</Paragraph>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        {general && <Alert data-color="danger">{general}</Alert>}
        <div className="form-grid">
          <FilterSelect
            id="sim-model"
            label={t('sim.model')}
            value={model}
            onChange={(v) => setModel(v as CostModelKind | '')}
            empty={`${t('sim.keepModel')} (${codes.model(currentModel)})`}
            options={TRYABLE.map((m) => [m, codes.model(m)])}
          />
          <ParamFields
            fields={fields}
            value={(f) => typed[f] ?? ''}
            onChange={(f, v) => setTyped((x) => ({ ...x, [f]: v }))}
            error={at}
          />
          <MunicipalityCombobox
            id="sim-add"
            label={t('sim.add')}
            municipalities={municipalities.filter((m) => !current.has(m.kommunenummer))}
            value={add}
            onChange={setAdd}
            error={at('add')}
          />
          <Textfield
            label={t('sim.investment')}
            inputMode="decimal"
            value={investment}
            onChange={(e) => setInvestment(e.target.value)}
            error={at('investment')}
          />
          <Checkbox label={t('sim.shared')} checked={shared} onChange={(e) => setShared(e.target.checked)} />
        </div>
        <Paragraph data-size="sm" className="muted">
          {fields.length === 0
            ? t('sim.listParams', { model: codes.model(kind) })
            : model === ''
              ? t('sim.asAgreed', { model: codes.model(kind) })
              : null}
        </Paragraph>
        <Fieldset>
          <Fieldset.Legend>{t('sim.remove')}</Fieldset.Legend>
          <div className="checkbox-grid">
            {parties
              .filter((p) => p.role === 'PARTNER')
              .map((p) => (
                <Checkbox
                  key={p.kommunenummer}
                  label={p.name}
                  checked={remove.includes(p.kommunenummer)}
                  onChange={(e) =>
                    setRemove((r) =>
                      e.target.checked ? [...r, p.kommunenummer] : r.filter((x) => x !== p.kommunenummer),
                    )
                  }
                />
              ))}
          </div>
        </Fieldset>
        <Button type="submit" disabled={running} aria-busy={running}>
          {running ? t('sim.running') : t('sim.run')}
        </Button>
      </form>

      {res && (
        <div
          role="status"
          className={`block${stale ? ' stale' : ''}`}
          data-testid="simulation-result"
          data-stale={stale}
        >
          <Heading level={3} data-size="xs">
            {t('sim.result')}
          </Heading>
          {stale && (
            <Alert data-color="warning" data-testid="simulation-stale">
              {t('sim.stale')}
            </Alert>
          )}
          <Paragraph data-testid="simulation-summary">{simulationSummary(res)}</Paragraph>
          {/* Stale: a dashed frame and the notice above (not faded: the figures must stay readable). */}
          <ScrollTable label={t('sim.result')}>
            <Table
              zebra
              border
              data-size="sm"
              style={
                stale ? { outline: '3px dashed var(--ds-color-warning-border-default)', outlineOffset: 2 } : undefined
              }
            >
              <caption className="visually-hidden">{t('sim.result')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('costs.col.party')}</Table.HeaderCell>
                  <Table.HeaderCell style={{ textAlign: 'right' }}>{t('sim.before')}</Table.HeaderCell>
                  <Table.HeaderCell style={{ textAlign: 'right' }}>{t('sim.after')}</Table.HeaderCell>
                  <Table.HeaderCell style={{ textAlign: 'right' }}>{t('sim.difference')}</Table.HeaderCell>
                  <Table.HeaderCell style={{ textAlign: 'right' }}>{t('sim.perInhBefore')}</Table.HeaderCell>
                  <Table.HeaderCell style={{ textAlign: 'right' }}>{t('sim.perInhAfter')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {res.differences.map((d) => (
                  <Table.Row key={d.municipality.kommunenummer}>
                    <Table.Cell>{d.municipality.name}</Table.Cell>
                    <Table.Cell style={{ textAlign: 'right' }}>
                      {money(d.beforeOre, t('sim.notPartyBefore'))}
                    </Table.Cell>
                    <Table.Cell style={{ textAlign: 'right' }}>{money(d.afterOre, t('sim.notPartyAfter'))}</Table.Cell>
                    <Table.Cell
                      style={{ textAlign: 'right' }}
                      className={d.differenceOre > 0 ? 'diff-up' : d.differenceOre < 0 ? 'diff-down' : ''}
                    >
                      {d.differenceOre > 0 ? '+' : ''}
                      {formatOre(d.differenceOre, true)}
                    </Table.Cell>
                    <Table.Cell style={{ textAlign: 'right' }}>{money(d.beforePerInhabitantOre, '–')}</Table.Cell>
                    <Table.Cell style={{ textAlign: 'right' }}>{money(d.afterPerInhabitantOre, '–')}</Table.Cell>
                  </Table.Row>
                ))}
                <Table.Row data-testid="simulation-total">
                  <Table.HeaderCell>{t('sim.total')}</Table.HeaderCell>
                  <Table.Cell style={{ textAlign: 'right' }}>
                    {formatOre(sumOf(res.differences.map((d) => d.beforeOre)), true)}
                  </Table.Cell>
                  <Table.Cell style={{ textAlign: 'right' }}>
                    {formatOre(sumOf(res.differences.map((d) => d.afterOre)), true)}
                  </Table.Cell>
                  <Table.Cell style={{ textAlign: 'right' }}>
                    {formatOre(sumOf(res.differences.map((d) => d.differenceOre)), true)}
                  </Table.Cell>
                  <Table.Cell />
                  <Table.Cell />
                </Table.Row>
              </Table.Body>
            </Table>
          </ScrollTable>
          <Paragraph data-size="sm" className="muted">
            {t('sim.totalNote', {
              budget: formatOre(res.after.budgetOre, true),
              extra: afterExtra ? t('sim.totalExtra', { extra: formatOre(afterExtra, true) }) : '',
            })}
          </Paragraph>
          {res.noteCodes.map((n) => (
            <Paragraph key={n} data-size="sm" className="muted">
              {codes.simulationNote(n)}
            </Paragraph>
          ))}
          {res.peerRates.length > 0 && (
            <>
              <Heading level={3} data-size="xs">
                {t('sim.peers')}
              </Heading>
              <ul className="peer-list">
                {res.peerRates.map((p) => (
                  <li key={p.centreName}>
                    {p.centreName} ({p.year}): {formatKroner(p.krPerInhabitant)}
                    {p.distanceKm !== null && p.distanceKm !== undefined && (
                      <span className="muted"> · {t('sim.distance', { km: formatDecimal(p.distanceKm, 0) })}</span>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}
