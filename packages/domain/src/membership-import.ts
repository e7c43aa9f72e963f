import { isIsoDate, type IsoDate } from './dates';
import type { CsvRow } from './csv-read';
import { findColumns, rowError, type ImportRowError } from './population-import';
import { msg, type ServerMessage } from './server-messages';

/**
 * Agreement memberships from a spreadsheet (CSV or the first sheet of an XLSX): one row per
 * municipality and centre with the columns senter, kommunenummer, rolle, inn (joined), ut (left),
 * recognised by their header in bokmål or English, in any order.
 */
export interface MembershipRow {
  line: number;
  centre: string;
  kommunenummer: string;
  role: 'host' | 'partner';
  joinedOn: IsoDate | null;
  leftOn: IsoDate | null;
}

const COLUMNS = {
  centre: /^(senter|krisesenter|centre|center)$/i,
  kommunenummer: /^(kommunenummer|kommunenr\.?|knr|municipality number)$/i,
  role: /^(rolle|role)$/i,
  joined: /^(inn|med fra|innmeldt|fra|joined|joined on)$/i,
  left: /^(ut|ute fra|utmeldt|til|left|left on)$/i,
} as const;

const ROLES: Record<string, 'host' | 'partner'> = {
  vertskommune: 'host',
  vert: 'host',
  host: 'host',
  samarbeidskommune: 'partner',
  deltaker: 'partner',
  partner: 'partner',
};

/** «2026-01-01» or «01.01.2026» (nb-NO); empty is null; anything else is an error. */
export function parseDateCell(raw: string): IsoDate | null | 'invalid' {
  const t = raw.trim();
  if (t === '') return null;
  if (isIsoDate(t)) return t;
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  if (m) {
    const iso = `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
    if (isIsoDate(iso)) return iso;
  }
  return 'invalid';
}

export function parseMembershipRows(table: readonly CsvRow[]): { rows: MembershipRow[]; errors: ImportRowError[] } {
  const errors: ImportRowError[] = [];
  const rows: MembershipRow[] = [];
  const columns = findColumns(table, COLUMNS, { centre: 'senter', kommunenummer: 'kommunenummer', role: 'rolle' });
  if (columns.error) return { rows, errors: [columns.error] };
  const { index, header } = columns;
  const seen = new Map<string, number>();
  for (const r of table.slice(1)) {
    const cell = (k: keyof typeof COLUMNS) => (index[k] < 0 ? '' : (r.cells[index[k]] ?? '').trim());
    let ok = true;
    const err = (k: keyof typeof COLUMNS, m: ServerMessage) => {
      ok = false;
      errors.push(rowError(r.line, header[index[k]] ?? null, m));
    };
    const centre = cell('centre');
    const kommunenummer = cell('kommunenummer').padStart(4, '0');
    const role = ROLES[cell('role').toLowerCase()];
    const joined = parseDateCell(cell('joined'));
    const left = parseDateCell(cell('left'));
    if (!centre) err('centre', msg('import.centreMissing'));
    if (!/^\d{4}$/.test(kommunenummer))
      err('kommunenummer', msg('import.notKommunenummer', { value: cell('kommunenummer') }));
    if (!role) err('role', msg('import.notRole', { value: cell('role') }));
    if (joined === 'invalid') err('joined', msg('import.notDate', { value: cell('joined') }));
    if (left === 'invalid') err('left', msg('import.notDate', { value: cell('left') }));
    if (ok && joined && left && left < joined) err('left', msg('import.leftBeforeJoined'));
    const key = `${centre.toLowerCase()}|${kommunenummer}`;
    if (ok && seen.has(key))
      err('kommunenummer', msg('import.membershipTwice', { kommunenummer, centre, line: seen.get(key)! }));
    if (!ok) continue;
    seen.set(key, r.line);
    rows.push({
      line: r.line,
      centre,
      kommunenummer,
      role,
      joinedOn: joined as IsoDate | null,
      leftOn: left as IsoDate | null,
    });
  }
  return { rows, errors };
}
