import { ApolloServer } from '@apollo/server';
import type { DataSource, Logger } from 'typeorm';
import { createContext, type AppContext } from '../../src/app/context';
import type { AuthUser } from '../../src/app/auth';
import type { Grant } from '@samordna/domain';
import { apolloConfig } from '../../src/wiring/http';
import { buildAppSchema } from '../../src/wiring/schema';
import { createDataSource } from '../../src/database/data-source';
import { createTestDatabase, type TestDatabase } from './test-db';
import { withCurrentVersions } from './versions';
import type { GqlResult } from './gql-result';

export { DATA_DIR } from './test-db';
export type { GqlResult } from './gql-result';

/** Counts the SQL statements TypeORM sends, to prove list queries do not grow with rows. */
export class CountingLogger implements Logger {
  count = 0;
  statements: string[] = [];
  logQuery(query: string) {
    this.count += 1;
    this.statements.push(query);
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
  reset() {
    this.count = 0;
    this.statements = [];
  }
}

/** The user tests act as unless they say otherwise: a national administrator. */
export const ADMIN: AuthUser = {
  id: '00000000-0000-4000-8000-0000000000a1',
  email: 'test-admin@samordna.example',
  name: 'Test Administrator',
  grants: [{ role: 'ADMIN' }],
};

/** A test user with the given grants (not stored: the context carries it, as a session would). */
export function userWith(name: string, ...grants: Grant[]): AuthUser {
  return {
    id: `00000000-0000-4000-8000-${String(Math.abs([...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 7)))
      .padStart(12, '0')
      .slice(0, 12)}`,
    email: `${name}@samordna.example`,
    name,
    grants,
  };
}

export interface TestApp {
  db: TestDatabase;
  ds: DataSource;
  sql: CountingLogger;
  /** Runs an operation through Apollo (formatError included), with a fresh context per call like a request. */
  /**
   * `as`: the signed-in user (ADMIN by default; null = anonymous). Versioned updates without
   * `expectedVersion` get the record's current version, as a client that just read it would send
   * (see versions.ts); `rawVersion: true` sends the query as it is.
   */
  // Without a type argument the answer is read as `any`, which ~400 reads in the integration tests
  // still rely on (issue 18); new tests pass the shape they read: gql<{ contacts: { items: … } }>().
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { as?: AuthUser | null; rawVersion?: boolean },
  ): Promise<GqlResult<T>>;
  close(): Promise<void>;
}

/**
 * A real database of its own, migrated (and seeded unless asked not to), with the real schema.
 * The database is a copy of the run's template (global-setup.ts): nothing is migrated or seeded here.
 */
export async function createTestApp(
  options: { seed?: boolean; label?: string; poolSize?: number } = {},
): Promise<TestApp> {
  const db = await createTestDatabase(options.label, (options.seed ?? true) ? 'seeded' : 'migrated');
  const sql = new CountingLogger();
  const ds = createDataSource(db.url, { logger: sql, poolSize: options.poolSize ?? 4 });
  await ds.initialize();
  const apollo = new ApolloServer<AppContext>(apolloConfig(await buildAppSchema(), false));
  await apollo.start();
  return {
    db,
    ds,
    sql,
    async gql(query, variables, options) {
      const sent = options?.rawVersion ? query : await withCurrentVersions(ds, query, variables);
      const response = await apollo.executeOperation(
        { query: sent, variables },
        { contextValue: createContext(ds, { auth: options?.as === undefined ? ADMIN : options.as }) },
      );
      if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
      return response.body.singleResult as GqlResult<never>;
    },
    async close() {
      await apollo.stop();
      await ds.destroy();
      await db.drop();
    },
  };
}
