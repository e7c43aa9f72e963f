import { createTestApp, userWith, type TestApp } from '../utils/test-app';

let app: TestApp;
let saltenId: string;
beforeAll(async () => {
  app = await createTestApp({ label: 'contacts' });
  saltenId = (await app.gql(`{ crisisCentres(filter: { search: "Salten" }) { items { id } } }`)).data!.crisisCentres
    .items[0].id;
});
afterAll(() => app?.close());

const codeOf = (r: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  r.errors?.map((e) => [e.extensions?.code, e.extensions?.field]);

async function newAgency(kommunenummer: string, kind = 'NAV', name = `NAV test ${kommunenummer}`) {
  const r = await app.gql(
    `mutation($i: AgencyInput!) { createAgency(input: $i) { id kind name writtenAgreement municipality { name } } }`,
    {
      i: { kommunenummer, kind, name },
    },
  );
  expect(r.errors).toBeUndefined();
  return r.data!.createAgency;
}

describe('agencies', () => {
  it('lists the agencies of a municipality with their contacts, contact point first', async () => {
    const r = await app.gql(
      `{ agencies(filter: { kommunenummer: "1804" }) { totalCount items { kind name isExample contacts { name isContactPoint email stale } } } }`,
    );
    expect(r.errors).toBeUndefined();
    const items = r.data!.agencies.items;
    expect(items.length).toBeGreaterThanOrEqual(4);
    expect(items.every((a: any) => a.isExample)).toBe(true);
    expect(items.map((a: any) => a.kind)).toEqual(
      expect.arrayContaining(['NAV', 'BARNEVERN', 'POLICE', 'VIOLENCE_COORDINATOR']),
    );
  });

  it('lists the agencies of all current members of a centre', async () => {
    const r = await app.gql(
      `query($c: ID!) { agencies(filter: { centreId: $c, kinds: [NAV] }, limit: 100) { totalCount items { municipality { kommunenummer } } } }`,
      { c: saltenId },
    );
    expect(r.data!.agencies.totalCount).toBe(13); // Bodø and its 12 partners each have NAV
  });

  it('creates, edits and refuses to delete an agency with contacts, naming them', async () => {
    const a = await newAgency('1804', 'HOUSING_OFFICE', 'Boligtjenesten Bodø (test)');
    expect(a).toMatchObject({ kind: 'HOUSING_OFFICE', writtenAgreement: false, municipality: { name: 'Bodø' } });
    const upd = await app.gql(
      `mutation($id: ID!) { updateAgency(id: $id, input: { writtenAgreement: true, writtenAgreementDate: "2026-05-01" }) { writtenAgreement writtenAgreementDate } }`,
      { id: a.id },
    );
    expect(upd.data!.updateAgency).toEqual({ writtenAgreement: true, writtenAgreementDate: '2026-05-01' });
    const c = await app.gql(`mutation($i: ContactInput!) { createContact(input: $i) { id } }`, {
      i: { agencyId: a.id, name: 'Ola Testesen' },
    });
    const del = await app.gql(`mutation($id: ID!) { deleteAgency(id: $id) }`, { id: a.id });
    expect(del.errors![0].extensions).toMatchObject({
      code: 'CONFLICT',
      blockedBy: [{ entity: 'ContactPerson', id: c.data!.createContact.id, label: 'Ola Testesen' }],
    });
    expect(del.errors![0].message).toContain('Ola Testesen');
    await app.gql(`mutation($id: ID!) { deleteContact(id: $id) }`, { id: c.data!.createContact.id });
    expect((await app.gql(`mutation($id: ID!) { deleteAgency(id: $id) }`, { id: a.id })).data!.deleteAgency).toBe(a.id);
  });

  it.each([
    [{ kommunenummer: '1899', kind: 'NAV', name: 'X' }, 'input.kommunenummer'],
    [{ kommunenummer: '184', kind: 'NAV', name: 'X' }, 'input.kommunenummer'],
    [{ kommunenummer: '1804', kind: 'NAV', name: '' }, 'input.name'],
    [
      { kommunenummer: '1804', kind: 'NAV', name: 'X', writtenAgreementDate: '01.05.2026' },
      'input.writtenAgreementDate',
    ],
  ])('refuses agency %p on %s', async (input, field) => {
    const r = await app.gql(`mutation($i: AgencyInput!) { createAgency(input: $i) { id } }`, { i: input });
    expect(codeOf(r)).toEqual([['BAD_USER_INPUT', field]]);
  });
});

describe('contacts', () => {
  let agencyId: string;
  beforeAll(async () => {
    agencyId = (await newAgency('1841', 'BARNEVERN', 'Barnevern test Fauske')).id;
  });

  it('creates a contact with work details, normalised, verified by its creator', async () => {
    const me = (await app.gql(`{ me { name } }`)).data!.me.name;
    const r = await app.gql(
      `mutation($i: ContactInput!) { createContact(input: $i) { name title phone email isContactPoint active stale verifiedAt verifiedBy agency { name } } }`,
      {
        i: {
          agencyId,
          name: ' Kari Prøvesen ',
          title: 'Fagleder',
          phone: '+47 00 00 00 01',
          email: 'Kari.Provesen@Fauske.Kommune.Example',
        },
      },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.createContact).toEqual({
      name: 'Kari Prøvesen',
      title: 'Fagleder',
      phone: '+47 00 00 00 01',
      email: 'kari.provesen@fauske.kommune.example',
      isContactPoint: false,
      active: true,
      stale: false, // the creator vouches for it
      verifiedAt: expect.any(String),
      verifiedBy: me,
      agency: { name: 'Barnevern test Fauske' },
    });
  });

  it.each([
    [{ name: '' }, 'input.name'],
    [{ name: 'X', email: 'ikke-epost' }, 'input.email'],
    [{ name: 'X', phone: '12' }, 'input.phone'],
    [{ name: 'X', agencyId: '00000000-0000-4000-8000-000000000000' }, 'input.agencyId'],
    [{ name: 'X', agencyId: 'nav' }, 'input.agencyId'],
  ])('refuses %p on %s and writes nothing', async (input, field) => {
    const [before] = await app.ds.query(`SELECT count(*)::int AS n FROM contact_person`);
    const r = await app.gql(`mutation($i: ContactInput!) { createContact(input: $i) { id } }`, {
      i: { agencyId, ...input },
    });
    expect(codeOf(r)).toEqual([['BAD_USER_INPUT', field]]);
    expect((await app.ds.query(`SELECT count(*)::int AS n FROM contact_person`))[0]).toEqual(before);
  });

  it('reports every wrong field at once, one message each', async () => {
    const r = await app.gql(`mutation($i: ContactInput!) { createContact(input: $i) { id } }`, {
      i: { agencyId, name: '', email: 'ikke-epost', phone: '12' },
    });
    expect(codeOf(r)).toEqual([['BAD_USER_INPUT', 'input.name']]);
    const fields = r.errors![0].extensions!.fields as { field: string; message: string }[];
    expect(fields).toHaveLength(3);
    expect(new Set(fields.map((f) => f.field))).toEqual(new Set(['input.name', 'input.phone', 'input.email']));
    expect(fields.every((f) => f.message.length > 0)).toBe(true);
  });

  it('keeps one contact point per municipality: making a new one moves the mark', async () => {
    const points = () =>
      app.gql(`{ contacts(filter: { kommunenummer: "1841", contactPointsOnly: true }) { items { id name } } }`);
    const first = await app.gql(`mutation($i: ContactInput!) { createContact(input: $i) { id } }`, {
      i: { agencyId, name: 'Liv Normann', isContactPoint: true },
    });
    expect((await points()).data!.contacts.items).toEqual([{ id: first.data!.createContact.id, name: 'Liv Normann' }]);
    const r = await app.gql(`mutation($i: ContactInput!) { createContact(input: $i) { id } }`, {
      i: { agencyId, name: 'Nils Eksempelsen', isContactPoint: true },
    });
    expect((await points()).data!.contacts.items).toEqual([{ id: r.data!.createContact.id, name: 'Nils Eksempelsen' }]);
    // Moving it back by editing works the same way.
    await app.gql(`mutation($id: ID!) { updateContact(id: $id, input: { isContactPoint: true }) { id } }`, {
      id: first.data!.createContact.id,
    });
    expect((await points()).data!.contacts.items).toEqual([{ id: first.data!.createContact.id, name: 'Liv Normann' }]);
  });

  it('finds stale contacts, verifies many at once, and they are fresh afterwards', async () => {
    const stale = await app.gql(
      `query($c: ID!) { contacts(filter: { centreId: $c, stale: true }, limit: 500) { totalCount items { id stale verifiedAt } } }`,
      { c: saltenId },
    );
    expect(stale.errors).toBeUndefined();
    const ids = stale.data!.contacts.items.map((c: any) => c.id);
    expect(ids.length).toBeGreaterThan(3);
    expect(stale.data!.contacts.items.every((c: any) => c.stale)).toBe(true);

    const v = await app.gql(
      `mutation($ids: [ID!]!) { verifyContacts(ids: $ids, verifiedBy: "Leder, Krisesenteret i Salten") { id stale verifiedBy verifiedAt } }`,
      { ids },
    );
    expect(v.errors).toBeUndefined();
    expect(v.data!.verifyContacts).toHaveLength(ids.length);
    for (const c of v.data!.verifyContacts)
      expect(c).toMatchObject({ stale: false, verifiedBy: 'Leder, Krisesenteret i Salten' });
    const again = await app.gql(`query($c: ID!) { contacts(filter: { centreId: $c, stale: true }) { totalCount } }`, {
      c: saltenId,
    });
    expect(again.data!.contacts.totalCount).toBe(0);
  });

  it('the staleness threshold is configurable', async () => {
    await app.ds.query(
      `UPDATE contact_person SET verified_at = now() - interval '2 months 1 day' WHERE name = 'Kari Prøvesen'`,
    );
    const at1 = await app.gql(
      `{ contacts(filter: { kommunenummer: "1841", stale: true, staleAfterMonths: 2 }) { items { name } } }`,
    );
    expect(at1.data!.contacts.items.map((c: any) => c.name)).toContain('Kari Prøvesen');
    const at3 = await app.gql(
      `{ contacts(filter: { kommunenummer: "1841", stale: true, staleAfterMonths: 3 }) { items { name } } }`,
    );
    expect(at3.data!.contacts.items.map((c: any) => c.name)).not.toContain('Kari Prøvesen');
  });

  it('verifying refuses an unknown id and changes nothing', async () => {
    const [one] = (await app.gql(`{ contacts(filter: { kommunenummer: "1841" }) { items { id verifiedAt } } }`)).data!
      .contacts.items;
    const r = await app.gql(`mutation($ids: [ID!]!) { verifyContacts(ids: $ids, verifiedBy: "X") { id } }`, {
      ids: [one.id, '00000000-0000-4000-8000-000000000000'],
    });
    expect(codeOf(r)).toEqual([['BAD_USER_INPUT', 'ids']]);
    const after = await app.gql(`{ contacts(filter: { kommunenummer: "1841" }) { items { id verifiedAt } } }`);
    expect(after.data!.contacts.items.find((c: any) => c.id === one.id).verifiedAt).toBe(one.verifiedAt);
    expect(codeOf(await app.gql(`mutation { verifyContacts(ids: [], verifiedBy: "X") { id } }`))).toEqual([
      ['BAD_USER_INPUT', 'ids'],
    ]);
    expect(
      codeOf(
        await app.gql(`mutation($ids: [ID!]!) { verifyContacts(ids: $ids, verifiedBy: " ") { id } }`, {
          ids: [one.id],
        }),
      ),
    ).toEqual([['BAD_USER_INPUT', 'verifiedBy']]);
  });

  it('inactive contacts drop out of lists unless asked for', async () => {
    const c = (
      await app.gql(`mutation($i: ContactInput!) { createContact(input: $i) { id } }`, {
        i: { agencyId, name: 'Per Fiktivsen' },
      })
    ).data!.createContact.id;
    await app.gql(`mutation($id: ID!) { updateContact(id: $id, input: { active: false }) { id } }`, { id: c });
    const list = await app.gql(`{ contacts(filter: { kommunenummer: "1841" }) { items { name } } }`);
    expect(list.data!.contacts.items.map((x: any) => x.name)).not.toContain('Per Fiktivsen');
    const all = await app.gql(
      `{ contacts(filter: { kommunenummer: "1841", activeOnly: false }) { items { name active } } }`,
    );
    expect(all.data!.contacts.items).toContainEqual({ name: 'Per Fiktivsen', active: false });
  });

  it('refuses to delete a contact linked to a routine step, naming the step; NOT_FOUND for an unknown one', async () => {
    const linked = await app.ds.query(`SELECT contact_id FROM routine_step WHERE contact_id IS NOT NULL LIMIT 1`);
    const r = await app.gql(`mutation($id: ID!) { deleteContact(id: $id) }`, { id: linked[0].contact_id });
    expect(r.errors![0].extensions!.code).toBe('CONFLICT');
    expect((r.errors![0].extensions!.blockedBy as any[])[0].entity).toBe('RoutineStep');
    expect(codeOf(await app.gql(`mutation { deleteContact(id: "00000000-0000-4000-8000-000000000000") }`))).toEqual([
      ['NOT_FOUND', undefined],
    ]);
  });
});

describe('«Ny etat»: a new agency with its first contact, saved together', () => {
  const NEW = `mutation($i: NewAgencyInput!) { createAgencyWithContact(input: $i) { name verifiedBy stale agency { kind name municipality { kommunenummer } } } }`;
  const agencyCount = async (name: string) =>
    (await app.ds.query(`SELECT count(*)::int AS n FROM agency WHERE name = $1`, [name]))[0].n;

  it('saves the agency and its contact, verified by the creator, for the leader of a centre the municipality belongs to', async () => {
    const leader = userWith('Leder Salten', { role: 'CENTRE_LEADER', centreId: saltenId });
    const r = await app.gql(
      NEW,
      {
        i: {
          kommunenummer: '1841',
          kind: 'FAMILY_COUNSELLING',
          name: 'Familievernet i Salten (test)',
          contact: { name: 'Siri Samtale', phone: '+47 00 00 00 09' },
        },
      },
      { as: leader },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.createAgencyWithContact).toEqual({
      name: 'Siri Samtale',
      verifiedBy: 'Leder Salten',
      stale: false,
      agency: {
        kind: 'FAMILY_COUNSELLING',
        name: 'Familievernet i Salten (test)',
        municipality: { kommunenummer: '1841' },
      },
    });
  });

  it('a wrong contact field refuses both, every field at once: no empty agency is left behind', async () => {
    const r = await app.gql(NEW, {
      i: { kommunenummer: '1841', kind: 'NAV', name: '', contact: { name: '', email: 'ikke-en-adresse' } },
    });
    expect(r.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    expect((r.errors![0].extensions!.fields as { field: string }[]).map((f) => f.field)).toEqual([
      'input.name',
      'input.contact.name',
      'input.contact.email',
    ]);
    const half = await app.gql(NEW, {
      i: {
        kommunenummer: '1841',
        kind: 'NAV',
        name: 'NAV halvveis (test)',
        contact: { name: 'Ola', email: 'ikke-en-adresse' },
      },
    });
    expect(codeOf(half)).toEqual([['BAD_USER_INPUT', 'input.contact.email']]);
    expect(await agencyCount('NAV halvveis (test)')).toBe(0);
  });

  it("follows the contact rights: another municipality's director is refused and nothing is written", async () => {
    const bodo = userWith('Direktør Bodø', { role: 'DIRECTOR', kommunenummer: '1804' });
    const r = await app.gql(
      NEW,
      { i: { kommunenummer: '1841', kind: 'NAV', name: 'NAV uten rett (test)', contact: { name: 'Ola' } } },
      { as: bodo },
    );
    expect(codeOf(r)).toEqual([['FORBIDDEN', undefined]]);
    expect(await agencyCount('NAV uten rett (test)')).toBe(0);
  });
});

describe("the municipality's switchboard", () => {
  const SET = `mutation($k: String!, $p: String, $s: String) { setMunicipalitySwitchboard(kommunenummer: $k, phone: $p, source: $s) { switchboardPhone switchboardSource } }`;

  it("is «not registered» (null) until the municipality's director enters it; the source defaults to who and when", async () => {
    expect(
      (await app.gql(`{ municipality(kommunenummer: "1841") { switchboardPhone switchboardSource } }`)).data!
        .municipality,
    ).toEqual({ switchboardPhone: null, switchboardSource: null });
    const director = userWith('Direktør Fauske', { role: 'DIRECTOR', kommunenummer: '1841' });
    const r = await app.gql(SET, { k: '1841', p: '+47 00 00 00 10' }, { as: director });
    expect(r.errors).toBeUndefined();
    expect(r.data!.setMunicipalitySwitchboard.switchboardPhone).toBe('+47 00 00 00 10');
    expect(r.data!.setMunicipalitySwitchboard.switchboardSource).toMatch(
      /^Registrert av Direktør Fauske, \d{2}\.\d{2}\.\d{4}$/,
    );
    const withSource = await app.gql(
      SET,
      { k: '1841', p: '+47 00 00 00 11', s: 'https://fauske.kommune.example/kontakt' },
      { as: director },
    );
    expect(withSource.data!.setMunicipalitySwitchboard).toEqual({
      switchboardPhone: '+47 00 00 00 11',
      switchboardSource: 'https://fauske.kommune.example/kontakt',
    });
    const audited = await app.ds.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE entity = 'Municipality' AND entity_id = '1841'`,
    );
    expect(audited).toEqual([{ n: 2 }]);
  });

  it("refuses a bad number at its field, and another municipality's director or a centre leader", async () => {
    expect(codeOf(await app.gql(SET, { k: '1841', p: '12' }))).toEqual([['BAD_USER_INPUT', 'input.phone']]);
    const bodo = userWith('Direktør Bodø', { role: 'DIRECTOR', kommunenummer: '1804' });
    const leader = userWith('Leder Salten', { role: 'CENTRE_LEADER', centreId: saltenId });
    for (const as of [bodo, leader])
      expect(codeOf(await app.gql(SET, { k: '1841', p: '+47 00 00 00 12' }, { as }))).toEqual([
        ['FORBIDDEN', undefined],
      ]);
    expect(codeOf(await app.gql(SET, { k: '1841', p: '+47 00 00 00 12' }, { as: null }))).toEqual([
      ['UNAUTHENTICATED', undefined],
    ]);
  });

  it('refuses a source sent without a number at `source` (it would be dropped), and leaves the number as it was', async () => {
    await app.gql(SET, { k: '1841', p: '+47 00 00 00 13' });
    const r = await app.gql(SET, { k: '1841', p: null, s: 'https://fauske.kommune.example/kontakt' });
    expect(codeOf(r)).toEqual([['BAD_USER_INPUT', 'input.source']]);
    expect((await app.gql(`{ municipality(kommunenummer: "1841") { switchboardPhone } }`)).data!.municipality).toEqual({
      switchboardPhone: '+47 00 00 00 13',
    });
    const erased = await app.gql(SET, { k: '1841', p: null });
    expect(erased.data!.setMunicipalitySwitchboard).toEqual({ switchboardPhone: null, switchboardSource: null });
  });
});
