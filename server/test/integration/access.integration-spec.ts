import type { AuthUser } from '../../src/app/auth';
import { ADMIN, createTestApp, userWith, type TestApp } from '../utils/test-app';

let app: TestApp;
const ids: Record<string, string> = {};

const DIRECTOR_BODO = userWith('direktor-bodo', { role: 'DIRECTOR', kommunenummer: '1804' });
const DIRECTOR_FAUSKE = userWith('direktor-fauske', { role: 'DIRECTOR', kommunenummer: '1841' });
const DIRECTOR_TRONDHEIM = userWith('direktor-trondheim', { role: 'DIRECTOR', kommunenummer: '5001' });
const FINANCE_BODO = userWith('okonomi-bodo', { role: 'FINANCE', kommunenummer: '1804' });
let LEADER_SALTEN: AuthUser;
const READER = userWith('leser', { role: 'READ_ONLY', kommunenummer: null });
const NEXT_YEAR = `${Number(new Date().toISOString().slice(0, 4)) + 1}-01-01`;

beforeAll(async () => {
  app = await createTestApp({ label: 'access' });
  const q = async (sql: string, params: unknown[] = []) => (await app.ds.query(sql, params))[0];
  ids.salten = (await q(`SELECT id FROM crisis_centre WHERE seed_key = 'centre:Krisesenteret i Salten'`)).id;
  ids.saltenAgreement = (await q(`SELECT id FROM agreement WHERE seed_key = 'agreement:Krisesenteret i Salten'`)).id;
  ids.helgelandAgreement = (await q(`SELECT id FROM agreement WHERE seed_key = 'agreement:Helgeland krisesenter'`)).id;
  ids.fauskeParty = (
    await q(`SELECT id FROM agreement_party WHERE seed_key = 'party:Krisesenteret i Salten:1841:partner'`)
  ).id;
  ids.fauskeContact = (
    await q(
      `SELECT c.id FROM contact_person c JOIN agency a ON a.id = c.agency_id WHERE a.kommunenummer = '1841' AND a.kind = 'NAV'`,
    )
  ).id;
  ids.fauskeAgency = (await q(`SELECT id FROM agency WHERE kommunenummer = '1841' AND kind = 'NAV'`)).id;
  ids.hortenContact = (
    await q(
      `SELECT c.id FROM contact_person c JOIN agency a ON a.id = c.agency_id WHERE a.kommunenummer = '3901' AND a.kind = 'NAV'`,
    )
  ).id;
  ids.bodoRoutine = (
    await q(`SELECT id FROM handover_routine WHERE seed_key = 'routine:Krisesenteret i Salten:1804'`)
  ).id;
  LEADER_SALTEN = userWith('leder-salten', { role: 'CENTRE_LEADER', centreId: ids.salten });
});
afterAll(() => app?.close());

type Who =
  'admin' | 'directorBodo' | 'directorFauske' | 'directorTrondheim' | 'financeBodo' | 'leaderSalten' | 'reader';
const USERS = (): Record<Who, AuthUser> => ({
  admin: ADMIN,
  directorBodo: DIRECTOR_BODO,
  directorFauske: DIRECTOR_FAUSKE,
  directorTrondheim: DIRECTOR_TRONDHEIM,
  financeBodo: FINANCE_BODO,
  leaderSalten: LEADER_SALTEN,
  reader: READER,
});
const EVERYONE: Who[] = [
  'admin',
  'directorBodo',
  'directorFauske',
  'directorTrondheim',
  'financeBodo',
  'leaderSalten',
  'reader',
];

