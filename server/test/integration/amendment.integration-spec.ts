import {
  addDaysIso,
  AGREEMENT_STATUSES,
  centreMembersOn,
  centreMembersSql,
  todayInNorway,
  type CentreMembershipFacts,
} from '@samordna/domain';
import { endLapsedAgreements } from '../../src/modules/agreement/agreement.service';
import { createTestApp, userWith, type TestApp } from '../utils/test-app';

/**
 * Amendments by proposal and approval, end to end against PostgreSQL: the host proposes, two partners
 * approve, one rejects, the host revises, all approve, the new version takes effect on its date and
 * the next year's cost distribution follows it.
 */
let app: TestApp;
const THIS_YEAR = Number(todayInNorway().slice(0, 4));
const NEXT = THIS_YEAR + 1;
const EFFECTIVE = `${NEXT}-01-01`;

// A centre of its own in Ofoten: Narvik hosts; Evenes, Lødingen and Hamarøy are partners.
const HOST = '1806';
const PARTNERS = ['1853', '1851', '1875'];
const director = (k: string) => userWith(`direktor-${k}`, { role: 'DIRECTOR', kommunenummer: k });
const HOST_DIRECTOR = director(HOST);
const HOST_FINANCE = userWith('okonomi-narvik', { role: 'FINANCE', kommunenummer: HOST });
const [EVENES, LODINGEN, HAMAROY] = PARTNERS.map(director);
let centreId: string;
let agreementId: string;

const APPROVE = `mutation($id: ID!, $ref: String!) { approveAmendment(id: $id, input: { decisionBody: "kommunestyret", decisionRef: $ref, decisionDate: "2026-11-26" }) { id status outcome resultAgreement { id } } }`;
const PROPOSE_FIELDS = `id version status outcome summary effectiveOn approvals { municipality { kommunenummer } role decision decisionRef reason }
  changedFields { field before after } costTerms { model rateOre }
  impact { year note simulation { differences { municipality { kommunenummer } beforeOre afterOre differenceOre afterPerInhabitantOre } } }`;

beforeAll(async () => {
  app = await createTestApp({ label: 'amendment' });
  const c = await app.gql(
    `mutation { createCrisisCentre(input: { name: "Ofoten krisesenter (test)", hostKommunenummer: "${HOST}" }) { id } }`,
  );
  centreId = c.data!.createCrisisCentre.id;
  const a = await app.gql(`mutation($i: CreateAgreementInput!) { createAgreement(input: $i) { id } }`, {
    i: {
      centreId,
      title: 'Samarbeidsavtale Ofoten',
      status: 'ACTIVE',
      validFrom: '2020-01-01',
      autoRenew: true,
      noticeMonths: 12,
      noticeRunsTo: 'CALENDAR_YEAR',
      parties: [
        { kommunenummer: HOST, role: 'HOST', joinedOn: '2020-01-01' },
        ...PARTNERS.map((k) => ({ kommunenummer: k, role: 'PARTNER', joinedOn: '2020-01-01' })),
      ],
    },
  });
  expect(a.errors).toBeUndefined();
  agreementId = a.data!.createAgreement.id;
  const terms = await app.gql(
    `mutation($id: ID!) { setAgreementCostTerms(agreementId: $id, terms: { model: PER_INHABITANT_HOST_RESIDUAL, rateOre: 10000 }) { id } }`,
    { id: agreementId },
  );
  expect(terms.errors).toBeUndefined();
  for (const year of [THIS_YEAR, NEXT]) {
    const b = await app.gql(
      `mutation($c: ID!, $y: Int!) { setCentreBudget(centreId: $c, year: $y, input: { operatingCostOre: 2000000000 }) { id } }`,
      { c: centreId, y: year },
    );
    expect(b.errors).toBeUndefined();
  }
});
afterAll(() => app?.close());

const partnerRate = async (year: number) => {
  const r = await app.gql(
    `query($c: ID!, $y: Int!) { costDistribution(centreId: $c, year: $y) { agreementId parties { municipality { kommunenummer } perInhabitantOre allocatedOre population } } }`,
    { c: centreId, y: year },
  );
  expect(r.errors).toBeUndefined();
  const evenes = r.data!.costDistribution.parties.find((p: any) => p.municipality.kommunenummer === '1853');
  return {
    agreementId: r.data!.costDistribution.agreementId,
    allocatedOre: evenes.allocatedOre,
    population: evenes.population,
  };
};

