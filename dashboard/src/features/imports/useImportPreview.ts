import { useState } from 'react';
import { useMutation, type DocumentInput } from 'urql';
import type { ImportFormat } from '../../gql/graphql';
import { useImportStage, type SpreadsheetFile } from './SpreadsheetField';

type Counts = { added: number; changed: number; unchanged: number };
type Previewed = { checksum: string; changes: readonly unknown[] };

/**
 * A spreadsheet import's state, from the chosen file to the saved result: reads and previews the
 * file, keeps it for the confirm, and hands `ImportFlow` its stage, preview, errors and result.
 * `previewOf` and `doneOf` pick the mutation's field out of its answer. The membership and contact
 * imports differ only in their documents and words.
 */
export function useImportPreview<PD, CD, P extends Previewed>(
  previewDocument: DocumentInput<PD, { file: string; format?: ImportFormat | null }>,
  confirmDocument: DocumentInput<CD, { file: string; format?: ImportFormat | null; checksum: string }>,
  previewOf: (data: PD) => P,
  doneOf: (data: CD) => Counts,
) {
  const [file, setFile] = useState<SpreadsheetFile | null>(null);
  const { stage, run, previewFile } = useImportStage();
  const [preview, runPreview] = useMutation(previewDocument);
  const [confirmed, runConfirm] = useMutation(confirmDocument);
  const choose = (chosen: File) =>
    void previewFile(chosen, setFile, (f) => runPreview({ file: f.content, format: f.format }));
  const onConfirm = file
    ? (p: P) =>
        void run({ step: 'saving', rows: p.changes.length }, () =>
          runConfirm({ file: file.content, format: file.format, checksum: p.checksum }),
        )
    : null;
  return {
    busy: stage !== null,
    choose,
    flow: {
      stage,
      previewError: preview.error,
      preview: preview.data ? previewOf(preview.data) : undefined,
      confirmError: confirmed.error,
      confirming: confirmed.fetching,
      done: confirmed.data ? doneOf(confirmed.data) : undefined,
      changes: (p: P) => p.changes.length,
      onConfirm,
    },
  };
}
