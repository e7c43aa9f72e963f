import { AGREEMENT_STATUSES } from '@samordna/domain';
import { createTestApp, type TestApp } from '../utils/test-app';

/**
 * The agreement list is paged on the server (issue 15): the dashboard asks for one page in the
 * order it shows, and the statements sent per request do not grow with the number of agreements.
 */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ label: 'agreement-paging' });
});
afterAll(() => app?.close());

const AS_OF = '2026-11-21';
/** The dashboard's selection (AgreementList), with the day fixed. */
const LIST = `query($filter: AgreementFilter, $limit: Int!, $offset: Int!, $orderBy: AgreementOrder, $descending: Boolean) {
  agreements(filter: $filter, limit: $limit, offset: $offset, orderBy: $orderBy, descending: $descending) {
    totalCount
    items { id title status centre { id name } parties { id isCurrent } deadline(asOf: "${AS_OF}") { kind daysLeft } }
  }
  crisisCentres(limit: 500) { items { id name hostKommunenummer } }
}`;

interface Item {
  id: string;
  title: string;
  status: string;
  centre: { id: string; name: string };
  deadline: { kind: string; daysLeft: number | null };
}
async function page(variables: Record<string, unknown>, as?: null): Promise<{ totalCount: number; items: Item[] }> {
  const r = await app.gql(LIST, { limit: 50, offset: 0, ...variables }, as === null ? { as } : undefined);
  expect(r.errors).toBeUndefined();
  return r.data!.agreements;
}
async function all(variables: Record<string, unknown>): Promise<Item[]> {
  const items: Item[] = [];
  for (let offset = 0; ; offset += 7) {
    const p = await page({ ...variables, limit: 7, offset });
    items.push(...p.items);
    if (p.items.length < 7) {
      expect(items).toHaveLength(p.totalCount);
      return items;
    }
  }
}

/** 120 more agreements over the example centres: every status, deadlines near and far, some with none. */
async function manyMore(count: number, tag: string) {
  await app.ds.query(
    `INSERT INTO crisis_centre (name, host_kommunenummer, is_example)
     SELECT 'Eksempelsenter ${tag} ' || g, m.kommunenummer, true FROM generate_series(1, 6) g
     JOIN LATERAL (SELECT kommunenummer FROM municipality ORDER BY kommunenummer OFFSET g LIMIT 1) m ON true`,
  );
  await app.ds.query(
    `INSERT INTO agreement (centre_id, title, status, valid_from, valid_to, notice_months, notice_runs_to, auto_renew, is_example)
     SELECT c.id, 'Eksempelavtale ${tag} ' || lpad(g::text, 4, '0'), (ARRAY[${AGREEMENT_STATUSES.map((s) => `'${s}'`).join(',')}])[1 + g % ${AGREEMENT_STATUSES.length}],
            DATE '2015-01-01' + g, CASE WHEN g % 3 = 0 THEN DATE '2026-12-01' + g * 5 END,
            CASE WHEN g % 4 = 0 THEN NULL ELSE 6 END, 'CALENDAR_YEAR', g % 3 <> 0, true
     FROM generate_series(1, $1) g
     JOIN LATERAL (SELECT id FROM crisis_centre WHERE name LIKE 'Eksempelsenter ${tag} %' ORDER BY name OFFSET g % 6 LIMIT 1) c ON true`,
    [count],
  );
  await app.ds.query(
    `INSERT INTO agreement_party (agreement_id, kommunenummer, role, is_example)
     SELECT a.id, c.host_kommunenummer, 'host', true FROM agreement a JOIN crisis_centre c ON c.id = a.centre_id
     WHERE a.title LIKE 'Eksempelavtale ${tag} %'`,
  );
}

const nb = new Intl.Collator('nb');

