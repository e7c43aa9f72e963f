import express from 'express';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createContext, defaultSettings } from '../../src/app/context';
import { authenticate, login, newToken, sha256, SESSION_COOKIE } from '../../src/modules/auth/auth.service';
import { exportRouter } from '../../src/modules/cost-sharing/cost.export';
import { seed } from '../../src/database/seeds/seed';
import { createTestApp, DATA_DIR, userWith, type TestApp } from '../utils/test-app';

let app: TestApp;
let SALTEN: string;
const FINANCE_BODO = userWith('okonomi-bodo', { role: 'FINANCE', kommunenummer: '1804' });
const DIRECTOR_BODO = userWith('direktor-bodo', { role: 'DIRECTOR', kommunenummer: '1804' });
const DIRECTOR_FAUSKE = userWith('direktor-fauske', { role: 'DIRECTOR', kommunenummer: '1841' });
const READER = userWith('leser', { role: 'READ_ONLY', kommunenummer: null });

beforeAll(async () => {
  app = await createTestApp({ label: 'privacy' });
  SALTEN = (await app.ds.query(`SELECT id FROM crisis_centre WHERE seed_key = 'centre:Krisesenteret i Salten'`))[0].id;
  // A charge for the host, whose stays (over 20 a year) are published: its yearly total may be public.
  await app.gql(
    `mutation($c: ID!) { createExtraCharge(input: { centreId: $c, year: 2025, kommunenummer: "1804", kind: FOOD, amountOre: 300000, description: "Kost" }) { id } }`,
    { c: SALTEN },
  );
});
afterAll(() => app?.close());

const PARTIES = `parties { municipality { kommunenummer } allocatedOre extraChargesOre extraChargesWithheld totalOre explanation } extraChargesWithheld hostPartnerRatio`;
const party = (d: any, knr: string) => d.parties.find((p: any) => p.municipality.kommunenummer === knr);

