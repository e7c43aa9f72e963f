import { useState } from 'react';
import { useMutation } from 'urql';
import { Alert, Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { canImportContacts, isAdmin } from '@samordna/domain';
import { useI18n } from '../../i18n/i18n';
import { readFileText } from '../../lib/decode';
import { errorMessage } from '../../lib/errors';
import { formatInteger } from '../../lib/format';
import { useSession } from '../auth/session';
import { ConfirmPopulationImportMutation, PreviewPopulationImportMutation } from './imports.graphql';
import { ContactImport } from './ContactImport';
import { MembershipImport } from './MembershipImport';
import { ImportProgress } from './ImportProgress';
import { RowErrors } from './RowErrors';
import { dataRows, useImportStage } from './SpreadsheetField';

/**
 * «Import»: population from SSB table 07459, memberships and contacts – choose the file, see what it
 * would do, then confirm (all or nothing).
 */
export default function ImportPage() {
  const { t } = useI18n();
  const { grants } = useSession();
  const [csv, setCsv] = useState<string | null>(null);
  const { stage, run, setStage } = useImportStage();
  const [preview, runPreview] = useMutation(PreviewPopulationImportMutation);
  const [confirmed, runConfirm] = useMutation(ConfirmPopulationImportMutation);
  if (!isAdmin(grants)) {
    return (
      <>
        <Heading level={1}>{t('import.heading')}</Heading>
        <Paragraph>{t('import.adminOnly')}</Paragraph>
        {canImportContacts(grants) && <ContactImport />}
      </>
    );
  }
  const p = preview.data?.previewPopulationImport;
  const done = confirmed.data?.confirmPopulationImport;
  return (
    <>
      <Heading level={1}>{t('import.heading')}</Heading>
      <Paragraph>{t('import.intro')}</Paragraph>
      <label className="file-field">
        {t('import.file')}
        <input
          type="file"
          accept=".csv,text/csv"
          disabled={stage !== null}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (!file) return;
            void run({ step: 'reading' }, async () => {
              const text = await readFileText(file);
              setCsv(text);
              setStage({ step: 'checking', rows: dataRows({ content: text, format: 'CSV' }) });
              await runPreview({ csv: text });
            });
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
        <section aria-labelledby="import-preview" data-testid="import-preview">
          <Heading level={2} data-size="sm" id="import-preview">
            {t('import.preview')}
          </Heading>
          <Paragraph>
            {t('import.summary', {
              rows: formatInteger(p.rows),
              years: p.years.join(', '),
              added: formatInteger(p.added),
              changed: formatInteger(p.changed),
              unchanged: formatInteger(p.unchanged),
              skipped: formatInteger(p.skipped),
            })}
          </Paragraph>
          {p.errors.length > 0 ? (
            <RowErrors errors={p.errors} />
          ) : p.added + p.changed === 0 ? (
            <Alert data-color="info">{t('import.nothingNew')}</Alert>
          ) : (
            <>
              <div className="table-scroll" role="region" aria-label={t('import.preview')} tabIndex={0}>
                <Table data-size="sm">
                  <thead>
                    <tr>
                      <th scope="col">{t('import.col.municipality')}</th>
                      <th scope="col">{t('import.col.year')}</th>
                      <th scope="col">{t('import.col.before')}</th>
                      <th scope="col">{t('import.col.after')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {p.changes.map((c) => (
                      <tr key={`${c.kommunenummer}-${c.year}`}>
                        <td>
                          {c.kommunenummer} {c.name}
                        </td>
                        <td>{c.year}</td>
                        <td>{c.before === null ? '–' : formatInteger(c.before)}</td>
                        <td>{formatInteger(c.after)}</td>
                      </tr>
                    ))}
                  </tbody>
                </Table>
              </div>
              <Button
                disabled={confirmed.fetching || stage !== null || !csv}
                onClick={() =>
                  csv &&
                  void run({ step: 'saving', rows: p.added + p.changed }, () =>
                    runConfirm({ csv, checksum: p.checksum }),
                  )
                }
              >
                {t('import.confirm', { n: formatInteger(p.added + p.changed) })}
              </Button>
            </>
          )}
        </section>
      )}
      {confirmed.error && (
        <Alert data-color="danger" role="alert">
          {errorMessage(confirmed.error, t('error.network'))}
        </Alert>
      )}
      {done && (
        <Alert data-color="success" role="status" data-testid="import-done">
          {t('import.done', {
            added: formatInteger(done.added),
            changed: formatInteger(done.changed),
            unchanged: formatInteger(done.unchanged),
          })}
        </Alert>
      )}
      <MembershipImport />
      <ContactImport />
    </>
  );
}
