import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../src/config/env';
import {
  freePort,
  spawnServer,
  startChildPostgres,
  tempDir,
  type ChildPostgres,
  type SpawnedServer,
} from '../utils/spawn-server';
import { startHttpProxy, type HttpProxy } from '../utils/http-proxy';

// The deployment in infra/deploy: a one-shot migration job, then two stateless replicas on one
// database behind a round-robin proxy. Sessions, version conflicts and fresh data hold across them.

let pg: ChildPostgres;
let a: SpawnedServer;
let b: SpawnedServer;
let proxy: HttpProxy;
const base = tempDir('samordna-replicas-');

async function call(port: number, query: string, variables: Record<string, unknown> = {}, cookie?: string) {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return {
    res,
    upstream: res.headers.get('x-upstream'),
    body: (await res.json()) as { data?: any; errors?: { extensions: Record<string, unknown> }[] },
  };
}

beforeAll(async () => {
  pg = await startChildPostgres(path.join(base, 'pg'));
  const u = new URL(pg.url);
  u.pathname = '/samordna_replicas';
  const env = {
    DATABASE_URL: u.toString(),
    NODE_ENV: 'development',
    SAMORDNA_INSECURE_COOKIES: '1',
    SAMORDNA_TRUST_PROXY: '1',
  };
  // The migration job runs first and alone, as the compose file's `migrate` service.
  const migrate = spawnSync(process.execPath, [path.join(REPO_ROOT, 'server', 'dist', 'cli', 'db.js'), 'migrate'], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  expect(migrate.status).toBe(0);
  a = spawnServer(env, await freePort());
  await a.waitFor(/Samordna is running/);
  b = spawnServer(env, await freePort());
  await b.waitFor(/Samordna is running/);
  expect(b.output()).not.toContain('Migrations run');
  proxy = await startHttpProxy([a.port, b.port]);
});
afterAll(async () => {
  await proxy?.close();
  await a?.stop();
  await b?.stop();
  await pg?.stop();
  rmSync(base, { recursive: true, force: true });
});

it('spreads requests over both replicas, both ready', async () => {
  const seen = new Set<string>();
  for (let i = 0; i < 4; i++) {
    const r = await call(proxy.port, `{ counties { number } }`);
    expect(r.body.data!.counties).toHaveLength(15);
    seen.add(r.upstream!);
  }
  expect([...seen].sort()).toEqual(['0', '1']);
  for (const s of [a, b]) expect((await fetch(`http://127.0.0.1:${s.port}/readyz`)).status).toBe(200);
});

it('a session made on one replica works on the other, and signing out ends it on both', async () => {
  const login = await call(
    proxy.port,
    `mutation { login(email: "admin@samordna.example", password: "demo-admin-2026") { name } }`,
  );
  expect(login.body.errors).toBeUndefined();
  const cookie = login.res.headers.get('set-cookie')!.split(';')[0];
  const me = await Promise.all([
    call(proxy.port, `{ me { email } }`, {}, cookie),
    call(proxy.port, `{ me { email } }`, {}, cookie),
  ]);
  expect(new Set(me.map((r) => r.upstream))).toEqual(new Set(['0', '1']));
  for (const r of me) expect(r.body.data!.me).toEqual({ email: 'admin@samordna.example' });

  expect((await call(proxy.port, `mutation { logout }`, {}, cookie)).body.data!.logout).toBe(true);
  expect((await call(a.port, `{ me { email } }`, {}, cookie)).body.data!.me).toBeNull();
  expect((await call(b.port, `{ me { email } }`, {}, cookie)).body.data!.me).toBeNull();
});

it('two replicas writing the same version: one wins, the other gets CONFLICT; every replica reads the new state at once', async () => {
  const login = await call(
    a.port,
    `mutation { login(email: "admin@samordna.example", password: "demo-admin-2026") { name } }`,
  );
  const cookie = login.res.headers.get('set-cookie')!.split(';')[0];
  const READ = `{ contacts(filter: { kommunenummer: "1841" }) { items { id version title } } }`;
  const contact = (await call(a.port, READ, {}, cookie)).body.data!.contacts.items[0];
  const UPDATE = `mutation($id: ID!, $t: String, $v: Int) { updateContact(id: $id, input: { title: $t }, expectedVersion: $v) { version title } }`;

  const results = await Promise.all(
    ['fra replika A eller B', 'fra den andre replikaen'].map((t) =>
      call(proxy.port, UPDATE, { id: contact.id, t, v: contact.version }, cookie),
    ),
  );
  expect(new Set(results.map((r) => r.upstream))).toEqual(new Set(['0', '1']));
  const won = results.filter((r) => !r.body.errors);
  const lost = results.filter((r) => r.body.errors);
  expect(won).toHaveLength(1);
  expect(lost).toHaveLength(1);
  expect(lost[0].body.errors![0].extensions.code).toBe('CONFLICT');
  expect(won[0].body.data!.updateContact.version).toBe(contact.version + 1);

  // No per-process cache: both replicas answer the winner's state right away, and the proxy is not
  // told it may cache the answer.
  for (const port of [a.port, b.port]) {
    const r = await call(port, READ, {}, cookie);
    expect(r.body.data!.contacts.items.find((c: { id: string }) => c.id === contact.id)).toEqual({
      id: contact.id,
      ...won[0].body.data!.updateContact,
    });
    expect(r.res.headers.get('cache-control') ?? '').not.toMatch(/public|s-maxage|max-age=[1-9]/);
  }
});
