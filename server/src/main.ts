import 'reflect-metadata';
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import type { ApolloServer } from '@apollo/server';
import type { DataSource } from 'typeorm';
import { ConfigError, loadConfig, type AppConfig } from './config/env';
import { buildAppSchema } from './wiring/schema';
import { createApollo, createHttpApp, graphqlMiddleware } from './wiring/http';
import type { AppContext } from './app/context';
import { openDatabase, prepareDatabase, type DatabaseHandle } from './database/runtime';
import { scheduleHousekeeping } from './database/housekeeping';
import { createOidcRouter } from './modules/auth/oidc';
import { markStopping } from './wiring/availability';
import { cancelStatements } from './database/cancel';
import { scheduleReminderMails } from './modules/reminders/reminders.mail';
import { countSqlPerRequest } from './wiring/bench-sql-count';
import { onUnhandledRejection } from './app/limits';

/** Active national administrators who are not demo users: none means the first must be made with the CLI. */
async function countAdministrators(ds: DataSource): Promise<number> {
  const [{ n }] = await ds.query(
    `SELECT count(DISTINCT u.id)::int AS n FROM app_user u JOIN user_role r ON r.user_id = u.id WHERE r.role = 'ADMIN' AND u.active AND NOT u.is_example`,
  );
  return n;
}

/** What the start-up message says about signing in: demo users on a laptop, the first administrator elsewhere. */
function signInLines(config: AppConfig, administrators: number): string[] {
  const lines: string[] = [];
  if (config.demoUsers) {
    lines.push(
      '  Sign-in:   DEMO USERS for local use (admin@samordna.example and one per role; passwords in README.md).',
      `             Listening on ${config.host} only. Never run like this with real data: set NODE_ENV=production.`,
    );
  } else {
    lines.push(`  Sign-in:   no demo users${config.production ? ' (production)' : ''}.`);
    if (administrators === 0)
      lines.push(
        '             No administrator yet: create the first with `pnpm admin:create` (see README.md, «Onboarding»).',
      );
  }
  if (config.oidc) lines.push(`  SSO:       ${config.oidc.displayName} (${config.oidc.issuer})`);
  lines.push(
    `  Mail:      ${config.mail ? 'invitations and reset links are mailed' : 'not set up (SMTP_URL): invitation and reset links are shown once to the one who makes them'}`,
  );
  return lines;
}

/** Exits with a message that says what to do, never a stack trace, never a password. */
function fail(message: string, code = 1): never {
  console.error(`\nSamordna could not start: ${message}\n`);
  process.exit(code);
}

