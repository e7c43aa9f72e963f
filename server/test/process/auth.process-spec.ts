import { rmSync } from 'node:fs';
import path from 'node:path';
import {
  freePort,
  spawnServer,
  startChildPostgres,
  tempDir,
  type ChildPostgres,
  type SpawnedServer,
} from '../utils/spawn-server';

let pg: ChildPostgres;
let a: SpawnedServer;
let b: SpawnedServer;
const base = tempDir('samordna-auth-');

async function post(server: SpawnedServer, query: string, variables: Record<string, unknown> = {}, cookie?: string) {
  const res = await fetch(`http://127.0.0.1:${server.port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return {
    res,
    body: (await res.json()) as { data?: any; errors?: { message: string; extensions: Record<string, unknown> }[] },
  };
}

const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { name grants { role } } }`;

async function login(server: SpawnedServer, email: string, password: string): Promise<string> {
  const { res, body } = await post(server, LOGIN, { e: email, p: password });
  expect(body.errors).toBeUndefined();
  const cookie = res.headers.get('set-cookie')!;
  return cookie.split(';')[0];
}

beforeAll(async () => {
  pg = await startChildPostgres(path.join(base, 'pg'));
  const u = new URL(pg.url);
  u.pathname = '/samordna_shared';
  // Two server processes on one database, as behind a load balancer; with the demo users (not production).
  a = spawnServer(
    { DATABASE_URL: u.toString(), SAMORDNA_INSECURE_COOKIES: '1', NODE_ENV: 'development' },
    await freePort(),
  );
  await a.waitFor(/Samordna is running/);
  b = spawnServer(
    { DATABASE_URL: u.toString(), SAMORDNA_INSECURE_COOKIES: '1', NODE_ENV: 'development' },
    await freePort(),
  );
  await b.waitFor(/Samordna is running/);
});
afterAll(async () => {
  await a?.stop();
  await b?.stop();
  await pg?.stop();
  rmSync(base, { recursive: true, force: true });
});

describe('sign-in, sessions and throttling', () => {
  it('signs in with an httpOnly SameSite=Lax cookie that works on every server process, and signs out everywhere', async () => {
    const { res, body } = await post(a, LOGIN, { e: 'Admin@Samordna.example ', p: 'demo-admin-2026' });
    expect(body.data!.login).toEqual({ name: 'Ada Administrator', grants: [{ role: 'ADMIN' }] });
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^samordna_session=/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const cookie = setCookie.split(';')[0];

    expect((await post(b, `{ me { email } }`, {}, cookie)).body.data!.me).toEqual({ email: 'admin@samordna.example' });
    expect((await post(a, `mutation { logout }`, {}, cookie)).body.data!.logout).toBe(true);
    expect((await post(a, `{ me { email } }`, {}, cookie)).body.data!.me).toBeNull();
    expect((await post(b, `{ me { email } }`, {}, cookie)).body.data!.me).toBeNull();
    expect(
      (
        await post(
          b,
          `mutation { createAgency(input: { kommunenummer: "1841", kind: SCHOOL, name: "x" }) { id } }`,
          {},
          cookie,
        )
      ).body.errors![0].extensions.code,
    ).toBe('UNAUTHENTICATED');
  });

  it('refuses a wrong password without saying which part was wrong, then pauses the account', async () => {
    for (let i = 0; i < 5; i++) {
      const { body } = await post(a, LOGIN, { e: 'lesetilgang@samordna.example', p: `feil-passord-${i}` });
      expect(body.errors![0]).toMatchObject({
        message: 'Feil e-postadresse eller passord.',
        extensions: { code: 'UNAUTHENTICATED' },
      });
    }
    const blocked = await post(b, LOGIN, { e: 'lesetilgang@samordna.example', p: 'demo-lese-2026' });
    expect(blocked.body.errors![0].extensions.code).toBe('TOO_MANY_ATTEMPTS');
    const unknown = await post(a, LOGIN, { e: 'finnes.ikke@samordna.example', p: 'x' });
    expect(unknown.body.errors![0].message).toBe('Feil e-postadresse eller passord.');
    // Passwords never reach the logs.
    expect(a.output() + b.output()).not.toMatch(/feil-passord|demo-lese-2026|demo-admin-2026/);
  });
});

describe('two server processes, many concurrent edits of the same records', () => {
  interface Target {
    entity: string;
    /** The record's id for the audit trail, and how to read its version and title, and write a title. */
    setup(cookie: string): Promise<{
      auditId: string;
      read(): Promise<{ version: number; title: string | null }>;
      write(server: SpawnedServer, cookie: string, title: string, version?: number): Promise<Response>;
    }>;
  }
  type Response = Awaited<ReturnType<typeof post>>;
  const targets: Target[] = [
    {
      entity: 'ContactPerson',
      async setup(cookie) {
        const id = (await post(a, `{ contacts(filter: { kommunenummer: "1841" }) { items { id } } }`, {}, cookie)).body
          .data!.contacts.items[0].id;
        return {
          auditId: id,
          read: async () =>
            (
              await post(
                a,
                `{ contacts(filter: { kommunenummer: "1841" }) { items { id version title } } }`,
                {},
                cookie,
              )
            ).body.data!.contacts.items.find((c: { id: string }) => c.id === id),
          write: (server, c, t, v) =>
            post(
              server,
              `mutation($id: ID!, $t: String, $v: Int) { updateContact(id: $id, input: { title: $t }, expectedVersion: $v) { version } }`,
              { id, t, v },
              c,
            ),
        };
      },
    },
    {
      entity: 'Agreement',
      async setup(cookie) {
        const id = (await post(a, `{ agreements { items { id } } }`, {}, cookie)).body.data!.agreements.items[0].id;
        return {
          auditId: id,
          read: async () =>
            (await post(a, `query($id: ID!) { agreement(id: $id) { version title } }`, { id }, cookie)).body.data!
              .agreement,
          write: (server, c, t, v) =>
            post(
              server,
              `mutation($id: ID!, $t: String!, $v: Int) { updateAgreement(id: $id, input: { title: $t }, expectedVersion: $v) { version } }`,
              { id, t, v },
              c,
            ),
        };
      },
    },
    {
      entity: 'RoutineStep',
      async setup(cookie) {
        const routineId = (await post(a, `{ handoverRoutines { items { id } } }`, {}, cookie)).body.data!
          .handoverRoutines.items[0].id;
        const routine = async () =>
          (
            await post(
              a,
              `query($id: ID!) { handoverRoutine(id: $id) { version steps { id title } } }`,
              { id: routineId },
              cookie,
            )
          ).body.data!.handoverRoutine;
        const stepId = (await routine()).steps[0].id;
        return {
          auditId: stepId,
          read: async () => {
            const r = await routine();
            return { version: r.version, title: r.steps.find((x: { id: string }) => x.id === stepId).title };
          },
          write: (server, c, t, v) =>
            post(
              server,
              `mutation($id: ID!, $t: String!, $v: Int) { updateRoutineStep(id: $id, input: { title: $t }, expectedVersion: $v) { id } }`,
              { id: stepId, t, v },
              c,
            ),
        };
      },
    },
  ];

  it.each(targets.map((t) => [t.entity, t] as const))(
    '%s: loses no update, and every accepted change is in the audit trail',
    async (entity, target) => {
      const cookieA = await login(a, 'admin@samordna.example', 'demo-admin-2026');
      const cookieB = await login(b, 'admin@samordna.example', 'demo-admin-2026');
      const { auditId, read, write } = await target.setup(cookieA);
      const auditCount = async () =>
        (
          await post(
            a,
            `query($e: String!, $id: ID!) { auditLog(filter: { entity: $e, entityId: $id }) { totalCount } }`,
            { e: entity, id: auditId },
            cookieA,
          )
        ).body.data!.auditLog.totalCount;
      const before = await auditCount();
      expect((await write(a, cookieA, 'n=0', (await read()).version)).body.errors).toBeUndefined();

      // 40 increments from 8 workers across both servers, each reading the version and retrying on CONFLICT.
      let conflicts = 0;
      const worker = async (w: number, times: number) => {
        for (let done = 0; done < times;) {
          const seen = await read();
          const n = Number(/n=(\d+)/.exec(seen.title ?? '')?.[1] ?? 0);
          const r =
            w % 2 === 0
              ? await write(a, cookieA, `n=${n + 1}`, seen.version)
              : await write(b, cookieB, `n=${n + 1}`, seen.version);
          if (r.body.errors) {
            expect(r.body.errors[0].extensions.code).toBe('CONFLICT');
            conflicts++;
          } else done++;
        }
      };
      await Promise.all(Array.from({ length: 8 }, (_, w) => worker(w, 5)));
      expect((await read()).title).toBe('n=40');
      expect(await auditCount()).toBe(before + 1 + 40);
      console.log(`${entity}: 40 increments through 2 processes, ${conflicts} conflicts refused and retried`);
    },
  );
});
