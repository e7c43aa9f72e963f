import { useState } from 'react';
import { useMutation } from 'urql';
import { Alert, Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { AGENCY_KIND_LABELS } from '@samordna/domain';
import { useI18n } from '../../i18n/i18n';
import { errorMessage } from '../../lib/errors';
import { formatInteger } from '../../lib/format';
import { ImportProgress } from './ImportProgress';
import { SpreadsheetField, useImportStage, type SpreadsheetFile } from './SpreadsheetField';
import { RowErrors } from './RowErrors';
import { ConfirmContactImportMutation, PreviewContactImportMutation } from './imports.graphql';

/**
 * Contacts from a spreadsheet (CSV or XLSX, the contacts export's columns): progress while the file
 * is read, checked and saved; a preview with row errors; then all or nothing.
 */
export function ContactImport() {
  const { t, locale } = useI18n();
  const [file, setFile] = useState<SpreadsheetFile | null>(null);
  const { stage, run, previewFile } = useImportStage();
  const [preview, runPreview] = useMutation(PreviewContactImportMutation);
  const [confirmed, runConfirm] = useMutation(ConfirmContactImportMutation);
  const p = preview.data?.previewContactImport;
  const done = confirmed.data?.confirmContactImport;
  return (
    <section aria-labelledby="contact-import">
      <Heading level={2} data-size="sm" id="contact-import">
        {t('import.contacts')}
      </Heading>
      <Paragraph>{t('import.contactsIntro')}</Paragraph>
      <SpreadsheetField
        label={t('import.contactFile')}
        busy={stage !== null}
        onChoose={(chosen) =>
          void previewFile(chosen, setFile, (f) => runPreview({ file: f.content, format: f.format }))
        }
      />
      <ImportProgress stage={stage} />
      {preview.error && (
        <Alert data-color="danger" role="alert">
          {errorMessage(preview.error, t('error.network'))}
        </Alert>
      )}
      {p && !done && !stage && (
        <div data-testid="contact-preview">
          <Paragraph>
            {t('import.contactSummary', {
              rows: formatInteger(p.rows),
              added: formatInteger(p.added),
              changed: formatInteger(p.changed),
              unchanged: formatInteger(p.unchanged),
              agencies: formatInteger(p.agenciesAdded),
            })}
          </Paragraph>
          {p.errors.length > 0 ? (
            <RowErrors errors={p.errors} />
          ) : p.changes.length === 0 ? (
            <Alert data-color="info">{t('import.nothingNew')}</Alert>
          ) : (
            <>
              <div className="table-scroll" role="region" aria-label={t('import.contacts')} tabIndex={0}>
                <Table data-size="sm">
                  <thead>
                    <tr>
                      <th scope="col">{t('import.col.line')}</th>
                      <th scope="col">{t('import.col.municipality')}</th>
                      <th scope="col">{t('import.col.agency')}</th>
                      <th scope="col">{t('import.col.contact')}</th>
                      <th scope="col">{t('import.col.action')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {p.changes.map((c) => (
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
                        <td>
                          {c.action === 'ADD' ? t('import.add') : `${t('import.change')}: ${c.fields.join(', ')}`}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </Table>
              </div>
              <Button
                disabled={confirmed.fetching || stage !== null || !file}
                onClick={() =>
                  file &&
                  void run({ step: 'saving', rows: p.changes.length }, () =>
                    runConfirm({ file: file.content, format: file.format, checksum: p.checksum }),
                  )
                }
              >
                {t('import.confirmContacts', { n: formatInteger(p.changes.length) })}
              </Button>
            </>
          )}
        </div>
      )}
      {confirmed.error && (
        <Alert data-color="danger" role="alert">
          {errorMessage(confirmed.error, t('error.network'))}
        </Alert>
      )}
      {done && (
        <Alert data-color="success" role="status" data-testid="contact-done">
          {t('import.contactsDone', {
            added: formatInteger(done.added),
            changed: formatInteger(done.changed),
            unchanged: formatInteger(done.unchanged),
          })}
        </Alert>
      )}
    </section>
  );
}
