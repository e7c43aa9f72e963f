import { useState } from 'react';
import { useMutation } from 'urql';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useI18n } from '../../i18n/i18n';
import { formatDate, formatInteger } from '../../lib/format';
import { ImportFlow } from './ImportFlow';
import { SpreadsheetField, useImportStage, type SpreadsheetFile } from './SpreadsheetField';
import { ConfirmMembershipImportMutation, PreviewMembershipImportMutation } from './imports.graphql';

/** Memberships from a spreadsheet (CSV or XLSX): progress, preview, row errors, then all or nothing. */
export function MembershipImport() {
  const { t } = useI18n();
  const [file, setFile] = useState<SpreadsheetFile | null>(null);
  const { stage, run, previewFile } = useImportStage();
  const [preview, runPreview] = useMutation(PreviewMembershipImportMutation);
  const [confirmed, runConfirm] = useMutation(ConfirmMembershipImportMutation);
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
      <ImportFlow
        stage={stage}
        previewError={preview.error}
        preview={preview.data?.previewMembershipImport}
        confirmError={confirmed.error}
        confirming={confirmed.fetching}
        done={confirmed.data?.confirmMembershipImport}
        testId="membership"
        summary={(p) =>
          t('import.membershipSummary', {
            rows: formatInteger(p.rows),
            added: formatInteger(p.added),
            changed: formatInteger(p.changed),
            unchanged: formatInteger(p.unchanged),
          })
        }
        changes={(p) => p.changes.length}
        tableLabel={t('import.memberships')}
        columns={[
          t('import.col.centre'),
          t('import.col.municipality'),
          t('import.col.role'),
          t('import.col.joined'),
          t('import.col.left'),
          t('import.col.action'),
        ]}
        rows={(p) =>
          p.changes.map((c) => (
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
          ))
        }
        confirmLabel={(n) => t('import.confirmMemberships', { n })}
        onConfirm={
          file
            ? (p) =>
                void run({ step: 'saving', rows: p.changes.length }, () =>
                  runConfirm({ file: file.content, format: file.format, checksum: p.checksum }),
                )
            : null
        }
        doneText={(counts) => t('import.membershipsDone', counts)}
      />
    </section>
  );
}