/** Every mutation: who may do it on a record in their scope; everyone else gets FORBIDDEN, the anonymous UNAUTHENTICATED. */
/** Fresh records for destructive mutations: each call gets its own target. */
const fresh = {
  contact: async () =>
    (
      await app.ds.query(`INSERT INTO contact_person (agency_id, name) VALUES ($1, 'Slettes') RETURNING id`, [
        ids.fauskeAgency,
      ])
    )[0].id as string,
  agency: async () =>
    (
      await app.ds.query(
        `INSERT INTO agency (kommunenummer, kind, name) VALUES ('1841', 'OTHER', 'Slettes') RETURNING id`,
      )
    )[0].id as string,
  draftAgreement: async () => {
    const [a] = await app.ds.query(`INSERT INTO agreement (centre_id, title) VALUES ($1, 'Slettes') RETURNING id`, [
      ids.salten,
    ]);
    await app.ds.query(
      `INSERT INTO agreement_party (agreement_id, kommunenummer, role, joined_on) VALUES ($1, '1804', 'host', '2099-01-01'), ($1, '1841', 'partner', '2099-01-01')`,
      [a.id],
    );
    return a.id as string;
  },
  partyOf: async (agreementId: string) =>
    (
      await app.ds.query(`SELECT id FROM agreement_party WHERE agreement_id = $1 AND kommunenummer = '1841'`, [
        agreementId,
      ])
    )[0].id as string,
  routine: async () => {
    const knr = ['1838', '1839', '1840', '1845', '1856', '1857', '1834', '1836', '1837', '1875'][fresh.n++ % 10];
    await app.ds.query(`DELETE FROM handover_routine WHERE centre_id = $1 AND kommunenummer = $2`, [ids.salten, knr]);
    const [r] = await app.ds.query(
      `INSERT INTO handover_routine (centre_id, kommunenummer) VALUES ($1, $2) RETURNING id`,
      [ids.salten, knr],
    );
    await app.ds.query(
      `INSERT INTO routine_step (routine_id, position, kind, title, timing) VALUES ($1, 0, 'OTHER', 'A', 'DURING_STAY'), ($1, 1, 'OTHER', 'B', 'DURING_STAY')`,
      [r.id],
    );
    return r.id as string;
  },
  stepsOf: async (routineId: string) =>
    (await app.ds.query(`SELECT id FROM routine_step WHERE routine_id = $1 ORDER BY position`, [routineId])).map(
      (x: { id: string }) => x.id,
    ) as string[],
  charge: async () =>
    (
      await app.ds.query(
        `INSERT INTO extra_charge (centre_id, year, kommunenummer, kind, amount_ore) VALUES ($1, 2030, '1841', 'FOOD', 1) RETURNING id`,
        [ids.salten],
      )
    )[0].id as string,
  investment: async () =>
    (
      await app.ds.query(
        `INSERT INTO investment (centre_id, year, kind, amount_ore, paid_by_kommunenummer) VALUES ($1, 2030, 'SECURITY', 1, '1804') RETURNING id`,
        [ids.salten],
      )
    )[0].id as string,
  /** An active agreement (Bodø host, Fauske partner, 6 months' notice) of a centre of its own hosted by Bodø. */
  activeAgreement: async () => {
    const [c] = await app.ds.query(
      `INSERT INTO crisis_centre (name, host_kommunenummer) VALUES ($1, '1804') RETURNING id`,
      [`Bodø-senter ${Math.random()}`],
    );
    const [a] = await app.ds.query(
      `INSERT INTO agreement (centre_id, title, status, valid_from, notice_months, notice_runs_to) VALUES ($1, 'Aktiv', 'ACTIVE', '2020-01-01', 6, 'NONE') RETURNING id`,
      [c.id],
    );
    await app.ds.query(
      `INSERT INTO agreement_party (agreement_id, kommunenummer, role, joined_on) VALUES ($1, '1804', 'host', '2020-01-01'), ($1, '1841', 'partner', '2020-01-01')`,
      [a.id],
    );
    return a.id as string;
  },
  /** An open amendment of such an agreement, waiting for Fauske. */
  amendment: async () => {
    const agreementId = await fresh.activeAgreement();
    const r = await app.gql(
      `mutation($id: ID!, $d: String!) { proposeAmendment(agreementId: $id, input: { summary: "Frist", effectiveOn: $d, changes: { noticeMonths: 9 } }) { id } }`,
      { id: agreementId, d: NEXT_YEAR },
    );
    return r.data!.proposeAmendment.id as string;
  },
  centre: async () =>
    (
      await app.ds.query(`INSERT INTO crisis_centre (name, host_kommunenummer) VALUES ($1, '1804') RETURNING id`, [
        `Slettes ${Math.random()}`,
      ])
    )[0].id as string,
  n: 0,
};

