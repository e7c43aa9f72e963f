import { Table, Tag } from '@digdir/designsystemet-react';
import type { MunicipalitiesOfCountyQuery } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import { useCodeText } from '../../i18n/codes';
import { formatInteger } from '../../lib/format';
import { ScrollTable } from '../../components/ScrollTable';

export type MunicipalityRow = MunicipalitiesOfCountyQuery['municipalities'][number];

/** Pure: draws the rows it is given. */
export function MunicipalityTable({ rows, caption }: { rows: MunicipalityRow[]; caption: string }) {
  const { t } = useI18n();
  const codes = useCodeText();
  return (
    <ScrollTable label={caption}>
      <Table zebra border data-testid="municipality-table">
        <caption>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('municipalities.col.number')}</Table.HeaderCell>
            <Table.HeaderCell>{t('municipalities.col.name')}</Table.HeaderCell>
            <Table.HeaderCell style={{ textAlign: 'right' }}>{t('municipalities.col.population')}</Table.HeaderCell>
            <Table.HeaderCell>{t('municipalities.col.centre')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map((m) => (
            <Table.Row key={m.kommunenummer}>
              <Table.Cell>{m.kommunenummer}</Table.Cell>
              <Table.Cell>
                {m.name}
                {m.samiName && m.samiName !== m.name ? <span className="muted"> ({m.samiName})</span> : null}
              </Table.Cell>
              <Table.Cell style={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>
                {m.population ? formatInteger(m.population.population) : '–'}
              </Table.Cell>
              <Table.Cell>
                {m.centreMemberships.length === 0 && m.documentedMembership ? (
                  <div
                    className={m.documentedMembership.provenance.marked ? 'documented documented-weak' : 'documented'}
                  >
                    {m.documentedMembership.centreName}{' '}
                    <Tag data-size="sm" data-color="neutral">
                      {m.documentedMembership.role === 'HOST' ? t('municipalities.host') : t('municipalities.partner')}
                    </Tag>{' '}
                    <a href={m.documentedMembership.provenance.sourceUrl} target="_blank" rel="noopener noreferrer">
                      {t('panel.source')}
                    </a>{' '}
                    <span className="muted">
                      ({codes.sourceDate(m.documentedMembership.provenance)}; {t('panel.confidence').toLowerCase()}:{' '}
                      {codes.confidence(m.documentedMembership.provenance.confidence).toLowerCase()})
                    </span>
                  </div>
                ) : m.centreMemberships.length === 0 ? (
                  <span className="muted">{t('municipalities.notRegistered')}</span>
                ) : (
                  <>
                    {m.centreMemberships.map((cm) => (
                      <div key={cm.id}>
                        {cm.centre.name}{' '}
                        <Tag data-size="sm" data-color={cm.role === 'HOST' ? 'accent' : 'neutral'}>
                          {cm.role === 'HOST' ? t('municipalities.host') : t('municipalities.partner')}
                        </Tag>
                      </div>
                    ))}
                    <a href={`/kommuner/${m.kommunenummer}/nettekst`}>
                      <small>{t('webtext.link')}</small>
                    </a>
                  </>
                )}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </ScrollTable>
  );
}
