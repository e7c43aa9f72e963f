import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { availabilityCode, formattedUnavailable } from './availability';

/** Stable error codes clients may rely on (extensions.code). */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  TOO_MANY_ATTEMPTS: 'TOO_MANY_ATTEMPTS',
  /** Free text holding what must never be stored (identity numbers; phone, e-mail, addresses where not allowed). */
  PERSONAL_DATA_IN_FREE_TEXT: 'PERSONAL_DATA_IN_FREE_TEXT',
  /** Sign-in needs a code from the authenticator app (extensions.challenge), or setting one up first. */
  TOTP_REQUIRED: 'TOTP_REQUIRED',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

/** Codes passed through to clients; everything else is masked as an internal error. */
const PUBLIC_CODES = new Set<string>([
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.NOT_FOUND,
  ErrorCode.CONFLICT,
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.FORBIDDEN,
  ErrorCode.TOO_MANY_ATTEMPTS,
  ErrorCode.PERSONAL_DATA_IN_FREE_TEXT,
  ErrorCode.TOTP_REQUIRED,
]);
const PUBLIC_PREFIXES = ['GRAPHQL_', 'PERSISTED_QUERY_', 'OPERATION_RESOLUTION_FAILURE', 'BAD_REQUEST', 'QUERY_TOO_COMPLEX', 'TOO_MANY_'];

/** Bad input: names the field (dotted path inside the arguments) the message concerns. */
export function badInput(field: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, field } });
}

/**
 * A binding term of an agreement in force cannot be changed directly: it changes by an amendment the
 * parties approve. BAD_USER_INPUT at the field, with `reason: AMENDMENT_REQUIRED` for clients.
 */
export function amendmentRequired(field: string, what = 'Vilkårene'): GraphQLError {
  return new GraphQLError(`Avtalen er i kraft. ${what} endres ved et endringsforslag som de berørte partene godkjenner.`, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, field, reason: 'AMENDMENT_REQUIRED' },
  });
}

/** `text` for use inside a LIKE/ILIKE pattern: its %, _ and \ match themselves. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function notFound(entity: string, key: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.NOT_FOUND, entity, key } });
}

function isPublicCode(code: unknown): code is string {
  return typeof code === 'string' && (PUBLIC_CODES.has(code) || PUBLIC_PREFIXES.some((p) => code.startsWith(p)));
}

/**
 * Apollo formatError: stable codes go through (without stack traces); the database being away
 * becomes DATABASE_UNAVAILABLE (or SHUTTING_DOWN while stopping); anything else
 * (SQL errors, bugs) becomes a masked INTERNAL_SERVER_ERROR and is logged on the server.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (isPublicCode(code)) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  // The database is away or the server is stopping: a retryable 503 (see availability.ts), not a bug.
  const unavailable = availabilityCode(error);
  if (unavailable) return formattedUnavailable(unavailable, formatted) as GraphQLFormattedError;
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  console.error('[graphql] internal error:', original);
  return {
    message: 'Det oppstod en intern feil. Prøv igjen, eller kontakt administrator om feilen vedvarer.',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}

export interface Blocker {
  entity: string;
  id: string;
  label: string;
}

/** The record is in use: says what blocks the change, so the user can deal with it first. */
export function inUse(message: string, blockedBy: Blocker[]): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.CONFLICT, blockedBy } });
}

export function conflict(message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.CONFLICT, ...extra } });
}
