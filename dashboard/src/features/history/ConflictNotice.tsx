import { Alert, Button } from '@digdir/designsystemet-react';
import { useI18n } from '../../i18n/i18n';

/**
 * Someone else saved first. Their changes to fields this user left alone are already in the form;
 * fields both changed are listed with both values (the form keeps what this user typed). Saving again
 * goes against the new version.
 */
export function ConflictNotice({
  merge,
  labels,
  format = {},
  empty = {},
}: {
  merge: { clashes: readonly { key: string; theirs: string; mine: string }[]; taken: readonly string[] };
  labels: Record<string, string>;
  /** How to show a field's value (codes as words); yes/no for booleans by default. */
  format?: Record<string, (value: string) => string>;
  /** What an empty value means for a field, where it is not just "nothing". */
  empty?: Record<string, string>;
}) {
  const { t } = useI18n();
  const label = (key: string) => labels[key] ?? key;
  const show = (key: string, value: string) => {
    if (value === '') return empty[key] ?? '–';
    if (format[key]) return format[key](value);
    if (value === 'true' || value === 'false') return t(value === 'true' ? 'common.yes' : 'common.no');
    return value;
  };
  return (
    <Alert data-color="warning" data-testid="conflict">
      <strong>{t('conflict.heading')}</strong>
      {merge.taken.length > 0 && <p>{t('conflict.taken', { fields: merge.taken.map(label).join(', ') })}</p>}
      {merge.clashes.length > 0 ? (
        <>
          <p>{t('conflict.clashes')}</p>
          <ul>
            {merge.clashes.map((d) => (
              <li key={d.key}>
                {t('conflict.changed', {
                  field: label(d.key),
                  theirs: show(d.key, d.theirs),
                  mine: show(d.key, d.mine),
                })}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t('conflict.same')}</p>
      )}
      <Button type="submit" data-size="sm" variant="secondary">
        {merge.clashes.length > 0 ? t('conflict.reapply') : t('conflict.saveMerged')}
      </Button>
    </Alert>
  );
}

/**
 * A change with no form to merge into (a status change, a reorder, an adoption) was refused because
 * someone else saved first: say so; the page has fetched the new version for the user to redo it on.
 */
export function ConflictAlert() {
  const { t } = useI18n();
  return (
    <Alert data-color="warning" role="alert">
      <strong>{t('conflict.heading')}</strong> {t('conflict.text')}
    </Alert>
  );
}
