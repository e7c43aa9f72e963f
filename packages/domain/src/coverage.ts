import { BINDING_STATUSES, type AgreementStatus } from './agreement-status';
import {
  CAPABILITIES,
  CAPABILITY_LABELS,
  KEY_AGENCY_KINDS,
  AGENCY_KIND_LABELS,
  SERVICE_ELEMENTS,
  SERVICE_ELEMENT_LABELS,
  type AgencyKind,
  type Capability,
  type RoutineStatus,
  type ServiceElement,
  type SigningLevel,
} from './catalog';
import { compareIso, daysBetween, type IsoDate } from './dates';
import type { Deadline } from './deadlines';
import { greatCircleKm } from './geo';
import { DEFAULT_STALE_AFTER_MONTHS } from './contacts';
import { formatDate } from './format';
import { sourceDatingOf, type Confidence } from './provenance';

/**
 * Coverage gaps: for one municipality on a date, what is thin in its crisis-centre offer and
 * why. Pure rules; the server gathers the facts and the thresholds are configurable.
 */
export const SEVERITIES = ['CRITICAL', 'WARNING', 'INFO'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const FINDING_CODES = [
  'NOT_REGISTERED',
  'DOCUMENTED_MEMBERSHIP',
  'WEAK_EVIDENCE',
  'NO_ACTIVE_AGREEMENT',
  'AGREEMENT_EXPIRED',
  'NOTICE_GIVEN',
  'DISPUTED',
  'NOTICE_DEADLINE_SOON',
  'MISSING_SERVICE',
  'STATUTORY_REQUIREMENT',
  'FOLLOW_UP_BY_MUNICIPALITY',
  'MISSING_CAPABILITY',
  'CENTRE_DETAILS_NOT_REGISTERED',
  'NO_ROUTINE',
  'ROUTINE_DRAFT',
  'ROUTINE_REVIEW_OVERDUE',
  'NO_CONTACT_POINT',
  'NO_KEY_CONTACT',
  'STALE_CONTACTS',
  'NO_WRITTEN_COOPERATION',
  'NOT_SIGNED_AT_DIRECTOR_LEVEL',
  'FAR_FROM_CENTRE',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

export interface RecordRef {
  entity: 'Agreement' | 'CrisisCentre' | 'HandoverRoutine' | 'Agency' | 'ContactPerson' | 'Municipality';
  id: string;
  label: string;
}

/**
 * What a finding rests on. LAW: a duty in krisesenterlova (a «lovkrav»); REGULATION: a
 * regulation; GUIDANCE: Bufdir's circular or checklist (not binding); RECOMMENDATION: what the
 * research (NORCE 2022) recommends; AGREEMENT: the agreement's own terms; DATA: what is (not)
 * registered or how good the source is.
 */
export const BASIS_KINDS = ['LAW', 'REGULATION', 'GUIDANCE', 'RECOMMENDATION', 'AGREEMENT', 'DATA'] as const;
export type BasisKind = (typeof BASIS_KINDS)[number];
export const BASIS_KIND_LABELS: Record<BasisKind, { nb: string; en: string }> = {
  LAW: { nb: 'Lovkrav', en: 'Statutory requirement' },
  REGULATION: { nb: 'Forskrift', en: 'Regulation' },
  GUIDANCE: { nb: 'Veiledning', en: 'Guidance' },
  RECOMMENDATION: { nb: 'Anbefaling', en: 'Recommendation' },
  AGREEMENT: { nb: 'Avtalevilkår', en: 'Agreement terms' },
  DATA: { nb: 'Registrering og kilder', en: 'Records and sources' },
};

export interface LegalBasis {
  kind: BasisKind;
  /** The basis as a code, worded by clients. */
  code: LegalBasisCode;
  /** The paragraph or guide section, e.g. «krisesenterlova § 3». */
  ref: string;
}

export interface Finding {
  code: FindingCode;
  severity: Severity;
  reason: { nb: string; en: string };
  records: RecordRef[];
  basis: LegalBasis;
}

const AMENDED_2025 = 'endret 2025 (Prop. 122 L (2024–2025))';
/** Capabilities that § 3 makes duties (lovkrav); the rest are gaps the sources report. */
export const STATUTORY_CAPABILITIES: readonly Capability[] = [
  'MEN_SEPARATE',
  'CHILDREN',
  'DISABILITY_ACCESS',
  'INTERPRETER',
];
const STATUTORY_WORDS: Record<string, { nb: string; en: string }> = {
  MEN_SEPARATE: {
    nb: 'fysisk atskilt botilbud for menn og kvinner',
    en: 'physically separate shelter for men and women',
  },
  CHILDREN: { nb: 'tilrettelegging for barn', en: 'an offer adapted for children' },
  DISABILITY_ACCESS: {
    nb: 'tilrettelegging for personer med funksjonsnedsettelse',
    en: 'an offer adapted for people with disabilities',
  },
  INTERPRETER: { nb: 'kvalifisert tolk', en: 'a qualified interpreter' },
};

/** A recorded source date in English for the English reasons («udatert (før 2020)» → «undated (before 2020)»). */
function sourceDateEn(sourceDate: string): string {
  const d = sourceDatingOf(sourceDate);
  switch (d.code) {
    case 'DATED':
      return d.date ?? 'undated';
    case 'ABOUT':
      return `c. ${d.year}`;
    case 'UNDATED_BEFORE':
      return `undated (before ${d.year})`;
    case 'UNDATED_AFTER':
      return `undated (after ${d.year})`;
    default:
      return 'undated';
  }
}

/**
 * The legal or other bases findings rest on, as codes: clients word them (nb.ts/en.ts); `LEGAL_BASIS_NB`
 * is the bokmål wording the server still sends in `legalBasis`.
 */
export const LEGAL_BASIS_CODES = [
  'LAW_2_OFFER',
  'DOCUMENTED_MEMBERSHIP',
  'SOURCE_QUALITY',
  'AGREEMENT_NOTICE_TERMS',
  'AGREEMENT_TERMS',
  'AGREEMENT_DURATION_NOTICE',
  'LAW_2_SERVICES',
  'LAW_3_EQUIVALENT_OFFER',
  'LAW_2_4_FOLLOW_UP',
  'CIRCULAR_NORCE_CAPABILITIES',
  'CENTRE_REGISTRATION',
  'LAW_4_INDIVIDUAL_PLAN',
  'LAW_4_COORDINATION',
  'NORCE_CONTACT_POINT',
  'NORCE_DIRECT_LINES',
  'NORCE_UPDATED_LISTS',
  'NORCE_WRITTEN_COOPERATION',
  'NORCE_DIRECTOR_LEVEL',
  'NORCE_DISTANCE',
] as const;
export type LegalBasisCode = (typeof LEGAL_BASIS_CODES)[number];

export const LEGAL_BASIS_NB: Record<LegalBasisCode, string> = {
  LAW_2_OFFER: 'krisesenterlova § 2 (kommunens plikt til å sørge for et krisesentertilbud)',
  DOCUMENTED_MEMBERSHIP: 'Kildebelagt tilknytning (data/national); samarbeid etter kommuneloven § 17-1',
  SOURCE_QUALITY: 'Kildegrunnlaget (data/national/README.md)',
  AGREEMENT_NOTICE_TERMS: 'Avtalens oppsigelsesvilkår',
  AGREEMENT_TERMS: 'Avtalens vilkår',
  AGREEMENT_DURATION_NOTICE: 'Avtalens varighet og oppsigelsesfrist',
  LAW_2_SERVICES: 'krisesenterlova § 2 (botilbud, dagtilbud, telefontilbud)',
  LAW_3_EQUIVALENT_OFFER: `krisesenterlova § 3; likeverdig, alternativt tilbud der det trengs (krisesenterlova, ${AMENDED_2025})`,
  LAW_2_4_FOLLOW_UP: `krisesenterlova § 2 (oppfølging i reetableringsfasen) og § 4 (samordning; i samarbeid med andre tjenester, ${AMENDED_2025})`,
  CIRCULAR_NORCE_CAPABILITIES: 'Bufdirs rundskriv til krisesenterlova (20/2026); NORCE 2022 (gap, ikke lovkrav)',
  CENTRE_REGISTRATION: 'Registreringen av senterets tilbud',
  LAW_4_INDIVIDUAL_PLAN: 'krisesenterlova § 4 (samordning, individuell plan); Bufdirs rundskriv (20/2026)',
  LAW_4_COORDINATION: 'krisesenterlova § 4 (samordning); Bufdirs rundskriv (20/2026)',
  NORCE_CONTACT_POINT: 'NORCE 2022: ett kontaktpunkt i hver kommune (ikke lovkrav)',
  NORCE_DIRECT_LINES: 'NORCE 2022: direkte linjer til Nav og andre tjenester (ikke lovkrav)',
  NORCE_UPDATED_LISTS: 'NORCE 2022: oppdaterte kontaktlister (ikke lovkrav)',
  NORCE_WRITTEN_COOPERATION: 'NORCE 2022: skriftlige samarbeidsavtaler med bolig, Nav og barnevern (ikke lovkrav)',
  NORCE_DIRECTOR_LEVEL: 'NORCE 2022: forankring hos kommunedirektøren (ikke lovkrav)',
  NORCE_DISTANCE: 'NORCE 2022: reiseavstand og tilgjengelighet (krisesenterlova § 3: tilgjengelig tilbud)',
};

const basis = (kind: BasisKind, code: LegalBasisCode): LegalBasis => ({ kind, code, ref: LEGAL_BASIS_NB[code] });

/** The basis of each finding code (one table; MISSING_CAPABILITY and the Sami right add to it in the reason). */
export const FINDING_BASIS: Record<FindingCode, LegalBasis> = {
  NOT_REGISTERED: basis('LAW', 'LAW_2_OFFER'),
  DOCUMENTED_MEMBERSHIP: basis('DATA', 'DOCUMENTED_MEMBERSHIP'),
  WEAK_EVIDENCE: basis('DATA', 'SOURCE_QUALITY'),
  NO_ACTIVE_AGREEMENT: basis('LAW', 'LAW_2_OFFER'),
  AGREEMENT_EXPIRED: basis('LAW', 'LAW_2_OFFER'),
  NOTICE_GIVEN: basis('AGREEMENT', 'AGREEMENT_NOTICE_TERMS'),
  DISPUTED: basis('AGREEMENT', 'AGREEMENT_TERMS'),
  NOTICE_DEADLINE_SOON: basis('AGREEMENT', 'AGREEMENT_DURATION_NOTICE'),
  MISSING_SERVICE: basis('LAW', 'LAW_2_SERVICES'),
  STATUTORY_REQUIREMENT: basis('LAW', 'LAW_3_EQUIVALENT_OFFER'),
  FOLLOW_UP_BY_MUNICIPALITY: basis('LAW', 'LAW_2_4_FOLLOW_UP'),
  MISSING_CAPABILITY: basis('GUIDANCE', 'CIRCULAR_NORCE_CAPABILITIES'),
  CENTRE_DETAILS_NOT_REGISTERED: basis('DATA', 'CENTRE_REGISTRATION'),
  NO_ROUTINE: basis('GUIDANCE', 'LAW_4_INDIVIDUAL_PLAN'),
  ROUTINE_DRAFT: basis('GUIDANCE', 'LAW_4_COORDINATION'),
  ROUTINE_REVIEW_OVERDUE: basis('GUIDANCE', 'LAW_4_COORDINATION'),
  NO_CONTACT_POINT: basis('RECOMMENDATION', 'NORCE_CONTACT_POINT'),
  NO_KEY_CONTACT: basis('RECOMMENDATION', 'NORCE_DIRECT_LINES'),
  STALE_CONTACTS: basis('RECOMMENDATION', 'NORCE_UPDATED_LISTS'),
  NO_WRITTEN_COOPERATION: basis('RECOMMENDATION', 'NORCE_WRITTEN_COOPERATION'),
  NOT_SIGNED_AT_DIRECTOR_LEVEL: basis('RECOMMENDATION', 'NORCE_DIRECTOR_LEVEL'),
  FAR_FROM_CENTRE: basis('RECOMMENDATION', 'NORCE_DISTANCE'),
};

export interface CoverageConfig {
  noticeWithinDays: number;
  staleAfterMonths: number;
  farFromCentreKm: number;
  keyAgencyKinds: readonly AgencyKind[];
  writtenCooperationKinds: readonly AgencyKind[];
}

export const DEFAULT_COVERAGE_CONFIG: CoverageConfig = {
  noticeWithinDays: 180,
  staleAfterMonths: DEFAULT_STALE_AFTER_MONTHS,
  farFromCentreKm: 150,
  keyAgencyKinds: KEY_AGENCY_KINDS,
  writtenCooperationKinds: ['HOUSING_OFFICE', 'NAV', 'BARNEVERN'],
};

export interface CoverageFacts {
  kommunenummer: string;
  name: string;
  point: { lat: number; lon: number } | null;
  /** The municipality's parts in agreements (any status), with the facts of agreement and centre. */
  memberships: {
    agreementId: string;
    agreementTitle: string;
    status: AgreementStatus;
    signingLevel: SigningLevel;
    /** Computed for asOf with the domain's deadline rules. */
    deadline: Deadline;
    /** The party is a member on asOf (joined, not left). */
    current: boolean;
    centre: {
      id: string;
      name: string;
      services: ServiceElement[] | null;
      capabilities: Capability[] | null;
      hostPoint: { lat: number; lon: number } | null;
      hostName: string;
    };
  }[];
  routines: { id: string; centreId: string; status: RoutineStatus; reviewDueOn: IsoDate | null }[];
  /** Per agency kind registered for the municipality. */
  agencies: {
    kind: AgencyKind;
    agencyIds: string[];
    label: string;
    writtenAgreement: boolean;
    activeContacts: number;
    staleContacts: number;
  }[];
  contactPoint: { id: string; name: string } | null;
  /** A public source documents the municipality's membership of a centre (a fact, not an agreement). */
  documented?: {
    centreId: string;
    centreName: string;
    role: 'host' | 'partner';
    sourceDate: string;
    confidence: Confidence;
    /** Weak or old evidence (evidenceOf). */
    marked: boolean;
    evidence: string;
  } | null;
}

const ORDER: Record<Severity, number> = { CRITICAL: 0, WARNING: 1, INFO: 2 };

export function worstSeverity(findings: readonly Finding[]): Severity | null {
  return findings.reduce<Severity | null>(
    (w, f) => (w === null || ORDER[f.severity] < ORDER[w] ? f.severity : w),
    null,
  );
}

const list = (xs: string[]) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} og ${xs[xs.length - 1]}`);
const listEn = (xs: string[]) =>
  xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;

const nothingRecorded = (f: CoverageFacts) =>
  f.memberships.length === 0 && f.routines.length === 0 && f.agencies.length === 0 && f.contactPoint === null;

/** True when nothing at all is registered or documented for the municipality: «ikke registrert», never «no offer». */
export function isNotRegistered(f: CoverageFacts): boolean {
  return nothingRecorded(f) && !f.documented;
}

/** True when all we know is a documented membership (a source), nothing registered by users. */
export function isDocumentedOnly(f: CoverageFacts): boolean {
  return nothingRecorded(f) && !!f.documented;
}

/** The contact gaps a tag names: key agency kinds with no active contact, and how many contacts are unverified. */
export function contactGaps(
  f: Pick<CoverageFacts, 'agencies'>,
  config: Pick<CoverageConfig, 'keyAgencyKinds'> = DEFAULT_COVERAGE_CONFIG,
): { missingKinds: AgencyKind[]; staleCount: number } {
  const byKind = new Map(f.agencies.map((a) => [a.kind, a]));
  return {
    missingKinds: config.keyAgencyKinds.filter((k) => (byKind.get(k)?.activeContacts ?? 0) === 0),
    staleCount: f.agencies.reduce((n, a) => n + a.staleContacts, 0),
  };
}

export function coverageFindings(
  f: CoverageFacts,
  asOf: IsoDate,
  config: CoverageConfig = DEFAULT_COVERAGE_CONFIG,
): Finding[] {
  const out: Finding[] = [];
  const add = (code: FindingCode, severity: Severity, nb: string, en: string, records: RecordRef[] = []) =>
    out.push({ code, severity, reason: { nb, en }, records, basis: FINDING_BASIS[code] });

  if (isNotRegistered(f)) {
    add(
      'NOT_REGISTERED',
      'INFO',
      `Ingen opplysninger er registrert for ${f.name} ennå. Det betyr ikke at kommunen mangler krisesentertilbud; alle kommuner har plikt til å ha et.`,
      `Nothing is registered for ${f.name} yet. This does not mean the municipality has no crisis-centre offer; every municipality is obliged to have one.`,
    );
    return out;
  }

  const doc = f.documented;
  if (doc) {
    const centreRef: RecordRef[] = [{ entity: 'CrisisCentre', id: doc.centreId, label: doc.centreName }];
    const roleNb = doc.role === 'host' ? 'vertskommune' : 'samarbeidskommune';
    if (!f.memberships.some((m) => m.centre.id === doc.centreId)) {
      add(
        'DOCUMENTED_MEMBERSHIP',
        'INFO',
        `En offentlig kilde (${doc.sourceDate}) sier at ${f.name} er ${roleNb} for ${doc.centreName}. Avtalen er ikke registrert i Samordna.`,
        `A public source (${sourceDateEn(doc.sourceDate)}) says ${f.name} is ${doc.role} of ${doc.centreName}. The agreement is not registered in Samordna.`,
        centreRef,
      );
    }
    if (doc.marked) {
      add(
        'WEAK_EVIDENCE',
        'INFO',
        `Kilden for tilknytningen til ${doc.centreName} er svak eller gammel (${doc.evidence}): bekreft eller rett den med en ny kilde.`,
        `The source of the membership of ${doc.centreName} is weak or old (confidence ${doc.confidence.toLowerCase()}, source date: ${sourceDateEn(doc.sourceDate)}): confirm or correct it with a new source.`,
        centreRef,
      );
    }
    if (isDocumentedOnly(f)) return out;
  }

  const agreementRef = (m: CoverageFacts['memberships'][number]): RecordRef => ({
    entity: 'Agreement',
    id: m.agreementId,
    label: m.agreementTitle,
  });
  const current = f.memberships.filter((m) => m.current);
  const binding = current.filter((m) => BINDING_STATUSES.includes(m.status) && m.deadline.kind !== 'ENDED');

  if (binding.length === 0) {
    const ended = f.memberships.filter((m) => m.status === 'ENDED' || m.deadline.kind === 'ENDED');
    if (ended.length > 0) {
      add(
        'AGREEMENT_EXPIRED',
        'CRITICAL',
        `Avtalen ${f.name} var part i, er utløpt eller avsluttet, og ingen ny avtale gjelder.`,
        `The agreement ${f.name} was a party to has expired or ended, and no new agreement applies.`,
        ended.map(agreementRef),
      );
    } else if (!doc || f.memberships.some((m) => m.centre.id === doc.centreId)) {
      // A documented membership stands in for an agreement not yet registered; a registered
      // membership of that centre (joined later, left, draft) is the better record.
      add(
        'NO_ACTIVE_AGREEMENT',
        'CRITICAL',
        `${f.name} er ikke part i noen gjeldende krisesenteravtale.`,
        `${f.name} is not a party to any agreement in force.`,
        f.memberships.map(agreementRef),
      );
    }
  }

  for (const m of binding) {
    const ref = [agreementRef(m)];
    if (m.status === 'NOTICE_GIVEN')
      add(
        'NOTICE_GIVEN',
        'WARNING',
        `Avtalen med ${m.centre.name} er sagt opp.`,
        `The agreement with ${m.centre.name} has been terminated (notice given).`,
        ref,
      );
    if (m.status === 'DISPUTED')
      add(
        'DISPUTED',
        'WARNING',
        `Avtalen med ${m.centre.name} er omstridt.`,
        `The agreement with ${m.centre.name} is disputed.`,
        ref,
      );
    const d = m.deadline;
    const days = d.kind === 'NOTICE' || d.kind === 'EXPIRY' ? d.daysLeft : null;
    if (days !== null && days >= 0 && days <= config.noticeWithinDays && m.status !== 'NOTICE_GIVEN') {
      const when = d.kind === 'NOTICE' ? d.noticeDeadline! : d.nextPossibleEnd!;
      add(
        'NOTICE_DEADLINE_SOON',
        days <= 90 ? 'WARNING' : 'INFO',
        d.kind === 'NOTICE'
          ? `Fristen for å si opp avtalen med ${m.centre.name} er ${formatDate(when)} (${days} dager igjen).`
          : `Avtalen med ${m.centre.name} utløper ${formatDate(when)} (${days} dager igjen).`,
        d.kind === 'NOTICE'
          ? `The notice deadline for the agreement with ${m.centre.name} is ${when} (${days} days left).`
          : `The agreement with ${m.centre.name} expires on ${when} (${days} days left).`,
        ref,
      );
    }
    if (m.signingLevel !== 'MUNICIPAL_DIRECTOR') {
      add(
        'NOT_SIGNED_AT_DIRECTOR_LEVEL',
        m.signingLevel === 'UNKNOWN' ? 'INFO' : 'WARNING',
        m.signingLevel === 'UNKNOWN'
          ? `Det er ikke registrert hvem som signerte avtalen med ${m.centre.name}.`
          : `Avtalen med ${m.centre.name} er ikke forankret hos kommunedirektøren.`,
        m.signingLevel === 'UNKNOWN'
          ? `It is not registered who signed the agreement with ${m.centre.name}.`
          : `The agreement with ${m.centre.name} is not signed at municipal-director level.`,
        ref,
      );
    }
    const centreRef: RecordRef[] = [{ entity: 'CrisisCentre', id: m.centre.id, label: m.centre.name }];
    if (m.centre.services === null) {
      add(
        'CENTRE_DETAILS_NOT_REGISTERED',
        'INFO',
        `Tilbudet ved ${m.centre.name} (§ 2-elementer og tilpasninger) er ikke registrert.`,
        `The offer of ${m.centre.name} (§ 2 elements and capabilities) is not registered.`,
        centreRef,
      );
    } else {
      // Follow-up in the re-establishment phase is the municipality's duty (below), not the centre's alone.
      const missing = SERVICE_ELEMENTS.filter((s) => s !== 'FOLLOW_UP' && !m.centre.services!.includes(s));
      if (missing.length) {
        add(
          'MISSING_SERVICE',
          'CRITICAL',
          `Lovkrav: ${m.centre.name} mangler ${list(missing.map((s) => SERVICE_ELEMENT_LABELS[s].nb.toLowerCase()))} (krisesenterloven § 2).`,
          `Statutory: ${m.centre.name} lacks ${listEn(missing.map((s) => SERVICE_ELEMENT_LABELS[s].en.toLowerCase()))} (Crisis Centre Act § 2).`,
          centreRef,
        );
      }
      if (!m.centre.services.includes('FOLLOW_UP')) {
        const routine = f.routines.find((r) => r.centreId === m.centre.id && r.status !== 'MISSING');
        const byKind = new Set(f.agencies.filter((a) => a.activeContacts > 0).map((a) => a.kind));
        const carried = !!routine && config.keyAgencyKinds.every((k) => byKind.has(k));
        add(
          'FOLLOW_UP_BY_MUNICIPALITY',
          carried ? 'INFO' : 'WARNING',
          carried
            ? `${m.centre.name} har ikke oppfølging i reetableringsfasen. Den er kommunens plikt; ${f.name} har rutine og kontakter i tjenestene som bærer den.`
            : `${m.centre.name} har ikke oppfølging i reetableringsfasen. Den er ${f.name}s plikt, i samarbeid med andre tjenester: ${routine ? 'kontakter i nøkkeltjenestene mangler' : 'ingen overgangsrutine er registrert'}.`,
          carried
            ? `${m.centre.name} does not do follow-up in the re-establishment phase. It is the municipality's duty; ${f.name} has a routine and contacts in the services that carry it.`
            : `${m.centre.name} does not do follow-up in the re-establishment phase. It is ${f.name}'s duty, with other services: ${routine ? 'contacts in key services are missing' : 'no handover routine is registered'}.`,
          centreRef,
        );
      }
    }
    if (m.centre.capabilities !== null) {
      const lacking = CAPABILITIES.filter((c) => !m.centre.capabilities!.includes(c));
      const statutory = lacking.filter((c) => STATUTORY_CAPABILITIES.includes(c));
      const guidance = lacking.filter((c) => !STATUTORY_CAPABILITIES.includes(c));
      if (statutory.length) {
        add(
          'STATUTORY_REQUIREMENT',
          'CRITICAL',
          `Lovkrav: ${m.centre.name} har ikke ${list(statutory.map((c) => STATUTORY_WORDS[c].nb))} (krisesenterlova § 3). ${f.name} må sørge for et likeverdig, alternativt tilbud der det trengs.`,
          `Statutory: ${m.centre.name} lacks ${listEn(statutory.map((c) => STATUTORY_WORDS[c].en))} (Crisis Centre Act § 3). ${f.name} must provide an equivalent alternative offer where needed.`,
          centreRef,
        );
      }
      if (guidance.length) {
        const sami = guidance.includes('SAMI_LANGUAGE');
        add(
          'MISSING_CAPABILITY',
          'INFO',
          `${m.centre.name} er ikke tilrettelagt for: ${list(guidance.map((c) => CAPABILITY_LABELS[c].nb.toLowerCase()))}. Ikke et lovkrav, men et gap kildene peker på${sami ? `; samiske rettigheter skal ivaretas (krisesenterlova, ${AMENDED_2025})` : ''}.`,
          `${m.centre.name} is not adapted for: ${listEn(guidance.map((c) => CAPABILITY_LABELS[c].en.toLowerCase()))}. Not a statutory duty, but a gap the sources report${sami ? '; Sami rights are to be safeguarded (Act as amended 2025)' : ''}.`,
          centreRef,
        );
      }
    }
    const routine = f.routines.find((r) => r.centreId === m.centre.id);
    if (!routine || routine.status === 'MISSING') {
      add(
        'NO_ROUTINE',
        'WARNING',
        `${f.name} har ingen overgangsrutine med ${m.centre.name}.`,
        `${f.name} has no handover routine with ${m.centre.name}.`,
        centreRef,
      );
    } else {
      const rRef: RecordRef[] = [{ entity: 'HandoverRoutine', id: routine.id, label: `Rutine med ${m.centre.name}` }];
      if (routine.status === 'DRAFT')
        add(
          'ROUTINE_DRAFT',
          'INFO',
          `Overgangsrutinen med ${m.centre.name} er bare et utkast.`,
          `The handover routine with ${m.centre.name} is only a draft.`,
          rRef,
        );
      if (routine.reviewDueOn && compareIso(routine.reviewDueOn, asOf) < 0) {
        add(
          'ROUTINE_REVIEW_OVERDUE',
          'WARNING',
          `Overgangsrutinen med ${m.centre.name} skulle vært gjennomgått ${formatDate(routine.reviewDueOn)} (${daysBetween(routine.reviewDueOn, asOf)} dager siden).`,
          `The handover routine with ${m.centre.name} was due for review on ${routine.reviewDueOn} (${daysBetween(routine.reviewDueOn, asOf)} days ago).`,
          rRef,
        );
      }
    }
    if (f.point && m.centre.hostPoint) {
      const km = greatCircleKm(f.point, m.centre.hostPoint);
      if (km > config.farFromCentreKm) {
        const rounded = Math.round(km);
        add(
          'FAR_FROM_CENTRE',
          'INFO',
          `Det er om lag ${rounded} km i luftlinje fra ${f.name} til vertskommunen ${m.centre.hostName} (en grov tilnærming: kjøreavstanden er lengre).`,
          `It is about ${rounded} km in a straight line from ${f.name} to the host ${m.centre.hostName} (a rough approximation: the road distance is longer).`,
          centreRef,
        );
      }
    }
  }

  // Contacts and cooperation are about the municipality, whichever centre it uses.
  if (f.contactPoint === null) {
    add(
      'NO_CONTACT_POINT',
      'WARNING',
      `${f.name} har ikke ett fast kontaktpunkt for krisesenteret.`,
      `${f.name} has no single contact point for the centre.`,
    );
  }
  const byKind = new Map(f.agencies.map((a) => [a.kind, a]));
  const { missingKinds, staleCount } = contactGaps(f, config);
  if (missingKinds.length) {
    add(
      'NO_KEY_CONTACT',
      'WARNING',
      `Mangler kontaktperson i ${list(missingKinds.map((k) => AGENCY_KIND_LABELS[k].nb))}.`,
      `No contact person at ${listEn(missingKinds.map((k) => AGENCY_KIND_LABELS[k].en))}.`,
      missingKinds.flatMap((k) =>
        (byKind.get(k)?.agencyIds ?? []).map((id) => ({ entity: 'Agency' as const, id, label: byKind.get(k)!.label })),
      ),
    );
  }
  const stale = f.agencies.filter((a) => a.staleContacts > 0);
  if (staleCount > 0) {
    add(
      'STALE_CONTACTS',
      'INFO',
      `${staleCount} kontaktperson${staleCount === 1 ? '' : 'er'} er ikke bekreftet de siste ${config.staleAfterMonths} månedene.`,
      `${staleCount} contact${staleCount === 1 ? ' has' : 's have'} not been verified in the last ${config.staleAfterMonths} months.`,
      stale.flatMap((a) => a.agencyIds.map((id) => ({ entity: 'Agency' as const, id, label: a.label }))),
    );
  }
  const noWritten = config.writtenCooperationKinds.filter((k) => !byKind.get(k)?.writtenAgreement);
  if (noWritten.length) {
    add(
      'NO_WRITTEN_COOPERATION',
      'INFO',
      `Ingen skriftlig samarbeidsavtale med ${list(noWritten.map((k) => AGENCY_KIND_LABELS[k].nb.toLowerCase()))}.`,
      `No written cooperation agreement with ${listEn(noWritten.map((k) => AGENCY_KIND_LABELS[k].en.toLowerCase()))}.`,
    );
  }

  return out.sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
}

