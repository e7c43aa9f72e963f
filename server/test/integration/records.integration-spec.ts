import { createTestApp, type TestApp } from '../utils/test-app';

/**
 * Changes to parts of a record (an agreement's parties, a routine's steps), and the side effects of
 * contact changes: serialised by the record's lock, and visible in the history.
 */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ label: 'records' });
});
afterAll(() => app?.close());

/** Holds a row lock in a transaction of its own until `release` – a change «committed meanwhile». */
async function holdLock(table: string, id: string) {
  const runner = app.ds.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  await runner.query(`SELECT id FROM ${table} WHERE id = $1 FOR UPDATE`, [id]);
  return {
    query: (sql: string, params: unknown[]) => runner.query(sql, params),
    async commit() {
      await runner.commitTransaction();
      await runner.release();
    },
  };
}

/** Resolves once the server's statement is waiting for a lock (so the test knows the order). */
async function waitingForLock() {
  for (let i = 0; i < 200; i++) {
    const [row] = await app.ds.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`,
    );
    if (row.n > 0) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('no statement waited for the lock');
}

it('a party edit that waited for the agreement sees the change committed meanwhile and does not write it back', async () => {
  const [party] = await app.ds.query(
    `SELECT p.id, p.agreement_id, p.version, p.note FROM agreement_party p JOIN agreement a ON a.id = p.agreement_id WHERE p.role = 'partner' AND p.left_on IS NULL LIMIT 1`,
  );
  const other = await holdLock('agreement', party.agreement_id);
  // A note-only edit sent with the version seen before the other change.
  const edit = app.gql(
    `mutation($id: ID!, $v: Int) { updateAgreementParty(id: $id, input: { note: "Bekreftet i møte" }, expectedVersion: $v) { joinedOn note } }`,
    { id: party.id, v: party.version },
  );
  await waitingForLock();
  await other.query(`UPDATE agreement_party SET joined_on = '2015-03-01', version = version + 1 WHERE id = $1`, [
    party.id,
  ]);
  await other.commit();
  const r = await edit;
  // Read again under the lock: the edit sees the newer version, is refused with it, and writes nothing back.
  expect(r.errors![0].extensions).toMatchObject({
    code: 'CONFLICT',
    expectedVersion: party.version,
    currentVersion: party.version + 1,
    current: { joinedOn: '2015-03-01' },
  });
  expect(await app.ds.query(`SELECT joined_on::text, note FROM agreement_party WHERE id = $1`, [party.id])).toEqual([
    { joined_on: '2015-03-01', note: party.note },
  ]);
  // With the version now current, the edit goes through on top of the other change.
  const again = await app.gql(
    `mutation($id: ID!) { updateAgreementParty(id: $id, input: { note: "Bekreftet i møte" }) { joinedOn note } }`,
    { id: party.id },
  );
  expect(again.data!.updateAgreementParty).toEqual({ joinedOn: '2015-03-01', note: 'Bekreftet i møte' });
});

it('a step edit that waited for the routine sees the change committed meanwhile and does not write it back', async () => {
  const [step] = await app.ds.query(`SELECT id, routine_id FROM routine_step ORDER BY position LIMIT 1`);
  const other = await holdLock('handover_routine', step.routine_id);
  const edit = app.gql(
    `mutation($id: ID!) { updateRoutineStep(id: $id, input: { description: "Avtal møte" }) { title description } }`,
    { id: step.id },
  );
  await waitingForLock();
  await other.query(`UPDATE routine_step SET title = 'Endret av en annen' WHERE id = $1`, [step.id]);
  await other.commit();
  const r = await edit;
  expect(r.errors).toBeUndefined();
  expect(r.data!.updateRoutineStep).toEqual({ title: 'Endret av en annen', description: 'Avtal møte' });
});

it('moving the contact point shows in the history of the contact that lost it', async () => {
  const [agency] = await app.ds.query(`SELECT id FROM agency WHERE kommunenummer = '1841' LIMIT 1`);
  const create = (name: string) =>
    app.gql(
      `mutation($a: ID!, $n: String!) { createContact(input: { agencyId: $a, name: $n, isContactPoint: true }) { id } }`,
      { a: agency.id, n: name },
    );
  const first = (await create('Første Punkt')).data!.createContact.id;
  await create('Andre Punkt');
  const history = await app.gql(
    `query($id: ID!) { auditLog(filter: { entity: "ContactPerson", entityId: $id }) { items { operation changes } } }`,
    { id: first },
  );
  expect(history.data!.auditLog.items[0]).toEqual({
    operation: 'UPDATE',
    changes: { isContactPoint: { before: true, after: false } },
  });
});

it('erasing a contact shows the lost links in the routines’ history and moves the routines on a version', async () => {
  const [agency] = await app.ds.query(`SELECT id FROM agency WHERE kommunenummer = '1841' LIMIT 1`);
  const id = (
    await app.gql(`mutation($a: ID!) { createContact(input: { agencyId: $a, name: "Slett Meg" }) { id } }`, {
      a: agency.id,
    })
  ).data!.createContact.id;
  const [step] = await app.ds.query(
    `SELECT s.id, s.title, s.routine_id, r.version FROM routine_step s JOIN handover_routine r ON r.id = s.routine_id LIMIT 1`,
  );
  await app.ds.query(`UPDATE routine_step SET contact_id = $1 WHERE id = $2`, [id, step.id]);
  expect((await app.gql(`mutation($id: ID!) { eraseContactPerson(id: $id) }`, { id })).errors).toBeUndefined();
  const routine = await app.gql(
    `query($id: ID!) { handoverRoutine(id: $id) { version } auditLog(filter: { entity: "HandoverRoutine", entityId: $id }) { items { entity entityId partLabel changes } } }`,
    { id: step.routine_id },
  );
  expect(routine.data!.handoverRoutine.version).toBe(step.version + 1);
  expect(routine.data!.auditLog.items[0]).toEqual({
    entity: 'RoutineStep',
    entityId: step.id,
    partLabel: step.title,
    changes: { contactId: { before: id, after: null } },
  });
});

it('cost terms take the agreement version the user saw', async () => {
  const [a] = await app.ds.query(`SELECT id, version FROM agreement WHERE status = 'ACTIVE' LIMIT 1`);
  const set = (v: number) =>
    app.gql(
      `mutation($id: ID!, $v: Int) { setAgreementCostTerms(agreementId: $id, terms: { model: PER_INHABITANT_HOST_RESIDUAL, rateOre: 4500 }, expectedVersion: $v) { version } }`,
      { id: a.id, v },
    );
  expect((await set(a.version)).data!.setAgreementCostTerms.version).toBe(a.version + 1);
  expect((await set(a.version)).errors![0].extensions).toMatchObject({
    code: 'CONFLICT',
    currentVersion: a.version + 1,
  });
});
