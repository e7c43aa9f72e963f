import { useEffect, useRef } from 'react';
import { useQuery } from 'urql';
import { Link as RouterLink } from 'react-router';
import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { Loading, QueryError } from '../../components/States';
import { FINDING_CODE_LABELS } from '@samordna/domain';
import { useI18n } from '../../i18n/i18n';
import { useCodeText } from '../../i18n/codes';
import { formatDate } from '../../lib/format';
import type { MunicipalityCoverageQuery as MunicipalityCoverageResult } from '../../gql/graphql';
import { MunicipalityCoverageQuery } from './coverage.graphql';
import { severityKey } from './severity';

const ROUTINE_CODES = ['NO_ROUTINE', 'ROUTINE_DRAFT', 'ROUTINE_REVIEW_OVERDUE'];

function linkFor(record: { entity: string; id: string }, kommunenummer: string, code: string): string {
  switch (record.entity) {
    case 'Agreement':
      return `/avtaler/${record.id}`;
    case 'HandoverRoutine':
      return `/rutiner?rutine=${record.id}`;
    case 'CrisisCentre':
      return ROUTINE_CODES.includes(code)
        ? `/rutiner?senter=${record.id}&kommune=${kommunenummer}`
        : `/kostnader?senter=${record.id}`;
    default:
      return `/kontakter?kommune=${kommunenummer}`;
  }
}

type Documented = NonNullable<MunicipalityCoverageResult['municipalityCoverage']['documentedMembership']>;

/** Where the documented membership comes from: «Kilde» with date, quote and the confidence in words. */
function SourceBox({ documented }: { documented: Documented }) {
  const { t } = useI18n();
  const codes = useCodeText();
  const p = documented.provenance;
  return (
    <div className={`source-box${p.marked ? ' source-weak' : ''}`} data-testid="source-box">
      <Paragraph data-size="sm">
        {t(documented.role === 'HOST' ? 'panel.documentedHost' : 'panel.documentedPartner', {
          centre: documented.centreName,
        })}
      </Paragraph>
      <Paragraph data-size="sm">
        <a href={p.sourceUrl} target="_blank" rel="noopener noreferrer">
          {t('panel.source')}
        </a>{' '}
        ({codes.sourceDate(p)})
      </Paragraph>
      {p.quote && <blockquote className="source-quote">{p.quote}</blockquote>}
      <Paragraph data-size="sm">
        {t('panel.confidence')}: <strong>{codes.confidence(p.confidence)}</strong> –{' '}
        {codes.confidenceMeaning(p.confidence)}
      </Paragraph>
      {p.marked && (
        <Paragraph data-size="sm" className="weak-evidence-note">
          {t('panel.weakEvidence', { evidence: codes.evidence(p) })}
        </Paragraph>
      )}
      {p.retrievedOn && (
        <Paragraph data-size="sm" className="muted">
          {t('panel.retrieved', { date: formatDate(p.retrievedOn) })}
        </Paragraph>
      )}
    </div>
  );
}

/** The side panel: a municipality's findings with their reasons and links to the records. */
export function FindingsPanel({ kommunenummer, onClose }: { kommunenummer: string; onClose(): void }) {
  const { t, locale } = useI18n();
  const codes = useCodeText();
  const heading = useRef<HTMLHeadingElement>(null);
  const [result, reexecute] = useQuery({ query: MunicipalityCoverageQuery, variables: { kommunenummer } });
  const data = result.data?.municipalityCoverage;

  useEffect(() => {
    if (data) heading.current?.focus();
  }, [data]);

  return (
    <aside
      className="findings-panel"
      aria-labelledby="findings-heading"
      data-testid="findings-panel"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <div className="panel-top">
        <Heading level={2} data-size="sm" id="findings-heading" ref={heading} tabIndex={-1}>
          {t('panel.heading', { name: data?.municipality.name ?? kommunenummer })}
        </Heading>
        <Button variant="tertiary" data-size="sm" onClick={onClose}>
          {t('common.close')}
        </Button>
      </div>
      {result.fetching && !data ? (
        <Loading size="sm" />
      ) : result.error ? (
        <QueryError error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : data ? (
        <>
          <Paragraph data-size="sm" className="muted">
            {t('common.asOf', { date: formatDate(data.asOf) })} ·{' '}
            <span className={`sev-dot sev-${severityKey(data)}`} aria-hidden="true" />{' '}
            {t(`severity.${severityKey(data)}`)}
          </Paragraph>
          {data.documentedMembership && <SourceBox documented={data.documentedMembership} />}
          {data.findings.length === 0 ? (
            <Paragraph>{t('panel.none')}</Paragraph>
          ) : (
            <ul className="findings">
              {data.findings.map((f, i) => {
                // «Ikke registrert» is its own class on the map (hatched), not a «Merknad»: say the same here.
                const key = f.code === 'NOT_REGISTERED' ? 'NOT_REGISTERED' : f.severity;
                return (
                  <li key={`${f.code}-${i}`} className={`finding sev-border-${key}`}>
                    <div className="finding-head">
                      <span className={`sev-dot sev-${key}`} aria-hidden="true" />
                      <strong>{FINDING_CODE_LABELS[f.code][locale]}</strong>
                      {key !== 'NOT_REGISTERED' && <span className="muted"> – {t(`severity.${key}`)}</span>}
                    </div>
                    <Paragraph data-size="sm">{locale === 'nb' ? f.reason : f.reasonEn}</Paragraph>
                    <Paragraph data-size="sm" className="finding-basis">
                      {f.statutory && <span className="lovkrav-tag">{t('panel.lovkrav')}</span>} {t('panel.basis')}:{' '}
                      {codes.basis(f.basisKind)} – {codes.legalBasis(f.legalBasisCode)}
                    </Paragraph>
                    {f.records.length > 0 && (
                      <Paragraph data-size="sm">
                        {t('panel.records')}:{' '}
                        {f.records.map((r, k) => (
                          <span key={`${r.entity}-${r.id}`}>
                            {k > 0 && ', '}
                            <RouterLink to={linkFor(r, data.municipality.kommunenummer, f.code)}>{r.label}</RouterLink>
                          </span>
                        ))}
                      </Paragraph>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
          {data.findings.some((f) => f.code === 'FAR_FROM_CENTRE') && (
            <Paragraph data-size="sm" className="muted">
              {t('panel.method')}
            </Paragraph>
          )}
        </>
      ) : null}
    </aside>
  );
}
