// exceljs takes a good part of the server's start-up to load: fetched on the first use, not at start.
import type ExcelJS from 'exceljs';
import { transaction } from '../../app/transaction';
import type { EntityManager } from 'typeorm';
import {
  msg,
  parseMembershipRows,
  readCsv,
  rowError,
  type CsvRow,
  type ImportRowError,
  type IsoDate,
} from '@samordna/domain';
import type { AppContext } from '../../app/context';
import { auditMany } from '../../app/audit';
import { badInput } from '../../app/errors';
import { checkSize, checksumOf, rowErrorsRefusal } from './population-import.service';

export type ImportFormat = 'CSV' | 'XLSX';

export interface MembershipChange {
  line: number;
  action: 'ADD' | 'CHANGE';
  centre: string;
  kommunenummer: string;
  municipality: string;
  role: 'host' | 'partner';
  joinedOn: IsoDate | null;
  leftOn: IsoDate | null;
  agreementId: string;
  /** The party row changed (CHANGE). */
  partyId: string | null;
  before: { role: string; joinedOn: string | null; leftOn: string | null } | null;
}

export interface MembershipPreview {
  checksum: string;
  rows: number;
  added: number;
  changed: number;
  unchanged: number;
  errors: ImportRowError[];
  changes: MembershipChange[];
}

const cellText = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  if (typeof v === 'object' && 'result' in v) return cellText(v.result as ExcelJS.CellValue);
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  return String(v);
};

/** The file's rows: CSV text, or the first sheet of an XLSX sent as base64 (dates as dates or text). */
export async function tableOf(file: string, format: ImportFormat): Promise<CsvRow[]> {
  checkSize(file);
  if (format === 'CSV') return readCsv(file);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, not at start-up (slow to load)
  const Excel = require('exceljs') as typeof import('exceljs');
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(file, 'base64') as never);
  } catch {
    throw badInput('file', 'import.notXlsx');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw badInput('file', 'import.noSheet');
  const rows: CsvRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
    if (cells.some((x) => x.trim() !== '')) rows.push({ line, cells });
  });
  return rows;
}

