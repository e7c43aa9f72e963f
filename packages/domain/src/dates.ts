import {
  addDays,
  addMonths,
  differenceInCalendarDays,
  format,
  isLastDayOfMonth,
  isValid,
  lastDayOfMonth,
  parse,
} from 'date-fns';

/**
 * Calendar dates as ISO strings ("2026-06-30"). Agreements, deadlines and verifications are
 * about days, not instants; the helpers below never look at a time zone.
 */
export type IsoDate = string;

const ISO = 'yyyy-MM-dd';
const REFERENCE = new Date(2000, 0, 1);

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = parse(value, ISO, REFERENCE);
  return isValid(d) && format(d, ISO) === value;
}

/**
 * The dates Samordna accepts as input: every date computation (deadlines, notice, budget cycles,
 * membership periods) is total for dates in this range and the month counts the inputs allow.
 */
export const SUPPORTED_DATES = { min: '1900-01-01', max: '2200-12-31' } as const;

/** A valid ISO calendar date within SUPPORTED_DATES. */
export function isSupportedDate(value: unknown): value is IsoDate {
  return isIsoDate(value) && value >= SUPPORTED_DATES.min && value <= SUPPORTED_DATES.max;
}

export function toDate(iso: IsoDate): Date {
  if (!isIsoDate(iso)) throw new RangeError(`Not a valid ISO calendar date: ${iso}`);
  return parse(iso, ISO, REFERENCE);
}

export function toIso(date: Date): IsoDate {
  return format(date, ISO);
}

/** Made once: a DateTimeFormat costs about a millisecond to make, and every request asks for today. */
const OSLO_DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' });

/** Today's calendar date in Norway. */
export function todayInNorway(now: Date = new Date()): IsoDate {
  return OSLO_DAY.format(now);
}

/**
 * Adds (or with a negative n, subtracts) whole months the way agreements count them: from a
 * month's last day to that month's last day (31 Dec − 6 months = 30 Jun; 31 Aug − 6 months =
 * 28 or 29 Feb), otherwise the same day, clamped to the month's length.
 */
export function addMonthsIso(iso: IsoDate, n: number): IsoDate {
  const d = toDate(iso);
  const moved = addMonths(d, n);
  return toIso(isLastDayOfMonth(d) ? lastDayOfMonth(moved) : moved);
}

export function addDaysIso(iso: IsoDate, n: number): IsoDate {
  return toIso(addDays(toDate(iso), n));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(toDate(to), toDate(from));
}

export function compareIso(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function yearOf(iso: IsoDate): number {
  return Number(iso.slice(0, 4));
}
