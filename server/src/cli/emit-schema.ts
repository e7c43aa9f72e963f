import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../config/env';
import { printAppSchema } from '../wiring/schema';

export const SCHEMA_FILE = path.join(REPO_ROOT, 'packages', 'graphql-schema', 'schema.graphql');

async function main() {
  writeFileSync(SCHEMA_FILE, await printAppSchema());
  console.log(`Wrote ${path.relative(process.cwd(), SCHEMA_FILE)}`);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
