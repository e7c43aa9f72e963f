import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import compression from 'compression';
import helmet from 'helmet';
import express, { type Express } from 'express';
import { existsSync } from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import type { GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import { createContext, defaultSettings, type AppContext, type RuntimeSettings } from '../app/context';
import {
  ErrorCode,
  INTERNAL_MESSAGE,
  debugFormatError,
  formatError,
  logInternalError,
  errorLoggingPlugin,
} from '../app/errors';
import { randomUUID } from 'node:crypto';
import { exportRouter } from '../modules/cost-sharing/cost.export';
import { armor, budgetPlugin, costLimitPlugin, fieldGuardPlugin, LIMITS } from '../app/limits';
import { checkStorableArgs } from '../app/validation';
import { authenticate, authenticateWithVersion } from '../modules/auth/auth.service';
import {
  availabilityCode,
  availabilityErrorHandler,
  availabilityPlugin,
  createInFlightTracker,
  isStopping,
  unavailableError,
  type InFlightTracker,
} from './availability';
import { calendarRouter } from '../modules/reminders/calendar';
import { documentsRouter } from '../modules/documents/documents.router';
import { reachExportRouter } from '../modules/exports/exports.router';
import { responseCache, responseCachePlugin, type CacheLocals } from './response-cache';

export interface HttpOptions {
  production: boolean;
  dashboardDir: string;
  dataFilesDir: string;
  /** SAMORDNA_DEBUG_ERRORS=1: error answers carry stack traces and internal messages (never in production use). */
  debugErrors?: boolean;
  /** Express `trust proxy` (SAMORDNA_TRUST_PROXY): behind a reverse proxy, the client's address comes from X-Forwarded-For. */
  trustProxy?: string | null;
}

/** Helmet with the dashboard's content security policy, for every route. */
export function securityHeaders(): express.RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
  });
}

/** body-parser's error types, and the stable code each answers with. */
const BODY_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  'entity.too.large': {
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    message: 'Forespørselen er for stor (grensen er 1 MB).',
  },
  'entity.parse.failed': { status: 400, code: 'MALFORMED_JSON', message: 'Forespørselen er ikke gyldig JSON.' },
  'encoding.unsupported': { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Tegnkodingen støttes ikke.' },
  'charset.unsupported': {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'Tegnsettet støttes ikke (bruk UTF-8).',
  },
};

/** The last express error handler: JSON `{ errors: [{ message, extensions: { code } }] }`, never an HTML page or a stack trace. */
export function jsonErrorHandler(debug: boolean): express.ErrorRequestHandler {
  return (error, _req, res, next) => {
    if (res.headersSent) return next(error);
    const e = error as { type?: string; status?: number; statusCode?: number; stack?: string };
    const known = e.type ? BODY_ERRORS[e.type] : undefined;
    const status = known?.status ?? e.status ?? e.statusCode ?? 500;
    let body;
    if (known) body = { message: known.message, extensions: { code: known.code } };
    else if (status >= 400 && status < 500)
      body = { message: 'Ugyldig forespørsel.', extensions: { code: 'BAD_REQUEST' } };
    else {
      const requestId = randomUUID();
      logInternalError('http', requestId, error);
      body = { message: INTERNAL_MESSAGE, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, requestId } };
    }
    if (debug) Object.assign(body.extensions, { stacktrace: String(e.stack ?? error).split('\n') });
    res
      .status(status)
      .type('application/json; charset=utf-8')
      .send(JSON.stringify({ errors: [body] }));
  };
}

/**
 * The one HTTP app: GraphQL at /graphql, the map boundaries at /geo, the built dashboard
 * at /. Returns a function that makes it ready once the database is up; until then every
 * request gets 503 with a plain explanation.
 */