describe('extra charges describe stays: suppressed like usage counts', () => {
  it('anonymous readers see no charge of a municipality whose stays are suppressed, and no sum reveals it', async () => {
    const r = await app.gql(
      `query($c: ID!) { costDistribution(centreId: $c, year: 2025) { ${PARTIES} } }`,
      { c: SALTEN },
      { as: null },
    );
    expect(r.errors).toBeUndefined();
    const d = r.data!.costDistribution;
    for (const knr of ['1841', '1840', '1838']) {
      const p = party(d, knr);
      expect(p).toMatchObject({ extraChargesOre: null, extraChargesWithheld: true });
      expect(p.totalOre).toBe(p.allocatedOre);
      expect(p.explanation).not.toMatch(/tilleggskostnad/i);
    }
    // Bodø's stays are published: its yearly total is shown.
    expect(party(d, '1804')).toMatchObject({ extraChargesOre: 300000, extraChargesWithheld: false });
    expect(d.extraChargesWithheld).toBe(true);
    // Withheld whether or not there are charges: a partner with none looks the same as Fauske.
    expect(d.parties.filter((p: any) => p.extraChargesWithheld).length).toBeGreaterThan(3);
  });

  it.each([
    ['finance of the host', FINANCE_BODO, { '1841': 1_850_000, '1840': 620_000, '1838': 940_000 }],
    ['director of the paying municipality', DIRECTOR_FAUSKE, { '1841': 1_850_000, '1840': null, '1838': null }],
    ['director of the host (not finance)', DIRECTOR_BODO, { '1841': null, '1840': null, '1838': null }],
    ['a reader of everything', READER, { '1841': null, '1840': null, '1838': null }],
  ])('%s sees exactly the charges they bill or pay', async (_who, user, expected) => {
    const r = await app.gql(
      `query($c: ID!) { costDistribution(centreId: $c, year: 2025) { ${PARTIES} } }`,
      { c: SALTEN },
      { as: user },
    );
    for (const [knr, ore] of Object.entries(expected))
      expect(party(r.data!.costDistribution, knr).extraChargesOre).toBe(ore);
    const list = await app.gql(
      `query($c: ID!) { extraCharges(centreId: $c, year: 2025) { kommunenummer amountOre description } }`,
      { c: SALTEN },
      { as: user },
    );
    expect(list.data!.extraCharges.map((c: any) => c.kommunenummer).sort()).toEqual(
      Object.entries(expected)
        .filter(([, ore]) => ore !== null)
        .map(([k]) => k)
        .concat(user === FINANCE_BODO || user === DIRECTOR_BODO ? ['1804'] : []) // Bodø pays its own charge
        .sort(),
    );
  });

  it('extraCharges gives anonymous readers nothing (descriptions such as «Skoleskyss for to barn under opphold» describe a stay)', async () => {
    const r = await app.gql(
      `query($c: ID!) { extraCharges(centreId: $c, year: 2025) { description } }`,
      { c: SALTEN },
      { as: null },
    );
    expect(r.data!.extraCharges).toEqual([]);
  });

  it('municipalityCosts, the trend and the simulator withhold the same charges', async () => {
    const q = `{ municipalityCosts(kommunenummer: "1841", fromYear: 2025, toYear: 2025) { years { extraChargesOre extraChargesWithheld totalOre allocatedOre } } }`;
    const anon = (await app.gql(q, {}, { as: null })).data!.municipalityCosts.years[0];
    expect(anon).toMatchObject({ extraChargesOre: null, extraChargesWithheld: true });
    expect(anon.totalOre).toBe(anon.allocatedOre);
    expect((await app.gql(q, {}, { as: DIRECTOR_FAUSKE })).data!.municipalityCosts.years[0].extraChargesOre).toBe(
      1_850_000,
    );

    const trend = `query($c: ID!) { costTrend(centreId: $c, fromYear: 2025, toYear: 2025) { years { partnersOre extraChargesWithheld } } }`;
    const publicTrend = (await app.gql(trend, { c: SALTEN }, { as: null })).data!.costTrend.years[0];
    const financeTrend = (await app.gql(trend, { c: SALTEN }, { as: FINANCE_BODO })).data!.costTrend.years[0];
    expect(publicTrend.extraChargesWithheld).toBe(true);
    expect(financeTrend.partnersOre - publicTrend.partnersOre).toBe(1_850_000 + 620_000 + 940_000);

    const sim = `query($c: ID!) { simulateCostSharing(input: { centreId: $c, year: 2025, terms: { model: USAGE_ADJUSTED, usageWeightBp: 5000 } }) { before { ${PARTIES} } after { ${PARTIES} } differences { municipality { kommunenummer } beforeOre afterOre } } }`;
    const s = (await app.gql(sim, { c: SALTEN }, { as: null })).data!.simulateCostSharing;
    for (const side of [s.before, s.after])
      expect(party(side, '1841')).toMatchObject({ extraChargesOre: null, extraChargesWithheld: true });
    const fauske = s.differences.find((x: any) => x.municipality.kommunenummer === '1841');
    expect(fauske.beforeOre).toBe(party(s.before, '1841').allocatedOre);
  });

  it('usage statistics: nights are suppressed wherever the stays are', async () => {
    const r = await app.gql(
      `query($c: ID!) { usageStatistics(centreId: $c, year: 2025) { rows { municipality { kommunenummer } stays { value suppressed } nights { value suppressed } } } }`,
      { c: SALTEN },
      { as: null },
    );
    const rows = r.data!.usageStatistics.rows;
    expect(rows.some((x: any) => x.stays.suppressed)).toBe(true);
    for (const row of rows) if (row.stays.suppressed) expect(row.nights).toEqual({ value: null, suppressed: true });
  });
});

