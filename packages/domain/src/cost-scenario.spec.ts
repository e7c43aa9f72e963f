import fc from 'fast-check';
import { CostModelError, type CostModel, type CostParty } from './cost-allocation';
import {
  checkCostModel,
  compareScenarios,
  depreciationIn,
  invoicePlan,
  runScenario,
  ScenarioError,
  scenarioModel,
  scenarioSummary,
  settle,
  type CentreYear,
} from './cost-scenario';

const P = (kommunenummer: string, role: 'HOST' | 'PARTNER', population: number, extraChargesOre = 0): CostParty => ({
  kommunenummer,
  name: kommunenummer,
  role,
  population,
  extraChargesOre,
});
const BASE: CentreYear = {
  year: 2026,
  hostKommunenummer: 'H',
  netBudgetOre: 1_000_000_00,
  model: { kind: 'PER_INHABITANT_HOST_RESIDUAL', rateOre: 100_00 },
  parties: [P('H', 'HOST', 50_000), P('A', 'PARTNER', 10_000), P('B', 'PARTNER', 5_000, 12_345)],
  investments: [],
};
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('scenarioModel', () => {
  const current = { kind: 'PER_INHABITANT_HOST_RESIDUAL' as const, params: { rateOre: 100_00 } };
  it.each<[string, Parameters<typeof scenarioModel>[1], CostModel | string]>([
    [
      'same model, new rate',
      { model: 'PER_INHABITANT_HOST_RESIDUAL', rateOre: 150_00 },
      { kind: 'PER_INHABITANT_HOST_RESIDUAL', rateOre: 150_00 },
    ],
    [
      'same model, nothing given: as agreed',
      { model: 'PER_INHABITANT_HOST_RESIDUAL' },
      { kind: 'PER_INHABITANT_HOST_RESIDUAL', rateOre: 100_00 },
    ],
    [
      'new model with its base',
      { model: 'BASE_PLUS_PER_INHABITANT', baseOre: 1_000_00 },
      { kind: 'BASE_PLUS_PER_INHABITANT', baseOre: 1_000_00 },
    ],
    ['new model without its base', { model: 'BASE_PLUS_PER_INHABITANT' }, 'model.baseOre'],
    ['usage without weight', { model: 'USAGE_ADJUSTED' }, 'model.usageWeightBp'],
    [
      'host exception, rate only',
      { model: 'HOST_EXCEPTION', hostRateOre: 500_00 },
      { kind: 'HOST_EXCEPTION', hostRateOre: 500_00, hostShareBp: null },
    ],
    [
      'host exception, share only',
      { model: 'HOST_EXCEPTION', hostShareBp: 4_000 },
      { kind: 'HOST_EXCEPTION', hostRateOre: null, hostShareBp: 4_000 },
    ],
    [
      'a parameter of another model is ignored',
      { model: 'BASE_PLUS_PER_INHABITANT', baseOre: 5, rateOre: 7 },
      { kind: 'BASE_PLUS_PER_INHABITANT', baseOre: 5 },
    ],
  ])('%s', (_, terms, expected) => {
    if (typeof expected === 'string') {
      expect(() => scenarioModel(current, terms)).toThrow(expect.objectContaining({ field: expected }));
    } else {
      expect(scenarioModel(current, terms)).toEqual(expected);
    }
  });

  it('a new host rate replaces the agreed host share', () => {
    expect(
      scenarioModel(
        { kind: 'HOST_EXCEPTION', params: { hostShareBp: 4_000 } },
        { model: 'HOST_EXCEPTION', hostRateOre: 300_00 },
      ),
    ).toEqual({ kind: 'HOST_EXCEPTION', hostRateOre: 300_00, hostShareBp: null });
  });

  it('host exception with neither says what to give, in kroner or per cent', () => {
    expect(() => runScenario(BASE, { model: scenarioModel(null, { model: 'HOST_EXCEPTION' }) })).toThrow(
      /pris per innbygger \(kr\) eller dens andel/,
    );
  });
});

describe('checkCostModel (setting terms without a budget)', () => {
  it('accepts a base amount (once refused with a budget of 0)', () => {
    expect(() => checkCostModel({ kind: 'BASE_PLUS_PER_INHABITANT', baseOre: 10_000_00 }, BASE.parties)).not.toThrow();
  });
  it('still refuses shares that do not add up', () => {
    expect(() =>
      checkCostModel({ kind: 'FIXED_SHARES', sharesBp: { H: 5_000, A: 2_000, B: 2_000 } }, BASE.parties),
    ).toThrow(CostModelError);
  });
});

