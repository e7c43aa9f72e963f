import { createDataSource } from '../../src/database/data-source';
import { UNVERSIONED_TABLES } from '../../src/database/migrations/1765920000000-data-version';
import { dataVersionOf } from '../../src/app/data-version';
import { createTestApp, type GqlResult, type TestApp } from '../utils/test-app';
import { startHttpApp, type HttpTestApp } from '../utils/http-app';
import type { DataSource } from 'typeorm';

// Issue 15: answers kept per data version must never outlive a committed write, in this server
// process or another (two DataSources and two HTTP apps on one database stand for two processes).
let app: TestApp;
let ds2: DataSource;
let a: HttpTestApp;
let b: HttpTestApp;
beforeAll(async () => {
  app = await createTestApp({ label: 'dataversion' });
  ds2 = createDataSource(app.db.url, { poolSize: 2 });
  await ds2.initialize();
  a = await startHttpApp(app);
  b = await startHttpApp({ ...app, ds: ds2 });
});
afterAll(async () => {
  await a?.close();
  await b?.close();
  await ds2?.destroy();
  await app?.close();
});

const OVERVIEW = {
  query: `query CoverageOverview { coverageOverview(asOf: "2026-11-21") { asOf rows { municipality { kommunenummer name } status codes } } }`,
  operationName: 'CoverageOverview',
};
interface Overview {
  coverageOverview: { rows: { municipality: { kommunenummer: string; name: string } }[] };
}
const nameOf = (json: GqlResult<Overview> | null, knr: string) =>
  json!.data!.coverageOverview.rows.find((r) => r.municipality.kommunenummer === knr)!.municipality.name;
const version = async (ds: DataSource) => Number((await ds.query(`SELECT version FROM data_version`))[0].version);
/** Resolves with the next version the listener of `ds` is told about. */
const nextNotified = (ds: DataSource) =>
  new Promise<number | null>((resolve) => {
    const off = dataVersionOf(ds).onChange((v) => {
      off();
      resolve(v);
    });
  });

