import { BINDING_STATUSES, type AgreementStatus } from './agreement-status';
import { CAPABILITIES, CAPABILITY_LABELS, KEY_AGENCY_KINDS, AGENCY_KIND_LABELS, SERVICE_ELEMENTS, SERVICE_ELEMENT_LABELS, type AgencyKind, type Capability, type RoutineStatus, type ServiceElement, type SigningLevel } from './catalog';
import { compareIso, daysBetween, type IsoDate } from './dates';
import type { Deadline } from './deadlines';
import { greatCircleKm } from './geo';
import { DEFAULT_STALE_AFTER_MONTHS } from './contacts';
import { formatDate } from './format';

/**
 * Coverage gaps: for one municipality on a date, what is thin in its crisis-centre offer and
 * why. Pure rules; the server gathers the facts and the thresholds are configurable.
 */
export const SEVERITIES = ['CRITICAL', 'WARNING', 'INFO'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const FINDING_CODES = [
  'NOT_REGISTERED',
  'NO_ACTIVE_AGREEMENT',
  'AGREEMENT_EXPIRED',
  'NOTICE_GIVEN',
  'DISPUTED',
  'NOTICE_DEADLINE_SOON',
  'MISSING_SERVICE',
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

export interface Finding {
  code: FindingCode;
  severity: Severity;
  reason: { nb: string; en: string };
  records: RecordRef[];
}

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
    centre: { id: string; name: string; services: ServiceElement[] | null; capabilities: Capability[] | null; hostPoint: { lat: number; lon: number } | null; hostName: string };
  }[];
  routines: { id: string; centreId: string; status: RoutineStatus; reviewDueOn: IsoDate | null }[];
  /** Per agency kind registered for the municipality. */
  agencies: { kind: AgencyKind; agencyIds: string[]; label: string; writtenAgreement: boolean; activeContacts: number; staleContacts: number }[];
  contactPoint: { id: string; name: string } | null;
}

const ORDER: Record<Severity, number> = { CRITICAL: 0, WARNING: 1, INFO: 2 };

export function worstSeverity(findings: readonly Finding[]): Severity | null {
  return findings.reduce<Severity | null>((w, f) => (w === null || ORDER[f.severity] < ORDER[w] ? f.severity : w), null);
}

