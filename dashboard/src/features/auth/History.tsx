import { useQuery } from 'urql';
import { Heading, Paragraph, Spinner, Table } from '@digdir/designsystemet-react';
import { useI18n } from '../../i18n/i18n';
import { AuditLogQuery } from './auth.graphql';
import { useSession } from './session';

const show = (v: unknown) => (v === null || v === undefined ? '–' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** «Historikk»: who changed what on a record, newest first. */
export function History({ entity, entityId }: { entity: string; entityId: string }) {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const [result] = useQuery({ query: AuditLogQuery, variables: { entity, entityId }, pause: !me, requestPolicy: 'cache-and-network' });
  const fmt = new Intl.DateTimeFormat(locale === 'nb' ? 'nb-NO' : 'en-GB', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Oslo' });
  return (
    <section aria-labelledby={`history-${entityId}`} className="block" data-testid="history">
      <Heading level={2} data-size="sm" id={`history-${entityId}`}>
        {t('history.heading')}
      </Heading>
      {!me ? (
        <Paragraph className="muted">{t('history.needLogin')}</Paragraph>
      ) : !result.data ? (
        <Spinner aria-label={t('common.loading')} data-size="sm" />
      ) : result.data.auditLog.items.length === 0 ? (
        <Paragraph>{t('history.empty')}</Paragraph>
      ) : (
        <Table zebra border data-size="sm">
          <caption className="visually-hidden">{t('history.heading')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('history.col.when')}</Table.HeaderCell>
              <Table.HeaderCell>{t('history.col.who')}</Table.HeaderCell>
              <Table.HeaderCell>{t('history.col.what')}</Table.HeaderCell>
              <Table.HeaderCell>{t('history.col.changes')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {result.data.auditLog.items.map((e) => (
              <Table.Row key={e.id}>
                <Table.Cell>{fmt.format(new Date(e.at))}</Table.Cell>
                <Table.Cell>{e.userLabel ?? t('history.system')}</Table.Cell>
                <Table.Cell>{e.operation}</Table.Cell>
                <Table.Cell>
                  {Object.entries(e.changes as Record<string, { before: unknown; after: unknown }>).map(([field, c]) => (
                    <div key={field}>
                      <code>{field}</code>: {show(c.before)} → {show(c.after)}
                    </div>
                  ))}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </section>
  );
}
