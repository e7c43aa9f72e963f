import { GraphQLError } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import type express from 'express';

/**
 * When the database is away (stopped, restarting, crashed, unreachable) or the server is stopping,
 * clients get a clear, retryable answer with a stable code and HTTP 503, never a masked internal
 * error. The server itself keeps running: the connection pool reconnects by itself once PostgreSQL
 * answers again.
 */
export const AvailabilityCode = {
  /** PostgreSQL cannot be reached right now; retry after a short pause (Retry-After). */
  DATABASE_UNAVAILABLE: 'DATABASE_UNAVAILABLE',
  /** The server is stopping (SIGTERM) and cut this request short: its transaction was rolled back. */
  SHUTTING_DOWN: 'SHUTTING_DOWN',
} as const;
export type AvailabilityCode = (typeof AvailabilityCode)[keyof typeof AvailabilityCode];

export const RETRY_AFTER_SECONDS = 2;

const MESSAGES: Record<AvailabilityCode, string> = {
  DATABASE_UNAVAILABLE: 'Databasen er midlertidig utilgjengelig. Prøv igjen om litt.',
  SHUTTING_DOWN: 'Tjenesten starter på nytt, og forespørselen ble avbrutt uten at noe ble lagret. Prøv igjen om litt.',
};

// Node socket errors and PostgreSQL SQLSTATEs that mean "the connection is gone or cannot be made":
// class 08 (connection exception), 57P01–57P03 (admin/crash shutdown, cannot connect now), 53300 (too many connections).
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);
// What node-postgres and its pool say when a connection breaks or cannot be had in time, and
// TypeORM's follow-on when a transaction's connection broke under it (seen in the soak's restarts).
const CONNECTION_MESSAGES =
  /Connection terminated|query runner was already released|Query runner already released|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|is not queryable|Connection is not established|the database system is (starting up|shutting down|in recovery|not yet accepting)/i;
/** query_canceled: the server cancels its own statements when the shutdown grace period is over. */
const QUERY_CANCELED = '57014';

let stopping = false;
/** The process is shutting down: statements cancelled from now on are reported as SHUTTING_DOWN. */
export function markStopping(): void {
  stopping = true;
}
export function isStopping(): boolean {
  return stopping;
}

function causes(error: unknown, depth = 0): unknown[] {
  if (!error || typeof error !== 'object' || depth > 6) return [];
  const e = error as { driverError?: unknown; originalError?: unknown; cause?: unknown; errors?: unknown };
  const nested = [e.driverError, e.originalError, e.cause, ...(Array.isArray(e.errors) ? e.errors : [])].filter(
    (x) => x && x !== error,
  );
  return [error, ...nested.flatMap((x) => causes(x, depth + 1))];
}

/** The availability code for an error from the database layer, or null for any other error. */
export function availabilityCode(error: unknown): AvailabilityCode | null {
  const all = causes(error);
  if (all.some((e) => (e as { extensions?: { code?: unknown } }).extensions?.code === AvailabilityCode.SHUTTING_DOWN))
    return AvailabilityCode.SHUTTING_DOWN;
  if (
    all.some(
      (e) => (e as { extensions?: { code?: unknown } }).extensions?.code === AvailabilityCode.DATABASE_UNAVAILABLE,
    )
  )
    return AvailabilityCode.DATABASE_UNAVAILABLE;
  if (stopping && all.some((e) => (e as { code?: unknown }).code === QUERY_CANCELED))
    return AvailabilityCode.SHUTTING_DOWN;
  const unavailable = all.some((e) => {
    const { code, message } = e as { code?: unknown; message?: unknown };
    return (
      (typeof code === 'string' && CONNECTION_CODES.has(code)) ||
      (typeof message === 'string' && CONNECTION_MESSAGES.test(message))
    );
  });
  if (unavailable) return stopping ? AvailabilityCode.SHUTTING_DOWN : AvailabilityCode.DATABASE_UNAVAILABLE;
  return null;
}

/** A GraphQL error with the stable code, `retryable: true` and HTTP 503 with Retry-After. */
export function unavailableError(code: AvailabilityCode): GraphQLError {
  return new GraphQLError(MESSAGES[code], {
    extensions: {
      code,
      retryable: true,
      http: { status: 503, headers: new Map([['retry-after', String(RETRY_AFTER_SECONDS)]]) },
    },
  });
}

/** The formatted error clients see (extensions without the HTTP part, which Apollo applies to the response). */
export function formattedUnavailable(code: AvailabilityCode, at: { locations?: unknown; path?: unknown } = {}) {
  return {
    message: MESSAGES[code],
    ...(at.locations ? { locations: at.locations } : {}),
    ...(at.path ? { path: at.path } : {}),
    extensions: { code, retryable: true },
  };
}

/** Any response that carries an availability error is a 503 with Retry-After, even with partial data. */
export function availabilityPlugin<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const codes = (response.body.singleResult.errors ?? []).map((e) => e.extensions?.code);
          if (codes.some((c) => c === AvailabilityCode.DATABASE_UNAVAILABLE || c === AvailabilityCode.SHUTTING_DOWN)) {
            response.http.status = 503;
            response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
          }
        },
      };
    },
  };
}

/** Express error handler for the non-GraphQL routes (exports, sign-in redirects): 503 JSON instead of 500. */
export const availabilityErrorHandler: express.ErrorRequestHandler = (error, _req, res, next) => {
  const code = availabilityCode(error);
  if (!code || res.headersSent) return next(error);
  res
    .status(503)
    .set('retry-after', String(RETRY_AFTER_SECONDS))
    .json({ errors: [formattedUnavailable(code)] });
};

/**
 * Counts the requests in flight, so a stopping server can wait for them (within a grace period)
 * and knows when the last one has been answered.
 */
export interface InFlightTracker {
  middleware: express.RequestHandler;
  /** Resolves true once no request is in flight, or false after `ms`. */
  idle(ms: number): Promise<boolean>;
  inFlight(): number;
}

export function createInFlightTracker(): InFlightTracker {
  let count = 0;
  const waiters = new Set<() => void>();
  const middleware: express.RequestHandler = (_req, res, next) => {
    count += 1;
    // While stopping, keep-alive connections are closed after their answer.
    if (stopping) res.setHeader('connection', 'close');
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      count -= 1;
      if (count === 0) for (const w of [...waiters]) w();
    };
    res.once('finish', finish);
    res.once('close', finish);
    next();
  };
  const idle = (ms: number): Promise<boolean> =>
    new Promise((resolve) => {
      if (count === 0) return resolve(true);
      const done = (result: boolean) => {
        clearTimeout(timer);
        waiters.delete(onIdle);
        resolve(result);
      };
      const onIdle = () => done(true);
      const timer = setTimeout(() => done(false), ms);
      waiters.add(onIdle);
    });
  return { middleware, idle, inFlight: () => count };
}
