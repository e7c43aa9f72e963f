import { createTestApp, type GqlResult, type TestApp } from '../utils/test-app';

/**
 * Rules that must hold under concurrency (issue 19): N parallel clients through the real API, then the
 * rule checked in the database. No client may get an internal error: a lost race is CONFLICT with the
 * field, a deadlock or serialization failure is retried inside the server.
 */
const N = 20;
let app: TestApp;

beforeAll(async () => {
  app = await createTestApp({ label: 'races', poolSize: N });
});
afterAll(async () => app?.close());

const codes = (results: GqlResult[]) => results.flatMap((r) => (r.errors ?? []).map((e) => e.extensions?.code));
const fields = (results: GqlResult[]) =>
  results.flatMap((r) => (r.errors ?? []).map((e) => `${e.extensions?.code}@${e.extensions?.field}`));
const succeeded = (results: GqlResult[]) => results.filter((r) => !r.errors?.length).length;
const all = <T>(n: number, f: (i: number) => Promise<T>) => Promise.all(Array.from({ length: n }, (_, i) => f(i)));

async function one<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T> {
  return (await app.ds.query(sql, params))[0];
}

it(`${N} parallel createCrisisCentre with one name in different cases: one centre, the rest CONFLICT at input.name`, async () => {
  const results = await all(N, (i) =>
    app.gql(`mutation($i: CrisisCentreInput!) { createCrisisCentre(input: $i) { id } }`, {
      i: { name: i % 2 ? 'Kappløpssenteret' : 'KAPPLØPSSENTERET', hostKommunenummer: '1804' },
    }),
  );
  expect(succeeded(results)).toBe(1);
  expect(fields(results)).toEqual(Array(N - 1).fill('CONFLICT@input.name'));
  expect(
    (await one(`SELECT count(*)::int AS n FROM crisis_centre WHERE lower(name) = lower('Kappløpssenteret')`)).n,
  ).toBe(1);
});

it(`${N} parallel renames of different centres to one name: at most one gets it`, async () => {
  const ids: string[] = (
    await app.ds.query(
      `INSERT INTO crisis_centre (name, host_kommunenummer) SELECT 'Omdøpes ' || g, '1804' FROM generate_series(1, $1) g RETURNING id`,
      [N],
    )
  ).map((r: { id: string }) => r.id);
  const results = await all(N, (i) =>
    app.gql(`mutation($id: ID!) { updateCrisisCentre(id: $id, input: { name: "Nytt felles navn" }) { id } }`, {
      id: ids[i],
    }),
  );
  expect(succeeded(results)).toBe(1);
  expect(fields(results)).toEqual(Array(N - 1).fill('CONFLICT@input.name'));
});

it(`${N} parallel createRoutineFromTemplate for one centre and municipality: one routine, the rest CONFLICT at kommunenummer`, async () => {
  const salten = (await one(`SELECT id FROM crisis_centre WHERE seed_key = 'centre:Krisesenteret i Salten'`)).id;
  expect(
    (
      await one(`SELECT count(*)::int AS n FROM handover_routine WHERE centre_id = $1 AND kommunenummer = '1839'`, [
        salten,
      ])
    ).n,
  ).toBe(0);
  const results = await all(N, () =>
    app.gql(`mutation($c: ID!) { createRoutineFromTemplate(centreId: $c, kommunenummer: "1839") { id } }`, {
      c: salten,
    }),
  );
  expect(succeeded(results)).toBe(1);
  expect(fields(results)).toEqual(Array(N - 1).fill('CONFLICT@kommunenummer'));
  const [{ n, steps }] = await app.ds.query(
    `SELECT count(DISTINCT r.id)::int AS n, count(s.id)::int AS steps FROM handover_routine r LEFT JOIN routine_step s ON s.routine_id = r.id WHERE r.centre_id = $1 AND r.kommunenummer = '1839'`,
    [salten],
  );
  expect(n).toBe(1);
  expect(steps).toBeGreaterThan(0);
});

/** A municipality with an agency and `count` contacts of its own (none of them the contact point). */
async function contactsIn(kommunenummer: string, count: number): Promise<{ agencyId: string; ids: string[] }> {
  const { id: agencyId } = await one<{ id: string }>(
    `INSERT INTO agency (kommunenummer, kind, name) VALUES ($1::varchar, 'OTHER', 'Kappløpsetaten ' || $1::varchar) RETURNING id`,
    [kommunenummer],
  );
  await app.ds.query(`UPDATE contact_person SET is_contact_point = false WHERE kommunenummer = $1`, [kommunenummer]);
  const ids = (
    await app.ds.query(
      `INSERT INTO contact_person (agency_id, name) SELECT $1, 'Kari Kappløp ' || g FROM generate_series(1, $2) g RETURNING id`,
      [agencyId, count],
    )
  ).map((r: { id: string }) => r.id);
  return { agencyId, ids };
}

