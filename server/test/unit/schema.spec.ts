import { readFileSync } from 'node:fs';
import path from 'node:path';
import { printAppSchema } from '../../src/wiring/schema';

const COMMITTED = path.resolve(__dirname, '..', '..', '..', 'packages', 'graphql-schema', 'schema.graphql');

it('the committed schema matches the server (run `pnpm schema:emit` when this fails)', async () => {
  expect(readFileSync(COMMITTED, 'utf8')).toBe(await printAppSchema());
});

it('never exposes an address field', async () => {
  expect(await printAppSchema()).not.toMatch(/\b(address|adresse|street|gate)\w*\s*[:(]/i);
});
