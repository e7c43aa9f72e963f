import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { FilterSelect } from '../../components/FilterSelect';
import { Loading, QueryError } from '../../components/States';
import { FINDING_CODE_LABELS, FINDING_CODES } from '@samordna/domain';
import type { CoverageFilter, FindingCode, Severity } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import { formatDate, formatInteger } from '../../lib/format';
import { useSearchParam } from '../../lib/useSearchParam';
import { loadMapShapes, type MapShapes } from './mapShapes';
import { CoverageFilterOptionsQuery, CoverageOverviewQuery } from './coverage.graphql';
import { CoverageMap, type MapRow } from './CoverageMap';
import { CoverageTable } from './CoverageTable';
import { FindingsPanel } from './FindingsPanel';
import { SEVERITY_KEYS, type SeverityKey } from './severity';

export default function CoverageMapPage() {
  const { t, locale } = useI18n();
  const [county, setCounty] = useSearchParam('fylke');
  const [centreId, setCentreId] = useSearchParam('senter');
  const [codeParam, setCode] = useSearchParam('funn');
  const code = codeParam as FindingCode | '';
  const [severityParam, setSeverity] = useSearchParam('alvor');
  const severity = severityParam as Severity | '';
  const [kommune, setKommune] = useSearchParam('kommune');
  const selected = kommune || null;
  // Registered or not: filtered here (the front page's two cards link to it).
  const [statusParam, setStatus] = useSearchParam('status');
  const status = statusParam === 'REGISTERED' || statusParam === 'NOT_REGISTERED' ? statusParam : '';

  const filter: CoverageFilter = useMemo(
    () => ({ centreId: centreId || null, code: code || null, severity: severity || null }),
    [centreId, code, severity],
  );
  const [options, reexecuteOptions] = useQuery({ query: CoverageFilterOptionsQuery });
  const [overview, reexecute] = useQuery({ query: CoverageOverviewQuery, variables: { filter } });
  const [boundaries, setBoundaries] = useState<MapShapes | null>(null);
  const [mapError, setMapError] = useState(false);

  useEffect(() => {
    let live = true;
    loadMapShapes()
      .then((b) => live && setBoundaries(b))
      .catch(() => live && setMapError(true));
    return () => {
      live = false;
    };
  }, []);

  const compact = overview.data?.coverageOverview.compact;
  const names = useMemo(
    () => new Map((options.data?.municipalities ?? []).map((m) => [m.kommunenummer, m.name])),
    [options.data],
  );
  const countyNames = useMemo(
    () => new Map((options.data?.counties ?? []).map((c) => [c.number, c.name])),
    [options.data],
  );
  // The compact lists back into rows (entry i of each list is municipality i); a kommunenummer
  // starts with its county's number.
  const allRows = useMemo(() => {
    if (!compact) return [];
    const weak = new Set(compact.weakEvidence);
    return compact.kommunenummer.map((k, i) => ({
      kommunenummer: k,
      countyNumber: k.slice(0, 2),
      severity: compact.state[i] as SeverityKey,
      weakEvidence: weak.has(i),
      critical: compact.critical[i],
      warning: compact.warning[i],
      info: compact.info[i],
    }));
  }, [compact]);
  const rows = useMemo(
    () =>
      allRows.filter(
        (r) =>
          (!county || r.countyNumber === county) &&
          (!status || (status === 'NOT_REGISTERED') === (r.severity === 'NOT_REGISTERED')),
      ),
    [allRows, county, status],
  );
  const mapRows = useMemo(
    () =>
      new Map<string, MapRow>(
        rows.map((r) => {
          const s = r.severity;
          const weakEvidence = r.weakEvidence;
          return [
            r.kommunenummer,
            {
              kommunenummer: r.kommunenummer,
              name: names.get(r.kommunenummer) ?? r.kommunenummer,
              severity: s,
              severityLabel: weakEvidence
                ? `${t(`severity.${s}`)}, ${t('map.weakEvidence').toLowerCase()}`
                : t(`severity.${s}`),
              weakEvidence,
            },
          ];
        }),
      ),
    [rows, t, names],
  );
  // The county's zoom comes from the boundaries (a kommunenummer starts with its county's number), not
  // from the filtered rows: a filter that leaves nothing in the county keeps the county on the map.
  const focus = useMemo(
    () =>
      county && boundaries
        ? boundaries.municipalities.filter((m) => m.kommunenummer.slice(0, 2) === county).map((m) => m.kommunenummer)
        : [],
    [boundaries, county],
  );
  const labelFor = useCallback(
    (r: MapRow) => t('map.municipalityLabel', { name: r.name, severity: r.severityLabel }),
    [t],
  );
  const tableRows = useMemo(
    () =>
      rows.map((r) => ({
        kommunenummer: r.kommunenummer,
        name: names.get(r.kommunenummer) ?? r.kommunenummer,
        county: countyNames.get(r.countyNumber) ?? r.countyNumber,
        severity: r.severity,
        critical: r.critical,
        warning: r.warning,
        info: r.info,
      })),
    [rows, names, countyNames],
  );
  // The table (357 rows of buttons) is drawn in a render of its own after the map's: the map is
  // painted first, and a busy machine does not hold it back for the table (issue 15).
  const deferredTableRows = useDeferredValue(tableRows);
  const counts = SEVERITY_KEYS.map((k) => ({ key: k, n: rows.filter((r) => r.severity === k).length }));
  const weakCount = rows.filter((r) => r.weakEvidence).length;

  return (
    <section aria-labelledby="map-heading" className="map-page">
      <Heading level={1} data-size="lg" id="map-heading">
        {t('map.heading')}
      </Heading>
      <Paragraph>{t('map.intro')}</Paragraph>

      <div className="filters">
        <FilterSelect
          id="f-county"
          label={t('map.filter.county')}
          value={county}
          onChange={setCounty}
          empty={t('common.all')}
          options={(options.data?.counties ?? []).map((c) => [c.number, c.name])}
        />
        <FilterSelect
          id="f-centre"
          label={t('map.filter.centre')}
          value={centreId}
          onChange={setCentreId}
          empty={t('common.all')}
          options={(options.data?.crisisCentres.items ?? []).map((c) => [c.id, c.name])}
        />
        <FilterSelect
          id="f-code"
          label={t('map.filter.code')}
          value={code}
          onChange={setCode}
          empty={t('common.all')}
          options={FINDING_CODES.map((c) => [c, FINDING_CODE_LABELS[c][locale]])}
        />
        <FilterSelect
          id="f-status"
          label={t('map.filter.status')}
          value={status}
          onChange={setStatus}
          empty={t('common.all')}
          options={(['REGISTERED', 'NOT_REGISTERED'] as const).map((v) => [v, t(`map.status.${v}`)])}
        />
        <FilterSelect
          id="f-severity"
          label={t('map.filter.severity')}
          value={severity}
          onChange={setSeverity}
          empty={t('common.all')}
          options={(['CRITICAL', 'WARNING', 'INFO'] as const).map((s) => [s, t(`severity.${s}`)])}
        />
      </div>

      {options.error && (
        <QueryError error={options.error} onRetry={() => reexecuteOptions({ requestPolicy: 'network-only' })} />
      )}
      {overview.error ? (
        <QueryError error={overview.error} heading onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : (
        <>
          <Paragraph role="status" data-size="sm" className="muted">
            {overview.data
              ? `${t('common.asOf', { date: formatDate(overview.data.coverageOverview.asOf) })} · ${t('map.summary', { shown: formatInteger(rows.length) })}`
              : t('common.loading')}
          </Paragraph>
          <div className="map-layout">
            <figure className="map-figure">
              <a href="#map-table" className="skip-map">
                {t('map.skip')}
              </a>
              {mapError ? (
                <Alert data-color="warning">{t('map.mapError')}</Alert>
              ) : !boundaries || !overview.data ? (
                <Loading label={t('map.loadingMap')} className="map-loading" />
              ) : (
                <CoverageMap
                  shapes={boundaries}
                  rows={mapRows}
                  focus={focus}
                  selected={selected}
                  ariaLabel={t('map.ariaLabel')}
                  labelFor={labelFor}
                  onSelect={(k) => setKommune(k)}
                />
              )}
              <figcaption>
                <ul className="legend" aria-label={t('map.legend')}>
                  {counts.map(({ key, n }) => (
                    <li key={key}>
                      <span className={`sev-swatch sev-${key}`} aria-hidden="true" /> {t(`severity.${key}`)} (
                      {formatInteger(n)})
                    </li>
                  ))}
                  <li data-testid="legend-weak-evidence">
                    <svg className="sev-swatch hatch-swatch" viewBox="0 0 14 14" aria-hidden="true">
                      <defs>
                        <pattern
                          id="legend-hatch"
                          patternUnits="userSpaceOnUse"
                          width="4"
                          height="4"
                          patternTransform="rotate(-45)"
                        >
                          <line x1="0" y1="0" x2="0" y2="4" className="hatch-line" />
                        </pattern>
                      </defs>
                      <rect width="14" height="14" fill="url(#legend-hatch)" />
                    </svg>{' '}
                    {t('map.weakEvidence')} ({formatInteger(weakCount)})
                  </li>
                </ul>
                <small className="muted">{t('map.legendNote')}</small>
                <br />
                <small className="muted">{t('map.credit')}</small>
              </figcaption>
            </figure>
            {selected && (
              <FindingsPanel
                kommunenummer={selected}
                onClose={() => {
                  setKommune(null);
                  requestAnimationFrame(() =>
                    (document.querySelector(`[data-kommunenummer="${selected}"]`) as SVGElement | null)?.focus(),
                  );
                }}
              />
            )}
          </div>
          {overview.data && rows.length === 0 ? (
            <Paragraph role="status">{t(county ? 'map.emptyKeepsZoom' : 'map.empty')}</Paragraph>
          ) : (
            <div id="map-table" tabIndex={-1}>
              <CoverageTable rows={deferredTableRows} onSelect={(k) => setKommune(k)} />
            </div>
          )}
        </>
      )}
    </section>
  );
}
