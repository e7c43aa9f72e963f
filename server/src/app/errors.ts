import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { formatServerMessage, msg, type ServerMessage, type ServerMessageKey } from '@samordna/domain';
import { availabilityCode, formattedUnavailable } from '../wiring/availability';

/** A message by key (a ServerMessage, or a key without params). */
export type MessageLike = ServerMessage | ServerMessageKey;

const asMessage = (m: MessageLike): ServerMessage => (typeof m === 'string' ? msg(m) : m);

/**
 * An error about input or a record: its `message` is the bokmål text of the catalogue
 * (packages/domain server-messages.ts); `extensions.messageKey` and `extensions.params` let a client
 * word it in its own language.
 */
export function keyedError(m: MessageLike, extensions: Record<string, unknown>): GraphQLError {
  const message = asMessage(m);
  return new GraphQLError(formatServerMessage(message), {
    extensions: { ...extensions, messageKey: message.key, params: message.params },
  });
}

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

/** Codes whose errors carry `messageKey` and `params` (see keyedError). */
export const KEYED_CODES = new Set<string>([
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.NOT_FOUND,
  ErrorCode.CONFLICT,
  ErrorCode.PERSONAL_DATA_IN_FREE_TEXT,
]);

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
const PUBLIC_PREFIXES = [
  'GRAPHQL_',
  'PERSISTED_QUERY_',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
  'QUERY_TOO_COMPLEX',
  'QUERY_TIMEOUT',
  'RESPONSE_TOO_LARGE',
  'TOO_MANY_',
];

/** Bad input: names the field (dotted path inside the arguments) the message concerns. */
export function badInput(field: string, message: MessageLike): GraphQLError {
  return keyedError(message, { code: ErrorCode.BAD_USER_INPUT, field });
}

/**
 * A binding term of an agreement in force cannot be changed directly: it changes by an amendment the
 * parties approve. BAD_USER_INPUT at the field, with `reason: AMENDMENT_REQUIRED` for clients.
 */
export function amendmentRequired(
  field: string,
  what: 'theTerms' | 'theParties' | 'theCostModel' = 'theTerms',
): GraphQLError {
  return keyedError(msg('agreement.amendmentRequired', { what }), {
    code: ErrorCode.BAD_USER_INPUT,
    field,
    reason: 'AMENDMENT_REQUIRED',
  });
}

/** `text` for use inside a LIKE/ILIKE pattern: its %, _ and \ match themselves. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function notFound(entity: string, key: string, message: MessageLike): GraphQLError {
  return keyedError(message, { code: ErrorCode.NOT_FOUND, entity, key });
}

function isPublicCode(code: unknown): code is string {
  return typeof code === 'string' && (PUBLIC_CODES.has(code) || PUBLIC_PREFIXES.some((p) => code.startsWith(p)));
}

export const INTERNAL_MESSAGE =
  'Det oppstod en intern feil. Prøv igjen, eller kontakt administrator om feilen vedvarer.';

/** `Variable "$input" got invalid value … at "input.year"; …`: the field is the path inside the variables. */
function coercionField(message: string): string | undefined {
  const m =
    /^Variable "\$([^"]+)" (?:got invalid value [\s\S]*? at "([^"]+)";|got invalid value|of required type|of non-null type|has invalid value)/.exec(
      message,
    );
  if (!m) return undefined;
  return m[2] ?? m[1];
}

/**
 * Apollo formatError: stable codes go through (without stack traces); the database being away
 * becomes DATABASE_UNAVAILABLE (or SHUTTING_DOWN while stopping); anything else (SQL errors, bugs)
 * becomes a masked INTERNAL_SERVER_ERROR (logged by errorLoggingPlugin with a request id).
 * Variable coercion errors (BAD_USER_INPUT from GraphQL itself) name the field too.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (isPublicCode(code)) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    if (code === ErrorCode.BAD_USER_INPUT && extensions.field === undefined) {
      const field = coercionField(formatted.message);
      if (field) extensions.field = field;
    }
    // GraphQL's own refusals (a variable of the wrong type) have no key of ours: a generic one.
    if (KEYED_CODES.has(code) && extensions.messageKey === undefined) {
      extensions.messageKey = 'field.coercion' satisfies ServerMessageKey;
      extensions.params = {};
    }
    return { ...formatted, extensions };
  }
  // The database is away or the server is stopping: a retryable 503 (see availability.ts), not a bug.
  const unavailable = availabilityCode(error);
  if (unavailable) return formattedUnavailable(unavailable, formatted) as GraphQLFormattedError;
  return {
    message: INTERNAL_MESSAGE,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}

/** SAMORDNA_DEBUG_ERRORS=1: internal errors keep their message and stack trace; stable codes as always. */
export function debugFormatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  if (!isPublicCode(formatted.extensions?.code)) return formatted;
  const f = formatError(formatted, error);
  return { ...f, extensions: { ...f.extensions, stacktrace: formatted.extensions?.stacktrace } };
}

/** Quoted values, key details and parameter lists, which may hold what a user typed, are left out of logs. */
function redact(text: string): string {
  return text
    .replace(/"(?:[^"\\]|\\.)*"/g, '"…"')
    .replace(/'(?:[^'\\]|\\.)*'/g, "'…'")
    .replace(/\(([^()]*)\)=\(([^()]*)\)/g, '(…)=(…)');
}

