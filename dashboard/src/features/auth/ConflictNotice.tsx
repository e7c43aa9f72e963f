import { Alert, Button } from '@digdir/designsystemet-react';
import { useI18n } from '../../i18n/i18n';
import { conflictDifferences } from '../../lib/errors';

/**
 * Someone else saved first: list what they changed against what this user typed, and offer to save
 * the user's values over the new version (the caller has already taken the new version number).
 */
export function ConflictNotice({
  current,
  mine,
  labels,
  format = {},
  empty = {},
}: {
  current: Record<string, unknown>;
  mine: object;
  labels: Record<string, string>;
  /** How to show a field's value (codes as words); yes/no for booleans by default. */
  format?: Record<string, (value: string) => string>;
  /** What an empty value means for a field, where it is not just "nothing". */
  empty?: Record<string, string>;
}) {
  const { t } = useI18n();
  const differences = conflictDifferences(current, mine, labels);
  const show = (key: string, value: string) => {
    if (value === '') return empty[key] ?? '–';
    if (format[key]) return format[key](value);
    if (value === 'true' || value === 'false') return t(value === 'true' ? 'common.yes' : 'common.no');
    return value;
  };
  return (
    <Alert data-color="warning" data-testid="conflict">
      <strong>{t('conflict.heading')}</strong>
      {differences.length > 0 ? (
        <ul>
          {differences.map((d) => (
            <li key={d.key}>{t('conflict.changed', { field: d.label, theirs: show(d.key, d.theirs), mine: show(d.key, d.mine) })}</li>
          ))}
        </ul>
      ) : (
        <p>{t('conflict.same')}</p>
      )}
      <Button type="submit" data-size="sm" variant="secondary">
        {t('conflict.reapply')}
      </Button>
    </Alert>
  );
}