const contactPoints = async (kommunenummer: string) =>
  (
    await one(`SELECT count(*)::int AS n FROM contact_person WHERE kommunenummer = $1 AND is_contact_point`, [
      kommunenummer,
    ])
  ).n;

it(`one contact point per municipality: ${N} parallel edits and creations leave exactly one`, async () => {
  const { agencyId, ids } = await contactsIn('1838', N / 2);
  const results = await all(N, (i) =>
    i % 2
      ? app.gql(`mutation($id: ID!) { updateContact(id: $id, input: { isContactPoint: true }) { id } }`, {
          id: ids[(i - 1) / 2],
        })
      : app.gql(
          `mutation($a: ID!, $n: String!) { createContact(input: { agencyId: $a, name: $n, isContactPoint: true }) { id } }`,
          { a: agencyId, n: `Ola Kappløp ${i}` },
        ),
  );
  expect(codes(results)).not.toContain('INTERNAL_SERVER_ERROR');
  // Creations carry no version: every one of them wins in turn; an edit may find its version moved.
  expect(succeeded(results)).toBeGreaterThanOrEqual(N / 2);
  expect(new Set(codes(results))).toEqual(new Set(codes(results).length ? ['CONFLICT'] : []));
  expect(await contactPoints('1838')).toBe(1);
});

it('the database itself refuses a second contact point in a municipality', async () => {
  const { ids } = await contactsIn('1840', 2);
  await app.ds.query(`UPDATE contact_person SET is_contact_point = true WHERE id = $1`, [ids[0]]);
  await expect(
    app.ds.query(`UPDATE contact_person SET is_contact_point = true WHERE id = $1`, [ids[1]]),
  ).rejects.toThrow(/UQ_contact_person_contact_point/);
});

it(`verifyContacts and updateContact on the same contacts (${N} parallel): no deadlock reaches a client`, async () => {
  const { ids } = await contactsIn('1845', 8);
  const results = await all(N, (i) => {
    if (i % 2) {
      // Verifications over all of them, each in another order.
      const order = [...ids].sort(
        (a, b) =>
          ((a.charCodeAt(i % 36) ^ i) % 7) - ((b.charCodeAt(i % 36) ^ i) % 7) ||
          a.localeCompare(b) * (i % 4 === 1 ? 1 : -1),
      );
      return app.gql(`mutation($ids: [ID!]!) { verifyContacts(ids: $ids, verifiedBy: "Kappløpstest") { id } }`, {
        ids: order,
      });
    }
    return app.gql(
      `mutation($id: ID!, $t: String!) { updateContact(id: $id, input: { isContactPoint: true, title: $t }) { id } }`,
      { id: ids[(i / 2) % ids.length], t: `Tittel ${i}` },
    );
  });
  expect(codes(results)).not.toContain('INTERNAL_SERVER_ERROR');
  results.forEach((r, i) => {
    if (i % 2) expect(r.errors).toBeUndefined(); // verifications take no version: each one goes through
  });
  expect(await contactPoints('1845')).toBeLessThanOrEqual(1);
  const verified = await one(
    `SELECT count(*)::int AS n FROM contact_person WHERE kommunenummer = '1845' AND verified_by = 'Kappløpstest'`,
  );
  expect(verified.n).toBe(ids.length);
});

it(`setAgreementCostTerms: ${N} parallel calls on a small pool neither stall nor fail internally (one connection per transaction)`, async () => {
  const small = await createTestApp({ label: 'races_pool', poolSize: 4 });
  try {
    const { id, version } = (
      await small.ds.query(`SELECT id, version FROM agreement WHERE seed_key = 'agreement:Krisesenteret i Salten'`)
    )[0];
    const results = await all(N, (i) =>
      small.gql(
        `mutation($id: ID!, $v: Int!) { setAgreementCostTerms(agreementId: $id, expectedVersion: $v, terms: { model: PER_INHABITANT_HOST_RESIDUAL, rateOre: ${8000 + i} }) { id } }`,
        {
          id,
          v: version,
        },
      ),
    );
    expect(codes(results)).not.toContain('INTERNAL_SERVER_ERROR');
    expect(succeeded(results)).toBe(1); // one version, one winner; the rest CONFLICT
    expect(new Set(codes(results))).toEqual(new Set(['CONFLICT']));
    expect((await small.ds.query(`SELECT version FROM agreement WHERE id = $1`, [id]))[0].version).toBe(version + 1);
  } finally {
    await small.close();
  }
});
