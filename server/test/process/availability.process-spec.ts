import { rmSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import {
  freePort,
  spawnServer,
  startChildPostgres,
  tempDir,
  type ChildPostgres,
  type SpawnedServer,
} from '../utils/spawn-server';
import { startTcpProxy, type TcpProxy } from '../utils/tcp-proxy';

// The database going away and the server stopping: clear retryable answers (503 with a stable code),
// recovery without a restart, and no acknowledged write that is not in the database.

let pg: ChildPostgres;
const base = tempDir('samordna-availability-');
const DB = 'samordna_availability';

beforeAll(async () => {
  pg = await startChildPostgres(path.join(base, 'pg'));
});
afterAll(async () => {
  await pg?.stop();
  rmSync(base, { recursive: true, force: true });
});

function databaseUrl(port: number): string {
  const u = new URL(pg.url);
  u.port = String(port);
  u.pathname = `/${DB}`;
  return u.toString();
}

async function post(server: SpawnedServer, query: string, variables: Record<string, unknown> = {}, cookie?: string) {
  const res = await fetch(`http://127.0.0.1:${server.port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: res.status,
    headers: res.headers,
    body: (await res.json()) as { data?: any; errors?: { message: string; extensions: Record<string, unknown> }[] },
  };
}

async function get(server: SpawnedServer, route: string) {
  const res = await fetch(`http://127.0.0.1:${server.port}${route}`);
  return { status: res.status, body: (await res.json()) as { status: string } };
}

async function login(server: SpawnedServer): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${server.port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `mutation { login(email: "admin@samordna.example", password: "demo-admin-2026") { name } }`,
    }),
  });
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie')!.split(';')[0];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `check` holds (a bounded number of tries: the machine may be slow, the outcome must not be). */
async function eventually<T>(probe: () => Promise<T>, check: (value: T) => boolean, tries = 120): Promise<T> {
  let last: T | undefined;
  for (let i = 0; i < tries; i++) {
    try {
      last = await probe();
      if (check(last)) return last;
    } catch {
      /* not yet */
    }
    await sleep(250);
  }
  throw new Error(`condition never held; last value: ${JSON.stringify(last)}`);
}

const COUNTIES = `{ counties { number } }`;
const CONTACT = `{ contacts(filter: { kommunenummer: "1841" }) { items { id version title } } }`;
const UPDATE = `mutation($id: ID!, $t: String, $v: Int) { updateContact(id: $id, input: { title: $t }, expectedVersion: $v) { version title } }`;

describe('the database goes away and comes back', () => {
  let proxy: TcpProxy;
  let server: SpawnedServer;

  beforeAll(async () => {
    proxy = await startTcpProxy({ host: '127.0.0.1', port: pg.port });
    server = spawnServer(
      { DATABASE_URL: databaseUrl(proxy.port), NODE_ENV: 'development', SAMORDNA_INSECURE_COOKIES: '1' },
      await freePort(),
    );
    await server.waitFor(/Samordna is running/);
  });
  afterAll(async () => {
    await server?.stop();
    await proxy?.close();
  });

  it('answers 503 DATABASE_UNAVAILABLE (retryable) while it is away, stays alive, and recovers by itself', async () => {
    const cookie = await login(server);
    expect(await get(server, '/healthz')).toEqual({ status: 200, body: { status: 'ok' } });
    expect(await get(server, '/readyz')).toEqual({ status: 200, body: { status: 'ready' } });
    const contact = (await post(server, CONTACT, {}, cookie)).body.data!.contacts.items[0];

    await proxy.cut();

    for (const [query, variables, who] of [
      [COUNTIES, {}, undefined],
      [CONTACT, {}, cookie],
      [UPDATE, { id: contact.id, t: 'under utfall', v: contact.version }, cookie],
    ] as const) {
      const r = await post(server, query, variables, who);
      expect(r.status).toBe(503);
      expect(r.headers.get('retry-after')).toBe('2');
      expect(r.body.errors).toHaveLength(1);
      expect(r.body.errors![0]).toMatchObject({
        message: 'Databasen er midlertidig utilgjengelig. Prøv igjen om litt.',
        extensions: { code: 'DATABASE_UNAVAILABLE', retryable: true },
      });
      expect(r.body.errors![0].extensions).not.toHaveProperty('http');
    }
    expect(await get(server, '/healthz')).toEqual({ status: 200, body: { status: 'ok' } });
    expect(await get(server, '/readyz')).toEqual({ status: 503, body: { status: 'database unavailable' } });
    expect(server.output()).not.toContain('INTERNAL_SERVER_ERROR');
    expect(server.output()).not.toContain('[graphql] internal error');

    await proxy.restore();

    await eventually(
      () => get(server, '/readyz'),
      (r) => r.status === 200,
    );
    const counties = await post(server, COUNTIES);
    expect(counties.status).toBe(200);
    expect(counties.body.data!.counties).toHaveLength(15);
    // The write refused during the outage was not made; the same write now goes through once.
    const now = (await post(server, CONTACT, {}, cookie)).body.data!.contacts.items.find(
      (c: { id: string }) => c.id === contact.id,
    );
    expect(now).toEqual(contact);
    const written = await post(server, UPDATE, { id: contact.id, t: 'etter utfall', v: contact.version }, cookie);
    expect(written.body.errors).toBeUndefined();
    expect(written.body.data!.updateContact).toEqual({ version: contact.version + 1, title: 'etter utfall' });
    expect(server.proc.exitCode).toBeNull();
  });
});

