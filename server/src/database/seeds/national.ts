import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { EntityManager } from 'typeorm';
import {
  parseNationalCentres,
  parseNationalCostFigures,
  parseNationalMemberships,
  type NationalCentre,
  type OrganisationForm,
  type SourceRow,
} from '@samordna/domain';
import { DataFileError } from './data-files';
import { upsert, upsertReference } from './upsert';

/** The national files live here, with the README that says where they come from. */
export const NATIONAL_DIR = 'national';

export interface NationalSummary {
  centres: number;
  operatingCentres: number;
  memberships: number;
  costFigures: number;
  retrievedOn: string;
}

/** CSV records with the line each starts on (the header is line 1), for errors that name the line. */
function readRows(dir: string, file: string): SourceRow[] {
  const text = readFileSync(path.join(dir, NATIONAL_DIR, file), 'utf8');
  const records: { record: Record<string, string>; info: { lines: number } }[] = parse(text, {
    columns: true,
    skip_empty_lines: true,
    bom: true,
    trim: true,
    info: true,
  });
  // info.lines is the line the record ends on; a record spanning lines starts earlier, which the
  // files do not have (no line breaks in quotes), so the two agree.
  return records.map(({ record, info }) => ({ line: info.lines, record }));
}

/** The day the national files were collected, from their README's title «(collected YYYY-MM-DD)». */
export function retrievedOnOf(dir: string): string {
  const readme = readFileSync(path.join(dir, NATIONAL_DIR, 'README.md'), 'utf8');
  const m = /collected (\d{4}-\d{2}-\d{2})/.exec(readme);
  if (!m) throw new DataFileError(`${NATIONAL_DIR}/README.md`, 1, 'the title must say «(collected YYYY-MM-DD)»');
  return m[1];
}

/** The organisation form where the source states it plainly; anything else stays UNKNOWN (the text is kept). */
function organisationFormOf(c: NationalCentre): OrganisationForm {
  const text = (c.orgForm ?? '').toLowerCase();
  if (/^iks\b/.test(text)) return 'IKS';
  if (text.startsWith('stiftelse') || text.startsWith('privat stiftelse')) return 'FOUNDATION';
  return 'UNKNOWN';
}

/**
 * Loads data/national into the database (inside the seed's transaction): every centre (host may
 * be unknown), keyed `centre:<centre_name>` like the centres already seeded, so the five real
 * centres keep their records and agreements and only gain the national facts; one documented
 * membership per municipality (keyed by kommunenummer), with its provenance; the SSB figures per
 * year. Documented memberships are facts, never agreements: no agreement is written here.
 */
export async function seedNational(em: EntityManager, dataDir: string): Promise<NationalSummary> {
  const retrievedOn = retrievedOnOf(dataDir);
  const known = new Set<string>(
    (await em.query(`SELECT kommunenummer FROM municipality`)).map((r: { kommunenummer: string }) => r.kommunenummer),
  );
  const centres = parseNationalCentres(readRows(dataDir, 'krisesentre-2024.csv'), known, retrievedOn);
  const memberships = parseNationalMemberships(
    readRows(dataDir, 'krisesenter-tilknytning-2024.csv'),
    centres,
    known,
    retrievedOn,
  );
  const costs = parseNationalCostFigures(readRows(dataDir, 'krisesenter-kostnader-ssb-2017-2022.csv'));

  // Through the ledger: a real centre a user deleted is never inserted again.
  await upsertReference(
    em,
    'crisis_centre',
    [
      'seed_key',
      'name',
      'host_kommunenummer',
      'organisation_form',
      'cooperation_form',
      'note',
      'is_example',
      'operating_status',
      'host_basis',
      'bufdir_name',
      'reported_municipalities',
      'source_url',
      'source_as_of',
      'source_year',
      'source_quote',
      'source_confidence',
      'source_retrieved_on',
    ],
    centres.map((c) => [
      `centre:${c.name}`,
      c.name,
      c.hostKommunenummer,
      organisationFormOf(c),
      c.orgForm,
      c.note,
      false,
      c.status,
      c.hostBasis,
      c.bufdirName,
      c.reportedMunicipalities,
      c.provenance.sourceUrl,
      c.provenance.sourceDate,
      c.provenance.sourceYear,
      c.provenance.quote,
      c.provenance.confidence,
      c.provenance.retrievedOn,
    ]),
    {
      // A re-run follows the file in the national facts. The host, form and note users may edit
      // stay, and so do the URL and date of the five centres the first seed step wrote (the same
      // pages, the date worded differently), so the two steps never overwrite each other.
      update: [
        'operating_status',
        'host_basis',
        'bufdir_name',
        'reported_municipalities',
        'source_year',
        'source_quote',
        'source_confidence',
        'source_retrieved_on',
      ],
    },
  );
  const ids = new Map<string, string>(
    (
      await em.query(`SELECT id, seed_key FROM crisis_centre WHERE seed_key = ANY($1)`, [
        centres.map((c) => `centre:${c.name}`),
      ])
    ).map((r: { id: string; seed_key: string }) => [r.seed_key.slice('centre:'.length), r.id]),
  );

  // A fact a user has confirmed or corrected (reviewDocumentedMembership) keeps the user's source.
  const reviewed = new Set<string>(
    (await em.query(`SELECT kommunenummer FROM documented_membership WHERE reviewed_at IS NOT NULL`)).map(
      (r: { kommunenummer: string }) => r.kommunenummer,
    ),
  );
  await upsert(
    em,
    'documented_membership',
    [
      'kommunenummer',
      'centre_id',
      'role',
      'note',
      'source_url',
      'source_date',
      'source_year',
      'quote',
      'confidence',
      'retrieved_on',
    ],
    ['kommunenummer'],
    memberships
      .filter((m) => !reviewed.has(m.kommunenummer) && ids.has(m.centreName))
      .map((m) => [
        m.kommunenummer,
        ids.get(m.centreName),
        m.role,
        m.note,
        m.provenance.sourceUrl,
        m.provenance.sourceDate,
        m.provenance.sourceYear,
        m.provenance.quote,
        m.provenance.confidence,
        m.provenance.retrievedOn,
      ]),
  );

  const national = costs.filter((c) => c.centreName === 'Norge');
  await upsert(
    em,
    'kostra_national_average',
    ['year', 'kr_per_inhabitant', 'source'],
    ['year'],
    national.map((c) => [
      c.year,
      c.krPerInhabitant,
      `Kilde: Statistisk sentralbyrå (SSB), ${c.sourceUrl} (${c.sourceDate})`,
    ]),
  );
  const perCentre = costs.filter((c) => c.centreName !== 'Norge');
  await upsert(
    em,
    'kostra_centre_figure',
    ['year', 'published_name', 'centre_id', 'kr_per_inhabitant', 'overnight_days', 'source_url'],
    ['year', 'published_name'],
    perCentre.map((c) => [c.year, c.centreName, ids.get(c.centreName) ?? null, c.krPerInhabitant, null, c.sourceUrl]),
    { update: ['centre_id', 'kr_per_inhabitant', 'source_url'] },
  );

  return {
    centres: centres.length,
    operatingCentres: centres.filter((c) => c.status === 'OPERATING').length,
    memberships: memberships.length,
    costFigures: costs.length,
    retrievedOn,
  };
}
