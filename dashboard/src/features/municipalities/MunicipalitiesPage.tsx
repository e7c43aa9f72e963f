import { useId, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { Field, Heading, Label, Paragraph, Search, Select } from '@digdir/designsystemet-react';
import { Loading, QueryError } from '../../components/States';
import { useI18n } from '../../i18n/i18n';
import { formatInteger } from '../../lib/format';
import { CountiesQuery, MunicipalitiesOfCountyQuery } from './municipalities.graphql';
import { MunicipalityTable } from './MunicipalityTable';

function initialCounty(): string {
  if (typeof window === 'undefined') return '';
  return new URLSearchParams(window.location.search).get('fylke') ?? '';
}

function rememberCounty(countyNumber: string) {
  const url = new URL(window.location.href);
  if (countyNumber) url.searchParams.set('fylke', countyNumber);
  else url.searchParams.delete('fylke');
  window.history.replaceState(null, '', url);
}

export function MunicipalitiesPage() {
  const { t } = useI18n();
  const selectId = useId();
  const [countyNumber, setCountyNumber] = useState(initialCounty);
  const [search, setSearch] = useState('');

  const [counties, reexecuteCounties] = useQuery({ query: CountiesQuery });
  const [result, reexecute] = useQuery({
    query: MunicipalitiesOfCountyQuery,
    // A search works across the country; without one, a county must be chosen (357 rows are too many).
    variables: { countyNumber: countyNumber || null, search: search.trim() || null },
    pause: countyNumber === '' && search.trim() === '',
  });

  const rows = useMemo(() => result.data?.municipalities ?? [], [result.data]);
  const total = rows.reduce((sum, m) => sum + (m.population?.population ?? 0), 0);
  const year = rows.find((m) => m.population)?.population?.year;
  const error = counties.error ?? result.error;
  // Try again whichever failed: without the counties there is nothing to choose from.
  const retry = () => {
    if (counties.error) reexecuteCounties({ requestPolicy: 'network-only' });
    if (result.error) reexecute({ requestPolicy: 'network-only' });
  };

  return (
    <section aria-labelledby="municipalities-heading">
      <Heading level={1} data-size="lg" id="municipalities-heading">
        {t('municipalities.heading')}
      </Heading>
      <Paragraph>{t('municipalities.intro')}</Paragraph>

      <div className="filters">
        <Field>
          <Label htmlFor={selectId}>{t('municipalities.county')}</Label>
          <Select
            id={selectId}
            value={countyNumber}
            disabled={counties.fetching && !counties.data}
            onChange={(e) => {
              setCountyNumber(e.target.value);
              rememberCounty(e.target.value);
            }}
          >
            <Select.Option value="">{t('municipalities.chooseCounty')}</Select.Option>
            {counties.data?.counties.map((c) => (
              <Select.Option key={c.number} value={c.number}>
                {c.name} ({c.number})
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label>{t('municipalities.search')}</Label>
          <Search>
            <Search.Input
              aria-label={t('municipalities.search')}
              value={search}
              onChange={(e) => setSearch(e.target.value)}
            />
            <Search.Clear aria-label={t('municipalities.clearSearch')} onClick={() => setSearch('')} />
          </Search>
        </Field>
      </div>

      {error ? (
        <QueryError error={error} heading onRetry={retry} />
      ) : countyNumber === '' && search.trim() === '' ? (
        <Paragraph className="empty">{t('municipalities.noCounty')}</Paragraph>
      ) : result.fetching && !result.data ? (
        <Loading label={t('municipalities.loading')} />
      ) : rows.length === 0 ? (
        <Paragraph className="empty" role="status">
          {t('municipalities.empty')}
        </Paragraph>
      ) : (
        <>
          <Paragraph role="status" data-testid="municipality-summary">
            {rows.length === 1
              ? t('municipalities.summaryOne', { population: formatInteger(total) })
              : t('municipalities.summary', { count: formatInteger(rows.length), population: formatInteger(total) })}
          </Paragraph>
          <MunicipalityTable rows={rows} caption={t('municipalities.populationCaption', { year: year ?? '–' })} />
        </>
      )}
    </section>
  );
}
