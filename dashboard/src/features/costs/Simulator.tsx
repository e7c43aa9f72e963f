import { useState } from 'react';
import { useClient } from 'urql';
import { Alert, Button, Checkbox, Field, Fieldset, Heading, Label, Paragraph, Select, Table, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { COST_MODEL_LABELS, COST_MODELS, type CostModelKind } from '@samordna/domain';
import type { SimulateQuery } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import { fieldErrors, unplacedErrors } from '../../lib/errors';
import { formatKroner, formatOre } from '../../lib/format';
import { SimulationQuery } from './costs.graphql';
import type { CombinedError } from 'urql';
import { ScrollTable } from '../../components/ScrollTable';

/**
 * The server's field errors (input. dropped) shown at a field of the form: the rate also takes what is
 * wrong with the chosen model. Any other (removeMunicipalities.N, the stored terms' budget, parties or
 * model) goes in the alert above the form.
 */
const AT = {
  rate: ['terms.rateOre', 'terms.model.rateOre', 'terms.model'],
  hostShare: ['terms.hostShareBp', 'terms.model.hostShareBp'],
  add: ['addMunicipalities.0'],
  investment: ['investment.amountOre'],
} as const;
const SHOWN: readonly string[] = Object.values(AT).flat();

interface Props {
  centreId: string;
  year: number;
  parties: { kommunenummer: string; name: string; role: string }[];
  municipalities: { kommunenummer: string; name: string }[];
}

/** The negotiation simulator: asks the server what a change would do; writes nothing. */
export function Simulator({ centreId, year, parties, municipalities }: Props) {
  const { t, locale } = useI18n();
  const client = useClient();
  const [model, setModel] = useState<CostModelKind | ''>('');
  const [rate, setRate] = useState('');
  const [hostShare, setHostShare] = useState('');
  const [remove, setRemove] = useState<string[]>([]);
  const [add, setAdd] = useState('');
  const [investment, setInvestment] = useState('');
  const [shared, setShared] = useState(true);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<CombinedError | null>(null);
  const [result, setResult] = useState<SimulateQuery['simulateCostSharing'] | null>(null);
  const errors = fieldErrors(error);
  const at = (field: keyof typeof AT) => AT[field].map((key) => errors[key]).find(Boolean);
  const general = unplacedErrors(error, t('error.network'), SHOWN).join(' ');
  const number = (s: string) => (s.trim() === '' ? null : Number(s.replace(/\s/g, '').replace(',', '.')));

  async function run() {
    setRunning(true);
    const rateKr = number(rate);
    const inv = number(investment);
    const terms = model
      ? {
          model,
          rateOre: rateKr === null ? null : Math.round(rateKr * 100),
          hostShareBp: number(hostShare) === null ? null : Math.round(number(hostShare)! * 100),
          usageWeightBp: model === 'USAGE_ADJUSTED' ? 5000 : null,
        }
      : null;
    const r = await client
      .query(SimulationQuery, {
        input: {
          centreId,
          year,
          terms,
          removeMunicipalities: remove,
          addMunicipalities: add ? [add] : [],
          investment: inv === null ? null : { amountOre: Math.round(inv * 100), shared },
        },
      }, { requestPolicy: 'network-only' })
      .toPromise();
    setRunning(false);
    setError(r.error ?? null);
    setResult(r.data?.simulateCostSharing ?? null);
  }

  const current = new Set(parties.map((p) => p.kommunenummer));
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
          <Field>
            <Label htmlFor="sim-model">{t('sim.model')}</Label>
            <Select id="sim-model" value={model} onChange={(e) => setModel(e.target.value as CostModelKind | '')}>
              <Select.Option value="">{t('sim.keepModel')}</Select.Option>
              {COST_MODELS.filter((m) => m !== 'LUMP_SUMS' && m !== 'FIXED_SHARES').map((m) => (
                <Select.Option key={m} value={m}>
                  {COST_MODEL_LABELS[m][locale]}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Textfield label={t('sim.rate')} inputMode="decimal" value={rate} onChange={(e) => setRate(e.target.value)} error={at('rate')} />
          <Textfield label={t('sim.hostShare')} inputMode="decimal" value={hostShare} onChange={(e) => setHostShare(e.target.value)} error={at('hostShare')} />
          <Field>
            <Label htmlFor="sim-add">{t('sim.add')}</Label>
            <Select id="sim-add" value={add} onChange={(e) => setAdd(e.target.value)} aria-invalid={!!at('add')}>
              <Select.Option value="">{t('sim.none')}</Select.Option>
              {municipalities
                .filter((m) => !current.has(m.kommunenummer))
                .map((m) => (
                  <Select.Option key={m.kommunenummer} value={m.kommunenummer}>
                    {m.name}
                  </Select.Option>
                ))}
            </Select>
            {at('add') && <ValidationMessage>{at('add')}</ValidationMessage>}
          </Field>
          <Textfield label={t('sim.investment')} inputMode="decimal" value={investment} onChange={(e) => setInvestment(e.target.value)} error={at('investment')} />
          <Checkbox label={t('sim.shared')} checked={shared} onChange={(e) => setShared(e.target.checked)} />
        </div>
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
                  onChange={(e) => setRemove((r) => (e.target.checked ? [...r, p.kommunenummer] : r.filter((x) => x !== p.kommunenummer)))}
                />
              ))}
          </div>
        </Fieldset>
        <Button type="submit" disabled={running} aria-busy={running}>
          {running ? t('sim.running') : t('sim.run')}
        </Button>
      </form>

      {result && (
        <div role="status" className="block" data-testid="simulation-result">
          <Heading level={3} data-size="xs">
            {t('sim.result')}
          </Heading>
          <ScrollTable label={t('sim.result')}>
          <Table zebra border data-size="sm">
            <caption className="visually-hidden">{t('sim.result')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('costs.col.party')}</Table.HeaderCell>
                <Table.HeaderCell style={{ textAlign: 'right' }}>{t('sim.before')}</Table.HeaderCell>
                <Table.HeaderCell style={{ textAlign: 'right' }}>{t('sim.after')}</Table.HeaderCell>
                <Table.HeaderCell style={{ textAlign: 'right' }}>{t('sim.difference')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {result.differences.map((d) => (
                <Table.Row key={d.municipality.kommunenummer}>
                  <Table.Cell>{d.municipality.name}</Table.Cell>
                  <Table.Cell style={{ textAlign: 'right' }}>{d.beforeOre === null || d.beforeOre === undefined ? t('sim.notPartyBefore') : formatOre(d.beforeOre)}</Table.Cell>
                  <Table.Cell style={{ textAlign: 'right' }}>{d.afterOre === null || d.afterOre === undefined ? t('sim.notPartyAfter') : formatOre(d.afterOre)}</Table.Cell>
                  <Table.Cell style={{ textAlign: 'right' }} className={d.differenceOre > 0 ? 'diff-up' : d.differenceOre < 0 ? 'diff-down' : ''}>
                    {d.differenceOre > 0 ? '+' : ''}
                    {formatOre(d.differenceOre)}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          </ScrollTable>
          {result.notes.map((n) => (
            <Paragraph key={n} data-size="sm" className="muted">
              {n}
            </Paragraph>
          ))}
          {result.peerRates.length > 0 && (
            <>
              <Heading level={3} data-size="xs">
                {t('sim.peers')}
              </Heading>
              <ul className="peer-list">
                {result.peerRates.map((p) => (
                  <li key={p.centreName}>
                    {p.centreName} ({p.year}): {formatKroner(p.krPerInhabitant)}
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
