import { rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import {
  freePort,
  graphql,
  isAlive,
  postmasterPid,
  spawnServer,
  startChildPostgres,
  tempDir,
  type ChildPostgres,
} from '../utils/spawn-server';

const COUNTS = `{ counties { number } crisisCentres { items { name members { kommunenummer } } } municipalities { kommunenummer } }`;

interface Counts {
  counties: unknown[];
  municipalities: unknown[];
  crisisCentres: { items: { name: string; members: unknown[] }[] };
}

function totals(data: Counts) {
  return {
    counties: data.counties.length,
    municipalities: data.municipalities.length,
    centres: data.crisisCentres.items.length,
    memberships: data.crisisCentres.items.reduce((n, c) => n + c.members.length, 0),
  };
}

describe('pnpm start on embedded PostgreSQL', () => {
  const base = tempDir('samordna-start-');
  const dataDir = path.join(base, 'pg');
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('starts, serves, refuses a second instance on the same data, stops cleanly, and restarts with the same data', async () => {
    const port = await freePort();
    const first = spawnServer({ SAMORDNA_DATA_DIR: dataDir }, port);
    try {
      await first.waitFor(/Samordna is running/);
      expect(first.output()).toContain(`http://localhost:${port}/graphql`);
      expect(first.output()).toContain(`http://localhost:${port}/`);
      expect(first.output()).toContain(dataDir);

      const r = await graphql<Counts>(port, COUNTS);
      expect(r.errors).toBeUndefined();
      expect(totals(r.data!)).toEqual({ counties: 15, municipalities: 357, centres: 46, memberships: 44 });

      const page = await fetch(`http://127.0.0.1:${port}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
      const geo = await fetch(`http://127.0.0.1:${port}/geo/Kommuner-S.topojson`);
      expect(geo.status).toBe(200);

      // A second instance on the same data directory must fail fast and say why.
      const second = spawnServer({ SAMORDNA_DATA_DIR: dataDir }, await freePort());
      const refused = await second.exited;
      expect(refused.code).not.toBe(0);
      expect(refused.ms).toBeLessThan(15_000);
      expect(second.output()).toMatch(/data directory .* is in use by another running PostgreSQL/);
    } finally {
      const pgPid = postmasterPid(dataDir);
      const stopped = await first.stop('SIGTERM');
      expect(stopped.code).toBe(0);
      expect(first.output()).toContain('Stopped.');
      expect(pgPid).not.toBeNull();
      expect(isAlive(pgPid!)).toBe(false);
      expect(postmasterPid(dataDir)).toBeNull();
    }

    // Second start: same data, no duplicates; Ctrl-C (SIGINT) also stops everything.
    const port2 = await freePort();
    const again = spawnServer({ SAMORDNA_DATA_DIR: dataDir }, port2);
    try {
      await again.waitFor(/Samordna is running/);
      expect(again.output()).not.toContain('Migrations run');
      const r2 = await graphql<Counts>(port2, COUNTS);
      expect(totals(r2.data!)).toEqual({ counties: 15, municipalities: 357, centres: 46, memberships: 44 });
    } finally {
      const pgPid = postmasterPid(dataDir);
      const stopped = await again.stop('SIGINT');
      expect(stopped.code).toBe(0);
      expect(isAlive(pgPid!)).toBe(false);
    }
  });
});

describe('clear failures, each within 15 s', () => {
  it('port already in use', async () => {
    const blocker = net.createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => blocker.listen(port, '0.0.0.0', resolve));
    const base = tempDir('samordna-port-');
    try {
      const s = spawnServer({ SAMORDNA_DATA_DIR: path.join(base, 'pg') }, port);
      const { code, ms } = await s.exited;
      expect(code).not.toBe(0);
      expect(ms).toBeLessThan(15_000);
      expect(s.output()).toContain(`port ${port} is already in use`);
      expect(s.output()).toContain(`PORT=${port + 1} pnpm start`);
      expect(postmasterPid(path.join(base, 'pg'))).toBeNull(); // no PostgreSQL was started
    } finally {
      blocker.close();
      rmSync(base, { recursive: true, force: true });
    }
  });

  it('DATABASE_URL that nobody answers: names host and port, never the password', async () => {
    const dead = await freePort();
    const s = spawnServer(
      { DATABASE_URL: `postgres://samordna:Hemmelig-Passord-42@127.0.0.1:${dead}/samordna` },
      await freePort(),
    );
    const { code, ms } = await s.exited;
    expect(code).not.toBe(0);
    expect(ms).toBeLessThan(15_000);
    expect(s.output()).toContain(`127.0.0.1:${dead}`);
    expect(s.output()).toMatch(/connection refused/);
    expect(s.output()).not.toContain('Hemmelig-Passord-42');
  });

  describe('against a PostgreSQL that checks passwords', () => {
    let pg: ChildPostgres;
    const base = tempDir('samordna-pw-');
    beforeAll(async () => {
      pg = await startChildPostgres(path.join(base, 'pg'));
    });
    afterAll(async () => {
      await pg?.stop();
      rmSync(base, { recursive: true, force: true });
    });

    it('wrong password: says the login was refused, never prints the password', async () => {
      const u = new URL(pg.url);
      u.password = 'Feil-Passord-99';
      u.pathname = '/samordna';
      const s = spawnServer({ DATABASE_URL: u.toString() }, await freePort());
      const { code, ms } = await s.exited;
      expect(code).not.toBe(0);
      expect(ms).toBeLessThan(15_000);
      expect(s.output()).toContain(`${u.hostname}:${u.port}`);
      expect(s.output()).toMatch(/refused the login.*wrong user name or password/);
      expect(s.output()).not.toContain('Feil-Passord-99');
    });

    it('a reachable DATABASE_URL is used as it is: no embedded server, the database is created and seeded', async () => {
      const u = new URL(pg.url);
      u.pathname = '/samordna_external';
      const port = await freePort();
      const s = spawnServer({ DATABASE_URL: u.toString() }, port);
      try {
        await s.waitFor(/Samordna is running/);
        expect(s.output()).not.toContain('Starting embedded PostgreSQL');
        expect(s.output()).toContain(`PostgreSQL at 127.0.0.1:${u.port}/samordna_external (DATABASE_URL)`);
        expect(s.output()).not.toContain(u.password);
        const r = await graphql<Counts>(port, COUNTS);
        expect(totals(r.data!)).toMatchObject({ municipalities: 357, centres: 46 });
      } finally {
        expect((await s.stop()).code).toBe(0);
      }
    });
  });
});

describe('HTTP hardening', () => {
  const base = tempDir('samordna-http-');
  let server: ReturnType<typeof spawnServer>;
  beforeAll(async () => {
    server = spawnServer({ SAMORDNA_DATA_DIR: path.join(base, 'pg') }, await freePort());
    await server.waitFor(/Samordna is running/);
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(base, { recursive: true, force: true });
  });

  it('refuses a simple cross-site GET (CSRF prevention) with a clear BAD_REQUEST, not a masked error', async () => {
    const res = await fetch(
      `http://127.0.0.1:${server.port}/graphql?query=${encodeURIComponent('{ counties { name } }')}`,
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(body.errors[0].message).toMatch(/Cross-Site Request Forgery/);
  });

  it('turns introspection off in production', async () => {
    const r = await graphql(server.port, '{ __schema { types { name } } }');
    expect(r.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('exports the cost distribution as CSV and XLSX, and refuses a bad request with a clear code', async () => {
    const r = await graphql<{ crisisCentres: { items: { id: string }[] } }>(
      server.port,
      `
        {
          crisisCentres(filter: { search: "Salten" }) {
            items {
              id
            }
          }
        }
      `,
    );
    const id = r.data!.crisisCentres.items[0].id;
    const csv = await fetch(`http://127.0.0.1:${server.port}/export/cost-distribution.csv?centreId=${id}&year=2025`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toContain(
      "filename*=UTF-8''kostnadsfordeling-krisesenteret-i-salten-2025.csv",
    );
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const xlsx = await fetch(`http://127.0.0.1:${server.port}/export/invoice-plan.xlsx?centreId=${id}&year=2025`);
    expect(xlsx.status).toBe(200);
    expect([...new Uint8Array(await xlsx.arrayBuffer()).slice(0, 2)]).toEqual([0x50, 0x4b]); // a zip container
    const bad = await fetch(`http://127.0.0.1:${server.port}/export/cost-distribution.csv?centreId=${id}&year=nine`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
    const missing = await fetch(
      `http://127.0.0.1:${server.port}/export/cost-distribution.csv?centreId=${id}&year=2019`,
    );
    expect(missing.status).toBe(404);
  });

  it('sends security headers with the dashboard', async () => {
    const res = await fetch(`http://127.0.0.1:${server.port}/`);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('refuses a request body over 1 MB', async () => {
    const res = await fetch(`http://127.0.0.1:${server.port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ counties { name } }', variables: { pad: 'x'.repeat(1_100_000) } }),
    });
    expect(res.status).toBe(413);
  });

  it('refuses batched operations', async () => {
    const res = await fetch(`http://127.0.0.1:${server.port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ counties { name } }' }, { query: '{ counties { name } }' }]),
    });
    expect(res.status).toBe(400);
  });

  it('answers /healthz', async () => {
    const res = await fetch(`http://127.0.0.1:${server.port}/healthz`);
    expect(await res.json()).toEqual({ status: 'ok' });
  });
});
