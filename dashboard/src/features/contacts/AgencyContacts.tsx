import type { ReactNode } from 'react';
import { Button, Checkbox, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { AGENCY_KIND_LABELS, type Grant } from '@samordna/domain';
import { ExampleTag } from '../../components/ExampleTag';
import { ScrollTable } from '../../components/ScrollTable';
import type { MunicipalityContactsQuery } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import { formatOsloDate } from '../../lib/format';
import { Permission } from '../auth/Permission';

export type Agency = MunicipalityContactsQuery['agencies']['items'][number];
type Contact = Agency['contacts'][number];

const monthsSince = (iso: string) => Math.floor((Date.now() - new Date(iso).getTime()) / (30.44 * 24 * 3600 * 1000));

/** One agency of a municipality with its contact people: select to verify, edit, add. */
export function AgencyContacts({
  agency: a,
  selected,
  onToggle,
  mayEdit,
  onEdit,
  onAdd,
}: {
  agency: Agency;
  selected: readonly string[];
  onToggle: (id: string, on: boolean) => void;
  mayEdit: (grants: Grant[]) => boolean;
  onEdit: (contact: Contact) => void;
  onAdd: () => void;
}) {
  const { t, locale } = useI18n();
  return (
    <section aria-labelledby={`agency-${a.id}`} className="agency-block">
      <Heading level={2} data-size="xs" id={`agency-${a.id}`}>
        {a.name} <span className="muted">· {AGENCY_KIND_LABELS[a.kind][locale]}</span>
        <ExampleTag show={a.isExample} />
      </Heading>
      <Paragraph data-size="sm" className={a.writtenAgreement ? '' : 'muted'}>
        {a.writtenAgreement ? t('contacts.writtenAgreement') : t('contacts.noWrittenAgreement')}
      </Paragraph>
      <ScrollTable label={a.name}>
        <Table zebra border data-size="sm" data-testid="contact-table">
          <caption className="visually-hidden">{a.name}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell className="no-print">{t('contacts.col.select')}</Table.HeaderCell>
              <Table.HeaderCell>{t('contacts.col.name')}</Table.HeaderCell>
              <Table.HeaderCell>{t('contacts.col.title')}</Table.HeaderCell>
              <Table.HeaderCell>{t('contacts.col.phone')}</Table.HeaderCell>
              <Table.HeaderCell>{t('contacts.col.email')}</Table.HeaderCell>
              <Table.HeaderCell>{t('contacts.col.verified')}</Table.HeaderCell>
              <Table.HeaderCell className="no-print">{t('contacts.col.actions')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {a.contacts.map((c) => (
              <Table.Row key={c.id}>
                <Table.Cell className="no-print">
                  <Checkbox
                    aria-label={t('contacts.select', { name: c.name })}
                    checked={selected.includes(c.id)}
                    onChange={(e) => onToggle(c.id, e.target.checked)}
                  />
                </Table.Cell>
                <Table.Cell>
                  {c.name}
                  {c.isContactPoint && (
                    <Tag data-size="sm" data-color="accent" className="example-tag">
                      {t('contacts.contactPoint')}
                    </Tag>
                  )}
                </Table.Cell>
                <Table.Cell>{c.title ?? ''}</Table.Cell>
                <Table.Cell className="nowrap">{c.phone ?? ''}</Table.Cell>
                <Table.Cell>{c.email ?? ''}</Table.Cell>
                <Table.Cell data-testid="verified-cell">
                  {c.verifiedAt
                    ? `${formatOsloDate(c.verifiedAt)} (${t('contacts.monthsAgo', { months: monthsSince(c.verifiedAt) })})`
                    : t('contacts.never')}
                  {c.stale && (
                    <Tag data-size="sm" data-color="warning" className="example-tag">
                      {t('contacts.stale')}
                    </Tag>
                  )}
                </Table.Cell>
                <Table.Cell className="no-print">
                  <Permission allowed={mayEdit}>
                    <Button
                      variant="tertiary"
                      data-size="sm"
                      aria-label={t('contacts.edit', { name: c.name })}
                      onClick={() => onEdit(c)}
                    >
                      {t('agreement.edit')}
                    </Button>
                  </Permission>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </ScrollTable>
      <Permission allowed={mayEdit}>
        <Button variant="tertiary" data-size="sm" className="no-print" onClick={onAdd}>
          + {t('contacts.add')}
        </Button>
      </Permission>
    </section>
  );
}

/**
 * A municipality's agencies and their contacts, under a row of actions (verify the selected, «Ny
 * etat», export, print); with no agency yet, only «Ny etat».
 */
export function MunicipalityAgencies({
  name,
  agencies,
  mayEdit,
  verifyButton,
  onNewAgency,
  onExport,
  selected,
  onToggle,
  onEdit,
  onAdd,
}: {
  /** The municipality's name. */
  name: string;
  agencies: readonly Agency[];
  mayEdit: (grants: Grant[]) => boolean;
  verifyButton: ReactNode;
  onNewAgency: () => void;
  onExport: () => void;
  selected: readonly string[];
  onToggle: (id: string, on: boolean) => void;
  onEdit: (agencyId: string, contact: Contact) => void;
  onAdd: (agencyId: string) => void;
}) {
  const { t } = useI18n();
  const newAgency = (
    <Button variant="secondary" onClick={onNewAgency}>
      + {t('contacts.newAgency')}
    </Button>
  );
  if (agencies.length === 0) {
    return (
      <>
        <Paragraph role="status">{t('contacts.noAgencies', { name })}</Paragraph>
        <div className="button-row no-print">
          <Permission allowed={mayEdit}>{newAgency}</Permission>
        </div>
      </>
    );
  }
  return (
    <>
      <div className="button-row no-print">
        <Permission allowed={mayEdit}>
          {verifyButton}
          {newAgency}
        </Permission>
        <Button variant="tertiary" onClick={onExport}>
          {t('contacts.exportCsv')}
        </Button>
        <Button variant="tertiary" onClick={() => window.print()}>
          {t('contacts.print')}
        </Button>
      </div>
      {agencies.map((a) => (
        <AgencyContacts
          key={a.id}
          agency={a}
          selected={selected}
          onToggle={onToggle}
          mayEdit={mayEdit}
          onEdit={(c) => onEdit(a.id, c)}
          onAdd={() => onAdd(a.id)}
        />
      ))}
    </>
  );
}
