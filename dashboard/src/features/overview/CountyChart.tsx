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

/** Height of one county's bar band (px): room for a 12 px label with space above and below. */
const BAND = 28;
/** A generous width per character of a 12 px label, so the widest county name fits on one line. */
const CHAR_PX = 7.2;

/**
 * A county name on one line, right-aligned against the axis. Recharts' own tick wraps a name it
 * measures as too wide («Møre og / Romsdal»), and the two lines then ran into the neighbours.
 */
function CountyTick({ x, y, payload }: { x?: number | string; y?: number | string; payload?: { value: string } }) {
  return (
    <text x={Number(x)} y={Number(y)} dy={4} textAnchor="end" fontSize={12} fill="var(--ds-color-neutral-text-default)">
      {payload?.value}
    </text>
  );
}

/** Draws the server's per-county counts; a table alternative sits beside it. */
export function CountyChart({ data }: { data: CountyBar[] }) {
  const { t } = useI18n();
  // Tall enough that every band holds its label; wide enough on the left for the longest name.
  const height = data.length * BAND + 110;
  const labelWidth = Math.ceil(Math.max(40, ...data.map((d) => d.label.length * CHAR_PX)) + 10);
  return (
    <figure className="chart">
      <div aria-hidden="true" style={{ width: '100%', height }}>
        <ResponsiveContainer>
          <BarChart data={data} layout="vertical" margin={{ left: 4, right: 16 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12, fill: 'var(--ds-color-neutral-text-default)' }} />
            <YAxis type="category" dataKey="label" width={labelWidth} interval={0} tick={<CountyTick />} />
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
