import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Table } from '@digdir/designsystemet-react';
import { useI18n } from '../../i18n/i18n';
import { ScrollTable } from '../../components/ScrollTable';

export interface CountyBar {
  label: string;
  critical: number;
  warning: number;
  info: number;
  ok: number;
  notRegistered: number;
}

const SERIES = [
  ['critical', 'CRITICAL'],
  ['warning', 'WARNING'],
  ['info', 'INFO'],
  ['ok', 'OK'],
  ['notRegistered', 'NOT_REGISTERED'],
] as const;

/** Draws the server's per-county counts; a table alternative sits beside it. */
export function CountyChart({ data }: { data: CountyBar[] }) {
  const { t } = useI18n();
  return (
    <figure className="chart">
      <div aria-hidden="true" style={{ width: '100%', height: 420 }}>
        <ResponsiveContainer>
          <BarChart data={data} layout="vertical" margin={{ left: 24, right: 16 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="label" width={130} interval={0} tick={{ fontSize: 12, fill: 'var(--ds-color-neutral-text-default)' }} />
            <Tooltip />
            {/* In severity order (the bars' order), not alphabetical. */}
            <Legend itemSorter={null} formatter={(value) => <span style={{ color: 'var(--ds-color-neutral-text-default)' }}>{value}</span>} />
            {SERIES.map(([key, sev]) => (
              <Bar key={key} dataKey={key} name={t(`severity.${sev}`)} stackId="a" fill={`var(--sev-${sev})`} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <details>
        <summary>{t('overview.chartCountiesTable')}</summary>
        <ScrollTable label={t('overview.chartCounties')}>
        <Table data-size="sm">
          <caption>{t('overview.chartCounties')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('map.col.county')}</Table.HeaderCell>
              {SERIES.map(([key, sev]) => (
                <Table.HeaderCell key={key} style={{ textAlign: 'right' }}>
                  {t(`severity.${sev}`)}
                </Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {data.map((d) => (
              <Table.Row key={d.label}>
                <Table.Cell>{d.label}</Table.Cell>
                {SERIES.map(([key]) => (
                  <Table.Cell key={key} style={{ textAlign: 'right' }}>
                    {d[key]}
                  </Table.Cell>
                ))}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
        </ScrollTable>
      </details>
    </figure>
  );
}
