import { Link as RouterLink } from 'react-router';
import { Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import {
  AGENCY_KIND_LABELS,
  canManageMunicipalityContacts,
  FINDING_CODE_LABELS,
  type AgencyKind,
  type Grant,
} from '@samordna/domain';
import { ScrollTable } from '../../components/ScrollTable';
import type { CentreContactsQuery } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import { usePlural } from '../../i18n/plural';

const CONTACT_CODES = ['NO_CONTACT_POINT', 'NO_KEY_CONTACT', 'STALE_CONTACTS', 'NO_WRITTEN_COOPERATION'] as const;

/**
 * A centre's member municipalities and the contact gaps of each, with a link to add a missing key
 * agency where the user may manage that municipality's contacts.
 */
export function CentreGaps({
  coverage,
  centreId,
  grants,
}: {
  coverage: CentreContactsQuery['centreCoverage'];
  centreId: string;
  grants: Grant[];
}) {
  const { t, locale } = useI18n();
  const plural = usePlural();
  // A gap tag says what is missing: which key agencies have no contact, how many contacts are unverified.
  const gapLabel = (
    code: (typeof CONTACT_CODES)[number],
    r: { missingKeyAgencies: AgencyKind[]; staleContacts: number },
  ) =>
    code === 'NO_KEY_CONTACT' && r.missingKeyAgencies.length
      ? t('contacts.gap.missing', {
          agencies: r.missingKeyAgencies.map((k) => AGENCY_KIND_LABELS[k][locale]).join(', '),
        })
      : code === 'STALE_CONTACTS' && r.staleContacts > 0
        ? plural(r.staleContacts, 'contacts.gap.staleOne', 'contacts.gap.stale')
        : FINDING_CODE_LABELS[code][locale];
  return (
    <section aria-labelledby="centre-contacts-heading">
      <Heading level={2} data-size="sm" id="centre-contacts-heading">
        {t('contacts.centreView', { name: coverage.centreName })}
      </Heading>
      {coverage.rows.length === 0 ? (
        <Paragraph role="status">{t('common.noMembers', { name: coverage.centreName })}</Paragraph>
      ) : (
        <ScrollTable label={t('contacts.centreView', { name: coverage.centreName })}>
          <Table zebra border data-size="sm" data-testid="centre-contacts">
            <caption className="visually-hidden">{t('contacts.centreView', { name: coverage.centreName })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('contacts.municipality')}</Table.HeaderCell>
                <Table.HeaderCell>{t('contacts.missing')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {coverage.rows.map((r) => {
                const codes = r.codes.filter((c): c is (typeof CONTACT_CODES)[number] =>
                  (CONTACT_CODES as readonly string[]).includes(c),
                );
                return (
                  <Table.Row key={r.municipality.kommunenummer}>
                    <Table.Cell>
                      <RouterLink to={`/kontakter?kommune=${r.municipality.kommunenummer}`}>
                        {r.municipality.name}
                      </RouterLink>
                    </Table.Cell>
                    <Table.Cell>
                      {codes.length === 0
                        ? t('contacts.allGood')
                        : codes.map((c) => (
                            <Tag key={c} data-size="sm" data-color="warning" className="code-tag">
                              {gapLabel(c, r)}
                            </Tag>
                          ))}
                      {r.missingKeyAgencies.length > 0 &&
                        canManageMunicipalityContacts(grants, r.municipality.kommunenummer, [centreId]) && (
                          <span className="gap-actions no-print">
                            {r.missingKeyAgencies.map((k) => (
                              <RouterLink key={k} to={`/kontakter?kommune=${r.municipality.kommunenummer}&ny=${k}`}>
                                {t('contacts.addMissing', { agency: AGENCY_KIND_LABELS[k][locale] })}
                                <span className="visually-hidden">
                                  {' '}
                                  {t('contacts.inMunicipality', { municipality: r.municipality.name })}
                                </span>
                              </RouterLink>
                            ))}
                          </span>
                        )}
                    </Table.Cell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        </ScrollTable>
      )}
    </section>
  );
}