const MATRIX: {
  name: string;
  query: string;
  vars: () => Record<string, unknown> | Promise<Record<string, unknown>>;
  allowed: Who[];
}[] = [
  {
    name: 'updateAgreement (Salten: host Bodø, partner Fauske)',
    query: `mutation($id: ID!) { updateAgreement(id: $id, input: { note: "x" }) { id } }`,
    vars: () => ({ id: ids.saltenAgreement }),
    allowed: ['admin', 'directorBodo'],
  },
  {
    name: 'updateAgreement (Helgeland: none of them)',
    query: `mutation($id: ID!) { updateAgreement(id: $id, input: { note: "x" }) { id } }`,
    vars: () => ({ id: ids.helgelandAgreement }),
    allowed: ['admin'],
  },
  {
    name: 'changeAgreementStatus',
    query: `mutation($id: ID!) { changeAgreementStatus(id: $id, status: DISPUTED) { id } }`,
    vars: () => ({ id: ids.saltenAgreement }),
    allowed: ['admin', 'directorBodo'],
  },
  {
    name: 'updateAgreementParty',
    query: `mutation($id: ID!) { updateAgreementParty(id: $id, input: { note: "x" }) { id } }`,
    vars: () => ({ id: ids.fauskeParty }),
    allowed: ['admin', 'directorBodo'],
  },
  {
    name: "recordMembershipDecision (Fauske's membership)",
    query: `mutation($id: ID!) { recordMembershipDecision(partyId: $id, input: { decisionBody: "kommunestyret", decisionRef: "sak 45/26", decisionDate: "2026-06-18" }) { id } }`,
    vars: () => ({ id: ids.fauskeParty }),
    allowed: ['admin', 'directorFauske'],
  },
  {
    name: "giveNotice (Fauske's membership of an active agreement hosted by Bodø)",
    query: `mutation($id: ID!) { giveNotice(partyId: $id) { id leftOn } }`,
    vars: async () => ({ id: await fresh.partyOf(await fresh.activeAgreement()) }),
    allowed: ['admin', 'directorFauske'],
  },
  {
    name: 'proposeAmendment (hosted by Bodø, a term)',
    query: `mutation($id: ID!, $d: String!) { proposeAmendment(agreementId: $id, input: { summary: "Matrise", effectiveOn: $d, changes: { noticeMonths: 9 } }) { id } }`,
    vars: async () => ({ id: await fresh.activeAgreement(), d: NEXT_YEAR }),
    allowed: ['admin', 'directorBodo'],
  },
  {
    name: 'proposeAmendment (hosted by Bodø, cost terms only)',
    query: `mutation($id: ID!, $d: String!) { proposeAmendment(agreementId: $id, input: { summary: "Sats", effectiveOn: $d, costTerms: { model: PER_INHABITANT_HOST_RESIDUAL, rateOre: 9000 } }) { id } }`,
    vars: async () => ({ id: await fresh.activeAgreement(), d: NEXT_YEAR }),
    allowed: ['admin', 'directorBodo', 'financeBodo'],
  },
  {
    name: 'approveAmendment (waiting for Fauske)',
    query: `mutation($id: ID!) { approveAmendment(id: $id, input: { decisionBody: "formannskapet", decisionRef: "sak 1/27", decisionDate: "2026-11-30" }) { id } }`,
    vars: async () => ({ id: await fresh.amendment() }),
    allowed: ['admin', 'directorFauske'],
  },
  {
    name: 'rejectAmendment (waiting for Fauske)',
    query: `mutation($id: ID!) { rejectAmendment(id: $id, reason: "For dyrt") { id } }`,
    vars: async () => ({ id: await fresh.amendment() }),
    allowed: ['admin', 'directorFauske'],
  },
  {
    name: 'reviseAmendment (hosted by Bodø)',
    query: `mutation($id: ID!, $d: String!) { reviseAmendment(id: $id, input: { summary: "Revidert", effectiveOn: $d, changes: { noticeMonths: 8 } }) { id } }`,
    vars: async () => ({ id: await fresh.amendment(), d: NEXT_YEAR }),
    allowed: ['admin', 'directorBodo'],
  },
  {
    name: 'withdrawAmendment (hosted by Bodø)',
    query: `mutation($id: ID!) { withdrawAmendment(id: $id) { id } }`,
    vars: async () => ({ id: await fresh.amendment() }),
    allowed: ['admin', 'directorBodo'],
  },
  {
    name: 'createAgreement (Salten)',
    query: `mutation($c: ID!) { createAgreement(input: { centreId: $c, title: "Matrise" }) { id } }`,
    vars: () => ({ c: ids.salten }),
    allowed: ['admin', 'directorBodo'],
  },
  {
    name: 'createCrisisCentre',
    query: `mutation($n: String!) { createCrisisCentre(input: { name: $n, hostKommunenummer: "5001" }) { id } }`,
    vars: () => ({ n: `Matrisesenter ${Math.random()}` }),
    allowed: ['admin'],
  },
  {
    name: 'updateCrisisCentre (Salten)',
    query: `mutation($id: ID!) { updateCrisisCentre(id: $id, input: { note: "x" }) { id } }`,
    vars: () => ({ id: ids.salten }),
    allowed: ['admin', 'directorBodo', 'leaderSalten'],
  },
  {
    name: "updateContact (Fauske's)",
    query: `mutation($id: ID!) { updateContact(id: $id, input: { title: "Veileder" }) { id } }`,
    vars: () => ({ id: ids.fauskeContact }),
    allowed: ['admin', 'directorFauske', 'leaderSalten'],
  },
  {
    name: "updateContact (Horten's)",
    query: `mutation($id: ID!) { updateContact(id: $id, input: { title: "Veileder" }) { id } }`,
    vars: () => ({ id: ids.hortenContact }),
    allowed: ['admin'],
  },
  {
    name: 'verifyContacts (Fauske)',
    query: `mutation($id: ID!) { verifyContacts(ids: [$id], verifiedBy: "Matrise") { id } }`,
    vars: () => ({ id: ids.fauskeContact }),
    allowed: ['admin', 'directorFauske', 'leaderSalten'],
  },
  {
    name: 'createContact (Fauske NAV)',
    query: `mutation($a: ID!) { createContact(input: { agencyId: $a, name: "Kari Matrise" }) { id } }`,
    vars: () => ({ a: ids.fauskeAgency }),
    allowed: ['admin', 'directorFauske', 'leaderSalten'],
  },
  {
    name: 'createAgency (Fauske)',
    query: `mutation { createAgency(input: { kommunenummer: "1841", kind: SCHOOL, name: "Skole" }) { id } }`,
    vars: () => ({}),
    allowed: ['admin', 'directorFauske', 'leaderSalten'],
  },
  {
    name: 'updateAgency (Fauske NAV)',
    query: `mutation($id: ID!) { updateAgency(id: $id, input: { note: "x" }) { id } }`,
    vars: () => ({ id: ids.fauskeAgency }),
    allowed: ['admin', 'directorFauske', 'leaderSalten'],
  },
  {
    name: 'updateRoutine (Salten × Bodø)',
    query: `mutation($id: ID!) { updateRoutine(id: $id, input: { note: "x" }) { id } }`,
    vars: () => ({ id: ids.bodoRoutine }),
    allowed: ['admin', 'directorBodo', 'leaderSalten'],
  },
  {
    name: 'createRoutineFromTemplate (Salten × Steigen)',
    query: `mutation($c: ID!) { createRoutineFromTemplate(centreId: $c, kommunenummer: "1848") { id } }`,
    vars: () => ({ c: ids.salten }),
    allowed: ['admin', 'leaderSalten'],
  },
  {
    name: 'setCentreBudget (Salten 2030)',
    query: `mutation($c: ID!) { setCentreBudget(centreId: $c, year: 2030, input: { operatingCostOre: 100 }) { id } }`,
    vars: () => ({ c: ids.salten }),
    allowed: ['admin', 'financeBodo'],
  },
  {
    name: 'createExtraCharge (Salten)',
    query: `mutation($c: ID!) { createExtraCharge(input: { centreId: $c, year: 2030, kommunenummer: "1841", kind: FOOD, amountOre: 100 }) { id } }`,
    vars: () => ({ c: ids.salten }),
    allowed: ['admin', 'financeBodo'],
  },
  {
    name: 'createInvestment (Salten)',
    query: `mutation($c: ID!) { createInvestment(input: { centreId: $c, year: 2030, kind: SECURITY, amountOre: 100, paidByKommunenummer: "1804", shared: false }) { id } }`,
    vars: () => ({ c: ids.salten }),
    allowed: ['admin', 'financeBodo'],
  },
  {
    name: 'deleteAgreement (a Salten draft)',
    query: `mutation($id: ID!) { deleteAgreement(id: $id) }`,
    vars: async () => ({ id: await fresh.draftAgreement() }),
    allowed: ['admin', 'directorBodo'],
  },
  {
    name: 'addAgreementParty (Salten)',
    query: `mutation($id: ID!) { addAgreementParty(agreementId: $id, input: { kommunenummer: "1833", role: PARTNER, joinedOn: "2099-01-01" }) { id } }`,
    vars: async () => ({ id: await fresh.draftAgreement() }),
    allowed: ['admin', 'directorBodo'],
  },
  {
    name: 'removeAgreementParty (Salten)',
    query: `mutation($id: ID!) { removeAgreementParty(id: $id) }`,
    vars: async () => ({ id: await fresh.partyOf(await fresh.draftAgreement()) }),
    allowed: ['admin', 'directorBodo'],
  },
  {
    name: 'deleteCrisisCentre',
    query: `mutation($id: ID!) { deleteCrisisCentre(id: $id) }`,
    vars: async () => ({ id: await fresh.centre() }),
    allowed: ['admin'],
  },
  {
    name: 'deleteAgency (Fauske)',
    query: `mutation($id: ID!) { deleteAgency(id: $id) }`,
    vars: async () => ({ id: await fresh.agency() }),
    allowed: ['admin', 'directorFauske', 'leaderSalten'],
  },
  {
    name: 'deleteContact (Fauske)',
    query: `mutation($id: ID!) { deleteContact(id: $id) }`,
    vars: async () => ({ id: await fresh.contact() }),
    allowed: ['admin', 'directorFauske', 'leaderSalten'],
  },
  {
    name: 'eraseContactPerson (Fauske)',
    query: `mutation($id: ID!) { eraseContactPerson(id: $id) }`,
    vars: async () => ({ id: await fresh.contact() }),
    allowed: ['admin', 'directorFauske', 'leaderSalten'],
  },
  {
    name: 'deleteRoutine (Salten)',
    query: `mutation($id: ID!) { deleteRoutine(id: $id) }`,
    vars: async () => ({ id: await fresh.routine() }),
    allowed: ['admin', 'leaderSalten'],
  },
  {
    name: 'addRoutineStep (Salten)',
    query: `mutation($id: ID!) { addRoutineStep(routineId: $id, input: { title: "C", timing: AFTER_STAY }) { id } }`,
    vars: async () => ({ id: await fresh.routine() }),
    allowed: ['admin', 'leaderSalten'],
  },
  {
    name: 'updateRoutineStep (Salten)',
    query: `mutation($id: ID!) { updateRoutineStep(id: $id, input: { title: "A2" }) { id } }`,
    vars: async () => ({ id: (await fresh.stepsOf(await fresh.routine()))[0] }),
    allowed: ['admin', 'leaderSalten'],
  },
  {
    name: 'removeRoutineStep (Salten)',
    query: `mutation($id: ID!) { removeRoutineStep(id: $id) }`,
    vars: async () => ({ id: (await fresh.stepsOf(await fresh.routine()))[0] }),
    allowed: ['admin', 'leaderSalten'],
  },
  {
    name: 'reorderRoutineSteps (Salten)',
    query: `mutation($id: ID!, $s: [ID!]!) { reorderRoutineSteps(routineId: $id, stepIds: $s) { id } }`,
    vars: async () => {
      const id = await fresh.routine();
      return { id, s: (await fresh.stepsOf(id)).reverse() };
    },
    allowed: ['admin', 'leaderSalten'],
  },
  {
    name: 'deleteExtraCharge (Salten)',
    query: `mutation($id: ID!) { deleteExtraCharge(id: $id) }`,
    vars: async () => ({ id: await fresh.charge() }),
    allowed: ['admin', 'financeBodo'],
  },
  {
    name: 'deleteInvestment (Salten)',
    query: `mutation($id: ID!) { deleteInvestment(id: $id) }`,
    vars: async () => ({ id: await fresh.investment() }),
    allowed: ['admin', 'financeBodo'],
  },
  {
    name: 'setAgreementCostTerms (Salten)',
    query: `mutation($id: ID!) { setAgreementCostTerms(agreementId: $id, terms: { model: PER_INHABITANT_HOST_RESIDUAL, rateOre: 8500 }) { id } }`,
    vars: () => ({ id: ids.saltenAgreement }),
    allowed: ['admin', 'directorBodo', 'financeBodo'],
  },
];

