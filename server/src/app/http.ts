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
import { calendarRouter } from '../modules/reminders/calendar';
import { documentsRouter } from '../modules/documents/documents.router';
import { reachExportRouter } from '../modules/exports/exports.router';

export interface HttpOptions {
  production: boolean;
  dashboardDir: string;
  dataFilesDir: string;
}

/**
 * The one HTTP app: GraphQL at /graphql, the map boundaries at /geo, the built dashboard
 * at /. Returns a function that makes it ready once the database is up; until then every
 * request gets 503 with a plain explanation.
 */
export function createHttpApp(options: HttpOptions): { app: Express; attach(ready: Ready): void } {
  const app = express();
  app.disable('x-powered-by');
  app.use(compression());
  let ready: Ready | null = null;

  app.get('/healthz', async (_req, res) => {
    if (!ready) {
      res.status(503).json({ status: 'starting' });
      return;
    }
    try {
      await ready.dataSource.query('SELECT 1');
      res.json({ status: 'ok' });
    } catch {
      res.status(503).json({ status: 'database unavailable' });
    }
  });

  app.use((req, res, next) => {
    if (ready) return next();
    res.status(503).type('text/plain; charset=utf-8').send('Samordna starter … prøv igjen om et øyeblikk.');
  });

  // Routes are added once the server is ready (below); the router is mounted now to keep their order.
  const router = express.Router();
  app.use(router);

  const geoDir = path.join(options.dataFilesDir, 'geo');
  app.use('/geo', express.static(geoDir, { maxAge: options.production ? '1d' : 0, index: false }));

  return {
    app,
    attach(r: Ready) {
      const settings = r.settings ?? defaultSettings();
      router.use('/graphql', express.json({ limit: '1mb' }), r.graphqlMiddleware);
      // Exports are computed for the signed-in user: what they may see of extra charges differs.
      router.use('/export', exportRouter(r.dataSource, (req) => authenticate(r.dataSource, req.headers.cookie, settings)));
      if (r.oidcRouter) router.use('/auth/oidc', r.oidcRouter);
      router.use('/calendar', calendarRouter(r.dataSource, { publicUrl: settings.publicUrl }));
      router.use('/export', reachExportRouter(r.dataSource, (req) => authenticate(r.dataSource, req.headers.cookie, settings)));
      router.use('/documents', documentsRouter(r.dataSource, (req) => authenticate(r.dataSource, req.headers.cookie, settings)));
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
        router.get(/^\/(?!graphql|geo|healthz|export|calendar|documents).*/, headers, (req, res, next) => {
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
  };
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
    plugins: [...protection.plugins, costLimitPlugin(schema), ...(production ? [ApolloServerPluginLandingPageDisabled()] : [])],
  };
}

export async function createApollo(
  schema: GraphQLSchema,
  httpServer: http.Server,
  production: boolean,
): Promise<ApolloServer<AppContext>> {
  const config = apolloConfig(schema, production);
  const apollo = new ApolloServer<AppContext>({ ...config, plugins: [...config.plugins, ApolloServerPluginDrainHttpServer({ httpServer })] });
  await apollo.start();
  return apollo;
}

export function graphqlMiddleware(apollo: ApolloServer<AppContext>, dataSource: DataSource, settings: RuntimeSettings = defaultSettings()): express.RequestHandler {
  return expressMiddleware(apollo, {
    context: async ({ req, res }) =>
      createContext(dataSource, {
        auth: await authenticate(dataSource, req.headers.cookie, settings),
        res,
        ip: req.ip ?? 'unknown',
        userAgent: req.headers['user-agent'] ?? null,
        settings,
      }),
  });
}
