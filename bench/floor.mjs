#!/usr/bin/env node
// The floor of the benchmark: the same answers as the GraphQL scenarios, each produced by one
// hand-written SQL statement through `pg` and sent as JSON over plain `node:http` (no framework, no
// ORM, no GraphQL, no rules engine). What the real server costs above this is its own overhead.
//   DATABASE_URL=postgres://… PORT=… node bench/floor.mjs     (prints «floor listening» when ready)
// The coverage answers carry the facts the rules read (current agreement, adopted routine, agencies,
// contact point, documented membership) and a status from a one-line rule, in the dashboard's shape;
// the cost answers allocate «per inhabitant, host pays the rest» in SQL. No sign-in is checked.
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pg = createRequire(path.join(root, 'server', 'package.json'))('pg');
pg.types.setTypeParser(20, (v) => Number(v)); // bigint øre: safe integers here
pg.types.setTypeParser(1082, (v) => v); // dates as YYYY-MM-DD, like the GraphQL answers
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

/** One municipality: correlated look-ups by index. */
const COVERAGE_ONE = `
  SELECT m.kommunenummer, m.name, m.county_number, co.name AS county_name, dc.name AS centre_name, dm.confidence,
         EXISTS (SELECT 1 FROM agreement_party p JOIN agreement a ON a.id = p.agreement_id
                 WHERE p.kommunenummer = m.kommunenummer AND a.status IN ('ACTIVE', 'NOTICE_GIVEN') AND p.left_on IS NULL) AS agreement,
         EXISTS (SELECT 1 FROM handover_routine r WHERE r.kommunenummer = m.kommunenummer AND r.status = 'ADOPTED') AS routine,
         (SELECT count(*)::int FROM agency g WHERE g.kommunenummer = m.kommunenummer) AS agencies,
         EXISTS (SELECT 1 FROM contact_person c WHERE c.kommunenummer = m.kommunenummer AND c.is_contact_point AND c.active) AS contact_point
  FROM municipality m JOIN county co ON co.number = m.county_number
  LEFT JOIN documented_membership dm ON dm.kommunenummer = m.kommunenummer LEFT JOIN crisis_centre dc ON dc.id = dm.centre_id
  WHERE m.kommunenummer = $1`;

/** The whole country: each fact aggregated once per municipality, then joined. */
const COVERAGE_ALL = `
  WITH ag AS (SELECT DISTINCT p.kommunenummer FROM agreement_party p JOIN agreement a ON a.id = p.agreement_id
              WHERE a.status IN ('ACTIVE', 'NOTICE_GIVEN') AND p.left_on IS NULL),
       rt AS (SELECT DISTINCT kommunenummer FROM handover_routine WHERE status = 'ADOPTED'),
       gc AS (SELECT kommunenummer, count(*)::int AS n FROM agency GROUP BY kommunenummer),
       cp AS (SELECT DISTINCT kommunenummer FROM contact_person WHERE is_contact_point AND active)
  SELECT m.kommunenummer, m.name, m.county_number, co.name AS county_name, dc.name AS centre_name, dm.confidence,
         ag.kommunenummer IS NOT NULL AS agreement, rt.kommunenummer IS NOT NULL AS routine, coalesce(gc.n, 0) AS agencies,
         cp.kommunenummer IS NOT NULL AS contact_point
  FROM municipality m JOIN county co ON co.number = m.county_number
  LEFT JOIN documented_membership dm ON dm.kommunenummer = m.kommunenummer LEFT JOIN crisis_centre dc ON dc.id = dm.centre_id
  LEFT JOIN ag ON ag.kommunenummer = m.kommunenummer LEFT JOIN rt ON rt.kommunenummer = m.kommunenummer
  LEFT JOIN gc ON gc.kommunenummer = m.kommunenummer LEFT JOIN cp ON cp.kommunenummer = m.kommunenummer
  ORDER BY m.kommunenummer`;

function coverageRow(r) {
  const codes = [];
  if (!r.agreement) codes.push(r.centre_name ? 'NO_WRITTEN_AGREEMENT' : 'NO_CENTRE');
  if (!r.routine) codes.push('NO_ADOPTED_ROUTINE');
  if (!r.contact_point) codes.push('NO_CONTACT_POINT');
  if (r.agencies < 5) codes.push('MISSING_KEY_AGENCIES');
  const critical = r.agreement ? 0 : 1;
  const warning = codes.length - critical;
  return {
    municipality: {
      kommunenummer: r.kommunenummer,
      name: r.name,
      countyNumber: r.county_number,
      county: { name: r.county_name },
    },
    status: r.agreement ? 'AGREEMENT' : r.centre_name ? 'DOCUMENTED' : 'NONE',
    worstSeverity: critical ? 'CRITICAL' : warning ? 'WARNING' : null,
    documentedMembership: r.centre_name
      ? {
          centreName: r.centre_name,
          provenance: { confidence: r.confidence, marked: r.confidence === 'WEAK', evidence: r.confidence },
        }
      : null,
    critical,
    warning,
    info: 0,
    codes,
  };
}