describe('an amendment proposed by the host, decided by every partner', () => {
  let first: any;
  let revised: any;

  it('the host proposes a new rate from next year; every partner is asked, and sees what it means in kroner', async () => {
    const r = await app.gql(
      `mutation($id: ID!, $d: String!) { proposeAmendment(agreementId: $id, input: { summary: "Ny sats fra ${NEXT}", effectiveOn: $d, changes: { noticeMonths: 6 }, costTerms: { model: PER_INHABITANT_HOST_RESIDUAL, rateOre: 12000 } }) { ${PROPOSE_FIELDS} } }`,
      { id: agreementId, d: EFFECTIVE },
      { as: HOST_DIRECTOR },
    );
    expect(r.errors).toBeUndefined();
    first = r.data!.proposeAmendment;
    expect(first).toMatchObject({
      status: 'OPEN',
      outcome: 'WAITING',
      effectiveOn: EFFECTIVE,
      costTerms: { model: 'PER_INHABITANT_HOST_RESIDUAL', rateOre: 12000 },
    });
    expect(first.approvals.map((a: any) => [a.municipality.kommunenummer, a.role, a.decision])).toEqual(
      expect.arrayContaining(PARTNERS.map((k) => [k, 'PARTNER', 'PENDING'])),
    );
    expect(first.approvals).toHaveLength(3);
    expect(first.changedFields).toEqual([{ field: 'noticeMonths', before: 12, after: 6 }]);
    const evenes = first.impact.simulation.differences.find((d: any) => d.municipality.kommunenummer === '1853');
    expect(evenes.afterPerInhabitantOre).toBe(12000);
    expect(evenes.differenceOre).toBeGreaterThan(0);
    // Waiting lists: the partners see it, the host does not (it asked).
    expect((await app.gql(`{ myPendingApprovals { id } }`, {}, { as: EVENES })).data!.myPendingApprovals).toEqual([
      { id: first.id },
    ]);
    expect(
      (await app.gql(`{ myPendingApprovals { id } }`, {}, { as: HOST_DIRECTOR })).data!.myPendingApprovals,
    ).toEqual([]);
    // One open proposal per agreement.
    const second = await app.gql(
      `mutation($id: ID!, $d: String!) { proposeAmendment(agreementId: $id, input: { summary: "Til", effectiveOn: $d, changes: { noticeMonths: 3 } }) { id } }`,
      { id: agreementId, d: EFFECTIVE },
      { as: HOST_DIRECTOR },
    );
    expect(second.errors![0].extensions).toMatchObject({ code: 'CONFLICT', blockedBy: [{ id: first.id }] });
  });

  it('refuses proposals that change nothing, start in the past, or come from a partner or from finance beyond cost terms', async () => {
    const propose = (input: Record<string, unknown>, as = HOST_DIRECTOR) =>
      app.gql(
        `mutation($id: ID!, $i: AmendmentInput!) { proposeAmendment(agreementId: $id, input: $i) { id } }`,
        { id: agreementId, i: input },
        { as },
      );
    expect(
      (await propose({ summary: 'Ingenting', effectiveOn: EFFECTIVE, changes: { noticeMonths: 12 } })).errors![0]
        .extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input' });
    expect(
      (await propose({ summary: 'Fortid', effectiveOn: '2021-01-01', changes: { noticeMonths: 3 } })).errors![0]
        .extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.effectiveOn' });
    expect(
      (await propose({ summary: 'Fra partner', effectiveOn: EFFECTIVE, changes: { noticeMonths: 3 } }, EVENES))
        .errors![0].extensions,
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      (await propose({ summary: 'Fra økonomi', effectiveOn: EFFECTIVE, changes: { noticeMonths: 3 } }, HOST_FINANCE))
        .errors![0].extensions,
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      (await propose({ summary: 'Ut', effectiveOn: EFFECTIVE, leaving: ['1804'] })).errors![0].extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.leaving.0' });
  });

  it('two partners approve with their decisions, one rejects with a reason: the proposal waits for the host', async () => {
    expect(
      (await app.gql(APPROVE, { id: first.id, ref: 'sak 45/26' }, { as: EVENES })).data!.approveAmendment,
    ).toMatchObject({ status: 'OPEN', outcome: 'WAITING' });
    expect(
      (await app.gql(APPROVE, { id: first.id, ref: 'sak 12/26' }, { as: LODINGEN })).data!.approveAmendment,
    ).toMatchObject({ status: 'OPEN', outcome: 'WAITING' });
    const rejected = await app.gql(
      `mutation($id: ID!) { rejectAmendment(id: $id, reason: "Satsen er for høy for oss i ${NEXT}.") { status outcome approvals { municipality { kommunenummer } decision reason } } }`,
      { id: first.id },
      { as: HAMAROY },
    );
    expect(rejected.data!.rejectAmendment).toMatchObject({ status: 'OPEN', outcome: 'REJECTED' });
    // Outsiders and the host cannot decide for a partner; nothing has changed in the agreement.
    expect(
      (await app.gql(APPROVE, { id: first.id, ref: 'x' }, { as: director('1804') })).errors![0].extensions!.code,
    ).toBe('FORBIDDEN');
    expect(
      (await app.gql(APPROVE, { id: first.id, ref: 'x' }, { as: HOST_DIRECTOR })).errors![0].extensions!.code,
    ).toBe('FORBIDDEN');
    expect((await partnerRate(NEXT)).agreementId).toBe(agreementId);
  });

  it('the host revises: the old proposal is closed, every partner is asked again, and a stale approval is refused', async () => {
    const r = await app.gql(
      `mutation($id: ID!, $d: String!) { reviseAmendment(id: $id, input: { summary: "Ny sats fra ${NEXT} (revidert)", effectiveOn: $d, changes: { noticeMonths: 6 }, costTerms: { model: PER_INHABITANT_HOST_RESIDUAL, rateOre: 11000 } }) { ${PROPOSE_FIELDS} } }`,
      { id: first.id, d: EFFECTIVE },
      { as: HOST_DIRECTOR },
    );
    expect(r.errors).toBeUndefined();
    revised = r.data!.reviseAmendment;
    expect(revised.approvals.every((a: any) => a.decision === 'PENDING')).toBe(true);
    const old = await app.gql(
      `query($id: ID!) { amendments(filter: { agreementId: $id }) { items { id status } } }`,
      { id: agreementId },
      { as: HOST_DIRECTOR },
    );
    expect(old.data!.amendments.items).toEqual([
      { id: revised.id, status: 'OPEN' },
      { id: first.id, status: 'REVISED' },
    ]);
    const stale = await app.gql(
      `mutation($id: ID!) { approveAmendment(id: $id, input: { decisionBody: "k", decisionRef: "r", decisionDate: "2026-11-26" }, expectedVersion: ${first.version}) { id } }`,
      { id: first.id },
      { as: EVENES },
    );
    expect(stale.errors![0].extensions).toMatchObject({ code: 'CONFLICT' });
  });

  it('all approve: the new version is made, replaces the old one from the effective date, and next year costs follow it', async () => {
    await app.gql(APPROVE, { id: revised.id, ref: 'sak 50/26' }, { as: EVENES });
    await app.gql(APPROVE, { id: revised.id, ref: 'sak 13/26' }, { as: LODINGEN });
    const last = await app.gql(APPROVE, { id: revised.id, ref: 'sak 7/26' }, { as: HAMAROY });
    expect(last.errors).toBeUndefined();
    expect(last.data!.approveAmendment).toMatchObject({ status: 'ADOPTED', outcome: 'APPROVED' });
    const newId = last.data!.approveAmendment.resultAgreement.id;

    const q = await app.gql(
      `query($id: ID!) { agreement(id: $id) { status validFrom endedOn noticeMonths supersedes { id endedOn status } costTerms { rateOre } parties { municipality { kommunenummer } role joinedOn leftOn decisionRef } } }`,
      { id: newId },
    );
    const v2 = q.data!.agreement;
    expect(v2).toMatchObject({
      status: 'ACTIVE',
      validFrom: EFFECTIVE,
      endedOn: null,
      noticeMonths: 6,
      supersedes: { id: agreementId, endedOn: `${THIS_YEAR}-12-31`, status: 'ACTIVE' },
      costTerms: { rateOre: 11000 },
    });
    expect(v2.parties.map((p: any) => [p.municipality.kommunenummer, p.role, p.joinedOn, p.decisionRef])).toEqual(
      expect.arrayContaining([
        [HOST, 'HOST', EFFECTIVE, null],
        ['1853', 'PARTNER', EFFECTIVE, 'sak 50/26'],
        ['1851', 'PARTNER', EFFECTIVE, 'sak 13/26'],
        ['1875', 'PARTNER', EFFECTIVE, 'sak 7/26'],
      ]),
    );
    // This year is still the old agreement at the old rate; next year the new one at 110 kr.
    const now = await partnerRate(THIS_YEAR);
    expect(now.agreementId).toBe(agreementId);
    expect(now.allocatedOre).toBe(now.population * 10000);
    const next = await partnerRate(NEXT);
    expect(next.agreementId).toBe(newId);
    expect(next.allocatedOre).toBe(next.population * 11000);

    // Membership is continuous across the versions: the same members on the last old day and the first new one.
    const members = async (day: string) =>
      (
        (await app.ds.query(`SELECT k FROM ${centreMembersSql('$1', '$2')} AS m(k) ORDER BY k`, [centreId, day])) as {
          k: string;
        }[]
      ).map((r) => r.k);
    expect(await members(`${THIS_YEAR}-12-31`)).toEqual([...PARTNERS, HOST].sort());
    expect(await members(EFFECTIVE)).toEqual([...PARTNERS, HOST].sort());

    // On the effective date, housekeeping ends the old version (audited as done by Samordna).
    expect(await endLapsedAgreements(app.ds, addDaysIso(EFFECTIVE, 1))).toBe(1);
    const [old] = await app.ds.query(`SELECT status, ended_on::text FROM agreement WHERE id = $1`, [agreementId]);
    expect(old).toEqual({ status: 'ENDED', ended_on: `${THIS_YEAR}-12-31` });
    const history = await app.gql(
      `query($id: ID!) { auditLog(filter: { entity: "Agreement", entityId: $id }, limit: 100) { items { operation entity userLabel } } }`,
      { id: agreementId },
      { as: EVENES },
    );
    const ops = history.data!.auditLog.items.map((i: any) => `${i.entity}:${i.operation}`);
    expect(ops).toEqual(
      expect.arrayContaining([
        'Agreement:STATUS',
        'AgreementAmendment:ADOPT',
        'AmendmentApproval:APPROVE',
        'AmendmentApproval:REJECT',
        'AgreementAmendment:REVISE',
        'AgreementAmendment:PROPOSE',
      ]),
    );
    expect(history.data!.auditLog.items[0].userLabel).toMatch(/automatisk/);
  });

  it('a partner leaving and a municipality joining by amendment: both asked; the leaver is not a party of the new version', async () => {
    const [current] = await app.ds.query(`SELECT id FROM agreement WHERE supersedes_id = $1`, [agreementId]);
    const effective = `${NEXT + 1}-01-01`;
    const r = await app.gql(
      `mutation($id: ID!, $d: String!) { proposeAmendment(agreementId: $id, input: { summary: "Hamarøy ut, Tjeldsund inn", effectiveOn: $d, joining: ["5512"], leaving: ["1875"] }) { id approvals { municipality { kommunenummer } role } impact { year note } } }`,
      { id: current.id, d: effective },
      { as: HOST_DIRECTOR },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.proposeAmendment.approvals.map((a: any) => [a.municipality.kommunenummer, a.role])).toEqual(
      expect.arrayContaining([
        ['1875', 'LEAVING'],
        ['5512', 'JOINING'],
        ['1853', 'PARTNER'],
        ['1851', 'PARTNER'],
      ]),
    );
    // No budget for that year yet: the impact says so instead of failing.
    expect(r.data!.proposeAmendment.impact.note).toMatch(/budsjett/);
    const id = r.data!.proposeAmendment.id;
    for (const k of ['1853', '1851', '1875', '5512']) {
      const ok = await app.gql(APPROVE, { id, ref: `sak ${k}` }, { as: director(k) });
      expect(ok.errors).toBeUndefined();
    }
    const [v3] = await app.ds.query(`SELECT id FROM agreement WHERE supersedes_id = $1`, [current.id]);
    const parties = (
      await app.ds.query(`SELECT kommunenummer FROM agreement_party WHERE agreement_id = $1 ORDER BY kommunenummer`, [
        v3.id,
      ])
    ).map((p: any) => p.kommunenummer);
    expect(parties).toEqual(['1806', '1851', '1853', '5512']);
    const [leaver] = await app.ds.query(
      `SELECT left_on::text FROM agreement_party WHERE agreement_id = $1 AND kommunenummer = '1875'`,
      [current.id],
    );
    expect(leaver.left_on).toBe(`${NEXT}-12-31`);
  });

  it('finance proposes a cost-terms-only amendment and may withdraw it; a withdrawn proposal takes no more decisions', async () => {
    const [current] = await app.ds.query(
      `SELECT id FROM agreement WHERE status <> 'ENDED' AND centre_id = $1 ORDER BY valid_from DESC LIMIT 1`,
      [centreId],
    );
    const r = await app.gql(
      `mutation($id: ID!, $d: String!) { proposeAmendment(agreementId: $id, input: { summary: "Sats", effectiveOn: $d, costTerms: { model: PER_INHABITANT_HOST_RESIDUAL, rateOre: 11500 } }) { id } }`,
      { id: current.id, d: `${NEXT + 2}-01-01` },
      { as: HOST_FINANCE },
    );
    expect(r.errors).toBeUndefined();
    const id = r.data!.proposeAmendment.id;
    expect(
      (await app.gql(`mutation($id: ID!) { withdrawAmendment(id: $id) { status } }`, { id }, { as: HOST_FINANCE }))
        .data!.withdrawAmendment.status,
    ).toBe('WITHDRAWN');
    expect((await app.gql(APPROVE, { id, ref: 'x' }, { as: EVENES })).errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'id',
    });
  });
});

describe('the membership rule in SQL agrees with the domain function', () => {
  /** A small deterministic generator (no randomness between runs): histories of parties and agreements. */
  function* lcg(seed: number) {
    let x = seed;
    for (;;) {
      x = (x * 1103515245 + 12345) % 2147483648;
      yield x / 2147483648;
    }
  }

  it('on 60 generated histories × 5 days each, centreMembersSql returns the members centreMembersOn computes', async () => {
    const rnd = lcg(20261207);
    const next = () => rnd.next().value as number;
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)];
    const day = (n: number) => addDaysIso('2030-01-01', n);
    const optDay = () => (next() < 0.3 ? null : day(Math.floor(next() * 30)));
    const knrs = ['1804', '1841', '1833', '1838', '1848'];
    for (let round = 0; round < 60; round++) {
      await app.ds.query(`DELETE FROM agreement WHERE centre_id = $1`, [centreId]);
      const facts: CentreMembershipFacts = {
        centres: [{ id: centreId, hostKommunenummer: HOST }],
        agreements: [],
        parties: [],
      };
      const n = 1 + Math.floor(next() * 3);
      for (let i = 0; i < n; i++) {
        const a = { status: pick(AGREEMENT_STATUSES), validFrom: optDay(), endedOn: optDay() };
        if (a.validFrom && a.endedOn && a.endedOn < addDaysIso(a.validFrom, -1)) a.endedOn = null;
        const [row] = await app.ds.query(
          `INSERT INTO agreement (centre_id, title, status, valid_from, ended_on) VALUES ($1, 'G', $2, $3, $4) RETURNING id`,
          [centreId, a.status, a.validFrom, a.endedOn],
        );
        facts.agreements = [...facts.agreements, { id: row.id, centreId, ...a }];
        for (const k of knrs) {
          if (next() < 0.4) continue;
          let p = { joinedOn: optDay(), leftOn: optDay() };
          if (p.joinedOn && p.leftOn && p.leftOn < p.joinedOn) p = { joinedOn: p.leftOn, leftOn: p.joinedOn };
          await app.ds.query(
            `INSERT INTO agreement_party (agreement_id, kommunenummer, role, joined_on, left_on) VALUES ($1, $2, 'partner', $3, $4)`,
            [row.id, k, p.joinedOn, p.leftOn],
          );
          facts.parties = [...facts.parties, { agreementId: row.id, kommunenummer: k, ...p }];
        }
      }
      for (let d = 0; d < 5; d++) {
        const asOf = day(Math.floor(next() * 30));
        const sql = (
          (await app.ds.query(`SELECT k FROM ${centreMembersSql('$1', '$2')} AS m(k)`, [centreId, asOf])) as {
            k: string;
          }[]
        )
          .map((r) => r.k)
          .sort();
        expect({ asOf, members: sql }).toEqual({
          asOf,
          members: [...centreMembersOn(facts, asOf).get(centreId)!].sort(),
        });
      }
    }
  });
});
