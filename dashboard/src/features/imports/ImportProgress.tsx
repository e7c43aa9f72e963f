import { useI18n } from '../../i18n/i18n';

/** Where a long import is: reading the file in the browser, the server checking its rows, or saving. */
export type ImportStage =
  { step: 'reading' } | { step: 'checking'; rows: number | null } | { step: 'saving'; rows: number };

const ORDER = { reading: 1, checking: 2, saving: 3 } as const;

/** A step bar with the stage in words, announced to screen readers as it changes. */
export function ImportProgress({ stage }: { stage: ImportStage | null }) {
  const { t } = useI18n();
  if (!stage) return null;
  const text =
    stage.step === 'reading'
      ? t('import.progress.reading')
      : stage.step === 'checking'
        ? stage.rows === null
          ? t('import.progress.checkingSheet')
          : t('import.progress.checking', { n: String(stage.rows) })
        : t('import.progress.saving', { n: String(stage.rows) });
  return (
    <div role="status" aria-live="polite" className="import-progress" data-testid="import-progress">
      <progress
        max={3}
        value={ORDER[stage.step]}
        aria-label={t('import.progress.label', { step: String(ORDER[stage.step]) })}
      />{' '}
      <span>{text}</span>
    </div>
  );
}
