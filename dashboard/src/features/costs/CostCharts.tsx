import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Details, Table } from '@digdir/designsystemet-react';
import { useI18n } from '../../i18n/i18n';
import { formatInteger, formatKroner } from '../../lib/format';
import { ScrollTable } from '../../components/ScrollTable';

const TEXT = { fill: 'var(--ds-color-neutral-text-default)', fontSize: 12 };
const legend = (value: string) => <span style={{ color: 'var(--ds-color-neutral-text-default)' }}>{value}</span>;

export interface PartyBar {
  name: string;
  allocatedKr: number;
  extraKr: number;
  perInhabitantKr: number | null;
  role: 'HOST' | 'PARTNER';
}

/** Who pays what: stacked allocation + extra charges per party (kr). */
export function WhoPaysChart({ data }: { data: PartyBar[] }) {
  const { t } = useI18n();
  return (
    <figure className="chart" aria-label={t('costs.whoPays')}>
      <div aria-hidden="true" style={{ width: '100%', height: Math.max(240, data.length * 28 + 60) }}>
        <ResponsiveContainer>
          <BarChart data={data} layout="vertical" margin={{ left: 16, right: 24 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" tick={TEXT} tickFormatter={(v: number) => formatInteger(v)} />
            <YAxis type="category" dataKey="name" width={110} interval={0} tick={TEXT} />
            <Tooltip formatter={(v) => formatKroner(Number(v))} />
            <Legend formatter={legend} />
            <Bar dataKey="allocatedKr" name={t('costs.series.allocated')} stackId="a" fill="var(--ds-color-accent-base-default)" isAnimationActive={false} />
            <Bar dataKey="extraKr" name={t('costs.series.extra')} stackId="a" fill="var(--ds-color-warning-base-default)" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

/** Kr per inhabitant per party, with the national average as a reference line. */
export function PerInhabitantChart({ data, nationalKr }: { data: PartyBar[]; nationalKr: number | null }) {
  const { t } = useI18n();
  return (
    <figure className="chart" aria-label={t('costs.perInhabitant')}>
      <div aria-hidden="true" style={{ width: '100%', height: Math.max(240, data.length * 28 + 60) }}>
        <ResponsiveContainer>
          <BarChart data={data} layout="vertical" margin={{ left: 16, right: 24 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" tick={TEXT} />
            <YAxis type="category" dataKey="name" width={110} interval={0} tick={TEXT} />
            <Tooltip formatter={(v) => formatKroner(Number(v))} />
            <Legend formatter={legend} />
            <Bar dataKey="perInhabitantKr" name={t('costs.series.perInhabitant')} fill="var(--ds-color-accent-base-default)" isAnimationActive={false} />
            {nationalKr !== null && (
              <ReferenceLine x={nationalKr} stroke="var(--ds-color-danger-base-default)" strokeDasharray="6 3" label={{ value: t('costs.series.national'), position: 'top', ...TEXT }} />
            )}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

export interface TrendPoint {
  year: number;
  hostKr: number;
  partnersKr: number;
  budgetKr: number;
}

export function TrendChart({ data }: { data: TrendPoint[] }) {
  const { t } = useI18n();
  return (
    <figure className="chart" aria-label={t('costs.trend')}>
      <div aria-hidden="true" style={{ width: '100%', height: 280 }}>
        <ResponsiveContainer>
          <LineChart data={data} margin={{ left: 24, right: 24 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="year" tick={TEXT} />
            <YAxis tick={TEXT} tickFormatter={(v: number) => formatInteger(v)} width={90} />
            <Tooltip formatter={(v) => formatKroner(Number(v))} />
            <Legend formatter={legend} />
            <Line dataKey="hostKr" name={t('costs.series.host')} stroke="var(--ds-color-accent-base-default)" strokeWidth={2} isAnimationActive={false} />
            <Line dataKey="partnersKr" name={t('costs.series.partners')} stroke="var(--ds-color-warning-base-default)" strokeWidth={2} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <Details>
        <Details.Summary>{t('costs.asTable')}</Details.Summary>
        <Details.Content>
          <ScrollTable label={t('costs.trend')}>
          <Table data-size="sm">
            <caption>{t('costs.trend')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('costs.col.year')}</Table.HeaderCell>
                <Table.HeaderCell style={{ textAlign: 'right' }}>{t('costs.col.budget')}</Table.HeaderCell>
                <Table.HeaderCell style={{ textAlign: 'right' }}>{t('costs.col.host')}</Table.HeaderCell>
                <Table.HeaderCell style={{ textAlign: 'right' }}>{t('costs.col.partners')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {data.map((d) => (
                <Table.Row key={d.year}>
                  <Table.Cell>{d.year}</Table.Cell>
                  <Table.Cell style={{ textAlign: 'right' }}>{formatKroner(d.budgetKr)}</Table.Cell>
                  <Table.Cell style={{ textAlign: 'right' }}>{formatKroner(d.hostKr)}</Table.Cell>
                  <Table.Cell style={{ textAlign: 'right' }}>{formatKroner(d.partnersKr)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          </ScrollTable>
        </Details.Content>
      </Details>
    </figure>
  );
}
