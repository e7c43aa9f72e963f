#!/usr/bin/env node
// Runs an embedded PostgreSQL in the foreground: `node infra/postgres/cli.mjs [--data-dir DIR] [--temporary]`.
// Prints one JSON line {"url", "port", "dataDir"} when ready; stops on Ctrl-C, SIGTERM or when
// standard input closes (so a parent test process that dies takes it along).
import { parseArgs } from 'node:util';
import { startEmbeddedPostgres } from './index.mjs';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string', default: '.data/postgres' },
    temporary: { type: 'boolean', default: false },
    'watch-stdin': { type: 'boolean', default: false },
  },
});

const pg = await startEmbeddedPostgres({
  dataDir: values['data-dir'],
  persistent: !values.temporary,
  fast: values.temporary,
});
process.stdout.write(`${JSON.stringify({ url: pg.url, port: pg.port, dataDir: pg.dataDir })}\n`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await pg.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
if (values['watch-stdin']) {
  process.stdin.resume();
  process.stdin.on('end', stop);
  process.stdin.on('close', stop);
}
