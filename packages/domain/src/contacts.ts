import { addMonths } from 'date-fns';

/** A contact not verified for this many months is stale (configurable per call). */
export const DEFAULT_STALE_AFTER_MONTHS = 6;

/**
 * Stale when never verified, or when `staleAfterMonths` whole months have passed since the
 * last verification: verified 2026-05-21T10:00 is stale from 2026-11-21T10:00 on.
 */
export function isContactStale(
  verifiedAt: Date | null,
  asOf: Date,
  staleAfterMonths: number = DEFAULT_STALE_AFTER_MONTHS,
): boolean {
  if (verifiedAt === null) return true;
  return addMonths(verifiedAt, staleAfterMonths).getTime() <= asOf.getTime();
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
export function isWorkEmail(value: string): boolean {
  return EMAIL.test(value);
}

/** A phone number as people write it: digits, spaces, +, -, parentheses; 8 to 15 digits. */
export function isPhoneNumber(value: string): boolean {
  if (!/^[+\d][\d\s()-]*$/.test(value)) return false;
  const digits = value.replace(/\D/g, '').length;
  return digits >= 8 && digits <= 15;
}
