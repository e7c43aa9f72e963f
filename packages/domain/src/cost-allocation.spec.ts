import fc from 'fast-check';
import { allocateCosts, CostModelError, modelAllowsNegative, type CostModel, type CostParty } from './cost-allocation';
import { largestRemainder } from './money';

const parties = (...list: [string, 'HOST' | 'PARTNER', number, number?][]): CostParty[] =>
  list.map(([kommunenummer, role, population, nights]) => ({
    kommunenummer,
    role,
    population,
    nights,
    name: kommunenummer,
  }));

const SALTEN = parties(
  ['1804', 'HOST', 53712],
  ['1841', 'PARTNER', 9827],
  ['1840', 'PARTNER', 4579],
  ['1838', 'PARTNER', 1917],
);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('largestRemainder', () => {
  it.each([
    [100, [1, 1, 1], [34, 33, 33]],
    [100, [1, 1, 1, 1, 1, 1], [17, 17, 17, 17, 16, 16]],
    [10, [0, 0], [5, 5]],
    [7, [3, 0, 4], [3, 0, 4]],
    [1, [1, 1], [1, 0]],
    [-100, [1, 1, 1], [-34, -33, -33]],
    [0, [5, 2], [0, 0]],
  ])('%d by %p = %p', (total, weights, parts) => {
    expect(largestRemainder(total, weights)).toEqual(parts);
  });
});

