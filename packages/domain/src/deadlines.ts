import { addDaysIso, addMonthsIso, compareIso, daysBetween, type IsoDate, yearOf } from './dates';

/** How a notice period is written: «6 måneder», «6 måneder til utgangen av et kalenderår» … */
export const NOTICE_RUNS_TO = ['NONE', 'CALENDAR_YEAR', 'HALF_YEAR'] as const;
export type NoticeRunsTo = (typeof NOTICE_RUNS_TO)[number];

export interface AgreementTerms {
  validFrom: IsoDate | null;
  /** End of the first (or only) term. */
  validTo: IsoDate | null;
  /** Renews itself at the end of each term unless notice is given. */
  autoRenew: boolean;
  /** Length of each renewal; 12 months when not stated. */
  renewalMonths: number | null;
  noticeMonths: number | null;
  noticeRunsTo: NoticeRunsTo;
}

export type DeadlineKind =
  /** Notice must be given by `noticeDeadline` to end the agreement at `nextPossibleEnd`. */
  | 'NOTICE'
  /** A fixed term that ends at `nextPossibleEnd` without notice. */
  | 'EXPIRY'
  /** Notice can be given any day; it takes effect `noticeMonths` later. */
  | 'ROLLING'
  /** The terms do not say how the agreement ends (no notice period registered). */
  | 'UNKNOWN'
  /** The last term ended before the date asked about. */
  | 'ENDED';

export interface Deadline {
  kind: DeadlineKind;
  nextPossibleEnd: IsoDate | null;
  noticeDeadline: IsoDate | null;
  /** Days from the date asked about to the notice deadline (EXPIRY: to the end). */
  daysLeft: number | null;
}

/** Last day notice can be given for an end date: the end minus the notice period. */
export function lastNoticeDayFor(end: IsoDate, noticeMonths: number): IsoDate {
  return addMonthsIso(end, -noticeMonths);
}

/** End dates allowed by «til utgangen av et kalenderår/halvår», from the year of `from`. */
function* periodEnds(from: IsoDate, runsTo: Exclude<NoticeRunsTo, 'NONE'>): Generator<IsoDate> {
  for (let year = yearOf(from); ; year++) {
    if (runsTo === 'HALF_YEAR') yield `${year}-06-30`;
    yield `${year}-12-31`;
  }
}

function* termEnds(validTo: IsoDate, renewalMonths: number): Generator<IsoDate> {
  for (let i = 0; ; i++) yield addMonthsIso(validTo, i * renewalMonths);
}

const MAX_STEPS = 2000;

/**
 * The date that matters for an agreement on a given day: the notice deadline for the next
 * possible end, or the expiry of a fixed term.
 * Example: «6 months to the end of a calendar year» on 2026-03-01 → notice by 2026-06-30
 * ends it 2026-12-31; on 2026-07-01 → notice by 2027-06-30 ends it 2027-12-31.
 */
export function nextDeadline(terms: AgreementTerms, asOf: IsoDate): Deadline {
  const { validFrom, validTo, autoRenew, noticeMonths, noticeRunsTo } = terms;

  if (validTo && !autoRenew) {
    if (compareIso(asOf, validTo) > 0)
      return { kind: 'ENDED', nextPossibleEnd: validTo, noticeDeadline: null, daysLeft: null };
    return { kind: 'EXPIRY', nextPossibleEnd: validTo, noticeDeadline: null, daysLeft: daysBetween(asOf, validTo) };
  }
  if (noticeMonths === null || noticeMonths === undefined) {
    return { kind: 'UNKNOWN', nextPossibleEnd: validTo, noticeDeadline: null, daysLeft: null };
  }

  let candidates: Iterable<IsoDate>;
  if (validTo && autoRenew) {
    candidates = termEnds(validTo, terms.renewalMonths ?? 12);
  } else if (noticeRunsTo === 'NONE') {
    // Open-ended with a plain period: notice any day, effective noticeMonths later.
    const start = validFrom && compareIso(validFrom, asOf) > 0 ? validFrom : asOf;
    return {
      kind: 'ROLLING',
      nextPossibleEnd: addMonthsIso(start, noticeMonths),
      noticeDeadline: null,
      daysLeft: null,
    };
  } else {
    candidates = periodEnds(asOf, noticeRunsTo);
  }

  let steps = 0;
  for (const end of candidates) {
    if (++steps > MAX_STEPS) break;
    if (validFrom && compareIso(end, validFrom) < 0) continue;
    const deadline = lastNoticeDayFor(end, noticeMonths);
    if (compareIso(deadline, asOf) >= 0) {
      return { kind: 'NOTICE', nextPossibleEnd: end, noticeDeadline: deadline, daysLeft: daysBetween(asOf, deadline) };
    }
  }
  return { kind: 'UNKNOWN', nextPossibleEnd: null, noticeDeadline: null, daysLeft: null };
}

export interface BudgetCycle {
  /** The first budget year the change affects. */
  budgetYear: number;
  /** The day partners need to know, to put it into that year's budget. */
  cutoff: IsoDate;
  daysToCutoff: number;
  /** True when the notice deadline falls after the cutoff: partners may not be able to budget. */
  noticeAfterCutoff: boolean;
}

/**
 * Municipal budgets are adopted in December; partners need next year's figures by autumn
 * («1. oktober», configurable). A change effective the day after `end` must be known by the
 * cutoff in the year before its budget year.
 */
export function budgetCycle(
  end: IsoDate,
  noticeDeadline: IsoDate | null,
  asOf: IsoDate,
  cutoffMonthDay = '10-01',
): BudgetCycle {
  const effective = addDaysIso(end, 1);
  const budgetYear = yearOf(effective);
  const cutoff = `${String(budgetYear - 1).padStart(4, '0')}-${cutoffMonthDay}`;
  return {
    budgetYear,
    cutoff,
    daysToCutoff: daysBetween(asOf, cutoff),
    noticeAfterCutoff: noticeDeadline !== null && compareIso(noticeDeadline, cutoff) > 0,
  };
}

/**
 * When a party's membership ends if it gives notice on `givenOn`: the first end the agreement's
 * notice terms allow from that day (a fixed term: its expiry). Null when the terms do not say
 * (no notice period registered) or the agreement's term has already run out.
 */
export function membershipEndByNotice(
  terms: AgreementTerms,
  givenOn: IsoDate,
): { kind: DeadlineKind; leavesOn: IsoDate | null } {
  const d = nextDeadline(terms, givenOn);
  if (d.kind === 'NOTICE' || d.kind === 'ROLLING' || d.kind === 'EXPIRY')
    return { kind: d.kind, leavesOn: d.nextPossibleEnd };
  return { kind: d.kind, leavesOn: null };
}
