import { formatServerMessage, msg, type ServerMessage } from './server-messages';
/**
 * Kommunenummer: the four-digit municipality number used by SSB and Kartverket.
 * The first two digits are the county (fylkesnummer). Always a string: "0301" (Oslo)
 * loses its meaning as the number 301.
 */

/** County numbers of the structure in force from 1 January 2024 (15 counties). */
export const COUNTY_NUMBERS_2024 = [
  '03',
  '11',
  '15',
  '18',
  '31',
  '32',
  '33',
  '34',
  '39',
  '40',
  '42',
  '46',
  '50',
  '55',
  '56',
] as const;

export type KommunenummerError = 'EMPTY' | 'FORMAT' | 'UNKNOWN_COUNTY';

export type KommunenummerResult =
  | { ok: true; value: string; countyNumber: string }
  | { ok: false; error: KommunenummerError; message: string; problem: ServerMessage };

/**
 * Validates a kommunenummer as typed by a user or read from a file.
 * Surrounding white space is ignored; nothing else is "repaired" (a three-digit
 * number is refused rather than padded, because "301" could be a typo of "3301").
 */
export function parseKommunenummer(
  input: string | null | undefined,
  countyNumbers: readonly string[] = COUNTY_NUMBERS_2024,
): KommunenummerResult {
  const value = (input ?? '').trim();
  if (value === '') return fail('EMPTY');
  if (!/^\d{4}$/.test(value)) return fail('FORMAT');
  const countyNumber = value.slice(0, 2);
  if (!countyNumbers.includes(countyNumber)) return fail('UNKNOWN_COUNTY');
  return { ok: true, value, countyNumber };
}

export function isKommunenummer(input: string | null | undefined): boolean {
  return parseKommunenummer(input).ok;
}

/** County number (fylkesnummer): two digits. */
export function isCountyNumber(input: string | null | undefined): boolean {
  return typeof input === 'string' && /^\d{2}$/.test(input);
}

function fail(error: KommunenummerError): KommunenummerResult {
  const problem = msg(`kommunenummer.${error}`);
  return { ok: false, error, message: formatServerMessage(problem), problem };
}
