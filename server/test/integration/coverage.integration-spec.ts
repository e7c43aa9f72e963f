import { createTestApp, type TestApp } from '../utils/test-app';

let app: TestApp;
const centre: Record<string, string> = {};
beforeAll(async () => {
  app = await createTestApp({ label: 'coverage' });
  for (const c of (await app.gql(`{ crisisCentres { items { id name } } }`)).data!.crisisCentres.items)
    centre[c.name] = c.id;
});
afterAll(() => app?.close());

const codeOf = (r: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  r.errors?.map((e) => [e.extensions?.code, e.extensions?.field]);
const OVERVIEW = `asOf rows { municipality { kommunenummer name } status worstSeverity critical warning info codes }
  byCode { code municipalities } byCounty { key label critical warning info ok notRegistered } byCentre { key label critical warning info ok notRegistered }`;
const PANEL = `status worstSeverity findings { code severity reason reasonEn records { entity id label } }`;

describe('coverageOverview', () => {
  it('gives all 357 municipalities; those with nothing registered are NOT_REGISTERED, not gaps', async () => {
    const r = await app.gql(`{ coverageOverview(asOf: "2026-11-21") { ${OVERVIEW} } }`);
    expect(r.errors).toBeUndefined();
    const o = r.data!.coverageOverview;
    expect(o.rows).toHaveLength(357);
    const registered = o.rows.filter((x: any) => x.status === 'REGISTERED');
    expect(registered).toHaveLength(44);
    // The other 126 cited memberships of data/national are documented facts, not agreements.
    expect(o.rows.filter((x: any) => x.status === 'DOCUMENTED')).toHaveLength(170 - 44);
    const eigersund = o.rows.find((x: any) => x.municipality.name === 'Eigersund'); // no cited membership
    expect(eigersund).toMatchObject({
      status: 'NOT_REGISTERED',
      worstSeverity: null,
      critical: 0,
      warning: 0,
      codes: ['NOT_REGISTERED'],
    });
    expect(o.byCounty).toHaveLength(15);
    expect(
      o.byCounty.reduce((n: number, g: any) => n + g.critical + g.warning + g.info + g.ok + g.notRegistered, 0),
    ).toBe(357);
    expect(o.byCentre.map((g: any) => g.label)).toContain('Krisesenteret i Salten');
    expect(o.byCode.find((c: any) => c.code === 'NOT_REGISTERED').municipalities).toBe(357 - 170);
  });

  it('filters by county, centre, code and severity', async () => {
    const county = await app.gql(
      `{ coverageOverview(asOf: "2026-11-21", filter: { countyNumber: "18" }) { rows { municipality { countyNumber } } } }`,
    );
    expect(county.data!.coverageOverview.rows).toHaveLength(41);
    const salten = await app.gql(
      `query($c: ID!) { coverageOverview(asOf: "2026-11-21", filter: { centreId: $c }) { rows { municipality { name } } } }`,
      { c: centre['Krisesenteret i Salten'] },
    );
    expect(salten.data!.coverageOverview.rows).toHaveLength(13);
    const code = await app.gql(
      `{ coverageOverview(asOf: "2026-11-21", filter: { code: NO_ROUTINE }) { rows { codes } } }`,
    );
    expect(code.data!.coverageOverview.rows.length).toBeGreaterThan(20);
    for (const x of code.data!.coverageOverview.rows) expect(x.codes).toContain('NO_ROUTINE');
    const sev = await app.gql(
      `{ coverageOverview(asOf: "2026-11-21", filter: { severity: WARNING }) { rows { worstSeverity } } }`,
    );
    for (const x of sev.data!.coverageOverview.rows) expect(x.worstSeverity).toBe('WARNING');
  });

  it('answers the map compactly: the rows in parallel lists, the same municipalities and states, filters included', async () => {
    const q = `query($f: CoverageFilter) { coverageOverview(asOf: "2026-11-21", filter: $f) {
      rows { municipality { kommunenummer } status worstSeverity critical warning info documentedMembership { provenance { marked } } }
      compact { kommunenummer state critical warning info weakEvidence } } }`;
    for (const f of [null, { countyNumber: '18' }, { severity: 'WARNING' }]) {
      const r = await app.gql(q, { f });
      expect(r.errors).toBeUndefined();
      const { rows, compact } = r.data!.coverageOverview;
      expect(rows.length).toBeGreaterThan(0);
      expect(compact.kommunenummer).toEqual(rows.map((x: any) => x.municipality.kommunenummer));
      expect(compact.state).toEqual(
        rows.map((x: any) => (x.status === 'REGISTERED' ? (x.worstSeverity ?? 'OK') : x.status)),
      );
      for (const k of ['critical', 'warning', 'info']) expect(compact[k]).toEqual(rows.map((x: any) => x[k]));
      expect(compact.weakEvidence).toEqual(
        rows.flatMap((x: any, i: number) => (x.documentedMembership?.provenance.marked ? [i] : [])),
      );
    }
    const all = (await app.gql(q, { f: null })).data!.coverageOverview.compact;
    expect(all.kommunenummer).toHaveLength(357);
    expect(all.weakEvidence.length).toBeGreaterThan(0);
    expect(new Set(all.state)).toEqual(new Set(['NOT_REGISTERED', 'DOCUMENTED', ...all.state]));
  });

  it.each([
    [`{ coverageOverview(asOf: "21.11.2026") { asOf } }`, 'asOf'],
    [`{ coverageOverview(filter: { countyNumber: "1" }) { asOf } }`, 'filter.countyNumber'],
    [`{ coverageOverview(config: { farFromCentreKm: 0 }) { asOf } }`, 'config.farFromCentreKm'],
  ])('refuses %s on %s', async (q, field) => {
    expect(codeOf(await app.gql(q))).toEqual([['BAD_USER_INPUT', field]]);
  });

  it('uses the same number of SQL statements for one municipality as for all 357', async () => {
    // A write first: the overview is computed, not taken from the cache of its data version.
    await app.ds.query(`UPDATE county SET name = name WHERE number = '18'`);
    app.sql.reset();
    await app.gql(`{ coverageOverview(asOf: "2026-11-21") { rows { codes } } }`);
    const all = app.sql.count;
    app.sql.reset();
    await app.gql(`{ municipalityCoverage(kommunenummer: "1841", asOf: "2026-11-21") { status } }`);
    expect(app.sql.count).toBeLessThanOrEqual(all);
    // Seven for the facts and counties, and the data version read before and after (coverage.cache.ts).
    expect(all).toBeLessThanOrEqual(9);
    // Kept for its data version: only the version is read.
    app.sql.reset();
    await app.gql(`{ coverageOverview(asOf: "2026-11-21") { rows { codes } } }`);
    expect(app.sql.count).toBe(1);
  });
});

describe('municipalityCoverage: the seeded data gives the expected findings', () => {
  it('Eigersund (no cited membership): not registered, with a reason that says it is not "no offer"', async () => {
    const r = await app.gql(`{ municipalityCoverage(kommunenummer: "1101", asOf: "2026-11-21") { ${PANEL} } }`);
    expect(r.data!.municipalityCoverage).toMatchObject({
      status: 'NOT_REGISTERED',
      worstSeverity: null,
      findings: [{ code: 'NOT_REGISTERED', severity: 'INFO' }],
    });
    expect(r.data!.municipalityCoverage.findings[0].reasonEn).toMatch(/does not mean/);
  });

  it('Lier: partner of Asker/Bærum/Lier, agreement signed by a unit leader, notice deadline within 180 days', async () => {
    const r = await app.gql(`{ municipalityCoverage(kommunenummer: "3312", asOf: "2026-11-21") { ${PANEL} } }`);
    const codes = r.data!.municipalityCoverage.findings.map((f: any) => f.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'NOT_SIGNED_AT_DIRECTOR_LEVEL',
        'NOTICE_DEADLINE_SOON',
        'NO_ROUTINE',
        'NO_CONTACT_POINT',
        'CENTRE_DETAILS_NOT_REGISTERED',
      ]),
    );
    const soon = r.data!.municipalityCoverage.findings.find((f: any) => f.code === 'NOTICE_DEADLINE_SOON');
    expect(soon.reason).toBe(
      'Fristen for å si opp avtalen med Krisesenteret Asker, Bærum og Lier er 31.03.2027 (130 dager igjen).',
    );
    expect(soon.records[0].entity).toBe('Agreement');
  });

  it('Horten: adopted routine whose review is overdue', async () => {
    const r = await app.gql(`{ municipalityCoverage(kommunenummer: "3901", asOf: "2026-11-21") { ${PANEL} } }`);
    const overdue = r.data!.municipalityCoverage.findings.find((f: any) => f.code === 'ROUTINE_REVIEW_OVERDUE');
    expect(overdue).toMatchObject({ severity: 'WARNING', records: [{ entity: 'HandoverRoutine' }] });
  });

  it('Røst: far from Bodø in a straight line', async () => {
    const r = await app.gql(
      `{ municipalityCoverage(kommunenummer: "1856", asOf: "2026-11-21", config: { farFromCentreKm: 100 }) { ${PANEL} } }`,
    );
    const far = r.data!.municipalityCoverage.findings.find((f: any) => f.code === 'FAR_FROM_CENTRE');
    expect(far.reason).toMatch(/km i luftlinje fra Røst til vertskommunen Bodø/);
  });

  it('Hemnes before it joined Helgeland (Sept 2016) had no agreement; after, it has one', async () => {
    const before = await app.gql(
      `{ municipalityCoverage(kommunenummer: "1832", asOf: "2016-08-31") { findings { code severity } } }`,
    );
    expect(before.data!.municipalityCoverage.findings).toContainEqual({
      code: 'NO_ACTIVE_AGREEMENT',
      severity: 'CRITICAL',
    });
    const after = await app.gql(
      `{ municipalityCoverage(kommunenummer: "1832", asOf: "2016-09-01") { findings { code } } }`,
    );
    expect(after.data!.municipalityCoverage.findings.map((f: any) => f.code)).not.toContain('NO_ACTIVE_AGREEMENT');
  });

  it('a change of data changes the findings: notice given on Salten’s agreement shows for all its members', async () => {
    const a = (
      await app.gql(`query($c: ID!) { crisisCentre(id: $c) { agreements { id } } }`, {
        c: centre['Krisesenteret i Salten'],
      })
    ).data!.crisisCentre.agreements[0].id;
    await app.gql(
      `mutation($id: ID!) { changeAgreementStatus(id: $id, status: NOTICE_GIVEN, noticeGivenOn: "2026-06-15") { status } }`,
      { id: a },
    );
    const r = await app.gql(
      `query($c: ID!) { centreCoverage(centreId: $c, asOf: "2026-11-21") { centreName codes rows { municipality { name } codes worstSeverity } } }`,
      { c: centre['Krisesenteret i Salten'] },
    );
    const cc = r.data!.centreCoverage;
    expect(cc.rows).toHaveLength(13);
    expect(cc.rows[0].municipality.name).toBe('Bodø');
    expect(cc.codes).toContain('NOTICE_GIVEN');
    for (const row of cc.rows) expect(row.codes).toContain('NOTICE_GIVEN');
    await app.gql(`mutation($id: ID!) { changeAgreementStatus(id: $id, status: ACTIVE) { status } }`, { id: a });
  });

  it('a centre row names what its contact gaps are: the key agencies without a contact and the unverified count', async () => {
    const r = await app.gql(
      `query($c: ID!) { centreCoverage(centreId: $c) { rows { municipality { kommunenummer } codes missingKeyAgencies staleContacts } } }`,
      { c: centre['Krisesenteret i Salten'] },
    );
    expect(r.errors).toBeUndefined();
    const rows = r.data!.centreCoverage.rows as {
      codes: string[];
      missingKeyAgencies: string[];
      staleContacts: number;
    }[];
    for (const row of rows) {
      expect(row.codes.includes('NO_KEY_CONTACT')).toBe(row.missingKeyAgencies.length > 0);
      expect(row.codes.includes('STALE_CONTACTS')).toBe(row.staleContacts > 0);
    }
    expect(rows.some((row) => row.staleContacts > 0)).toBe(true);
  });

  it('answers NOT_FOUND and BAD_USER_INPUT plainly', async () => {
    expect(codeOf(await app.gql(`{ municipalityCoverage(kommunenummer: "0399") { status } }`))).toEqual([
      ['NOT_FOUND', undefined],
    ]);
    expect(codeOf(await app.gql(`{ municipalityCoverage(kommunenummer: "399") { status } }`))).toEqual([
      ['BAD_USER_INPUT', 'kommunenummer'],
    ]);
    expect(
      codeOf(await app.gql(`{ centreCoverage(centreId: "00000000-0000-4000-8000-000000000000") { centreName } }`)),
    ).toEqual([['NOT_FOUND', undefined]]);
  });
});