function listen(server: http.Server, config: AppConfig): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(config.port, config.host);
  });
}

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }

  const started = Date.now();
  const { app, attach, inFlight } = createHttpApp(config);
  // Unique per process (replicas may share a pid in their containers): on shutdown this process
  // cancels its own statements and no other's.
  const applicationName = `samordna-${randomBytes(4).toString('hex')}`;
  const httpServer = http.createServer(countSqlPerRequest(app));

  // Take the port first: a port in use is the commonest failure and costs nothing to find.
  try {
    await listen(httpServer, config);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e.code === 'EADDRINUSE') {
      fail(
        `port ${config.port} is already in use by another program. Stop it, or choose another port: PORT=${config.port + 1} pnpm start`,
      );
    }
    if (e.code === 'EACCES') fail(`not allowed to listen on port ${config.port}. Choose a port above 1024 with PORT=…`);
    throw error;
  }

  let dbPromise: Promise<DatabaseHandle> | null = null;
  let dataSource: DataSource | null = null;
  let apollo: ApolloServer<AppContext> | null = null;
  let stopping: Promise<void> | null = null;
  let stopHousekeeping: (() => void) | null = null;
  let stopReminders: (() => void) | null = null;

  const shutdown = (reason: string, exitCode: number) => {
    stopping ??= (async () => {
      console.log(`\n${reason}: stopping Samordna …`);
      // Readiness turns 503 and answers close their keep-alive connections; no new connections.
      markStopping();
      stopHousekeeping?.();
      stopReminders?.();
      httpServer.close();
      httpServer.closeIdleConnections();
      // In-flight requests may finish within the grace period. After it, their statements are
      // cancelled: each transaction rolls back and its client is told SHUTTING_DOWN (503, retry),
      // so no write is acknowledged that is not there.
      if (!(await inFlight.idle(config.shutdownGraceMs))) {
        const db = await dbPromise?.catch(() => null);
        console.log(
          `${inFlight.inFlight()} request(s) still running after the grace period of ${config.shutdownGraceMs} ms: cancelling them.`,
        );
        for (let i = 0; i < 10 && db && inFlight.inFlight() > 0; i++) {
          await cancelStatements(db.url, applicationName);
          await inFlight.idle(500);
        }
      }
      httpServer.closeAllConnections();
      await apollo?.stop().catch(() => undefined);
      await dataSource?.destroy().catch(() => undefined);
      const db = await dbPromise?.catch(() => null);
      await db?.stop();
      console.log('Stopped.');
      process.exit(exitCode);
    })();
    return stopping;
  };
  process.on('unhandledRejection', (reason) => onUnhandledRejection(reason));
  process.on('SIGINT', () => void shutdown('SIGINT', 0));
  process.on('SIGTERM', () => void shutdown('SIGTERM', 0));

  try {
    if (!config.databaseUrl) console.log(`Starting embedded PostgreSQL (data directory ${config.dataDir}) …`);
    dbPromise = openDatabase(config);
    const db = await dbPromise;
    if (stopping) return;
    const prepared = await prepareDatabase(db.url, { seed: true, dataFilesDir: config.dataFilesDir, applicationName });
    dataSource = prepared.dataSource;
    if (stopping) return;
    if (prepared.migrations.length) console.log(`Migrations run: ${prepared.migrations.join(', ')}`);
    if (prepared.seeded) {
      const s = prepared.seeded;
      console.log(
        `Reference data loaded: ${s.counties} counties, ${s.municipalities} municipalities, ` +
          `${s.centres} real agreements with ${s.memberships} memberships` +
          (s.national
            ? `, and the national register: ${s.national.centres} crisis centres (${s.national.operatingCentres} in operation), ${s.national.memberships} documented memberships.`
            : '.'),
      );
    }
    const schema = await buildAppSchema();
    apollo = await createApollo(schema, httpServer, config.production, config.debugErrors);
    const settings = {
      production: config.production,
      demoUsers: config.demoUsers,
      publicUrl: config.publicUrl,
      mail: config.mail,
      oidc: config.oidc,
    };
    const oidcRouter = config.oidc ? await createOidcRouter(prepared.dataSource, settings) : undefined;
    attach({
      dataSource: prepared.dataSource,
      graphqlMiddleware: graphqlMiddleware(apollo, prepared.dataSource, settings),
      settings,
      oidcRouter,
    });
    // prepareDatabase ran the retention housekeeping once; a long-running server repeats it daily.
    stopHousekeeping = scheduleHousekeeping(prepared.dataSource);
    // Reminder mails: hourly in every process; a database claim makes each go out once.
    if (config.mail)
      stopReminders = scheduleReminderMails(prepared.dataSource, { mail: config.mail, publicUrl: config.publicUrl });

    const base = `http://localhost:${config.port}`;
    console.log(
      [
        '',
        `Samordna is running (started in ${((Date.now() - started) / 1000).toFixed(1)} s).`,
        `  Dashboard: ${base}/`,
        `  GraphQL:   ${base}/graphql`,
        `  Data:      ${db.description}`,
        ...signInLines(config, await countAdministrators(prepared.dataSource)),
        'Press Ctrl-C to stop.',
        '',
      ].join('\n'),
    );
  } catch (error) {
    if (stopping) return;
    httpServer.close();
    await dataSource?.destroy().catch(() => undefined);
    const db = await dbPromise?.catch(() => null);
    await db?.stop();
    const e = error as { code?: string; message?: string; log?: string };
    if (e.code === 'DATABASE_UNAVAILABLE') fail(e.message ?? 'the database is unavailable');
    if (e.code === 'DATA_FILE_INVALID') {
      fail(
        `a file in ${config.dataFilesDir} is not valid: ${e.message}. The reference data was left as it was; correct the file (or restore it with git) and start again.`,
      );
    }
    if (e.code === 'DATA_DIR_IN_USE') fail(e.message ?? 'the data directory is in use');
    if (e.code === 'EMBEDDED_START_FAILED') {
      if (e.log) console.error(e.log.split('\n').slice(-20).join('\n'));
      fail(`${e.message} See the PostgreSQL log above.`);
    }
    console.error(error);
    fail('an unexpected error happened during start-up (see above).');
  }
}

void main();