describe('SIGTERM', () => {
  /** Holds the contact's row lock in an open transaction until `release()`. */
  async function holdRowLock(id: string) {
    const c = new Client({ connectionString: databaseUrl(pg.port) });
    await c.connect();
    await c.query('BEGIN');
    await c.query('SELECT id FROM contact_person WHERE id = $1 FOR UPDATE', [id]);
    return {
      async release() {
        await c.query('ROLLBACK');
        await c.end();
      },
    };
  }

  /** Waits until a statement of the server waits on a lock (the request is in flight, blocked). */
  async function blockedOnLock(): Promise<void> {
    const probe = new Client({ connectionString: databaseUrl(pg.port) });
    await probe.connect();
    try {
      await eventually(
        async () =>
          (
            await probe.query(
              `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name LIKE 'samordna-%' AND wait_event_type = 'Lock'`,
            )
          ).rows[0].n,
        (n) => n > 0,
      );
    } finally {
      await probe.end();
    }
  }

  async function startServer(graceMs: number) {
    const server = spawnServer(
      {
        DATABASE_URL: databaseUrl(pg.port),
        NODE_ENV: 'development',
        SAMORDNA_INSECURE_COOKIES: '1',
        SAMORDNA_SHUTDOWN_GRACE_MS: String(graceMs),
      },
      await freePort(),
    );
    await server.waitFor(/Samordna is running/);
    const cookie = await login(server);
    const contact = (await post(server, CONTACT, {}, cookie)).body.data!.contacts.items[0] as {
      id: string;
      version: number;
      title: string | null;
    };
    return { server, cookie, contact };
  }

  async function readContact(id: string) {
    const c = new Client({ connectionString: databaseUrl(pg.port) });
    await c.connect();
    try {
      return (await c.query('SELECT version, title FROM contact_person WHERE id = $1', [id])).rows[0] as {
        version: number;
        title: string | null;
      };
    } finally {
      await c.end();
    }
  }

  it('stops accepting, finishes a request in flight within the grace period, then exits 0', async () => {
    const { server, cookie, contact } = await startServer(60_000);
    const lock = await holdRowLock(contact.id);
    const inFlight = post(server, UPDATE, { id: contact.id, t: 'fullført under stopp', v: contact.version }, cookie);
    await blockedOnLock();

    server.proc.kill('SIGTERM');
    await server.waitFor(/SIGTERM: stopping Samordna/);
    // No new connections once stopping.
    await expect(fetch(`http://127.0.0.1:${server.port}/healthz`)).rejects.toThrow();
    await lock.release();

    const answered = await inFlight;
    expect(answered.status).toBe(200);
    expect(answered.body.errors).toBeUndefined();
    expect(answered.body.data!.updateContact).toEqual({ version: contact.version + 1, title: 'fullført under stopp' });
    expect(await server.exited).toMatchObject({ code: 0 });
    expect(await readContact(contact.id)).toEqual({ version: contact.version + 1, title: 'fullført under stopp' });
  });

  it('rolls back a request still waiting on a row lock after the grace period, and tells its client SHUTTING_DOWN (503)', async () => {
    const { server, cookie, contact } = await startServer(1000);
    const lock = await holdRowLock(contact.id);
    try {
      const inFlight = post(server, UPDATE, { id: contact.id, t: 'skal ikke lagres', v: contact.version }, cookie);
      await blockedOnLock();
      server.proc.kill('SIGTERM');

      const answered = await inFlight;
      expect(answered.status).toBe(503);
      expect(answered.body.errors![0]).toMatchObject({ extensions: { code: 'SHUTTING_DOWN', retryable: true } });
      expect(await server.exited).toMatchObject({ code: 0 });
      expect(server.output()).toMatch(
        /1 request\(s\) still running after the grace period of 1000 ms: cancelling them/,
      );
    } finally {
      await lock.release();
    }
    // Nothing of the refused write is in the database.
    expect(await readContact(contact.id)).toEqual({ version: contact.version, title: contact.title });
  });
});