describe('exports: the same suppression, and spreadsheet formulas neutralised', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    const http = express();
    http.use(
      '/export',
      exportRouter(app.ds, (req) => authenticate(app.ds, req.headers.cookie, { demoUsers: true })),
    );
    server = await new Promise<Server>((resolve) => {
      const s = http.listen(0, '127.0.0.1', () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  async function sessionOf(email: string): Promise<string> {
    const token = newToken();
    await app.ds.query(
      `INSERT INTO user_session (token_hash, user_id, expires_at) SELECT $1, id, now() + interval '1 hour' FROM app_user WHERE email = $2`,
      [sha256(token), email],
    );
    return `${SESSION_COOKIE}=${token}`;
  }

  it('anonymous CSV says «Skjermet» where charges are withheld; finance of the host gets the figures', async () => {
    const url = `${base}/export/cost-distribution.csv?centreId=${SALTEN}&year=2025`;
    const anonymous = await (await fetch(url)).text();
    const fauske = anonymous.split('\r\n').find((l) => l.startsWith('Fauske'))!;
    expect(fauske.split(';')[6]).toBe('Skjermet');
    expect(anonymous).toContain('Tilleggskostnader som kan avsløre opphold');
    expect(anonymous).not.toContain('18500,00');
    const finance = await (
      await fetch(url, { headers: { cookie: await sessionOf('okonomi.bodo@samordna.example') } })
    ).text();
    expect(
      finance
        .split('\r\n')
        .find((l) => l.startsWith('Fauske'))!
        .split(';')[6],
    ).toBe('18500,00');
  });

  it('a centre named like a formula comes out as text', async () => {
    const [{ name }] = await app.ds.query(`SELECT name FROM crisis_centre WHERE id = $1`, [SALTEN]);
    await app.ds.query(`UPDATE crisis_centre SET name = $2 WHERE id = $1`, [SALTEN, '=HYPERLINK("http://x";"Salten")']);
    try {
      for (const kind of ['cost-distribution', 'invoice-plan']) {
        const csv = await (await fetch(`${base}/export/${kind}.csv?centreId=${SALTEN}&year=2025`)).text();
        const first = csv.replace(/^\ufeff/, '').split('\r\n')[0];
        expect(first).toMatch(/;"'=HYPERLINK\(""http:\/\/x"";""Salten""\)";2025$/);
        expect(csv).not.toMatch(/(^|;)=HYPERLINK/m);
      }
    } finally {
      await app.ds.query(`UPDATE crisis_centre SET name = $2 WHERE id = $1`, [SALTEN, name]);
    }
  });
});

describe('free text is checked for personal data on write', () => {
  const auditCount = async () => (await app.ds.query(`SELECT count(*)::int AS n FROM audit_log`))[0].n as number;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    ids.routine = (
      await app.ds.query(`SELECT id FROM handover_routine WHERE seed_key = 'routine:Krisesenteret i Salten:1804'`)
    )[0].id;
    ids.agreement = (
      await app.ds.query(`SELECT id FROM agreement WHERE seed_key = 'agreement:Krisesenteret i Salten'`)
    )[0].id;
  });

  const refused: [string, string, () => Record<string, unknown>, string, string][] = [
    [
      'a national identity number in a centre note',
      `mutation($id: ID!, $t: String) { updateCrisisCentre(id: $id, input: { note: $t }) { id } }`,
      () => ({ id: SALTEN, t: 'Gjelder 15038510190' }),
      'input.note',
      'NATIONAL_ID',
    ],
    [
      'a D-number in a charge description (restricted field)',
      `mutation($c: ID!, $t: String) { createExtraCharge(input: { centreId: $c, year: 2025, kommunenummer: "1841", kind: OTHER, amountOre: 1, description: $t }) { id } }`,
      () => ({ c: SALTEN, t: 'D-nr 450385 10022' }),
      'input.description',
      'D_NUMBER',
    ],
    [
      'a street address in a routine note (public)',
      `mutation($id: ID!, $t: String) { updateRoutine(id: $id, input: { note: $t }) { id } }`,
      () => ({ id: ids.routine, t: 'Hentes i Storgata 12' }),
      'input.note',
      'STREET_ADDRESS',
    ],
    [
      'a phone number in an agreement note',
      `mutation($id: ID!, $t: String) { updateAgreement(id: $id, input: { note: $t }) { id } }`,
      () => ({ id: ids.agreement, t: 'Ring 22 33 44 55' }),
      'input.note',
      'PHONE',
    ],
    [
      'an e-mail address in a step text',
      `mutation($id: ID!, $t: String!) { addRoutineStep(routineId: $id, input: { title: $t, timing: AFTER_STAY }) { id } }`,
      () => ({ id: ids.routine, t: 'Send til kari@bodo.kommune.no' }),
      'input.title',
      'EMAIL',
    ],
  ];
  it.each(refused)(
    'refuses %s with PERSONAL_DATA_IN_FREE_TEXT naming the field, and writes nothing',
    async (_what, query, vars, field, kind) => {
      const before = await auditCount();
      const r = await app.gql(query, vars());
      expect(r.errors?.[0].extensions).toMatchObject({ code: 'PERSONAL_DATA_IN_FREE_TEXT', field, kind });
      expect(r.errors?.[0].message).not.toMatch(/\d{5}/);
      expect(await auditCount()).toBe(before);
    },
  );

  it('accepts a street address where only finance and the payer read it, and a search for digits', async () => {
    const r = await app.gql(
      `mutation($c: ID!) { createExtraCharge(input: { centreId: $c, year: 2030, kommunenummer: "1841", kind: OTHER, amountOre: 1, description: "Levert til Storgata 12" }) { id } }`,
      { c: SALTEN },
    );
    expect(r.errors).toBeUndefined();
    const s = await app.gql(`{ crisisCentres(filter: { search: "15038510190" }) { items { id } } }`);
    expect(s.errors).toBeUndefined();
  });
});

