import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useI18n } from '../../i18n/i18n';
import { formatDate, formatInteger } from '../../lib/format';
import { ImportFlow } from './ImportFlow';
import { SpreadsheetField } from './SpreadsheetField';
import { useImportPreview } from './useImportPreview';
import { ConfirmMembershipImportMutation, PreviewMembershipImportMutation } from './imports.graphql';

/** Memberships from a spreadsheet (CSV or XLSX): progress, preview, row errors, then all or nothing. */
export function MembershipImport() {
  const { t } = useI18n();
  const { busy, choose, flow } = useImportPreview(
    PreviewMembershipImportMutation,
    ConfirmMembershipImportMutation,
    (d) => d.previewMembershipImport,
    (d) => d.confirmMembershipImport,
  );
  return (
    <section aria-labelledby="membership-import">
      <Heading level={2} data-size="sm" id="membership-import">
        {t('import.memberships')}
      </Heading>
      <Paragraph>{t('import.membershipsIntro')}</Paragraph>
      <SpreadsheetField label={t('import.membershipFile')} busy={busy} onChoose={choose} />
      <ImportFlow
        {...flow}
        testId="membership"
        summary={(p) =>
          t('import.membershipSummary', {
            rows: formatInteger(p.rows),
            added: formatInteger(p.added),
            changed: formatInteger(p.changed),
            unchanged: formatInteger(p.unchanged),
          })
        }
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
        doneText={(counts) => t('import.membershipsDone', counts)}
      />
    </section>
  );
}
