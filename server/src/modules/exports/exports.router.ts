import express, { type Router } from 'express';
import type { DataSource } from 'typeorm';
import { AGREEMENT_STATUS_LABELS, AGENCY_KIND_LABELS, type AgencyKind, type AgreementStatus } from '@samordna/domain';
import type { AuthUser } from '../../app/auth';
import { tableToCsv, tableToXlsx, type ExportTable } from './sheet';

const ROLE: Record<string, string> = { host: 'Vertskommune', partner: 'Samarbeidskommune' };

/** Every agreement with its parties: one row per party. */
export async function agreementsTable(ds: DataSource): Promise<ExportTable> {
  const rows: {
    title: string;
    centre: string;
    status: AgreementStatus;
    valid_from: string | null;
    valid_to: string | null;
    notice_months: number | null;
    kommunenummer: string;
    municipality: string;
    role: string;
    joined_on: string | null;
    left_on: string | null;
    decision_ref: string | null;
    decision_date: string | null;
    population: number | null;
  }[] = await ds.query(
    `SELECT a.title, c.name AS centre, a.status, to_char(a.valid_from, 'YYYY-MM-DD') AS valid_from, to_char(a.valid_to, 'YYYY-MM-DD') AS valid_to, a.notice_months,
            p.kommunenummer, m.name AS municipality, p.role, to_char(p.joined_on, 'YYYY-MM-DD') AS joined_on, to_char(p.left_on, 'YYYY-MM-DD') AS left_on,
            p.decision_ref, to_char(p.decision_date, 'YYYY-MM-DD') AS decision_date,
            (SELECT pop.population FROM municipality_population pop WHERE pop.kommunenummer = p.kommunenummer ORDER BY pop.year DESC LIMIT 1) AS population
     FROM agreement a JOIN crisis_centre c ON c.id = a.centre_id JOIN agreement_party p ON p.agreement_id = a.id JOIN municipality m ON m.kommunenummer = p.kommunenummer
     ORDER BY c.name, a.valid_from NULLS LAST, a.id, (p.role = 'host') DESC, m.name`,
  );
  return {
    title: 'Avtaler og parter',
    header: [
      'Avtale',
      'Krisesenter',
      'Status',
      'Gjelder fra',
      'Gjelder til',
      'Oppsigelse (mnd.)',
      'Kommune',
      'Kommunenr.',
      'Rolle',
      'Med fra',
      'Ute fra',
      'Vedtak',
      'Vedtaksdato',
      'Folketall',
    ],
    rows: rows.map((r) => [
      r.title,
      r.centre,
      AGREEMENT_STATUS_LABELS[r.status].nb,
      { date: r.valid_from },
      { date: r.valid_to },
      r.notice_months,
      r.municipality,
      r.kommunenummer,
      ROLE[r.role] ?? r.role,
      { date: r.joined_on },
      { date: r.left_on },
      r.decision_ref,
      { date: r.decision_date },
      r.population,
    ]),
    sumColumns: [13],
  };
}

/** Contacts per municipality and agency; phone and e-mail only for signed-in users (as in the API). */
export async function contactsTable(
  ds: DataSource,
  signedIn: boolean,
  kommunenummer: string | null,
): Promise<ExportTable> {
  const rows: {
    municipality: string;
    kommunenummer: string;
    kind: AgencyKind;
    agency: string;
    name: string;
    title: string | null;
    phone: string | null;
    email: string | null;
    is_contact_point: boolean;
    verified_on: string | null;
  }[] = await ds.query(
    `SELECT m.name AS municipality, g.kommunenummer, g.kind, g.name AS agency, c.name, c.title, c.phone, c.email, c.is_contact_point,
            to_char(c.verified_at AT TIME ZONE 'Europe/Oslo', 'YYYY-MM-DD') AS verified_on
     FROM contact_person c JOIN agency g ON g.id = c.agency_id JOIN municipality m ON m.kommunenummer = g.kommunenummer
     WHERE c.active AND ($1::text IS NULL OR g.kommunenummer = $1) ORDER BY m.name, g.kind, g.name, c.name`,
    [kommunenummer],
  );
  return {
    title: 'Kontakter',
    header: [
      'Kommune',
      'Kommunenr.',
      'Tjeneste',
      'Navn på tjenesten',
      'Kontaktperson',
      'Funksjon',
      'Telefon',
      'E-post',
      'Kontaktpunkt',
      'Sist bekreftet',
    ],
    rows: rows.map((r) => [
      r.municipality,
      r.kommunenummer,
      AGENCY_KIND_LABELS[r.kind]?.nb ?? r.kind,
      r.agency,
      r.name,
      r.title,
      signedIn ? r.phone : null,
      signedIn ? r.email : null,
      r.is_contact_point ? 'Ja' : 'Nei',
      { date: r.verified_on },
    ]),
  };
}

/** GET /export/{agreements|contacts}.{csv|xlsx} (contacts: ?kommunenummer=…). */
export function reachExportRouter(
  ds: DataSource,
  authenticate: (req: express.Request) => Promise<AuthUser | null> = async () => null,
): Router {
  const router = express.Router();
  router.get(/^\/(agreements|contacts)\.(csv|xlsx)$/, async (req, res) => {
    const [kind, format] = [req.params[0], req.params[1]] as ['agreements' | 'contacts', 'csv' | 'xlsx'];
    try {
      const knr =
        typeof req.query.kommunenummer === 'string' && /^\d{4}$/.test(req.query.kommunenummer)
          ? req.query.kommunenummer
          : null;
      const table =
        kind === 'agreements'
          ? await agreementsTable(ds)
          : await contactsTable(ds, (await authenticate(req)) !== null, knr);
      const name = kind === 'agreements' ? 'avtaler-og-parter' : `kontakter${knr ? `-${knr}` : ''}`;
      res.setHeader('Content-Disposition', `attachment; filename="${name}.${format}"`);
      if (format === 'csv') res.type('text/csv; charset=utf-8').send(tableToCsv(table));
      else res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await tableToXlsx(table));
    } catch (error) {
      console.error('[export] internal error:', error instanceof Error ? error.message : 'unknown');
      res.status(500).json({ code: 'INTERNAL_SERVER_ERROR', message: 'Eksporten feilet.' });
    }
  });
  return router;
}