describe('sign-in', () => {
  it('40 concurrent wrong passwords for one account: at most 5 real checks, the rest refused before checking', async () => {
    const ctx = () => createContext(app.ds, { ip: '198.51.100.7' });
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) => login(ctx(), 'lesetilgang@samordna.example', `feil-${i}`)),
    );
    const codes = results.map((r) =>
      r.status === 'rejected' ? (r.reason as { extensions?: { code?: string } }).extensions?.code : 'OK',
    );
    const [{ checks }] = await app.ds.query(
      `SELECT count(*)::int AS checks FROM login_attempt WHERE email = 'lesetilgang@samordna.example'`,
    );
    expect(checks).toBeLessThanOrEqual(5);
    expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(checks);
    expect(codes.filter((c) => c === 'TOO_MANY_ATTEMPTS')).toHaveLength(40 - checks);
  });

  it('where demo users are not allowed, they cannot sign in, and their sessions stop working', async () => {
    const noDemo = { ...defaultSettings(), demoUsers: false };
    const r = login(
      createContext(app.ds, { settings: noDemo, ip: '198.51.100.8' }),
      'direktor.bodo@samordna.example',
      'demo-direktor-2026',
    );
    await expect(r).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    const signedIn = await login(
      createContext(app.ds, { ip: '198.51.100.8' }),
      'direktor.bodo@samordna.example',
      'demo-direktor-2026',
    );
    // A session of the demo user (the cookie's token is never stored, so one is made here the same way).
    const token = newToken();
    await app.ds.query(
      `INSERT INTO user_session (token_hash, user_id, expires_at) VALUES ($1, $2, now() + interval '1 hour')`,
      [sha256(token), signedIn.id],
    );
    expect(await authenticate(app.ds, `${SESSION_COOKIE}=${token}`, { demoUsers: true })).toMatchObject({
      email: 'direktor.bodo@samordna.example',
    });
    expect(await authenticate(app.ds, `${SESSION_COOKIE}=${token}`, { demoUsers: false })).toBeNull();
  });

  it('in production no demo user is created', async () => {
    const fresh = await createTestApp({ seed: false, label: 'privacy-prod' });
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await seed(fresh.ds, DATA_DIR);
      expect(await fresh.ds.query(`SELECT count(*)::int AS n FROM app_user`)).toEqual([{ n: 0 }]);
    } finally {
      process.env.NODE_ENV = previous;
      await fresh.close();
    }
  });
});
