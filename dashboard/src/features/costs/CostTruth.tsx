import { useState } from 'react';
import { useQuery } from 'urql';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Alert, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { FilterSelect } from '../../components/FilterSelect';
import { ScrollTable } from '../../components/ScrollTable';
import { Loading, QueryError, QueryState } from '../../components/States';
import { useI18n } from '../../i18n/i18n';
import { useCodeText } from '../../i18n/codes';
import { formatDecimal, formatKroner, formatOre } from '../../lib/format';
import { InvestmentSummaryQuery, MunicipalityTrendQuery, UsageStatisticsQuery } from './costs.graphql';

const right = { textAlign: 'right' } as const;
const TEXT = { fill: 'var(--ds-color-neutral-text-default)', fontSize: 12 };

/** A host share below zero (the partners' rates add up to more than the budget) is said, not passed over. */
export function NegativeHostNote({ parties }: { parties: readonly { role: string; allocatedOre: number }[] }) {
  const { t } = useI18n();
  const host = parties.find((p) => p.role === 'HOST');
  if (!host || host.allocatedOre >= 0) return null;
  return (
    <Alert data-color="warning" data-testid="negative-host">
      {t('costs.negativeHost', { amount: formatOre(host.allocatedOre) })}
    </Alert>
  );
}

/** «Kilde: Statistisk sentralbyrå (SSB), ssb.no (2023-06-15)» in the UI language, the address as a link. */
export function KostraSourceNote({
  source,
}: {
  source: { sourceKind: string; sourceUrl?: string | null; sourceDate?: string | null };
}) {
  const codes = useCodeText();
  const host = source.sourceUrl ? new URL(source.sourceUrl).hostname.replace(/^www\./, '') : null;
  return (
    <span className="muted" data-testid="kostra-source">
      {codes.kostraSource(source.sourceKind)}
      {host && (
        <>
          , <a href={source.sourceUrl!}>{host}</a>
        </>
      )}
      {source.sourceDate && ` (${source.sourceDate})`}
    </span>
  );
}

interface HostFigures {
  year: number;
  hostDepreciationOre?: number | null;
  hostPerInhabitantWithInvestmentsOre?: number | null;
  hostPartnerRatio?: number | null;
  hostPartnerRatioWithInvestments?: number | null;
  parties: readonly { role: string; perInhabitantOre?: number | null }[];
}

/** What the host carried alone over five years, and its kr per inhabitant with and without it (depreciated). */
export function InvestmentPanel({ centreId, d }: { centreId: string; d: HostFigures }) {
  const { t } = useI18n();
  const [summary] = useQuery({
    query: InvestmentSummaryQuery,
    variables: { centreId, fromYear: d.year - 4, toYear: d.year },
  });
  const s = summary.data?.investmentSummary;
  const host = d.parties.find((p) => p.role === 'HOST');
  const ratio = (r: number | null | undefined) => (r === null || r === undefined ? '–' : formatDecimal(r, 1));
  return (
    <section aria-labelledby="investments-heading" className="block" data-testid="investment-panel">
      <Heading level={2} data-size="sm" id="investments-heading">
        {t('costs.investments')}
      </Heading>
      {s && (
        <Paragraph>
          {t('costs.investmentSummary', {
            from: s.fromYear,
            to: s.toYear,
            total: formatOre(s.totalOre),
            hostAlone: formatOre(s.hostAloneOre),
            share: `${formatDecimal(s.hostAloneShare * 100, 0)} %`,
            shared: formatOre(s.sharedOre),
          })}
        </Paragraph>
      )}
      {d.hostDepreciationOre && host?.perInhabitantOre != null && d.hostPerInhabitantWithInvestmentsOre != null ? (
        <Paragraph data-testid="host-with-investments">
          {t('costs.hostWithInvestments', {
            year: d.year,
            without: formatOre(host.perInhabitantOre, true),
            with: formatOre(d.hostPerInhabitantWithInvestmentsOre, true),
            dep: formatOre(d.hostDepreciationOre),
            ratioWithout: ratio(d.hostPartnerRatio),
            ratioWith: ratio(d.hostPartnerRatioWithInvestments),
          })}
        </Paragraph>
      ) : (
        <Paragraph data-size="sm" className="muted">
          {t('costs.noHostInvestments', { year: d.year })}
        </Paragraph>
      )}
    </section>
  );
}

type Cell = { value?: number | null; suppressed: boolean };