const list = (xs: string[]) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} og ${xs[xs.length - 1]}`);
const listEn = (xs: string[]) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);

/** True when nothing at all is registered for the municipality: «ikke registrert», never «no offer». */
export function isNotRegistered(f: CoverageFacts): boolean {
  return f.memberships.length === 0 && f.routines.length === 0 && f.agencies.length === 0 && f.contactPoint === null;
}

export function coverageFindings(f: CoverageFacts, asOf: IsoDate, config: CoverageConfig = DEFAULT_COVERAGE_CONFIG): Finding[] {
  const out: Finding[] = [];
  const add = (code: FindingCode, severity: Severity, nb: string, en: string, records: RecordRef[] = []) =>
    out.push({ code, severity, reason: { nb, en }, records });

  if (isNotRegistered(f)) {
    add(
      'NOT_REGISTERED',
      'INFO',
      `Ingen opplysninger er registrert for ${f.name} ennå. Det betyr ikke at kommunen mangler krisesentertilbud; alle kommuner har plikt til å ha et.`,
      `Nothing is registered for ${f.name} yet. This does not mean the municipality has no crisis-centre offer; every municipality is obliged to have one.`,
    );
    return out;
  }

  const agreementRef = (m: CoverageFacts['memberships'][number]): RecordRef => ({ entity: 'Agreement', id: m.agreementId, label: m.agreementTitle });
  const current = f.memberships.filter((m) => m.current);
  const binding = current.filter((m) => BINDING_STATUSES.includes(m.status) && m.deadline.kind !== 'ENDED');

  if (binding.length === 0) {
    const ended = f.memberships.filter((m) => m.status === 'ENDED' || m.deadline.kind === 'ENDED');
    if (ended.length > 0) {
      add('AGREEMENT_EXPIRED', 'CRITICAL', `Avtalen ${f.name} var part i, er utløpt eller avsluttet, og ingen ny avtale gjelder.`, `The agreement ${f.name} was a party to has expired or ended, and no new agreement applies.`, ended.map(agreementRef));
    } else {
      add('NO_ACTIVE_AGREEMENT', 'CRITICAL', `${f.name} er ikke part i noen gjeldende krisesenteravtale.`, `${f.name} is not a party to any agreement in force.`, f.memberships.map(agreementRef));
    }
  }

  for (const m of binding) {
    const ref = [agreementRef(m)];
    if (m.status === 'NOTICE_GIVEN') add('NOTICE_GIVEN', 'WARNING', `Avtalen med ${m.centre.name} er sagt opp.`, `The agreement with ${m.centre.name} has been terminated (notice given).`, ref);
    if (m.status === 'DISPUTED') add('DISPUTED', 'WARNING', `Avtalen med ${m.centre.name} er omstridt.`, `The agreement with ${m.centre.name} is disputed.`, ref);
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
      add('CENTRE_DETAILS_NOT_REGISTERED', 'INFO', `Tilbudet ved ${m.centre.name} (§ 2-elementer og tilpasninger) er ikke registrert.`, `The offer of ${m.centre.name} (§ 2 elements and capabilities) is not registered.`, centreRef);
    } else {
      const missing = SERVICE_ELEMENTS.filter((s) => !m.centre.services!.includes(s));
      if (missing.length) {
        add(
          'MISSING_SERVICE',
          'CRITICAL',
          `${m.centre.name} mangler ${list(missing.map((s) => SERVICE_ELEMENT_LABELS[s].nb.toLowerCase()))} (krisesenterloven § 2).`,
          `${m.centre.name} lacks ${listEn(missing.map((s) => SERVICE_ELEMENT_LABELS[s].en.toLowerCase()))} (Crisis Centre Act § 2).`,
          centreRef,
        );
      }
    }
    if (m.centre.capabilities !== null) {
      const missing = CAPABILITIES.filter((c) => !m.centre.capabilities!.includes(c));
      if (missing.length) {
        add(
          'MISSING_CAPABILITY',
          'WARNING',
          `${m.centre.name} er ikke tilrettelagt for: ${list(missing.map((c) => CAPABILITY_LABELS[c].nb.toLowerCase()))}.`,
          `${m.centre.name} is not adapted for: ${listEn(missing.map((c) => CAPABILITY_LABELS[c].en.toLowerCase()))}.`,
          centreRef,
        );
      }
    }
    const routine = f.routines.find((r) => r.centreId === m.centre.id);
    if (!routine || routine.status === 'MISSING') {
      add('NO_ROUTINE', 'WARNING', `${f.name} har ingen overgangsrutine med ${m.centre.name}.`, `${f.name} has no handover routine with ${m.centre.name}.`, centreRef);
    } else {
      const rRef: RecordRef[] = [{ entity: 'HandoverRoutine', id: routine.id, label: `Rutine med ${m.centre.name}` }];
      if (routine.status === 'DRAFT') add('ROUTINE_DRAFT', 'INFO', `Overgangsrutinen med ${m.centre.name} er bare et utkast.`, `The handover routine with ${m.centre.name} is only a draft.`, rRef);
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
    add('NO_CONTACT_POINT', 'WARNING', `${f.name} har ikke ett fast kontaktpunkt for krisesenteret.`, `${f.name} has no single contact point for the centre.`);
  }
  const byKind = new Map(f.agencies.map((a) => [a.kind, a]));
  const missingKinds = config.keyAgencyKinds.filter((k) => (byKind.get(k)?.activeContacts ?? 0) === 0);
  if (missingKinds.length) {
    add(
      'NO_KEY_CONTACT',
      'WARNING',
      `Mangler kontaktperson i ${list(missingKinds.map((k) => AGENCY_KIND_LABELS[k].nb))}.`,
      `No contact person at ${listEn(missingKinds.map((k) => AGENCY_KIND_LABELS[k].en))}.`,
      missingKinds.flatMap((k) => (byKind.get(k)?.agencyIds ?? []).map((id) => ({ entity: 'Agency' as const, id, label: byKind.get(k)!.label }))),
    );
  }
  const stale = f.agencies.filter((a) => a.staleContacts > 0);
  const staleCount = stale.reduce((n, a) => n + a.staleContacts, 0);
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
  NO_ACTIVE_AGREEMENT: { nb: 'Ingen gjeldende avtale', en: 'No agreement in force' },
  AGREEMENT_EXPIRED: { nb: 'Avtalen er utløpt', en: 'Agreement expired' },
  NOTICE_GIVEN: { nb: 'Avtalen er sagt opp', en: 'Notice given' },
  DISPUTED: { nb: 'Avtalen er omstridt', en: 'Agreement disputed' },
  NOTICE_DEADLINE_SOON: { nb: 'Frist nærmer seg', en: 'Deadline approaching' },
  MISSING_SERVICE: { nb: 'Mangler § 2-tilbud', en: 'Missing § 2 element' },
  MISSING_CAPABILITY: { nb: 'Mangler tilrettelegging', en: 'Missing capability' },
  CENTRE_DETAILS_NOT_REGISTERED: { nb: 'Sentertilbud ikke registrert', en: 'Centre offer not registered' },
  NO_ROUTINE: { nb: 'Ingen overgangsrutine', en: 'No handover routine' },
  ROUTINE_DRAFT: { nb: 'Rutine bare i utkast', en: 'Routine only a draft' },
  ROUTINE_REVIEW_OVERDUE: { nb: 'Rutinen skulle vært gjennomgått', en: 'Routine review overdue' },
  NO_CONTACT_POINT: { nb: 'Mangler kontaktpunkt', en: 'No contact point' },
  NO_KEY_CONTACT: { nb: 'Mangler nøkkelkontakt', en: 'Missing key contact' },
  STALE_CONTACTS: { nb: 'Ubekreftede kontakter', en: 'Unverified contacts' },
  NO_WRITTEN_COOPERATION: { nb: 'Ingen skriftlig samarbeidsavtale', en: 'No written cooperation' },
  NOT_SIGNED_AT_DIRECTOR_LEVEL: { nb: 'Ikke forankret hos kommunedirektør', en: 'Not signed by the municipal director' },
  FAR_FROM_CENTRE: { nb: 'Langt til senteret', en: 'Far from the centre' },
};
