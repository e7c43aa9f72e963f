import { spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * graphql-js answers as soon as a non-null list item fails and leaves the other items' pending
 * promises to no one; when they reject later, Node sees an unhandled rejection. Under load in
 * `pnpm bench` that ended the server (QUERY_TIMEOUT thrown by the request budget). Run in a child
 * process with the built server code, since Jest catches unhandled rejections itself.
 */
const SERVER = path.resolve(__dirname, '..', '..');
const script = (install: boolean) => `
const { buildSchema, graphql, GraphQLError } = require('graphql');
const { onUnhandledRejection, queryTimeout } = require('./dist/app/limits');
const logged = [];
if (${install}) process.on('unhandledRejection', (r) => onUnhandledRejection(r, (m) => logged.push(m)));
const schema = buildSchema('type Item { a: String! b: String! } type Query { items: [Item!]! }');
const budget = queryTimeout();
let fields = 0;
const rootValue = { items: () => [1, 2, 3, 4].map(() => ({
  a: () => { fields += 1; if (fields >= 3) throw budget; return new Promise((r) => setTimeout(() => r('x'), 5)); },
  b: () => new Promise((_, reject) => setTimeout(() => reject(budget), 20)),
})) };
graphql({ schema, source: '{ items { a b } }', rootValue }).then(async (result) => {
  await new Promise((r) => setTimeout(r, 80));
  // Anything else than the budget error is logged, and the process lives on.
  if (${install}) onUnhandledRejection(new GraphQLError('x', { extensions: { code: 'QUERY_TIMEOUT' } }), (m) => logged.push(m));
  console.log(JSON.stringify({ errors: result.errors.map((e) => e.extensions.code), logged: logged.length }));
});
`;

it('without the handler, an abandoned budget error ends the process (the mechanism is real)', () => {
  const child = spawnSync(process.execPath, ['-e', script(false)], { cwd: SERVER, encoding: 'utf8', timeout: 30_000 });
  expect(child.status).not.toBe(0);
  expect(child.stderr).toMatch(/Spørringen tok for lang tid/);
});

it('with the server’s handler, the request gets its one error and the process keeps running', () => {
  const child = spawnSync(process.execPath, ['-e', script(true)], { cwd: SERVER, encoding: 'utf8', timeout: 30_000 });
  expect(child.stderr).toBe('');
  expect(child.status).toBe(0);
  // The budget error is dropped silently; the stray error of another kind is logged once.
  expect(JSON.parse(child.stdout)).toEqual({ errors: ['QUERY_TIMEOUT'], logged: 1 });
});
