import { useQuery } from 'urql';
import { Link as RouterLink } from 'react-router';
import { Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import { Loading, QueryError } from '../../components/States';
import { useI18n } from '../../i18n/i18n';
import { formatDate, formatInteger } from '../../lib/format';
import { OverviewQuery } from './overview.graphql';
import { MyStart } from '../start/MyStart';
import { useSession } from '../auth/session';
import { CountyChart } from './CountyChart';

function Figure({ value, label, to, page }: { value: number; label: string; to: string; page: string }) {
  const { t } = useI18n();
  return (
    <Card data-color="neutral" className="key-figure">
      <Card.Block>
        <p className="figure-value">{formatInteger(value)}</p>
        <p className="figure-label">{label}</p>
        <RouterLink to={to}>{t('overview.goTo', { page })}</RouterLink>
      </Card.Block>
    </Card>
  );
}

export default function OverviewPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const [result, reexecute] = useQuery({ query: OverviewQuery });
  const d = result.data;
  const total = (k: 'critical' | 'warning' | 'info' | 'ok' | 'notRegistered') =>
    d?.coverageOverview.byCounty.reduce((n, c) => n + c[k], 0) ?? 0;
  const byCode = (code: string) => d?.coverageOverview.byCode.find((c) => c.code === code)?.municipalities ?? 0;

  return (
    <section aria-labelledby="overview-heading">
      <Heading level={1} data-size="lg" id="overview-heading">
        {t('overview.heading')}
      </Heading>
      <Paragraph>{t('overview.intro')}</Paragraph>
      <MyStart />
      {me && (
        <Heading level={2} data-size="md">
          {t('overview.national')}
        </Heading>
      )}
      {result.error ? (
        <QueryError error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : !d ? (
        <Loading />
      ) : (
        <>
          <Paragraph data-size="sm" className="muted">
            {t('common.asOf', { date: formatDate(d.coverageOverview.asOf) })}
          </Paragraph>
          <div className="key-figures" data-testid="key-figures">
            <Figure
              value={357 - total('notRegistered')}
              label={t('overview.registered')}
              to="/kart?status=REGISTERED"
              page={t('nav.map')}
            />
            <Figure
              value={total('notRegistered')}
              label={t('overview.notRegistered')}
              to="/kart?status=NOT_REGISTERED"
              page={t('nav.map')}
            />
            <Figure
              value={total('critical')}
              label={t('overview.critical')}
              to="/kart?alvor=CRITICAL"
              page={t('nav.map')}
            />
            <Figure
              value={d.soon.totalCount}
              label={t('overview.deadlines')}
              to="/avtaler?frist=180"
              page={t('nav.agreements')}
            />
            <Figure
              value={d.stale.totalCount}
              label={t('overview.stale')}
              to="/kontakter?ubekreftet=1"
              page={t('nav.contacts')}
            />
            <Figure
              value={byCode('NO_ROUTINE')}
              label={t('overview.routinesMissing')}
              to="/kart?funn=NO_ROUTINE"
              page={t('nav.map')}
            />
          </div>
          <Heading level={2} data-size="sm">
            {t('overview.chartCounties')}
          </Heading>
          <CountyChart data={d.coverageOverview.byCounty} />
        </>
      )}
    </section>
  );
}
