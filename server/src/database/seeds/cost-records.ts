import type { EntityManager } from 'typeorm';
import { largestRemainder } from '@samordna/domain';
import { upsert } from './upsert';

/**
 * Example cost data, added once per database: the real centres' budgets, cost models,
 * extra charges, investments and usage are not public, so these are invented and marked
 * (is_example on rows, 'costModel' in the agreement's example_fields).
 */
export const COST_RECORDS_KEY = 'records-v2-cost';

interface CentreCosts {
  /** kr per inhabitant served that the example budget is built from. */
  krPerInhabitant: number;
  model: string;
  params: (parties: { kommunenummer: string; role: string; population: number }[]) => Record<string, unknown>;
}

const CENTRES: Record<string, CentreCosts> = {
  'Krisesenteret i Salten': {
    krPerInhabitant: 128,
    model: 'PER_INHABITANT_HOST_RESIDUAL',
    params: () => ({ rateOre: 8_500 }),
  },
  'Kommunalt krisesentertilbud i Vestfold': {
    krPerInhabitant: 76,
    model: 'HOST_EXCEPTION',
    params: () => ({ hostShareBp: 3_000 }),
  },
  'Helgeland krisesenter': {
    krPerInhabitant: 142,
    model: 'PER_INHABITANT_HOST_RESIDUAL',
    params: () => ({ rateOre: 5_000 }),
  },
  'Krisesenteret i Hønefoss': {
    krPerInhabitant: 118,
    model: 'BASE_PLUS_PER_INHABITANT',
    params: () => ({ baseOre: 15_000_000 }),
  },
  'Krisesenteret Asker, Bærum og Lier': {
    krPerInhabitant: 50,
    model: 'FIXED_SHARES',
    // Shares rounded to whole percent, roughly by population (as such agreements are written).
    params: (parties) => {
      const pct = largestRemainder(
        100,
        parties.map((p) => p.population),
      );
      return { sharesBp: Object.fromEntries(parties.map((p, i) => [p.kommunenummer, pct[i] * 100])) };
    },
  },
};

const YEARS = [2022, 2023, 2024, 2025, 2026, 2027];

type Party = { kommunenummer: string; role: string; population: number };