export function createHttpApp(options: HttpOptions): { app: Express; attach(ready: Ready): void; inFlight: InFlight } {
  const app = express();
  app.disable('x-powered-by');
  // The same security headers on every answer: dashboard, /graphql, /export, /geo.
  app.use(securityHeaders());
  // Behind the reverse proxy, sign-in throttling per address needs the client's address, not the proxy's.
  if (options.trustProxy)
    app.set('trust proxy', /^\d+$/.test(options.trustProxy) ? Number(options.trustProxy) : options.trustProxy);
  app.use(compression());
  let ready: Ready | null = null;

  // Liveness: the process is alive and its event loop answers (a restart would not help otherwise).
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  // Readiness: send traffic here only when the database answers and no migration is pending.
  app.get('/readyz', async (_req, res) => {
    const status = await readiness(ready, isStopping());
    res.status(status === 'ready' ? 200 : 503).json({ status });
  });

  const inFlight = createInFlightTracker();
  app.use(inFlight.middleware);

  app.use((req, res, next) => {
    if (ready) return next();
    res.status(503).type('text/plain; charset=utf-8').send('Samordna starter … prøv igjen om et øyeblikk.');
  });

  // Routes are added once the server is ready (below); the router is mounted now to keep their order.
  const router = express.Router();
  app.use(router);

  const geoDir = path.join(options.dataFilesDir, 'geo');
  app.use('/geo', express.static(geoDir, { maxAge: options.production ? '1d' : 0, index: false }));
  app.use(availabilityErrorHandler);
  // Errors before GraphQL (a body over 1 MB, malformed JSON) and any other failure: JSON with a stable code.
  app.use(jsonErrorHandler(options.debugErrors ?? false));

  return {
    app,
    attach(r: Ready) {
      const settings = r.settings ?? defaultSettings();
      // Coverage and cost answers are kept per data version and viewer (response-cache.ts).
      router.use(
        '/graphql',
        express.json({ limit: '1mb' }),
        responseCache(r.dataSource, (cookie) => authenticateWithVersion(r.dataSource, cookie, settings)),
        r.graphqlMiddleware,
      );
      // Exports are computed for the signed-in user: what they may see of extra charges differs.
      router.use(
        '/export',
        exportRouter(r.dataSource, (req) => authenticate(r.dataSource, req.headers.cookie, settings)),
      );
      if (r.oidcRouter) router.use('/auth/oidc', r.oidcRouter);
      router.use('/calendar', calendarRouter(r.dataSource, { publicUrl: settings.publicUrl }));
      router.use(
        '/export',
        reachExportRouter(r.dataSource, (req) => authenticate(r.dataSource, req.headers.cookie, settings)),
      );
      router.use(
        '/documents',
        documentsRouter(r.dataSource, (req) => authenticate(r.dataSource, req.headers.cookie, settings)),
      );
      if (existsSync(path.join(options.dashboardDir, 'index.html'))) {
        router.use(express.static(options.dashboardDir, { index: 'index.html' }));
        // Client-side routes: every other GET that accepts HTML gets the app shell.
        router.get(/^\/(?!graphql|geo|healthz|readyz|export|calendar|documents).*/, (req, res, next) => {
          if (!req.accepts('html')) return next();
          res.sendFile(path.join(options.dashboardDir, 'index.html'));
        });
      } else {
        router.get('/', (_req, res) => {
          res
            .type('text/plain; charset=utf-8')
            .send('The dashboard is not built. Run `pnpm build` (or `pnpm start`, which builds it).');
        });
      }
      ready = r;
    },
    inFlight,
  };
}

export type InFlight = InFlightTracker;

/** What /readyz answers: ready, or why not (starting, stopping, database unavailable, migrations pending). */
async function readiness(ready: Ready | null, stopping: boolean): Promise<string> {
  if (stopping) return 'stopping';
  if (!ready) return 'starting';
  let timer: NodeJS.Timeout | undefined;
  try {
    const pending = await Promise.race([
      ready.dataSource.showMigrations(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('readiness check timed out')), 3000);
      }),
    ]);
    return pending ? 'migrations pending' : 'ready';
  } catch {
    return 'database unavailable';
  } finally {
    clearTimeout(timer);
  }
}

export interface Ready {
  dataSource: DataSource;
  graphqlMiddleware: express.RequestHandler;
  settings?: RuntimeSettings;
  /** OpenID Connect sign-in (/auth/oidc/login, /callback, /logout), when configured. */
  oidcRouter?: express.Router;
}

/** The Apollo options shared by the HTTP server and the tests: limits, masking, CSRF prevention. */
export function apolloConfig(schema: GraphQLSchema, production: boolean, debugErrors = false) {
  const protection = armor();
  return {
    schema,
    formatError: debugErrors ? debugFormatError : formatError,
    includeStacktraceInErrorResponses: debugErrors,
    introspection: !production,
    csrfPrevention: true,
    // A document over the token limit is a parse failure (400 GRAPHQL_PARSE_FAILED), refused before it is parsed further.
    parseOptions: { maxTokens: LIMITS.maxTokens },
    validationRules: protection.validationRules,
    allowBatchedHttpRequests: false,
    // No landing page: it loads scripts from elsewhere, which the security headers refuse. Any GraphQL client works.
    plugins: [
      ...protection.plugins,
      costLimitPlugin(schema),
      fieldGuardPlugin(checkStorableArgs),
      budgetPlugin(),
      availabilityPlugin<AppContext>(),
      errorLoggingPlugin(),
      ApolloServerPluginLandingPageDisabled(),
      responseCachePlugin(),
    ],
  };
}

export async function createApollo(
  schema: GraphQLSchema,
  httpServer: http.Server,
  production: boolean,
  debugErrors = false,
): Promise<ApolloServer<AppContext>> {
  const config = apolloConfig(schema, production, debugErrors);
  // main.ts owns SIGTERM/SIGINT (drain, grace period, cancel, then apollo.stop()): Apollo's own
  // signal handler would start a second, concurrent stop, which left the process hanging.
  const apollo = new ApolloServer<AppContext>({
    ...config,
    stopOnTerminationSignals: false,
    plugins: [...config.plugins, ApolloServerPluginDrainHttpServer({ httpServer })],
  });
  await apollo.start();
  return apollo;
}

export function graphqlMiddleware(
  apollo: ApolloServer<AppContext>,
  dataSource: DataSource,
  settings: RuntimeSettings = defaultSettings(),
): express.RequestHandler {
  return expressMiddleware(apollo, {
    context: async ({ req, res }) => {
      const locals = res.locals as CacheLocals;
      let auth;
      try {
        // The response cache has looked the session up already for the queries it keeps.
        auth = 'auth' in locals ? locals.auth : await authenticate(dataSource, req.headers.cookie, settings);
      } catch (error) {
        // The session lookup is the first query: with the database away, answer 503, not 500.
        const code = availabilityCode(error);
        if (code) throw unavailableError(code);
        throw error;
      }
      return createContext(dataSource, {
        auth,
        res,
        ip: req.ip ?? 'unknown',
        userAgent: req.headers['user-agent'] ?? null,
        settings,
        dataVersion: locals.dataVersion,
      });
    },
  });
}
