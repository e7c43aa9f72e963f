import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { allocationSheet, invoicePlanSheet, toCsv, toXlsx } from '../../src/modules/cost-sharing/cost.export';
import { createContext } from '../../src/app/context';
import { costDistribution } from '../../src/modules/cost-sharing/cost.service';
import { createTestApp, type TestApp } from '../utils/test-app';

let app: TestApp;
const centre: Record<string, string> = {};
beforeAll(async () => {
  app = await createTestApp({ label: 'costs' });
  const r = await app.gql(`{ crisisCentres { items { id name } } }`);
  for (const c of r.data!.crisisCentres.items) centre[c.name] = c.id;
});
afterAll(() => app?.close());

const SALTEN = () => centre['Krisesenteret i Salten'];
const codeOf = (r: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  r.errors?.map((e) => [e.extensions?.code, e.extensions?.field]);
const DIST = `centreName year model modelLabel budgetOre operatingCostOre stateFundingOre hostInvestmentsOre populationYear populationNote
  populationWantedYear populationYearsUsed
  parties { municipality { kommunenummer name } role population allocatedOre extraChargesOre totalOre perInhabitantOre share explanation parts { code population amountOre shareBp } }
  hostResidualOre hostSubsidyOre hostPartnerRatio ratioFlag isExample explanation modelExplanation { code amountOre shareBp }
  nationalAverage { year krPerInhabitant source sourceKind sourceUrl sourceDate } centreKostra { year krPerInhabitant centreName sourceKind sourceUrl }`;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('costDistribution', () => {
  it('Salten 2025: partners pay 85 kr per inhabitant, Bodø the rest; parts sum to the budget', async () => {
    const r = await app.gql(`query($c: ID!) { costDistribution(centreId: $c, year: 2025) { ${DIST} } }`, {
      c: SALTEN(),
    });
    expect(r.errors).toBeUndefined();
    const d = r.data!.costDistribution;
    expect(d).toMatchObject({
      model: 'PER_INHABITANT_HOST_RESIDUAL',
      isExample: true,
      populationYear: 2024,
      populationNote: null,
    });
    expect(sum(d.parties.map((p: any) => p.allocatedOre))).toBe(d.budgetOre);
    expect(d.budgetOre).toBe(d.operatingCostOre - d.stateFundingOre + 80_000_000); // + the shared investment in 2025
    expect(d.hostInvestmentsOre).toBe(0);
    const fauske = d.parties.find((p: any) => p.municipality.name === 'Fauske');
    expect(fauske).toMatchObject({
      role: 'PARTNER',
      population: 9827,
      allocatedOre: 9827 * 8500,
      extraChargesOre: 1_850_000,
    });
    expect(fauske.totalOre).toBe(9827 * 8500 + 1_850_000);
    // Codes with numbers for every client's own language; the bokmål prose stays (deprecated) beside them.
    expect(fauske.parts).toEqual([
      { code: 'POPULATION_TIMES_RATE', population: 9827, amountOre: 8500, shareBp: null },
      { code: 'EXTRA_CHARGES', population: null, amountOre: 1_850_000, shareBp: null },
    ]);
    expect(fauske.explanation).toBe('9\u00a0827 innbyggere × kr\u00a085,00 + tilleggskostnader kr\u00a018\u00a0500');
    expect(d.modelExplanation).toEqual({ code: 'PARTNERS_PAY_RATE', amountOre: 8500, shareBp: null });
    expect(d).toMatchObject({ populationWantedYear: 2024, populationYearsUsed: [2024] });
    expect(d.parties[0]).toMatchObject({ role: 'HOST', municipality: { name: 'Bodø' } });
    expect(d.hostResidualOre).toBe(d.parties[0].allocatedOre);
    expect(d.nationalAverage).toMatchObject({ year: 2022, krPerInhabitant: 79 });
    // The source as a code with its link and date; the bokmål «Kilde: …» stays (deprecated) beside it.
    expect(d.nationalAverage.source).toMatch(/^Kilde: Statistisk sentralbyrå \(SSB\), /);
    expect(d.nationalAverage).toMatchObject({
      sourceKind: 'SSB',
      sourceUrl: expect.stringMatching(/^https:\/\/www\.ssb\.no\//),
    });
    expect(d.nationalAverage.source).toBe(
      `Kilde: Statistisk sentralbyrå (SSB), ${d.nationalAverage.sourceUrl} (${d.nationalAverage.sourceDate})`,
    );
  });

  it('flags Helgeland, where the host pays over 5× per inhabitant, and shows its KOSTRA figure', async () => {
    const r = await app.gql(`query($c: ID!) { costDistribution(centreId: $c, year: 2025) { ${DIST} } }`, {
      c: centre['Helgeland krisesenter'],
    });
    const d = r.data!.costDistribution;
    expect(d.hostPartnerRatio).toBeGreaterThanOrEqual(5);
    expect(d.ratioFlag).toBe(true);
    expect(d.centreKostra).toEqual({
      year: 2021,
      krPerInhabitant: 146,
      centreName: 'Helgeland krisesenter',
      sourceKind: 'BUFDIR_SSB_KOSTRA',
      sourceUrl: expect.stringMatching(/^https:\/\/www2\.bufdir\.no\//),
    });
  });

  it('other models: fixed shares (Asker/Bærum/Lier), host exception (Vestfold), base + per inhabitant (Hønefoss)', async () => {
    for (const name of [
      'Krisesenteret Asker, Bærum og Lier',
      'Kommunalt krisesentertilbud i Vestfold',
      'Krisesenteret i Hønefoss',
    ]) {
      const r = await app.gql(
        `query($c: ID!) { costDistribution(centreId: $c, year: 2026) { model budgetOre parties { allocatedOre share } } }`,
        { c: centre[name] },
      );
      expect(r.errors).toBeUndefined();
      const d = r.data!.costDistribution;
      expect(sum(d.parties.map((p: any) => p.allocatedOre))).toBe(d.budgetOre);
      expect(sum(d.parties.map((p: any) => p.share))).toBeCloseTo(1, 9);
    }
  });

  it('uses the newest population when the reference year is missing, and says so', async () => {
    const r = await app.gql(
      `query($c: ID!) { costDistribution(centreId: $c, year: 2027) { populationYear populationNote populationWantedYear populationYearsUsed } }`,
      { c: SALTEN() },
    );
    expect(r.data!.costDistribution).toEqual({
      populationYear: 2024,
      populationNote: expect.stringContaining('per 1. januar 2026; det finnes ikke'),
      populationWantedYear: 2026,
      populationYearsUsed: [2024],
    });
  });

  it.each([
    [{ year: 2021 }, 'NOT_FOUND', undefined], // no budget that year
    [{ year: 1999 }, 'BAD_USER_INPUT', 'year'],
    [{ centreId: 'salten' }, 'BAD_USER_INPUT', 'centreId'],
    [{ centreId: '00000000-0000-4000-8000-000000000000' }, 'NOT_FOUND', undefined],
  ])('answers %p with %s', async (args, code, field) => {
    const r = await app.gql(`query($c: ID!, $y: Int!) { costDistribution(centreId: $c, year: $y) { budgetOre } }`, {
      c: (args as any).centreId ?? SALTEN(),
      y: (args as any).year ?? 2025,
    });
    expect(codeOf(r)).toEqual([[code, field]]);
  });

  it('says plainly when no budget is registered', async () => {
    const r = await app.gql(`query($c: ID!) { costDistribution(centreId: $c, year: 2021) { budgetOre } }`, {
      c: SALTEN(),
    });
    expect(r.errors![0].message).toBe('Det er ikke registrert noe budsjett for Krisesenteret i Salten i 2021.');
  });
});

describe('budgets, charges, investments and cost terms', () => {
  it('sets a budget, refuses funding above the cost, and the distribution follows', async () => {
    const bad = await app.gql(
      `mutation($c: ID!) { setCentreBudget(centreId: $c, year: 2021, input: { operatingCostOre: 100, stateFundingOre: 200 }) { id } }`,
      { c: SALTEN() },
    );
    expect(codeOf(bad)).toEqual([['BAD_USER_INPUT', 'input.stateFundingOre']]);
    const frac = await app.gql(
      `mutation($c: ID!) { setCentreBudget(centreId: $c, year: 2021, input: { operatingCostOre: 100.5 }) { id } }`,
      { c: SALTEN() },
    );
    expect(codeOf(frac)).toEqual([['BAD_USER_INPUT', 'input.operatingCostOre']]);
    const ok = await app.gql(
      `mutation($c: ID!) { setCentreBudget(centreId: $c, year: 2021, input: { operatingCostOre: 1500000000, stateFundingOre: 100000000 }) { year netOre isExample } }`,
      { c: SALTEN() },
    );
    expect(ok.data!.setCentreBudget).toEqual({ year: 2021, netOre: 1_400_000_000, isExample: false });
    const d = await app.gql(`query($c: ID!) { costDistribution(centreId: $c, year: 2021) { budgetOre } }`, {
      c: SALTEN(),
    });
    expect(d.data!.costDistribution.budgetOre).toBe(1_400_000_000);
  });

  it('sums the investments the host carried alone over five years', async () => {
    const r = await app.gql(
      `query($c: ID!) { investmentSummary(centreId: $c, fromYear: 2021, toYear: 2025) { totalOre hostAloneOre sharedOre hostAloneShare } }`,
      { c: SALTEN() },
    );
    expect(r.data!.investmentSummary).toEqual({
      totalOre: 550_000_000,
      hostAloneOre: 470_000_000,
      sharedOre: 80_000_000,
      hostAloneShare: 470 / 550,
    });
  });

  it('adds and deletes an extra charge, which lands on the party', async () => {
    const add = await app.gql(
      `mutation($c: ID!) { createExtraCharge(input: { centreId: $c, year: 2026, kommunenummer: "1857", kind: FOOD, amountOre: 12345, payingBudget: "NAV" }) { id } }`,
      { c: SALTEN() },
    );
    const d = await app.gql(
      `query($c: ID!) { costDistribution(centreId: $c, year: 2026) { parties { municipality { name } extraChargesOre } } }`,
      { c: SALTEN() },
    );
    expect(d.data!.costDistribution.parties.find((p: any) => p.municipality.name === 'Værøy').extraChargesOre).toBe(
      12345,
    );
    const del = await app.gql(`mutation($id: ID!) { deleteExtraCharge(id: $id) }`, {
      id: add.data!.createExtraCharge.id,
    });
    expect(del.data!.deleteExtraCharge).toBe(add.data!.createExtraCharge.id);
    expect(
      codeOf(
        await app.gql(
          `mutation($c: ID!) { createExtraCharge(input: { centreId: $c, year: 2026, kommunenummer: "1899", kind: FOOD, amountOre: 1 }) { id } }`,
          { c: SALTEN() },
        ),
      ),
    ).toEqual([['BAD_USER_INPUT', 'input.kommunenummer']]);
  });

  it('sets base + per inhabitant as cost terms (its check once ran with a budget of 0)', async () => {
    const id = (
      await app.gql(`query($c: ID!) { crisisCentre(id: $c) { agreements { id } } }`, {
        c: centre['Krisesenteret Asker, Bærum og Lier'],
      })
    ).data!.crisisCentre.agreements[0].id;
    const r = await app.gql(
      `mutation($id: ID!) { setAgreementCostTerms(agreementId: $id, terms: { model: BASE_PLUS_PER_INHABITANT, baseOre: 50000000 }) { costTerms { model baseOre } } }`,
      { id },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.setAgreementCostTerms.costTerms).toEqual({ model: 'BASE_PLUS_PER_INHABITANT', baseOre: 50_000_000 });
  });

  it('sets cost terms on an agreement, checked against its parties', async () => {
    const id = (
      await app.gql(`query($c: ID!) { crisisCentre(id: $c) { agreements { id status } } }`, {
        c: centre['Krisesenteret Asker, Bærum og Lier'],
      })
    ).data!.crisisCentre.agreements[0].id;
    const bad = await app.gql(
      `mutation($id: ID!) { setAgreementCostTerms(agreementId: $id, terms: { model: FIXED_SHARES, shares: [{ kommunenummer: "3201", value: 6000 }, { kommunenummer: "3203", value: 3000 }] }) { id } }`,
      { id },
    );
    expect(codeOf(bad)).toEqual([['BAD_USER_INPUT', 'terms.sharesBp']]);
    const ok = await app.gql(
      `mutation($id: ID!) { setAgreementCostTerms(agreementId: $id, terms: { model: PER_INHABITANT_HOST_RESIDUAL, rateOre: 4500, populationReference: SAME_YEAR }) { costTerms { model label rateOre } populationReference exampleFields } }`,
      { id },
    );
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.setAgreementCostTerms).toMatchObject({
      costTerms: { model: 'PER_INHABITANT_HOST_RESIDUAL', rateOre: 4500 },
      populationReference: 'SAME_YEAR',
    });
    expect(ok.data!.setAgreementCostTerms.exampleFields).not.toContain('costModel');
  });
});

describe('investments the host carries alone, and the settlement', () => {
  const HOST_FIGURES = `hostInvestmentsOre hostDepreciationOre hostPerInhabitantWithInvestmentsOre hostPartnerRatio hostPartnerRatioWithInvestments parties { role totalOre population }`;
  const dist = async (year: number) =>
    (
      await app.gql(
        `query($c: ID!) { costDistribution(centreId: $c, year: $y) { ${HOST_FIGURES} } }`.replace('$y', String(year)),
        { c: SALTEN() },
      )
    ).data!.costDistribution;

  it('a partner-paid investment it does not share is not the host’s (bug: counted as host investment)', async () => {
    const before = await dist(2027);
    const r = await app.gql(
      `mutation($c: ID!) { createInvestment(input: { centreId: $c, year: 2027, kind: SECURITY, amountOre: 5000000, paidByKommunenummer: "1841", shared: false }) { id } }`,
      { c: SALTEN() },
    );
    expect(r.errors).toBeUndefined();
    expect((await dist(2027)).hostInvestmentsOre).toBe(before.hostInvestmentsOre);
    await app.gql(`mutation($id: ID!) { deleteInvestment(id: $id) }`, { id: r.data!.createInvestment.id });
  });

  it('a host-only investment is depreciated into the host’s kr per inhabitant, with and without', async () => {
    const before = await dist(2027);
    const r = await app.gql(
      `mutation($c: ID!) { createInvestment(input: { centreId: $c, year: 2027, kind: BUILDING, amountOre: 1000000000, paidByKommunenummer: "1804", shared: false, depreciationYears: 10 }) { id depreciationYears } }`,
      { c: SALTEN() },
    );
    expect(r.data!.createInvestment.depreciationYears).toBe(10);
    const after = await dist(2027);
    expect(after.hostInvestmentsOre - before.hostInvestmentsOre).toBe(1_000_000_000);
    expect(after.hostDepreciationOre - before.hostDepreciationOre).toBe(100_000_000);
    const host = after.parties.find((p: any) => p.role === 'HOST');
    expect(after.hostPerInhabitantWithInvestmentsOre).toBe(
      Math.round((host.totalOre + after.hostDepreciationOre) / host.population),
    );
    expect(after.hostPartnerRatioWithInvestments).toBeGreaterThan(after.hostPartnerRatio);
    expect(
      codeOf(
        await app.gql(
          `mutation($c: ID!) { createInvestment(input: { centreId: $c, year: 2027, kind: BUILDING, amountOre: 1, paidByKommunenummer: "1804", shared: false, depreciationYears: 0 }) { id } }`,
          { c: SALTEN() },
        ),
      ),
    ).toEqual([['BAD_USER_INPUT', 'input.depreciationYears']]);
    await app.gql(`mutation($id: ID!) { deleteInvestment(id: $id) }`, { id: r.data!.createInvestment.id });
  });

  it('settlement: empty until the actual cost is entered, then the difference per municipality sums to actual − budget', async () => {
    const Q = `query($c: ID!) { costSettlement(centreId: $c, year: 2024) { budgetedNetOre actualNetOre lines { municipality { name } role budgetedOre actualOre differenceOre } } }`;
    expect((await app.gql(Q, { c: SALTEN() })).data!.costSettlement).toMatchObject({ actualNetOre: null, lines: [] });
    const budgets = (
      await app.gql(
        `query($c: ID!) { centreBudgets(centreId: $c) { year version operatingCostOre stateFundingOre projectFundingOre } }`,
        { c: SALTEN() },
      )
    ).data!.centreBudgets;
    const b = budgets.find((x: any) => x.year === 2024);
    const set = await app.gql(
      `mutation($c: ID!, $i: BudgetInput!, $v: Int) { setCentreBudget(centreId: $c, year: 2024, input: $i, expectedVersion: $v) { actualOperatingCostOre version } }`,
      {
        c: SALTEN(),
        v: b.version,
        i: {
          operatingCostOre: b.operatingCostOre,
          stateFundingOre: b.stateFundingOre,
          projectFundingOre: b.projectFundingOre,
          actualOperatingCostOre: b.operatingCostOre + 10_000_000,
        },
      },
    );
    expect(set.errors).toBeUndefined();
    const s = (await app.gql(Q, { c: SALTEN() })).data!.costSettlement;
    expect(s.actualNetOre - s.budgetedNetOre).toBe(10_000_000);
    expect(sum(s.lines.map((l: any) => l.differenceOre))).toBe(10_000_000);
    // Salten: partners pay a rate, so the host carries the whole overrun.
    expect(s.lines.find((l: any) => l.role === 'HOST').differenceOre).toBe(10_000_000);
    const audit = await app.ds.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE entity = 'CentreBudget' AND operation = 'UPDATE'`,
    );
    expect(audit[0].n).toBeGreaterThan(0);
  });
});

describe('municipalityCosts', () => {
  it('gives what Fauske paid each year to Salten, with extra charges, and names the years it cannot compute', async () => {
    const r = await app.gql(
      `{ municipalityCosts(kommunenummer: "1841", fromYear: 2020, toYear: 2027) { municipality { name } years { year centreName role totalOre extraChargesOre perInhabitantOre isExample } gaps gapCodes { year code centreName agreementTitle kommunenummer field } } }`,
    );
    expect(r.errors).toBeUndefined();
    const m = r.data!.municipalityCosts;
    expect(m.years.map((y: any) => y.year)).toEqual([2021, 2022, 2023, 2024, 2025, 2026, 2027]);
    expect(m.years.find((y: any) => y.year === 2025)).toMatchObject({
      centreName: 'Krisesenteret i Salten',
      role: 'PARTNER',
      extraChargesOre: 1_850_000,
      totalOre: 9827 * 8500 + 1_850_000,
    });
    expect(m.gaps).toEqual(['2020: Det er ikke registrert noe budsjett for Krisesenteret i Salten i 2020.']);
    expect(m.gapCodes).toEqual([
      {
        year: 2020,
        code: 'NO_BUDGET',
        centreName: 'Krisesenteret i Salten',
        agreementTitle: null,
        kommunenummer: null,
        field: null,
      },
    ]);
  });

  it('is empty for a municipality in no agreement, and refuses reversed years', async () => {
    expect(
      (
        await app.gql(
          `{ municipalityCosts(kommunenummer: "1833", fromYear: 2024, toYear: 2025) { years { year } gaps } }`,
        )
      ).data!.municipalityCosts,
    ).toEqual({ years: [], gaps: [] });
    expect(
      codeOf(await app.gql(`{ municipalityCosts(kommunenummer: "1841", fromYear: 2025, toYear: 2024) { gaps } }`)),
    ).toEqual([['BAD_USER_INPUT', 'toYear']]);
  });

  it('uses a constant number of SQL statements for 1 year or 8 years', async () => {
    // A write before each: the facts are fetched, not taken from the cache of their data version (cost.cache.ts).
    const write = () => app.ds.query(`UPDATE county SET name = name WHERE number = '18'`);
    await write();
    app.sql.reset();
    await app.gql(`{ municipalityCosts(kommunenummer: "1841", fromYear: 2025, toYear: 2025) { years { totalOre } } }`);
    const one = app.sql.count;
    await write();
    app.sql.reset();
    await app.gql(`{ municipalityCosts(kommunenummer: "1841", fromYear: 2020, toYear: 2027) { years { totalOre } } }`);
    expect(app.sql.count).toBe(one);
  });
});

describe('simulateCostSharing (writes nothing)', () => {
  const SIM = `before { budgetOre parties { municipality { name } totalOre } } after { budgetOre model parties { municipality { name } totalOre allocatedOre } hostInvestmentsOre }
    differences { municipality { name } role beforeOre afterOre differenceOre } peerRates { centreName year krPerInhabitant distanceKm } notes noteCodes`;
  const simulate = (input: Record<string, unknown>) =>
    app.gql(`query($i: SimulationInput!) { simulateCostSharing(input: $i) { ${SIM} } }`, {
      i: { centreId: SALTEN(), year: 2025, ...input },
    });

  it('a higher rate: every partner pays more, the host less, totals unchanged', async () => {
    const count = await app.ds.query(
      `SELECT (SELECT count(*) FROM agreement) + (SELECT count(*) FROM centre_budget) AS n`,
    );
    const r = await simulate({ terms: { model: 'PER_INHABITANT_HOST_RESIDUAL', rateOre: 10_000 } });
    expect(r.errors).toBeUndefined();
    const s = r.data!.simulateCostSharing;
    for (const d of s.differences) {
      if (d.role === 'PARTNER') expect(d.differenceOre).toBeGreaterThan(0);
      else expect(d.differenceOre).toBeLessThan(0);
    }
    expect(sum(s.differences.map((d: any) => d.differenceOre))).toBe(0);
    // The nearest other centres by distance between host municipalities, nearest first, at most 5: only
    // published names matched to a centre have a place.
    expect(s.peerRates.length).toBeGreaterThan(0);
    expect(s.peerRates.length).toBeLessThanOrEqual(5);
    const km = s.peerRates.map((p: any) => p.distanceKm);
    expect(km).toEqual([...km].sort((a, b) => a - b));
    expect(km[0]).toBeGreaterThan(0);
    expect(
      await app.ds.query(`SELECT (SELECT count(*) FROM agreement) + (SELECT count(*) FROM centre_budget) AS n`),
    ).toEqual(count);
  });

  it('a partner leaves: it pays nothing after, the host carries its share', async () => {
    const s = (await simulate({ removeMunicipalities: ['1841'] })).data!.simulateCostSharing;
    const fauske = s.differences.find((d: any) => d.municipality.name === 'Fauske');
    expect(fauske).toMatchObject({ afterOre: null, differenceOre: -fauske.beforeOre });
    const bodo = s.differences.find((d: any) => d.municipality.name === 'Bodø');
    expect(bodo.differenceOre).toBe(9827 * 8500);
  });

  it('a municipality joins: it pays the rate; the others do not pay more', async () => {
    const s = (await simulate({ addMunicipalities: ['1833'] })).data!.simulateCostSharing;
    const rana = s.differences.find((d: any) => d.municipality.name === 'Rana');
    expect(rana).toMatchObject({ beforeOre: null, role: 'PARTNER' });
    const [{ population }] = await app.ds.query(
      `SELECT population FROM municipality_population WHERE kommunenummer = '1833' AND year = 2024`,
    );
    expect(rana.afterOre).toBe(population * 8500);
    for (const d of s.differences) if (d.municipality.name !== 'Rana') expect(d.differenceOre).toBeLessThanOrEqual(0);
  });

  it('another model: fixed lump sums, and a usage-adjusted what-if', async () => {
    const usage = (await simulate({ terms: { model: 'USAGE_ADJUSTED', usageWeightBp: 5000 } })).data!
      .simulateCostSharing;
    expect(usage.after.model).toBe('USAGE_ADJUSTED');
    expect(sum(usage.after.parties.map((p: any) => p.allocatedOre))).toBe(usage.after.budgetOre);
    expect(usage.notes[0]).toMatch(/under 5 er skjermet/);
    expect(usage.noteCodes).toEqual(['SMALL_USAGE_PROTECTED']);
  });

  it('an investment: shared raises the budget for all, host-only lands outside it', async () => {
    const shared = (await simulate({ investment: { amountOre: 100_000_000, shared: true } })).data!.simulateCostSharing;
    expect(shared.after.budgetOre - shared.before.budgetOre).toBe(100_000_000);
    const hostOnly = (await simulate({ investment: { amountOre: 100_000_000, shared: false } })).data!
      .simulateCostSharing;
    expect(hostOnly.after.budgetOre).toBe(hostOnly.before.budgetOre);
    expect(hostOnly.after.hostInvestmentsOre).toBe(100_000_000);
  });

  it('«as agreed» with a new rate applies the rate (was dropped: every change kr 0)', async () => {
    const s = (await simulate({ terms: { model: 'PER_INHABITANT_HOST_RESIDUAL', rateOre: 9_000 } })).data!
      .simulateCostSharing;
    const fauske = s.differences.find((d: any) => d.municipality.name === 'Fauske');
    expect(fauske.differenceOre).toBe(9827 * 500);
  });

  it('base + per inhabitant takes its base: not the same numbers as another model, parts sum to the budget', async () => {
    const r = await app.gql(
      `query($i: SimulationInput!) { simulateCostSharing(input: $i) { after { budgetOre model parties { allocatedOre explanation } } summary } }`,
      {
        i: { centreId: SALTEN(), year: 2025, terms: { model: 'BASE_PLUS_PER_INHABITANT', baseOre: 100_000_00 } },
      },
    );
    expect(r.errors).toBeUndefined();
    const after = r.data!.simulateCostSharing.after;
    expect(after.model).toBe('BASE_PLUS_PER_INHABITANT');
    expect(sum(after.parties.map((p: any) => p.allocatedOre))).toBe(after.budgetOre);
    for (const p of after.parties) expect(p.explanation).toMatch(/^grunnbeløp kr\u00a0100\u00a0000/);
    expect(r.data!.simulateCostSharing.summary).toMatch(
      /^Budsjett kr.*med «Grunnbeløp per kommune \+ per innbygger»: vertskommunen betaler/,
    );
  });

  it.each([
    [{ removeMunicipalities: ['1804'] }, 'input.removeMunicipalities.0'],
    [{ removeMunicipalities: ['1833'] }, 'input.removeMunicipalities.0'],
    [{ addMunicipalities: ['1841'] }, 'input.addMunicipalities.0'],
    [{ addMunicipalities: ['1899'] }, 'input.addMunicipalities.0'],
    [{ terms: { model: 'HOST_EXCEPTION' } }, 'input.terms.hostRateOre'],
    [{ terms: { model: 'HOST_EXCEPTION', hostRateOre: 100, hostShareBp: 100 } }, 'input.terms.hostShareBp'],
    [{ terms: { model: 'BASE_PLUS_PER_INHABITANT' } }, 'input.terms.baseOre'],
    [{ terms: { model: 'PER_INHABITANT_HOST_RESIDUAL', rateOre: -1 } }, 'input.terms.rateOre'],
    [{ investment: { amountOre: -5, shared: true } }, 'input.investment.amountOre'],
    [{ year: 2200 }, 'input.year'],
  ])('refuses %p on %s', async (input, field) => {
    expect(codeOf(await simulate(input))).toEqual([['BAD_USER_INPUT', field]]);
  });
});

describe('usage statistics and small-number protection', () => {
  const USAGE = `threshold isExample rows { municipality { name } stays { value suppressed } nights { value suppressed } dayVisits { value suppressed } phoneContacts { value suppressed } }
    totals { stays { value suppressed } nights { value suppressed } dayVisits { value suppressed } phoneContacts { value suppressed } }`;

  it('suppresses counts under 5 and every total whose column has a suppressed count', async () => {
    const r = await app.gql(`query($c: ID!) { usageStatistics(centreId: $c, year: 2025) { ${USAGE} } }`, {
      c: SALTEN(),
    });
    expect(r.errors).toBeUndefined();
    const u = r.data!.usageStatistics;
    expect(u.threshold).toBe(5);
    const metrics = ['stays', 'nights', 'dayVisits', 'phoneContacts'];
    let suppressedSomewhere = false;
    for (const m of metrics) {
      const cells = u.rows.map((row: any) => row[m]);
      for (const c of cells) {
        if (c.suppressed) expect(c.value).toBeNull();
        else expect(c.value === 0 || c.value >= 5).toBe(true);
      }
      if (cells.some((c: any) => c.suppressed)) {
        suppressedSomewhere = true;
        expect(u.totals[m]).toEqual({ value: null, suppressed: true });
      } else {
        expect(u.totals[m].value).toBe(sum(cells.map((c: any) => c.value)));
      }
    }
    expect(suppressedSomewhere).toBe(true);
  });

  it('a suppressed count cannot be recovered: answers are the same whatever its true value', async () => {
    const cell = await app.ds.query(
      `SELECT u.kommunenummer FROM usage_stat u JOIN crisis_centre c ON c.id = u.centre_id WHERE c.name = 'Krisesenteret i Salten' AND u.year = 2025 AND u.nights BETWEEN 1 AND 4 LIMIT 1`,
    );
    expect(cell).toHaveLength(1);
    const answers = async () => {
      const usage = await app.gql(`query($c: ID!) { usageStatistics(centreId: $c, year: 2025) { ${USAGE} } }`, {
        c: SALTEN(),
      });
      const sim = await app.gql(
        `query($c: ID!) { simulateCostSharing(input: { centreId: $c, year: 2025, terms: { model: USAGE_ADJUSTED, usageWeightBp: 10000 } }) { after { parties { municipality { kommunenummer } allocatedOre } } } }`,
        { c: SALTEN() },
      );
      return JSON.stringify([usage.data, sim.data]);
    };
    const seen = new Set<string>();
    for (const nights of [1, 2, 3, 4]) {
      await app.ds.query(
        `UPDATE usage_stat SET nights = $1 WHERE kommunenummer = $2 AND year = 2025 AND centre_id = $3`,
        [nights, cell[0].kommunenummer, SALTEN()],
      );
      seen.add(await answers());
    }
    expect(seen.size).toBe(1);
  });
});

describe('exports', () => {
  it('CSV: UTF-8 with BOM, semicolons, decimal commas; parses back to the distribution', async () => {
    const d = await costDistribution(createContext(app.ds), SALTEN(), 2025);
    const csv = toCsv(allocationSheet(d));
    expect(csv.startsWith('\ufeff')).toBe(true);
    expect(csv).toContain('\r\n');
    const rows: string[][] = parse(csv, { delimiter: ';', bom: true, relax_column_count: true });
    expect(rows[0]).toEqual(['Kostnadsfordeling', 'Krisesenteret i Salten', '2025']);
    expect(rows.some((r) => r[0] === 'Merk' && /Eksempeldata/.test(r[1]))).toBe(true);
    const header = rows.findIndex((r) => r[0] === 'Kommune');
    const body = rows.slice(header + 1, header + 1 + d.parties.length);
    expect(body.map((r) => r[0])).toEqual(d.parties.map((p) => p.municipality.name));
    const kr = (s: string) => Math.round(Number(s.replace(',', '.')) * 100);
    body.forEach((r, i) => {
      expect(r[1]).toBe(d.parties[i].municipality.kommunenummer);
      expect(kr(r[5])).toBe(d.parties[i].allocatedOre);
      expect(kr(r[7])).toBe(d.parties[i].totalOre);
    });
    expect(body.find((r) => r[0] === 'Gildeskål')).toBeDefined(); // æøå intact
    const total = rows[header + 1 + d.parties.length];
    expect(kr(total[5])).toBe(d.budgetOre);
  });

  it('invoice plan: four quarters per partner that sum exactly to its total', async () => {
    const d = await costDistribution(createContext(app.ds), SALTEN(), 2025);
    const rows: string[][] = parse(toCsv(invoicePlanSheet(d)), { delimiter: ';', bom: true, relax_column_count: true });
    const header = rows.findIndex((r) => r[0] === 'Kommune');
    const body = rows.slice(header + 1);
    const partners = d.parties.filter((p) => p.role === 'partner');
    expect(body).toHaveLength(partners.length * 4 + 1);
    expect(body[3][3]).toBe('31.12.2025');
    expect(body.at(-1)![0]).toBe('Sum');
    expect(Math.round(Number(body.at(-1)![4].replace(',', '.')) * 100)).toBe(sum(partners.map((p) => p.totalOre)));
    for (const p of partners) {
      const mine = body.filter((r) => r[1] === p.municipality.kommunenummer);
      expect(sum(mine.map((r) => Math.round(Number(r[4].replace(',', '.')) * 100)))).toBe(p.totalOre);
    }
  });

  it('XLSX: numbers stay numbers, and read back equal', async () => {
    const d = await costDistribution(createContext(app.ds), SALTEN(), 2025);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await toXlsx(allocationSheet(d))) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Kostnadsfordeling')!;
    const headerRow = headerRowOf(ws);
    expect(headerRow).toBeGreaterThan(0);
    d.parties.forEach((p, i) => {
      const row = ws.getRow(headerRow + 1 + i);
      expect(row.getCell(1).value).toBe(p.municipality.name);
      expect(Math.round((row.getCell(6).value as number) * 100)).toBe(p.allocatedOre);
      expect(row.getCell(6).numFmt).toBe('#,##0.00');
    });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: headerRow });
  });

  it('XLSX invoice plan: due dates as date cells, the header frozen', async () => {
    const d = await costDistribution(createContext(app.ds), SALTEN(), 2025);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await toXlsx(invoicePlanSheet(d))) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Fakturaplan')!;
    const headerRow = headerRowOf(ws);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: headerRow });
    const due = ws.getRow(headerRow + 4).getCell(4);
    expect(due.value).toEqual(new Date('2025-12-31T00:00:00Z'));
    expect(due.numFmt).toBe('dd.mm.yyyy');
  });
});

/** The row of an exported sheet whose first cell is «Kommune» (below the preface lines). */
function headerRowOf(ws: ExcelJS.Worksheet): number {
  let headerRow = 0;
  ws.eachRow((row, n) => {
    if (row.getCell(1).value === 'Kommune') headerRow = n;
  });
  return headerRow;
}

describe('costTrend', () => {
  it('gives budget, host and partner totals per year, and the years it cannot compute', async () => {
    const r = await app.gql(
      `query($c: ID!) { costTrend(centreId: $c, fromYear: 2020, toYear: 2027) { years { year budgetOre hostOre partnersOre partnersPerInhabitantOre nationalAverageKr isExample } gaps gapCodes { year code centreName } } }`,
      { c: centre['Helgeland krisesenter'] },
    );
    expect(r.errors).toBeUndefined();
    const t = r.data!.costTrend;
    expect(t.years.map((y: any) => y.year)).toEqual([2022, 2023, 2024, 2025, 2026, 2027]);
    for (const y of t.years) expect(y.hostOre + y.partnersOre).toBe(y.budgetOre); // no extra charges at Helgeland
    expect(t.years[0].partnersPerInhabitantOre).toBe(5000);
    expect(t.gaps).toHaveLength(2);
    expect(t.gapCodes.map((g: any) => g.year)).toEqual([2020, 2021]);
    expect(t.gapCodes.every((g: any) => ['NO_AGREEMENT', 'NO_BUDGET'].includes(g.code))).toBe(true);
    expect(
      codeOf(
        await app.gql(`query($c: ID!) { costTrend(centreId: $c, fromYear: 2027, toYear: 2020) { gaps } }`, {
          c: SALTEN(),
        }),
      ),
    ).toEqual([['BAD_USER_INPUT', 'toYear']]);
  });
});