export async function seedCostRecordsOnce(em: EntityManager): Promise<{ budgets: number } | null> {
  const inserted = await em.query(
    `INSERT INTO seed_state (key) VALUES ($1) ON CONFLICT (key) DO NOTHING RETURNING key`,
    [COST_RECORDS_KEY],
  );
  if (inserted.length === 0) return null;
  const names = Object.keys(CENTRES);
  const agreements = new Map<string, { id: string; centre_id: string }>(
    (
      await em.query(`SELECT seed_key, id, centre_id FROM agreement WHERE seed_key = ANY($1)`, [
        names.map((n) => `agreement:${n}`),
      ])
    ).map((a: { seed_key: string; id: string; centre_id: string }) => [a.seed_key.slice('agreement:'.length), a]),
  );
  const partiesOf = new Map<string, Party[]>();
  const partyRows: (Party & { agreement_id: string })[] = await em.query(
    `SELECT p.agreement_id, p.kommunenummer, p.role, pop.population FROM agreement_party p
     JOIN municipality_population pop ON pop.kommunenummer = p.kommunenummer AND pop.year = 2024
     WHERE p.agreement_id = ANY($1) ORDER BY p.agreement_id, p.role, p.kommunenummer`,
    [[...agreements.values()].map((a) => a.id)],
  );
  for (const { agreement_id, ...p } of partyRows)
    partiesOf.set(agreement_id, [...(partiesOf.get(agreement_id) ?? []), p]);

  const terms: unknown[][] = [];
  const budgetRows: unknown[][] = [];
  const usageRows: unknown[][] = [];
  for (const [name, c] of Object.entries(CENTRES)) {
    const agreement = agreements.get(name);
    if (!agreement) continue;
    const parties = partiesOf.get(agreement.id) ?? [];
    const population = parties.reduce((a, p) => a + p.population, 0);
    terms.push([agreement.id, c.model, JSON.stringify(c.params(parties))]);
    for (const year of YEARS) {
      // Costs grow about 3 % a year; funding is a small state share.
      const operating = Math.round(population * c.krPerInhabitant * 100 * 1.03 ** (year - 2024) * 1.08);
      const state = Math.round(operating * 0.05);
      budgetRows.push([
        `budget:${name}:${year}`,
        agreement.centre_id,
        year,
        operating,
        state,
        0,
        true,
        'Eksempelbudsjett: reelle budsjetter er ikke kjent.',
      ]);
    }
    // Usage per member and year: invented counts, some of them small (and so suppressed).
    for (const year of [2024, 2025]) {
      for (const [i, p] of parties.entries()) {
        const base = Math.max(0, Math.round(p.population / 2500) - (i % 3));
        usageRows.push([
          `usage:${name}:${p.kommunenummer}:${year}`,
          agreement.centre_id,
          p.kommunenummer,
          year,
          base,
          base * 23 + (i % 4),
          base * 4 + (i % 5),
          base * 6 + 2,
          true,
        ]);
      }
    }
  }
  if (terms.length) {
    const params: unknown[] = [];
    const values = terms.map(
      ([id, model, costParams]) =>
        `($${params.push(id)}::uuid, $${params.push(model)}::text, $${params.push(costParams)}::jsonb)`,
    );
    await em.query(
      `UPDATE agreement a SET cost_model = v.model, cost_params = v.params, population_reference = 'PREVIOUS_YEAR',
         example_fields = array_append(array_remove(a.example_fields, 'costModel'), 'costModel')
       FROM (VALUES ${values.join(', ')}) AS v (id, model, params)
       WHERE a.id = v.id`,
      params,
    );
  }
  const budgets = await upsert(
    em,
    'centre_budget',
    [
      'seed_key',
      'centre_id',
      'year',
      'operating_cost_ore',
      'state_funding_ore',
      'project_funding_ore',
      'is_example',
      'note',
    ],
    null,
    budgetRows,
    { returning: ['seed_key'] },
  );
  await upsert(
    em,
    'usage_stat',
    ['seed_key', 'centre_id', 'kommunenummer', 'year', 'stays', 'nights', 'day_visits', 'phone_contacts', 'is_example'],
    null,
    usageRows,
  );

  const [salten] = await em.query(`SELECT id FROM crisis_centre WHERE seed_key = 'centre:Krisesenteret i Salten'`);
  if (salten) {
    const charges: [string, string, number, string, string][] = [
      ['1841', 'CHILD_TRANSPORT', 1_850_000, 'Oppvekstbudsjettet', 'Skoleskyss for to barn under opphold'],
      ['1840', 'FOOD', 620_000, 'NAV sosialhjelp', 'Kost under opphold'],
      ['1838', 'CHILD_TRANSPORT', 940_000, 'Oppvekstbudsjettet', 'Skoleskyss'],
    ];
    await upsert(
      em,
      'extra_charge',
      [
        'seed_key',
        'centre_id',
        'year',
        'kommunenummer',
        'kind',
        'amount_ore',
        'paying_budget',
        'description',
        'is_example',
      ],
      null,
      charges.map(([k, kind, amount, budget, description], i) => [
        `charge:salten:${i}`,
        salten.id,
        2025,
        k,
        kind,
        amount,
        budget,
        description,
        true,
      ]),
    );
    const investments: [number, string, number, boolean, string][] = [
      [2022, 'SECURITY', 120_000_000, false, 'Nytt adgangskontroll- og alarmsystem'],
      [2024, 'BUILDING', 350_000_000, false, 'Ombygging av beboerdelen'],
      [2025, 'SERVICE_EXPANSION', 80_000_000, true, 'Tilrettelegging for rusavhengige (delt i budsjettet)'],
    ];
    await upsert(
      em,
      'investment',
      [
        'seed_key',
        'centre_id',
        'year',
        'kind',
        'amount_ore',
        'paid_by_kommunenummer',
        'shared',
        'description',
        'is_example',
      ],
      null,
      investments.map(([year, kind, amount, shared, description], i) => [
        `investment:salten:${i}`,
        salten.id,
        year,
        kind,
        amount,
        '1804',
        shared,
        description,
        true,
      ]),
    );
  }
  // Rows already there (a clash on a unique index) are not counted.
  return { budgets: budgets.length };
}
