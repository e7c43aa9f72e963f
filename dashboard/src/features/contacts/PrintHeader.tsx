import { todayInNorway } from '@samordna/domain';
import { useI18n } from '../../i18n/i18n';
import { formatDate } from '../../lib/format';
import './contacts.css';

/** Shown on paper only: what the printout is, for which municipality, and the day (nb-NO date) it was printed. */
export function PrintHeader({ what, municipality }: { what: string; municipality: string }) {
  const { t } = useI18n();
  return (
    <p className="print-only print-header" data-testid="print-header">
      {t('print.header', { what, municipality, date: formatDate(todayInNorway()) })}
    </p>
  );
}
