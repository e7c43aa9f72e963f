import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
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

const totalOf = (d: PartyBar) => d.allocatedKr + d.extraKr;
/** Values on the bars, beside them, in kroner. */
const valueLabel = {
  position: 'right' as const,
  ...TEXT,
  formatter: (v: unknown) => (v === null || v === undefined ? '' : formatKroner(Number(v))),
};

/** Who pays what: stacked allocation + extra charges per party (kr). */
export function WhoPaysChart({ data }: { data: PartyBar[] }) {
  const { t } = useI18n();

  return (
    <figure className="chart" aria-label={t('costs.whoPays')}>
      <div aria-hidden="true" style={{ width: '100%', height: Math.max(240, data.length * 28 + 60) }}>
        <ResponsiveContainer>
          <BarChart
            data={data.map((d) => ({
              ...d,
              labelOnAllocated: d.extraKr > 0 ? null : totalOf(d),
              labelOnExtra: d.extraKr > 0 ? totalOf(d) : null,
            }))}
            layout="vertical"
            margin={{ left: 16, right: 110 }}
            accessibilityLayer={false}
          >
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" tick={TEXT} tickFormatter={(v: number) => formatInteger(v)} />
            <YAxis type="category" dataKey="name" width={110} interval={0} tick={TEXT} />
            <Tooltip formatter={(v) => formatKroner(Number(v))} />
            <Legend formatter={legend} />
            {/* The total at the end of each bar: on its last segment (an empty segment draws no label). */}
            <Bar
              dataKey="allocatedKr"
              name={t('costs.series.allocated')}
              stackId="a"
              fill="var(--ds-color-accent-base-default)"
              isAnimationActive={false}
            >
              <LabelList dataKey="labelOnAllocated" {...valueLabel} />
            </Bar>
            <Bar
              dataKey="extraKr"
              name={t('costs.series.extra')}
              stackId="a"
              fill="var(--ds-color-warning-base-default)"
              isAnimationActive={false}
            >
              <LabelList dataKey="labelOnExtra" {...valueLabel} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

/** Kr per inhabitant per party, with the national average of the year (or the nearest earlier) as a reference line. */
export function PerInhabitantChart({
  data,
  national,
}: {
  data: PartyBar[];
  national: { year: number; krPerInhabitant: number } | null;
}) {
  const { t } = useI18n();
  return (
    <figure className="chart" aria-label={t('costs.perInhabitant')}>
      <div aria-hidden="true" style={{ width: '100%', height: Math.max(240, data.length * 28 + 60) }}>
        <ResponsiveContainer>
          <BarChart data={data} layout="vertical" margin={{ left: 16, right: 80, top: 28 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" tick={TEXT} />
            <YAxis type="category" dataKey="name" width={110} interval={0} tick={TEXT} />
            <Tooltip formatter={(v) => formatKroner(Number(v))} />
            <Legend formatter={legend} />
            <Bar
              dataKey="perInhabitantKr"
              name={t('costs.series.perInhabitant')}
              fill="var(--ds-color-accent-base-default)"
              isAnimationActive={false}
            >
              <LabelList dataKey="perInhabitantKr" {...valueLabel} />
            </Bar>
            {national !== null && (
              // Room above the plot (top margin) keeps the label whole; the axis grows to show the line.
              <ReferenceLine
                x={national.krPerInhabitant}
                ifOverflow="extendDomain"
                stroke="var(--ds-color-danger-base-default)"
                strokeDasharray="6 3"
                label={{
                  value: t('costs.nationalLabel', { year: national.year, kr: formatKroner(national.krPerInhabitant) }),
                  position: 'top',
                  ...TEXT,
                }}
              />
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
            <Line
              dataKey="hostKr"
              name={t('costs.series.host')}
              stroke="var(--ds-color-accent-base-default)"
              strokeWidth={2}
              isAnimationActive={false}
            />
            <Line
              dataKey="partnersKr"
              name={t('costs.series.partners')}
              stroke="var(--ds-color-warning-base-default)"
              strokeWidth={2}
              isAnimationActive={false}
            />
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
