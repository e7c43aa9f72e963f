import { z } from 'zod';
import {
  findPersonalData,
  isSupportedDate,
  isPhoneNumber,
  isWorkEmail,
  parseKommunenummer,
  formatServerMessage,
  labelKeyOf,
  msg,
  SUPPORTED_DATES,
  MONEY_LIMITS,
  formatOre,
  todayInNorway,
  type FreeTextAudience,
  type MessageParams,
  type ServerLabelText,
  type ServerMessage,
  type ServerMessageKey,
} from '@samordna/domain';
import { badInput, ErrorCode, keyedError } from './errors';
import { GRAPHQL_ID } from './zod-input';

/**
 * zod takes a message as text: `zmsg` gives it the catalogue's bokmål text and remembers which key
 * and params it came from, so parseInput can send messageKey and params with it. (Schemas are built
 * once, at start; the texts are few.)
 */
const ZOD_MESSAGES = new Map<string, ServerMessage>();
export function zmsg(key: ServerMessageKey, params: MessageParams = {}): string {
  const m = msg(key, params);
  const text = formatServerMessage(m);
  ZOD_MESSAGES.set(text, m);
  return text;
}

/** The key and params of a zod issue: its own message's, or a generic key for zod's own checks. */
function issueMessage(issue: z.core.$ZodIssue): ServerMessage {
  const known = ZOD_MESSAGES.get(issue.message);
  if (known) return known;
  switch (issue.code) {
    case 'invalid_type':
      return msg('field.invalidType', { expected: String(issue.expected) });
    case 'too_small':
      return msg('field.tooSmall', { min: Number(issue.minimum) });
    case 'too_big':
      return msg('field.tooBig', { max: Number(issue.maximum) });
    case 'invalid_value':
      return msg('field.invalidValue');
    default:
      return msg('field.invalid');
  }
}

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
      throw keyedError(issueMessage(issue), {
        code: ErrorCode.PERSONAL_DATA_IN_FREE_TEXT,
        field,
        kind: personalData,
      });
    }
    // Every field's first problem, so a form can show them all at once (`field` stays the first).
    const fields: { field: string; message: string; messageKey: string; params: MessageParams }[] = [];
    for (const i of result.error.issues) {
      const f = [argName, ...i.path.map(String)].join('.');
      if (fields.some((x) => x.field === f)) continue;
      const m = issueMessage(i);
      fields.push({ field: f, message: i.message, messageKey: m.key, params: m.params });
    }
    const error = badInput(field, issueMessage(issue));
    // zod's own messages (no catalogue text) stay as zod words them.
    error.message = issue.message;
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

/** A field's name in messages: one of the catalogue's labels (its key goes in the params). */
type Label = ServerLabelText;

const trimmed = (max: number, label: Label, check: FreeTextCheck) =>
  z
    .string()
    .trim()
    .max(max, zmsg('field.tooLong', { label: labelKeyOf(label), max }))
    .superRefine((text, ctx) => {
      if (check === 'none') return;
      const found = findPersonalData(text, check);
      if (found)
        ctx.addIssue({
          code: 'custom',
          message: zmsg(`personalData.${found.kind}`, { label: labelKeyOf(label) }),
          params: { personalData: found.kind },
        });
    });

const dateMessage = (label: Label) =>
  zmsg('field.date', { label: labelKeyOf(label), min: SUPPORTED_DATES.min, max: SUPPORTED_DATES.max });

/** The zod rule for each kind of input field (text, dates, ids, numbers, money), with catalogue messages. */
export const rules = {
  /** Required text, trimmed, not empty; checked for personal data (see FreeTextCheck). */
  text: (label: Label, max = 300, check: FreeTextCheck = 'public') =>
    trimmed(max, label, check).min(1, zmsg('field.required', { label: labelKeyOf(label) })),
  /** Optional text: empty becomes null. */
  optionalText: (label: Label, max = 2000, check: FreeTextCheck = 'public') =>
    trimmed(max, label, check)
      .nullish()
      .transform((s) => (s ? s : null)),
  /** A required date: a calendar date (ÅÅÅÅ-MM-DD) within SUPPORTED_DATES. */
  isoDate: (label: Label) => z.string().refine(isSupportedDate, dateMessage(label)),
  optionalIsoDate: (label: Label) =>
    z
      .string()
      .nullish()
      .transform((s) => (s ? s : null))
      .refine((s) => s === null || isSupportedDate(s), dateMessage(label)),
  uuid: (label: Label) =>
    z
      .string()
      .regex(
        /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
        zmsg('field.id', { entity: labelKeyOf(label) }),
      )
      .transform((s) => s.toLowerCase())
      .meta(GRAPHQL_ID),
  kommunenummer: () =>
    z.string().transform((s, ctx) => {
      const r = parseKommunenummer(s);
      if (!r.ok) {
        ctx.addIssue({ code: 'custom', message: zmsg(r.problem.key, r.problem.params) });
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
      .refine((s) => s === null || isWorkEmail(s), zmsg('field.email')),
  phone: () =>
    z
      .string()
      .trim()
      .nullish()
      .transform((s) => (s ? s : null))
      .refine((s) => s === null || isPhoneNumber(s), zmsg('field.phone')),
  int: (label: Label, min: number, max: number) =>
    z
      .number()
      .int(zmsg('field.integer', { label: labelKeyOf(label) }))
      .min(min, zmsg('field.min', { label: labelKeyOf(label), min }))
      .max(max, zmsg('field.max', { label: labelKeyOf(label), max })),
  /** A budget year. */
  year: () => rules.int('Året', 2000, 2100),
  /** Money: a non-negative whole number of øre, at most `max` (10 billion kroner unless said). */
  ore: (label: Label, max: number = MONEY_LIMITS.maxAmountOre) =>
    z
      .number()
      .refine((n) => Number.isSafeInteger(n) && n >= 0, zmsg('field.ore', { label: labelKeyOf(label) }))
      .refine((n) => n <= max, zmsg('field.oreMax', { label: labelKeyOf(label), max: formatOre(max) })),
};

export const paging = z.object({
  limit: z.number().int().min(1, zmsg('paging.limitMin')).max(500, zmsg('paging.limitMax')).default(50),
  offset: z.number().int().min(0, zmsg('paging.offsetMin')).default(0),
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
  return parseInput(rules.optionalIsoDate('Dato'), asOf ?? null, 'asOf') ?? todayInNorway();
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Text PostgreSQL cannot store, or that is not text at all: a NUL character, or half of a UTF-16
 * surrogate pair (a lone surrogate makes invalid JSON in the audit trail). Null when `text` is fine.
 */
export function unstorableText(text: string): ServerMessageKey | null {
  if (text.includes('\u0000')) return 'field.unstorableNul';
  if (LONE_SURROGATE.test(text)) return 'field.unstorableSurrogate';
  return null;
}

function findUnstorable(value: unknown, path: string[]): { field: string; message: ServerMessageKey } | null {
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
  if (found) throw badInput(found.field, found.message);
}