const DISTRIBUTION = `
  WITH a AS (SELECT id, coalesce((cost_params->>'rateOre')::bigint, 0) AS rate FROM agreement
             WHERE centre_id = $1 AND status IN ('ACTIVE', 'NOTICE_GIVEN') ORDER BY valid_from DESC NULLS LAST LIMIT 1),
       b AS (SELECT operating_cost_ore - state_funding_ore - project_funding_ore AS net FROM centre_budget WHERE centre_id = $1 AND year = $2),
       p AS (SELECT p.kommunenummer, m.name, p.role, coalesce(pop.population, 0)::bigint AS population,
                    CASE WHEN p.role = 'host' THEN NULL ELSE coalesce(pop.population, 0) * (SELECT rate * $3::int / 100 FROM a) END AS allocated
             FROM agreement_party p JOIN municipality m ON m.kommunenummer = p.kommunenummer
             LEFT JOIN municipality_population pop ON pop.kommunenummer = p.kommunenummer AND pop.year = $2 - 1
             WHERE p.agreement_id = (SELECT id FROM a) AND p.left_on IS NULL)
  SELECT c.name AS centre_name, (SELECT net FROM b) AS budget,
         coalesce(json_agg(json_build_object('kommunenummer', p.kommunenummer, 'name', p.name, 'role', p.role, 'population', p.population,
           'allocatedOre', coalesce(p.allocated, (SELECT net FROM b) - (SELECT coalesce(sum(allocated), 0) FROM p)))
           ORDER BY p.role, p.kommunenummer) FILTER (WHERE p.kommunenummer IS NOT NULL), '[]') AS parties
  FROM crisis_centre c LEFT JOIN p ON true WHERE c.id = $1 GROUP BY c.name`;

function distribution(row, year) {
  return {
    centreName: row.centre_name,
    year,
    model: 'PER_INHABITANT_HOST_RESIDUAL',
    budgetOre: row.budget,
    parties: row.parties.map((p) => ({
      municipality: { kommunenummer: p.kommunenummer, name: p.name },
      role: p.role,
      population: p.population,
      allocatedOre: p.allocatedOre,
      totalOre: p.allocatedOre,
      perInhabitantOre: p.population > 0 ? Math.round(p.allocatedOre / p.population) : null,
    })),
  };
}

