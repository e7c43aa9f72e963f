import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { AGENCY_KIND_LABELS } from '@samordna/domain';
import { useI18n } from '../../i18n/i18n';
import { formatInteger } from '../../lib/format';
import { ImportFlow } from './ImportFlow';
import { SpreadsheetField } from './SpreadsheetField';
import { useImportPreview } from './useImportPreview';
import { ConfirmContactImportMutation, PreviewContactImportMutation } from './imports.graphql';

/**
 * Contacts from a spreadsheet (CSV or XLSX, the contacts export's columns): progress while the file
 * is read, checked and saved; a preview with row errors; then all or nothing.
 */
export function ContactImport() {
  const { t, locale } = useI18n();
  const { busy, choose, flow } = useImportPreview(
    PreviewContactImportMutation,
    ConfirmContactImportMutation,
    (d) => d.previewContactImport,
    (d) => d.confirmContactImport,
  );
  return (
    <section aria-labelledby="contact-import">
      <Heading level={2} data-size="sm" id="contact-import">
        {t('import.contacts')}
      </Heading>
      <Paragraph>{t('import.contactsIntro')}</Paragraph>
      <SpreadsheetField label={t('import.contactFile')} busy={busy} onChoose={choose} />
      <ImportFlow
        {...flow}
        testId="contact"
        summary={(p) =>
          t('import.contactSummary', {
            rows: formatInteger(p.rows),
            added: formatInteger(p.added),
            changed: formatInteger(p.changed),
            unchanged: formatInteger(p.unchanged),
            agencies: formatInteger(p.agenciesAdded),
          })
        }
        tableLabel={t('import.contacts')}
        columns={[
          t('import.col.line'),
          t('import.col.municipality'),
          t('import.col.agency'),
          t('import.col.contact'),
          t('import.col.action'),
        ]}
        rows={(p) =>
          p.changes.map((c) => (
            <tr key={c.line}>
              <td>{c.line}</td>
              <td>
                {c.kommunenummer} {c.municipality}
              </td>
              <td>
                {c.agency} <span className="muted">· {AGENCY_KIND_LABELS[c.kind][locale]}</span>
                {c.newAgency ? ` (${t('import.newAgency')})` : ''}
              </td>
              <td>
                {c.name}
                {c.title ? `, ${c.title}` : ''}
                {c.isContactPoint ? ` · ${t('import.contactPoint')}` : ''}
              </td>
              <td>{c.action === 'ADD' ? t('import.add') : `${t('import.change')}: ${c.fields.join(', ')}`}</td>
            </tr>
          ))
        }
        confirmLabel={(n) => t('import.confirmContacts', { n })}
        doneText={(counts) => t('import.contactsDone', counts)}
      />
    </section>
  );
}
