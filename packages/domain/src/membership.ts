import { BINDING_STATUSES, type AgreementStatus } from './agreement-status';
import { compareIso, type IsoDate } from './dates';

/**
 * «A centre's municipalities on a date»: the one rule behind scope checks, the contact lists,
 * coverage and costs. A municipality is a member of a centre on a day when it hosts the centre,
 * or when it is a party of one of the centre's agreements and
 *  - the agreement binds on that day: it is valid from that day (or has no start date), it has not
 *    ended before it (`endedOn`, the last day it binds: set when it ends, when notice to end it is
 *    given, or when a new version replaces it), and its status is ACTIVE, NOTICE_GIVEN or DISPUTED
 *    (an ENDED agreement bound up to its `endedOn`; without one it binds no day), and
 *  - the party's own period covers the day: joined on or before it (or unknown) and not yet left
 *    (the day it leaves is its last day as a member).
 * Drafts, negotiations and proposals never make anyone a member; an ended membership ends on its
 * end date. The SQL helper below is generated from the same definition and tested against it.
 */
export interface MembershipAgreement {
  status: AgreementStatus;
  validFrom: IsoDate | null;
  /** The last day the agreement binds (ended, ends by notice, or replaced by a new version); null: open. */
  endedOn: IsoDate | null;
}

export interface MembershipParty {
  joinedOn: IsoDate | null;
  leftOn: IsoDate | null;
}

/** The agreement binds its parties on `day`. */
export function agreementBindsOn(a: MembershipAgreement, day: IsoDate): boolean {
  if (a.validFrom !== null && compareIso(a.validFrom, day) > 0) return false;
  if (a.endedOn !== null && compareIso(day, a.endedOn) > 0) return false;
  return BINDING_STATUSES.includes(a.status) || (a.status === 'ENDED' && a.endedOn !== null);
}

/** The party's own period covers `day`. */
export function partyPeriodCovers(p: MembershipParty, day: IsoDate): boolean {
  return (
    (p.joinedOn === null || compareIso(p.joinedOn, day) <= 0) && (p.leftOn === null || compareIso(p.leftOn, day) >= 0)
  );
}

/** The party is a member through this agreement on `day`. */
export function isMemberOn(a: MembershipAgreement, p: MembershipParty, day: IsoDate): boolean {
  return agreementBindsOn(a, day) && partyPeriodCovers(p, day);
}

/**
 * The party is a member through this agreement on at least one day from `from` to `to` (both
 * included): the rule above applied to every day of the range, computed from the intervals.
 */
export function isMemberDuring(a: MembershipAgreement, p: MembershipParty, from: IsoDate, to: IsoDate): boolean {
  if (!(BINDING_STATUSES.includes(a.status) || (a.status === 'ENDED' && a.endedOn !== null))) return false;
  const starts = [from, a.validFrom, p.joinedOn].filter((d): d is IsoDate => d !== null);
  const ends = [to, a.endedOn, p.leftOn].filter((d): d is IsoDate => d !== null);
  const first = starts.reduce((x, y) => (compareIso(x, y) >= 0 ? x : y));
  const last = ends.reduce((x, y) => (compareIso(x, y) <= 0 ? x : y));
  return compareIso(first, last) <= 0;
}

export interface CentreMembershipFacts {
  centres: readonly { id: string; hostKommunenummer: string }[];
  agreements: readonly (MembershipAgreement & { id: string; centreId: string })[];
  parties: readonly (MembershipParty & { agreementId: string; kommunenummer: string })[];
}

/** Member municipalities of each centre on `day` (the host always included). */
export function centreMembersOn(facts: CentreMembershipFacts, day: IsoDate): Map<string, Set<string>> {
  const members = new Map(facts.centres.map((c) => [c.id, new Set([c.hostKommunenummer])]));
  const agreements = new Map(facts.agreements.map((a) => [a.id, a]));
  for (const p of facts.parties) {
    const a = agreements.get(p.agreementId);
    if (a && isMemberOn(a, p, day)) members.get(a.centreId)?.add(p.kommunenummer);
  }
  return members;
}

/** Centres a municipality is a member of on `day` (hosts included). */
export function centresOfMunicipalityOn(facts: CentreMembershipFacts, kommunenummer: string, day: IsoDate): string[] {
  return [...centreMembersOn(facts, day)].filter(([, set]) => set.has(kommunenummer)).map(([id]) => id);
}

const sqlList = (values: readonly string[]) => values.map((s) => `'${s.replace(/'/g, "''")}'`).join(', ');

/**
 * The same rule as a SQL condition over `agreement_party` (alias `party`) joined to `agreement`
 * (alias `agreement`), for a day given as a SQL expression (a parameter such as `$2` or `:day`,
 * or `current_date`). Pure string building: the only SQL form of the rule.
 */
export function membershipSql(party: string, agreement: string, day: string): string {
  const d = `(${day})::date`;
  return (
    `((${agreement}.valid_from IS NULL OR ${agreement}.valid_from <= ${d})` +
    ` AND (${agreement}.ended_on IS NULL OR ${agreement}.ended_on >= ${d})` +
    ` AND (${agreement}.status IN (${sqlList(BINDING_STATUSES)}) OR (${agreement}.status = 'ENDED' AND ${agreement}.ended_on IS NOT NULL))` +
    ` AND (${party}.joined_on IS NULL OR ${party}.joined_on <= ${d})` +
    ` AND (${party}.left_on IS NULL OR ${party}.left_on >= ${d}))`
  );
}

/**
 * SQL for the kommunenummer of a centre's members on a day: the host and the members through its
 * agreements. `centre` and `day` are SQL expressions (parameters).
 */
export function centreMembersSql(centre: string, day: string): string {
  return `(SELECT c.host_kommunenummer FROM crisis_centre c WHERE c.id = ${centre}
    UNION SELECT p.kommunenummer FROM agreement_party p JOIN agreement a ON a.id = p.agreement_id
    WHERE a.centre_id = ${centre} AND ${membershipSql('p', 'a', day)})`;
}

/** SQL for the ids of the centres a municipality is a member of on a day (hosts included). */
export function centresOfMunicipalitySql(kommunenummer: string, day: string): string {
  return `(SELECT c.id FROM crisis_centre c WHERE c.host_kommunenummer = ${kommunenummer}
    UNION SELECT a.centre_id FROM agreement_party p JOIN agreement a ON a.id = p.agreement_id
    WHERE p.kommunenummer = ${kommunenummer} AND ${membershipSql('p', 'a', day)})`;
}