describe('authorisation: every mutation × every role × in scope / out of scope', () => {
  for (const m of MATRIX) {
    describe(m.name, () => {
      it.each(EVERYONE)('as %s', async (who) => {
        const r = await app.gql(m.query, await m.vars(), { as: USERS()[who] });
        if (m.allowed.includes(who)) {
          // Allowed: it runs. A repeat may then meet a business rule (the status is already set,
          // the routine already exists), never an access error.
          const codes = (r.errors ?? []).map((e) => e.extensions?.code);
          expect(codes.filter((c) => c !== 'BAD_USER_INPUT' && c !== 'CONFLICT')).toEqual([]);
          if (who === 'admin') expect(r.errors).toBeUndefined();
        } else {
          expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
          expect(r.data).toBeNull();
        }
      });

      it('anonymously', async () => {
        const r = await app.gql(m.query, await m.vars(), { as: null });
        expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      });
    });
  }
});

describe('never reveals whether an out-of-scope record exists', () => {
  const NOWHERE = '00000000-0000-4000-8000-00000000dead';
  it.each([
    [`mutation($id: ID!) { updateContact(id: $id, input: { title: "x" }) { id } }`],
    [`mutation($id: ID!) { updateAgreement(id: $id, input: { note: "x" }) { id } }`],
    [`mutation($id: ID!) { updateRoutine(id: $id, input: { note: "x" }) { id } }`],
  ])(
    '%s: FORBIDDEN for a scoped user whether or not the record exists; NOT_FOUND only for an administrator',
    async (query) => {
      const absent = await app.gql(query, { id: NOWHERE }, { as: DIRECTOR_BODO });
      expect(absent.errors![0].extensions!.code).toBe('FORBIDDEN');
      const other = await app.gql(query, { id: ids.hortenContact }, { as: DIRECTOR_BODO });
      expect(other.errors![0].extensions!.code).toBe('FORBIDDEN');
      expect(absent.errors![0].message).toBe(other.errors![0].message);
      const admin = await app.gql(query, { id: NOWHERE });
      expect(admin.errors![0].extensions!.code).toBe('NOT_FOUND');
    },
  );
});

