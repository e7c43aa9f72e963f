import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ApolloServer } from '@apollo/server';
import type { AppContext, RuntimeSettings } from '../../src/app/context';
import { createApollo, createHttpApp, graphqlMiddleware, type HttpOptions } from '../../src/wiring/http';
import { buildAppSchema } from '../../src/wiring/schema';
import { newToken, sha256, SESSION_COOKIE } from '../../src/modules/auth/auth.service';
import { DATA_DIR, type GqlResult, type TestApp } from './test-app';

export interface HttpTestApp {
  base: string;
  /** POSTs to /graphql: an object is sent as JSON, a string as it is. */
  post<T = Record<string, unknown>>(
    body: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; headers: Headers; text: string; json: GqlResult<T> | null }>;
  /** A session cookie for a seeded user. */
  sessionOf(email: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The real HTTP app (express, security headers, body limits, Apollo over HTTP) on a free port,
 * over the test app's database, with a stand-in dashboard build.
 */
export async function startHttpApp(app: TestApp, options: Partial<HttpOptions> = {}): Promise<HttpTestApp> {
  const dashboardDir = mkdtempSync(path.join(tmpdir(), 'samordna-dashboard-'));
  writeFileSync(path.join(dashboardDir, 'index.html'), '<!doctype html><title>Samordna</title>');
  const httpOptions: HttpOptions = { production: false, dashboardDir, dataFilesDir: DATA_DIR, ...options };
  const settings: RuntimeSettings = {
    production: false,
    demoUsers: true,
    publicUrl: 'http://localhost',
    mail: null,
    oidc: null,
  };
  const { app: express, attach } = createHttpApp(httpOptions);
  const server = http.createServer(express);
  const apollo: ApolloServer<AppContext> = await createApollo(
    await buildAppSchema(),
    server,
    false,
    httpOptions.debugErrors,
  );
  attach({ dataSource: app.ds, graphqlMiddleware: graphqlMiddleware(apollo, app.ds, settings), settings });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    async post(body, headers = {}) {
      const response = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          ...headers,
        },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await response.text();
      let json: unknown = null;
      try {
        json = JSON.parse(text);
      } catch {
        json = null;
      }
      return { status: response.status, headers: response.headers, text, json: json as GqlResult<never> | null };
    },
    async sessionOf(email) {
      const token = newToken();
      await app.ds.query(
        `INSERT INTO user_session (token_hash, user_id, expires_at)
         SELECT $1, id, now() + interval '1 hour' FROM app_user WHERE email = $2`,
        [sha256(token), email],
      );
      return `${SESSION_COOKIE}=${token}`;
    },
    async close() {
      await apollo.stop();
      rmSync(dashboardDir, { recursive: true, force: true });
    },
  };
}
