import 'reflect-metadata';
import { loadConfig } from '../config/env';
import { openDatabase, prepareDatabase } from '../database/runtime';
import { createDataSource } from '../database/data-source';
import { seed } from '../database/seeds/seed';

const USAGE = 'usage: db.js migrate | seed | reset';

/** pnpm db:migrate, db:seed, db:reset against DATABASE_URL or the embedded data directory. */
async function main(command: string | undefined): Promise<void> {
  if (!command || !['migrate', 'seed', 'reset'].includes(command)) {
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  const config = loadConfig();
  const db = await openDatabase(config);
  try {
    if (command === 'reset') {
      const ds = createDataSource(db.url);
      await ds.initialize();
      try {
        await ds.query('DROP SCHEMA public CASCADE');
        await ds.query('CREATE SCHEMA public');
        console.log(`Emptied ${db.description}.`);
      } finally {
        await ds.destroy();
      }
    }
    const prepared = await prepareDatabase(db.url, { seed: false, dataFilesDir: config.dataFilesDir });
    try {
      console.log(
        prepared.migrations.length ? `Migrations run: ${prepared.migrations.join(', ')}` : 'No pending migrations.',
      );
      if (command === 'seed' || command === 'reset') {
        const s = await seed(prepared.dataSource, config.dataFilesDir);
        console.log(`Seeded: ${JSON.stringify(s)}`);
      }
    } finally {
      await prepared.dataSource.destroy();
    }
  } finally {
    await db.stop();
  }
}

main(process.argv[2]).catch((error) => {
  console.error(`\n${error instanceof Error ? error.message : String(error)}\n`);
  // A hard exit: if stopping the database itself failed, an open handle must not keep the CLI hanging.
  process.exit(1);
});
