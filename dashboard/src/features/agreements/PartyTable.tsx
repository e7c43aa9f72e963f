import { Link as RouterLink } from 'react-router';
import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { ScrollTable } from '../../components/ScrollTable';
import type { AgreementDetailQuery } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import { formatDate } from '../../lib/format';

type Detail = NonNullable<AgreementDetailQuery['agreement']>;

/** An agreement's parties: role, whether they are still in, when they joined and left, and the source. */
export function PartyTable({ parties }: { parties: Detail['parties'] }) {
  const { t } = useI18n();
  return (
    <ScrollTable label={t('agreement.parties')}>
      <Table zebra border data-size="sm" data-testid="party-table">
        <caption className="visually-hidden">{t('agreement.parties')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('map.col.municipality')}</Table.HeaderCell>
            <Table.HeaderCell>{t('agreements.col.status')}</Table.HeaderCell>
            <Table.HeaderCell>{t('agreement.joined')}</Table.HeaderCell>
            <Table.HeaderCell>{t('agreement.left')}</Table.HeaderCell>
            <Table.HeaderCell>{t('agreement.source')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {parties.map((p) => (
            <Table.Row key={p.id}>
              <PartyNameCell name={p.municipality.name} role={p.role} />
              <Table.Cell>
                {p.isCurrent ? t('agreement.current') : t('agreement.former')}
                {p.noticeGivenOn && (
                  <div className="muted">{t('agreement.partyNotice', { date: formatDate(p.noticeGivenOn) })}</div>
                )}
              </Table.Cell>
              <Table.Cell>{p.joinedOn ? formatDate(p.joinedOn) : '–'}</Table.Cell>
              <Table.Cell>{p.leftOn ? formatDate(p.leftOn) : '–'}</Table.Cell>
              <Table.Cell>{p.sourceUrl ? <a href={p.sourceUrl}>{new URL(p.sourceUrl).hostname}</a> : '–'}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </ScrollTable>
  );
}

/** The agreement this one replaced and the ones that replaced it; nothing when there are none. */
export function AgreementVersions({
  supersedes,
  supersededBy,
}: {
  supersedes: Detail['supersedes'];
  supersededBy: Detail['supersededBy'];
}) {
  const { t } = useI18n();
  if (!supersedes && supersededBy.length === 0) return null;
  return (
    <section aria-labelledby="versions-heading" className="block">
      <Heading level={2} data-size="sm" id="versions-heading">
        {t('agreement.versions')}
      </Heading>
      {supersedes && (
        <Paragraph>
          {t('agreement.supersedes')}: <RouterLink to={`/avtaler/${supersedes.id}`}>{supersedes.title}</RouterLink>
        </Paragraph>
      )}
      {supersededBy.map((s) => (
        <Paragraph key={s.id}>
          {t('agreement.supersededBy')}: <RouterLink to={`/avtaler/${s.id}`}>{s.title}</RouterLink>
        </Paragraph>
      ))}
    </section>
  );
}

/** A party's first cell: the municipality and, muted, whether it hosts or joins the centre. */
export function PartyNameCell({ name, role }: { name: string; role: string }) {
  const { t } = useI18n();
  return (
    <Table.Cell>
      {name} <span className="muted">({t(`agreement.role.${role === 'HOST' ? 'host' : 'partner'}`)})</span>
    </Table.Cell>
  );
}
