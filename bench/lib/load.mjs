// The load generator, run as its own process by bench/run.mjs (so the client's work never shares an
// event loop with the orchestrator): autocannon against one scenario, a warm-up, then `runs` runs.
//   node bench/lib/load.mjs '<json>'   → prints one JSON line: { runs: [{ p50, p95, p99, rps, requests, errors }] }
// json: { url, connections, seconds, warmupSeconds, runs, amount?, requests: [{ method, path, headers, body, write? }] }
// With `amount` a run is a burst instead: that many requests (one per connection), however long they take.
// A request marked `write` gets a fresh «#n» appended to its variables.input.name on every send.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { percentile } from './stats.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const autocannon = createRequire(path.join(root, 'package.json'))('autocannon');
const config = JSON.parse(process.argv[2]);
let sequence = 0;

function requests() {
  return config.requests.map((r) => {
    const out = { method: r.method ?? 'POST', path: r.path ?? '/graphql', headers: r.headers ?? {}, body: r.body };
    if (r.write) {
      out.setupRequest = (req) => {
        const body = JSON.parse(r.body);
        body.variables.input.name = `${body.variables.input.name} #${process.pid}-${++sequence}`;
        return { ...req, body: JSON.stringify(body) };
      };
    }
    return out;
  });
}

function once(seconds) {
  return new Promise((resolve, reject) => {
    const latencies = [];
    const instance = autocannon(
      {
        url: config.url,
        connections: config.connections,
        ...(config.amount ? { amount: config.amount } : { duration: seconds }),
        requests: requests(),
        timeout: config.timeout ?? 30,
        // A GraphQL error comes with status 200: count it as an error too.
        verifyBody: (body) => !String(body).startsWith('{"errors"') && !String(body).includes('"errors":[{'),
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({
          p50: percentile(latencies, 50),
          p95: percentile(latencies, 95),
          p99: percentile(latencies, 99),
          rps: result.duration > 0 ? latencies.length / result.duration : null,
          requests: latencies.length,
          errors: result.errors + result.timeouts + result.non2xx + result.mismatches,
        });
      },
    );
    instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  });
}

if (config.warmupSeconds > 0) await once(config.warmupSeconds);
const runs = [];
for (let i = 0; i < config.runs; i++) runs.push(await once(config.seconds));
process.stdout.write(`${JSON.stringify({ runs })}\n`);
