import { Table } from '@digdir/designsystemet-react';
import { useI18n } from '../../i18n/i18n';
import { ScrollTable } from '../../components/ScrollTable';
import './CountyChart.css';

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

/** The scale: a round step (at most six lines across) and its end, the first step at or above the largest bar. */
function scaleFor(max: number): { end: number; ticks: number[] } {
  const step = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500].find((s) => max / s <= 6) ?? Math.ceil(max / 6);
  const end = Math.max(step, Math.ceil(max / step) * step);
  return { end, ticks: Array.from({ length: end / step + 1 }, (_, i) => i * step) };
}

/**
 * Draws the server's per-county counts as stacked bars, in plain HTML and CSS (no chart library on
 * the start page: it is the first page most open); a table alternative sits beside it.
 */
export function CountyChart({ data }: { data: CountyBar[] }) {
  const { t } = useI18n();
  const { end, ticks } = scaleFor(Math.max(0, ...data.map((d) => SERIES.reduce((n, [key]) => n + d[key], 0))));
  const pct = (v: number) => `${(v / end) * 100}%`;
  return (
    <figure className="chart">
      <div aria-hidden="true" className="county-chart" data-testid="county-chart">
        <ul className="county-chart-legend">
          {SERIES.map(([key, sev]) => (
            <li key={key}>
              <span className={`county-chart-swatch sev-${sev}`} />
              {t(`severity.${sev}`)}
            </li>
          ))}
        </ul>
        <div className="county-chart-plot">
          {data.map((d) => (
            <div className="county-chart-row" key={d.label}>
              <span className="county-chart-label">{d.label}</span>
              <span className="county-chart-track">
                {ticks.map((v) => (
                  <span key={v} className="county-chart-grid" style={{ left: pct(v) }} />
                ))}
                {SERIES.map(([key, sev]) =>
                  d[key] > 0 ? (
                    <span
                      key={key}
                      className={`county-chart-bar sev-${sev}`}
                      style={{ width: pct(d[key]) }}
                      title={`${d.label}: ${t(`severity.${sev}`)} ${d[key]}`}
                    />
                  ) : null,
                )}
              </span>
            </div>
          ))}
          <div className="county-chart-row county-chart-axis">
            <span className="county-chart-label" />
            <span className="county-chart-track">
              {ticks.map((v) => (
                <span key={v} className="county-chart-tick" style={{ left: pct(v) }}>
                  {v}
                </span>
              ))}
            </span>
          </div>
        </div>
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
