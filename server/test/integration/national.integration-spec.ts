import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { seed } from '../../src/database/seeds/seed';
import { createTestApp, DATA_DIR, userWith, type TestApp } from '../utils/test-app';

describe('the national data (data/national)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ label: 'national' });
  });
  afterAll(() => app?.close());

  it('loads every centre: 44 in operation and 2 closed or uncertain, those with an unknown host included', async () => {
    const rows: { operating_status: string; n: number; unknown_host: number }[] = await app.ds.query(
      `SELECT operating_status, count(*)::int AS n, count(*) FILTER (WHERE host_kommunenummer IS NULL)::int AS unknown_host
       FROM crisis_centre WHERE NOT is_example AND source_confidence IS NOT NULL GROUP BY 1 ORDER BY 1`,
    );
    expect(rows).toEqual([
      { operating_status: 'CLOSED', n: 1, unknown_host: 0 },
      { operating_status: 'OPERATING', n: 44, unknown_host: 7 },
      { operating_status: 'UNCERTAIN', n: 1, unknown_host: 0 },
    ]);
  });

  it('loads the 170 cited memberships as documented facts with provenance, not as agreements', async () => {
    const [m] = await app.ds.query(
      `SELECT count(*)::int AS n, count(DISTINCT kommunenummer)::int AS municipalities,
              count(*) FILTER (WHERE confidence = 'HIGH')::int AS high, count(*) FILTER (WHERE confidence = 'MEDIUM')::int AS medium,
              count(*) FILTER (WHERE confidence = 'WEAK')::int AS weak, count(*) FILTER (WHERE source_url NOT LIKE 'http%')::int AS no_url,
              min(retrieved_on)::text AS retrieved FROM documented_membership`,
    );
    expect(m).toEqual({
      n: 170,
      municipalities: 170,
      high: 97,
      medium: 50,
      weak: 23,
      no_url: 0,
      retrieved: '2026-12-02',
    });
    // The five real agreements keep their records; no agreement is invented for the other memberships.
    const [{ agreements, parties }] = await app.ds.query(
      `SELECT count(DISTINCT a.id)::int AS agreements, count(p.id)::int AS parties FROM agreement a JOIN agreement_party p ON p.agreement_id = a.id
       WHERE a.seed_key LIKE 'agreement:%' AND a.seed_key NOT LIKE '%:2011' AND NOT p.is_example`,
    );
    expect({ agreements, parties }).toEqual({ agreements: 5, parties: 44 });
  });

  it('keeps one record per real centre: the five centres of the agreements gain the national facts', async () => {
    const [salten] = await app.ds.query(
      `SELECT c.host_kommunenummer, c.source_quote, c.source_confidence, (SELECT count(*)::int FROM agreement a WHERE a.centre_id = c.id) AS agreements,
              (SELECT count(*)::int FROM crisis_centre x WHERE x.name = c.name) AS records
       FROM crisis_centre c WHERE c.name = 'Krisesenteret i Salten'`,
    );
    expect(salten).toMatchObject({ host_kommunenummer: '1804', source_confidence: 'HIGH', agreements: 1, records: 1 });
    expect(salten.source_quote).toContain('12 andre kommuner');
  });

  it('loads the SSB cost per inhabitant for every year it has, with the source', async () => {
    const rows = await app.ds.query(
      `SELECT year, kr_per_inhabitant AS kr, source FROM kostra_national_average WHERE year >= 2019 ORDER BY year`,
    );
    expect(rows.map((r: { year: number; kr: number }) => [r.year, r.kr])).toEqual([
      [2019, 74],
      [2020, 74],
      [2021, 76],
      [2022, 79],
    ]);
    for (const r of rows) expect(r.source).toMatch(/^Kilde: Statistisk sentralbyrå \(SSB\), https:\/\/www\.ssb\.no\//);
  });

  it('links the SSB per-centre figures to their centres, by year', async () => {
    const rows = await app.ds.query(
      `SELECT k.year, k.published_name, k.kr_per_inhabitant AS kr, c.name AS centre FROM kostra_centre_figure k LEFT JOIN crisis_centre c ON c.id = k.centre_id
       WHERE k.published_name IN ('Krisesenteret i Hallingdal', 'Norasenteret IKS (krise- og incestsenter for Øst-Finnmark)') AND k.year = 2022 ORDER BY 2`,
    );
    expect(rows).toEqual([
      { year: 2022, published_name: 'Krisesenteret i Hallingdal', kr: 256, centre: 'Krisesenteret i Hallingdal' },
      {
        year: 2022,
        published_name: 'Norasenteret IKS (krise- og incestsenter for Øst-Finnmark)',
        kr: 234,
        centre: 'Norasenteret IKS (krise- og incestsenter for Øst-Finnmark)',
      },
    ]);
  });

  it('is idempotent: a second run changes nothing', async () => {
    const before = await app.ds.query(`SELECT id, updated_at FROM documented_membership ORDER BY kommunenummer`);
    await seed(app.ds, DATA_DIR);
    expect(await app.ds.query(`SELECT id, updated_at FROM documented_membership ORDER BY kommunenummer`)).toEqual(
      before,
    );
  });

  it.each([
    [
      'krisesenter-tilknytning-2024.csv',
      ',1839,Beiarn,partner,',
      ',1804,Beiarn,partner,',
      /krisesenter-tilknytning-2024\.csv: line 3: kommunenummer 1804 is already a member \(line 2\)/,
    ],
    [
      'krisesenter-tilknytning-2024.csv',
      ',høy,fra eksisterende',
      ',sikker,fra eksisterende',
      /krisesenter-tilknytning-2024\.csv: line 2: confidence must be høy, middels or svak/,
    ],
    [
      'krisesentre-2024.csv',
      'Krisesenteret i Salten,,1804,',
      'Krisesenteret i Salten,,1899,',
      /krisesentre-2024\.csv: line 2: host 1899 is not a municipality/,
    ],
  ])('refuses %s with a bad row, names the line and writes nothing', async (file, from, to, message) => {
    const fresh = await createTestApp({ seed: false, label: 'nationalbad' });
    const dir = mkdtempSync(path.join(tmpdir(), 'samordna-national-'));
    try {
      cpSync(DATA_DIR, dir, { recursive: true });
      const target = path.join(dir, 'national', file);
      const text = readFileSync(target, 'utf8');
      expect(text).toContain(from);
      writeFileSync(target, text.replace(from, to));
      await expect(seed(fresh.ds, dir)).rejects.toThrow(message);
      const [{ n }] = await fresh.ds.query(
        `SELECT (SELECT count(*) FROM crisis_centre) + (SELECT count(*) FROM documented_membership) + (SELECT count(*) FROM municipality) AS n`,
      );
      expect(Number(n)).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await fresh.close();
    }
  });
});