describe('data version', () => {
  it('has the bump trigger on every table but the unversioned ones', async () => {
    const missing: { table_name: string }[] = await app.ds.query(
      `SELECT t.table_name FROM information_schema.tables t
       WHERE t.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND NOT (t.table_name = ANY($1))
         AND NOT EXISTS (SELECT 1 FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid WHERE c.relname = t.table_name AND g.tgname = 'data_version_bump')`,
      [[...UNVERSIONED_TABLES]],
    );
    expect(missing).toEqual([]);
  });

  it('moves once per committed transaction, not for a rolled-back one, nor for a session touch', async () => {
    const before = await version(app.ds);
    await app.ds.transaction(async (em) => {
      await em.query(`UPDATE municipality SET name = name WHERE kommunenummer IN ('1841', '1804')`);
      await em.query(`UPDATE county SET name = name WHERE number = '18'`);
    });
    expect(await version(app.ds)).toBe(before + 1);
    await expect(
      app.ds.transaction(async (em) => {
        await em.query(`UPDATE municipality SET name = name WHERE kommunenummer = '1841'`);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await version(app.ds)).toBe(before + 1);
    await app.ds.query(`UPDATE user_session SET last_seen_at = now()`);
    expect(await version(app.ds)).toBe(before + 1);
  });
});

describe('the cached coverage overview', () => {
  it('shows a write at the next read, through the service cache (GraphQL without HTTP)', async () => {
    const q = `{ coverageOverview(asOf: "2026-11-21") { rows { municipality { kommunenummer name } } } }`;
    const first = await app.gql<Overview>(q);
    expect(nameOf(first, '1841')).toBe('Fauske');
    await app.gql(q); // kept
    await ds2.query(`UPDATE municipality SET name = 'Fauske (endret 1)' WHERE kommunenummer = '1841'`);
    expect(nameOf(await app.gql<Overview>(q), '1841')).toBe('Fauske (endret 1)');
    await app.ds.query(`UPDATE municipality SET name = 'Fauske' WHERE kommunenummer = '1841'`);
    expect(nameOf(await app.gql<Overview>(q), '1841')).toBe('Fauske');
  });

  it('is never stale over HTTP in either process after a write committed by the other', async () => {
    for (const s of [a, b])
      for (let i = 0; i < 2; i++) expect(nameOf((await s.post<Overview>(OVERVIEW)).json, '1804')).toBe('Bodø');
    const notifiedA = nextNotified(app.ds);
    await ds2.query(`UPDATE municipality SET name = 'Bodø (endret)' WHERE kommunenummer = '1804'`);
    // At once, before or after the notification arrives: each request reads the committed version.
    expect(nameOf((await a.post<Overview>(OVERVIEW)).json, '1804')).toBe('Bodø (endret)');
    expect(nameOf((await b.post<Overview>(OVERVIEW)).json, '1804')).toBe('Bodø (endret)');
    // And process A is told by NOTIFY (it drops what is stale then).
    expect(await notifiedA).toBe(await version(app.ds));
    const notifiedB = nextNotified(ds2);
    await app.ds.query(`UPDATE municipality SET name = 'Bodø' WHERE kommunenummer = '1804'`);
    expect(await notifiedB).toBe(await version(ds2));
    expect(nameOf((await b.post<Overview>(OVERVIEW)).json, '1804')).toBe('Bodø');
    expect(nameOf((await a.post<Overview>(OVERVIEW)).json, '1804')).toBe('Bodø');
  });

  it('answers 304 to the ETag it gave until the data changes, then 200 with the new answer', async () => {
    const first = await a.post<Overview>(OVERVIEW);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"/);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    const again = await a.post<Overview>(OVERVIEW);
    expect(again.text).toBe(first.text);
    expect(again.headers.get('etag')).toBe(etag);
    // The other process gives the same ETag for the same answer.
    expect((await b.post<Overview>(OVERVIEW)).headers.get('etag')).toBe(etag);
    const notModified = await a.post<Overview>(OVERVIEW, { 'if-none-match': etag });
    expect(notModified.status).toBe(304);
    expect(notModified.text).toBe('');
    expect(notModified.headers.get('etag')).toBe(etag);
    await ds2.query(`UPDATE municipality SET name = 'Fauske (endret 2)' WHERE kommunenummer = '1841'`);
    const changed = await a.post<Overview>(OVERVIEW, { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(nameOf(changed.json, '1841')).toBe('Fauske (endret 2)');
    await app.ds.query(`UPDATE municipality SET name = 'Fauske' WHERE kommunenummer = '1841'`);
  });

  it('gives many clients asking at once after a write the one new answer', async () => {
    await ds2.query(`UPDATE municipality SET name = 'Fauske (endret 3)' WHERE kommunenummer = '1841'`);
    const answers = await Promise.all(Array.from({ length: 6 }, () => a.post<Overview>(OVERVIEW)));
    for (const r of answers) {
      expect(r.status).toBe(200);
      expect(r.text).toBe(answers[0].text);
    }
    expect(nameOf(answers[0].json, '1841')).toBe('Fauske (endret 3)');
    await app.ds.query(`UPDATE municipality SET name = 'Fauske' WHERE kommunenummer = '1841'`);
    expect(nameOf((await a.post<Overview>(OVERVIEW)).json, '1841')).toBe('Fauske');
  });

  it('reads the session and the version in one statement: a signed-in viewer never gets a stale answer or a revoked session', async () => {
    const cookie = await a.sessionOf('admin@samordna.example');
    const anonymous = await a.post<Overview>(OVERVIEW);
    const signedIn = async (s: HttpTestApp) => s.post<Overview>(OVERVIEW, { cookie });
    for (const s of [a, b]) for (let i = 0; i < 2; i++) expect(nameOf((await signedIn(s)).json, '1841')).toBe('Fauske');
    const kept = await signedIn(a);
    expect(kept.headers.get('etag')).not.toBe(anonymous.headers.get('etag'));
    // A write in the other process: every one of many concurrent requests (sharing reads) sees it at once.
    await ds2.query(`UPDATE municipality SET name = 'Fauske (endret 4)' WHERE kommunenummer = '1841'`);
    const answers = await Promise.all(Array.from({ length: 6 }, () => signedIn(a)));
    for (const r of answers) expect(nameOf(r.json, '1841')).toBe('Fauske (endret 4)');
    await app.ds.query(`UPDATE municipality SET name = 'Fauske' WHERE kommunenummer = '1841'`);
    expect(nameOf((await signedIn(b)).json, '1841')).toBe('Fauske');
    // The session ended in the other process (not a data write: the version stays): the next request is anonymous.
    const before = await version(app.ds);
    await ds2.query(
      `UPDATE user_session SET revoked_at = now() WHERE user_id = (SELECT id FROM app_user WHERE email = 'admin@samordna.example')`,
    );
    expect(await version(app.ds)).toBe(before);
    const after = await signedIn(a);
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).toBe((await a.post(OVERVIEW)).headers.get('etag'));
  });

  it('keeps answers apart per viewer, and keeps neither errors nor mutations', async () => {
    const anonymous = await a.post<Overview>(OVERVIEW);
    const admin = await a.post<Overview>(OVERVIEW, { cookie: await a.sessionOf('admin@samordna.example') });
    expect(admin.status).toBe(200);
    expect(admin.headers.get('etag')).not.toBe(anonymous.headers.get('etag'));
    expect(admin.text).toBe(anonymous.text); // the overview itself is public
    const bad = { query: `{ coverageOverview(asOf: "21.11.2026") { asOf } }` };
    const e1 = await a.post(bad);
    expect(e1.json!.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    // (Express tags every answer it sends; only the cache's own tags are ever answered with 304.)
    const e2 = await a.post(bad, { 'if-none-match': e1.headers.get('etag') ?? '*' });
    expect([e2.status, e2.json!.errors![0].extensions!.code]).toEqual([e1.status, 'BAD_USER_INPUT']);
    expect(e2.headers.get('cache-control')).toBe('no-store');
    const other = { query: `{ counties { number } }` };
    const o1 = await a.post(other);
    expect((await a.post(other, { 'if-none-match': o1.headers.get('etag') ?? '*' })).status).toBe(200);
  });
});