describe('runScenario', () => {
  it('as stored: partners pay the rate, the host the rest', () => {
    const r = runScenario(BASE);
    expect(r.allocation.parties.map((p) => p.allocatedOre)).toEqual([
      1_000_000_00 - 1_500_000_00,
      1_000_000_00,
      500_000_00,
    ]);
    expect(r.budgetOre).toBe(1_000_000_00);
  });

  it.each([
    ['a partner leaves', { remove: ['A'] }, ['H', 'B']],
    ['a municipality joins', { add: [P('C', 'PARTNER', 2_000)] }, ['H', 'A', 'B', 'C']],
  ])('%s', (_, scenario, members) => {
    expect(runScenario(BASE, scenario).allocation.parties.map((p) => p.kommunenummer)).toEqual(members);
  });

  it.each([
    [{ remove: ['H'] }, 'removeMunicipalities.0', /Vertskommunen kan ikke/],
    [{ remove: ['A', 'X'] }, 'removeMunicipalities.1', /X er ikke part/],
    [{ add: [P('A', 'PARTNER', 1)] }, 'addMunicipalities.0', /allerede part/],
    [{ investment: { amountOre: 0, shared: true } }, null, null],
  ])('refuses %p at its field', (scenario, field, message) => {
    if (field === null) return expect(() => runScenario(BASE, scenario)).not.toThrow();
    expect(() => runScenario(BASE, scenario)).toThrow(ScenarioError);
    expect(() => runScenario(BASE, scenario)).toThrow(
      expect.objectContaining({ field, message: expect.stringMatching(message!) }),
    );
  });

  it('a shared investment is split; a host-only one is carried by the host and depreciated', () => {
    const base: CentreYear = {
      ...BASE,
      investments: [
        { year: 2026, amountOre: 300_000_00, shared: true, paidByKommunenummer: 'H' },
        { year: 2025, amountOre: 1_000_000_00, shared: false, paidByKommunenummer: 'H', depreciationYears: 10 },
        { year: 2026, amountOre: 50_000_00, shared: false, paidByKommunenummer: 'A' },
      ],
    };
    const r = runScenario(base);
    expect(r.budgetOre).toBe(1_300_000_00);
    expect(r.hostInvestmentsOre).toBe(0); // the 2026 host-only investment was paid by a partner: not the host's
    expect(r.hostDepreciationOre).toBe(100_000_00);
    const host = r.allocation.parties[0];
    expect(r.hostPerInhabitantWithInvestmentsOre).toBe(Math.round((host.totalOre + 100_000_00) / 50_000));
    expect(r.hostPartnerRatioWithInvestments!).toBeGreaterThan(r.allocation.hostPartnerRatio!);
  });

  it('a simulated host-only investment counts in full in its year', () => {
    const r = runScenario(BASE, { investment: { amountOre: 40_000_00, shared: false } });
    expect([r.budgetOre, r.hostInvestmentsOre, r.hostDepreciationOre]).toEqual([
      BASE.netBudgetOre,
      40_000_00,
      40_000_00,
    ]);
  });

  it('depreciation parts sum to the amount to the øre', () => {
    const inv = { year: 2020, amountOre: 1_000_001, shared: false, paidByKommunenummer: 'H', depreciationYears: 3 };
    expect([2019, 2020, 2021, 2022, 2023].map((y) => depreciationIn(inv, y))).toEqual([
      0, 333_334, 333_334, 333_333, 0,
    ]);
  });
});

describe('compareScenarios and summary', () => {
  it('before/after per party with a one-line summary', () => {
    const before = runScenario(BASE);
    const after = runScenario(BASE, { model: { kind: 'PER_INHABITANT_HOST_RESIDUAL', rateOre: 120_00 } });
    const d = compareScenarios(before.allocation, after.allocation);
    expect(d.map((x) => x.differenceOre)).toEqual([-300_000_00, 200_000_00, 100_000_00]);
    expect(sum(d.map((x) => x.differenceOre))).toBe(0);
    expect(scenarioSummary(before, after, d)).toBe(
      'Budsjett kr\u00a01\u00a0000\u00a0000,00: vertskommunen betaler kr\u00a0300\u00a0000,00 mindre, samarbeidskommunene til sammen kr\u00a0300\u00a0000,00 mer.',
    );
  });
});

