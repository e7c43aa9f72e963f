import type { EntityManager } from 'typeorm';
import {
  agencyKey,
  canImportContacts,
  canManageMunicipalityContacts,
  isAdmin,
  parseContactRows,
  type AgencyKind,
  type ContactRow,
  type ImportRowError,
  rowError,
  msg,
} from '@samordna/domain';
import type { AppContext } from '../../app/context';
import { auditMany, type AuditChange } from '../../app/audit';
import { forbidden, requireUser } from '../../app/auth';
import { badInput } from '../../app/errors';
import { lockMunicipalityContacts, transaction } from '../../app/transaction';
import { centresOfMunicipality } from '../agreement/membership';
import { clearOtherContactPoints } from '../contact/contact.service';
import { tableOf, type ImportFormat } from './membership-import.service';
import { checksumOf, rowErrorsRefusal } from './population-import.service';

export interface ContactChange {
  line: number;
  action: 'ADD' | 'CHANGE';
  kommunenummer: string;
  municipality: string;
  kind: AgencyKind;
  agency: string;
  /** The agency is not registered yet and is created with the contact. */
  newAgency: boolean;
  name: string;
  title: string | null;
  isContactPoint: boolean;
  /** What changes on an existing contact (bokmål labels). */
  fields: string[];
}

export interface ContactImportPreview {
  checksum: string;
  rows: number;
  added: number;
  changed: number;
  unchanged: number;
  agenciesAdded: number;
  errors: ImportRowError[];
  changes: ContactChange[];
}

interface StoredAgency {
  id: string;
  kommunenummer: string;
  kind: AgencyKind;
  name: string;
  note: string | null;
}
interface StoredContact {
  id: string;
  agency_id: string;
  name: string;
  title: string | null;
  phone: string | null;
  email: string | null;
  is_contact_point: boolean;
}
type Write = {
  row: ContactRow;
  change: ContactChange | null;
  agency: StoredAgency | null;
  contact: StoredContact | null;
  noteChanged: boolean;
};

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** Directors and centre leaders import for the municipalities in their scope; administrators for all. */
function assertMayImport(ctx: AppContext) {
  if (!canImportContacts(requireUser(ctx).grants)) throw forbidden();
}

async function read(file: string, format: ImportFormat) {
  return { parsed: parseContactRows(await tableOf(file, format)), checksum: checksumOf(file) };
}

/** Compares the file with the register: what would be added, changed and left as it is. Writes nothing. */
async function plan(
  em: EntityManager,
  ctx: AppContext,
  { parsed, checksum }: Awaited<ReturnType<typeof read>>,
): Promise<{ preview: ContactImportPreview; writes: Write[] }> {
  const { grants } = requireUser(ctx);
  const errors = [...parsed.errors];
  const knrs = [...new Set(parsed.rows.map((r) => r.kommunenummer))];
  const names = new Map<string, string>(
    (await em.query(`SELECT kommunenummer, name FROM municipality WHERE kommunenummer = ANY($1)`, [knrs])).map(
      (m: { kommunenummer: string; name: string }) => [m.kommunenummer, m.name],
    ),
  );
  const inScope = new Map<string, boolean>();
  for (const k of names.keys())
    inScope.set(k, isAdmin(grants) || canManageMunicipalityContacts(grants, k, await centresOfMunicipality(em, k)));
  const agencies = new Map<string, StoredAgency>();
  for (const a of (await em.query(
    `SELECT id, kommunenummer, kind, name, note FROM agency WHERE kommunenummer = ANY($1) ORDER BY created_at DESC, id DESC`,
    [knrs],
  )) as StoredAgency[]) {
    agencies.set(agencyKey({ ...a, agency: a.name }), a); // the oldest of namesakes wins
  }
  const contacts = new Map<string, StoredContact>();
  for (const c of (await em.query(
    `SELECT id, agency_id, name, title, phone, email, is_contact_point FROM contact_person WHERE agency_id = ANY($1::uuid[]) ORDER BY active, created_at DESC, id DESC`,
    [[...agencies.values()].map((a) => a.id)],
  )) as StoredContact[]) {
    contacts.set(`${c.agency_id}|${norm(c.name)}`, c); // an active one first, then the oldest
  }
  const writes: Write[] = [];
  const noted = new Set<string>();
  let unchanged = 0;
  for (const row of parsed.rows) {
    const municipality = names.get(row.kommunenummer);
    if (!municipality) {
      errors.push(
        rowError(row.line, 'kommunenummer', msg('import.unknownKommunenummer', { kommunenummer: row.kommunenummer })),
      );
      continue;
    }
    if (!inScope.get(row.kommunenummer)) {
      errors.push(
        rowError(
          row.line,
          'kommunenummer',
          msg('import.contactsOutOfScope', { municipality, kommunenummer: row.kommunenummer }),
        ),
      );
      continue;
    }
    const agency = agencies.get(agencyKey(row)) ?? null;
    const contact = agency ? (contacts.get(`${agency.id}|${norm(row.name)}`) ?? null) : null;
    const noteChanged = !!agency && row.note !== null && row.note !== agency.note && !noted.has(agency.id);
    if (noteChanged) noted.add(agency.id);
    const fields: string[] = [];
    if (contact) {
      if (row.title !== null && row.title !== contact.title) fields.push('funksjon');
      if (row.phone !== null && row.phone !== contact.phone) fields.push('telefon');
      if (row.email !== null && row.email !== contact.email) fields.push('e-post');
      if (row.isContactPoint !== null && row.isContactPoint !== contact.is_contact_point) fields.push('kontaktpunkt');
    }
    if (noteChanged) fields.push('merknad (tjenesten)');
    if (contact && fields.length === 0) {
      unchanged++;
      continue;
    }
    const change: ContactChange = {
      line: row.line,
      action: contact ? 'CHANGE' : 'ADD',
      kommunenummer: row.kommunenummer,
      municipality,
      kind: row.kind,
      agency: agency?.name ?? row.agency,
      newAgency: !agency,
      name: contact?.name ?? row.name,
      title: row.title ?? contact?.title ?? null,
      isContactPoint: row.isContactPoint ?? contact?.is_contact_point ?? false,
      fields,
    };
    writes.push({ row, change, agency, contact, noteChanged });
  }
  errors.sort((a, b) => a.line - b.line);
  const changes = writes.map((w) => w.change!);
  return {
    writes,
    preview: {
      checksum,
      rows: parsed.rows.length,
      added: changes.filter((c) => c.action === 'ADD').length,
      changed: changes.filter((c) => c.action === 'CHANGE').length,
      unchanged,
      agenciesAdded: new Set(changes.filter((c) => c.newAgency).map((c) => agencyKey(c))).size,
      errors,
      changes,
    },
  };
}

