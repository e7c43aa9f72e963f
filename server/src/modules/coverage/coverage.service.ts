import { z } from 'zod';
import {
  coverageFindings,
  DEFAULT_COVERAGE_CONFIG,
  FINDING_CODES,
  isCountyNumber,
  isNotRegistered,
  isDocumentedOnly,
  evidenceOf,
  BASIS_KIND_LABELS,
  nextDeadline,
  worstSeverity,
  AGENCY_KIND_LABELS,
  contactGaps,
  type CoverageConfig,
  type CoverageFacts,
  type Finding,
  type NoticeRunsTo,
  msg,
} from '@samordna/domain';
import type { AppContext } from '../../app/context';
import { membersOfCentre } from '../agreement/membership';
import { notFound } from '../../app/errors';
import { staleContactSql } from '../../database/contact-staleness';
import { parseAsOf, parseInput, rules, zmsg } from '../../app/validation';
import { Municipality } from '../municipality/municipality.entity';
import { DocumentedMembership } from '../national/documented-membership.entity';
import { documentedOf } from '../national/documented.types';
import { cachedOverviewBase } from './coverage.cache';
import type {
  CompactCoverage,
  CentreCoverage,
  CoverageConfigInput,
  CoverageFilter,
  CoverageOverview,
  CoverageRow,
  GroupCount,
  MunicipalityCoverage,
} from './coverage.types';

const configSchema = z.object({
  noticeWithinDays: rules.int('Antall dager', 0, 3650).nullish(),
  staleAfterMonths: rules.int('Antall måneder', 1, 120).nullish(),
  farFromCentreKm: rules.int('Avstanden', 1, 3000).nullish(),
});

/** The default thresholds, with those the request sets. */
function configOf(input: CoverageConfigInput | null | undefined): CoverageConfig {
  const given = parseInput(configSchema, input ?? {}, 'config');
  return { ...DEFAULT_COVERAGE_CONFIG, ...Object.fromEntries(Object.entries(given).filter(([, n]) => n != null)) };
}

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

