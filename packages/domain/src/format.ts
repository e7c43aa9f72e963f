/**
 * nb-NO formatting shared by the server (exports) and the dashboard. Money (kroner, øre) is
 * formatted in money.ts.
 * Intl inserts a non-breaking space (U+00A0) as the thousands separator and a
 * real minus sign (U+2212), which is what Norwegian typography expects.
 */
import { isIsoDate } from './dates';

const LOCALE = 'nb-NO';

const integerFormat = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const dateFormat = new Intl.DateTimeFormat(LOCALE, {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  timeZone: 'UTC',
});

/** 1234567 → "1 234 567" (with non-breaking spaces). */
export function formatInteger(value: number): string {
  return integerFormat.format(value);
}

/** Decimal number with a fixed number of decimals: 454.12 → "454,12". */
export function formatDecimal(value: number, decimals = 1): string {
  return new Intl.NumberFormat(LOCALE, {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(value);
}

/**
 * An ISO calendar date ("2026-11-21") → "21.11.2026". Calendar dates carry no time
 * zone, so they are formatted in UTC to avoid moving a day across midnight.
 */
export function formatDate(isoDate: string): string {
  if (!isIsoDate(isoDate)) throw new RangeError(`Not a valid ISO calendar date: ${isoDate}`);
  return dateFormat.format(new Date(`${isoDate}T00:00:00Z`));
}
