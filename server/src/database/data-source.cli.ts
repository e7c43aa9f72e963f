// Data source for the TypeORM CLI (migration:generate, migration:show): DATABASE_URL must be set.
import { createDataSource } from './data-source';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('Set DATABASE_URL to a scratch database to use the TypeORM CLI.');
export default createDataSource(url);
