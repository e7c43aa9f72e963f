import { useState } from 'react';
import { useMutation } from 'urql';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { canImportContacts, isAdmin } from '@samordna/domain';
import { useI18n } from '../../i18n/i18n';
import { readFileText } from '../../lib/decode';
import { formatInteger } from '../../lib/format';
import { useSession } from '../auth/session';
import { ConfirmPopulationImportMutation, PreviewPopulationImportMutation } from './imports.graphql';
import { ContactImport } from './ContactImport';
import { MembershipImport } from './MembershipImport';
import { ImportFlow } from './ImportFlow';
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
      <ImportFlow
        stage={stage}
        previewError={preview.error}
        preview={preview.data?.previewPopulationImport}
        confirmError={confirmed.error}
        confirming={confirmed.fetching}
        done={confirmed.data?.confirmPopulationImport}
        testId="import"
        heading={t('import.preview')}
        summary={(p) =>
          t('import.summary', {
            rows: formatInteger(p.rows),
            years: p.years.join(', '),
            added: formatInteger(p.added),
            changed: formatInteger(p.changed),
            unchanged: formatInteger(p.unchanged),
            skipped: formatInteger(p.skipped),
          })
        }
        changes={(p) => p.added + p.changed}
        tableLabel={t('import.preview')}
        columns={[t('import.col.municipality'), t('import.col.year'), t('import.col.before'), t('import.col.after')]}
        rows={(p) =>
          p.changes.map((c) => (
            <tr key={`${c.kommunenummer}-${c.year}`}>
              <td>
                {c.kommunenummer} {c.name}
              </td>
              <td>{c.year}</td>
              <td>{c.before === null ? '–' : formatInteger(c.before)}</td>
              <td>{formatInteger(c.after)}</td>
            </tr>
          ))
        }
        confirmLabel={(n) => t('import.confirm', { n })}
        onConfirm={
          csv
            ? (p) =>
                void run({ step: 'saving', rows: p.added + p.changed }, () => runConfirm({ csv, checksum: p.checksum }))
            : null
        }
        doneText={(counts) => t('import.done', counts)}
      />
      <MembershipImport />
      <ContactImport />
    </>
  );
}
