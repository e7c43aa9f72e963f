import 'reflect-metadata';
import { types } from 'pg';
import { DataSource, type Logger } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

// A calendar date (DATE, OID 1082) stays the ISO string PostgreSQL sends: turning it into a
// JavaScript Date would move it across midnight in any time zone east or west of UTC.
types.setTypeParser(1082, (value: string) => value);

export interface DataSourceOptions {
  /** A TypeORM logger; tests pass one that counts SQL statements. */
  logger?: Logger;
  poolSize?: number;
  /** PostgreSQL application_name; the server makes its own unique, so it can cancel its own statements on shutdown. */
  applicationName?: string;
}

/** Migrations are the only schema path: synchronize stays off here. */
export function createDataSource(url: string, options: DataSourceOptions = {}): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    uuidExtension: 'pgcrypto',
    migrationsRun: false,
    logging: options.logger ? true : false,
    logger: options.logger,
    applicationName: options.applicationName ?? 'samordna',
    poolSize: options.poolSize ?? 10,
    connectTimeoutMS: 10_000,
  });
}
