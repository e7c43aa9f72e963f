import {
  coverageFindings,
  isNotRegistered,
  isDocumentedOnly,
  evidenceOf,
  nextDeadline,
  worstSeverity,
  AGENCY_KIND_LABELS,
  contactGaps,
  type CoverageConfig,
  type CoverageFacts,
  type Finding,
  type NoticeRunsTo,
} from '@samordna/domain';
import type { AppContext } from '../../app/context';
import { staleContactSql } from '../../database/contact-staleness';
import { Municipality } from '../municipality/municipality.entity';
import { DocumentedMembership } from '../national/documented-membership.entity';
import { documentedOf } from '../national/documented.types';
import type { CoverageRow, GroupCount } from './coverage.types';

/* The overview of every municipality under the rules, before filtering: computed here, kept per data version by coverage.cache.ts. */

interface PartyRow {
  kommunenummer: string;
  role: string;
  joined_on: string | null;
  left_on: string | null;
  agreement_id: string;
  title: string;
  status: CoverageFacts['memberships'][number]['status'];
  signing_level: CoverageFacts['memberships'][number]['signingLevel'];
  valid_from: string | null;
  valid_to: string | null;
  auto_renew: boolean;
  renewal_months: number | null;
  notice_months: number | null;
  notice_runs_to: NoticeRunsTo;
  centre_id: string;
  centre_name: string;
  services: CoverageFacts['memberships'][number]['centre']['services'];
  capabilities: CoverageFacts['memberships'][number]['centre']['capabilities'];
  host_name: string;
  host_lat: number | null;
  host_lon: number | null;
}

export interface Facts {
  municipalities: Municipality[];
  facts: Map<string, CoverageFacts>;
  parties: PartyRow[];
  /** The documented membership of each municipality that has one (data/national). */
  documented: Map<string, DocumentedMembership>;
}

/**
 * The facts behind the rules for every municipality (or those in `only`), in five statements
 * whatever the number of municipalities: municipalities, parties with agreement and centre,
 * routines, agency and contact aggregates, contact points.
 */
