import { MONEY_LIMITS, SUPPORTED_DATES } from '@samordna/domain';
import { createTestApp, type TestApp } from '../utils/test-app';

/** The limits of values: text PostgreSQL cannot store, dates outside the supported range, amounts. */
let app: TestApp;
let SALTEN: string;
let AGREEMENT: string;
beforeAll(async () => {
  app = await createTestApp({ label: 'values' });
  SALTEN = (await app.ds.query(`SELECT id FROM crisis_centre WHERE seed_key = 'centre:Krisesenteret i Salten'`))[0].id;
  AGREEMENT = (await app.ds.query(`SELECT id FROM agreement WHERE centre_id = $1 ORDER BY id LIMIT 1`, [SALTEN]))[0].id;
});
afterAll(() => app?.close());

const codeOf = (r: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  r.errors?.map((e) => [e.extensions?.code, e.extensions?.field]);
const counts = async () =>
  (
    await app.ds.query(
      `SELECT (SELECT count(*) FROM crisis_centre)::int AS centres, (SELECT count(*) FROM audit_log)::int AS audit`,
    )
  )[0];

describe('text that cannot be stored is refused at the field', () => {
  it.each([
    ['a NUL byte in a name', { name: 'Senter\u0000navn', hostKommunenummer: '1804' }, 'input.name'],
    [
      'a lone high surrogate in a note',
      { name: 'Surrogatsenteret', hostKommunenummer: '1804', note: 'ok \ud800 ikke' },
      'input.note',
    ],
    ['a lone low surrogate at the start', { name: '\udc00Senter', hostKommunenummer: '1804' }, 'input.name'],
    ['a NUL in the kommunenummer', { name: 'Et senter', hostKommunenummer: '18\u000004' }, 'input.hostKommunenummer'],
  ])('%s', async (_what, input, field) => {
    const before = await counts();
    const r = await app.gql(`mutation($i: CrisisCentreInput!) { createCrisisCentre(input: $i) { id } }`, { i: input });
    expect(codeOf(r)).toEqual([['BAD_USER_INPUT', field]]);
    expect(await counts()).toEqual(before);
  });

  it('a surrogate pair (an emoji) is fine', async () => {
    const r = await app.gql(`mutation($i: CrisisCentreInput!) { createCrisisCentre(input: $i) { id name } }`, {
      i: { name: 'Senteret 🏠', hostKommunenummer: '1804' },
    });
    expect(r.errors).toBeUndefined();
    expect(r.data!.createCrisisCentre.name).toBe('Senteret 🏠');
  });

  it('a NUL in a search term of a query is refused too', async () => {
    const r = await app.gql(`query($s: String) { municipalities(filter: { search: $s }) { name } }`, { s: 'Bo\u0000' });
    expect(codeOf(r)).toEqual([['BAD_USER_INPUT', 'filter.search']]);
  });
});

describe(`dates: ${SUPPORTED_DATES.min} to ${SUPPORTED_DATES.max}`, () => {
  it.each(['9999-12-31', '0999-10-01', '0001-01-01', '1899-12-31', '2201-01-01'])(
    'validTo %s is refused at the field and nothing changes',
    async (validTo) => {
      const before = await counts();
      const r = await app.gql(
        `mutation($id: ID!, $i: AgreementFieldsInput!) { updateAgreement(id: $id, input: $i) { id } }`,
        { id: AGREEMENT, i: { validTo } },
      );
      expect(codeOf(r)).toEqual([['BAD_USER_INPUT', 'input.validTo']]);
      expect(await counts()).toEqual(before);
      const list = await app.gql(`{ agreements(limit: 500) { items { id deadline { kind } } } }`);
      expect(list.errors).toBeUndefined();
    },
  );

  it.each(['0001-01-01', '0999-10-01', '9999-12-31'])(
    'coverageOverview(asOf: %s) is BAD_USER_INPUT at asOf',
    async (asOf) => {
      const r = await app.gql(`query($d: String) { coverageOverview(asOf: $d) { rows { status } } }`, { d: asOf });
      expect(codeOf(r)).toEqual([['BAD_USER_INPUT', 'asOf']]);
    },
  );

  it('the ends of the range are accepted and the lists still answer', async () => {
    for (const validTo of [SUPPORTED_DATES.min, SUPPORTED_DATES.max]) {
      const r = await app.gql(
        `mutation($id: ID!, $i: AgreementFieldsInput!) { updateAgreement(id: $id, input: $i) { validTo deadline { kind } } }`,
        { id: AGREEMENT, i: { validTo } },
      );
      if (r.errors) expect(r.errors[0].extensions!.code).toBe('BAD_USER_INPUT'); // refused by a rule of the agreement, never internal
      const list = await app.gql(`{ agreements(limit: 500) { items { id deadline { kind nextPossibleEnd } } } }`);
      expect(list.errors).toBeUndefined();
    }
    for (const asOf of [SUPPORTED_DATES.min, SUPPORTED_DATES.max]) {
      expect(
        (await app.gql(`query($d: String) { coverageOverview(asOf: $d) { rows { status } } }`, { d: asOf })).errors,
      ).toBeUndefined();
    }
  });
});

describe('money', () => {
  it('an amount over 10 billion kroner is refused at the field', async () => {
    const r = await app.gql(`mutation($i: InvestmentInput!) { createInvestment(input: $i) { id } }`, {
      i: {
        centreId: SALTEN,
        year: 2026,
        kind: 'SECURITY',
        amountOre: MONEY_LIMITS.maxAmountOre + 1,
        paidByKommunenummer: '1804',
        shared: true,
      },
    });
    expect(codeOf(r)).toEqual([['BAD_USER_INPUT', 'input.amountOre']]);
  });

  it('a price per inhabitant of 2^53−1 øre is refused at the field', async () => {
    const r = await app.gql(
      `mutation($id: ID!, $t: CostTermsInput!) { setAgreementCostTerms(agreementId: $id, terms: $t) { id } }`,
      {
        id: AGREEMENT,
        t: { model: 'PER_INHABITANT_HOST_RESIDUAL', rateOre: Number.MAX_SAFE_INTEGER },
      },
    );
    expect(codeOf(r)).toEqual([['BAD_USER_INPUT', 'terms.rateOre']]);
    const over = await app.gql(
      `mutation($id: ID!, $t: CostTermsInput!) { setAgreementCostTerms(agreementId: $id, terms: $t) { id } }`,
      {
        id: AGREEMENT,
        t: { model: 'PER_INHABITANT_HOST_RESIDUAL', rateOre: MONEY_LIMITS.maxRateOre + 1 },
      },
    );
    expect(codeOf(over)).toEqual([['BAD_USER_INPUT', 'terms.rateOre']]);
  });

  it('investmentSummary sums 1 100 investments of 2^53−1 øre (older data) without a bigint overflow', async () => {
    await app.ds.query(
      `INSERT INTO investment (centre_id, year, kind, amount_ore, paid_by_kommunenummer, shared)
       SELECT $1, 2031, 'SECURITY', $2, '1804', true FROM generate_series(1, 1100)`,
      [SALTEN, Number.MAX_SAFE_INTEGER],
    );
    try {
      const r = await app.gql(
        `query($c: ID!) { investmentSummary(centreId: $c, fromYear: 2031, toYear: 2031) { totalOre sharedOre hostAloneOre } }`,
        { c: SALTEN },
      );
      expect(r.errors).toBeUndefined();
      expect(r.data!.investmentSummary.totalOre).toBeCloseTo(1100 * Number.MAX_SAFE_INTEGER, -10);
    } finally {
      await app.ds.query(`DELETE FROM investment WHERE centre_id = $1 AND year = 2031`, [SALTEN]);
    }
  });
});