describe('invoice plan and settlement', () => {
  it('quarterly, due the last day of each quarter, summing to each partner total', () => {
    const r = runScenario(BASE);
    const plan = invoicePlan(2026, r.allocation.parties);
    expect(plan.filter((l) => l.kommunenummer === 'B').map((l) => [l.dueDate, l.amountOre])).toEqual([
      ['2026-03-31', 12_503_087],
      ['2026-06-30', 12_503_086],
      ['2026-09-30', 12_503_086],
      ['2026-12-31', 12_503_086],
    ]);
    expect(sum(plan.map((l) => l.amountOre))).toBe(
      sum(r.allocation.parties.filter((p) => p.role === 'PARTNER').map((p) => p.totalOre)),
    );
  });

  it('settlement: the difference per municipality sums to actual − budget', () => {
    const base = { ...BASE, model: { kind: 'FIXED_SHARES', sharesBp: { H: 6_000, A: 3_000, B: 1_000 } } as CostModel };
    const budgeted = runScenario(base).allocation;
    const actual = runScenario({ ...base, netBudgetOre: base.netBudgetOre + 10_000_01 }).allocation;
    const lines = settle(budgeted, actual);
    expect(sum(lines.map((l) => l.differenceOre))).toBe(10_000_01);
    expect(lines.map((l) => l.differenceOre)).toEqual([6_000_01, 3_000_00, 1_000_00]);
  });
});

describe('properties', () => {
  const partyList = fc
    .uniqueArray(fc.integer({ min: 1000, max: 9999 }), { minLength: 2, maxLength: 8 })
    .chain((ids) =>
      fc.tuple(
        fc.constant(ids),
        fc.array(fc.integer({ min: 0, max: 700_000 }), { minLength: ids.length, maxLength: ids.length }),
      ),
    )
    .map(([ids, pops]) => ids.map((id, i) => P(String(id), i === 0 ? 'HOST' : 'PARTNER', pops[i])));
  const perInhabitantModel: fc.Arbitrary<CostModel> = fc.oneof(
    fc.integer({ min: 0, max: 5_000 }).map((hostShareBp) => ({ kind: 'HOST_EXCEPTION', hostShareBp }) as CostModel),
    fc.constant({ kind: 'BASE_PLUS_PER_INHABITANT', baseOre: 0 } as CostModel),
    fc
      .integer({ min: 0, max: 200_00 })
      .map((rateOre) => ({ kind: 'PER_INHABITANT_HOST_RESIDUAL', rateOre }) as CostModel),
    // No stays recorded: the usage model falls back to population.
    fc
      .integer({ min: 0, max: 10_000 })
      .map((usageWeightBp) => ({ kind: 'USAGE_ADJUSTED', usageWeightBp }) as CostModel),
  );
  const budget = fc.integer({ min: 0, max: 2_000_000_000_00 });

  it('the parts always sum to the budget to the øre, under any what-if', () => {
    fc.assert(
      fc.property(
        partyList,
        budget,
        perInhabitantModel,
        fc.integer({ min: 0, max: 1_000_000_00 }),
        fc.boolean(),
        (parties, netBudgetOre, model, inv, shared) => {
          const base: CentreYear = {
            ...BASE,
            hostKommunenummer: parties[0].kommunenummer,
            parties,
            netBudgetOre,
            model,
          };
          const r = runScenario(base, { investment: { amountOre: inv, shared } });
          expect(sum(r.allocation.parties.map((p) => p.allocatedOre))).toBe(r.budgetOre);
        },
      ),
    );
  });

  it('removing a partner never lowers the others’ share under per-inhabitant models', () => {
    fc.assert(
      fc.property(
        partyList.filter((p) => p.length >= 3 && p.every((x) => x.population > 0)),
        budget,
        perInhabitantModel,
        fc.nat(),
        (parties, netBudgetOre, model, pick) => {
          const base: CentreYear = {
            ...BASE,
            hostKommunenummer: parties[0].kommunenummer,
            parties,
            netBudgetOre,
            model,
          };
          const leaving = parties[1 + (pick % (parties.length - 1))].kommunenummer;
          const before = runScenario(base).allocation;
          const after = runScenario(base, { remove: [leaving] }).allocation;
          for (const p of after.parties) {
            const b = before.parties.find((x) => x.kommunenummer === p.kommunenummer)!;
            // Largest remainder may move a single øre between parties.
            expect(p.allocatedOre).toBeGreaterThanOrEqual(b.allocatedOre - 1);
          }
        },
      ),
    );
  });

  it('the same inputs give the same øre', () => {
    fc.assert(
      fc.property(partyList, budget, perInhabitantModel, (parties, netBudgetOre, model) => {
        const base: CentreYear = { ...BASE, hostKommunenummer: parties[0].kommunenummer, parties, netBudgetOre, model };
        expect(runScenario(structuredClone(base))).toEqual(runScenario(structuredClone(base)));
      }),
    );
  });
});
