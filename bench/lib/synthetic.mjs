// A clearly synthetic 10× data set for the benchmark: «Syntetisk kommune 0001», «Syntetisk krisesenter
// 001», «Syntetisk kontakt 00001» … in counties 60–9x (numbers no real county has). Nothing here is a
// real person, place or agreement; every invented row is marked is_example. Added on top of the
// national reference data (the server's seed) until the totals below are reached, with set-based SQL
// (generate_series) in one transaction: seconds, not minutes.
//
//   node bench/lib/synthetic.mjs postgres://…/samordna_10x   (the database must be migrated and seeded)

/** Totals after generation (reference data included): ten times the country. */
export const TEN_X = { municipalities: 3570, centres: 440, agreements: 4400, contacts: 50_000, years: 10 };

const YEAR_TO = 2026;

/**
 * Adds synthetic rows to a migrated, seeded Samordna database until `targets` are reached.
 * @param {import('pg').Client} client a connected pg client
 * @returns {Promise<Record<string, number>>} row counts afterwards
 */
export async function generateSynthetic(client, targets = TEN_X) {
  const count = async (table) => Number((await client.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n);
  const yearFrom = YEAR_TO - targets.years + 1;
  await client.query('BEGIN');
  try {
    const nm = targets.municipalities - (await count('municipality'));
    const nc = targets.centres - (await count('crisis_centre'));
    const na = targets.agreements - (await count('agreement'));
    const nk = targets.contacts - (await count('contact_person'));
    if (nm <= 0 || nc <= 0 || na < nc || nk <= 0)
      throw new Error(
        `synthetic: the database already holds the targets (or more): ${JSON.stringify({ nm, nc, na, nk })}`,
      );
    const counties = Math.ceil(nm / 100);
    if (60 + counties - 1 > 99) throw new Error('synthetic: too many municipalities for counties 60–99');
    const params = { nm, nc, na, nk, yearFrom, yearTo: YEAR_TO };
    const q = (sql) => client.query(sql.replace(/:(\w+)/g, (m, k) => (k in params ? String(params[k]) : m)));

    await q(
      `INSERT INTO county (number, name) SELECT n::text, 'Syntetisk fylke ' || n FROM generate_series(60, ${60 + counties - 1}) n`,
    );
    // Municipality i (1…nm) belongs to county 60 + (i-1)/100 and to centre 1 + (i-1)*nc/nm; the first of
    // each centre's block hosts it. Every 20th non-host municipality is left out of its centre's
    // agreement (a gap the coverage rules find).
    await q(`CREATE TEMP TABLE syn_m ON COMMIT DROP AS
      SELECT i, (60 + (i - 1) / 100)::text || lpad(((i - 1) % 100)::text, 2, '0') AS kommunenummer,
             1 + ((i - 1)::bigint * :nc / :nm)::int AS centre_no
      FROM generate_series(1, :nm) i`);
    await q(`ALTER TABLE syn_m ADD is_host boolean`);
    await q(`UPDATE syn_m s SET is_host = (s.i = (SELECT min(i) FROM syn_m t WHERE t.centre_no = s.centre_no))`);
    await q(`INSERT INTO municipality (kommunenummer, name, county_number, area_km2, admin_centre, lat, lon, point_method)
      SELECT kommunenummer, 'Syntetisk kommune ' || lpad(i::text, 4, '0'), left(kommunenummer, 2), 50 + (i * 37) % 2000,
             'Syntetisk sted ' || lpad(i::text, 4, '0'), 58 + ((i * 7919) % 1300) / 100.0, 5 + ((i * 104729) % 2500) / 100.0, 'syntetisk'
      FROM syn_m`);
    await q(`INSERT INTO municipality_population (kommunenummer, year, population, source)
      SELECT s.kommunenummer, y, (800 + (s.i * 7919) % 40000) * (100 + (y - :yearFrom)) / 100, 'Syntetiske tall (ytelsestest)'
      FROM syn_m s CROSS JOIN generate_series(:yearFrom, :yearTo) y`);

    await q(`CREATE TEMP TABLE syn_c ON COMMIT DROP AS
      SELECT c AS no, gen_random_uuid() AS id, (SELECT kommunenummer FROM syn_m WHERE centre_no = c AND is_host) AS host
      FROM generate_series(1, :nc) c`);
    await q(`INSERT INTO crisis_centre (id, name, host_kommunenummer, cooperation_form, organisation_form, services, capabilities, capacity_rooms,
                                        operating_status, host_basis, note, is_example, seed_key, source_url, source_as_of)
      SELECT id, 'Syntetisk krisesenter ' || lpad(no::text, 3, '0'), host, 'vertskommunesamarbeid (syntetisk)', 'HOST_ADMINISTRATIVE',
             ARRAY['SHELTER', 'DAY_SERVICE', 'PHONE_SERVICE', 'FOLLOW_UP'], CASE WHEN no % 3 = 0 THEN ARRAY['CHILDREN', 'INTERPRETER'] ELSE ARRAY['CHILDREN'] END,
             4 + no % 12, 'OPERATING', NULL, 'Syntetiske data for ytelsestest, ikke et virkelig krisesenter', true,
             'synthetic:centre:' || no, 'https://example.invalid/syntetisk', '${YEAR_TO}'
      FROM syn_c`);

    // Agreement a (1…na) belongs to centre 1 + (a-1) % nc, generation g = (a-1) / nc; a centre's last
    // generation is in force, the earlier ones ended a year each.
    await q(`CREATE TEMP TABLE syn_a ON COMMIT DROP AS
      SELECT a, gen_random_uuid() AS id, c.id AS centre_id, c.no AS centre_no, (a - 1) / :nc AS g,
             ((a - 1) / :nc) = ((:na - 1 - (a - 1) % :nc) / :nc) AS current
      FROM generate_series(1, :na) a JOIN syn_c c ON c.no = 1 + (a - 1) % :nc`);
    await q(`ALTER TABLE syn_a ADD valid_from date`);
    await q(
      `UPDATE syn_a SET valid_from = make_date(2020 - ((SELECT max(g) FROM syn_a t WHERE t.centre_no = syn_a.centre_no) - g), 1, 1)`,
    );
    await q(`INSERT INTO agreement (id, centre_id, title, legal_basis, status, valid_from, valid_to, ended_on, auto_renew, renewal_months, notice_months,
                                    notice_runs_to, signing_level, note, is_example, seed_key, cost_model, cost_params)
      SELECT id, centre_id, 'Syntetisk samarbeidsavtale ' || lpad(centre_no::text, 3, '0') || '-' || lpad(g::text, 2, '0'), 'kommuneloven § 20-1 (syntetisk)',
             CASE WHEN NOT current THEN 'ENDED' WHEN centre_no % 17 = 0 THEN 'NOTICE_GIVEN' ELSE 'ACTIVE' END,
             valid_from, CASE WHEN current THEN NULL ELSE (valid_from + interval '1 year' - interval '1 day')::date END,
             CASE WHEN current THEN NULL ELSE (valid_from + interval '1 year' - interval '1 day')::date END,
             current, CASE WHEN current THEN 12 END, CASE WHEN current THEN 6 END, CASE WHEN current THEN 'CALENDAR_YEAR' ELSE 'NONE' END,
             CASE WHEN centre_no % 5 = 0 THEN 'UNKNOWN' ELSE 'MUNICIPAL_DIRECTOR' END, 'Syntetiske data for ytelsestest', true, 'synthetic:agreement:' || a,
             CASE WHEN current THEN 'PER_INHABITANT_HOST_RESIDUAL' END,
             CASE WHEN current THEN jsonb_build_object('rateOre', 4000 + (centre_no * 37) % 6000) ELSE '{}'::jsonb END
      FROM syn_a`);
    await q(`INSERT INTO agreement_party (agreement_id, kommunenummer, role, joined_on, note, is_example, seed_key)
      SELECT a.id, m.kommunenummer, CASE WHEN m.is_host THEN 'host' ELSE 'partner' END, a.valid_from, 'Syntetisk part', true,
             'synthetic:party:' || a.a || ':' || m.kommunenummer
      FROM syn_a a JOIN syn_m m ON m.centre_no = a.centre_no
      WHERE m.is_host OR m.i % 20 <> 0 OR NOT a.current`);
    await q(`INSERT INTO documented_membership (kommunenummer, centre_id, role, note, source_url, source_date, source_year, quote, confidence, retrieved_on)
      SELECT m.kommunenummer, c.id, CASE WHEN m.is_host THEN 'host' ELSE 'partner' END, 'Syntetiske data for ytelsestest',
             'https://example.invalid/syntetisk', '${YEAR_TO}', ${YEAR_TO}, NULL, (ARRAY['HIGH', 'MEDIUM', 'WEAK'])[1 + m.i % 3], '${YEAR_TO}-12-01'
      FROM syn_m m JOIN syn_c c ON c.no = m.centre_no`);
    await q(`INSERT INTO handover_routine (centre_id, kommunenummer, status, adopted_on, last_reviewed_on, review_due_on, note, is_example, seed_key)
      SELECT c.id, m.kommunenummer, CASE WHEN m.i % 3 = 1 THEN 'ADOPTED' ELSE 'DRAFT' END,
             CASE WHEN m.i % 3 = 1 THEN DATE '2024-03-01' END, CASE WHEN m.i % 3 = 1 THEN DATE '2025-03-01' END,
             CASE WHEN m.i % 3 = 1 THEN DATE '2026-03-01' + (m.i % 700) END, 'Syntetisk rutine', true, 'synthetic:routine:' || m.kommunenummer
      FROM syn_m m JOIN syn_c c ON c.no = m.centre_no WHERE m.i % 3 <> 0`);

    // Five agencies per synthetic municipality, the contacts spread over them; the first contact of
    // each municipality's NAV office is its contact point. Every 25th contact has ended; verification
    // dates spread over 30 months, so some are stale.
    await q(`CREATE TEMP TABLE syn_g ON COMMIT DROP AS
      SELECT row_number() OVER (ORDER BY m.i, k.n)::int AS g, gen_random_uuid() AS id, m.kommunenummer, m.i, k.kind, k.n
      FROM syn_m m CROSS JOIN (VALUES (1, 'NAV'), (2, 'BARNEVERN'), (3, 'POLICE'), (4, 'GP_EMERGENCY_CLINIC'), (5, 'SCHOOL')) AS k(n, kind)`);
    await q(`INSERT INTO agency (id, kommunenummer, kind, name, written_agreement, written_agreement_date, note, is_example, seed_key)
      SELECT id, kommunenummer, kind, 'Syntetisk ' || kind || ' ' || lpad(i::text, 4, '0'), i % 2 = 0, CASE WHEN i % 2 = 0 THEN DATE '2023-01-01' END,
             'Syntetisk etat (ytelsestest)', true, 'synthetic:agency:' || g
      FROM syn_g`);
    const agencies = Number((await client.query(`SELECT count(*)::int AS n FROM syn_g`)).rows[0].n);
    await q(`INSERT INTO contact_person (agency_id, kommunenummer, name, title, phone, email, is_contact_point, verified_at, verified_by, active, is_example, seed_key)
      SELECT g.id, g.kommunenummer, 'Syntetisk kontakt ' || lpad(k::text, 5, '0'), 'Syntetisk rolle', NULL,
             'syntetisk.kontakt.' || lpad(k::text, 5, '0') || '@example.invalid', k <= ${agencies} AND g.n = 1,
             now() - make_interval(days => (k * 7919) % 900), 'Syntetisk (ytelsestest)', k % 25 <> 0 OR (k <= ${agencies} AND g.n = 1), true, 'synthetic:contact:' || k
      FROM generate_series(1, :nk) k JOIN syn_g g ON g.g = 1 + (k - 1) % ${agencies}`);

    await q(`INSERT INTO centre_budget (centre_id, year, operating_cost_ore, state_funding_ore, note, is_example, seed_key, actual_operating_cost_ore)
      SELECT c.id, y, (600000000 + c.no * 1500000)::bigint * (100 + 3 * (y - :yearFrom)) / 100, 0, 'Syntetisk budsjett', true,
             'synthetic:budget:' || c.no || ':' || y, CASE WHEN y < :yearTo THEN (600000000 + c.no * 1500000)::bigint * (101 + 3 * (y - :yearFrom)) / 100 END
      FROM syn_c c CROSS JOIN generate_series(:yearFrom, :yearTo) y`);
    await q(`INSERT INTO usage_stat (centre_id, kommunenummer, year, stays, nights, day_visits, phone_contacts, is_example, seed_key)
      SELECT c.id, m.kommunenummer, y, (m.i * y) % 15, ((m.i * y) % 15) * 19, (m.i + y) % 40, (m.i * 3 + y) % 60, true,
             'synthetic:usage:' || m.kommunenummer || ':' || y
      FROM syn_m m JOIN syn_c c ON c.no = m.centre_no CROSS JOIN generate_series(:yearFrom, :yearTo) y`);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  await client.query('ANALYZE');
  const tables = [
    'municipality',
    'municipality_population',
    'crisis_centre',
    'agreement',
    'agreement_party',
    'documented_membership',
    'handover_routine',
    'agency',
    'contact_person',
    'centre_budget',
    'usage_stat',
  ];
  const counts = {};
  for (const t of tables) counts[t] = await count(t);
  return counts;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { createRequire } = await import('node:module');
  const path = await import('node:path');
  const { fileURLToPath } = await import('node:url');
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  const pg = createRequire(path.join(root, 'server', 'package.json'))('pg');
  const url = process.argv[2];
  if (!url) {
    console.error('usage: node bench/lib/synthetic.mjs postgres://…/database');
    process.exit(2);
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const t0 = performance.now();
  try {
    console.log(await generateSynthetic(client));
    console.log(`generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  } finally {
    await client.end();
  }
}
