import {
  coverageFindings,
  DEFAULT_COVERAGE_CONFIG,
  FINDING_CODES,
  BASIS_KIND_LABELS,
  type CoverageConfig,
  msg,
} from '@samordna/domain';
import type { AppContext } from '../../app/context';
import { membersOfCentre } from '../agreement/membership';
import { notFound } from '../../app/errors';
import { parseAsOf, parseInput, rules } from '../../app/validation';
import { cachedOverviewBase } from './coverage.cache';
import {
  coverageConfigSchema,
  coverageFilterSchema,
  type CoverageConfigInput,
  type CoverageFilter,
} from './coverage.inputs';
import { gatherFacts, group, rowOf, rowsOf } from './coverage.overview';
import type {
  CompactCoverage,
  CentreCoverage,
  CoverageOverview,
  CoverageRow,
  MunicipalityCoverage,
} from './coverage.types';

/** The default thresholds, with those the request sets. */
function configOf(input: CoverageConfigInput | null | undefined): CoverageConfig {
  const given = parseInput(coverageConfigSchema, input ?? {}, 'config');
  return { ...DEFAULT_COVERAGE_CONFIG, ...Object.fromEntries(Object.entries(given).filter(([, n]) => n != null)) };
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
  const filter = parseInput(coverageFilterSchema, filterInput ?? {}, 'filter');
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
