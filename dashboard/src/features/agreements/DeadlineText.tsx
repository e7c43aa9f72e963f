import { useI18n } from '../../i18n/i18n';
import { formatDate, formatInteger } from '../../lib/format';

export interface DeadlineLike {
  kind: string;
  noticeDeadline?: string | null;
  nextPossibleEnd?: string | null;
  daysLeft?: number | null;
}

export function DeadlineText({ d }: { d: DeadlineLike }) {
  const { t } = useI18n();
  const end = d.nextPossibleEnd ? formatDate(d.nextPossibleEnd) : '';
  switch (d.kind) {
    case 'NOTICE':
      return (
        <>
          {t('agreement.deadlineNotice', {
            date: formatDate(d.noticeDeadline!),
            end,
            days: formatInteger(d.daysLeft ?? 0),
          })}
        </>
      );
    case 'EXPIRY':
      return <>{t('agreement.deadlineExpiry', { end, days: formatInteger(d.daysLeft ?? 0) })}</>;
    case 'ROLLING':
      return <>{t('agreement.deadlineRolling', { end })}</>;
    case 'ENDED':
      return <>{t('agreement.deadlineEnded')}</>;
    default:
      return <>{t('agreement.deadlineUnknown')}</>;
  }
}