export const FINDING_CODE_LABELS: Record<FindingCode, { nb: string; en: string }> = {
  NOT_REGISTERED: { nb: 'Ikke registrert', en: 'Not registered' },
  DOCUMENTED_MEMBERSHIP: {
    nb: 'Kildebelagt tilknytning, avtale ikke registrert',
    en: 'Documented membership, agreement not registered',
  },
  WEAK_EVIDENCE: { nb: 'Svak eller gammel kilde', en: 'Weak or old source' },
  NO_ACTIVE_AGREEMENT: { nb: 'Ingen gjeldende avtale', en: 'No agreement in force' },
  AGREEMENT_EXPIRED: { nb: 'Avtalen er utløpt', en: 'Agreement expired' },
  NOTICE_GIVEN: { nb: 'Avtalen er sagt opp', en: 'Notice given' },
  DISPUTED: { nb: 'Avtalen er omstridt', en: 'Agreement disputed' },
  NOTICE_DEADLINE_SOON: { nb: 'Frist nærmer seg', en: 'Deadline approaching' },
  MISSING_SERVICE: { nb: 'Lovkrav: mangler § 2-tilbud', en: 'Statutory: missing § 2 element' },
  STATUTORY_REQUIREMENT: { nb: 'Lovkrav etter § 3 ikke oppfylt', en: 'Statutory requirement (§ 3) not met' },
  FOLLOW_UP_BY_MUNICIPALITY: {
    nb: 'Oppfølging i reetableringsfasen: kommunens plikt',
    en: "Re-establishment follow-up: the municipality's duty",
  },
  MISSING_CAPABILITY: { nb: 'Gap i tilrettelegging (ikke lovkrav)', en: 'Capability gap (not statutory)' },
  CENTRE_DETAILS_NOT_REGISTERED: { nb: 'Sentertilbud ikke registrert', en: 'Centre offer not registered' },
  NO_ROUTINE: { nb: 'Ingen overgangsrutine', en: 'No handover routine' },
  ROUTINE_DRAFT: { nb: 'Rutine bare i utkast', en: 'Routine only a draft' },
  ROUTINE_REVIEW_OVERDUE: { nb: 'Rutinen skulle vært gjennomgått', en: 'Routine review overdue' },
  NO_CONTACT_POINT: { nb: 'Mangler kontaktpunkt', en: 'No contact point' },
  NO_KEY_CONTACT: { nb: 'Mangler nøkkelkontakt', en: 'Missing key contact' },
  STALE_CONTACTS: { nb: 'Ubekreftede kontakter', en: 'Unverified contacts' },
  NO_WRITTEN_COOPERATION: { nb: 'Ingen skriftlig samarbeidsavtale', en: 'No written cooperation' },
  NOT_SIGNED_AT_DIRECTOR_LEVEL: {
    nb: 'Ikke forankret hos kommunedirektør',
    en: 'Not signed by the municipal director',
  },
  FAR_FROM_CENTRE: { nb: 'Langt til senteret', en: 'Far from the centre' },
};
