import { SIGNING_LEVEL_LABELS } from '@samordna/domain';
import { ExampleTag } from '../../components/ExampleTag';
import { useI18n } from '../../i18n/i18n';
import { formatDate } from '../../lib/format';
import { AGREEMENT_TERMS, termLabelKey, type AgreementTerm, type AgreementTermsRecord } from './AgreementTermsForm';

/** The agreement's terms as plain text, for those who may read but not change them. */
export function AgreementTermsView({
  agreement: a,
}: {
  agreement: AgreementTermsRecord & { exampleFields: string[] };
}) {
  const { t, locale } = useI18n();
  const values: Record<AgreementTerm, string> = {
    title: a.title,
    validFrom: a.validFrom ? formatDate(a.validFrom) : '–',
    validTo: a.validTo ? formatDate(a.validTo) : '–',
    autoRenew: a.autoRenew ? t('common.yes') : t('common.no'),
    noticeMonths: a.noticeMonths === null || a.noticeMonths === undefined ? '–' : String(a.noticeMonths),
    noticeRunsTo: t(`agreement.runsTo.${a.noticeRunsTo}`),
    signingLevel: SIGNING_LEVEL_LABELS[a.signingLevel][locale],
  };
  return (
    <dl className="terms" data-testid="agreement-terms">
      {AGREEMENT_TERMS.map((field) => (
        <div key={field}>
          <dt>
            {t(termLabelKey(field))} <ExampleTag show={a.exampleFields.includes(field)} />
          </dt>
          <dd>{values[field]}</dd>
        </div>
      ))}
    </dl>
  );
}