describe('the agreement list in pages', () => {
  beforeAll(() => manyMore(120, 'A'));

  it('pages by limit and offset with the total: the pages together are the list, each agreement once', async () => {
    const first = await page({ limit: 50, offset: 0 });
    const [{ n }] = await app.ds.query(`SELECT count(*)::int AS n FROM agreement`);
    expect(first.totalCount).toBe(n);
    expect(first.items).toHaveLength(50);
    const last = await page({ limit: 50, offset: 100 });
    expect(last.totalCount).toBe(n);
    expect(last.items).toHaveLength(n - 100);
    expect((await page({ limit: 50, offset: n })).items).toEqual([]);
    for (const orderBy of ['NEWEST', 'TITLE', 'CENTRE', 'STATUS', 'DAYS_LEFT']) {
      const ids = (await all({ orderBy })).map((i) => i.id);
      expect([orderBy, new Set(ids).size]).toEqual([orderBy, n]);
    }
  });

  it('sorts on the server by title, centre, status and days left; descending reverses', async () => {
    const titles = (await all({ orderBy: 'TITLE' })).map((i) => i.title);
    expect(titles).toEqual([...titles].sort(nb.compare));
    const down = (await all({ orderBy: 'TITLE', descending: true })).map((i) => i.title);
    expect(down).toEqual([...titles].reverse());

    const centres = (await all({ orderBy: 'CENTRE' })).map((i) => i.centre.name);
    expect(centres).toEqual([...centres].sort(nb.compare));

    const statuses = (await all({ orderBy: 'STATUS' })).map((i) => AGREEMENT_STATUSES.indexOf(i.status as never));
    expect(statuses).toEqual([...statuses].sort((a, b) => a - b));

    const days = (await all({ orderBy: 'DAYS_LEFT', filter: { asOf: AS_OF } })).map((i) => i.deadline.daysLeft);
    const known = days.filter((d) => d !== null);
    expect(known.length).toBeGreaterThan(10);
    expect(days.slice(0, known.length)).toEqual([...known].sort((a, b) => a! - b!)); // without a deadline: last
    expect(days.slice(known.length).every((d) => d === null)).toBe(true);
  });

  it('filters in SQL before paging: status, centre, deadline within days, with the matching total', async () => {
    const active = await all({ filter: { statuses: ['ACTIVE'] }, orderBy: 'TITLE' });
    const [{ n }] = await app.ds.query(`SELECT count(*)::int AS n FROM agreement WHERE status = 'ACTIVE'`);
    expect(active).toHaveLength(n);
    expect(active.every((i) => i.status === 'ACTIVE')).toBe(true);

    const centreId = active.find((i) => i.title.startsWith('Eksempelavtale A'))!.centre.id;
    const byCentre = await page({ filter: { centreId, statuses: ['ACTIVE'] }, limit: 3 });
    const [{ m }] = await app.ds.query(
      `SELECT count(*)::int AS m FROM agreement WHERE status = 'ACTIVE' AND centre_id = $1`,
      [centreId],
    );
    expect(byCentre.totalCount).toBe(m);
    expect(byCentre.items.every((i) => i.centre.id === centreId)).toBe(true);

    const soon = await all({ filter: { deadlineWithinDays: 90, asOf: AS_OF } });
    expect(soon.length).toBeGreaterThan(0);
    for (const i of soon) expect(i.deadline.daysLeft).toBeLessThanOrEqual(90);
    const soonByTitle = await all({ filter: { deadlineWithinDays: 90, asOf: AS_OF }, orderBy: 'TITLE' });
    expect(soonByTitle.map((i) => i.id).sort()).toEqual(soon.map((i) => i.id).sort());
    expect(soonByTitle.map((i) => i.title)).toEqual(soonByTitle.map((i) => i.title).sort(nb.compare));
  });

  it('reads as before for whoever may read it: a visitor without a session gets the same page', async () => {
    expect(await page({ orderBy: 'TITLE', limit: 10, offset: 20 }, null)).toEqual(
      await page({ orderBy: 'TITLE', limit: 10, offset: 20 }),
    );
  });

  it('refuses bad paging with the field it concerns and an unknown order by the schema', async () => {
    const codes = async (variables: Record<string, unknown>) =>
      (await app.gql(LIST, { limit: 50, offset: 0, ...variables })).errors?.map((e) => [
        e.extensions?.code,
        e.extensions?.field,
      ]);
    expect(await codes({ offset: -1 })).toEqual([['BAD_USER_INPUT', 'paging.offset']]);
    expect(await codes({ limit: 501 })).toEqual([['BAD_USER_INPUT', 'paging.limit']]);
    expect((await codes({ orderBy: 'PRICE' }))?.[0][0]).toBe('BAD_USER_INPUT');
  });

  it('sends the same number of SQL statements for a page whether there are 130 agreements or 10 times more', async () => {
    const orders = [
      { orderBy: 'DAYS_LEFT' },
      { orderBy: 'TITLE', offset: 50 },
      { orderBy: 'CENTRE', filter: { statuses: ['ACTIVE', 'DRAFT'] } },
      { filter: { deadlineWithinDays: 365, asOf: AS_OF } },
    ];
    const count = async () => {
      const out: number[] = [];
      for (const v of orders) {
        await page(v); // the first reading may do first-time work
        app.sql.reset();
        await page(v);
        out.push(app.sql.count);
      }
      return out;
    };
    const small = await count();
    await manyMore(1200, 'B');
    const [{ n }] = await app.ds.query(`SELECT count(*)::int AS n FROM agreement`);
    expect(n).toBeGreaterThan(1300);
    expect(await count()).toEqual(small);
    for (const s of small) expect(s).toBeLessThanOrEqual(6);
  });
});
