import { SERVER_MESSAGES } from './server-messages';

/**
 * What must never be stored in free text (notes, descriptions, titles, step texts): a person's
 * national identity number or D-number anywhere; phone numbers and e-mail addresses (they belong in
 * the contact fields made for them, which only signed-in users see); and, where the field is public,
 * a street address. Pure: the server checks every free-text field on write with it.
 */

export type PersonalDataKind = 'NATIONAL_ID' | 'D_NUMBER' | 'PHONE' | 'EMAIL' | 'STREET_ADDRESS';

/** Who can read the field: anyone (`public`), or only some signed-in roles (`restricted`). */
export type FreeTextAudience = 'public' | 'restricted';

export interface PersonalDataFinding {
  kind: PersonalDataKind;
  /** Where in the text it starts (for the user's sake; never logged with the text). */
  index: number;
}

/** The text after a field's label («Navn ser ut til …»), from the catalogue (server-messages.ts). */
export const PERSONAL_DATA_MESSAGES: Record<PersonalDataKind, string> = {
  NATIONAL_ID: SERVER_MESSAGES['personalData.NATIONAL_ID'].replace('{label} ', ''),
  D_NUMBER: SERVER_MESSAGES['personalData.D_NUMBER'].replace('{label} ', ''),
  PHONE: SERVER_MESSAGES['personalData.PHONE'].replace('{label} ', ''),
  EMAIL: SERVER_MESSAGES['personalData.EMAIL'].replace('{label} ', ''),
  STREET_ADDRESS: SERVER_MESSAGES['personalData.STREET_ADDRESS'].replace('{label} ', ''),
};

const W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const W2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function checkDigit(digits: readonly number[], weights: readonly number[]): number | null {
  const k = 11 - (weights.reduce((sum, w, i) => sum + w * digits[i], 0) % 11);
  if (k === 11) return 0;
  return k === 10 ? null : k;
}

/**
 * An 11-digit Norwegian identity number whose two mod-11 check digits are right and whose first six
 * digits can be a date: a national identity number (fødselsnummer), or a D-number (day + 40). Month + 40
 * (H-numbers) and + 80 (synthetic test numbers) are accepted too.
 */
export function classifyIdentityNumber(text: string): 'NATIONAL_ID' | 'D_NUMBER' | null {
  if (!/^\d{11}$/.test(text)) return null;
  const d = [...text].map(Number);
  const k1 = checkDigit(d, W1);
  if (k1 === null || k1 !== d[9]) return null;
  const k2 = checkDigit(d, W2);
  if (k2 === null || k2 !== d[10]) return null;
  const day = d[0] * 10 + d[1];
  const month = (d[2] * 10 + d[3]) % 40;
  if (month < 1 || month > 12) return null;
  if (day >= 1 && day <= 31) return 'NATIONAL_ID';
  if (day >= 41 && day <= 71) return 'D_NUMBER';
  return null;
}

/** 11 digits, also written 6 + 5 with a space, dot or dash between. */
const IDENTITY_CANDIDATE = /(?<![\d])(\d{6})[ .-]?(\d{5})(?![\d])/g;
const EMAIL_IN_TEXT = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;
/**
 * Phone numbers as Norwegians write them: with +47 / 0047, grouped «22 33 44 55» or «922 33 444»,
 * or eight digits right after «tlf», «telefon», «mob», «mobil». Amounts (groups of three) are not matched.
 */
const PHONE_IN_TEXT = [
  /(?:\+|\b00)47[\s-]?\d(?:[\s-]?\d){7}(?!\d)/,
  /(?<![\d,.])\d{2} \d{2} \d{2} \d{2}(?![\d,])/,
  /(?<![\d,.])\d{3} \d{2} \d{3}(?![\d,])/,
  /\b(?:tlf|telefon|telefonnummer|mob|mobil|mobilnummer|ring)\.?:?\s*\d(?:[\s-]?\d){7}(?!\d)/iu,
];
/**
 * A street address: a street name ending in a street word («Storgata», «Kirkeveien», «Kongens gate»)
 * followed by a house number (with an optional letter). National and county roads («riksvei 80») are not addresses.
 */
const STREET_WORDS =
  '(?:gate|gata|gaten|gt\\.|vei|veien|veg|vegen|allé|alléen|alleen|bakken|torget|brygga|bryggen|kaia|kaien)';
/** Street words that are common words on their own count only after a name in the genitive. */
const STREET_WORDS_SEPARATE = '(?:gate|gata|vei|veien|veg|vegen|allé|plass|plassen|torg|torget|brygge|kai)';
const STREET_COMPOUND = new RegExp(
  `(?<![\\p{L}])(?!(?:riks|fylkes|europa|kommunal|privat|skogs|gang|sykkel|hoved)(?:vei|veg))\\p{L}{2,}${STREET_WORDS}\\s+\\d{1,4}\\s?[a-z]?(?![\\p{L}\\d])`,
  'iu',
);
/** «Kongens gate 12», «Youngs plass 2», «Dronning Mauds vei 3»: a capitalised genitive, then the street word. */
const STREET_SEPARATE = new RegExp(
  `(?<![\\p{L}])\\p{Lu}[\\p{L}'-]*s\\s+${STREET_WORDS_SEPARATE}\\s+\\d{1,4}\\s?[A-Za-z]?(?![\\p{L}\\d])`,
  'u',
);

/** The first kind of personal data found in `text`, or null. */
export function findPersonalData(text: string, audience: FreeTextAudience = 'public'): PersonalDataFinding | null {
  for (const m of text.matchAll(IDENTITY_CANDIDATE)) {
    const kind = classifyIdentityNumber(m[1] + m[2]);
    if (kind) return { kind, index: m.index };
  }
  const email = EMAIL_IN_TEXT.exec(text);
  if (email) return { kind: 'EMAIL', index: email.index };
  for (const p of PHONE_IN_TEXT) {
    const m = p.exec(text);
    if (m) return { kind: 'PHONE', index: m.index };
  }
  if (audience === 'public') {
    const street = STREET_COMPOUND.exec(text) ?? STREET_SEPARATE.exec(text);
    if (street) return { kind: 'STREET_ADDRESS', index: street.index };
  }
  return null;
}