export async function previewContactImport(
  ctx: AppContext,
  file: string,
  format: ImportFormat,
): Promise<ContactImportPreview> {
  assertMayImport(ctx);
  return (await plan(ctx.dataSource.manager, ctx, await read(file, format))).preview;
}

/**
 * All or nothing under the contact locks of the file's municipalities, audited per agency and contact
 * (`IMPORT`); a contact point set by the file moves from any other contact, as in the contact form.
 * The same file again changes nothing.
 */
export async function confirmContactImport(
  ctx: AppContext,
  file: string,
  format: ImportFormat,
  checksum: string,
): Promise<{ added: number; changed: number; unchanged: number }> {
  assertMayImport(ctx);
  const input = await read(file, format);
  if (input.checksum !== checksum) throw badInput('checksum', 'import.checksum');
  return transaction(ctx, async (em) => {
    await lockMunicipalityContacts(
      em,
      input.parsed.rows.map((r) => r.kommunenummer),
    );
    const { preview, writes } = await plan(em, ctx, input);
    if (preview.errors.length) throw rowErrorsRefusal(preview.errors, 'file');
    const agencyAudits: AuditChange[] = [];
    const contactAudits: AuditChange[] = [];
    const created = new Map<string, string>();
    for (const { row, agency, contact, noteChanged } of writes) {
      let agencyId = agency?.id ?? created.get(agencyKey(row));
      if (!agencyId) {
        [{ id: agencyId }] = await em.query(
          `INSERT INTO agency (kommunenummer, kind, name, note) VALUES ($1, $2, $3, $4) RETURNING id`,
          [row.kommunenummer, row.kind, row.agency, row.note],
        );
        created.set(agencyKey(row), agencyId!);
        agencyAudits.push({
          id: agencyId!,
          before: null,
          after: { kommunenummer: row.kommunenummer, kind: row.kind, name: row.agency, note: row.note },
        });
      } else if (noteChanged) {
        await em.query(`UPDATE agency SET note = $2, version = version + 1, updated_at = now() WHERE id = $1`, [
          agencyId,
          row.note,
        ]);
        agencyAudits.push({ id: agencyId, before: { note: agency!.note }, after: { note: row.note } });
      }
      if (row.isContactPoint) await clearOtherContactPoints(em, ctx, contact?.id ?? null, row.kommunenummer);
      const parent = { entity: 'Agency', id: agencyId!, label: row.agency };
      if (!contact) {
        const after = {
          agencyId,
          name: row.name,
          title: row.title,
          phone: row.phone,
          email: row.email,
          isContactPoint: row.isContactPoint ?? false,
        };
        const [{ id }] = await em.query(
          `INSERT INTO contact_person (agency_id, name, title, phone, email, is_contact_point) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
          [agencyId, row.name, row.title, row.phone, row.email, after.isContactPoint],
        );
        contactAudits.push({ id, before: null, after, parent });
      } else {
        const before = {
          title: contact.title,
          phone: contact.phone,
          email: contact.email,
          isContactPoint: contact.is_contact_point,
        };
        const after = {
          title: row.title ?? contact.title,
          phone: row.phone ?? contact.phone,
          email: row.email ?? contact.email,
          isContactPoint: row.isContactPoint ?? contact.is_contact_point,
        };
        if (JSON.stringify(before) === JSON.stringify(after)) continue; // only the agency's note changed
        // A contact point left empty in the file keeps the stored mark, unless another row just moved it.
        await em.query(
          `UPDATE contact_person SET title = $2, phone = $3, email = $4, is_contact_point = COALESCE($5, is_contact_point), version = version + 1, updated_at = now() WHERE id = $1`,
          [contact.id, after.title, after.phone, after.email, row.isContactPoint],
        );
        contactAudits.push({ id: contact.id, before, after, parent });
      }
    }
    await auditMany(em, ctx, 'IMPORT', 'Agency', agencyAudits);
    await auditMany(em, ctx, 'IMPORT', 'ContactPerson', contactAudits);
    return { added: preview.added, changed: preview.changed, unchanged: preview.unchanged };
  });
}
