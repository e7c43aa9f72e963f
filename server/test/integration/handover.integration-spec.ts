import { createTestApp, type TestApp } from '../utils/test-app';

let app: TestApp;
let saltenId: string;
beforeAll(async () => {
  app = await createTestApp({ label: 'routines' });
  saltenId = (await app.gql(`{ crisisCentres(filter: { search: "Salten" }) { items { id } } }`)).data!.crisisCentres
    .items[0].id;
});
afterAll(() => app?.close());

const codeOf = (r: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  r.errors?.map((e) => [e.extensions?.code, e.extensions?.field]);
const ROUTINE = `id status adoptedOn lastReviewedOn reviewDueOn isExample municipality { name } centre { name }
  steps { id position kind title timing responsibleAgencyKind contact { name agency { kind } } }`;

it('offers the 22-step template the sources give', async () => {
  const r = await app.gql(`{ routineTemplate { kind title titleEn timing responsibleAgencyKind basis } }`);
  expect(r.data!.routineTemplate).toHaveLength(22);
  expect(r.data!.routineTemplate[0]).toMatchObject({
    kind: 'MAP_NEEDS',
    title: 'Kartlegge behov (voksne og barn)',
    timing: 'ON_ARRIVAL',
  });
});

it('lists the example routines by centre and by municipality, steps in order with linked contacts', async () => {
  const r = await app.gql(
    `query($c: ID!) { handoverRoutines(filter: { centreId: $c }) { totalCount items { ${ROUTINE} } } }`,
    { c: saltenId },
  );
  expect(r.errors).toBeUndefined();
  expect(r.data!.handoverRoutines.totalCount).toBe(2);
  const bodo = r.data!.handoverRoutines.items.find((x: any) => x.municipality.name === 'Bodø');
  expect(bodo).toMatchObject({ status: 'ADOPTED', isExample: true, adoptedOn: '2025-03-01' });
  expect(bodo.steps.map((s: any) => s.position)).toEqual([...Array(22).keys()]);
  const nav = bodo.steps.find((s: any) => s.kind === 'NAV');
  expect(nav.contact.agency.kind).toBe('NAV');
  const byMunicipality = await app.gql(
    `{ municipality(kommunenummer: "3901") { handoverRoutines { status reviewDueOn centre { name } } } }`,
  );
  expect(byMunicipality.data!.municipality.handoverRoutines).toEqual([
    { status: 'ADOPTED', reviewDueOn: '2026-03-01', centre: { name: 'Kommunalt krisesentertilbud i Vestfold' } },
  ]);
});

describe('a routine made from the template, edited, reordered and adopted', () => {
  let id: string;

  it('creates a draft with all 22 steps; a second one for the same pair is a CONFLICT', async () => {
    const r = await app.gql(
      `mutation($c: ID!) { createRoutineFromTemplate(centreId: $c, kommunenummer: "1838") { ${ROUTINE} } }`,
      { c: saltenId },
    );
    expect(r.errors).toBeUndefined();
    const routine = r.data!.createRoutineFromTemplate;
    id = routine.id;
    expect(routine).toMatchObject({ status: 'DRAFT', isExample: false, municipality: { name: 'Gildeskål' } });
    expect(routine.steps).toHaveLength(22);
    const again = await app.gql(
      `mutation($c: ID!) { createRoutineFromTemplate(centreId: $c, kommunenummer: "1838") { id } }`,
      { c: saltenId },
    );
    expect(again.errors![0].extensions).toMatchObject({ code: 'CONFLICT', existingId: id });
  });

  it('adds a step at a position, edits it, links a contact of the municipality and refuses one from elsewhere', async () => {
    const add = await app.gql(
      `mutation($r: ID!) { addRoutineStep(routineId: $r, input: { title: "Avklare skoleskyss", timing: BEFORE_MOVING_OUT, responsibleAgencyKind: SCHOOL, position: 2 }) { id position kind } }`,
      { r: id },
    );
    expect(add.errors).toBeUndefined();
    expect(add.data!.addRoutineStep).toMatchObject({ position: 2, kind: 'OTHER' });
    const steps = (
      await app.gql(`query($id: ID!) { handoverRoutine(id: $id) { steps { id title position } } }`, { id })
    ).data!.handoverRoutine.steps;
    expect(steps).toHaveLength(23);
    expect(steps[2].title).toBe('Avklare skoleskyss');
    expect(steps.map((s: any) => s.position)).toEqual([...Array(23).keys()]);

    const [local] = await app.ds.query(
      `SELECT c.id FROM contact_person c JOIN agency a ON a.id = c.agency_id WHERE a.kommunenummer = '1838' LIMIT 1`,
    );
    const [elsewhere] = await app.ds.query(
      `SELECT c.id FROM contact_person c JOIN agency a ON a.id = c.agency_id WHERE a.kommunenummer = '1804' LIMIT 1`,
    );
    const ok = await app.gql(
      `mutation($s: ID!, $c: ID) { updateRoutineStep(id: $s, input: { contactId: $c, description: "Skolen i ny kommune" }) { contact { id } description } }`,
      { s: steps[2].id, c: local.id },
    );
    expect(ok.data!.updateRoutineStep).toEqual({ contact: { id: local.id }, description: 'Skolen i ny kommune' });
    const bad = await app.gql(
      `mutation($s: ID!, $c: ID) { updateRoutineStep(id: $s, input: { contactId: $c }) { id } }`,
      { s: steps[2].id, c: elsewhere.id },
    );
    expect(codeOf(bad)).toEqual([['BAD_USER_INPUT', 'input.contactId']]);
  });

  it('reorders the steps; the order must name every step once', async () => {
    const steps = (
      await app.gql(`query($id: ID!) { handoverRoutine(id: $id) { steps { id } } }`, { id })
    ).data!.handoverRoutine.steps.map((s: any) => s.id);
    const reversed = [...steps].reverse();
    const r = await app.gql(
      `mutation($r: ID!, $s: [ID!]!) { reorderRoutineSteps(routineId: $r, stepIds: $s) { steps { id position } } }`,
      { r: id, s: reversed },
    );
    expect(r.data!.reorderRoutineSteps.steps.map((s: any) => s.id)).toEqual(reversed);
    for (const bad of [
      reversed.slice(1),
      [...reversed, reversed[0]],
      [...reversed.slice(1), '00000000-0000-4000-8000-000000000000'],
    ]) {
      const refused = await app.gql(
        `mutation($r: ID!, $s: [ID!]!) { reorderRoutineSteps(routineId: $r, stepIds: $s) { id } }`,
        { r: id, s: bad },
      );
      expect(codeOf(refused)).toEqual([['BAD_USER_INPUT', 'stepIds']]);
    }
    const unchanged = (
      await app.gql(`query($id: ID!) { handoverRoutine(id: $id) { steps { id } } }`, { id })
    ).data!.handoverRoutine.steps.map((s: any) => s.id);
    expect(unchanged).toEqual(reversed);
  });

  it('removes a step and closes the gap', async () => {
    const steps = (await app.gql(`query($id: ID!) { handoverRoutine(id: $id) { steps { id } } }`, { id })).data!
      .handoverRoutine.steps;
    await app.gql(`mutation($s: ID!) { removeRoutineStep(id: $s) }`, { s: steps[0].id });
    const after = (await app.gql(`query($id: ID!) { handoverRoutine(id: $id) { steps { position } } }`, { id })).data!
      .handoverRoutine.steps;
    expect(after.map((s: any) => s.position)).toEqual([...Array(22).keys()]);
  });

  it('step edits take the routine version the user saw: an edit from an older view is a CONFLICT with the step as it is now', async () => {
    const seen = (await app.gql(`query($id: ID!) { handoverRoutine(id: $id) { version steps { id title } } }`, { id }))
      .data!.handoverRoutine;
    const step = seen.steps[1];
    const first = await app.gql(
      `mutation($s: ID!, $v: Int) { updateRoutineStep(id: $s, input: { title: "Første lagring" }, expectedVersion: $v) { title } }`,
      { s: step.id, v: seen.version },
    );
    expect(first.errors).toBeUndefined();
    const stale = await app.gql(
      `mutation($s: ID!, $v: Int) { updateRoutineStep(id: $s, input: { title: "Andre lagring" }, expectedVersion: $v) { title } }`,
      { s: step.id, v: seen.version },
    );
    expect(stale.errors![0].extensions).toMatchObject({
      code: 'CONFLICT',
      currentVersion: seen.version + 1,
      current: { id: step.id, title: 'Første lagring', version: seen.version + 1 },
    });
    const staleOthers = await Promise.all([
      app.gql(
        `mutation($r: ID!, $v: Int) { addRoutineStep(routineId: $r, input: { title: "X", timing: AFTER_STAY }, expectedVersion: $v) { id } }`,
        { r: id, v: seen.version },
      ),
      app.gql(`mutation($s: ID!, $v: Int) { removeRoutineStep(id: $s, expectedVersion: $v) }`, {
        s: step.id,
        v: seen.version,
      }),
      app.gql(
        `mutation($r: ID!, $s: [ID!]!, $v: Int) { reorderRoutineSteps(routineId: $r, stepIds: $s, expectedVersion: $v) { id } }`,
        { r: id, s: seen.steps.map((x: any) => x.id).reverse(), v: seen.version },
      ),
    ]);
    expect(staleOthers.map((r) => r.errors?.[0]?.extensions?.code)).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT']);
    const after = (await app.gql(`query($id: ID!) { handoverRoutine(id: $id) { version steps { id title } } }`, { id }))
      .data!.handoverRoutine;
    expect(after.version).toBe(seen.version + 1);
    expect(after.steps.map((x: any) => x.id)).toEqual(seen.steps.map((x: any) => x.id));
    expect(after.steps[1].title).toBe('Første lagring');
    const audited = await app.ds.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE entity = 'RoutineStep' AND entity_id = $1 AND operation = 'UPDATE'`,
      [step.id],
    );
    expect(audited).toEqual([{ n: 1 }]);
    // The routine's history includes the step edit, naming the step.
    const history = await app.gql(
      `query($id: ID!) { auditLog(filter: { entity: "HandoverRoutine", entityId: $id }) { items { operation entity entityId partLabel changes } } }`,
      { id },
    );
    expect(history.data!.auditLog.items).toContainEqual({
      operation: 'UPDATE',
      entity: 'RoutineStep',
      entityId: step.id,
      partLabel: 'Første lagring',
      changes: { title: { before: step.title, after: 'Første lagring' } },
    });
  });

  it('adopts it (adoptedOn defaults to today) and refuses a review before adoption', async () => {
    const r = await app.gql(
      `mutation($id: ID!) { updateRoutine(id: $id, input: { status: ADOPTED, reviewDueOn: "2027-11-01" }) { status adoptedOn reviewDueOn } }`,
      { id },
    );
    expect(r.data!.updateRoutine.status).toBe('ADOPTED');
    expect(r.data!.updateRoutine.adoptedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const bad = await app.gql(
      `mutation($id: ID!) { updateRoutine(id: $id, input: { adoptedOn: "2026-01-01", lastReviewedOn: "2025-12-31" }) { id } }`,
      { id },
    );
    expect(codeOf(bad)).toEqual([['BAD_USER_INPUT', 'input.lastReviewedOn']]);
    expect(
      codeOf(
        await app.gql(`mutation($id: ID!) { updateRoutine(id: $id, input: { reviewDueOn: "snart" }) { id } }`, { id }),
      ),
    ).toEqual([['BAD_USER_INPUT', 'input.reviewDueOn']]);
  });

  it('deletes the routine with its steps; NOT_FOUND afterwards', async () => {
    expect((await app.gql(`mutation($id: ID!) { deleteRoutine(id: $id) }`, { id })).data!.deleteRoutine).toBe(id);
    expect(await app.ds.query(`SELECT count(*)::int AS n FROM routine_step WHERE routine_id = $1`, [id])).toEqual([
      { n: 0 },
    ]);
    expect(codeOf(await app.gql(`query($id: ID!) { handoverRoutine(id: $id) { id } }`, { id }))).toEqual([
      ['NOT_FOUND', undefined],
    ]);
  });
});

it.each([
  ['centreId', { c: '00000000-0000-4000-8000-000000000000', k: '1838' }],
  ['kommunenummer', { c: null, k: '1899' }],
  ['kommunenummer', { c: null, k: 'Bodø' }],
])('refuses a routine for an unknown %s', async (field, { c, k }) => {
  const r = await app.gql(
    `mutation($c: ID!, $k: String!) { createRoutineFromTemplate(centreId: $c, kommunenummer: $k) { id } }`,
    { c: c ?? saltenId, k },
  );
  expect(codeOf(r)).toEqual([['BAD_USER_INPUT', field]]);
});

it('an existing routine keeps its steps; the template steps it lacks are offered, not added', async () => {
  const list = await app.gql(`{ handoverRoutines { items { id municipality { name } } } }`);
  const bodo = list.data!.handoverRoutines.items.find((x: any) => x.municipality.name === 'Bodø');
  // A routine made from the first, 14-step template: drop the steps of the new kinds.
  await app.ds.query(
    `DELETE FROM routine_step WHERE routine_id = $1 AND kind IN ('FAMILY_COUNSELLING', 'GP_HEALTH', 'INTERPRETER', 'POLICE_REPORT_VICTIM_SUPPORT', 'UPDATE_SAFETY_PLAN', 'ADDRESS_CHANGE_CONFIDENTIAL', 'VOLUNTARY_ORGANISATIONS', 'CHILD_COORDINATOR')`,
    [bodo.id],
  );
  const q = `query($id: ID!) { handoverRoutine(id: $id) { steps { id kind } missingTemplateSteps { kind title responsibleAgencyKind timing basis } } }`;
  const before = (await app.gql(q, { id: bodo.id })).data!.handoverRoutine;
  expect(before.steps).toHaveLength(14);
  expect(before.missingTemplateSteps.map((s: any) => s.kind)).toEqual([
    'FAMILY_COUNSELLING',
    'GP_HEALTH',
    'INTERPRETER',
    'POLICE_REPORT_VICTIM_SUPPORT',
    'UPDATE_SAFETY_PLAN',
    'ADDRESS_CHANGE_CONFIDENTIAL',
    'VOLUNTARY_ORGANISATIONS',
    'CHILD_COORDINATOR',
  ]);
  expect(before.missingTemplateSteps[0]).toMatchObject({
    title: 'Familievernet: foreldretvist, samvær og mekling',
    responsibleAgencyKind: 'FAMILY_COUNSELLING',
  });
  const after = (await app.gql(q, { id: bodo.id })).data!.handoverRoutine;
  expect(after.steps.map((s: any) => s.id)).toEqual(before.steps.map((s: any) => s.id));
});

it("removing a routine's last step is refused at the field, naming the step, and the step stays", async () => {
  const made = await app.gql(
    `mutation($c: ID!) { createRoutineFromTemplate(centreId: $c, kommunenummer: "1839") { id version steps { id } } }`,
    { c: saltenId },
  );
  expect(made.errors).toBeUndefined();
  const { id, steps } = made.data!.createRoutineFromTemplate;
  for (const s of steps.slice(1))
    expect((await app.gql(`mutation($s: ID!) { removeRoutineStep(id: $s) }`, { s: s.id })).errors).toBeUndefined();
  const last = await app.gql(`mutation($s: ID!) { removeRoutineStep(id: $s) }`, { s: steps[0].id });
  expect(codeOf(last)).toEqual([['BAD_USER_INPUT', 'id']]);
  expect(last.errors![0].message).toContain('eneste steg');
  const after = (await app.gql(`query($id: ID!) { handoverRoutine(id: $id) { steps { id } } }`, { id })).data!
    .handoverRoutine.steps;
  expect(after).toEqual([{ id: steps[0].id }]);
  // A new step (written by the user, kind OTHER) can be added and then the old one removed.
  const added = await app.gql(
    `mutation($r: ID!) { addRoutineStep(routineId: $r, input: { title: "Eget steg", timing: AFTER_STAY }) { id kind } }`,
    { r: id },
  );
  expect(added.data!.addRoutineStep.kind).toBe('OTHER');
  expect((await app.gql(`mutation($s: ID!) { removeRoutineStep(id: $s) }`, { s: steps[0].id })).errors).toBeUndefined();
});