describe('allocateCosts: models', () => {
  it('PER_INHABITANT_HOST_RESIDUAL: partners pay the rate, the host the rest', () => {
    const a = allocateCosts(1_000_000_000, { kind: 'PER_INHABITANT_HOST_RESIDUAL', rateOre: 8_500 }, SALTEN);
    expect(a.parties.map((p) => p.allocatedOre)).toEqual([
      1_000_000_000 - 8_500 * (9827 + 4579 + 1917),
      8_500 * 9827,
      8_500 * 4579,
      8_500 * 1917,
    ]);
    expect(a.hostResidualOre).toBe(861_254_500);
    expect(a.hostSubsidyOre).toBe(861_254_500 - 8_500 * 53712);
    expect(a.parties[1].perInhabitantOre).toBe(8_500);
    expect(a.parties[1].explanation).toBe('9\u00a0827 innbyggere × kr\u00a085,00');
    // The same as a code with numbers, for clients that word it in their own language.
    expect(a.parties[1].parts).toEqual([{ code: 'POPULATION_TIMES_RATE', population: 9827, amountOre: 8_500 }]);
    expect(a.parties[0].parts).toEqual([
      { code: 'BUDGET_MINUS_PARTNERS', amountOre: a.parties.slice(1).reduce((x, p) => x + p.allocatedOre, 0) },
    ]);
    expect(a.modelExplanation).toEqual({ code: 'PARTNERS_PAY_RATE', amountOre: 8_500 });
    expect(a.hostPartnerRatio).toBeCloseTo(861_254_500 / 53712 / 8_500, 6);
    expect(a.ratioFlag).toBe(false);
  });

  it('flags a host that pays 5× or more per inhabitant (Stavanger 2019: 104 kr vs under 20 kr)', () => {
    const p = parties(['1103', 'HOST', 100_000], ['1124', 'PARTNER', 30_000], ['1127', 'PARTNER', 20_000]);
    const a = allocateCosts(
      100_000 * 10_400 + 50_000 * 1_900,
      { kind: 'PER_INHABITANT_HOST_RESIDUAL', rateOre: 1_900 },
      p,
    );
    expect(a.hostPartnerRatio).toBeCloseTo(104 / 19, 6);
    expect(a.ratioFlag).toBe(true);
  });

  it('HOST_EXCEPTION: the host pays a share; partners split the rest by population', () => {
    const a = allocateCosts(
      1_000_000,
      { kind: 'HOST_EXCEPTION', hostShareBp: 4_000 },
      parties(['A', 'HOST', 100], ['B', 'PARTNER', 300], ['C', 'PARTNER', 100]),
    );
    expect(a.parties.map((p) => p.allocatedOre)).toEqual([400_000, 450_000, 150_000]);
  });

  it('HOST_EXCEPTION: or its own rate per inhabitant', () => {
    const a = allocateCosts(
      1_000_000,
      { kind: 'HOST_EXCEPTION', hostRateOre: 1_000 },
      parties(['A', 'HOST', 100], ['B', 'PARTNER', 300], ['C', 'PARTNER', 100]),
    );
    expect(a.parties.map((p) => p.allocatedOre)).toEqual([100_000, 675_000, 225_000]);
  });

  it('BASE_PLUS_PER_INHABITANT: a base for each, the rest by population', () => {
    const a = allocateCosts(
      1_000_000,
      { kind: 'BASE_PLUS_PER_INHABITANT', baseOre: 100_000 },
      parties(['A', 'HOST', 100], ['B', 'PARTNER', 300], ['C', 'PARTNER', 100]),
    );
    expect(a.parties.map((p) => p.allocatedOre)).toEqual([240_000, 520_000, 240_000]);
  });

  it('FIXED_SHARES: percentages of the budget', () => {
    const a = allocateCosts(
      1_000_001,
      { kind: 'FIXED_SHARES', sharesBp: { A: 5_000, B: 3_333, C: 1_667 } },
      parties(['A', 'HOST', 1], ['B', 'PARTNER', 1], ['C', 'PARTNER', 1]),
    );
    expect(a.parties.map((p) => p.allocatedOre)).toEqual([500_001, 333_300, 166_700]);
  });

  it('LUMP_SUMS: partners pay fixed sums, the host the rest', () => {
    const a = allocateCosts(
      1_000_000,
      { kind: 'LUMP_SUMS', lumpSumsOre: { B: 200_000, C: 50_000 } },
      parties(['A', 'HOST', 1], ['B', 'PARTNER', 1], ['C', 'PARTNER', 1]),
    );
    expect(a.parties.map((p) => p.allocatedOre)).toEqual([750_000, 200_000, 50_000]);
    expect(a.hostResidualOre).toBe(750_000);
  });

  it('USAGE_ADJUSTED: a weight follows overnight stays', () => {
    const p = parties(['A', 'HOST', 100, 0], ['B', 'PARTNER', 100, 30], ['C', 'PARTNER', 200, 10]);
    const half = allocateCosts(1_000_000, { kind: 'USAGE_ADJUSTED', usageWeightBp: 5_000 }, p);
    // pop shares 1/4, 1/4, 1/2; night shares 0, 3/4, 1/4
    expect(half.parties.map((x) => x.allocatedOre)).toEqual([125_000, 500_000, 375_000]);
    const none = allocateCosts(1_000_000, { kind: 'USAGE_ADJUSTED', usageWeightBp: 0 }, p);
    expect(none.parties.map((x) => x.allocatedOre)).toEqual([250_000, 250_000, 500_000]);
  });

  it('adds extra charges on top of the allocation', () => {
    const p = parties(['A', 'HOST', 100], ['B', 'PARTNER', 100]);
    p[1].extraChargesOre = 12_345;
    const a = allocateCosts(200_000, { kind: 'FIXED_SHARES', sharesBp: { A: 5_000, B: 5_000 } }, p);
    expect(a.parties[1]).toMatchObject({
      allocatedOre: 100_000,
      extraChargesOre: 12_345,
      totalOre: 112_345,
      perInhabitantOre: 1_123,
    });
  });

  it.each([
    [{ kind: 'PER_INHABITANT_HOST_RESIDUAL', rateOre: -1 }, 'model.rateOre'],
    [{ kind: 'HOST_EXCEPTION' }, 'model.hostRateOre'],
    [{ kind: 'HOST_EXCEPTION', hostRateOre: 1, hostShareBp: 1 }, 'model.hostShareBp'],
    [{ kind: 'HOST_EXCEPTION', hostShareBp: 10_001 }, 'model.hostShareBp'],
    [{ kind: 'BASE_PLUS_PER_INHABITANT', baseOre: 600_000 }, 'model.baseOre'],
    [{ kind: 'FIXED_SHARES', sharesBp: { A: 5_000, B: 4_000 } }, 'model.sharesBp'],
    [{ kind: 'FIXED_SHARES', sharesBp: { A: 5_000, B: 5_000, X: 0 } }, 'model.sharesBp'],
    [{ kind: 'LUMP_SUMS', lumpSumsOre: { A: 1 } }, 'model.lumpSumsOre'],
    [{ kind: 'LUMP_SUMS', lumpSumsOre: {} }, 'model.lumpSumsOre'],
    [{ kind: 'USAGE_ADJUSTED', usageWeightBp: -5 }, 'model.usageWeightBp'],
  ] as [CostModel, string][])('refuses %p naming %s', (model, field) => {
    try {
      allocateCosts(1_000_000, model, parties(['A', 'HOST', 100], ['B', 'PARTNER', 100]));
      throw new Error('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(CostModelError);
      expect((e as CostModelError).field).toBe(field);
    }
  });

  it('refuses two hosts, no host, a negative population and a negative budget', () => {
    expect(() => allocateCosts(1, { kind: 'FIXED_SHARES', sharesBp: {} }, parties(['A', 'PARTNER', 1]))).toThrow(
      CostModelError,
    );
    expect(() =>
      allocateCosts(1, { kind: 'FIXED_SHARES', sharesBp: {} }, parties(['A', 'HOST', 1], ['B', 'HOST', 1])),
    ).toThrow(/nøyaktig én vertskommune/);
    expect(() => allocateCosts(1, { kind: 'FIXED_SHARES', sharesBp: {} }, parties(['A', 'HOST', -1]))).toThrow(
      /Folketallet/,
    );
    expect(() =>
      allocateCosts(-1, { kind: 'FIXED_SHARES', sharesBp: { A: 10_000 } }, parties(['A', 'HOST', 1])),
    ).toThrow(/Budsjettet/);
  });
});

// ---- properties ----

const partyList = fc.array(fc.integer({ min: 0, max: 800_000 }), { minLength: 1, maxLength: 25 }).map((pops) =>
  pops.map((population, i): CostParty => ({
    kommunenummer: String(1000 + i),
    role: i === 0 ? 'HOST' : 'PARTNER',
    population,
    nights: (population * 7) % 113,
  })),
);
const budget = fc.integer({ min: 0, max: 5_000_000_000_00 });

const modelFor = (kind: number, ps: CostParty[], n: number): CostModel => {
  switch (kind) {
    case 0:
      return { kind: 'PER_INHABITANT_HOST_RESIDUAL', rateOre: n % 30_000 };
    case 1:
      return { kind: 'HOST_EXCEPTION', hostShareBp: n % 10_001 };
    case 2:
      return { kind: 'BASE_PLUS_PER_INHABITANT', baseOre: 0 };
    case 3: {
      const bp = largestRemainder(
        10_000,
        ps.map((_, i) => (n * (i + 1)) % 97),
      );
      return { kind: 'FIXED_SHARES', sharesBp: Object.fromEntries(ps.map((p, i) => [p.kommunenummer, bp[i]])) };
    }
    default:
      return { kind: 'USAGE_ADJUSTED', usageWeightBp: n % 10_001 };
  }
};

describe('allocateCosts: properties', () => {
  it('the parts always sum exactly to the budget', () => {
    fc.assert(
      fc.property(budget, partyList, fc.integer({ min: 0, max: 4 }), fc.nat(), (b, ps, kind, n) => {
        fc.pre(kind !== 1 || ps.length > 1 || n % 10_001 === 10_000 || b === 0);
        const a = allocateCosts(b, modelFor(kind, ps, n), ps);
        expect(sum(a.parties.map((p) => p.allocatedOre))).toBe(b);
      }),
    );
  });

  it('no negative part unless the model lets the host residual go negative', () => {
    fc.assert(
      fc.property(budget, partyList, fc.integer({ min: 0, max: 4 }), fc.nat(), (b, ps, kind, n) => {
        fc.pre(kind !== 1 || ps.length > 1 || n % 10_001 === 10_000 || b === 0);
        const a = allocateCosts(b, modelFor(kind, ps, n), ps);
        if (!modelAllowsNegative(a.model)) for (const p of a.parties) expect(p.allocatedOre).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('equal populations give equal shares (to the øre of rounding)', () => {
    fc.assert(
      fc.property(budget, fc.integer({ min: 1, max: 200_000 }), fc.integer({ min: 2, max: 20 }), (b, pop, n) => {
        const ps: CostParty[] = Array.from({ length: n }, (_, i) => ({
          kommunenummer: String(1000 + i),
          role: i === 0 ? 'HOST' : 'PARTNER',
          population: pop,
        }));
        const a = allocateCosts(b, { kind: 'BASE_PLUS_PER_INHABITANT', baseOre: 0 }, ps);
        const amounts = a.parties.map((p) => p.allocatedOre);
        expect(Math.max(...amounts) - Math.min(...amounts)).toBeLessThanOrEqual(1);
        const partners = allocateCosts(b, { kind: 'HOST_EXCEPTION', hostShareBp: 1_000 }, ps)
          .parties.slice(1)
          .map((p) => p.allocatedOre);
        expect(Math.max(...partners) - Math.min(...partners)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('adding a partner never raises another partner’s amount under per-inhabitant models', () => {
    fc.assert(
      fc.property(
        budget,
        partyList,
        fc.integer({ min: 1, max: 300_000 }),
        fc.integer({ min: 0, max: 30_000 }),
        (b, ps, newcomer, rateOre) => {
          fc.pre(ps.length >= 2);
          const more = [...ps, { kommunenummer: '9999', role: 'PARTNER' as const, population: newcomer }];
          // Rate models: a partner's amount does not depend on who else is a party.
          const r0 = allocateCosts(b, { kind: 'PER_INHABITANT_HOST_RESIDUAL', rateOre }, ps);
          const r1 = allocateCosts(b, { kind: 'PER_INHABITANT_HOST_RESIDUAL', rateOre }, more);
          ps.forEach(
            (p, i) => i > 0 && expect(r1.parties[i].allocatedOre).toBeLessThanOrEqual(r0.parties[i].allocatedOre),
          );
          // Split models: the exact share shrinks, so the rounded amount is never above the old one rounded up.
          const s0 = allocateCosts(b, { kind: 'HOST_EXCEPTION', hostShareBp: 2_500 }, ps);
          const s1 = allocateCosts(b, { kind: 'HOST_EXCEPTION', hostShareBp: 2_500 }, more);
          const rest = s0.budgetOre - s0.parties[0].allocatedOre;
          const pop = ps.slice(1).reduce((a, p) => a + p.population, 0);
          ps.forEach((p, i) => {
            if (i === 0 || pop === 0) return;
            expect(s1.parties[i].allocatedOre).toBeLessThanOrEqual(Math.ceil((rest * p.population) / pop));
          });
        },
      ),
    );
  });

  it('rounding never moves a part more than one øre from its exact share', () => {
    fc.assert(
      fc.property(budget, partyList, (b, ps) => {
        const a = allocateCosts(b, { kind: 'BASE_PLUS_PER_INHABITANT', baseOre: 0 }, ps);
        const pop = ps.reduce((x, p) => x + p.population, 0);
        // Exactly, in integers: |part × total population − budget × population| < total population.
        const [w, W] =
          pop === 0 ? [() => 1n, BigInt(ps.length)] : [(i: number) => BigInt(ps[i].population), BigInt(pop)];
        a.parties.forEach((p, i) => {
          const diff = BigInt(p.allocatedOre) * W - BigInt(b) * w(i);
          expect((diff < 0n ? -diff : diff) < W).toBe(true);
        });
      }),
    );
  });
});
