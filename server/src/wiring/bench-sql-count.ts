import { AsyncLocalStorage } from 'node:async_hooks';
import type { RequestListener } from 'node:http';

/**
 * For the benchmark only (`pnpm bench`, issue 15): with SAMORDNA_BENCH_SQL_COUNT=1 the server counts
 * the SQL statements each HTTP request sends to PostgreSQL (every pg Client.query, BEGIN/COMMIT
 * included) and answers the count in the header `x-sql-statements`. Off by default: then the request
 * listener is returned as it is and nothing is patched.
 */
export function countSqlPerRequest(listener: RequestListener, env: NodeJS.ProcessEnv = process.env): RequestListener {
  if (env.SAMORDNA_BENCH_SQL_COUNT !== '1') return listener;
  const store = new AsyncLocalStorage<{ statements: number }>();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Client } = require('pg') as { Client: { prototype: { query: (...args: unknown[]) => unknown } } };
  const query = Client.prototype.query;
  Client.prototype.query = function (this: unknown, ...args: unknown[]) {
    const counter = store.getStore();
    if (counter) counter.statements++;
    return query.apply(this, args);
  };
  return (req, res) => {
    const counter = { statements: 0 };
    const writeHead = res.writeHead;
    res.writeHead = function (this: typeof res, ...args: Parameters<typeof res.writeHead>) {
      if (!this.headersSent) this.setHeader('x-sql-statements', String(counter.statements));
      return writeHead.apply(this, args);
    } as typeof res.writeHead;
    store.run(counter, () => listener(req, res));
  };
}
