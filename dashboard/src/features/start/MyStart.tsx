import { useQuery } from 'urql';
import { Link as RouterLink } from 'react-router';
import { Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { FINDING_CODE_LABELS, todayInNorway, type FindingCode } from '@samordna/domain';
import { Loading, QueryState } from '../../components/States';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/nb';
import { formatDate, formatInteger, formatKroner, formatOre } from '../../lib/format';
import { useSession } from '../auth/session';
import { usePlural } from '../../i18n/plural';
import { PendingApprovals } from '../agreements/PendingApprovals';
import { CentreCostStartQuery, CentreStartQuery, CentreYearsQuery, MunicipalityStartQuery } from './start.graphql';

const THIS_YEAR = Number(todayInNorway().slice(0, 4));

/** Days left to a deadline, coloured within 30 (danger) and 90 days (warning). */
export function DeadlineTag({ daysLeft }: { daysLeft: number }) {
  const plural = usePlural();
  const color = daysLeft <= 30 ? 'danger' : daysLeft <= 90 ? 'warning' : 'neutral';
  return (
    <Tag data-color={color} data-size="sm" data-urgency={color}>
      {daysLeft < 0
        ? plural(-daysLeft, 'start.daysAgoOne', 'start.daysAgo')
        : plural(daysLeft, 'start.daysLeftOne', 'start.daysLeft')}
    </Tag>
  );
}

/** The newest budget year up to this year (or the newest at all). */
function useBudgetYear(centreId: string) {
  const [years] = useQuery({ query: CentreYearsQuery, variables: { centreId } });
  const all = (years.data?.centreBudgets ?? []).map((b) => b.year);
  const upToNow = all.filter((y) => y <= THIS_YEAR);
  const year = upToNow.length ? Math.max(...upToNow) : all.length ? Math.max(...all) : null;
  return { year, fetching: years.fetching, error: years.error };
}

/** What the municipality pays per inhabitant, against its host and the national average. */
function CostLine({ centreId, kommunenummer, finance }: { centreId: string; kommunenummer: string; finance: boolean }) {
  const { t } = useI18n();
  const budget = useBudgetYear(centreId);
  const [cost] = useQuery({
    query: CentreCostStartQuery,
    variables: { centreId, year: budget.year ?? 0 },
    pause: budget.year === null,
  });
  const d = cost.data?.costDistribution;
  if (budget.error || cost.error) return null; // the costs page says why; the start page stays useful
  if (!d) return budget.fetching || cost.fetching ? <Loading size="sm" /> : null;
  const own = d.parties.find((p) => p.municipality.kommunenummer === kommunenummer);
  const host = d.parties.find((p) => p.role === 'HOST');
  const link = `/kostnader?senter=${centreId}&aar=${d.year}`;
  return (
    <div data-testid="start-cost">
      {finance && <Paragraph>{t('start.budget', { year: d.year, amount: formatOre(d.budgetOre) })}</Paragraph>}
      {own?.perInhabitantOre != null && (
        <Paragraph>
          {t('start.perInhabitant', {
            name: own.municipality.name,
            year: d.year,
            amount: formatOre(own.perInhabitantOre),
          })}
          {host && host !== own && host.perInhabitantOre != null && (
            <> {t('start.hostPays', { name: host.municipality.name, amount: formatOre(host.perInhabitantOre) })}</>
          )}
          {d.nationalAverage && (
            <>
              {' '}
              {t('start.national', {
                amount: formatKroner(d.nationalAverage.krPerInhabitant),
                year: d.nationalAverage.year,
              })}
            </>
          )}
        </Paragraph>
      )}
      {finance && d.ratioFlag && d.hostPartnerRatio != null && (
        <Paragraph>
          {t('start.ratioFlag', { ratio: d.hostPartnerRatio.toLocaleString('nb-NO', { maximumFractionDigits: 1 }) })}
        </Paragraph>
      )}
      <RouterLink to={link}>{t('start.toCosts', { year: d.year })}</RouterLink>
    </div>
  );
}

/** A director's or finance officer's own municipality: what needs their attention. */
function MunicipalityStart({ kommunenummer, finance }: { kommunenummer: string; finance: boolean }) {
  const { t, locale } = useI18n();
  const plural = usePlural();
  const [result, reexecute] = useQuery({ query: MunicipalityStartQuery, variables: { kommunenummer } });
  const d = result.data;
  if (result.error || !d) return <QueryState result={result} reexecute={reexecute} />;
  const membership =
    d.municipality.centreMemberships.find((m) => m.isCurrent && (!finance || m.role === 'HOST')) ??
    d.municipality.centreMemberships.find((m) => m.isCurrent);
  const deadlines = d.agreements.items
    .filter(
      (a) =>
        a.deadline.daysLeft !== null &&
        a.deadline.daysLeft !== undefined &&
        (a.deadline.kind === 'NOTICE' || a.deadline.kind === 'EXPIRY'),
    )
    .sort((a, b) => (a.deadline.daysLeft ?? 0) - (b.deadline.daysLeft ?? 0));
  const findings = d.municipalityCoverage.findings;
  return (
    <Card data-color="neutral" className="start-card" data-testid="start-municipality">
      <Card.Block>
        <Heading level={3} data-size="sm">
          {t('start.municipality', { name: d.municipality.name })}
        </Heading>
        {membership ? (
          <Paragraph>
            {t(membership.role === 'HOST' ? 'start.hostOf' : 'start.memberOf', { centre: membership.centre.name })}
          </Paragraph>
        ) : (
          <Paragraph>{t('start.noCentre')}</Paragraph>
        )}
        {membership && <CostLine centreId={membership.centre.id} kommunenummer={kommunenummer} finance={finance} />}

        <Heading level={4} data-size="xs">
          {t('start.deadlines')}
        </Heading>
        {deadlines.length === 0 ? (
          <Paragraph>{t('start.noDeadlines')}</Paragraph>
        ) : (
          <ul className="start-list" data-testid="start-deadlines">
            {deadlines.map((a) => (
              <li key={a.id}>
                <RouterLink to={`/avtaler/${a.id}`}>{a.title}</RouterLink>{' '}
                <span className="nowrap">
                  {t(a.deadline.kind === 'EXPIRY' ? 'start.expires' : 'start.noticeBy', {
                    date: formatDate(
                      (a.deadline.kind === 'EXPIRY' ? a.deadline.nextPossibleEnd : a.deadline.noticeDeadline) ??
                        a.deadline.nextPossibleEnd ??
                        '',
                    ),
                  })}
                </span>{' '}
                <DeadlineTag daysLeft={a.deadline.daysLeft!} />
              </li>
            ))}
          </ul>
        )}

        <Heading level={4} data-size="xs">
          {t('start.findings')}
        </Heading>
        {findings.length === 0 ? (
          <Paragraph>{t('start.noFindings')}</Paragraph>
        ) : (
          <ul className="start-list" data-testid="start-findings">
            {findings.map((f, i) => (
              <li key={`${f.code}-${i}`}>
                <span className={`sev-dot sev-${f.severity}`} aria-hidden="true" />{' '}
                <strong>{t(`severity.${f.severity}` as MessageKey)}:</strong> {locale === 'en' ? f.reasonEn : f.reason}{' '}
                <span className="visually-hidden">({FINDING_CODE_LABELS[f.code][locale]})</span>
              </li>
            ))}
          </ul>
        )}
        <Paragraph>
          <RouterLink to={`/kontakter?kommune=${kommunenummer}`}>
            {d.stale.totalCount === 0
              ? t('start.noStale')
              : plural(d.stale.totalCount, 'start.staleOne', 'start.stale')}
          </RouterLink>
        </Paragraph>
      </Card.Block>
    </Card>
  );
}

/** A centre leader's member municipalities with gaps, and the centre's stale contacts. */
function CentreStart({ centreId }: { centreId: string }) {
  const { t, locale } = useI18n();
  const plural = usePlural();
  const [result, reexecute] = useQuery({ query: CentreStartQuery, variables: { centreId } });
  const d = result.data;
  if (result.error || !d) return <QueryState result={result} reexecute={reexecute} />;
  const gaps = d.centreCoverage.rows.filter((r) => r.codes.length > 0);
  // By gap, most municipalities first: «Ingen overgangsrutine (11): Beiarn, Gildeskål, …».
  const byCode = new Map<FindingCode, string[]>();
  for (const r of gaps) for (const c of r.codes) byCode.set(c, [...(byCode.get(c) ?? []), r.municipality.name]);
  const groups = [...byCode.entries()]
    .map(([code, names]) => ({ code, names: names.sort((a, b) => a.localeCompare(b, 'nb')) }))
    .sort(
      (a, b) =>
        b.names.length - a.names.length ||
        FINDING_CODE_LABELS[a.code][locale].localeCompare(FINDING_CODE_LABELS[b.code][locale], 'nb'),
    );
  return (
    <Card data-color="neutral" className="start-card" data-testid="start-centre">
      <Card.Block>
        <Heading level={3} data-size="sm">
          {d.centreCoverage.centreName}
        </Heading>
        <Paragraph>
          {plural(d.centreCoverage.rows.length, 'start.membersOne', 'start.members')} ·{' '}
          {plural(gaps.length, 'start.withGapsOne', 'start.withGaps')}
        </Paragraph>
        {groups.length > 0 && (
          <ul className="start-list" data-testid="start-gaps">
            {groups.map((g) => (
              <li key={g.code}>
                <RouterLink to={`/kart?senter=${centreId}&funn=${g.code}`}>
                  {FINDING_CODE_LABELS[g.code][locale]} ({formatInteger(g.names.length)})
                </RouterLink>
                : {g.names.join(', ')}
              </li>
            ))}
          </ul>
        )}
        <Paragraph>
          <RouterLink to={`/kontakter?senter=${centreId}`}>
            {d.stale.totalCount === 0
              ? t('start.noStale')
              : plural(d.stale.totalCount, 'start.staleOne', 'start.stale')}
          </RouterLink>
          {' · '}
          <RouterLink to={`/rutiner?senter=${centreId}`}>{t('start.toRoutines')}</RouterLink>
        </Paragraph>
      </Card.Block>
    </Card>
  );
}

/**
 * The signed-in user's own start: a director's municipality, finance's centre budget, a centre
 * leader's member municipalities. Nothing for readers and administrators (they see the country).
 */
export function MyStart() {
  const { t } = useI18n();
  const { me } = useSession();
  if (!me) return null;
  const parts = me.grants.flatMap((g, i) => {
    if ((g.role === 'DIRECTOR' || g.role === 'FINANCE') && g.kommunenummer)
      return [<MunicipalityStart key={i} kommunenummer={g.kommunenummer} finance={g.role === 'FINANCE'} />];
    if (g.role === 'CENTRE_LEADER' && g.centreId) return [<CentreStart key={i} centreId={g.centreId} />];
    return [];
  });
  if (parts.length === 0) return null;
  return (
    <section aria-labelledby="my-start-heading" className="my-start" data-testid="my-start">
      <Heading level={2} data-size="md" id="my-start-heading">
        {t('start.heading')}
      </Heading>
      <PendingApprovals />
      <div className="start-cards">{parts}</div>
    </section>
  );
}