const handlers = {
  async '/coverage-overview'() {
    // The dashboard's compact selection (issue 15): the rows in parallel lists.
    const { rows } = await pool.query(COVERAGE_ALL);
    const all = rows.map(coverageRow);
    const compact = {
      kommunenummer: all.map((r) => r.municipality.kommunenummer),
      state: all.map((r) =>
        r.status === 'NONE' ? 'NOT_REGISTERED' : r.status === 'DOCUMENTED' ? 'DOCUMENTED' : (r.worstSeverity ?? 'OK'),
      ),
      critical: all.map((r) => r.critical),
      warning: all.map((r) => r.warning),
      info: all.map((r) => r.info),
      weakEvidence: all.flatMap((r, i) => (r.documentedMembership?.provenance.marked ? [i] : [])),
    };
    return { data: { coverageOverview: { asOf: new Date().toISOString().slice(0, 10), compact } } };
  },
  async '/municipality-coverage'(q) {
    const { rows } = await pool.query(COVERAGE_ONE, [q.get('k')]);
    const row = rows[0] ? coverageRow(rows[0]) : null;
    return {
      data: {
        municipalityCoverage: row && {
          ...row,
          findings: row.codes.map((code) => ({
            code,
            severity: code === 'NO_WRITTEN_AGREEMENT' || code === 'NO_CENTRE' ? 'CRITICAL' : 'WARNING',
          })),
        },
      },
    };
  },
  async '/cost-distribution'(q) {
    const year = Number(q.get('year'));
    const { rows } = await pool.query(DISTRIBUTION, [q.get('centre'), year, 100]);
    return { data: { costDistribution: rows[0] ? distribution(rows[0], year) : null } };
  },
  async '/simulate'(q) {
    // Before and after (the rate 10 % higher) in one statement: the distribution twice, side by side.
    const year = Number(q.get('year'));
    const { rows } = await pool.query(
      `SELECT b.*, row_to_json(a) AS after FROM (${DISTRIBUTION}) b, (${DISTRIBUTION.replaceAll('$3', '$4')}) a`,
      [q.get('centre'), year, 100, 110],
    );
    if (!rows[0]) return { data: { simulateCostSharing: null } };
    const before = distribution(rows[0], year);
    const after = distribution(rows[0].after, year);
    const differences = before.parties.map((p, i) => ({
      municipality: p.municipality,
      role: p.role,
      beforeOre: p.allocatedOre,
      afterOre: after.parties[i]?.allocatedOre,
      differenceOre: (after.parties[i]?.allocatedOre ?? 0) - p.allocatedOre,
    }));
    return { data: { simulateCostSharing: { differences, before, after } } };
  },
  // The dashboard's first page (50); ordered by centre, since the deadline rules are not SQL (a lower bound).
  async '/agreements'() {
    const { rows } = await pool.query(`
      SELECT json_build_object('totalCount', (SELECT count(*) FROM agreement), 'items', coalesce((SELECT json_agg(x) FROM (
        SELECT a.id, a.title, a.status, a.is_example AS "isExample", a.example_fields AS "exampleFields",
               json_build_object('id', c.id, 'name', c.name) AS centre,
               (SELECT coalesce(json_agg(json_build_object('id', p.id, 'isCurrent', p.left_on IS NULL)), '[]') FROM agreement_party p WHERE p.agreement_id = a.id) AS parties
        FROM agreement a JOIN crisis_centre c ON c.id = a.centre_id ORDER BY c.name, a.valid_from DESC NULLS FIRST LIMIT 50) x), '[]')) AS agreements,
        json_build_object('items', coalesce((SELECT json_agg(json_build_object('id', id, 'name', name, 'hostKommunenummer', host_kommunenummer) ORDER BY name)
                                             FROM (SELECT * FROM crisis_centre ORDER BY name LIMIT 500) c), '[]')) AS "crisisCentres"`);
    return { data: rows[0] };
  },
  async '/agreement'(q) {
    const { rows } = await pool.query(
      `SELECT a.id, a.version, a.title, a.status, a.legal_basis AS "legalBasis", a.valid_from AS "validFrom", a.valid_to AS "validTo", a.auto_renew AS "autoRenew",
              a.renewal_months AS "renewalMonths", a.notice_months AS "noticeMonths", a.notice_runs_to AS "noticeRunsTo", a.signing_level AS "signingLevel",
              a.is_example AS "isExample", a.source_url AS "sourceUrl", a.checklist, a.ended_on AS "endedOn", a.cost_model, a.cost_params,
              json_build_object('id', c.id, 'name', c.name, 'hostKommunenummer', c.host_kommunenummer) AS centre,
              (SELECT coalesce(json_agg(json_build_object('id', p.id, 'version', p.version, 'role', p.role, 'joinedOn', p.joined_on, 'leftOn', p.left_on,
                        'isCurrent', p.left_on IS NULL, 'decisionBody', p.decision_body, 'municipality', json_build_object('kommunenummer', m.kommunenummer, 'name', m.name))
                        ORDER BY p.role, m.kommunenummer), '[]')
               FROM agreement_party p JOIN municipality m ON m.kommunenummer = p.kommunenummer WHERE p.agreement_id = a.id) AS parties,
              (SELECT coalesce(json_agg(row_to_json(am)), '[]') FROM agreement_amendment am WHERE am.agreement_id = a.id) AS amendments
       FROM agreement a JOIN crisis_centre c ON c.id = a.centre_id WHERE a.id = $1`,
      [q.get('id')],
    );
    return { data: { agreement: rows[0] ?? null } };
  },
  async '/centre-contacts'(q) {
    const { rows } = await pool.query(
      `SELECT count(*) OVER ()::int AS total, c.id, c.name, c.title, c.verified_at AS "verifiedAt",
              json_build_object('name', g.name, 'municipality', json_build_object('kommunenummer', m.kommunenummer, 'name', m.name)) AS agency
       FROM contact_person c JOIN agency g ON g.id = c.agency_id JOIN municipality m ON m.kommunenummer = g.kommunenummer
       WHERE c.active AND g.kommunenummer IN (SELECT kommunenummer FROM documented_membership WHERE centre_id = $1
                                              UNION SELECT p.kommunenummer FROM agreement_party p JOIN agreement a ON a.id = p.agreement_id WHERE a.centre_id = $1)
       ORDER BY m.kommunenummer, c.name LIMIT 500`,
      [q.get('centre')],
    );
    return { data: { contacts: { totalCount: rows[0]?.total ?? 0, items: rows.map(({ total, ...r }) => r) } } };
  },
  async '/agency'(_q, body) {
    const input = JSON.parse(body).variables.input;
    const { rows } = await pool.query(
      `INSERT INTO agency (kommunenummer, kind, name) VALUES ($1, $2, $3) RETURNING id`,
      [input.kommunenummer, input.kind, input.name],
    );
    return { data: { createAgency: { id: rows[0].id } } };
  },
};

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://floor');
  const handler = handlers[url.pathname];
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    if (!handler) {
      res.writeHead(404).end();
      return;
    }
    handler(url.searchParams, body).then(
      (answer) => {
        const json = JSON.stringify(answer);
        res
          .writeHead(200, {
            'content-type': 'application/json; charset=utf-8',
            'content-length': Buffer.byteLength(json),
          })
          .end(json);
      },
      (error) => {
        const json = JSON.stringify({ errors: [{ message: error.message }] });
        res.writeHead(500, { 'content-type': 'application/json' }).end(json);
      },
    );
  });
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('floor listening'));
const stop = () => server.close(() => pool.end().then(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