describe('personal data', () => {
  it('phone and e-mail of contacts only for signed-in users', async () => {
    const q = `query($k: String!) { contacts(filter: { kommunenummer: $k }) { items { name phone email } } }`;
    const anonymous = await app.gql(q, { k: '1841' }, { as: null });
    expect(anonymous.data!.contacts.items.length).toBeGreaterThan(0);
    for (const c of anonymous.data!.contacts.items) expect([c.phone, c.email]).toEqual([null, null]);
    const signedIn = await app.gql(q, { k: '1841' }, { as: READER });
    expect(signedIn.data!.contacts.items.some((c: any) => c.phone && c.email)).toBe(true);
  });

  it('exports everything held about a contact, and erases it keeping only that an erasure happened', async () => {
    const created = await app.gql(
      `mutation($a: ID!) { createContact(input: { agencyId: $a, name: "Per Sletting", phone: "+47 00 00 00 99", email: "per.sletting@fauske.kommune.example" }) { id } }`,
      { a: ids.fauskeAgency },
    );
    const id = created.data!.createContact.id;
    await app.gql(`mutation($id: ID!) { updateContact(id: $id, input: { title: "Rådgiver" }) { id } }`, { id });
    const step = (await app.ds.query(`SELECT id FROM routine_step LIMIT 1`))[0].id;
    await app.ds.query(`UPDATE routine_step SET contact_id = $1 WHERE id = $2`, [id, step]);

    expect(
      (await app.gql(`query($id: ID!) { exportContactPerson(id: $id) }`, { id }, { as: DIRECTOR_BODO })).errors![0]
        .extensions!.code,
    ).toBe('FORBIDDEN');
    const exported = await app.gql(`query($id: ID!) { exportContactPerson(id: $id) }`, { id }, { as: DIRECTOR_FAUSKE });
    const data = exported.data!.exportContactPerson;
    expect(data.contactPerson).toMatchObject({
      name: 'Per Sletting',
      phone: '+47 00 00 00 99',
      title: 'Rådgiver',
      agency: { kommunenummer: '1841' },
    });
    expect(data.linkedRoutineSteps).toHaveLength(1);
    expect(data.history.map((h: any) => h.operation)).toEqual(['CREATE', 'UPDATE']);

    const erased = await app.gql(`mutation($id: ID!) { eraseContactPerson(id: $id) }`, { id }, { as: LEADER_SALTEN });
    expect(erased.errors).toBeUndefined();
    expect(await app.ds.query(`SELECT count(*)::int AS n FROM contact_person WHERE id = $1`, [id])).toEqual([{ n: 0 }]);
    expect(await app.ds.query(`SELECT contact_id FROM routine_step WHERE id = $1`, [step])).toEqual([
      { contact_id: null },
    ]);
    const trail = await app.ds.query(
      `SELECT operation, changes::text FROM audit_log WHERE entity = 'ContactPerson' AND entity_id = $1 ORDER BY id`,
      [id],
    );
    expect(trail.map((t: any) => t.operation)).toEqual(['CREATE', 'UPDATE', 'ERASE']);
    expect(JSON.stringify(trail)).not.toMatch(/Sletting|99|Rådgiver/);
  });
});

