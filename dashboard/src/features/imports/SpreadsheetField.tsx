import { useCallback, useState } from 'react';
import { readCsv } from '@samordna/domain';
import { readFileBase64, readFileText } from '../../lib/decode';
import type { ImportStage } from './ImportProgress';

export type SpreadsheetFile = { content: string; format: 'CSV' | 'XLSX' };

/** A chosen spreadsheet: an XLSX as base64, anything else as CSV text. */
export async function readSpreadsheet(chosen: File): Promise<SpreadsheetFile> {
  const format = /\.xlsx$/i.test(chosen.name) ? 'XLSX' : 'CSV';
  return { format, content: format === 'XLSX' ? await readFileBase64(chosen) : await readFileText(chosen) };
}

/** Rows of a CSV below its header (for the progress text); null for an XLSX, which the server counts. */
export function dataRows(file: SpreadsheetFile): number | null {
  if (file.format === 'XLSX') return null;
  return Math.max(0, readCsv(file.content).filter((r) => r.cells.some((c) => c.trim() !== '')).length - 1);
}

/**
 * The stage of a long import: `run` shows a stage while `work` runs and clears it when it ends, also
 * on failure; `previewFile` reads a chosen spreadsheet («Leser fil…»), keeps it, and previews it
 * («Kontrollerer N rader…»).
 */
export function useImportStage() {
  const [stage, setStage] = useState<ImportStage | null>(null);
  const run = useCallback(async (next: ImportStage, work: () => Promise<unknown>) => {
    setStage(next);
    try {
      await work();
    } finally {
      setStage(null);
    }
  }, []);
  const previewFile = useCallback(
    (chosen: File, keep: (file: SpreadsheetFile) => void, preview: (file: SpreadsheetFile) => Promise<unknown>) =>
      run({ step: 'reading' }, async () => {
        const read = await readSpreadsheet(chosen);
        keep(read);
        setStage({ step: 'checking', rows: dataRows(read) });
        await preview(read);
      }),
    [run],
  );
  return { stage, run, setStage, previewFile };
}

/** A file field for CSV or XLSX; disabled while an import step runs. */
export function SpreadsheetField({
  label,
  busy,
  onChoose,
}: {
  label: string;
  busy: boolean;
  onChoose: (chosen: File) => void;
}) {
  return (
    <label className="file-field">
      {label}
      <input
        type="file"
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        disabled={busy}
        onChange={(e) => {
          const chosen = e.target.files?.[0];
          if (chosen) onChoose(chosen);
        }}
      />
    </label>
  );
}
