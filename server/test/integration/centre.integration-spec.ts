import { createTestApp, type TestApp } from '../utils/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ label: 'centres' });
});
afterAll(() => app?.close());

const codeOf = (r: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  r.errors?.map((e) => [e.extensions?.code, e.extensions?.field]);

it('real centres show unknown details as not registered, never as "none"', async () => {
  const r = await app.gql(`{ crisisCentres { items { name organisationForm services capabilities capacityRooms } } }`);
  for (const c of r.data!.crisisCentres.items) {
    expect(c).toMatchObject({ services: null, capabilities: null, capacityRooms: null });
    // The form only where data/national states it plainly (an IKS, a foundation).
    expect(['UNKNOWN', 'IKS', 'FOUNDATION']).toContain(c.organisationForm);
  }
});

it('creates, filters, edits and deletes a centre', async () => {
  const created = await app.gql(
    `mutation($i: CrisisCentreInput!) { createCrisisCentre(input: $i) { id name organisationForm services capabilities capacityRooms host { name } } }`,
    {
      i: {
        name: 'Testsenteret',
        hostKommunenummer: '5001',
        organisationForm: 'IKS',
        services: ['SHELTER', 'DAY_SERVICE', 'PHONE_SERVICE', 'FOLLOW_UP'],
        capabilities: ['CHILDREN'],
        capacityRooms: 12,
      },
    },
  );
  expect(created.errors).toBeUndefined();
  const c = created.data!.createCrisisCentre;
  expect(c).toMatchObject({
    name: 'Testsenteret',
    organisationForm: 'IKS',
    capabilities: ['CHILDREN'],
    capacityRooms: 12,
    host: { name: 'Trondheim' },
  });

  const byHost = await app.gql(`{ crisisCentres(filter: { kommunenummer: "5001" }) { totalCount items { name } } }`);
  expect(byHost.data!.crisisCentres.items).toEqual([{ name: 'Testsenteret' }, { name: 'Trondheim krisesenter' }]);
  const byPartner = await app.gql(`{ crisisCentres(filter: { kommunenummer: "1841" }) { items { name } } }`);
  expect(byPartner.data!.crisisCentres.items).toEqual([{ name: 'Krisesenteret i Salten' }]);

  const upd = await app.gql(
    `mutation($id: ID!) { updateCrisisCentre(id: $id, input: { capabilities: [CHILDREN, SAMI_LANGUAGE], note: "Samisk tolk på vakt" }) { capabilities note name } }`,
    { id: c.id },
  );
  expect(upd.data!.updateCrisisCentre).toEqual({
    capabilities: ['CHILDREN', 'SAMI_LANGUAGE'],
    note: 'Samisk tolk på vakt',
    name: 'Testsenteret',
  });

  expect(
    (await app.gql(`mutation($id: ID!) { deleteCrisisCentre(id: $id) }`, { id: c.id })).data!.deleteCrisisCentre,
  ).toBe(c.id);
  expect(codeOf(await app.gql(`query($id: ID!) { crisisCentre(id: $id) { id } }`, { id: c.id }))).toEqual([
    ['NOT_FOUND', undefined],
  ]);
});

it.each([
  [{ name: '', hostKommunenummer: '1804' }, 'input.name'],
  [{ name: 'X', hostKommunenummer: '1899' }, 'input.hostKommunenummer'],
  [{ name: 'X', hostKommunenummer: '1804', capacityRooms: -1 }, 'input.capacityRooms'],
  [{ name: 'X', hostKommunenummer: '1804', services: ['SHELTER', 'SHELTER'] }, 'input.services'],
])('refuses %p on %s', async (input, field) => {
  const r = await app.gql(`mutation($i: CrisisCentreInput!) { createCrisisCentre(input: $i) { id } }`, { i: input });
  expect(codeOf(r)).toEqual([['BAD_USER_INPUT', field]]);
});

it("refuses a name that differs from another centre's only in case: CONFLICT at input.name", async () => {
  const r = await app.gql(
    `mutation { createCrisisCentre(input: { name: "Krisesenteret i salten", hostKommunenummer: "1804" }) { id } }`,
  );
  expect(codeOf(r)).toEqual([['CONFLICT', 'input.name']]);
});

it('refuses to delete a centre with agreements and routines, listing them', async () => {
  const salten = (await app.gql(`{ crisisCentres(filter: { search: "Salten" }) { items { id } } }`)).data!.crisisCentres
    .items[0];
  const r = await app.gql(`mutation($id: ID!) { deleteCrisisCentre(id: $id) }`, { id: salten.id });
  expect(r.errors![0].extensions!.code).toBe('CONFLICT');
  expect(r.errors![0].message).toBe(
    'Krisesenteret kan ikke slettes fordi det har 1 avtale og 2 overgangsrutiner. Slett eller flytt dem først.',
  );
  const blockers = r.errors![0].extensions!.blockedBy as { entity: string }[];
  expect(blockers.map((b) => b.entity).sort()).toEqual(['Agreement', 'HandoverRoutine', 'HandoverRoutine']);
});
