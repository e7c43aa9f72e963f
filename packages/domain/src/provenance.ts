import { parseKommunenummer } from './kommunenummer';

/**
 * Provenance of a documented fact: where a fact about a public body comes from. One shape for
 * every sourced fact (a centre, a municipality's membership of a centre): the public page, the
 * page's date as the source allows us to state it, a short quote, how sure the source makes us,
 * and the day we read it. Pure; the server stores it and the dashboard shows it as «Kilde».
 */
export const CONFIDENCES = ['HIGH', 'MEDIUM', 'WEAK'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** The words shown beside a fact, and what each level means (data/national/README.md). */
export const CONFIDENCE_LABELS: Record<Confidence, { nb: string; en: string; meaningNb: string }> = {
  HIGH: { nb: 'Høy', en: 'High', meaningNb: 'Kilden nevner kommunen som medlem eller vertskommune.' },
  MEDIUM: {
    nb: 'Middels',
    en: 'Medium',
    meaningNb: 'Kilden er gammel (ofte før kommunereformen 2020), eller medlemskapet er underforstått.',
  },
  WEAK: {
    nb: 'Svak',
    en: 'Weak',
    meaningNb: 'Bare en saksliste, en tidligere kommune, eller utledet av senterets navn eller beliggenhet.',
  },
};

const CONFIDENCE_WORDS: Record<string, Confidence> = { høy: 'HIGH', middels: 'MEDIUM', svak: 'WEAK' };

export interface Provenance {
  sourceUrl: string;
  /** The source's date as the source allows us to say it («2012 (avtale …)», «udatert (før 2020)»). */
  sourceDate: string;
  /** The year the source speaks for; null when the source is undated. */
  sourceYear: number | null;
  quote: string | null;
  confidence: Confidence;
  /** The day the source was read (ISO). */
  retrievedOn: string;
}

/** Sources older than this many years (or undated) count as old evidence by default. */
export const DEFAULT_OLD_SOURCE_YEARS = 6;

/**
 * The year a source date speaks for: the first four-digit year in it, or null when it is
 * undated («udatert …», where any year in the text only bounds the date).
 */
export function sourceYearOf(sourceDate: string): number | null {
  const text = sourceDate.trim().toLowerCase();
  if (text === '' || text.startsWith('udatert')) return null;
  const m = /(19|20)\d{2}/.exec(text);
  return m ? Number(m[0]) : null;
}

/**
 * A source date as a code clients word: DATED (`date` as the source gives it: «2021-03», «2014»),
 * ABOUT (ca. `year`), UNDATED, or UNDATED_BEFORE/UNDATED_AFTER `year` where the text bounds it
 * («udatert (før 2020)»). What else the recorded text says stays in `sourceDate` (bokmål).
 */
export const SOURCE_DATING_CODES = ['DATED', 'ABOUT', 'UNDATED', 'UNDATED_BEFORE', 'UNDATED_AFTER'] as const;
export type SourceDatingCode = (typeof SOURCE_DATING_CODES)[number];
export interface SourceDating {
  code: SourceDatingCode;
  date: string | null;
  year: number | null;
}

export function sourceDatingOf(sourceDate: string | null): SourceDating {
  const text = (sourceDate ?? '').trim().toLowerCase();
  const none = { date: null, year: null };
  if (text === '' || text.startsWith('udatert')) {
    const before = /før ((?:19|20)\d{2})/.exec(text);
    if (before) return { code: 'UNDATED_BEFORE', date: null, year: Number(before[1]) };
    const after = /etter ((?:19|20)\d{2})/.exec(text);
    if (after) return { code: 'UNDATED_AFTER', date: null, year: Number(after[1]) };
    return { code: 'UNDATED', ...none };
  }
  if (text.startsWith('ca.')) {
    const year = sourceYearOf(text);
    return year === null ? { code: 'UNDATED', ...none } : { code: 'ABOUT', date: null, year };
  }
  const iso = /^((?:19|20)\d{2})(-\d{2}(-\d{2})?)?/.exec(text);
  if (iso) return { code: 'DATED', date: iso[0], year: Number(iso[1]) };
  const year = sourceYearOf(text);
  return year === null ? { code: 'UNDATED', ...none } : { code: 'DATED', date: String(year), year };
}

export interface Evidence {
  /** Older than `oldAfterYears` before asOf, or undated. */
  old: boolean;
  /** Not high confidence. */
  weak: boolean;
  /** Shown hatched on the map and marked in the panel. */
  marked: boolean;
  /** In words, for the panel and the legend. */
  nb: string;
}

/** How firm the evidence is on `asOf`: weak (not «høy») or old (undated, or older than N years). */
export function evidenceOf(
  p: Pick<Provenance, 'sourceYear' | 'confidence'>,
  asOf: string,
  oldAfterYears = DEFAULT_OLD_SOURCE_YEARS,
): Evidence {
  const year = Number(asOf.slice(0, 4));
  const old = p.sourceYear === null || year - p.sourceYear > oldAfterYears;
  const weak = p.confidence !== 'HIGH';
  const age = p.sourceYear === null ? 'kilden er udatert' : old ? `kilden er fra ${p.sourceYear}` : null;
  const level = `${CONFIDENCE_LABELS[p.confidence].nb} sikkerhet`;
  return { old, weak, marked: old || weak, nb: age ? `${level}; ${age}` : level };
}

export function parseConfidence(word: string): Confidence | null {
  return CONFIDENCE_WORDS[word.trim().toLowerCase()] ?? null;
}

// ---------------------------------------------------------------------------------------------
// The national data files (data/national): rows checked one by one; a bad row is named by line.

/** One CSV record with the line it starts on in the file (the header is line 1). */
export interface SourceRow {
  line: number;
  record: Record<string, string>;
}

export class DataRowError extends Error {
  readonly code = 'DATA_FILE_INVALID';
  constructor(
    readonly file: string,
    readonly problems: { line: number; message: string }[],
  ) {
    super(`${file}: ${problems.map((p) => `line ${p.line}: ${p.message}`).join('; ')}`);
    this.name = 'DataRowError';
  }
}

export const CENTRE_STATUSES = ['OPERATING', 'CLOSED', 'UNCERTAIN'] as const;
export type CentreStatus = (typeof CENTRE_STATUSES)[number];
export const CENTRE_STATUS_LABELS: Record<CentreStatus, string> = {
  OPERATING: 'I drift',
  CLOSED: 'Nedlagt',
  UNCERTAIN: 'Usikker',
};

/** How the host is known: stated, the municipality buys/runs it, only location, only the name, unknown. */
export const HOST_BASES = ['vertskommune', 'oppdragsgiver', 'lokalisering', 'navn'] as const;
export type HostBasis = (typeof HOST_BASES)[number];

export interface NationalCentre {
  line: number;
  name: string;
  bufdirName: string | null;
  /** Null: host «ikke kjent». */
  hostKommunenummer: string | null;
  hostBasis: HostBasis | null;
  orgForm: string | null;
  status: CentreStatus;
  statusText: string;
  reportedMunicipalities: string | null;
  note: string | null;
  provenance: Provenance;
}

export interface NationalMembership {
  line: number;
  centreName: string;
  kommunenummer: string;
  kommunenavn: string;
  role: 'host' | 'partner';
  note: string | null;
  provenance: Provenance;
}

const blank = (s: string | undefined) => (s === undefined || s.trim() === '' ? null : s.trim());

/** «NEDLAGT …» is closed, «USIKKER …» uncertain; every other status text is a centre in operation. */
export function centreStatusOf(text: string): CentreStatus {
  const t = text.trim().toUpperCase();
  if (t.startsWith('NEDLAGT')) return 'CLOSED';
  if (t.startsWith('USIKKER')) return 'UNCERTAIN';
  return 'OPERATING';
}

function checkUrl(url: string | undefined, problems: string[]): string {
  const u = url?.trim() ?? '';
  if (!/^https?:\/\/\S+$/.test(u)) problems.push(`source_url must be an http(s) URL, got «${u}»`);
  return u;
}

function checkDate(date: string | undefined, problems: string[]): string {
  const d = date?.trim() ?? '';
  if (d === '') problems.push('source_date is empty (write «udatert» when the source has no date)');
  return d;
}

function collect<T>(
  file: string,
  rows: readonly SourceRow[],
  one: (r: Record<string, string>, problems: string[], line: number) => T,
): T[] {
  const out: T[] = [];
  const all: { line: number; message: string }[] = [];
  for (const { line, record } of rows) {
    const problems: string[] = [];
    const value = one(record, problems, line);
    if (problems.length) all.push(...problems.map((message) => ({ line, message })));
    else out.push(value);
  }
  if (all.length) throw new DataRowError(file, all);
  return out;
}

/**
 * `krisesentre-2024.csv`: every centre, the host left null where it is not known. Rejects (with
 * the line) a bad kommunenummer, a host not in `known`, a host basis outside the documented
 * values, a missing URL or date, and a name given twice.
 */
export function parseNationalCentres(
  rows: readonly SourceRow[],
  known: ReadonlySet<string>,
  retrievedOn: string,
): NationalCentre[] {
  const file = 'krisesentre-2024.csv';
  const seen = new Set<string>();
  return collect(file, rows, (r, problems, line) => {
    const name = blank(r.centre_name);
    if (!name) problems.push('centre_name is empty');
    else if (seen.has(name)) problems.push(`centre «${name}» is given twice`);
    else seen.add(name);
    let host: string | null = null;
    const rawHost = blank(r.host_kommunenummer);
    if (rawHost !== null) {
      const k = parseKommunenummer(rawHost);
      if (!k.ok) problems.push(`${k.message} (got «${rawHost}»)`);
      else if (!known.has(k.value)) problems.push(`host ${k.value} is not a municipality of the 2024 structure`);
      else host = k.value;
    }
    const basis = blank(r.host_basis);
    if (basis !== null && !(HOST_BASES as readonly string[]).includes(basis))
      problems.push(`unknown host_basis «${basis}»`);
    if (basis !== null && rawHost === null) problems.push('host_basis given without a host');
    const statusText = blank(r.status) ?? '';
    if (statusText === '') problems.push('status is empty');
    const sourceDate = checkDate(r.source_date, problems);
    return {
      line,
      name: name ?? '',
      bufdirName: blank(r.bufdir_name),
      hostKommunenummer: host,
      hostBasis: basis as HostBasis | null,
      orgForm: blank(r.org_form) === 'ukjent' ? null : blank(r.org_form),
      status: centreStatusOf(statusText),
      statusText,
      reportedMunicipalities: blank(r.n_kommuner_reported),
      note: blank(r.note),
      provenance: {
        sourceUrl: checkUrl(r.source_url, problems),
        sourceDate,
        sourceYear: sourceYearOf(sourceDate),
        quote: blank(r.quote),
        // The centres file states facts the source names (no confidence column): high.
        confidence: 'HIGH',
        retrievedOn,
      },
    };
  });
}

/**
 * `krisesenter-tilknytning-2024.csv`: one documented membership per municipality. Rejects (with
 * the line) an unknown centre, a bad or unknown kommunenummer, a municipality given twice, a role
 * other than host/partner, a host row that disagrees with the centre's host, an unknown
 * confidence word, a missing URL or date.
 */
export function parseNationalMemberships(
  rows: readonly SourceRow[],
  centres: readonly Pick<NationalCentre, 'name' | 'hostKommunenummer'>[],
  known: ReadonlySet<string>,
  retrievedOn: string,
): NationalMembership[] {
  const file = 'krisesenter-tilknytning-2024.csv';
  const byName = new Map(centres.map((c) => [c.name, c]));
  const seen = new Map<string, number>();
  return collect(file, rows, (r, problems, line) => {
    const centreName = blank(r.centre_name) ?? '';
    const centre = byName.get(centreName);
    if (!centre) problems.push(`centre «${centreName}» is not in krisesentre-2024.csv`);
    const k = parseKommunenummer(r.kommunenummer?.trim() ?? '');
    let knr = '';
    if (!k.ok) problems.push(`${k.message} (got «${r.kommunenummer ?? ''}»)`);
    else if (!known.has(k.value)) problems.push(`kommunenummer ${k.value} is not a municipality of the 2024 structure`);
    else if (seen.has(k.value))
      problems.push(
        `kommunenummer ${k.value} is already a member (line ${seen.get(k.value)}): no municipality in two centres`,
      );
    else {
      knr = k.value;
      seen.set(k.value, line);
    }
    const role = r.role?.trim();
    if (role !== 'host' && role !== 'partner') problems.push(`role must be host or partner, got «${role ?? ''}»`);
    if (role === 'host' && centre && centre.hostKommunenummer !== null && knr && centre.hostKommunenummer !== knr) {
      problems.push(`host ${knr} disagrees with the centre's host ${centre.hostKommunenummer}`);
    }
    const confidence = parseConfidence(r.confidence ?? '');
    if (!confidence) problems.push(`confidence must be høy, middels or svak, got «${r.confidence ?? ''}»`);
    const sourceDate = checkDate(r.source_date, problems);
    return {
      line,
      centreName,
      kommunenummer: knr,
      kommunenavn: blank(r.kommunenavn) ?? '',
      role: role as 'host' | 'partner',
      note: blank(r.note),
      provenance: {
        sourceUrl: checkUrl(r.source_url, problems),
        sourceDate,
        sourceYear: sourceYearOf(sourceDate),
        quote: blank(r.quote),
        confidence: confidence ?? 'WEAK',
        retrievedOn,
      },
    };
  });
}

export interface NationalCostFigure {
  line: number;
  year: number;
  /** «Norge» for the national figure, else the centre name as the source gives it. */
  centreName: string;
  krPerInhabitant: number;
  sourceUrl: string;
  sourceDate: string;
  quote: string | null;
}

/**
 * The plain per-inhabitant cost figures of `krisesenter-kostnader-ssb-2017-2022.csv` (metric
 * «kommunale utgifter per innbygger», a whole number of kr): national and per centre. Ranges,
 * «<50 (gjennomsnitt)» and other metrics are left out (they are not one figure); a plain row with
 * a bad year or value is rejected with its line.
 */
export function parseNationalCostFigures(rows: readonly SourceRow[]): NationalCostFigure[] {
  const file = 'krisesenter-kostnader-ssb-2017-2022.csv';
  const plain = rows.filter(
    ({ record: r }) =>
      r.metric?.trim() === 'kommunale utgifter per innbygger' &&
      r.unit?.trim() === 'kr/innbygger' &&
      !/[<>–;-]/.test(r.value ?? '') &&
      !(r.centre_name ?? '').includes(';'),
  );
  return collect(file, plain, (r, problems, line) => {
    const year = Number(r.year);
    if (!Number.isInteger(year) || year < 2000 || year > 2100) problems.push(`bad year «${r.year}»`);
    const kr = Number(r.value);
    if (!Number.isFinite(kr) || kr < 0) problems.push(`bad value «${r.value}»`);
    return {
      line,
      year,
      centreName: r.centre_name.trim(),
      krPerInhabitant: kr,
      sourceUrl: checkUrl(r.source_url, problems),
      sourceDate: checkDate(r.source_date, problems),
      quote: blank(r.quote),
    };
  });
}
