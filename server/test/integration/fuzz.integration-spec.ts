import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildAppSchema } from '../../src/wiring/schema';
import { REPO_ROOT } from '../../src/config/env';
import { createTestApp, type TestApp } from '../utils/test-app';
import { startHttpApp, type HttpTestApp } from '../utils/http-app';
import { runFuzz, summary } from '../utils/mutation-fuzz';

/**
 * Every mutation over HTTP with generated valid and invalid input (see mutation-fuzz.ts). A short
 * run here; `pnpm fuzz` runs SAMORDNA_FUZZ_CASES=10000 and writes .data/fuzz-result.json.
 */
const CASES = Number(process.env.SAMORDNA_FUZZ_CASES ?? 300);
const SEED = process.env.SAMORDNA_FUZZ_SEED ? Number(process.env.SAMORDNA_FUZZ_SEED) : undefined;

let app: TestApp;
let web: HttpTestApp;
beforeAll(async () => {
  app = await createTestApp({ label: 'fuzz' });
  web = await startHttpApp(app);
});
afterAll(async () => {
  await web?.close();
  await app?.close();
});

it(
  `${CASES} generated calls to every mutation: no 5xx, no internal error, stable codes with fields, no partial writes`,
  async () => {
    // Internal errors are counted from the answers; the server's own log lines are not wanted here.
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const info = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      const result = await runFuzz({
        schema: await buildAppSchema(),
        ds: app.ds,
        web,
        cases: CASES,
        seed: SEED,
        adminEmail: 'admin@samordna.example',
      });
      const text = summary(result);
      info.mockRestore();
      console.log(text);
      if (process.env.SAMORDNA_FUZZ_CASES) {
        const out = path.join(REPO_ROOT, '.data', 'fuzz-result.json');
        mkdirSync(path.dirname(out), { recursive: true });
        writeFileSync(out, JSON.stringify({ summary: text, ...result }, null, 2));
      }
      expect(result.serverErrors.slice(0, 3)).toEqual([]);
      expect(result.internalErrors.slice(0, 3)).toEqual([]);
      expect(result.unstableErrors.slice(0, 3)).toEqual([]);
      expect(result.partialWrites.slice(0, 3)).toEqual([]);
      expect(result.cases).toBe(CASES);
      if (CASES >= 300) expect(Object.keys(result.calls).length).toBeGreaterThan(40);
    } finally {
      spy.mockRestore();
      info.mockRestore();
    }
  },
  60_000 + CASES * 500,
);
