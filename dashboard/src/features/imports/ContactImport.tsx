import { useState } from 'react';
import { useMutation } from 'urql';
import { Alert, Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { AGENCY_KIND_LABELS, readCsv } from '@samordna/domain';
import { useI18n } from '../../i18n/i18n';
import { readFileBase64, readFileText } from '../../lib/decode';
import { errorMessage } from '../../lib/errors';
import { formatInteger } from '../../lib/format';
import { ImportProgress, type ImportStage } from './ImportProgress';
import { RowErrors } from './RowErrors';
import { ConfirmContactImportMutation, PreviewContactImportMutation } from './imports.graphql';

type Format = 'CSV' | 'XLSX';

/** Rows of a CSV below its header, for the progress text; an XLSX is counted by the server. */
const dataRows = (text: string) => Math.max(0, readCsv(text).filter((r) => r.cells.some((c) => c.trim() !== '')).length - 1);

/**
 * Contacts from a spreadsheet (CSV or XLSX, the contacts export's columns): progress while the file
 * is read, checked and saved; a preview with row errors; then all or nothing.
 */
export function ContactImport() {
  const { t, locale } = useI18n();
  const [file, setFile] = useState<{ content: string; format: Format } | null>(null);
  const [stage, setStage] = useState<ImportStage | null>(null);
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
      <label className="file-field">
        {t('import.contactFile')}
        <input
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={stage !== null}
          onChange={async (e) => {
            const chosen = e.target.files?.[0];
            if (!chosen) return;
            setStage({ step: 'reading' });
            try {
              const format: Format = /\.xlsx$/i.test(chosen.name) ? 'XLSX' : 'CSV';
              const content = format === 'XLSX' ? await readFileBase64(chosen) : await readFileText(chosen);
              setFile({ content, format });
              setStage({ step: 'checking', rows: format === 'CSV' ? dataRows(content) : null });
              await runPreview({ file: content, format });
            } finally {
              setStage(null);
            }
          }}
        />
      </label>
      <ImportProgress stage={stage} />
      {preview.error && (
        <Alert data-color="danger" role="alert">
          {errorMessage(preview.error, t('error.network'))}
        </Alert>
      )}
      {p && !done && !stage && (
        <div data-testid="contact-preview">
          <Paragraph>
            {t('import.contactSummary', { rows: formatInteger(p.rows), added: formatInteger(p.added), changed: formatInteger(p.changed), unchanged: formatInteger(p.unchanged), agencies: formatInteger(p.agenciesAdded) })}
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
                        <td>{c.action === 'ADD' ? t('import.add') : `${t('import.change')}: ${c.fields.join(', ')}`}</td>
                      </tr>
                    ))}
                  </tbody>
                </Table>
              </div>
              <Button
                disabled={confirmed.fetching || stage !== null || !file}
                onClick={async () => {
                  if (!file) return;
                  setStage({ step: 'saving', rows: p.changes.length });
                  try {
                    await runConfirm({ file: file.content, format: file.format, checksum: p.checksum });
                  } finally {
                    setStage(null);
                  }
                }}
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
          {t('import.contactsDone', { added: formatInteger(done.added), changed: formatInteger(done.changed), unchanged: formatInteger(done.unchanged) })}
        </Alert>
      )}
    </section>
  );
}
