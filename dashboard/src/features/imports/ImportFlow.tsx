import type { ReactNode } from 'react';
import type { CombinedError } from 'urql';
import { Alert, Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useI18n } from '../../i18n/i18n';
import { errorMessage } from '../../lib/errors';
import { formatInteger } from '../../lib/format';
import { ImportProgress, type ImportStage } from './ImportProgress';
import { RowErrors } from './RowErrors';

type RowError = { line: number; column?: string | null; message: string };
type Counts = { added: number; changed: number; unchanged: number };

/**
 * What every import shows once a file is chosen: the progress, the preview (a summary, the row
 * errors, «nothing new» or the changes and a button that saves them all), then the result. The
 * population, membership and contact imports differ only in their columns and words.
 */
export function ImportFlow<P extends { errors: readonly RowError[] }>({
  stage,
  previewError,
  preview,
  confirmError,
  confirming,
  done,
  testId,
  heading,
  summary,
  changes,
  tableLabel,
  columns,
  rows,
  confirmLabel,
  onConfirm,
  doneText,
}: {
  stage: ImportStage | null;
  previewError?: CombinedError;
  preview: P | undefined;
  confirmError?: CombinedError;
  confirming: boolean;
  done: Counts | undefined;
  /** data-testid of the preview and the result: `${testId}-preview`, `${testId}-done`. */
  testId: string;
  /** A heading over the preview, in a section of its own (the population import). */
  heading?: string;
  summary: (p: P) => string;
  /** How many rows the confirm would write. */
  changes: (p: P) => number;
  tableLabel: string;
  columns: readonly string[];
  rows: (p: P) => ReactNode;
  confirmLabel: (n: string) => string;
  /** Saves the previewed file; null while there is no file to save. */
  onConfirm: ((p: P) => void) | null;
  doneText: (counts: { added: string; changed: string; unchanged: string }) => string;
}) {
  const { t } = useI18n();
  const p = preview;
  const body = p && (
    <>
      <Paragraph>{summary(p)}</Paragraph>
      {p.errors.length > 0 ? (
        <RowErrors errors={p.errors} />
      ) : changes(p) === 0 ? (
        <Alert data-color="info">{t('import.nothingNew')}</Alert>
      ) : (
        <>
          <div className="table-scroll" role="region" aria-label={tableLabel} tabIndex={0}>
            <Table data-size="sm">
              <thead>
                <tr>
                  {columns.map((c) => (
                    <th key={c} scope="col">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>{rows(p)}</tbody>
            </Table>
          </div>
          <Button disabled={confirming || stage !== null || !onConfirm} onClick={() => onConfirm?.(p)}>
            {confirmLabel(formatInteger(changes(p)))}
          </Button>
        </>
      )}
    </>
  );
  return (
    <>
      <ImportProgress stage={stage} />
      {previewError && (
        <Alert data-color="danger" role="alert">
          {errorMessage(previewError, t('error.network'))}
        </Alert>
      )}
      {p &&
        !done &&
        !stage &&
        (heading ? (
          <section aria-labelledby={`${testId}-preview`} data-testid={`${testId}-preview`}>
            <Heading level={2} data-size="sm" id={`${testId}-preview`}>
              {heading}
            </Heading>
            {body}
          </section>
        ) : (
          <div data-testid={`${testId}-preview`}>{body}</div>
        ))}
      {confirmError && (
        <Alert data-color="danger" role="alert">
          {errorMessage(confirmError, t('error.network'))}
        </Alert>
      )}
      {done && (
        <Alert data-color="success" role="status" data-testid={`${testId}-done`}>
          {doneText({
            added: formatInteger(done.added),
            changed: formatInteger(done.changed),
            unchanged: formatInteger(done.unchanged),
          })}
        </Alert>
      )}
    </>
  );
}
