import { createTestApp, type TestApp } from '../utils/test-app';

let app: TestApp;
let saltenId: string;
let saltenAgreementId: string;

beforeAll(async () => {
  app = await createTestApp({ label: 'agreements' });
  const r = await app.gql(`{ crisisCentres(filter: { search: "Salten" }) { items { id agreements { id } } } }`);
  saltenId = r.data!.crisisCentres.items[0].id;
  saltenAgreementId = r.data!.crisisCentres.items[0].agreements[0].id;
});
afterAll(() => app?.close());

const codeOf = (r: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  r.errors?.map((e) => [e.extensions?.code, e.extensions?.field]);

const CREATE = `mutation($input: CreateAgreementInput!) { createAgreement(input: $input) {
  id title status validFrom validTo noticeMonths noticeRunsTo signingLevel exampleFields isExample
  checklistCompleteness { covered total missing } checklist { key label covered note }
  parties { role kommunenummer joinedOn leftOn municipality { name } }
  deadline(asOf: "2026-03-01") { kind noticeDeadline nextPossibleEnd daysLeft budgetCutoff noticeAfterBudgetCutoff }
  allowedTransitions } }`;

async function newCentre(name: string, host: string): Promise<string> {
  const r = await app.gql(`mutation($i: CrisisCentreInput!) { createCrisisCentre(input: $i) { id } }`, {
    i: { name, hostKommunenummer: host },
  });
  expect(r.errors).toBeUndefined();
  return r.data!.createCrisisCentre.id;
}

describe('reading agreements', () => {
  it('gives the seeded agreement of each real centre, with its parties, source and example-marked terms', async () => {
    const r = await app.gql(
      `query($id: ID!) { agreement(id: $id) { title status legalBasis sourceUrl exampleFields isExample
      centre { name } parties { role municipality { name } isCurrent } checklistCompleteness { covered total } } }`,
      { id: saltenAgreementId },
    );
    expect(r.errors).toBeUndefined();
    const a = r.data!.agreement;
    expect(a).toMatchObject({
      status: 'ACTIVE',
      isExample: false,
      centre: { name: 'Krisesenteret i Salten' },
      checklistCompleteness: { covered: 7, total: 9 },
    });
    expect(a.sourceUrl).toMatch(/^https:\/\/bodo\.kommune\.no/);
    expect(a.exampleFields).toEqual(expect.arrayContaining(['validFrom', 'noticeMonths', 'checklist']));
    expect(a.parties).toHaveLength(13);
    expect(a.parties[0]).toEqual({ role: 'HOST', municipality: { name: 'Bodø' }, isCurrent: true });
  });

  it('shows the version chain: Vestfold 2023 supersedes the agreement valid from 2011', async () => {
    const r = await app.gql(
      `{ agreements(filter: { statuses: [ENDED] }) { totalCount items { title validFrom supersededBy { title status } } } }`,
    );
    expect(r.data!.agreements.totalCount).toBe(1);
    expect(r.data!.agreements.items[0]).toMatchObject({
      validFrom: '2011-01-01',
      supersededBy: [{ status: 'ACTIVE' }],
    });
  });

  it('filters by centre, municipality and status, with paging and totalCount', async () => {
    const byCentre = await app.gql(
      `query($c: ID!) { agreements(filter: { centreId: $c }) { totalCount items { id } } }`,
      { c: saltenId },
    );
    expect(byCentre.data!.agreements.totalCount).toBe(1);
    const byMunicipality = await app.gql(
      `{ agreements(filter: { kommunenummer: "3312" }) { items { centre { name } } } }`,
    );
    expect(byMunicipality.data!.agreements.items).toEqual([{ centre: { name: 'Krisesenteret Asker, Bærum og Lier' } }]);
    const paged = await app.gql(`{ agreements(limit: 2, offset: 1) { totalCount items { id } } }`);
    expect(paged.data!.agreements.totalCount).toBe(6);
    expect(paged.data!.agreements.items).toHaveLength(2);
  });

  it('lists agreements whose deadline is within N days, nearest first', async () => {
    const r = await app.gql(
      `{ agreements(filter: { deadlineWithinDays: 180, asOf: "2026-11-21" }) { totalCount items { centre { name } deadline(asOf: "2026-11-21") { kind noticeDeadline daysLeft } } } }`,
    );
    expect(r.errors).toBeUndefined();
    const items = r.data!.agreements.items;
    expect(items.map((i: any) => i.deadline.daysLeft)).toEqual(
      [...items.map((i: any) => i.deadline.daysLeft)].sort((a, b) => a - b),
    );
    for (const i of items) expect(i.deadline.daysLeft).toBeLessThanOrEqual(180);
    // Asker/Bærum/Lier: 3 months to the end of a half year → notice by 31 March 2027.
    expect(items).toContainEqual({
      centre: { name: 'Krisesenteret Asker, Bærum og Lier' },
      deadline: { kind: 'NOTICE', noticeDeadline: '2027-03-31', daysLeft: 130 },
    });
  });

  it.each([
    ['filter', { deadlineWithinDays: -1 }, 'filter.deadlineWithinDays'],
    ['filter', { asOf: '2026-02-30' }, 'filter.asOf'],
    ['filter', { centreId: 'salten' }, 'filter.centreId'],
    ['filter', { kommunenummer: '18' }, 'filter.kommunenummer'],
  ])('refuses a bad %s %p', async (_arg, filter, field) => {
    const r = await app.gql(`query($f: AgreementFilter) { agreements(filter: $f) { totalCount } }`, { f: filter });
    expect(codeOf(r)).toEqual([['BAD_USER_INPUT', field]]);
  });

  it('refuses a limit over 500 and answers NOT_FOUND for an unknown id', async () => {
    expect(codeOf(await app.gql(`{ agreements(limit: 501) { totalCount } }`))).toEqual([
      ['BAD_USER_INPUT', 'paging.limit'],
    ]);
    const r = await app.gql(`{ agreement(id: "00000000-0000-4000-8000-000000000000") { id } }`);
    expect(codeOf(r)).toEqual([['NOT_FOUND', undefined]]);
  });
});

describe('deadline arithmetic through the API', () => {
  let centreId: string;
  beforeAll(async () => {
    centreId = await newCentre('Testsenter frister', '5001');
  });

  it.each([
    // terms, asOf, expected deadline, end, days left
    [
      { noticeMonths: 6, noticeRunsTo: 'CALENDAR_YEAR', autoRenew: true },
      '2026-06-30',
      'NOTICE',
      '2026-06-30',
      '2026-12-31',
      0,
    ],
    [
      { noticeMonths: 6, noticeRunsTo: 'CALENDAR_YEAR', autoRenew: true },
      '2026-07-01',
      'NOTICE',
      '2027-06-30',
      '2027-12-31',
      364,
    ],
    [
      { noticeMonths: 4, noticeRunsTo: 'HALF_YEAR', autoRenew: true },
      '2024-03-01',
      'NOTICE',
      '2024-08-31',
      '2024-12-31',
      183,
    ],
    [
      { validFrom: '2022-09-01', validTo: '2024-08-31', autoRenew: true, renewalMonths: 12, noticeMonths: 6 },
      '2024-02-29',
      'NOTICE',
      '2024-02-29',
      '2024-08-31',
      0,
    ],
    [
      { validFrom: '2022-09-01', validTo: '2024-08-31', autoRenew: true, renewalMonths: 12, noticeMonths: 6 },
      '2024-03-01',
      'NOTICE',
      '2025-02-28',
      '2025-08-31',
      364,
    ],
    [
      { validFrom: '2024-01-01', validTo: '2026-12-31', autoRenew: false },
      '2026-12-01',
      'EXPIRY',
      null,
      '2026-12-31',
      30,
    ],
  ])('%p on %s → %s %s (ends %s, %d days)', async (terms, asOf, kind, deadline, end, days) => {
    const r = await app.gql(
      `mutation($input: CreateAgreementInput!, $asOf: String) { createAgreement(input: $input) { deadline(asOf: $asOf) { kind noticeDeadline nextPossibleEnd daysLeft } } }`,
      {
        input: { centreId, title: `Frist ${JSON.stringify(terms)} ${asOf}`, ...terms },
        asOf,
      },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.createAgreement.deadline).toEqual({
      kind,
      noticeDeadline: deadline,
      nextPossibleEnd: end,
      daysLeft: days,
    });
  });

  it('warns when a notice deadline falls after the budget cutoff (1 October)', async () => {
    const r = await app.gql(
      `mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { deadline(asOf: "2026-10-15") { noticeDeadline budgetCutoff noticeAfterBudgetCutoff } } }`,
      {
        input: { centreId, title: 'Kort oppsigelse', autoRenew: true, noticeMonths: 1, noticeRunsTo: 'CALENDAR_YEAR' },
      },
    );
    expect(r.data!.createAgreement.deadline).toEqual({
      noticeDeadline: '2026-11-30',
      budgetCutoff: '2026-10-01',
      noticeAfterBudgetCutoff: true,
    });
  });
});

describe('creating and editing agreements', () => {
  let centreId: string;
  beforeAll(async () => {
    centreId = await newCentre('Testsenter avtaler', '1804');
  });

  it('creates an agreement with parties and a checklist, and edits it', async () => {
    const r = await app.gql(CREATE, {
      input: {
        centreId,
        title: '  Samarbeidsavtale 2027  ',
        validFrom: '2027-01-01',
        autoRenew: true,
        noticeMonths: 6,
        noticeRunsTo: 'CALENDAR_YEAR',
        signingLevel: 'MUNICIPAL_DIRECTOR',
        checklist: [
          { key: 'PURPOSE', covered: true, note: 'Pkt. 1' },
          { key: 'HOUSING', covered: true },
        ],
        parties: [
          { kommunenummer: '1804', role: 'HOST', joinedOn: '2027-01-01' },
          { kommunenummer: '1838', role: 'PARTNER', joinedOn: '2027-01-01' },
        ],
      },
    });
    expect(r.errors).toBeUndefined();
    const a = r.data!.createAgreement;
    expect(a).toMatchObject({
      title: 'Samarbeidsavtale 2027',
      status: 'DRAFT',
      validFrom: '2027-01-01',
      isExample: false,
      exampleFields: [],
      checklistCompleteness: { covered: 2, total: 9 },
      allowedTransitions: ['NEGOTIATING', 'ACTIVE', 'ENDED'],
      deadline: { kind: 'NOTICE', noticeDeadline: '2027-06-30', nextPossibleEnd: '2027-12-31' },
    });
    expect(a.checklist).toHaveLength(9);
    expect(a.checklist[0]).toEqual({ key: 'PURPOSE', label: 'Formål', covered: true, note: 'Pkt. 1' });
    expect(a.parties.map((p: any) => [p.role, p.municipality.name])).toEqual([
      ['HOST', 'Bodø'],
      ['PARTNER', 'Gildeskål'],
    ]);

    const upd = await app.gql(
      `mutation($id: ID!, $i: AgreementFieldsInput!) { updateAgreement(id: $id, input: $i) { title noticeMonths validFrom archiveRef } }`,
      {
        id: a.id,
        i: { noticeMonths: 3, archiveRef: '2026/1234' },
      },
    );
    expect(upd.data!.updateAgreement).toEqual({
      title: 'Samarbeidsavtale 2027',
      noticeMonths: 3,
      validFrom: '2027-01-01',
      archiveRef: '2026/1234',
    });
  });

  it('editing an example value makes it a registered fact (it leaves exampleFields)', async () => {
    const r = await app.gql(
      `mutation($id: ID!) { updateAgreement(id: $id, input: { noticeMonths: 12 }) { exampleFields } }`,
      { id: saltenAgreementId },
    );
    expect(r.data!.updateAgreement.exampleFields).not.toContain('noticeMonths');
    expect(r.data!.updateAgreement.exampleFields).toContain('validFrom');
  });

  it.each([
    [{ title: '   ' }, 'input.title'],
    [{ validFrom: '2026-13-01' }, 'input.validFrom'],
    [{ validFrom: '2027-01-01', validTo: '2026-12-31' }, 'input.validTo'],
    [{ noticeMonths: 61 }, 'input.noticeMonths'],
    [{ renewalMonths: 0 }, 'input.renewalMonths'],
    [{ status: 'ENDED' }, 'input.status'],
    [{ centreId: '00000000-0000-4000-8000-000000000000' }, 'input.centreId'],
    [{ supersedesId: '00000000-0000-4000-8000-000000000000' }, 'input.supersedesId'],
    [
      {
        checklist: [
          { key: 'PURPOSE', covered: true },
          { key: 'PURPOSE', covered: false },
        ],
      },
      'input.checklist',
    ],
    [{ parties: [{ kommunenummer: '184', role: 'PARTNER' }] }, 'input.parties.0.kommunenummer'],
    [{ parties: [{ kommunenummer: '1899', role: 'PARTNER' }] }, 'input.parties.0.kommunenummer'],
    [
      { parties: [{ kommunenummer: '1838', role: 'PARTNER', joinedOn: '2027-01-01', leftOn: '2026-01-01' }] },
      'input.parties.0.leftOn',
    ],
  ])('refuses %p with BAD_USER_INPUT on %s and writes nothing', async (bad, field) => {
    const before = await app.ds.query(
      `SELECT (SELECT count(*) FROM agreement)::int AS a, (SELECT count(*) FROM agreement_party)::int AS p`,
    );
    const r = await app.gql(CREATE, { input: { centreId, title: 'Ugyldig', ...bad } });
    expect(codeOf(r)).toEqual([['BAD_USER_INPUT', field]]);
    expect(r.errors![0].message.length).toBeGreaterThan(10);
    expect(
      await app.ds.query(
        `SELECT (SELECT count(*) FROM agreement)::int AS a, (SELECT count(*) FROM agreement_party)::int AS p`,
      ),
    ).toEqual(before);
  });

  it('a failing second party rolls back the agreement and the first party', async () => {
    const before = await app.ds.query(`SELECT count(*)::int AS n FROM agreement`);
    const r = await app.gql(CREATE, {
      input: {
        centreId,
        title: 'Halvveis',
        parties: [
          { kommunenummer: '1839', role: 'PARTNER' },
          { kommunenummer: '1839', role: 'PARTNER' },
        ],
      },
    });
    expect(codeOf(r)).toEqual([['BAD_USER_INPUT', 'input.parties.1.joinedOn']]);
    expect(await app.ds.query(`SELECT count(*)::int AS n FROM agreement`)).toEqual(before);
    expect(await app.ds.query(`SELECT count(*)::int AS n FROM agreement WHERE title = 'Halvveis'`)).toEqual([{ n: 0 }]);
  });

  it('refuses a supersedes link to another centre and a chain that goes in a circle', async () => {
    const other = await app.gql(`mutation($i: CreateAgreementInput!) { createAgreement(input: $i) { id } }`, {
      i: { centreId, title: 'A' },
    });
    const a = other.data!.createAgreement.id;
    const r1 = await app.gql(
      `mutation($id: ID!, $s: ID) { updateAgreement(id: $id, input: { supersedesId: $s }) { id } }`,
      { id: a, s: saltenAgreementId },
    );
    expect(codeOf(r1)).toEqual([['BAD_USER_INPUT', 'input.supersedesId']]);
    const b = (
      await app.gql(`mutation($i: CreateAgreementInput!) { createAgreement(input: $i) { id } }`, {
        i: { centreId, title: 'B', supersedesId: a },
      })
    ).data!.createAgreement.id;
    const r2 = await app.gql(
      `mutation($id: ID!, $s: ID) { updateAgreement(id: $id, input: { supersedesId: $s }) { id } }`,
      { id: a, s: b },
    );
    expect(codeOf(r2)).toEqual([['BAD_USER_INPUT', 'input.supersedesId']]);

    // Deleting A is refused while B supersedes it, and the error says so.
    const del = await app.gql(`mutation($id: ID!) { deleteAgreement(id: $id) }`, { id: a });
    expect(del.errors![0].extensions).toMatchObject({
      code: 'CONFLICT',
      blockedBy: [{ entity: 'Agreement', id: b, label: 'B' }],
    });
    expect(del.errors![0].message).toContain('«B»');
    expect((await app.gql(`mutation($id: ID!) { deleteAgreement(id: $id) }`, { id: b })).data!.deleteAgreement).toBe(b);
    expect((await app.gql(`mutation($id: ID!) { deleteAgreement(id: $id) }`, { id: a })).data!.deleteAgreement).toBe(a);
  });
});

describe('status changes', () => {
  let id: string;
  beforeAll(async () => {
    const centreId = await newCentre('Testsenter status', '3905');
    id = (
      await app.gql(`mutation($i: CreateAgreementInput!) { createAgreement(input: $i) { id } }`, {
        i: { centreId, title: 'Status' },
      })
    ).data!.createAgreement.id;
  });
  const move = (status: string, noticeGivenOn?: string) =>
    app.gql(
      `mutation($id: ID!, $s: AgreementStatus!, $n: String) { changeAgreementStatus(id: $id, status: $s, noticeGivenOn: $n) { status noticeGivenOn allowedTransitions } }`,
      {
        id,
        s: status,
        n: noticeGivenOn,
      },
    );

  it('follows the allowed path and refuses illegal moves with the allowed ones named', async () => {
    const illegal = await move('NOTICE_GIVEN');
    expect(codeOf(illegal)).toEqual([['BAD_USER_INPUT', 'status']]);
    expect(illegal.errors![0].message).toMatch(
      /utkast.*oppsagt.*Mulige neste steg: under forhandling, aktiv, avsluttet/,
    );

    expect((await move('NEGOTIATING')).data!.changeAgreementStatus.status).toBe('NEGOTIATING');
    expect((await move('ACTIVE')).data!.changeAgreementStatus.status).toBe('ACTIVE');
    expect((await move('NOTICE_GIVEN', '2026-06-15')).data!.changeAgreementStatus).toMatchObject({
      status: 'NOTICE_GIVEN',
      noticeGivenOn: '2026-06-15',
    });
    expect((await move('ACTIVE')).data!.changeAgreementStatus).toMatchObject({ status: 'ACTIVE', noticeGivenOn: null }); // notice withdrawn
    expect((await move('DISPUTED')).data!.changeAgreementStatus.status).toBe('DISPUTED');
    expect((await move('ENDED')).data!.changeAgreementStatus).toMatchObject({
      status: 'ENDED',
      allowedTransitions: [],
    });
    const after = await move('ACTIVE');
    expect(codeOf(after)).toEqual([['BAD_USER_INPUT', 'status']]);
    expect(after.errors![0].message).toMatch(/lag en ny avtale/);
  });

  it('refuses a bad notice date and an unknown agreement', async () => {
    const r = await app.gql(
      `mutation { changeAgreementStatus(id: "00000000-0000-4000-8000-000000000000", status: ACTIVE) { id } }`,
    );
    expect(codeOf(r)).toEqual([['NOT_FOUND', undefined]]);
    const bad = await app.gql(
      `mutation($id: ID!) { changeAgreementStatus(id: $id, status: ACTIVE, noticeGivenOn: "i går") { id } }`,
      { id },
    );
    expect(codeOf(bad)).toEqual([['BAD_USER_INPUT', 'noticeGivenOn']]);
  });
});

describe('parties: joining, leaving, switching centre', () => {
  let centreA: string;
  let centreB: string;
  let agreementA: string;
  let agreementB: string;

  beforeAll(async () => {
    centreA = await newCentre('Rana-eksempel', '1833');
    centreB = await newCentre('Vefsn-eksempel', '1824');
    agreementA = (
      await app.gql(`mutation($i: CreateAgreementInput!) { createAgreement(input: $i) { id } }`, {
        i: { centreId: centreA, title: 'A', status: 'ACTIVE' },
      })
    ).data!.createAgreement.id;
    agreementB = (
      await app.gql(`mutation($i: CreateAgreementInput!) { createAgreement(input: $i) { id } }`, {
        i: { centreId: centreB, title: 'B', status: 'ACTIVE' },
      })
    ).data!.createAgreement.id;
  });

  const add = (agreementId: string, input: Record<string, unknown>) =>
    app.gql(
      `mutation($a: ID!, $i: PartyInput!) { addAgreementParty(agreementId: $a, input: $i) { id role joinedOn leftOn municipality { name } centre { name } } }`,
      { a: agreementId, i: input },
    );

  it('records a partner switching centre (Hemnes: Rana until 31.08.2016, Vefsn from 01.09.2016)', async () => {
    const rana = await add(agreementA, { kommunenummer: '1832', role: 'PARTNER', joinedOn: '2010-01-01' });
    expect(rana.errors).toBeUndefined();
    const ended = await app.gql(
      `mutation($id: ID!) { updateAgreementParty(id: $id, input: { leftOn: "2016-08-31" }) { leftOn } }`,
      { id: rana.data!.addAgreementParty.id },
    );
    expect(ended.data!.updateAgreementParty.leftOn).toBe('2016-08-31');
    const vefsn = await add(agreementB, { kommunenummer: '1832', role: 'PARTNER', joinedOn: '2016-09-01' });
    expect(vefsn.errors).toBeUndefined();

    const history = await app.gql(
      `{ municipality(kommunenummer: "1832") { centreMemberships { centre { name } joinedOn leftOn past: isCurrent(asOf: "2015-01-01") now: isCurrent(asOf: "2026-01-01") } } }`,
    );
    const mine = history.data!.municipality.centreMemberships.filter((m: any) => m.centre.name.endsWith('-eksempel'));
    expect(mine).toEqual(
      expect.arrayContaining([
        { centre: { name: 'Rana-eksempel' }, joinedOn: '2010-01-01', leftOn: '2016-08-31', past: true, now: false },
        { centre: { name: 'Vefsn-eksempel' }, joinedOn: '2016-09-01', leftOn: null, past: false, now: true },
      ]),
    );
    const members = await app.gql(
      `query($id: ID!) { crisisCentre(id: $id) { members(asOf: "2026-01-01") { municipality { name } } } }`,
      { id: centreA },
    );
    expect(members.data!.crisisCentre.members).toEqual([]);

    // The agreement's history names the party and what changed.
    const trail = await app.gql(
      `query($id: ID!) { auditLog(filter: { entity: "Agreement", entityId: $id }) { items { operation entity partLabel changes } } }`,
      { id: agreementA },
    );
    const parts = trail.data!.auditLog.items.filter((e: any) => e.entity === 'AgreementParty');
    expect(parts.map((e: any) => [e.operation, e.partLabel])).toEqual([
      ['UPDATE', 'Hemnes'],
      ['CREATE', 'Hemnes'],
    ]);
    expect(parts[0].changes).toEqual({ leftOn: { before: null, after: '2016-08-31' } });
  });

  it('refuses overlapping periods for the same municipality and centre, across its agreements', async () => {
    const first = await add(agreementA, { kommunenummer: '1833', role: 'HOST', joinedOn: '2020-01-01' });
    expect(first.errors).toBeUndefined();
    const again = await add(agreementA, { kommunenummer: '1833', role: 'PARTNER', joinedOn: '2025-01-01' });
    expect(codeOf(again)).toEqual([['BAD_USER_INPUT', 'input.joinedOn']]);
    expect(again.errors![0].message).toContain('Rana er allerede part');

    const second = (
      await app.gql(`mutation($i: CreateAgreementInput!) { createAgreement(input: $i) { id } }`, {
        i: { centreId: centreA, title: 'A2', status: 'NEGOTIATING' },
      })
    ).data!.createAgreement.id;
    const overlapping = await add(second, { kommunenummer: '1833', role: 'HOST', joinedOn: '2026-01-01' });
    expect(codeOf(overlapping)).toEqual([['BAD_USER_INPUT', 'input.joinedOn']]);

    // Touching periods do not overlap when the first has ended the day before.
    await app.gql(`mutation($id: ID!) { updateAgreementParty(id: $id, input: { leftOn: "2025-12-31" }) { id } }`, {
      id: first.data!.addAgreementParty.id,
    });
    expect((await add(second, { kommunenummer: '1833', role: 'HOST', joinedOn: '2026-01-01' })).errors).toBeUndefined();
    // The same day on both sides overlaps.
    const sameDay = await add(agreementA, { kommunenummer: '1833', role: 'PARTNER', joinedOn: '2025-12-31' });
    expect(codeOf(sameDay)).toEqual([['BAD_USER_INPUT', 'input.joinedOn']]);
  });

  it('allows one host at a time and refuses parties on an ended agreement', async () => {
    const twoHosts = await add(agreementB, { kommunenummer: '1824', role: 'HOST' });
    expect(twoHosts.errors).toBeUndefined();
    const second = await add(agreementB, { kommunenummer: '1820', role: 'HOST' });
    expect(codeOf(second)).toEqual([['BAD_USER_INPUT', 'input.role']]);

    const ended = (
      await app.gql(`mutation($i: CreateAgreementInput!) { createAgreement(input: $i) { id } }`, {
        i: { centreId: centreB, title: 'Gammel' },
      })
    ).data!.createAgreement.id;
    await app.gql(`mutation($id: ID!) { changeAgreementStatus(id: $id, status: ENDED) { id } }`, { id: ended });
    expect(codeOf(await add(ended, { kommunenummer: '1820', role: 'PARTNER' }))).toEqual([
      ['BAD_USER_INPUT', 'agreementId'],
    ]);
  });

  it('removes a party registered by mistake, and says NOT_FOUND the second time', async () => {
    const p = await add(agreementB, { kommunenummer: '1825', role: 'PARTNER' });
    const id = p.data!.addAgreementParty.id;
    expect(
      (await app.gql(`mutation($id: ID!) { removeAgreementParty(id: $id) }`, { id })).data!.removeAgreementParty,
    ).toBe(id);
    expect(codeOf(await app.gql(`mutation($id: ID!) { removeAgreementParty(id: $id) }`, { id }))).toEqual([
      ['NOT_FOUND', undefined],
    ]);
  });
});
