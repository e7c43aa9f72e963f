import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Alert, Button, Heading, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { REMINDER_KIND_LABELS, type ReminderKind } from '@samordna/domain';
import { Loading, QueryError } from '../../components/States';
import { useI18n } from '../../i18n/i18n';
import { useCodeText } from '../../i18n/codes';
import { errorMessage } from '../../lib/errors';
import { formatDate, formatOsloDate } from '../../lib/format';
import { useSession } from '../auth/session';
import { CreateCalendarFeedMutation, MyRemindersQuery, RevokeCalendarFeedMutation } from './reminders.graphql';

const HORIZONS = [0, 30, 90, 180] as const;

function daysText(t: ReturnType<typeof useI18n>['t'], days: number): string {
  if (days === 0) return t('reminders.today');
  if (days > 0) return t('reminders.inDays', { n: String(days) });
  return t('reminders.daysAgo', { n: String(-days) });
}

/** The calendar address: made (shown once), replaced, revoked. */
function CalendarFeed({ createdAt, onChange }: { createdAt: string | null; onChange: () => void }) {
  const { t } = useI18n();
  const [created, create] = useMutation(CreateCalendarFeedMutation);
  const [revoked, revoke] = useMutation(RevokeCalendarFeedMutation);
  const [url, setUrl] = useState<string | null>(null);
  const error = created.error ?? revoked.error;
  return (
    <section aria-labelledby="calendar-heading" className="panel">
      <Heading level={2} data-size="xs" id="calendar-heading">
        {t('reminders.calendarHeading')}
      </Heading>
      <Paragraph data-size="sm">{t('reminders.calendarIntro')}</Paragraph>
      {createdAt && !url && (
        <Paragraph data-size="sm">{t('reminders.calendarActive', { date: formatOsloDate(createdAt) })}</Paragraph>
      )}
      {url && (
        <Textfield
          label={t('reminders.calendarUrl')}
          description={t('reminders.calendarUrlHelp')}
          readOnly
          value={url}
          onFocus={(e) => e.currentTarget.select()}
          data-testid="calendar-url"
        />
      )}
      <div className="button-row">
        <Button
          variant={createdAt ? 'secondary' : 'primary'}
          disabled={created.fetching}
          onClick={async () => {
            const r = await create({});
            if (r.data) {
              setUrl(r.data.createCalendarFeed.url);
              onChange();
            }
          }}
        >
          {createdAt ? t('reminders.calendarReplace') : t('reminders.calendarCreate')}
        </Button>
        {(createdAt || url) && (
          <Button
            variant="tertiary"
            disabled={revoked.fetching}
            onClick={async () => {
              const r = await revoke({});
              if (!r.error) {
                setUrl(null);
                onChange();
              }
            }}
          >
            {t('reminders.calendarRevoke')}
          </Button>
        )}
      </div>
      {error && (
        <Alert data-color="danger" role="alert">
          {errorMessage(error, t('error.network'))}
        </Alert>
      )}
    </section>
  );
}

/** «Påminnelser»: what needs the signed-in user's action, grouped by how close it is. */
export default function RemindersPage() {
  const { t, locale } = useI18n();
  const codes = useCodeText();
  const { me, loading } = useSession();
  const [result, reexecute] = useQuery({ query: MyRemindersQuery, pause: !me, requestPolicy: 'cache-and-network' });
  if (loading) return <Loading />;
  if (!me) {
    return (
      <>
        <Heading level={1}>{t('reminders.heading')}</Heading>
        <Paragraph>
          <RouterLink to="/logg-inn">{t('reminders.signIn')}</RouterLink>
        </Paragraph>
      </>
    );
  }
  const reminders = result.data?.myReminders ?? [];
  return (
    <>
      <Heading level={1}>{t('reminders.heading')}</Heading>
      <Paragraph>{t('reminders.intro')}</Paragraph>
      {result.error && (
        <QueryError error={result.error} heading onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      )}
      {!result.data && !result.error && <Loading />}
      {result.data && reminders.length === 0 && (
        <Paragraph data-testid="reminders-empty">{t('reminders.empty')}</Paragraph>
      )}
      {HORIZONS.map((h) => {
        const items = reminders.filter((r) => r.horizon === h);
        if (items.length === 0) return null;
        return (
          <section key={h} aria-labelledby={`horizon-${h}`} data-testid={`horizon-${h}`}>
            <Heading level={2} data-size="sm" id={`horizon-${h}`}>
              {h === 0 ? t('reminders.overdue') : t('reminders.within', { n: String(h) })}
            </Heading>
            <ul className="reminder-list">
              {items.map((r) => {
                const { title, detail } = codes.reminder({ ...r, kind: r.kind as ReminderKind });
                return (
                  <li key={r.key}>
                    <Tag data-size="sm" data-color={h === 0 || h === 30 ? 'warning' : 'neutral'}>
                      {REMINDER_KIND_LABELS[r.kind as ReminderKind][locale]}
                    </Tag>{' '}
                    <RouterLink to={r.link}>{title}</RouterLink>
                    <br />
                    <strong>{formatDate(r.dueOn)}</strong> ({daysText(t, r.daysLeft)}) – {detail}
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
      {result.data && (
        <CalendarFeed
          createdAt={result.data.myCalendarFeedCreatedAt ?? null}
          onChange={() => reexecute({ requestPolicy: 'network-only' })}
        />
      )}
      <Paragraph data-size="sm" className="muted">
        {t('reminders.mailNote')}
      </Paragraph>
    </>
  );
}
