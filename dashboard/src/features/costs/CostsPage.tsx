import { useMemo } from 'react';
import { FilterSelect } from '../../components/FilterSelect';
import { useQuery } from 'urql';
import { Alert, Details, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { ExampleTag } from '../../components/ExampleTag';
import { Loading, QueryError, QueryState } from '../../components/States';
import { todayInNorway } from '@samordna/domain';
import { useI18n } from '../../i18n/i18n';
import { PartyNameCell } from '../agreements/PartyTable';
import { useCodeText } from '../../i18n/codes';
import { formatDecimal, formatInteger, formatKroner, formatOre } from '../../lib/format';
import { useSearchParam } from '../../lib/useSearchParam';
import { CostCentresQuery, CostPageQuery, CostYearsQuery } from './costs.graphql';
import { PerInhabitantChart, TrendChart, WhoPaysChart } from './CostCharts';
import { Simulator } from './Simulator';
import { InvestmentPanel, KostraSourceNote, MunicipalityTrend, NegativeHostNote, UsageTable } from './CostTruth';
import { ScrollTable } from '../../components/ScrollTable';
import { useOpenOnHome } from '../start/home';

const THIS_YEAR = Number(todayInNorway().slice(0, 4));

export default function CostsPage() {
  const codes = useCodeText();
  const { t } = useI18n();
  const [centres, reexecuteCentres] = useQuery({ query: CostCentresQuery });
  // Costs are shared under agreements: only centres with one are offered (data/national adds many without).
  const centreList = (centres.data?.crisisCentres.items ?? []).filter((c) => (c.agreements?.length ?? 1) > 0);
  // Opens on the user's own centre (finance and directors: the centre their municipality belongs to).
  const home = useOpenOnHome(['senter'], (h) => (h.centreId ? { senter: h.centreId } : null));
  const [centreId, setCentreId] = useSearchParam(
    'senter',
    (home.ready ? (home.centreId ?? centreList[0]?.id) : '') ?? '',
  );
  const [yearParam, setYear] = useSearchParam('aar', String(THIS_YEAR));
  const year = Number(yearParam);
  const [result, reexecute] = useQuery({
    query: CostPageQuery,
    variables: { centreId, year, fromYear: year - 4, toYear: year + 1 },
    pause: !centreId,
  });

  const d = result.data?.costDistribution;
  // The years with a budget for the centre (and the one chosen, so the list never hides it).
  const [budgets] = useQuery({ query: CostYearsQuery, variables: { centreId }, pause: !centreId });
  const budgetYears = budgets.data?.centreBudgets.map((b) => b.year);
  const years = [...new Set([...(budgetYears ?? []), year])].sort((a, b) => a - b);
  const bars = useMemo(
    () =>
      (d?.parties ?? []).map((p) => ({
        name: p.municipality.name,
        role: p.role,
        allocatedKr: Math.round(p.allocatedOre / 100),
        extraKr: Math.round((p.extraChargesOre ?? 0) / 100),
        perInhabitantKr:
          p.perInhabitantOre === null || p.perInhabitantOre === undefined ? null : Math.round(p.perInhabitantOre) / 100,
      })),
    [d],
  );
  const trend = (result.data?.costTrend.years ?? []).map((y) => ({
    year: y.year,
    hostKr: Math.round(y.hostOre / 100),
    partnersKr: Math.round(y.partnersOre / 100),
    budgetKr: Math.round(y.budgetOre / 100),
  }));
  const notFound = result.error?.graphQLErrors.find((e) => e.extensions?.code === 'NOT_FOUND');
  const exportQuery = `centreId=${encodeURIComponent(centreId)}&year=${year}`;

  return (
    <section aria-labelledby="costs-heading">
      <Heading level={1} data-size="lg" id="costs-heading">
        {t('costs.heading')}
      </Heading>
      <Paragraph>{t('costs.intro')}</Paragraph>
      <div className="filters">
        <FilterSelect
          id="c-centre"
          label={t('costs.centre')}
          value={centreId}
          onChange={(v) => setCentreId(v)}
          options={centreList.map((c) => [c.id, c.name] as const)}
        />
        <FilterSelect
          id="c-year"
          label={t('costs.year')}
          value={String(year)}
          onChange={(v) => setYear(v)}
          options={years.map((y) => [String(y), String(y)] as const)}
        />
      </div>

      {centres.error ? (
        <QueryError error={centres.error} onRetry={() => reexecuteCentres({ requestPolicy: 'network-only' })} />
      ) : !centres.data ? (
        <Loading />
      ) : centreList.length === 0 ? (
        <Paragraph role="status">{t('common.noCentres')}</Paragraph>
      ) : result.fetching && !d ? (
        <Loading />
      ) : notFound ? (
        <Alert data-color="info" role="status">
          {t('costs.noData', { reason: notFound.message })}
        </Alert>
      ) : result.error || !d ? (
        <QueryState result={result} reexecute={reexecute} />
      ) : (
        <>
          {d.isExample && (
            <Alert data-color="warning">
              <ExampleTag className="" /> {t('common.exampleData')}
            </Alert>
          )}
          <div className="cost-summary" data-testid="cost-summary">
            <Paragraph>
              {t('costs.summary', {
                budget: formatOre(d.budgetOre),
                model: codes.model(d.model),
                year: d.populationYear,
              })}
            </Paragraph>
            {(d.populationYearsUsed.length !== 1 || d.populationYearsUsed[0] !== d.populationWantedYear) && (
              <Paragraph data-size="sm" className="muted">
                {t('costs.populationFallback', {
                  wanted: d.populationWantedYear,
                  used: d.populationYearsUsed.join(', '),
                })}
              </Paragraph>
            )}
            {d.hostResidualOre !== null &&
              d.hostResidualOre !== undefined &&
              d.hostSubsidyOre !== null &&
              d.hostSubsidyOre !== undefined &&
              d.hostSubsidyOre > 0 && (
                <Paragraph>
                  {t('costs.hostResidual', {
                    amount: formatOre(d.hostResidualOre),
                    subsidy: formatOre(d.hostSubsidyOre),
                  })}
                </Paragraph>
              )}
            <NegativeHostNote parties={d.parties} />
            {d.hostPartnerRatio !== null &&
              d.hostPartnerRatio !== undefined &&
              (d.ratioFlag ? (
                <Alert data-color="warning" data-testid="ratio-flag">
                  {t('costs.ratioFlag', { ratio: formatDecimal(d.hostPartnerRatio, 1) })}
                </Alert>
              ) : (
                <Paragraph>{t('costs.ratio', { ratio: formatDecimal(d.hostPartnerRatio, 1) })}</Paragraph>
              ))}
            {d.nationalAverage && (
              <Paragraph data-size="sm">
                {t('costs.national', {
                  year: d.nationalAverage.year,
                  kr: formatKroner(d.nationalAverage.krPerInhabitant),
                })}{' '}
                <KostraSourceNote source={d.nationalAverage} />
              </Paragraph>
            )}
            {d.centreKostra && (
              <Paragraph data-size="sm">
                {t('costs.centreKostra', {
                  name: d.centreKostra.centreName ?? d.centreName,
                  year: d.centreKostra.year,
                  kr: formatKroner(d.centreKostra.krPerInhabitant),
                })}
              </Paragraph>
            )}
          </div>

          <div className="chart-grid">
            <div>
              <Heading level={2} data-size="sm">
                {t('costs.whoPays')}
              </Heading>
              <WhoPaysChart data={bars} />
            </div>
            <div>
              <Heading level={2} data-size="sm">
                {t('costs.perInhabitant')}
              </Heading>
              <PerInhabitantChart data={bars} national={d.nationalAverage ?? null} />
            </div>
          </div>
          <Details>
            <Details.Summary>{t('costs.asTable')}</Details.Summary>
            <Details.Content>
              <ScrollTable label={t('costs.whoPays')}>
                <Table zebra border data-size="sm" data-testid="cost-table">
                  <caption>{t('costs.whoPays')}</caption>
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell>{t('costs.col.party')}</Table.HeaderCell>
                      <Table.HeaderCell style={{ textAlign: 'right' }}>{t('costs.col.population')}</Table.HeaderCell>
                      <Table.HeaderCell style={{ textAlign: 'right' }}>{t('costs.col.allocated')}</Table.HeaderCell>
                      <Table.HeaderCell style={{ textAlign: 'right' }}>{t('costs.col.extra')}</Table.HeaderCell>
                      <Table.HeaderCell style={{ textAlign: 'right' }}>{t('costs.col.total')}</Table.HeaderCell>
                      <Table.HeaderCell style={{ textAlign: 'right' }}>{t('costs.col.perInhabitant')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('costs.col.explanation')}</Table.HeaderCell>
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {d.parties.map((p) => (
                      <Table.Row key={p.municipality.kommunenummer}>
                        <PartyNameCell name={p.municipality.name} role={p.role} />
                        <Table.Cell style={{ textAlign: 'right' }}>{formatInteger(p.population)}</Table.Cell>
                        <Table.Cell style={{ textAlign: 'right' }}>{formatOre(p.allocatedOre)}</Table.Cell>
                        <Table.Cell style={{ textAlign: 'right' }}>
                          {p.extraChargesOre === null || p.extraChargesOre === undefined
                            ? t('costs.withheld')
                            : formatOre(p.extraChargesOre)}
                        </Table.Cell>
                        <Table.Cell style={{ textAlign: 'right' }}>{formatOre(p.totalOre)}</Table.Cell>
                        <Table.Cell style={{ textAlign: 'right' }}>
                          {p.perInhabitantOre === null || p.perInhabitantOre === undefined
                            ? '–'
                            : formatOre(p.perInhabitantOre)}
                        </Table.Cell>
                        <Table.Cell>{codes.costParts(p.parts)}</Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              </ScrollTable>
              {d.extraChargesWithheld && (
                <Paragraph data-size="sm" className="muted" data-testid="charges-withheld">
                  {t('costs.withheldNote')}
                </Paragraph>
              )}
            </Details.Content>
          </Details>

          <Heading level={2} data-size="sm">
            {t('costs.trend')}
          </Heading>
          <TrendChart data={trend} />
          <MunicipalityTrend
            key={centreId}
            centreId={centreId}
            parties={d.parties.map((p) => ({ kommunenummer: p.municipality.kommunenummer, name: p.municipality.name }))}
            fromYear={year - 4}
            toYear={year + 1}
            national={result.data?.costTrend.years ?? []}
          />
          <InvestmentPanel centreId={centreId} d={d} />
          <UsageTable centreId={centreId} year={year} />

          <section aria-labelledby="export-heading" className="block">
            <Heading level={2} data-size="sm" id="export-heading">
              {t('costs.export')}
            </Heading>
            <div className="button-row">
              <a
                className="ds-button"
                data-variant="secondary"
                href={`/export/cost-distribution.csv?${exportQuery}`}
                download
              >
                {t('costs.exportCsv')}
              </a>
              <a
                className="ds-button"
                data-variant="secondary"
                href={`/export/cost-distribution.xlsx?${exportQuery}`}
                download
              >
                {t('costs.exportXlsx')}
              </a>
              <a
                className="ds-button"
                data-variant="secondary"
                href={`/export/invoice-plan.csv?${exportQuery}`}
                download
              >
                {t('costs.invoiceCsv')}
              </a>
              <a
                className="ds-button"
                data-variant="secondary"
                href={`/export/invoice-plan.xlsx?${exportQuery}`}
                download
              >
                {t('costs.invoiceXlsx')}
              </a>
            </div>
          </section>

          <Simulator
            key={`${centreId}-${year}`}
            centreId={centreId}
            year={year}
            currentModel={d.model}
            parties={d.parties.map((p) => ({
              kommunenummer: p.municipality.kommunenummer,
              name: p.municipality.name,
              role: p.role,
            }))}
            municipalities={centres.data?.municipalities ?? []}
          />
        </>
      )}
    </section>
  );
}
