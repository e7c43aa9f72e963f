import { useState } from 'react';
import { useMutation } from 'urql';
import { Alert, Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useI18n } from '../../i18n/i18n';
import { errorMessage } from '../../lib/errors';
import { formatDate, formatInteger } from '../../lib/format';
import { ImportProgress } from './ImportProgress';
import { RowErrors } from './RowErrors';
import { SpreadsheetField, useImportStage, type SpreadsheetFile } from './SpreadsheetField';
import { ConfirmMembershipImportMutation, PreviewMembershipImportMutation } from './imports.graphql';

/** Memberships from a spreadsheet (CSV or XLSX): progress, preview, row errors, then all or nothing. */
export function MembershipImport() {
  const { t } = useI18n();
  const [file, setFile] = useState<SpreadsheetFile | null>(null);
  const { stage, run, previewFile } = useImportStage();
  const [preview, runPreview] = useMutation(PreviewMembershipImportMutation);
  const [confirmed, runConfirm] = useMutation(ConfirmMembershipImportMutation);
  const p = preview.data?.previewMembershipImport;
  const done = confirmed.data?.confirmMembershipImport;
  return (
    <section aria-labelledby="membership-import">
      <Heading level={2} data-size="sm" id="membership-import">
        {t('import.memberships')}
      </Heading>
      <Paragraph>{t('import.membershipsIntro')}</Paragraph>
      <SpreadsheetField
        label={t('import.membershipFile')}
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
        <div data-testid="membership-preview">
          <Paragraph>
            {t('import.membershipSummary', {
              rows: formatInteger(p.rows),
              added: formatInteger(p.added),
              changed: formatInteger(p.changed),
              unchanged: formatInteger(p.unchanged),
            })}
          </Paragraph>
          {p.errors.length > 0 ? (
            <RowErrors errors={p.errors} />
          ) : p.changes.length === 0 ? (
            <Alert data-color="info">{t('import.nothingNew')}</Alert>
          ) : (
            <>
              <div className="table-scroll" role="region" aria-label={t('import.memberships')} tabIndex={0}>
                <Table data-size="sm">
                  <thead>
                    <tr>
                      <th scope="col">{t('import.col.centre')}</th>
                      <th scope="col">{t('import.col.municipality')}</th>
                      <th scope="col">{t('import.col.role')}</th>
                      <th scope="col">{t('import.col.joined')}</th>
                      <th scope="col">{t('import.col.left')}</th>
                      <th scope="col">{t('import.col.action')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {p.changes.map((c) => (
                      <tr key={c.line}>
                        <td>{c.centre}</td>
                        <td>
                          {c.kommunenummer} {c.municipality}
                        </td>
                        <td>{c.role === 'host' ? t('municipalities.host') : t('municipalities.partner')}</td>
                        <td>{c.joinedOn ? formatDate(c.joinedOn) : '–'}</td>
                        <td>{c.leftOn ? formatDate(c.leftOn) : '–'}</td>
                        <td>{c.action === 'ADD' ? t('import.add') : t('import.change')}</td>
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
                {t('import.confirmMemberships', { n: formatInteger(p.changes.length) })}
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
        <Alert data-color="success" role="status" data-testid="membership-done">
          {t('import.membershipsDone', {
            added: formatInteger(done.added),
            changed: formatInteger(done.changed),
            unchanged: formatInteger(done.unchanged),
          })}
        </Alert>
      )}
    </section>
  );
}
