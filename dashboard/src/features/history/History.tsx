import { useMemo } from 'react';
import { useQuery } from 'urql';
import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { QueryState } from '../../components/States';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/nb';
import { AuditLogQuery } from './history.graphql';
import { useSession } from '../auth/session';
import { ScrollTable } from '../../components/ScrollTable';
import { AGREEMENT_TERM_LABELS } from '../agreements/AgreementTermsForm';

const show = (v: unknown): string =>
  v === null || v === undefined || v === ''
    ? '–'
    : Array.isArray(v)
      ? v.map(show).join(', ') || '–'
      : typeof v === 'object'
        ? Object.entries(v as Record<string, unknown>)
            .map(([k, x]) => `${k}: ${show(x)}`)
            .join('; ') || '–'
        : String(v);

const PARTS_OF: Record<string, string[]> = {
  HandoverRoutine: ['RoutineStep'],
  Agreement: ['AgreementParty', 'AgreementAmendment', 'AmendmentApproval'],
};
const PARTS = new Set(Object.values(PARTS_OF).flat());
const OPERATIONS = new Set([
  'CREATE',
  'UPDATE',
  'DELETE',
  'ERASE',
  'REORDER',
  'STATUS',
  'VERIFY',
  'NOTICE',
  'DECISION',
  'PROPOSE',
  'REVISE',
  'WITHDRAW',
  'APPROVE',
  'REJECT',
  'ADOPT',
]);

/** Field names in the trail as the forms call them; other fields keep their technical name. */
const FIELD_LABELS: Record<string, MessageKey> = {
  ...AGREEMENT_TERM_LABELS,
  name: 'contacts.col.name',
  phone: 'contacts.col.phone',
  email: 'contacts.col.email',
  isContactPoint: 'contacts.isContactPoint',
  timing: 'routines.col.timing',
  responsibleAgencyKind: 'routines.col.responsible',
  decisionBody: 'membership.decisionBody',
  decisionRef: 'membership.decisionRef',
  decisionDate: 'membership.decisionDate',
  reason: 'amendment.reason',
  summary: 'amendment.summary',
  effectiveOn: 'amendment.effectiveOn',
  leftOn: 'agreement.left',
  joinedOn: 'agreement.joined',
};

/** Bookkeeping fields that say nothing to a reader of the history (ids, who/when already in their columns). */
const HIDDEN = new Set([
  'id',
  'agreementId',
  'amendmentId',
  'routineId',
  'agencyId',
  'decidedByUserId',
  'proposedByUserId',
  'decidedBy',
  'proposedBy',
  'decidedAt',
  'closedAt',
  'createdAt',
  'resultAgreementId',
  'revisionOfId',
]);

/** «Historikk»: who changed what on a record, newest first. */
export function History({ entity, entityId }: { entity: string; entityId: string }) {
  const { t, locale } = useI18n();
  const { me } = useSession();
  // Refetched whenever a mutation answers with a record of this type (the entity names are the GraphQL type names).
  const context = useMemo(() => ({ additionalTypenames: [entity, ...(PARTS_OF[entity] ?? [])] }), [entity]);
  const [result, reexecute] = useQuery({
    query: AuditLogQuery,
    variables: { entity, entityId },
    pause: !me,
    requestPolicy: 'cache-and-network',
    context,
  });
  const fmt = new Intl.DateTimeFormat(locale === 'nb' ? 'nb-NO' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Europe/Oslo',
  });
  return (
    <section aria-labelledby={`history-${entityId}`} className="block" data-testid="history">
      <Heading level={2} data-size="sm" id={`history-${entityId}`}>
        {t('history.heading')}
      </Heading>
      {!me ? (
        <Paragraph className="muted">{t('history.needLogin')}</Paragraph>
      ) : result.error?.graphQLErrors.some((e) => e.extensions?.code === 'FORBIDDEN') ? (
        <Paragraph className="muted">{t('history.noAccess')}</Paragraph>
      ) : result.error || !result.data ? (
        <QueryState result={result} reexecute={reexecute} size="sm" />
      ) : result.data.auditLog.items.length === 0 ? (
        <Paragraph>{t('history.empty')}</Paragraph>
      ) : (
        <ScrollTable label={t('history.heading')}>
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
                  <Table.Cell>
                    {OPERATIONS.has(e.operation) ? t(`history.op.${e.operation}` as MessageKey) : e.operation}
                    {e.entity !== entity && PARTS.has(e.entity) && (
                      <div className="muted">
                        {t(`history.part.${e.entity}` as MessageKey, { label: e.partLabel ?? '' })}
                      </div>
                    )}
                  </Table.Cell>
                  <Table.Cell>
                    {Object.entries(e.changes as Record<string, { before: unknown; after: unknown }>)
                      .filter(([field]) => !HIDDEN.has(field))
                      .map(([field, c]) => (
                        <div key={field} className="history-change">
                          {FIELD_LABELS[field] ? t(FIELD_LABELS[field]) : <code>{field}</code>}: {show(c.before)} →{' '}
                          {show(c.after)}
                        </div>
                      ))}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </ScrollTable>
      )}
    </section>
  );
}