describe('coverage with the national data', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ label: 'nationalapi' });
  });
  afterAll(() => app?.close());

  it('coverageOverview registers the 170 documented municipalities with source and confidence; the rest stay «ikke registrert»', async () => {
    const res = await app.gql(`{ coverageOverview(asOf: "2026-12-07") {
      rows { status municipality { kommunenummer }
        documentedMembership { centreName role provenance { sourceUrl sourceDate sourceDating { code date year } sourceYear quote confidence confidenceLabel retrievedOn marked old evidence } } }
      byCentre { key label } } }`);
    expect(res.errors).toBeUndefined();
    const rows = res.data!.coverageOverview.rows as any[];
    const withSource = rows.filter((r) => r.documentedMembership);
    expect(withSource).toHaveLength(170);
    expect(rows.filter((r) => r.status !== 'NOT_REGISTERED').length).toBeGreaterThanOrEqual(170);
    expect(rows.filter((r) => r.status === 'NOT_REGISTERED')).toHaveLength(357 - 170);
    for (const r of withSource) {
      expect(r.status).not.toBe('NOT_REGISTERED');
      expect(r.documentedMembership.provenance).toMatchObject({
        sourceUrl: expect.stringMatching(/^https?:\/\//),
        retrievedOn: '2026-12-02',
        confidenceLabel: expect.stringMatching(/^(Høy|Middels|Svak)$/),
      });
    }
    const byLevel = (c: string) => withSource.filter((r) => r.documentedMembership.provenance.confidence === c).length;
    expect([byLevel('HIGH'), byLevel('MEDIUM'), byLevel('WEAK')]).toEqual([97, 50, 23]);
    // Every weak or medium source is marked; so is every old or undated one.
    for (const r of withSource) {
      const p = r.documentedMembership.provenance;
      expect(p.marked).toBe(p.confidence !== 'HIGH' || p.old);
    }
    // Bodø: the host of Salten, with the quote of its source.
    const bodo = rows.find((r) => r.municipality.kommunenummer === '1804');
    expect(bodo.documentedMembership).toMatchObject({
      centreName: 'Krisesenteret i Salten',
      role: 'HOST',
      provenance: { confidence: 'HIGH', quote: expect.stringContaining('12 andre kommuner') },
    });
    expect(res.data!.coverageOverview.byCentre.length).toBeGreaterThanOrEqual(44 - 7); // centres with documented members
    // Each source date also as a code: «udatert (før 2020)» is UNDATED_BEFORE 2020, and an undated one has no year.
    const dating = withSource.map((r) => r.documentedMembership.provenance);
    const before2020 = dating.filter((p) => p.sourceDate.startsWith('udatert') && p.sourceDate.includes('før 2020'));
    expect(before2020.length).toBeGreaterThan(0);
    for (const p of before2020) expect(p.sourceDating).toEqual({ code: 'UNDATED_BEFORE', date: null, year: 2020 });
    for (const p of dating) {
      if (p.sourceYear === null) expect(p.sourceDating.code).toMatch(/^UNDATED/);
      else expect(p.sourceDating.year).toBe(p.sourceYear);
    }
  });

  it('a documented-only municipality is DOCUMENTED with an INFO finding naming its basis, not a critical «no agreement»', async () => {
    const [row] = await app.ds.query(
      `SELECT d.kommunenummer FROM documented_membership d WHERE NOT EXISTS (SELECT 1 FROM agreement_party p WHERE p.kommunenummer = d.kommunenummer)
         AND NOT EXISTS (SELECT 1 FROM agency a WHERE a.kommunenummer = d.kommunenummer) AND NOT EXISTS (SELECT 1 FROM handover_routine r WHERE r.kommunenummer = d.kommunenummer)
         AND d.confidence = 'WEAK' ORDER BY d.kommunenummer LIMIT 1`,
    );
    const res = await app.gql(
      `query($k: String!) { municipalityCoverage(kommunenummer: $k, asOf: "2026-12-07") {
      status worstSeverity documentedMembership { provenance { confidence marked } } findings { code severity basisKind basisLabel legalBasis legalBasisCode statutory } } }`,
      { k: row.kommunenummer },
    );
    expect(res.errors).toBeUndefined();
    const c = res.data!.municipalityCoverage;
    expect(c).toMatchObject({
      status: 'DOCUMENTED',
      worstSeverity: 'INFO',
      documentedMembership: { provenance: { confidence: 'WEAK', marked: true } },
    });
    expect(c.findings.map((f: any) => f.code)).toEqual(['DOCUMENTED_MEMBERSHIP', 'WEAK_EVIDENCE']);
    for (const f of c.findings)
      expect(f).toMatchObject({
        severity: 'INFO',
        basisKind: 'DATA',
        statutory: false,
        legalBasis: expect.any(String),
      });
    // The basis as a code for every client's language; the bokmål text stays (deprecated) beside it.
    expect(c.findings.map((f: any) => f.legalBasisCode)).toEqual(['DOCUMENTED_MEMBERSHIP', 'SOURCE_QUALITY']);
    expect(c.findings[1].legalBasis).toBe('Kildegrunnlaget (data/national/README.md)');
  });

  it('a centre whose host is not known is a centre, with host null and its provenance', async () => {
    const res = await app.gql(
      `{ crisisCentres(limit: 100) { items { name hostKommunenummer host { name } operatingStatus provenance { sourceUrl confidenceLabel } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const romerike = (res.data!.crisisCentres.items as any[]).find((c) => c.name === 'Romerike krisesenter IKS');
    expect(romerike).toMatchObject({
      hostKommunenummer: null,
      host: null,
      operatingStatus: 'OPERATING',
      provenance: { sourceUrl: expect.stringMatching(/^https?:/) },
    });
  });
});

describe("the reviewer's path: weak or old facts confirmed or corrected with a new source", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ label: 'nationalreview' });
  });
  afterAll(() => app?.close());
  const REVIEW = `mutation($id: ID!, $v: Int, $input: ReviewSourceInput!) { reviewDocumentedMembership(id: $id, input: $input, expectedVersion: $v) {
    id version reviewedAt provenance { sourceUrl sourceDate sourceYear quote confidence marked } } }`;

  it("lists the weak, undated and old facts, oldest first; the threshold in years is the caller's", async () => {
    const all = await app.gql(`{ factsToReview { kommunenummer provenance { confidence sourceYear marked } } }`);
    expect(all.errors).toBeUndefined();
    const list = all.data!.factsToReview as any[];
    expect(list.length).toBeGreaterThanOrEqual(50 + 23); // every middels and svak
    for (const f of list) expect(f.provenance.marked).toBe(true);
    const years = list.map((f) => f.provenance.sourceYear ?? 0);
    expect(years).toEqual([...years].sort((a, b) => a - b));
    const strict = await app.gql(
      `{ factsToReview(filter: { olderThanYears: 30 }) { provenance { confidence sourceYear } } }`,
    );
    for (const f of strict.data!.factsToReview as any[])
      expect(f.provenance.confidence !== 'HIGH' || f.provenance.sourceYear === null).toBe(true);
  });

  it('a director of the municipality confirms a fact with a new source: audited, no longer marked, and the seed leaves it alone', async () => {
    const [row] = await app.ds.query(
      `SELECT id, kommunenummer, version FROM documented_membership WHERE confidence = 'WEAK' ORDER BY kommunenummer LIMIT 1`,
    );
    const input = {
      sourceUrl: 'https://kommune.example/avtale-2026',
      sourceDate: '2026-11-30',
      quote: 'Kommunen er med i samarbeidet',
      confidence: 'HIGH',
    };
    const other = userWith('Annen direktør', {
      role: 'DIRECTOR',
      kommunenummer: row.kommunenummer === '0301' ? '1804' : '0301',
    });
    const refused = await app.gql(REVIEW, { id: row.id, v: row.version, input }, { as: other });
    expect(refused.errors![0].extensions!.code).toBe('FORBIDDEN');
    const bad = await app.gql(REVIEW, {
      id: row.id,
      v: row.version,
      input: { ...input, sourceUrl: 'kommune.example' },
    });
    expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.sourceUrl' });

    const director = userWith('Direktør', { role: 'DIRECTOR', kommunenummer: row.kommunenummer });
    const ok = await app.gql(REVIEW, { id: row.id, v: row.version, input }, { as: director });
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.reviewDocumentedMembership).toMatchObject({
      version: row.version + 1,
      provenance: { sourceUrl: input.sourceUrl, sourceYear: 2026, confidence: 'HIGH', marked: false },
    });
    const stale = await app.gql(REVIEW, { id: row.id, v: row.version, input });
    expect(stale.errors![0].extensions!.code).toBe('CONFLICT');

    const [entry] = await app.ds.query(
      `SELECT operation, changes FROM audit_log WHERE entity = 'DocumentedMembership' AND entity_id = $1`,
      [row.id],
    );
    expect(entry.operation).toBe('UPDATE');
    expect(entry.changes.confidence).toEqual({ before: 'WEAK', after: 'HIGH' });

    // The director reads the fact's history; a director of another municipality may not.
    const HISTORY = `query($id: ID!) { auditLog(filter: { entity: "DocumentedMembership", entityId: $id }) { items { operation } } }`;
    const history = await app.gql(HISTORY, { id: row.id }, { as: director });
    expect(history.errors).toBeUndefined();
    expect(history.data!.auditLog.items.map((e: any) => e.operation)).toEqual(['UPDATE']);
    expect((await app.gql(HISTORY, { id: row.id }, { as: other })).errors![0].extensions!.code).toBe('FORBIDDEN');

    await seed(app.ds, DATA_DIR);
    const [after] = await app.ds.query(`SELECT source_url, confidence FROM documented_membership WHERE id = $1`, [
      row.id,
    ]);
    expect(after).toEqual({ source_url: input.sourceUrl, confidence: 'HIGH' });
  });
});

describe('registering the real agreement from documented memberships', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ label: 'nationalagreement' });
  });
  afterAll(() => app?.close());
  const CREATE = `mutation($c: ID!) { createAgreementFromDocumented(centreId: $c) { id title status parties { kommunenummer role note } } }`;

  it('the host director gets a draft pre-filled with the documented host and partners; others are refused; the facts stay', async () => {
    const [centre] = await app.ds.query(
      `SELECT c.id, c.host_kommunenummer, count(d.id)::int AS members FROM crisis_centre c JOIN documented_membership d ON d.centre_id = c.id
       WHERE c.host_kommunenummer IS NOT NULL AND NOT EXISTS (SELECT 1 FROM agreement a WHERE a.centre_id = c.id)
         AND EXISTS (SELECT 1 FROM documented_membership h WHERE h.centre_id = c.id AND h.role = 'host')
       GROUP BY c.id ORDER BY count(d.id) DESC, c.name LIMIT 1`,
    );
    const other = userWith('Annen direktør', {
      role: 'DIRECTOR',
      kommunenummer: centre.host_kommunenummer === '0301' ? '1804' : '0301',
    });
    expect((await app.gql(CREATE, { c: centre.id }, { as: other })).errors![0].extensions!.code).toBe('FORBIDDEN');
    const host = userWith('Vertsdirektør', { role: 'DIRECTOR', kommunenummer: centre.host_kommunenummer });
    const r = await app.gql(CREATE, { c: centre.id }, { as: host });
    expect(r.errors).toBeUndefined();
    const a = r.data!.createAgreementFromDocumented;
    expect(a.status).toBe('DRAFT');
    expect(a.parties).toHaveLength(centre.members);
    expect(a.parties.filter((p: any) => p.role === 'HOST')).toEqual([
      expect.objectContaining({ kommunenummer: centre.host_kommunenummer }),
    ]);
    for (const p of a.parties) expect(p.note).toMatch(/^Fra kilde: https?:\/\//);
    const [{ n }] = await app.ds.query(`SELECT count(*)::int AS n FROM documented_membership WHERE centre_id = $1`, [
      centre.id,
    ]);
    expect(n).toBe(centre.members);
  });
});
