import type { DataSource } from 'typeorm';
import {
  DataFileError,
  KOSTRA_NAME_MATCHES,
  KOSTRA_NATIONAL_AVERAGES,
  POPULATION_SOURCE_2024,
  readCounties,
  readKostraCentres,
  readMemberships,
  readMunicipalities,
  readPoints,
} from './data-files';
import { seedRecordsOnce, type RecordsSummary } from './records';
import { seedCostRecordsOnce } from './cost-records';
import { hashDemoPasswordsIfDue, seedUsersOnce } from './users';
import { upsert, upsertReference } from './upsert';

import { seedNational, type NationalSummary } from './national';

export interface SeedSummary {
  counties: number;
  municipalities: number;
  populationFigures: number;
  centres: number;
  memberships: number;
  /** The national register (data/national): its centres and documented memberships. */
  national: NationalSummary | null;
  /** Example records added by this run (null when they were added before). */
  records: Partial<RecordsSummary> | null;
}

/**
 * Loads the real reference data from data/ into the database, then (once per database) the
 * example records. Idempotent: reference rows are upserted on natural keys (kommunenummer,
 * county number, seed keys of centres, agreements and parties made from the data file), so a
 * second run changes nothing and a corrected file updates the source fields; what users edit
 * (a centre's name included) is not overwritten, and a real record a user deleted is not re-created.
 * All in one transaction: a bad file leaves the database as it was.
 */
