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
import { createContext, defaultSettings, type AppContext, type RuntimeSettings } from './context';
import { formatError } from './errors';
import { exportRouter } from '../modules/cost-sharing/cost.export';
import { armor, costLimitPlugin } from './limits';
import { authenticate } from '../modules/auth/auth.service';
import { availabilityCode, availabilityErrorHandler, availabilityPlugin, createInFlightTracker, isStopping, unavailableError, type InFlightTracker } from './availability';

export interface HttpOptions {
  production: boolean;
  dashboardDir: string;
  dataFilesDir: string;
  /** Express `trust proxy` (SAMORDNA_TRUST_PROXY): behind a reverse proxy, the client's address comes from X-Forwarded-For. */
  trustProxy?: string | null;
}

/**
 * The one HTTP app: GraphQL at /graphql, the map boundaries at /geo, the built dashboard
 * at /. Returns a function that makes it ready once the database is up; until then every
 * request gets 503 with a plain explanation.
 */
export function createHttpApp(options: HttpOptions): { app: Express; attach(ready: Ready): void; inFlight: InFlight } {
  const app = express();
  app.disable('x-powered-by');
  // Behind the reverse proxy, sign-in throttling per address needs the client's address, not the proxy's.
  if (options.trustProxy) app.set('trust proxy', /^\d+$/.test(options.trustProxy) ? Number(options.trustProxy) : options.trustProxy);
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

  return {
    app,
    attach(r: Ready) {
      const settings = r.settings ?? defaultSettings();
      router.use('/graphql', express.json({ limit: '1mb' }), r.graphqlMiddleware);
      // Exports are computed for the signed-in user: what they may see of extra charges differs.
      router.use('/export', exportRouter(r.dataSource, (req) => authenticate(r.dataSource, req.headers.cookie, settings)));
      if (r.oidcRouter) router.use('/auth/oidc', r.oidcRouter);
      if (existsSync(path.join(options.dashboardDir, 'index.html'))) {
        // Security headers for the dashboard (the GraphQL endpoint answers JSON only).
        const headers = helmet({
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
        router.use(headers, express.static(options.dashboardDir, { index: 'index.html' }));
        // Client-side routes: every other GET that accepts HTML gets the app shell.
        router.get(/^\/(?!graphql|geo|healthz|readyz|export).*/, headers, (req, res, next) => {
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
export function apolloConfig(schema: GraphQLSchema, production: boolean) {
  const protection = armor();
  return {
    schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: !production,
    csrfPrevention: true,
    validationRules: protection.validationRules,
    allowBatchedHttpRequests: false,
    plugins: [...protection.plugins, costLimitPlugin(schema), availabilityPlugin<AppContext>(), ...(production ? [ApolloServerPluginLandingPageDisabled()] : [])],
  };
}

export async function createApollo(
  schema: GraphQLSchema,
  httpServer: http.Server,
  production: boolean,
): Promise<ApolloServer<AppContext>> {
  const config = apolloConfig(schema, production);
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

export function graphqlMiddleware(apollo: ApolloServer<AppContext>, dataSource: DataSource, settings: RuntimeSettings = defaultSettings()): express.RequestHandler {
  return expressMiddleware(apollo, {
    context: async ({ req, res }) => {
      let auth;
      try {
        auth = await authenticate(dataSource, req.headers.cookie, settings);
      } catch (error) {
        // The session lookup is the first query: with the database away, answer 503, not 500.
        const code = availabilityCode(error);
        if (code) throw unavailableError(code);
        throw error;
      }
      return createContext(dataSource, { auth, res, ip: req.ip ?? 'unknown', userAgent: req.headers['user-agent'] ?? null, settings });
    },
  });
}
