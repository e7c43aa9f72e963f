import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import { Checkbox, Field, Heading, Label, Paragraph, Select, Table } from '@digdir/designsystemet-react';
import { ScrollTable } from '../../components/ScrollTable';
import type { StaleContactsQuery } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import { usePlural } from '../../i18n/plural';
import { formatOsloDate } from '../../lib/format';

export type StaleContact = StaleContactsQuery['contacts']['items'][number];
export type StaleSort = 'verified' | 'name' | 'municipality';

/** The stale contacts in the chosen order: never verified first, then the oldest verification. */
export function sortStale(items: readonly StaleContact[], sort: StaleSort): StaleContact[] {
  const by = {
    verified: (a: StaleContact, b: StaleContact) => (a.verifiedAt ?? '').localeCompare(b.verifiedAt ?? ''),
    name: (a: StaleContact, b: StaleContact) => a.name.localeCompare(b.name, 'nb'),
    municipality: (a: StaleContact, b: StaleContact) =>
      a.agency.municipality.name.localeCompare(b.agency.municipality.name, 'nb') || a.name.localeCompare(b.name, 'nb'),
  }[sort];
  return [...items].sort(by);
}

/** «Ikke bekreftet på lenge»: contacts across municipalities to verify, selectable in bulk. */
export function StaleContacts({
  items,
  totalCount,
  ownCentre,
  sort,
  onSort,
  selected,
  onToggle,
  onSelectAll,
  verifyButton,
}: {
  /** Already sorted. */
  items: readonly StaleContact[];
  totalCount: number;
  /** The list is the user's own centre's members. */
  ownCentre: boolean;
  sort: StaleSort;
  onSort: (sort: StaleSort) => void;
  selected: readonly string[];
  onToggle: (id: string, on: boolean) => void;
  onSelectAll: (ids: string[]) => void;
  /** «Bekreft valgte», for those who may. */
  verifyButton: ReactNode;
}) {
  const { t } = useI18n();
  const plural = usePlural();
  return (
    <section aria-labelledby="stale-heading">
      <Heading level={2} data-size="sm" id="stale-heading">
        {t('contacts.staleList')}
      </Heading>
      <Paragraph role="status">{plural(totalCount, 'contacts.staleCountOne', 'contacts.staleCount')}</Paragraph>
      {ownCentre && <Paragraph data-size="sm">{t('contacts.staleOwnCentre')}</Paragraph>}
      {items.length > 0 && (
        <>
          <div className="button-row no-print">
            {verifyButton}
            <Field>
              <Label htmlFor="stale-sort">{t('contacts.sortBy')}</Label>
              <Select id="stale-sort" value={sort} onChange={(e) => onSort(e.target.value as StaleSort)}>
                <Select.Option value="verified">{t('contacts.sort.verified')}</Select.Option>
                <Select.Option value="name">{t('contacts.sort.name')}</Select.Option>
                <Select.Option value="municipality">{t('contacts.sort.municipality')}</Select.Option>
              </Select>
            </Field>
          </div>
          <ScrollTable label={t('contacts.staleList')}>
            <Table zebra border data-size="sm" data-testid="stale-table">
              <caption className="visually-hidden">{t('contacts.staleList')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>
                    <Checkbox
                      aria-label={t('contacts.selectAll')}
                      checked={items.length > 0 && items.every((c) => selected.includes(c.id))}
                      onChange={(e) => onSelectAll(e.target.checked ? items.map((c) => c.id) : [])}
                    />
                  </Table.HeaderCell>
                  <Table.HeaderCell>{t('contacts.col.name')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('contacts.municipality')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('contacts.col.verified')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {items.map((c) => (
                  <Table.Row key={c.id}>
                    <Table.Cell>
                      <Checkbox
                        aria-label={t('contacts.select', { name: c.name })}
                        checked={selected.includes(c.id)}
                        onChange={(e) => onToggle(c.id, e.target.checked)}
                      />
                    </Table.Cell>
                    <Table.Cell>
                      {c.name} <span className="muted">({c.agency.name})</span>
                    </Table.Cell>
                    <Table.Cell>
                      <RouterLink to={`/kontakter?kommune=${c.agency.municipality.kommunenummer}`}>
                        {c.agency.municipality.name}
                      </RouterLink>
                    </Table.Cell>
                    <Table.Cell>{c.verifiedAt ? formatOsloDate(c.verifiedAt) : t('contacts.never')}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </ScrollTable>
        </>
      )}
    </section>
  );
}
