import type { CsvRow } from './csv-read';
import { findColumns, rowError, type ImportRowError } from './population-import';
import { AGENCY_KINDS, AGENCY_KIND_LABELS, type AgencyKind } from './catalog';
import { isPhoneNumber, isWorkEmail } from './contacts';
import { findPersonalData } from './personal-data';
import { msg, type ServerLabelKey, type ServerMessage } from './server-messages';

/**
 * Contacts from a spreadsheet (CSV or the first sheet of an XLSX): one row per contact person with
 * the columns kommunenummer, tjeneste (the agency kind), navn på tjenesten (the agency), kontaktperson,
 * and optionally funksjon, telefon, e-post, kontaktpunkt (ja/nei) and merknad (the agency's note).
 * The headers of the contacts export are recognised, so an exported file can be edited and imported.
 * An empty cell leaves the stored value as it is: an import never clears anything.
 */
export interface ContactRow {
  line: number;
  kommunenummer: string;
  kind: AgencyKind;
  agency: string;
  name: string;
  title: string | null;
  phone: string | null;
  email: string | null;
  /** true: make this the municipality's contact point; false: not (any longer); null: leave as it is. */
  isContactPoint: boolean | null;
  /** The agency's note; null leaves it as it is. */
  note: string | null;
}

const COLUMNS = {
  kommunenummer: /^(kommunenummer|kommunenr\.?|knr|municipality number)$/i,
  kind: /^(tjeneste|etatstype|type|kind|agency kind)$/i,
  agency: /^(navn på tjenesten|etat|tjenestenavn|agency)$/i,
  name: /^(kontaktperson|navn|name|contact person)$/i,
  title: /^(funksjon|rolle|tittel|title|role)$/i,
  phone: /^(telefon|tlf\.?|phone)$/i,
  email: /^(e-post|epost|e-postadresse|e-mail|email)$/i,
  contactPoint: /^(kontaktpunkt|contact point)$/i,
  note: /^(merknad|notat|note)$/i,
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED: Record<'kommunenummer' | 'kind' | 'agency' | 'name', string> = {
  kommunenummer: 'kommunenummer',
  kind: 'tjeneste',
  agency: 'navn på tjenesten',
  name: 'kontaktperson',
};
const LABEL: Record<'agency' | 'name' | 'title' | 'note', ServerLabelKey> = {
  agency: 'agencyName',
  name: 'theName',
  title: 'theFunction',
  note: 'theNote',
};
const MAX: Record<'agency' | 'name' | 'title' | 'note', number> = { agency: 200, name: 200, title: 200, note: 2000 };

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');
/** An agency kind by its code (BARNEVERN) or its bokmål or English label («Barnevern», «Child welfare»). */
export function parseAgencyKind(raw: string): AgencyKind | null {
  const t = norm(raw);
  if (!t) return null;
  return (
    AGENCY_KINDS.find(
      (k) => k.toLowerCase() === t || norm(AGENCY_KIND_LABELS[k].nb) === t || norm(AGENCY_KIND_LABELS[k].en) === t,
    ) ?? null
  );
}

const YES = new Set(['ja', 'j', 'x', 'yes', 'y', 'true', '1']);
const NO = new Set(['nei', 'n', 'no', 'false', '0']);

/** The key of a contact in a file and in the register: municipality, kind, agency and person, case and spaces ignored. */
export const contactKey = (r: { kommunenummer: string; kind: string; agency: string; name: string }) =>
  `${r.kommunenummer}|${r.kind}|${norm(r.agency)}|${norm(r.name)}`;
export const agencyKey = (r: { kommunenummer: string; kind: string; agency: string }) =>
  `${r.kommunenummer}|${r.kind}|${norm(r.agency)}`;

export function parseContactRows(table: readonly CsvRow[]): { rows: ContactRow[]; errors: ImportRowError[] } {
  const errors: ImportRowError[] = [];
  const rows: ContactRow[] = [];
  const columns = findColumns(table, COLUMNS, REQUIRED);
  if (columns.error) return { rows, errors: [columns.error] };
  const { index, header } = columns;
  const seen = new Map<string, number>();
  const contactPoints = new Map<string, number>();
  const notes = new Map<string, { note: string; line: number }>();
  for (const r of table.slice(1)) {
    const cell = (k: Column) => (index[k] < 0 ? '' : (r.cells[index[k]] ?? '').trim());
    let ok = true;
    const err = (k: Column, m: ServerMessage) => {
      ok = false;
      errors.push(rowError(r.line, header[index[k]] ?? null, m));
    };
    /** Free text: length, and never personal data (the cell is not repeated in the message). */
    const text = (k: 'agency' | 'name' | 'title' | 'note'): string | null => {
      const t = cell(k);
      if (!t) return null;
      if (t.length > MAX[k]) return (err(k, msg('field.tooLong', { label: LABEL[k], max: MAX[k] })), null);
      const found = findPersonalData(t, 'public');
      if (found) return (err(k, msg(`personalData.${found.kind}`, { label: LABEL[k] })), null);
      return t;
    };
    const kommunenummer = cell('kommunenummer').padStart(4, '0');
    if (!/^\d{4}$/.test(kommunenummer))
      err('kommunenummer', msg('import.notKommunenummer', { value: cell('kommunenummer') }));
    const kind = parseAgencyKind(cell('kind'));
    if (!kind)
      err(
        'kind',
        cell('kind') ? msg('import.unknownAgencyKind', { value: cell('kind') }) : msg('import.agencyKindMissing'),
      );
    const agency = text('agency');
    if (!agency && !cell('agency')) err('agency', msg('import.agencyMissing'));
    const name = text('name');
    if (!name && !cell('name')) err('name', msg('import.contactMissing'));
    const title = text('title');
    const phone = cell('phone') || null;
    if (phone && !isPhoneNumber(phone)) err('phone', msg('field.phone'));
    const email = cell('email').toLowerCase() || null;
    if (email && !isWorkEmail(email)) err('email', msg('field.email'));
    const cp = norm(cell('contactPoint'));
    const isContactPoint = cp === '' ? null : YES.has(cp) ? true : NO.has(cp) ? false : undefined;
    if (isContactPoint === undefined) err('contactPoint', msg('import.notYesNo', { value: cell('contactPoint') }));
    const note = text('note');
    if (!ok) continue;
    const row: ContactRow = {
      line: r.line,
      kommunenummer,
      kind: kind!,
      agency: agency!,
      name: name!,
      title,
      phone,
      email,
      isContactPoint: isContactPoint!,
      note,
    };
    const key = contactKey(row);
    if (seen.has(key)) {
      err('name', msg('import.contactTwice', { name: row.name, agency: row.agency, line: seen.get(key)! }));
      continue;
    }
    if (row.isContactPoint && contactPoints.has(kommunenummer)) {
      err('contactPoint', msg('import.contactPointTwice', { kommunenummer, line: contactPoints.get(kommunenummer)! }));
      continue;
    }
    const earlier = note ? notes.get(agencyKey(row)) : undefined;
    if (note && earlier && earlier.note !== note) {
      err('note', msg('import.otherNote', { agency: row.agency, line: earlier.line }));
      continue;
    }
    seen.set(key, r.line);
    if (row.isContactPoint) contactPoints.set(kommunenummer, r.line);
    if (note && !earlier) notes.set(agencyKey(row), { note, line: r.line });
    rows.push(row);
  }
  return { rows, errors };
}