async function plan(em: EntityManager, file: string, format: ImportFormat): Promise<MembershipPreview> {
  const parsed = parseMembershipRows(await tableOf(file, format));
  const errors = [...parsed.errors];
  const centres = new Map<string, { id: string; name: string; host: string; agreementId: string | null }>(
    (
      await em.query(
        `SELECT c.id, c.name, c.host_kommunenummer AS host,
                (SELECT a.id FROM agreement a WHERE a.centre_id = c.id AND a.status <> 'ENDED' ORDER BY a.valid_from DESC NULLS LAST, a.created_at DESC LIMIT 1) AS agreement_id
         FROM crisis_centre c`,
      )
    ).map((c: { id: string; name: string; host: string; agreement_id: string | null }) => [
      c.name.toLowerCase(),
      { id: c.id, name: c.name, host: c.host, agreementId: c.agreement_id },
    ]),
  );
  const names = new Map<string, string>(
    (
      await em.query(`SELECT kommunenummer, name FROM municipality WHERE kommunenummer = ANY($1)`, [
        parsed.rows.map((r) => r.kommunenummer),
      ])
    ).map((m: { kommunenummer: string; name: string }) => [m.kommunenummer, m.name]),
  );
  const agreementIds = [...new Set([...centres.values()].map((c) => c.agreementId).filter((x): x is string => !!x))];
  const parties = new Map<string, { id: string; role: string; joined_on: string | null; left_on: string | null }>();
  for (const p of await em.query(
    `SELECT id, agreement_id, kommunenummer, role, to_char(joined_on, 'YYYY-MM-DD') AS joined_on, to_char(left_on, 'YYYY-MM-DD') AS left_on
     FROM agreement_party WHERE agreement_id = ANY($1) ORDER BY joined_on NULLS FIRST, created_at`,
    [agreementIds],
  )) {
    parties.set(`${p.agreement_id}|${p.kommunenummer}`, p); // the latest membership of the municipality wins
  }
  const changes: MembershipChange[] = [];
  let unchanged = 0;
  for (const r of parsed.rows) {
    const centre = centres.get(r.centre.toLowerCase());
    if (!centre) {
      errors.push(rowError(r.line, 'senter', msg('import.unknownCentre', { centre: r.centre })));
      continue;
    }
    const municipality = names.get(r.kommunenummer);
    if (!municipality) {
      errors.push(
        rowError(r.line, 'kommunenummer', msg('import.unknownKommunenummer', { kommunenummer: r.kommunenummer })),
      );
      continue;
    }
    if ((r.role === 'host') !== (r.kommunenummer === centre.host)) {
      errors.push(
        rowError(
          r.line,
          'rolle',
          msg(r.role === 'host' ? 'import.notHost' : 'import.isHost', { municipality, centre: centre.name }),
        ),
      );
      continue;
    }
    if (!centre.agreementId) {
      errors.push(rowError(r.line, 'senter', msg('import.centreWithoutAgreement', { centre: centre.name })));
      continue;
    }
    const existing = parties.get(`${centre.agreementId}|${r.kommunenummer}`) ?? null;
    if (existing && existing.role === r.role && existing.joined_on === r.joinedOn && existing.left_on === r.leftOn) {
      unchanged++;
      continue;
    }
    changes.push({
      line: r.line,
      action: existing ? 'CHANGE' : 'ADD',
      centre: centre.name,
      kommunenummer: r.kommunenummer,
      municipality,
      role: r.role,
      joinedOn: r.joinedOn,
      leftOn: r.leftOn,
      agreementId: centre.agreementId,
      partyId: existing?.id ?? null,
      before: existing ? { role: existing.role, joinedOn: existing.joined_on, leftOn: existing.left_on } : null,
    });
  }
  errors.sort((a, b) => a.line - b.line);
  return {
    checksum: checksumOf(file),
    rows: parsed.rows.length,
    added: changes.filter((c) => c.action === 'ADD').length,
    changed: changes.filter((c) => c.action === 'CHANGE').length,
    unchanged,
    errors,
    changes,
  };
}

export async function previewMembershipImport(
  ctx: AppContext,
  file: string,
  format: ImportFormat,
): Promise<MembershipPreview> {
  return plan(ctx.dataSource.manager, file, format);
}

/** All or nothing, audited per party (under its agreement); the same file again changes nothing. */
export async function confirmMembershipImport(
  ctx: AppContext,
  file: string,
  format: ImportFormat,
  checksum: string,
): Promise<{ added: number; changed: number; unchanged: number }> {
  return transaction(ctx, async (em) => {
    await em.query(`LOCK TABLE agreement_party IN SHARE ROW EXCLUSIVE MODE`);
    const p = await plan(em, file, format);
    if (p.checksum !== checksum) throw badInput('checksum', 'import.checksum');
    if (p.errors.length) throw rowErrorsRefusal(p.errors, 'file');
    const audits = [];
    for (const c of p.changes) {
      const after = { role: c.role, joinedOn: c.joinedOn, leftOn: c.leftOn };
      let id = c.partyId;
      if (c.action === 'ADD') {
        [{ id }] = await em.query(
          `INSERT INTO agreement_party (agreement_id, kommunenummer, role, joined_on, left_on) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
          [c.agreementId, c.kommunenummer, c.role, c.joinedOn, c.leftOn],
        );
      } else {
        await em.query(
          `UPDATE agreement_party SET role = $2, joined_on = $3, left_on = $4, version = version + 1 WHERE id = $1`,
          [c.partyId, c.role, c.joinedOn, c.leftOn],
        );
      }
      audits.push({
        id: id!,
        before: c.before,
        after: { kommunenummer: c.kommunenummer, ...after },
        parent: { entity: 'Agreement', id: c.agreementId, label: c.municipality },
      });
    }
    await auditMany(em, ctx, 'IMPORT', 'AgreementParty', audits);
    return { added: p.added, changed: p.changed, unchanged: p.unchanged };
  });
}
