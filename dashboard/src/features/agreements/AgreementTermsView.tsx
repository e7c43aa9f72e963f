import { SIGNING_LEVEL_LABELS, type SigningLevel } from '@samordna/domain';
import { ExampleTag } from '../../components/ExampleTag';
import type { NoticeRunsTo } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import { formatDate } from '../../lib/format';

interface Terms {
  title: string;
  validFrom?: string | null;
  validTo?: string | null;
  autoRenew: boolean;
  noticeMonths?: number | null;
  noticeRunsTo: NoticeRunsTo;
  signingLevel: SigningLevel;
  exampleFields: string[];
}

/** The agreement's terms as plain text, for those who may read but not change them. */
export function AgreementTermsView({ agreement: a }: { agreement: Terms }) {
  const { t, locale } = useI18n();
  const ex = (f: string) => <ExampleTag show={a.exampleFields.includes(f)} />;
  const rows: [string, string, string][] = [
    ['title', t('agreement.title'), a.title],
    ['validFrom', t('agreement.validFrom'), a.validFrom ? formatDate(a.validFrom) : '–'],
    ['validTo', t('agreement.validTo'), a.validTo ? formatDate(a.validTo) : '–'],
    ['autoRenew', t('agreement.autoRenew'), a.autoRenew ? t('common.yes') : t('common.no')],
    [
      'noticeMonths',
      t('agreement.noticeMonths'),
      a.noticeMonths === null || a.noticeMonths === undefined ? '–' : String(a.noticeMonths),
    ],
    ['noticeRunsTo', t('agreement.noticeRunsTo'), t(`agreement.runsTo.${a.noticeRunsTo}`)],
    ['signingLevel', t('agreement.signingLevel'), SIGNING_LEVEL_LABELS[a.signingLevel][locale]],
  ];
  return (
    <dl className="terms" data-testid="agreement-terms">
      {rows.map(([field, label, value]) => (
        <div key={field}>
          <dt>
            {label} {ex(field)}
          </dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