export async function gatherFacts(
  ctx: AppContext,
  asOf: string,
  config: CoverageConfig,
  only?: readonly string[],
): Promise<Facts> {
  const ds = ctx.dataSource;
  const where = only ? 'WHERE m.kommunenummer = ANY($1)' : '';
  const params = only ? [only] : [];
  const municipalities = await ds
    .getRepository(Municipality)
    .createQueryBuilder('m')
    .where(only ? 'm.kommunenummer = ANY(:only)' : '1=1', { only })
    .getMany();
  for (const m of municipalities) ctx.loaders.municipalityByNumber.prime(m.kommunenummer, m);
  const parties: PartyRow[] = await ds.query(
    `SELECT p.kommunenummer, p.role, p.joined_on, p.left_on, a.id AS agreement_id, a.title, a.status, a.signing_level, a.valid_from, a.valid_to,
            a.auto_renew, a.renewal_months, a.notice_months, a.notice_runs_to, c.id AS centre_id, c.name AS centre_name, c.services, c.capabilities,
            coalesce(h.name, 'ikke kjent') AS host_name, h.lat AS host_lat, h.lon AS host_lon
     FROM agreement_party p JOIN agreement a ON a.id = p.agreement_id JOIN crisis_centre c ON c.id = a.centre_id
     LEFT JOIN municipality h ON h.kommunenummer = c.host_kommunenummer JOIN municipality m ON m.kommunenummer = p.kommunenummer ${where}`,
    params,
  );
  const routines: {
    id: string;
    centre_id: string;
    kommunenummer: string;
    status: CoverageFacts['routines'][number]['status'];
    review_due_on: string | null;
  }[] = await ds.query(
    `SELECT r.id, r.centre_id, r.kommunenummer, r.status, r.review_due_on FROM handover_routine r JOIN municipality m ON m.kommunenummer = r.kommunenummer ${where}`,
    params,
  );
  const agencies: {
    kommunenummer: string;
    kind: CoverageFacts['agencies'][number]['kind'];
    ids: string[];
    written: boolean;
    active: number;
    stale: number;
  }[] = await ds.query(
    `SELECT a.kommunenummer, a.kind, array_agg(DISTINCT a.id) AS ids, bool_or(a.written_agreement) AS written,
            count(c.id) FILTER (WHERE c.active)::int AS active,
            count(c.id) FILTER (WHERE c.active AND ${staleContactSql('c.verified_at', `$${params.length + 1}`, `$${params.length + 2}::date`)})::int AS stale
     FROM agency a JOIN municipality m ON m.kommunenummer = a.kommunenummer LEFT JOIN contact_person c ON c.agency_id = a.id ${where}
     GROUP BY a.kommunenummer, a.kind`,
    [...params, config.staleAfterMonths, asOf],
  );
  const points: { kommunenummer: string; id: string; name: string }[] = await ds.query(
    `SELECT DISTINCT ON (a.kommunenummer) a.kommunenummer, c.id, c.name FROM contact_person c JOIN agency a ON a.id = c.agency_id
     JOIN municipality m ON m.kommunenummer = a.kommunenummer ${where ? `${where} AND` : 'WHERE'} c.is_contact_point AND c.active
     ORDER BY a.kommunenummer, c.updated_at DESC`,
    params,
  );

  const documented: DocumentedMembership[] = await ds
    .getRepository(DocumentedMembership)
    .createQueryBuilder('d')
    .innerJoinAndSelect('d.centre', 'c')
    .where(only ? 'd.kommunenummer = ANY(:only)' : '1=1', { only })
    .getMany();

  const facts = new Map<string, CoverageFacts>();
  for (const m of municipalities) {
    facts.set(m.kommunenummer, {
      kommunenummer: m.kommunenummer,
      name: m.name,
      point: m.lat !== null && m.lon !== null ? { lat: m.lat, lon: m.lon } : null,
      memberships: [],
      routines: [],
      agencies: [],
      contactPoint: null,
    });
  }
  for (const p of parties) {
    const f = facts.get(p.kommunenummer);
    if (!f) continue;
    f.memberships.push({
      agreementId: p.agreement_id,
      agreementTitle: p.title,
      status: p.status,
      signingLevel: p.signing_level,
      deadline: nextDeadline(
        {
          validFrom: p.valid_from,
          validTo: p.valid_to,
          autoRenew: p.auto_renew,
          renewalMonths: p.renewal_months,
          noticeMonths: p.notice_months,
          noticeRunsTo: p.notice_runs_to,
        },
        asOf,
      ),
      current: (p.joined_on === null || p.joined_on <= asOf) && (p.left_on === null || p.left_on >= asOf),
      centre: {
        id: p.centre_id,
        name: p.centre_name,
        services: p.services,
        capabilities: p.capabilities,
        hostName: p.host_name,
        hostPoint: p.host_lat !== null && p.host_lon !== null ? { lat: p.host_lat, lon: p.host_lon } : null,
      },
    });
  }
  for (const r of routines)
    facts
      .get(r.kommunenummer)
      ?.routines.push({ id: r.id, centreId: r.centre_id, status: r.status, reviewDueOn: r.review_due_on });
  for (const a of agencies) {
    facts.get(a.kommunenummer)?.agencies.push({
      kind: a.kind,
      agencyIds: a.ids,
      label: AGENCY_KIND_LABELS[a.kind].nb,
      writtenAgreement: a.written,
      activeContacts: a.active,
      staleContacts: a.stale,
    });
  }
  for (const p of points) {
    const f = facts.get(p.kommunenummer);
    if (f) f.contactPoint = { id: p.id, name: p.name };
  }
  const documentedBy = new Map<string, DocumentedMembership>();
  for (const d of documented) {
    const f = facts.get(d.kommunenummer);
    if (!f) continue;
    const e = evidenceOf(d, asOf);
    documentedBy.set(d.kommunenummer, d);
    f.documented = {
      centreId: d.centreId,
      centreName: d.centre!.name,
      role: d.role,
      sourceDate: d.sourceDate,
      confidence: d.confidence,
      marked: e.marked,
      evidence: e.nb,
    };
  }
  return { municipalities, facts, parties, documented: documentedBy };
}

