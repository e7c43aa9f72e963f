import type { CombinedError } from 'urql';

type GqlError = CombinedError['graphQLErrors'][number];

/**
 * Codes whose meaning does not depend on the message: the dashboard words them itself, from
 * nb.ts/en.ts, in the UI's language (I18nProvider sets the wording). Errors about a field or a
 * record (BAD_USER_INPUT, CONFLICT, NOT_FOUND) keep the server's more specific message.
 */
export const WORDED_ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'TOO_MANY_ATTEMPTS',
  'INTERNAL_SERVER_ERROR',
  'DATABASE_UNAVAILABLE',
  'SHUTTING_DOWN',
  'QUERY_TOO_COMPLEX',
  'QUERY_TIMEOUT',
  'RESPONSE_TOO_LARGE',
] as const;
export type WordedErrorCode = (typeof WORDED_ERROR_CODES)[number];
let wording: ((code: WordedErrorCode) => string | null) | null = null;

/** Set by I18nProvider: how the UI words a code (null keeps the server's message). */
export function setErrorWording(word: typeof wording): void {
  wording = word;
}

/**
 * Errors about input and records (BAD_USER_INPUT, CONFLICT, NOT_FOUND, PERSONAL_DATA_IN_FREE_TEXT)
 * carry `messageKey` and `params`: the UI words them from nb.ts/en.ts (`serverError.<key>`).
 */
type KeyWording = (key: string, params: Record<string, unknown>) => string | null;
let keyWording: KeyWording | null = null;

/** Set by I18nProvider: how the UI words a server messageKey (null for a key it does not know). */
export function setMessageKeyWording(word: KeyWording | null): void {
  keyWording = word;
}

/** A server message in the UI's language when its key is known; else the server's (bokmål) message. */
function keyedMessage(m: { message: string; messageKey?: unknown; params?: unknown }): string {
  if (typeof m.messageKey !== 'string' || !keyWording) return m.message;
  const params = m.params && typeof m.params === 'object' ? (m.params as Record<string, unknown>) : {};
  return keyWording(m.messageKey, params) ?? m.message;
}

/** A row error of an import: a preview's `errors` or a refusal's `rowErrors`. */
export interface RowErrorLike {
  line: number;
  column?: string | null;
  message: string;
  messageKey?: string | null;
  params?: Record<string, unknown> | null;
}

/** A row error of an import in the UI's language when its key is known; else its (bokmål) message. */
export function rowErrorMessage(e: RowErrorLike): string {
  return keyedMessage({ message: e.message, messageKey: e.messageKey, params: e.params });
}

function messageOf(e: GqlError): string {
  const code = e.extensions?.code;
  const worded =
    typeof code === 'string' && (WORDED_ERROR_CODES as readonly string[]).includes(code)
      ? wording?.(code as WordedErrorCode)
      : null;
  return (
    worded ?? keyedMessage({ message: e.message, messageKey: e.extensions?.messageKey, params: e.extensions?.params })
  );
}
/** An error the form shows at its field. */
const atField = (e: GqlError) =>
  (e.extensions?.code === 'BAD_USER_INPUT' || e.extensions?.code === 'CONFLICT') && !!e.extensions?.field;

/** Errors with a field: BAD_USER_INPUT, and CONFLICT with a rule the database holds (a name taken); the argument name dropped ("input.validTo" → "validTo"). */
export function fieldErrors(error: CombinedError | undefined | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of error?.graphQLErrors ?? []) {
    if (!atField(e)) continue;
    // One message per field: the server's `fields` lists every wrong field's first problem, else `field` alone.
    const listed = Array.isArray(e.extensions?.fields)
      ? (e.extensions.fields as { field: string; message: string; messageKey?: unknown; params?: unknown }[])
      : [
          {
            field: e.extensions?.field as string,
            message: e.message,
            messageKey: e.extensions?.messageKey,
            params: e.extensions?.params,
          },
        ];
    for (const listedError of listed) {
      const { field } = listedError;
      const key = typeof field === 'string' ? field.replace(/^(input|terms|filter)\./, '') : null;
      if (key && !(key in out)) out[key] = keyedMessage(listedError);
    }
  }
  return out;
}

/** A message for errors that do not belong to a field. */
export function generalError(error: CombinedError | undefined | null, networkMessage: string): string | null {
  if (!error) return null;
  if (error.networkError) return networkMessage;
  const general = error.graphQLErrors.filter((e) => !atField(e));
  return general[0] ? messageOf(general[0]) : null;
}

/** The record as it is now, sent by the server with a CONFLICT (someone else saved first). */
export function conflictCurrent(
  error: CombinedError | undefined | null,
): (Record<string, unknown> & { version?: number }) | null {
  const e = error?.graphQLErrors.find((g) => g.extensions?.code === 'CONFLICT' && g.extensions?.current);
  return (e?.extensions?.current as Record<string, unknown> & { version?: number }) ?? null;
}

/**
 * The message for a failed query: the network message, or the server's first error of any kind
 * (unlike `generalError`, which leaves field errors to the form's fields).
 */
export function errorMessage(error: CombinedError, networkMessage: string): string {
  if (error.networkError) return networkMessage;
  return error.graphQLErrors[0] ? messageOf(error.graphQLErrors[0]) : networkMessage;
}

/** Someone else saved the record first (the server's CONFLICT). */
export function isConflict(error: CombinedError | undefined | null): boolean {
  return !!error?.graphQLErrors.some((g) => g.extensions?.code === 'CONFLICT');
}

/**
 * Every message a form's general alert should carry: errors that belong to no field, and the field
 * errors of fields the form does not show (`shown` lists those it does), so no refusal goes unseen.
 */
export function unplacedErrors(
  error: CombinedError | undefined | null,
  networkMessage: string,
  shown: readonly string[],
): string[] {
  if (!error) return [];
  if (error.networkError) return [networkMessage];
  const general = error.graphQLErrors.filter((e) => !atField(e)).map(messageOf);
  const unshown = Object.entries(fieldErrors(error))
    .filter(([field]) => !shown.includes(field))
    .map(([, message]) => message);
  return [...general, ...unshown];
}
