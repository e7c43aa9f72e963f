import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { sourceDatingOf } from '@samordna/domain';
import { ExampleTag } from '../../components/ExampleTag';
import type { AgreementDetailQuery } from '../../gql/graphql';
import { useCodeText } from '../../i18n/codes';
import { useI18n } from '../../i18n/i18n';
import { formatDate } from '../../lib/format';
import { DeadlineText } from './DeadlineText';

type Agreement = AgreementDetailQuery['agreement'];

/** The next deadline, with a warning when notice falls after the budget cutoff. */
export function DeadlineSection({ deadline, example }: { deadline: Agreement['deadline']; example: boolean }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="deadline-heading" className="block">
      <Heading level={2} data-size="sm" id="deadline-heading">
        {t('agreement.deadline')} <ExampleTag show={example} />
      </Heading>
      <Paragraph data-testid="agreement-deadline">
        <DeadlineText d={deadline} />
      </Paragraph>
      {deadline.noticeAfterBudgetCutoff && deadline.budgetCutoff && (
        <Alert data-color="warning">{t('agreement.budgetWarning', { date: formatDate(deadline.budgetCutoff) })}</Alert>
      )}
    </section>
  );
}

/** The agreement's legal basis and source, where registered. */
export function AgreementSource({
  agreement: a,
}: {
  agreement: Pick<Agreement, 'legalBasis' | 'sourceUrl' | 'sourceAsOf'>;
}) {
  const { t } = useI18n();
  const codes = useCodeText();
  return (
    <>
      {a.legalBasis && (
        <Paragraph data-size="sm">
          {/* The agreement's own words, as registered (Norwegian). */}
          {t('agreement.legalBasis')}: <span lang="nb">{a.legalBasis}</span>
        </Paragraph>
      )}
      {a.sourceUrl && (
        <Paragraph data-size="sm">
          {t('agreement.source')}: <a href={a.sourceUrl}>{a.sourceUrl}</a>{' '}
          {a.sourceAsOf &&
            `(${codes.sourceDate({ sourceDate: a.sourceAsOf, sourceDating: sourceDatingOf(a.sourceAsOf) })})`}
        </Paragraph>
      )}
    </>
  );
}

/** The checklist of what an agreement should cover, and how much of it this one does. */
export function ChecklistSection({
  agreement: a,
  example,
}: {
  agreement: Pick<Agreement, 'checklist' | 'checklistCompleteness'>;
  example: boolean;
}) {
  const { t } = useI18n();
  const codes = useCodeText();
  return (
    <section aria-labelledby="checklist-heading" className="block">
      <Heading level={2} data-size="sm" id="checklist-heading">
        {t('agreement.checklist', { covered: a.checklistCompleteness.covered, total: a.checklistCompleteness.total })}{' '}
        <ExampleTag show={example} />
      </Heading>
      <ul className="checklist">
        {a.checklist.map((c) => (
          <li key={c.key}>
            <span aria-hidden="true">{c.covered ? '✓' : '✗'}</span> {codes.checklist(c.key)} –{' '}
            <span className={c.covered ? '' : 'muted'}>
              {c.covered ? t('agreement.covered') : t('agreement.notCovered')}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