/**
 * Logs an internal error with the request id: its kind, the PostgreSQL code, table and constraint
 * when there are any, the message with quoted values removed, and the stack frames. Never the
 * SQL, its parameters, or the key details of a constraint error (they hold personal data).
 */
export function logInternalError(where: string, requestId: string, error: unknown): void {
  const e = (error ?? {}) as {
    name?: string;
    message?: string;
    stack?: string;
    driverError?: Record<string, unknown>;
    code?: unknown;
  };
  const driver = (e.driverError ?? e) as { code?: unknown; table?: unknown; constraint?: unknown; routine?: unknown };
  const facts = [
    `request ${requestId}`,
    e.name ?? 'Error',
    typeof driver.code === 'string' ? `sqlstate ${driver.code}` : '',
    typeof driver.table === 'string' ? `table ${driver.table}` : '',
    typeof driver.constraint === 'string' ? `constraint ${driver.constraint}` : '',
  ].filter(Boolean);
  const frames = (e.stack ?? '')
    .split('\n')
    .filter((l) => /^\s+at /.test(l))
    .slice(0, 8);
  console.error(
    `[${where}] internal error (${facts.join(', ')}): ${redact(String(e.message ?? error))}${frames.length ? `\n${frames.join('\n')}` : ''}`,
  );
}

/**
 * Logs each internal error of a request once (with the request's id) and gives the masked answer
 * the same id, so a user can report it and an operator find it.
 */
export function errorLoggingPlugin(): ApolloServerPlugin<{ requestId?: string }> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            if (isPublicCode(error.extensions?.code)) continue;
            // The database away or the server stopping is answered 503 (availability.ts), not a bug to log.
            if (availabilityCode(error)) continue;
            logInternalError('graphql', contextValue.requestId ?? 'unknown', error.originalError ?? error);
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single' || !contextValue.requestId) return;
          const result = response.body.singleResult;
          if (!result.errors?.some((e) => e.extensions?.code === ErrorCode.INTERNAL_SERVER_ERROR)) return;
          result.errors = result.errors.map((e) =>
            e.extensions?.code === ErrorCode.INTERNAL_SERVER_ERROR
              ? { ...e, extensions: { ...e.extensions, requestId: contextValue.requestId } }
              : e,
          );
        },
      };
    },
  };
}

export interface Blocker {
  entity: string;
  id: string;
  label: string;
}

/** The record is in use: says what blocks the change, so the user can deal with it first. */
export function inUse(message: MessageLike, blockedBy: Blocker[]): GraphQLError {
  return keyedError(message, { code: ErrorCode.CONFLICT, blockedBy });
}

export function conflict(message: MessageLike, extra: Record<string, unknown> = {}): GraphQLError {
  return keyedError(message, { code: ErrorCode.CONFLICT, ...extra });
}

/**
 * Rules the database enforces with a unique index, by index name: the argument field a violation is
 * reported at (the same path in every mutation that can break it) and what the user is told. A
 * service may check first for a friendlier message; under concurrency the index decides.
 */
export const UNIQUE_RULES: Record<string, { field: string; message: ServerMessageKey }> = {
  UQ_crisis_centre_name_ci: { field: 'input.name', message: 'unique.centreName' },
  UQ_handover_routine_centre_municipality: { field: 'kommunenummer', message: 'unique.routine' },
  UQ_contact_person_contact_point: { field: 'input.isContactPoint', message: 'unique.contactPoint' },
};

/** CONFLICT for a rule in UNIQUE_RULES, with its field (and `extra`, e.g. the existing record). */
export function uniqueConflict(
  rule: keyof typeof UNIQUE_RULES,
  message?: MessageLike,
  extra: Record<string, unknown> = {},
): GraphQLError {
  const r = UNIQUE_RULES[rule];
  return conflict(message ?? r.message, { field: r.field, rule, ...extra });
}

/** The PostgreSQL error (code, constraint) inside what pg or TypeORM threw, if it is one. */
export function pgErrorOf(error: unknown): { code?: string; constraint?: string } | null {
  if (typeof error !== 'object' || error === null) return null;
  const e = error as { code?: unknown; constraint?: unknown; driverError?: { code?: unknown; constraint?: unknown } };
  const code =
    typeof e.code === 'string' ? e.code : typeof e.driverError?.code === 'string' ? e.driverError.code : undefined;
  const constraint =
    typeof e.constraint === 'string'
      ? e.constraint
      : typeof e.driverError?.constraint === 'string'
        ? e.driverError.constraint
        : undefined;
  return code ? { code, constraint } : null;
}

/** A unique violation (23505) as CONFLICT: with the field for a known rule, without for any other. Null for other errors. */
export function databaseConflict(error: unknown): GraphQLError | null {
  if (error instanceof GraphQLError) return null;
  const pg = pgErrorOf(error);
  if (pg?.code !== '23505') return null;
  if (pg.constraint && pg.constraint in UNIQUE_RULES) return uniqueConflict(pg.constraint);
  return conflict('unique.other');
}