export function rowOf(
  m: Municipality,
  f: CoverageFacts,
  findings: Finding[],
  documented: DocumentedMembership | undefined,
  asOf: string,
  config: CoverageConfig,
): CoverageRow {
  const notRegistered = isNotRegistered(f);
  // Nothing registered is its own state: no contact gaps to name then (as NO_KEY_CONTACT is not found).
  const gaps = notRegistered ? { missingKinds: [], staleCount: 0 } : contactGaps(f, config);
  return {
    municipality: m,
    status: notRegistered ? 'NOT_REGISTERED' : isDocumentedOnly(f) ? 'DOCUMENTED' : 'REGISTERED',
    documentedMembership: documented ? documentedOf(documented, asOf) : null,
    worstSeverity: notRegistered ? null : worstSeverity(findings),
    critical: findings.filter((x) => x.severity === 'CRITICAL').length,
    warning: findings.filter((x) => x.severity === 'WARNING').length,
    info: notRegistered ? 0 : findings.filter((x) => x.severity === 'INFO').length,
    codes: [...new Set(findings.map((x) => x.code))],
    missingKeyAgencies: gaps.missingKinds,
    staleContacts: gaps.staleCount,
  };
}

/** Each municipality's row: its findings under the rules, counted. */
export function rowsOf(
  { municipalities, facts, documented }: Facts,
  asOf: string,
  config: CoverageConfig,
): CoverageRow[] {
  return municipalities.map((m) => {
    const f = facts.get(m.kommunenummer)!;
    return rowOf(m, f, coverageFindings(f, asOf, config), documented.get(m.kommunenummer), asOf, config);
  });
}

export function group(rows: CoverageRow[], keyOf: (r: CoverageRow) => { key: string; label: string }[]): GroupCount[] {
  const groups = new Map<string, GroupCount>();
  for (const r of rows) {
    for (const { key, label } of keyOf(r)) {
      const g = groups.get(key) ?? { key, label, critical: 0, warning: 0, info: 0, ok: 0, notRegistered: 0 };
      if (r.status === 'NOT_REGISTERED') g.notRegistered++;
      else if (r.worstSeverity === 'CRITICAL') g.critical++;
      else if (r.worstSeverity === 'WARNING') g.warning++;
      else if (r.worstSeverity === 'INFO') g.info++;
      else g.ok++;
      groups.set(key, g);
    }
  }
  return [...groups.values()].sort((a, b) => a.key.localeCompare(b.key));
}

/** The overview of every municipality before filtering: what the cache keeps per data version (coverage.cache.ts). */
export interface OverviewBase {
  rows: CoverageRow[];
  counties: Map<string, string>;
  centresOf: Map<string, { key: string; label: string }[]>;
}

export async function computeOverviewBase(
  ctx: AppContext,
  asOf: string,
  config: CoverageConfig,
): Promise<OverviewBase> {
  const gathered = await gatherFacts(ctx, asOf, config);
  const counties = new Map<string, string>(
    (await ctx.dataSource.query(`SELECT number, name FROM county`)).map((c: { number: string; name: string }) => [
      c.number,
      c.name,
    ]),
  );
  const centresOf = new Map<string, { key: string; label: string }[]>();
  const addCentre = (knr: string, key: string, label: string) => {
    const list = centresOf.get(knr) ?? [];
    if (!list.some((c) => c.key === key)) list.push({ key, label });
    centresOf.set(knr, list);
  };
  for (const p of gathered.parties) addCentre(p.kommunenummer, p.centre_id, p.centre_name);
  for (const [knr, d] of gathered.documented) addCentre(knr, d.centreId, d.centre!.name);
  const rows = rowsOf(gathered, asOf, config).sort((a, b) =>
    a.municipality.name.localeCompare(b.municipality.name, 'nb'),
  );
  return { rows, counties, centresOf };
}
