import { z } from 'zod';
import {
  findPersonalData,
  isSupportedDate,
  isPhoneNumber,
  isWorkEmail,
  parseKommunenummer,
  PERSONAL_DATA_MESSAGES,
  SUPPORTED_DATES,
  MONEY_LIMITS,
  formatOre,
  todayInNorway,
  type FreeTextAudience,
} from '@samordna/domain';
import { badInput, ErrorCode } from './errors';
import { GraphQLError } from 'graphql';

/**
 * Parses GraphQL arguments with a zod schema. The first problem becomes BAD_USER_INPUT naming
 * the field as a path inside the arguments ("input.validTo", "input.parties.0.kommunenummer").
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, argName: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = [argName, ...issue.path.map(String)].join('.');
    const personalData =
      issue.code === 'custom' ? (issue.params as { personalData?: string } | undefined)?.personalData : undefined;
    if (personalData) {
      throw new GraphQLError(issue.message, {
        extensions: { code: ErrorCode.PERSONAL_DATA_IN_FREE_TEXT, field, kind: personalData },
      });
    }
    // Every field's first problem, so a form can show them all at once (`field` stays the first).
    const fields: { field: string; message: string }[] = [];
    for (const i of result.error.issues) {
      const f = [argName, ...i.path.map(String)].join('.');
      if (!fields.some((x) => x.field === f)) fields.push({ field: f, message: i.message });
    }
    const error = badInput(field, issue.message);
    if (fields.length > 1) error.extensions.fields = fields;
    throw error;
  }
  return result.data;
}

/**
 * Who may read a free-text field: `public` (anyone; street addresses refused too), `restricted`
 * (some signed-in roles), or `none` for text that is never stored (search terms).
 */
export type FreeTextCheck = FreeTextAudience | 'none';

const trimmed = (max: number, label: string, check: FreeTextCheck) =>
  z
    .string()
    .trim()
    .max(max, `${label} kan være høyst ${max} tegn.`)
    .superRefine((text, ctx) => {
      if (check === 'none') return;
      const found = findPersonalData(text, check);
      if (found)
        ctx.addIssue({
          code: 'custom',
          message: `${label} ${PERSONAL_DATA_MESSAGES[found.kind]}`,
          params: { personalData: found.kind },
        });
    });

const dateMessage = (label: string) =>
  `${label} må være en gyldig dato (ÅÅÅÅ-MM-DD) fra ${SUPPORTED_DATES.min} til ${SUPPORTED_DATES.max}.`;

export const v = {
  /** Required text, trimmed, not empty; checked for personal data (see FreeTextCheck). */
  text: (label: string, max = 300, check: FreeTextCheck = 'public') =>
    trimmed(max, label, check).min(1, `${label} må fylles ut.`),
  /** Optional text: empty becomes null. */
  optionalText: (label: string, max = 2000, check: FreeTextCheck = 'public') =>
    trimmed(max, label, check)
      .nullish()
      .transform((s) => (s ? s : null)),
  /** A required date: a calendar date (ÅÅÅÅ-MM-DD) within SUPPORTED_DATES. */
  isoDate: (label: string) => z.string().refine(isSupportedDate, dateMessage(label)),
  optionalIsoDate: (label: string) =>
    z
      .string()
      .nullish()
      .transform((s) => (s ? s : null))
      .refine((s) => s === null || isSupportedDate(s), dateMessage(label)),
  uuid: (label: string) =>
    z
      .string()
      .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, `Ugyldig id for ${label}.`)
      .transform((s) => s.toLowerCase()),
  kommunenummer: () =>
    z.string().transform((s, ctx) => {
      const r = parseKommunenummer(s);
      if (!r.ok) {
        ctx.addIssue({ code: 'custom', message: r.message });
        return z.NEVER;
      }
      return r.value;
    }),
  email: () =>
    z
      .string()
      .trim()
      .nullish()
      .transform((s) => (s ? s.toLowerCase() : null))
      .refine((s) => s === null || isWorkEmail(s), 'E-postadressen er ikke gyldig.'),
  phone: () =>
    z
      .string()
      .trim()
      .nullish()
      .transform((s) => (s ? s : null))
      .refine((s) => s === null || isPhoneNumber(s), 'Telefonnummeret må ha 8–15 sifre.'),
  int: (label: string, min: number, max: number) =>
    z
      .number()
      .int(`${label} må være et helt tall.`)
      .min(min, `${label} må være minst ${min}.`)
      .max(max, `${label} kan være høyst ${max}.`),
  /** A budget year. */
  year: () => v.int('Året', 2000, 2100),
  /** Money: a non-negative whole number of øre, at most `max` (10 billion kroner unless said). */
  ore: (label: string, max: number = MONEY_LIMITS.maxAmountOre) =>
    z
      .number()
      .refine((n) => Number.isSafeInteger(n) && n >= 0, `${label} må være et ikke-negativt helt antall øre.`)
      .refine((n) => n <= max, `${label} kan være høyst ${formatOre(max)}.`),
};

export const paging = z.object({
  limit: z.number().int().min(1, 'limit må være minst 1.').max(500, 'limit kan være høyst 500.').default(50),
  offset: z.number().int().min(0, 'offset kan ikke være negativ.').default(0),
});

/** `limit`/`offset` arguments, checked and defaulted (50, 0). */
export function parsePaging(page: { limit?: number | null; offset?: number | null }): {
  limit: number;
  offset: number;
} {
  return parseInput(paging, { limit: page.limit ?? undefined, offset: page.offset ?? undefined }, 'paging');
}

/** An `asOf` date argument: a valid ISO date, or today in Norway when left out. */
export function parseAsOf(asOf: string | null | undefined): string {
  return parseInput(v.optionalIsoDate('Dato'), asOf ?? null, 'asOf') ?? todayInNorway();
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Text PostgreSQL cannot store, or that is not text at all: a NUL character, or half of a UTF-16
 * surrogate pair (a lone surrogate makes invalid JSON in the audit trail). Null when `text` is fine.
 */
export function unstorableText(text: string): string | null {
  if (text.includes('\u0000')) return 'inneholder et NUL-tegn (\\u0000), som ikke kan lagres.';
  if (LONE_SURROGATE.test(text)) return 'inneholder et ugyldig Unicode-tegn (et halvt surrogatpar).';
  return null;
}

function findUnstorable(value: unknown, path: string[]): { field: string; message: string } | null {
  if (typeof value === 'string') {
    const message = unstorableText(value);
    return message ? { field: path.join('.'), message } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorable(value[i], [...path, String(i)]);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const keyProblem = unstorableText(key);
      if (keyProblem) return { field: [...path, key].join('.'), message: keyProblem };
      const found = findUnstorable(inner, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Every text argument of every field, before any resolver runs (limits.ts fieldGuardPlugin): NUL
 * characters and lone surrogates are refused with BAD_USER_INPUT at the field ("input.name").
 */
export function checkStorableArgs(args: Record<string, unknown>): void {
  const found = findUnstorable(args, []);
  if (found) throw badInput(found.field, `Feltet ${found.message}`);
}
