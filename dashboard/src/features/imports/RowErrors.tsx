import { Alert, Heading } from '@digdir/designsystemet-react';
import { useI18n } from '../../i18n/i18n';

/** An import's row errors by line: any of them stops the whole file. */
export function RowErrors({
  errors,
}: {
  errors: readonly { line: number; column?: string | null; message: string }[];
}) {
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
            {e.column ? ` (${e.column})` : ''}: {e.message}
          </li>
        ))}
      </ul>
    </Alert>
  );
}
