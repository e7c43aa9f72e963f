import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import type { DataSource, Logger } from 'typeorm';
import { createContext, type AppContext } from '../../src/app/context';
import { apolloConfig } from '../../src/app/http';
import { buildAppSchema } from '../../src/app/schema';
import { createDataSource } from '../../src/database/data-source';
import { migrate } from '../../src/database/runtime';
import { seed } from '../../src/database/seeds/seed';
import { createTestDatabase, type TestDatabase } from './test-db';

export const DATA_DIR = path.resolve(__dirname, '..', '..', '..', 'data');

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

export interface GqlResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface TestApp {
  db: TestDatabase;
  ds: DataSource;
  sql: CountingLogger;
  /** Runs an operation through Apollo (formatError included), with a fresh context per call like a request. */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GqlResult<T>>;
  close(): Promise<void>;
}

/** A real database of its own, migrated (and seeded unless asked not to), with the real schema. */
export async function createTestApp(options: { seed?: boolean; label?: string } = {}): Promise<TestApp> {
  const db = await createTestDatabase(options.label);
  const sql = new CountingLogger();
  const ds = createDataSource(db.url, { logger: sql, poolSize: 4 });
  await ds.initialize();
  await migrate(ds);
  if (options.seed ?? true) await seed(ds, DATA_DIR);
  const apollo = new ApolloServer<AppContext>(apolloConfig(await buildAppSchema(), false));
  await apollo.start();
  return {
    db,
    ds,
    sql,
    async gql(query, variables) {
      const response = await apollo.executeOperation(
        { query, variables },
        { contextValue: createContext(ds) },
      );
      if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
      return response.body.singleResult as GqlResult<any>;
    },
    async close() {
      await apollo.stop();
      await ds.destroy();
      await db.drop();
    },
  };
}