interface Facts {
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
async function gatherFacts(
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

function rowOf(
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
function rowsOf({ municipalities, facts, documented }: Facts, asOf: string, config: CoverageConfig): CoverageRow[] {
  return municipalities.map((m) => {
    const f = facts.get(m.kommunenummer)!;
    return rowOf(m, f, coverageFindings(f, asOf, config), documented.get(m.kommunenummer), asOf, config);
  });
}

function group(rows: CoverageRow[], keyOf: (r: CoverageRow) => { key: string; label: string }[]): GroupCount[] {
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

const filterSchema = z.object({
  countyNumber: z.string().refine(isCountyNumber, zmsg('field.countyNumber')).nullish(),
  centreId: rules.uuid('krisesenter').nullish(),
  code: z.string().nullish(),
  severity: z.string().nullish(),
});

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

/** The rows in parallel lists; computed only when asked for (a getter on the overview). */
function compactOf(rows: CoverageRow[]): CompactCoverage {
  const out: CompactCoverage = { kommunenummer: [], state: [], critical: [], warning: [], info: [], weakEvidence: [] };
  rows.forEach((r, i) => {
    out.kommunenummer.push(r.municipality.kommunenummer);
    out.state.push(r.status === 'REGISTERED' ? (r.worstSeverity ?? 'OK') : r.status);
    out.critical.push(r.critical);
    out.warning.push(r.warning);
    out.info.push(r.info);
    if (r.documentedMembership?.provenance.marked) out.weakEvidence.push(i);
  });
  return out;
}

export async function coverageOverview(
  ctx: AppContext,
  asOfInput: string | null | undefined,
  filterInput: CoverageFilter | null | undefined,
  configInput?: CoverageConfigInput | null,
): Promise<CoverageOverview> {
  const asOf = parseAsOf(asOfInput);
  const filter = parseInput(filterSchema, filterInput ?? {}, 'filter');
  const config = configOf(configInput);
  const { rows: all, counties, centresOf } = await cachedOverviewBase(ctx, asOf, config);
  let rows = all;
  if (filter.countyNumber) rows = rows.filter((r) => r.municipality.countyNumber === filter.countyNumber);
  if (filter.centreId)
    rows = rows.filter((r) =>
      (centresOf.get(r.municipality.kommunenummer) ?? []).some((c) => c.key === filter.centreId),
    );
  if (filter.code) rows = rows.filter((r) => r.codes.includes(filter.code as CoverageRow['codes'][number]));
  if (filter.severity) rows = rows.filter((r) => r.worstSeverity === filter.severity);

  return {
    asOf,
    rows,
    get compact() {
      return compactOf(rows);
    },
    byCode: FINDING_CODES.map((code) => ({
      code,
      municipalities: rows.filter((r) => r.codes.includes(code)).length,
    })).filter((c) => c.municipalities > 0),
    byCounty: group(rows, (r) => [
      {
        key: r.municipality.countyNumber,
        label: counties.get(r.municipality.countyNumber) ?? r.municipality.countyNumber,
      },
    ]),
    byCentre: group(rows, (r) => centresOf.get(r.municipality.kommunenummer) ?? []),
  };
}

export async function municipalityCoverage(
  ctx: AppContext,
  kommunenummer: string,
  asOfInput?: string | null,
  configInput?: CoverageConfigInput | null,
): Promise<MunicipalityCoverage> {
  const knr = parseInput(rules.kommunenummer(), kommunenummer, 'kommunenummer');
  const asOf = parseAsOf(asOfInput);
  const config = configOf(configInput);
  const { municipalities, facts, documented } = await gatherFacts(ctx, asOf, config, [knr]);
  const m = municipalities[0];
  if (!m) throw notFound('Municipality', knr, msg('kommunenummer.notFound', { kommunenummer: knr }));
  const f = facts.get(knr)!;
  const findings = coverageFindings(f, asOf, config);
  const row = rowOf(m, f, findings, documented.get(knr), asOf, config);
  return {
    asOf,
    municipality: m,
    status: row.status,
    worstSeverity: row.worstSeverity,
    documentedMembership: row.documentedMembership,
    findings: findings.map((x) => ({
      code: x.code,
      severity: x.severity,
      reason: x.reason.nb,
      reasonEn: x.reason.en,
      records: x.records,
      basisKind: x.basis.kind,
      basisLabel: BASIS_KIND_LABELS[x.basis.kind].nb,
      legalBasis: x.basis.ref,
      legalBasisCode: x.basis.code,
      statutory: x.basis.kind === 'LAW' && x.severity === 'CRITICAL',
    })),
  };
}

export async function centreCoverage(
  ctx: AppContext,
  centreId: string,
  asOfInput?: string | null,
  configInput?: CoverageConfigInput | null,
): Promise<CentreCoverage> {
  const cid = parseInput(rules.uuid('krisesenter'), centreId, 'centreId');
  const asOf = parseAsOf(asOfInput);
  const config = configOf(configInput);
  const centre = await ctx.loaders.centreById.load(cid);
  if (!centre) throw notFound('CrisisCentre', cid, 'notFound.centre');
  // The centre's members on asOf (the one membership rule; the host included).
  const members = new Set(await membersOfCentre(ctx.dataSource.manager, cid, asOf));
  // And the municipalities a public source documents as members (no agreement registered yet).
  for (const r of await ctx.dataSource.query(`SELECT kommunenummer FROM documented_membership WHERE centre_id = $1`, [
    cid,
  ]))
    members.add(r.kommunenummer as string);
  const rows = rowsOf(await gatherFacts(ctx, asOf, config, [...members]), asOf, config).sort((a, b) =>
    a.municipality.kommunenummer === centre.hostKommunenummer
      ? -1
      : b.municipality.kommunenummer === centre.hostKommunenummer
        ? 1
        : a.municipality.name.localeCompare(b.municipality.name, 'nb'),
  );
  const codes = FINDING_CODES.filter((c) => rows.some((r) => r.codes.includes(c)));
  return { asOf, centreId: cid, centreName: centre.name, codes, rows };
}
