import { createTestApp, type TestApp } from '../utils/test-app';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ label: 'api' });
});
afterAll(() => app?.close());

function codeOf(result: { errors?: { extensions?: Record<string, unknown> }[] }) {
  return result.errors?.map((e) => [e.extensions?.code, e.extensions?.field]);
}

describe('counties', () => {
  it('lists the 15 counties by number', async () => {
    const r = await app.gql(`{ counties { number name } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data!.counties).toHaveLength(15);
    expect(r.data!.counties[0]).toEqual({ number: '03', name: 'Oslo' });
    expect(r.data!.counties.map((c: any) => c.number)).toEqual([
      '03',
      '11',
      '15',
      '18',
      '31',
      '32',
      '33',
      '34',
      '39',
      '40',
      '42',
      '46',
      '50',
      '55',
      '56',
    ]);
  });

  it('gives each county its municipalities', async () => {
    const r = await app.gql(`{ counties { number municipalities { kommunenummer } } }`);
    const total = r.data!.counties.reduce((n: number, c: any) => n + c.municipalities.length, 0);
    expect(total).toBe(357);
    for (const c of r.data!.counties)
      for (const m of c.municipalities) expect(m.kommunenummer.startsWith(c.number)).toBe(true);
  });
});

describe('municipalities', () => {
  it('lists all 357 in Norwegian order (Å last)', async () => {
    const r = await app.gql(`{ municipalities { name } }`);
    const names = r.data!.municipalities.map((m: any) => m.name);
    expect(names).toHaveLength(357);
    expect(names[names.length - 1]).toMatch(/^Å/);
    expect(names.indexOf('Ørland')).toBeLessThan(names.indexOf('Åfjord'));
    expect(names.indexOf('Ås')).toBeGreaterThan(names.indexOf('Øystre Slidre'));
  });

  it('filters by county and returns population, county and centre memberships', async () => {
    const r = await app.gql(
      `query($c: String!) { municipalities(filter: { countyNumber: $c }) {
          kommunenummer name county { name } population { year population referenceDate source }
          centreMemberships { role centre { name } } } }`,
      { c: '18' },
    );
    expect(r.errors).toBeUndefined();
    const list = r.data!.municipalities;
    expect(list).toHaveLength(41);
    const bodo = list.find((m: any) => m.kommunenummer === '1804');
    expect(bodo).toEqual({
      kommunenummer: '1804',
      name: 'Bodø',
      county: { name: 'Nordland' },
      population: {
        year: 2024,
        population: 53712,
        referenceDate: '2024-01-01',
        source: expect.stringContaining('SSB'),
      },
      centreMemberships: [{ role: 'HOST', centre: { name: 'Krisesenteret i Salten' } }],
    });
    const rana = list.find((m: any) => m.name === 'Rana');
    expect(rana.centreMemberships).toEqual([]); // not registered, which is not "no offer"
  });

  it.each([
    ['bodø', ['Bodø']],
    ['BODØ', ['Bodø']],
    ['Snåase', ['Snåsa']], // Sami name
    ['100%', []],
    ['_', []],
  ])('searches %p', async (search, expected) => {
    const r = await app.gql(`query($s: String) { municipalities(filter: { search: $s }) { name } }`, { s: search });
    expect(r.errors).toBeUndefined();
    expect(r.data!.municipalities.map((m: any) => m.name)).toEqual(expected);
  });

  it('searches by the start of the kommunenummer', async () => {
    const r = await app.gql(`{ municipalities(filter: { search: "180" }) { kommunenummer name } }`);
    expect(r.data!.municipalities).toEqual([
      { kommunenummer: '1804', name: 'Bodø' },
      { kommunenummer: '1806', name: 'Narvik' },
    ]);
  });

  it.each([
    [{ countyNumber: '1' }, 'filter.countyNumber'],
    [{ countyNumber: 'Nordland' }, 'filter.countyNumber'],
    [{ search: 'x'.repeat(101) }, 'filter.search'],
  ])('refuses %p with BAD_USER_INPUT on %p', async (filter, field) => {
    const r = await app.gql(`query($f: MunicipalityFilter) { municipalities(filter: $f) { name } }`, { f: filter });
    expect(codeOf(r)).toEqual([['BAD_USER_INPUT', field]]);
    expect(r.errors![0].message).toMatch(/[a-zæøå]/i);
  });

  it('returns an empty list for a county that does not exist', async () => {
    const r = await app.gql(`{ municipalities(filter: { countyNumber: "99" }) { name } }`);
    expect(r.data!.municipalities).toEqual([]);
  });
});

describe('municipality(kommunenummer)', () => {
  it('finds Oslo by its four-character number', async () => {
    const r =
      await app.gql(`{ municipality(kommunenummer: "0301") { kommunenummer name countyNumber areaKm2 point { lat lon method }
      population { population } y2024: population(year: 2024) { population } y2023: population(year: 2023) { population }
      populationHistory { year } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data!.municipality).toMatchObject({
      kommunenummer: '0301',
      name: 'Oslo',
      countyNumber: '03',
      areaKm2: 454.12,
      population: { population: 717710 },
      y2024: { population: 717710 },
      y2023: null,
      populationHistory: [{ year: 2024 }],
    });
    expect(r.data!.municipality.point.lat).toBeCloseTo(59.98, 1);
  });

  it.each([
    ['301', 'BAD_USER_INPUT', 'kommunenummer'],
    ['', 'BAD_USER_INPUT', 'kommunenummer'],
    ['3001', 'BAD_USER_INPUT', 'kommunenummer'],
    ['0399', 'NOT_FOUND', undefined],
  ])('answers %p with %p', async (nr, code, field) => {
    const r = await app.gql(`query($k: String!) { municipality(kommunenummer: $k) { name } }`, { k: nr });
    expect(r.data).toBeNull();
    expect(codeOf(r)).toEqual([[code, field]]);
  });

  it('refuses an impossible population year', async () => {
    const r = await app.gql(`{ municipality(kommunenummer: "0301") { population(year: 1066) { population } } }`);
    expect(codeOf(r)).toEqual([['BAD_USER_INPUT', 'year']]);
  });
});

describe('crisisCentres', () => {
  it('lists the five real centres of the agreements with host and members, host first, each with its source', async () => {
    const r = await app.gql(`{ crisisCentres(limit: 100) { totalCount items { id name isExample sourceUrl host { name }
      members { role joinedOn sourceUrl sourceAsOf municipality { kommunenummer name } centre { name } } } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data!.crisisCentres.totalCount).toBe(46); // every centre of data/national
    const centres = r.data!.crisisCentres.items.filter((c: any) => c.members.length > 0);
    expect(centres.map((c: any) => c.name)).toEqual([
      'Helgeland krisesenter',
      'Kommunalt krisesentertilbud i Vestfold',
      'Krisesenteret Asker, Bærum og Lier',
      'Krisesenteret i Hønefoss',
      'Krisesenteret i Salten',
    ]);
    const salten = centres.find((c: any) => c.name === 'Krisesenteret i Salten');
    expect(salten.host).toEqual({ name: 'Bodø' });
    expect(salten.members).toHaveLength(13);
    expect(salten.members[0]).toMatchObject({ role: 'HOST', municipality: { name: 'Bodø' } });
    expect(salten.members.slice(1).every((m: any) => m.role === 'PARTNER')).toBe(true);
    expect(salten.members[1].municipality.name).toBe('Beiarn');
    for (const c of centres) {
      expect(c.isExample).toBe(false);
      for (const m of c.members) {
        expect(m.sourceUrl).toMatch(/^https:\/\//);
        expect(m.centre.name).toBe(c.name);
      }
    }
    const total = centres.reduce((n: number, c: any) => n + c.members.length, 0);
    expect(total).toBe(44);
  });

  it('finds one centre by id, and says NOT_FOUND or BAD_USER_INPUT otherwise', async () => {
    const list = await app.gql(`{ crisisCentres { items { id name } } }`);
    const { id, name } = list.data!.crisisCentres.items[0];
    const r = await app.gql(`query($id: ID!) { crisisCentre(id: $id) { name } }`, { id });
    expect(r.data!.crisisCentre.name).toBe(name);
    const missing = await app.gql(`query($id: ID!) { crisisCentre(id: $id) { name } }`, {
      id: '00000000-0000-4000-8000-000000000000',
    });
    expect(codeOf(missing)).toEqual([['NOT_FOUND', undefined]]);
    const bad = await app.gql(`query($id: ID!) { crisisCentre(id: $id) { name } }`, { id: 'salten' });
    expect(codeOf(bad)).toEqual([['BAD_USER_INPUT', 'id']]);
  });
});

describe('errors', () => {
  it('masks internal errors: no SQL, no stack, a stable code', async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    await app.ds.query(`ALTER TABLE crisis_centre RENAME COLUMN note TO note_renamed`);
    try {
      const r = await app.gql(`{ crisisCentres { items { name } } }`);
      expect(codeOf(r)).toEqual([['INTERNAL_SERVER_ERROR', undefined]]);
      expect(r.errors![0].message).not.toMatch(/note|column|SELECT|exist/i);
      expect(r.errors![0].extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: expect.any(String) });
      expect(spy).toHaveBeenCalled();
    } finally {
      await app.ds.query(`ALTER TABLE crisis_centre RENAME COLUMN note_renamed TO note`);
      spy.mockRestore();
    }
  });

  it('passes GraphQL validation errors through with their code', async () => {
    const r = await app.gql(`{ municipalities { nosuchfield } }`);
    expect(r.errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