export async function seed(dataSource: DataSource, dataDir: string): Promise<SeedSummary> {
  const counties = readCounties(dataDir);
  const municipalities = readMunicipalities(dataDir);
  const points = new Map(readPoints(dataDir).map((p) => [p.kommunenummer, p]));
  const memberships = readMemberships(dataDir);
  const kostra = readKostraCentres(dataDir);

  const centres = new Map<string, { host: (typeof memberships)[number] }>();
  for (const m of memberships) {
    if (m.role === 'host') {
      if (centres.has(m.centre))
        throw new DataFileError('krisesenter-samarbeid-eksempler.csv', 0, `two hosts for ${m.centre}`);
      centres.set(m.centre, { host: m });
    }
  }
  const known = new Set(municipalities.map((m) => m.kommunenummer));
  for (const [i, m] of memberships.entries()) {
    if (!known.has(m.kommunenummer)) {
      throw new DataFileError(
        'krisesenter-samarbeid-eksempler.csv',
        i + 2,
        `kommunenummer ${m.kommunenummer} is not a municipality of the 2024 structure`,
      );
    }
    if (!centres.has(m.centre)) {
      throw new DataFileError('krisesenter-samarbeid-eksempler.csv', 0, `centre «${m.centre}» has no host row`);
    }
  }

  // Hashing is slow on purpose: done before the transaction, and only when the users are due.
  const demoPasswords = await hashDemoPasswordsIfDue(dataSource);
  let records: Partial<RecordsSummary> | null = null;
  let national: NationalSummary | null = null;
  await dataSource.transaction(async (em) => {
    await upsert(
      em,
      'county',
      ['number', 'name'],
      ['number'],
      counties.map((c) => [c.number, c.name]),
    );
    await upsert(
      em,
      'municipality',
      [
        'kommunenummer',
        'name',
        'sami_name',
        'county_number',
        'area_km2',
        'admin_centre',
        'language_form',
        'lat',
        'lon',
        'point_method',
      ],
      ['kommunenummer'],
      municipalities.map((m) => {
        const p = points.get(m.kommunenummer);
        return [
          m.kommunenummer,
          m.name,
          m.samiName,
          m.countyNumber,
          m.areaKm2,
          m.adminCentre,
          m.languageForm,
          p?.lat ?? null,
          p?.lon ?? null,
          p?.method ?? null,
        ];
      }),
    );
    await upsert(
      em,
      'municipality_population',
      ['kommunenummer', 'year', 'population', 'source'],
      ['kommunenummer', 'year'],
      municipalities.map((m) => [m.kommunenummer, 2024, m.population2024, POPULATION_SOURCE_2024]),
    );
    // Real records by their seed keys (made from the data file, never from a name a user can change);
    // one a user deleted stays deleted (the ledger in upsertReference). Centres: the source fields
    // follow the data file; what users edit is left alone.
    const centreKey = (name: string) => `centre:${name}`;
    const agreementKey = (name: string) => `agreement:${name}`;
    await upsertReference(
      em,
      'crisis_centre',
      [
        'seed_key',
        'name',
        'host_kommunenummer',
        'cooperation_form',
        'source_url',
        'source_as_of',
        'note',
        'is_example',
      ],
      [...centres.entries()].map(([name, { host }]) => [
        centreKey(name),
        name,
        host.kommunenummer,
        host.cooperationForm,
        host.sourceUrl,
        host.sourceAsOf,
        host.note,
        false,
      ]),
      { update: ['cooperation_form', 'source_url', 'source_as_of'] },
    );
    /** Ids by the centre's name in the data file, found by seed key; a deleted record is absent. */
    const idsByName = async (table: string, keyOf: (name: string) => string) => {
      const names = [...centres.keys()];
      const rows: { id: string; seed_key: string }[] = await em.query(
        `SELECT id, seed_key FROM "${table}" WHERE seed_key = ANY($1)`,
        [names.map(keyOf)],
      );
      const byKey = new Map(rows.map((r) => [r.seed_key, r.id]));
      return new Map(names.filter((n) => byKey.has(keyOf(n))).map((n) => [n, byKey.get(keyOf(n))!]));
    };
    const ids = await idsByName('crisis_centre', centreKey);
    // One agreement per centre: the sources document the cooperation, not its terms.
    await upsertReference(
      em,
      'agreement',
      ['seed_key', 'centre_id', 'title', 'status', 'legal_basis', 'source_url', 'source_as_of'],
      [...centres.entries()]
        .filter(([name]) => ids.has(name))
        .map(([name, { host }]) => [
          agreementKey(name),
          ids.get(name),
          `Samarbeidsavtale om krisesentertilbud – ${name}`,
          'ACTIVE',
          host.cooperationForm,
          host.sourceUrl,
          host.sourceAsOf,
        ]),
      { update: [] },
    );
    const agreementIds = await idsByName('agreement', agreementKey);
    await upsertReference(
      em,
      'agreement_party',
      [
        'seed_key',
        'agreement_id',
        'kommunenummer',
        'role',
        'joined_on',
        'source_url',
        'source_as_of',
        'note',
        'is_example',
      ],
      memberships
        .filter((m) => agreementIds.has(m.centre))
        .map((m) => [
          `party:${m.centre}:${m.kommunenummer}:${m.role}`,
          agreementIds.get(m.centre),
          m.kommunenummer,
          m.role,
          m.joinedOn,
          m.sourceUrl,
          m.sourceAsOf,
          m.note,
          false,
        ]),
      { update: ['source_url', 'source_as_of'] },
    );
    await upsert(
      em,
      'kostra_national_average',
      ['year', 'kr_per_inhabitant', 'source'],
      ['year'],
      KOSTRA_NATIONAL_AVERAGES.map((k) => [k.year, k.kr, k.source]),
    );
    await upsert(
      em,
      'kostra_centre_figure',
      ['year', 'published_name', 'centre_id', 'kr_per_inhabitant', 'overnight_days', 'source_url'],
      ['year', 'published_name'],
      kostra.map((k) => [
        k.year,
        k.publishedName,
        ids.get(KOSTRA_NAME_MATCHES[k.publishedName] ?? '') ?? null,
        k.krPerInhabitant,
        k.overnightDays,
        k.sourceUrl,
      ]),
    );
    national = await seedNational(em, dataDir);
    const examples = await seedRecordsOnce(em);
    const costExamples = await seedCostRecordsOnce(em);
    if (examples || costExamples) records = { ...examples, ...costExamples };
    await seedUsersOnce(em, demoPasswords);
  });

  return {
    counties: counties.length,
    municipalities: municipalities.length,
    populationFigures: municipalities.length,
    centres: centres.size,
    memberships: memberships.length,
    national,
    records,
  };
}
