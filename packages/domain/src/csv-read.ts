/**
 * Reading the CSV files users download elsewhere (SSB's statbank, spreadsheets saved as CSV):
 * semicolons or commas (whichever the header line uses more), double-quoted cells with "" for a
 * quote, CRLF or LF. Each row keeps its 1-based line number, so errors can point at it.
 */
export interface CsvRow {
  line: number;
  cells: string[];
}

export function detectDelimiter(headerLine: string): ';' | ',' | '\t' {
  const count = (c: string) => headerLine.split(c).length - 1;
  const tabs = count('\t');
  const semis = count(';');
  const commas = count(',');
  if (tabs > semis && tabs > commas) return '\t';
  return semis >= commas ? ';' : ',';
}

export function readCsv(text: string, delimiter?: string): CsvRow[] {
  const src = text.replace(/^\ufeff/, '');
  const firstLine = src.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const sep = delimiter ?? detectDelimiter(firstLine);
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const endCell = () => {
    cells.push(cell);
    cell = '';
  };
  const endRow = () => {
    endCell();
    if (cells.some((c) => c.trim() !== '')) rows.push({ line: rowLine, cells });
    cells = [];
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === sep) endCell();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else cell += ch;
  }
  if (cell !== '' || cells.length) endRow();
  return rows;
}