/** Use per member municipality, with counts under the threshold suppressed (as the API gives them). */
export function UsageTable({ centreId, year }: { centreId: string; year: number }) {
  const { t } = useI18n();
  const [r, reexecute] = useQuery({ query: UsageStatisticsQuery, variables: { centreId, year } });
  const u = r.data?.usageStatistics;
  const cell = (c: Cell) =>
    c.suppressed ? t('costs.usage.suppressed', { threshold: u!.threshold }) : (c.value ?? 0).toLocaleString('nb-NO');
  const columns = ['stays', 'nights', 'dayVisits', 'phoneContacts'] as const;
  const headers = {
    stays: 'costs.usage.stays',
    nights: 'costs.usage.nights',
    dayVisits: 'costs.usage.dayVisits',
    phoneContacts: 'costs.usage.phone',
  } as const;
  return (
    <section aria-labelledby="usage-heading" className="block">
      <Heading level={2} data-size="sm" id="usage-heading">
        {t('costs.usage', { year })}
      </Heading>
      {r.error || !u ? (
        <QueryState result={r} reexecute={reexecute} size="sm" />
      ) : u.rows.length === 0 ? (
        <Paragraph data-size="sm">{t('costs.usage.none')}</Paragraph>
      ) : (
        <>
          <ScrollTable label={t('costs.usage', { year })}>
            <Table zebra border data-size="sm" data-testid="usage-table">
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('costs.col.party')}</Table.HeaderCell>
                  {columns.map((c) => (
                    <Table.HeaderCell key={c} style={right}>
                      {t(headers[c])}
                    </Table.HeaderCell>
                  ))}
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {u.rows.map((row) => (
                  <Table.Row key={row.municipality.kommunenummer}>
                    <Table.Cell>{row.municipality.name}</Table.Cell>
                    {columns.map((c) => (
                      <Table.Cell key={c} style={right}>
                        {cell(row[c])}
                      </Table.Cell>
                    ))}
                  </Table.Row>
                ))}
                <Table.Row>
                  <Table.HeaderCell>{t('costs.usage.total')}</Table.HeaderCell>
                  {columns.map((c) => (
                    <Table.Cell key={c} style={right}>
                      {u.totals[c].suppressed ? '–' : cell(u.totals[c])}
                    </Table.Cell>
                  ))}
                </Table.Row>
              </Table.Body>
            </Table>
          </ScrollTable>
          <Paragraph data-size="sm" className="muted">
            {t('costs.usageNote', { threshold: u.threshold })}
          </Paragraph>
        </>
      )}
    </section>
  );
}

/** One municipality's own kr per inhabitant at this centre, year by year, beside that year's national average. */
export function MunicipalityTrend({
  centreId,
  parties,
  fromYear,
  toYear,
  national,
}: {
  centreId: string;
  parties: readonly { kommunenummer: string; name: string }[];
  fromYear: number;
  toYear: number;
  national: readonly { year: number; nationalAverageKr?: number | null }[];
}) {
  const { t } = useI18n();
  const codes = useCodeText();
  const [kommunenummer, setKommunenummer] = useState(parties[0]?.kommunenummer ?? '');
  const [r] = useQuery({
    query: MunicipalityTrendQuery,
    variables: { kommunenummer, fromYear, toYear },
    pause: !kommunenummer,
  });
  const gaps = (r.data?.municipalityCosts.gapCodes ?? []).filter((g) => g.year >= fromYear && g.year <= toYear);
  const points = (r.data?.municipalityCosts.years ?? [])
    .filter((y) => y.centreId === centreId && y.perInhabitantOre !== null && y.perInhabitantOre !== undefined)
    .map((y) => ({
      year: y.year,
      ownKr: y.perInhabitantOre! / 100,
      nationalKr: national.find((n) => n.year === y.year)?.nationalAverageKr ?? null,
    }));
  return (
    <section aria-labelledby="own-trend-heading" className="block">
      <Heading level={2} data-size="sm" id="own-trend-heading">
        {t('costs.ownTrend')}
      </Heading>
      <div className="filters">
        <FilterSelect
          id="own-trend-municipality"
          label={t('costs.ownTrendMunicipality')}
          value={kommunenummer}
          onChange={setKommunenummer}
          options={parties.map((p) => [p.kommunenummer, p.name])}
        />
      </div>
      {r.error ? (
        <QueryError error={r.error} />
      ) : !r.data ? (
        <Loading size="sm" />
      ) : (
        <figure className="chart" aria-label={t('costs.ownTrend')}>
          <div aria-hidden="true" style={{ width: '100%', height: 260 }}>
            <ResponsiveContainer>
              <LineChart data={points} margin={{ left: 24, right: 24, top: 16 }} accessibilityLayer={false}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="year" tick={TEXT} />
                <YAxis tick={TEXT} width={70} />
                <Tooltip formatter={(v) => formatKroner(Number(v))} />
                <Legend />
                <Line
                  dataKey="ownKr"
                  name={t('costs.series.own')}
                  stroke="var(--ds-color-accent-base-default)"
                  strokeWidth={2}
                  isAnimationActive={false}
                />
                <Line
                  dataKey="nationalKr"
                  name={t('costs.series.national')}
                  stroke="var(--ds-color-danger-base-default)"
                  strokeDasharray="6 3"
                  isAnimationActive={false}
                />
              </LineChart>
            </ResponsiveContainer>
          </div>
          <ScrollTable label={t('costs.ownTrend')}>
            <Table data-size="sm" data-testid="own-trend-table">
              <caption className="visually-hidden">{t('costs.ownTrend')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('costs.col.year')}</Table.HeaderCell>
                  <Table.HeaderCell style={right}>{t('costs.series.own')}</Table.HeaderCell>
                  <Table.HeaderCell style={right}>{t('costs.series.national')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {points.map((p) => (
                  <Table.Row key={p.year}>
                    <Table.Cell>{p.year}</Table.Cell>
                    <Table.Cell style={right}>{formatKroner(p.ownKr)}</Table.Cell>
                    <Table.Cell style={right}>{p.nationalKr === null ? '–' : formatKroner(p.nationalKr)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </ScrollTable>
          {gaps.length > 0 && (
            <div className="muted" data-testid="own-trend-gaps">
              <Paragraph data-size="sm">{t('costGap.heading')}</Paragraph>
              <ul>
                {gaps.map((g) => (
                  <li key={`${g.year}-${g.code}-${g.centreName ?? ''}`}>{codes.costGap(g)}</li>
                ))}
              </ul>
            </div>
          )}
        </figure>
      )}
    </section>
  );
}
