import { addDays, addMonths, differenceInCalendarDays, isLastDayOfMonth, lastDayOfMonth } from 'date-fns';

/**
 * Calendar dates as ISO strings ("2026-06-30"). Agreements, deadlines and verifications are
 * about days, not instants; the helpers below never look at a time zone.
 */
export type IsoDate = string;

const ISO_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The local midnight of an ISO date, or null when it is no calendar date (2026-02-30). Read by
 * hand: date-fns' format-string parse and format took about 0.1 ms a date, and the agreement list
 * computes the deadlines of every agreement (issue 15).
 */
function parseIso(value: string): Date | null {
  const m = ISO_SHAPE.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  const date = new Date(2000, mo, d);
  date.setFullYear(y, mo, d); // years below 100 too (the constructor would read 26 as 1926)
  return date.getFullYear() === y && date.getMonth() === mo && date.getDate() === d ? date : null;
}

export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && parseIso(value) !== null;
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
  const date = typeof iso === 'string' ? parseIso(iso) : null;
  if (!date) throw new RangeError(`Not a valid ISO calendar date: ${iso}`);
  return date;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function toIso(date: Date): IsoDate {
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1, 2)}-${pad(date.getDate(), 2)}`;
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
