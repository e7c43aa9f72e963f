import 'reflect-metadata';
import { DataSource, type Logger } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export interface DataSourceOptions {
  /** A TypeORM logger; tests pass one that counts SQL statements. */
  logger?: Logger;
  poolSize?: number;
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
    applicationName: 'samordna',
    poolSize: options.poolSize ?? 10,
    connectTimeoutMS: 10_000,
  });
}