describe('audit trail', () => {
  it('records who, when, what and the changed fields, in the same transaction', async () => {
    await app.gql(
      `mutation($id: ID!) { updateAgreement(id: $id, input: { noticeMonths: 7, archiveRef: "2026/77" }) { id } }`,
      { id: ids.saltenAgreement },
      { as: DIRECTOR_BODO },
    );
    const r = await app.gql(
      `query($id: ID!) { auditLog(filter: { entity: "Agreement", entityId: $id }, limit: 1) { totalCount items { operation entity userLabel changes at } } }`,
      { id: ids.saltenAgreement },
      { as: DIRECTOR_FAUSKE },
    );
    expect(r.errors).toBeUndefined();
    const [entry] = r.data!.auditLog.items;
    expect(entry).toMatchObject({
      operation: 'UPDATE',
      entity: 'Agreement',
      userLabel: 'direktor-bodo <direktor-bodo@samordna.example>',
    });
    expect(entry.changes).toMatchObject({ noticeMonths: { after: 7 }, archiveRef: { before: null, after: '2026/77' } });
  });

  it('a refused change leaves no trace', async () => {
    const before = await app.ds.query(`SELECT count(*)::int AS n FROM audit_log`);
    await app.gql(
      `mutation($c: ID!) { createAgreement(input: { centreId: $c, title: "Halv", parties: [{ kommunenummer: "1839", role: PARTNER }, { kommunenummer: "1839", role: PARTNER }] }) { id } }`,
      { c: ids.salten },
    );
    expect(await app.ds.query(`SELECT count(*)::int AS n FROM audit_log`)).toEqual(before);
  });

  it('the whole log is for administrators; others see one record at a time; anonymous nothing', async () => {
    expect((await app.gql(`{ auditLog { totalCount } }`)).data!.auditLog.totalCount).toBeGreaterThan(10);
    expect(
      (await app.gql(`{ auditLog { totalCount } }`, {}, { as: DIRECTOR_FAUSKE })).errors![0].extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.entityId' });
    expect((await app.gql(`{ auditLog { totalCount } }`, {}, { as: null })).errors![0].extensions!.code).toBe(
      'UNAUTHENTICATED',
    );
  });
});

describe('concurrent editing', () => {
  it('an update with the version the user saw wins once; a stale one is a CONFLICT with the current record', async () => {
    const read = async () =>
      (
        await app.gql(`query($k: String!) { contacts(filter: { kommunenummer: $k }) { items { id version title } } }`, {
          k: '1841',
        })
      ).data!.contacts.items.find((c: any) => c.id === ids.fauskeContact);
    const seen = await read();
    const first = await app.gql(
      `mutation($id: ID!, $v: Int) { updateContact(id: $id, input: { title: "Først" }, expectedVersion: $v) { version title } }`,
      { id: ids.fauskeContact, v: seen.version },
    );
    expect(first.data!.updateContact).toEqual({ version: seen.version + 1, title: 'Først' });
    const second = await app.gql(
      `mutation($id: ID!, $v: Int) { updateContact(id: $id, input: { title: "Sist" }, expectedVersion: $v) { version } }`,
      { id: ids.fauskeContact, v: seen.version },
    );
    expect(second.errors![0].extensions).toMatchObject({
      code: 'CONFLICT',
      expectedVersion: seen.version,
      currentVersion: seen.version + 1,
      current: { title: 'Først' },
    });
    expect((await read()).title).toBe('Først');
  });
});

/**
 * Issue 10's reproductions: an agreement is a contract between its parties. Each of these went
 * through before the contract model; each is refused now.
 */
describe('agreements as contracts: who may change what', () => {
  const errorOf = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions;
  const members = async () =>
    (
      await app.gql(`query($id: ID!) { crisisCentre(id: $id) { members { kommunenummer } } }`, { id: ids.salten })
    ).data!.crisisCentre.members.map((m: any) => m.kommunenummer);

  it("a partner cannot add a municipality to the host's agreement (Horten billed by Salten)", async () => {
    const r = await app.gql(
      `mutation($id: ID!) { addAgreementParty(agreementId: $id, input: { kommunenummer: "3901", role: PARTNER }) { id } }`,
      { id: ids.saltenAgreement },
      { as: DIRECTOR_FAUSKE },
    );
    expect(errorOf(r)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await members()).not.toContain('3901');
    // Nor can the host add one directly to an agreement in force: that is an amendment Horten must approve.
    const host = await app.gql(
      `mutation($id: ID!) { addAgreementParty(agreementId: $id, input: { kommunenummer: "3901", role: PARTNER }) { id } }`,
      { id: ids.saltenAgreement },
      { as: DIRECTOR_BODO },
    );
    expect(errorOf(host)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'AMENDMENT_REQUIRED' });
  });

  it("a director cannot create agreements for another host's centre; a host cannot name a second host", async () => {
    const [helgeland] = await app.ds.query(`SELECT centre_id AS id FROM agreement WHERE id = $1`, [
      ids.helgelandAgreement,
    ]);
    const r = await app.gql(
      `mutation($c: ID!, $s: ID) { createAgreement(input: { centreId: $c, title: "Kapring", supersedesId: $s, parties: [{ kommunenummer: "1841", role: HOST }] }) { id } }`,
      { c: helgeland.id, s: ids.helgelandAgreement },
      { as: DIRECTOR_FAUSKE },
    );
    expect(errorOf(r)).toMatchObject({ code: 'FORBIDDEN' });
    const second = await app.gql(
      `mutation($c: ID!) { createAgreement(input: { centreId: $c, title: "To verter", parties: [{ kommunenummer: "1804", role: HOST }, { kommunenummer: "1841", role: HOST }] }) { id } }`,
      { c: ids.salten },
      { as: DIRECTOR_BODO },
    );
    expect(errorOf(second)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.parties.1.role' });
  });

  it('a partner cannot change the status of the whole agreement, but gives notice for itself, ending on the date the terms give', async () => {
    const status = await app.gql(
      `mutation($id: ID!) { changeAgreementStatus(id: $id, status: NOTICE_GIVEN) { id } }`,
      { id: ids.saltenAgreement },
      { as: DIRECTOR_FAUSKE },
    );
    expect(errorOf(status)).toMatchObject({ code: 'FORBIDDEN' });
    const agreementId = await fresh.activeAgreement(); // 6 months, from the day notice is given
    const party = await fresh.partyOf(agreementId);
    const preview = await app.gql(
      `query($id: ID!) { agreement(id: $id) { parties { id noticeEffect(givenOn: "2026-12-07") { kind leavesOn } } } }`,
      { id: agreementId },
      { as: DIRECTOR_FAUSKE },
    );
    expect(preview.data!.agreement.parties.find((p: any) => p.id === party).noticeEffect).toEqual({
      kind: 'ROLLING',
      leavesOn: '2027-06-07',
    });
    const notice = await app.gql(
      `mutation($id: ID!) { giveNotice(partyId: $id, input: { givenOn: "2026-12-07" }) { noticeGivenOn leftOn } }`,
      { id: party },
      { as: DIRECTOR_FAUSKE },
    );
    expect(notice.data!.giveNotice).toEqual({ noticeGivenOn: '2026-12-07', leftOn: '2027-06-07' });
    // Bodø (the host) cannot give notice on Fauske's behalf.
    expect(
      errorOf(
        await app.gql(`mutation($id: ID!) { giveNotice(partyId: $id) { id } }`, { id: party }, { as: DIRECTOR_BODO }),
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });
    const [agreement] = await app.ds.query(`SELECT status FROM agreement WHERE id = $1`, [agreementId]);
    expect(agreement.status).toBe('ACTIVE');
  });

  it("a draft that merely lists a municipality does not widen the centre leader's rights to it", async () => {
    const draft = await app.gql(
      `mutation($c: ID!) { createAgreement(input: { centreId: $c, title: "Utkast med Horten", parties: [{ kommunenummer: "3901", role: PARTNER }] }) { id } }`,
      { c: ids.salten },
    );
    expect(draft.errors).toBeUndefined();
    const r = await app.gql(
      `mutation($id: ID!) { updateContact(id: $id, input: { title: "Kapret" }) { id } }`,
      { id: ids.hortenContact },
      { as: LEADER_SALTEN },
    );
    expect(errorOf(r)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await members()).not.toContain('3901');
    await app.gql(`mutation($id: ID!) { deleteAgreement(id: $id) }`, { id: draft.data!.createAgreement.id });
  });

  it('routines and extra charges only for a centre and one of its members', async () => {
    const routine = (c: string, k: string, as: AuthUser) =>
      app.gql(
        `mutation($c: ID!, $k: String!) { createRoutineFromTemplate(centreId: $c, kommunenummer: $k) { id } }`,
        { c, k },
        { as },
      );
    expect(errorOf(await routine(ids.salten, '3901', LEADER_SALTEN))).toMatchObject({ code: 'FORBIDDEN' });
    const [helgeland] = await app.ds.query(`SELECT centre_id AS id FROM agreement WHERE id = $1`, [
      ids.helgelandAgreement,
    ]);
    expect(errorOf(await routine(helgeland.id, '1841', DIRECTOR_FAUSKE))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await routine(ids.salten, '3901', ADMIN))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'kommunenummer',
    });
    const charge = (k: string, as: AuthUser) =>
      app.gql(
        `mutation($c: ID!, $k: String!) { createExtraCharge(input: { centreId: $c, year: 2030, kommunenummer: $k, kind: FOOD, amountOre: 100 }) { id } }`,
        { c: ids.salten, k },
        { as },
      );
    expect(errorOf(await charge('3901', FINANCE_BODO))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await charge('3901', ADMIN))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.kommunenummer',
    });
    expect((await charge('1841', FINANCE_BODO)).errors).toBeUndefined();
    const investment = await app.gql(
      `mutation($c: ID!) { createInvestment(input: { centreId: $c, year: 2030, kind: SECURITY, amountOre: 100, paidByKommunenummer: "3901", shared: false }) { id } }`,
      { c: ids.salten },
      { as: FINANCE_BODO },
    );
    expect(errorOf(investment)).toMatchObject({ code: 'FORBIDDEN' });
  });

  it.each([
    [
      'updateAgreement',
      `mutation($id: ID!) { updateAgreement(id: $id, input: { note: "x" }) { id } }`,
      () => ids.saltenAgreement,
    ],
    [
      'updateContact',
      `mutation($id: ID!) { updateContact(id: $id, input: { title: "x" }) { id } }`,
      () => ids.fauskeContact,
    ],
    [
      'updateAgreementParty',
      `mutation($id: ID!) { updateAgreementParty(id: $id, input: { note: "x" }) { id } }`,
      () => ids.fauskeParty,
    ],
    [
      'updateRoutine',
      `mutation($id: ID!) { updateRoutine(id: $id, input: { note: "x" }) { id } }`,
      () => ids.bodoRoutine,
    ],
  ])('%s without expectedVersion is refused at that field, and changes nothing', async (_n, query, id) => {
    const audits = await app.ds.query(`SELECT count(*)::int AS n FROM audit_log`);
    const r = await app.gql(query, { id: id() }, { rawVersion: true });
    expect(errorOf(r)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'expectedVersion' });
    expect(await app.ds.query(`SELECT count(*)::int AS n FROM audit_log`)).toEqual(audits);
  });

  it("a record's history is for those who may read its protected fields; deleted people's details are not shown to others", async () => {
    const history = (entity: string, id: string, as: AuthUser) =>
      app.gql(
        `query($e: String!, $id: ID!) { auditLog(filter: { entity: $e, entityId: $id }) { items { operation changes } } }`,
        { e: entity, id },
        { as },
      );
    const created = await app.gql(
      `mutation($a: ID!) { createContact(input: { agencyId: $a, name: "Siri Slutter", phone: "+47 00 00 00 42" }) { id } }`,
      { a: ids.fauskeAgency },
    );
    const id = created.data!.createContact.id;
    await app.gql(`mutation($id: ID!) { deleteContact(id: $id) }`, { id });
    for (const outsider of [READER, DIRECTOR_TRONDHEIM, DIRECTOR_BODO, FINANCE_BODO]) {
      const r = await history('ContactPerson', id, outsider);
      expect(errorOf(r)).toMatchObject({ code: 'FORBIDDEN' });
      expect(JSON.stringify(r)).not.toContain('00 42');
    }
    for (const insider of [DIRECTOR_FAUSKE, LEADER_SALTEN]) {
      const r = await history('ContactPerson', id, insider);
      expect(r.data!.auditLog.items.map((i: any) => i.operation)).toEqual(['DELETE', 'CREATE']);
    }
    // An agreement's history: its host, its finance staff and its parties' directors; not a reader.
    expect(errorOf(await history('Agreement', ids.saltenAgreement, READER))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await history('Agreement', ids.helgelandAgreement, DIRECTOR_FAUSKE))).toMatchObject({
      code: 'FORBIDDEN',
    });
    for (const who of [DIRECTOR_BODO, FINANCE_BODO, DIRECTOR_FAUSKE])
      expect((await history('Agreement', ids.saltenAgreement, who)).errors).toBeUndefined();
    // A record that never existed looks the same as one out of scope.
    expect(
      errorOf(await history('ContactPerson', '00000000-0000-4000-8000-00000000beef', DIRECTOR_FAUSKE)),
    ).toMatchObject({ code: 'FORBIDDEN' });
  });
});
