import { Alert, Heading } from '@digdir/designsystemet-react';
import { useI18n } from '../../i18n/i18n';
import { rowErrorMessage, type RowErrorLike } from '../../lib/errors';

/**
 * An import's row errors by line: any of them stops the whole file. Worded in the UI's language by
 * their messageKey (a preview's errors, or a refusal's `rowErrors`); an unknown key shows the message.
 */
export function RowErrors({ errors }: { errors: readonly RowErrorLike[] }) {
  const { t } = useI18n();
  return (
    <Alert data-color="danger" data-testid="import-errors">
      <Heading level={3} data-size="xs">
        {t('import.errors', { n: String(errors.length) })}
      </Heading>
      <ul>
        {errors.map((e) => (
          <li key={`${e.line}-${e.column}-${e.message}`}>
            {t('import.errorLine', { line: String(e.line) })}
            {e.column ? ` (${e.column})` : ''}: {rowErrorMessage(e)}
          </li>
        ))}
      </ul>
    </Alert>
  );
}
