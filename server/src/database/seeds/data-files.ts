import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { isCountyNumber, isIsoDate, parseKommunenummer } from '@samordna/domain';

/** Rows read from the files in the repository's data/ folder, checked as they are read. */
export interface CountyRow {
  number: string;
  name: string;
}
export interface MunicipalityRow {
  kommunenummer: string;
  name: string;
  samiName: string | null;
  countyNumber: string;
  population2024: number;
  areaKm2: number | null;
  adminCentre: string | null;
  languageForm: string | null;
}
export interface PointRow {
  kommunenummer: string;
  lat: number;
  lon: number;
  method: string;
}
export interface MembershipRow {
  centre: string;
  role: 'host' | 'partner';
  kommunenummer: string;
  cooperationForm: string | null;
  joinedOn: string | null;
  sourceUrl: string;
  sourceAsOf: string;
  note: string | null;
}

export const POPULATION_SOURCE_2024 = 'SSB, folketall 1.1.2024 (via aprestmo/norway-geodata, MIT)';

/** A file in data/ that cannot be loaded as it is: names the file and the line. */
export class DataFileError extends Error {
  readonly code = 'DATA_FILE_INVALID';
  constructor(file: string, line: number, message: string) {
    super(`${file}, line ${line}: ${message}`);
    this.name = 'DataFileError';
  }
}

function readCsv(dir: string, file: string): Record<string, string>[] {
  const text = readFileSync(path.join(dir, file), 'utf8');
  return parse(text, { columns: true, skip_empty_lines: true, bom: true, trim: true });
}

function kommunenummer(file: string, line: number, value: string): { value: string; countyNumber: string } {
  const result = parseKommunenummer(value);
  if (!result.ok) throw new DataFileError(file, line, `${result.message} (got «${value}»)`);
  return result;
}

function blankToNull(value: string | undefined): string | null {
  return value === undefined || value.trim() === '' ? null : value.trim();
}

export function readCounties(dir: string): CountyRow[] {
  const file = 'norway-geodata_counties-2025.json';
  const rows = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as { id: string; name: string }[];
  return rows.map((r, i) => {
    if (!isCountyNumber(r.id)) throw new DataFileError(file, i + 1, `bad county number «${r.id}»`);
    return { number: r.id, name: r.name };
  });
}

export function readMunicipalities(dir: string): MunicipalityRow[] {
  const file = 'kommuner-2024.csv';
  return readCsv(dir, file).map((r, i) => {
    const line = i + 2;
    const { value: nr, countyNumber } = kommunenummer(file, line, r.kommunenummer);
    const population = Number(r.folketall);
    if (!Number.isInteger(population) || population < 0) {
      throw new DataFileError(file, line, `population must be a whole number, got «${r.folketall}»`);
    }
    if (r.fylkesnummer !== countyNumber) {
      throw new DataFileError(file, line, `county ${r.fylkesnummer} does not match kommunenummer ${nr}`);
    }
    const area = blankToNull(r.areal_km2);
    return {
      kommunenummer: nr,
      name: r.kommunenavn,
      samiName: blankToNull(r.alternativt_navn),
      countyNumber: r.fylkesnummer,
      population2024: population,
      areaKm2: area === null ? null : Number(area),
      adminCentre: blankToNull(r.administrasjonssenter),
      languageForm: blankToNull(r.maalform),
    };
  });
}

export function readPoints(dir: string): PointRow[] {
  const file = 'geo/kommuner-2024-punkter.csv';
  return readCsv(dir, file).map((r, i) => {
    const line = i + 2;
    const lat = Number(r.lat);
    const lon = Number(r.lon);
    if (!(lat >= 57 && lat <= 72 && lon >= 4 && lon <= 32)) {
      throw new DataFileError(file, line, `point ${r.lat},${r.lon} is outside mainland Norway`);
    }
    return { kommunenummer: kommunenummer(file, line, r.kommunenummer).value, lat, lon, method: r.metode };
  });
}

export function readMemberships(dir: string): MembershipRow[] {
  const file = 'krisesenter-samarbeid-eksempler.csv';
  return readCsv(dir, file).map((r, i) => {
    const line = i + 2;
    const role = r.rolle === 'vertskommune' ? 'host' : r.rolle === 'samarbeidskommune' ? 'partner' : null;
    if (role === null) throw new DataFileError(file, line, `unknown role «${r.rolle}»`);
    const joinedOn = blankToNull(r.gjelder_fra);
    if (joinedOn !== null && !isIsoDate(joinedOn)) {
      throw new DataFileError(file, line, `gjelder_fra must be an ISO date, got «${joinedOn}»`);
    }
    if (!r.kilde_url?.startsWith('http')) throw new DataFileError(file, line, 'every row needs its source URL');
    return {
      centre: r.senter,
      role,
      kommunenummer: kommunenummer(file, line, r.kommunenummer_2024).value,
      cooperationForm: blankToNull(r.samarbeidsform),
      joinedOn,
      sourceUrl: r.kilde_url,
      sourceAsOf: r.kildens_tidspunkt,
      note: blankToNull(r.merknad),
    };
  });
}

export interface KostraRow {
  year: number;
  publishedName: string;
  krPerInhabitant: number | null;
  overnightDays: number | null;
  sourceUrl: string;
}

/** Bufdir's partial per-centre KOSTRA table. «..» (suppressed by Bufdir) and blanks become null. */
export function readKostraCentres(dir: string): KostraRow[] {
  const file = 'krisesenter-kostra-per-senter-bufdir-partial.csv';
  const num = (s: string | undefined) => (s === undefined || s.trim() === '' || s.trim() === '..' ? null : Number(s));
  return readCsv(dir, file).map((r, i) => {
    const year = Number(r.aar);
    if (!Number.isInteger(year) || year < 2000) throw new DataFileError(file, i + 2, `bad year «${r.aar}»`);
    const kr = num(r.kostnad_per_innbygger_kr);
    if (kr !== null && !(kr >= 0)) throw new DataFileError(file, i + 2, `bad cost «${r.kostnad_per_innbygger_kr}»`);
    return {
      year,
      publishedName: r.senter_navn_som_publisert,
      krPerInhabitant: kr,
      overnightDays: num(r.overnattingsdogn_voksne),
      sourceUrl: r.kilde_url,
    };
  });
}

/**
 * National average KOSTRA cost of the offer per inhabitant (kr) for the years data/national has
 * no SSB figure for; 2019–2022 come from data/national (seeds/national.ts), with their source.
 */
export const KOSTRA_NATIONAL_AVERAGES: { year: number; kr: number; source: string }[] = [
  { year: 2016, kr: 65, source: 'SSB KOSTRA, landsgjennomsnitt (kostnad per innbygger til krisesentertilbud)' },
];

/** Published KOSTRA centre names → the centre in our data (only where the match is certain). */
export const KOSTRA_NAME_MATCHES: Record<string, string> = {
  'Helgeland krisesenter': 'Helgeland krisesenter',
  'Asker og Bærum krisesenter': 'Krisesenteret Asker, Bærum og Lier',
  'Krisesenteret Asker, Bærum og Lier': 'Krisesenteret Asker, Bærum og Lier',
};
