import type { DataSource, EntityManager } from 'typeorm';
import {
  POPULATION_SOURCE_2024,
  readCounties,
  readMemberships,
  readMunicipalities,
  readPoints,
  DataFileError,
} from './data-files';

export interface SeedSummary {
  counties: number;
  municipalities: number;
  populationFigures: number;
  centres: number;
  memberships: number;
}

/**
 * Loads the real reference data from data/ into the database. Idempotent: every row is
 * upserted on its natural key (kommunenummer, county number, centre name, centre ×
 * municipality × role), so a second run changes nothing and a corrected file updates rows.
 * All in one transaction: a bad file leaves the database as it was.
 */
export async function seed(dataSource: DataSource, dataDir: string): Promise<SeedSummary> {
  const counties = readCounties(dataDir);
  const municipalities = readMunicipalities(dataDir);
  const points = new Map(readPoints(dataDir).map((p) => [p.kommunenummer, p]));
  const memberships = readMemberships(dataDir);

  const centres = new Map<string, { host: (typeof memberships)[number] }>();
  for (const m of memberships) {
    if (m.role === 'host') {
      if (centres.has(m.centre)) throw new DataFileError('krisesenter-samarbeid-eksempler.csv', 0, `two hosts for ${m.centre}`);
      centres.set(m.centre, { host: m });
    }
  }
  const known = new Set(municipalities.map((m) => m.kommunenummer));
  for (const m of memberships) {
    if (!known.has(m.kommunenummer)) {
      throw new DataFileError(
        'krisesenter-samarbeid-eksempler.csv',
        memberships.indexOf(m) + 2,
        `kommunenummer ${m.kommunenummer} is not a municipality of the 2024 structure`,
      );
    }
    if (!centres.has(m.centre)) {
      throw new DataFileError('krisesenter-samarbeid-eksempler.csv', 0, `centre «${m.centre}» has no host row`);
    }
  }

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
      ['kommunenummer', 'name', 'sami_name', 'county_number', 'area_km2', 'admin_centre', 'language_form', 'lat', 'lon', 'point_method'],
      ['kommunenummer'],
      municipalities.map((m) => {
        const p = points.get(m.kommunenummer);
        return [
          m.kommunenummer, m.name, m.samiName, m.countyNumber, m.areaKm2, m.adminCentre, m.languageForm,
          p?.lat ?? null, p?.lon ?? null, p?.method ?? null,
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
    await upsert(
      em,
      'crisis_centre',
      ['name', 'host_kommunenummer', 'cooperation_form', 'source_url', 'source_as_of', 'note', 'is_example'],
      ['name'],
      [...centres.entries()].map(([name, { host }]) => [
        name, host.kommunenummer, host.cooperationForm, host.sourceUrl, host.sourceAsOf, host.note, false,
      ]),
    );
    const ids = new Map<string, string>(
      (await em.query(`SELECT id, name FROM crisis_centre WHERE name = ANY($1)`, [[...centres.keys()]])).map(
        (r: { id: string; name: string }) => [r.name, r.id],
      ),
    );
    await upsert(
      em,
      'centre_membership',
      ['centre_id', 'kommunenummer', 'role', 'cooperation_form', 'joined_on', 'source_url', 'source_as_of', 'note', 'is_example'],
      ['centre_id', 'kommunenummer', 'role'],
      memberships.map((m) => [
        ids.get(m.centre), m.kommunenummer, m.role, m.cooperationForm, m.joinedOn, m.sourceUrl, m.sourceAsOf, m.note, false,
      ]),
    );
  });

  return {
    counties: counties.length,
    municipalities: municipalities.length,
    populationFigures: municipalities.length,
    centres: centres.size,
    memberships: memberships.length,
  };
}

/** INSERT … ON CONFLICT (key) DO UPDATE for many rows in one statement. */
async function upsert(
  em: EntityManager,
  table: string,
  columns: string[],
  key: string[],
  rows: unknown[][],
): Promise<void> {
  if (rows.length === 0) return;
  const params: unknown[] = [];
  const values = rows.map((row) => `(${row.map((v) => `$${params.push(v)}`).join(', ')})`);
  const updates = columns.filter((c) => !key.includes(c)).map((c) => `"${c}" = EXCLUDED."${c}"`);
  await em.query(
    `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${values.join(', ')}
     ON CONFLICT (${key.map((c) => `"${c}"`).join(', ')}) DO ${updates.length ? `UPDATE SET ${updates.join(', ')}` : 'NOTHING'}`,
    params,
  );
}
