import {
  centreStatusOf,
  DataRowError,
  evidenceOf,
  parseNationalCentres,
  parseNationalCostFigures,
  parseNationalMemberships,
  sourceDatingOf,
  sourceYearOf,
  type SourceRow,
} from './provenance';

const known = new Set(['1804', '1839', '3201', '4601']);
const centreRow = (over: Record<string, string> = {}): Record<string, string> => ({
  centre_name: 'Krisesenteret i Salten',
  bufdir_name: '',
  host_kommunenummer: '1804',
  host_name: 'Bodø',
  host_basis: 'vertskommune',
  org_form: 'administrativt vertskommunesamarbeid',
  status: 'i drift',
  n_kommuner_reported: '13',
  source_url: 'https://bodo.kommune.no/krisesenter',
  source_date: 'ca. 2022',
  quote: '«samarbeider med 12 andre kommuner»',
  note: '',
  ...over,
});
const rows = (...records: Record<string, string>[]): SourceRow[] =>
  records.map((record, i) => ({ line: i + 2, record }));

describe('source year and evidence', () => {
  it.each([
    ['2012 (avtale 01.01.2012–31.12.2015)', 2012],
    ['ca. 2022', 2022],
    ['2025-09-28', 2025],
    ['senterets historikkside; siste medlemsliste gjelder 2011 (siste innslag 2018)', 2011],
    ['udatert (før 2020)', null],
    ['udatert', null],
    ['', null],
  ])('%s → %p', (text, year) => expect(sourceYearOf(text)).toBe(year));

  it.each([
    ['2012 (avtale 01.01.2012–31.12.2015)', { code: 'DATED', date: '2012', year: 2012 }],
    ['2025-09-28', { code: 'DATED', date: '2025-09-28', year: 2025 }],
    ['2021-03', { code: 'DATED', date: '2021-03', year: 2021 }],
    ['ca. 2022 (siden lenker til Årsmelding 2021)', { code: 'ABOUT', date: null, year: 2022 }],
    ['senterets historikkside; siste medlemsliste gjelder 2011', { code: 'DATED', date: '2011', year: 2011 }],
    ['udatert (viser til kommuneloven 1992; altså før 2020)', { code: 'UNDATED_BEFORE', date: null, year: 2020 }],
    ['udatert (etter 2021; Eva står i Bufdirs tabell for 2021)', { code: 'UNDATED_AFTER', date: null, year: 2021 }],
    ['udatert (sidefot © 2024)', { code: 'UNDATED', date: null, year: null }],
    ['udatert', { code: 'UNDATED', date: null, year: null }],
    ['', { code: 'UNDATED', date: null, year: null }],
  ])('dating of %s', (text, dating) => expect(sourceDatingOf(text)).toEqual(dating));

  it.each([
    // confidence, source year, asOf, old, weak, marked
    ['HIGH', 2023, '2026-12-07', false, false, false],
    ['HIGH', 2020, '2026-12-07', false, false, false], // exactly 6 years: not old
    ['HIGH', 2019, '2026-12-07', true, false, true],
    ['HIGH', null, '2026-12-07', true, false, true], // undated counts as old
    ['MEDIUM', 2025, '2026-12-07', false, true, true],
    ['WEAK', 2024, '2026-12-07', false, true, true],
  ] as const)('%s from %p on %s: old %p, weak %p, marked %p', (confidence, sourceYear, asOf, old, weak, marked) => {
    const e = evidenceOf({ confidence, sourceYear }, asOf);
    expect([e.old, e.weak, e.marked]).toEqual([old, weak, marked]);
  });

  it('says the level and the age in words', () => {
    expect(evidenceOf({ confidence: 'WEAK', sourceYear: 2012 }, '2026-12-07').nb).toBe(
      'Svak sikkerhet; kilden er fra 2012',
    );
    expect(evidenceOf({ confidence: 'HIGH', sourceYear: null }, '2026-12-07').nb).toBe(
      'Høy sikkerhet; kilden er udatert',
    );
    expect(evidenceOf({ confidence: 'HIGH', sourceYear: 2024 }, '2026-12-07').nb).toBe('Høy sikkerhet');
  });

  it.each([
    ['i drift', 'OPERATING'],
    ['i drift (Bufdir 2019–2021)', 'OPERATING'],
    ['Eva lagt ned; Blå Kors overtar (dato ukjent)', 'OPERATING'],
    ['NEDLAGT 2019', 'CLOSED'],
    ['USIKKER: i Bufdir-tabellen 2019, ikke i 2020/2021', 'UNCERTAIN'],
  ])('status «%s» → %s', (text, status) => expect(centreStatusOf(text)).toBe(status));
});

describe('national centres file', () => {
  it('reads a centre with its provenance, and a centre whose host is not known', () => {
    const [salten, romerike] = parseNationalCentres(
      rows(
        centreRow(),
        centreRow({
          centre_name: 'Romerike krisesenter IKS',
          host_kommunenummer: '',
          host_basis: '',
          source_date: 'udatert',
        }),
      ),
      known,
      '2026-12-02',
    );
    expect(salten).toMatchObject({
      line: 2,
      hostKommunenummer: '1804',
      status: 'OPERATING',
      provenance: { sourceYear: 2022, retrievedOn: '2026-12-02', confidence: 'HIGH' },
    });
    expect(romerike).toMatchObject({
      line: 3,
      hostKommunenummer: null,
      hostBasis: null,
      provenance: { sourceYear: null },
    });
  });

  it.each([
    [{ host_kommunenummer: '18O4' }, /line 3: .*18O4/],
    [{ host_kommunenummer: '1806' }, /line 3: host 1806 is not a municipality/],
    [{ host_basis: 'gjetning' }, /line 3: unknown host_basis «gjetning»/],
    [{ host_kommunenummer: '', host_basis: 'navn' }, /line 3: host_basis given without a host/],
    [{ source_url: 'bodo.kommune.no' }, /line 3: source_url must be an http\(s\) URL/],
    [{ source_date: '' }, /line 3: source_date is empty/],
    [{ centre_name: 'Krisesenteret i Salten' }, /line 3: centre «Krisesenteret i Salten» is given twice/],
    [{ status: '' }, /line 3: status is empty/],
  ])('rejects %p with the line number', (over, message) => {
    const call = () =>
      parseNationalCentres(rows(centreRow(), centreRow({ centre_name: 'Annet senter', ...over })), known, '2026-12-02');
    expect(call).toThrow(DataRowError);
    expect(call).toThrow(message);
  });
});

describe('national memberships file', () => {
  const centres = [
    { name: 'Krisesenteret i Salten', hostKommunenummer: '1804' },
    { name: 'Romerike krisesenter IKS', hostKommunenummer: null },
  ];
  const row = (over: Record<string, string> = {}): Record<string, string> => ({
    centre_name: 'Krisesenteret i Salten',
    kommunenummer: '1839',
    kommunenavn: 'Beiarn',
    role: 'partner',
    source_url: 'https://bodo.kommune.no/krisesenter',
    source_date: '2012 (avtale)',
    quote: 'Beiarn er med',
    confidence: 'middels',
    note: '',
    ...over,
  });

  it('reads a documented membership with its provenance', () => {
    const [m] = parseNationalMemberships(rows(row()), centres, known, '2026-12-02');
    expect(m).toEqual({
      line: 2,
      centreName: 'Krisesenteret i Salten',
      kommunenummer: '1839',
      kommunenavn: 'Beiarn',
      role: 'partner',
      note: null,
      provenance: {
        sourceUrl: 'https://bodo.kommune.no/krisesenter',
        sourceDate: '2012 (avtale)',
        sourceYear: 2012,
        quote: 'Beiarn er med',
        confidence: 'MEDIUM',
        retrievedOn: '2026-12-02',
      },
    });
  });

  it.each([
    [{ centre_name: 'Ukjent senter' }, /line 3: centre «Ukjent senter» is not in krisesentre-2024.csv/],
    [{ kommunenummer: '183' }, /line 3: .*«183»/],
    [{ kommunenummer: '9999' }, /line 3: /],
    [{ kommunenummer: '1839' }, /line 3: kommunenummer 1839 is already a member \(line 2\)/],
    [{ role: 'eier' }, /line 3: role must be host or partner/],
    [{ role: 'host', kommunenummer: '3201' }, /line 3: host 3201 disagrees with the centre's host 1804/],
    [{ confidence: 'sikker' }, /line 3: confidence must be høy, middels or svak/],
    [{ source_url: '' }, /line 3: source_url must be an http\(s\) URL/],
  ])('rejects %p with the line number', (over, message) => {
    const call = () =>
      parseNationalMemberships(rows(row(), row({ kommunenummer: '4601', ...over })), centres, known, '2026-12-02');
    expect(call).toThrow(message);
  });

  it('names every bad line, not just the first', () => {
    try {
      parseNationalMemberships(
        rows(row({ role: 'x' }), row({ kommunenummer: '3201', confidence: '' })),
        centres,
        known,
        '2026-12-02',
      );
      throw new Error('not rejected');
    } catch (e) {
      expect((e as DataRowError).problems.map((p) => p.line)).toEqual([2, 3]);
    }
  });

  it('a host row of a centre whose host is not known is accepted', () => {
    const [m] = parseNationalMemberships(
      rows(row({ centre_name: 'Romerike krisesenter IKS', role: 'host', kommunenummer: '3201' })),
      centres,
      known,
      '2026-12-02',
    );
    expect(m.role).toBe('host');
  });
});

describe('national cost figures', () => {
  const cost = (over: Record<string, string>): Record<string, string> => ({
    year: '2022',
    centre_name: 'Norge',
    metric: 'kommunale utgifter per innbygger',
    value: '79',
    unit: 'kr/innbygger',
    source_url: 'https://www.ssb.no/x',
    source_date: '2023',
    quote: '«79 kroner i 2022»',
    note: '',
    ...over,
  });
  it('keeps plain kr-per-inhabitant figures and leaves ranges and other metrics out', () => {
    const figures = parseNationalCostFigures(
      rows(
        cost({}),
        cost({
          centre_name: 'Norge (spenn mellom sentre)',
          metric: 'kommunale utgifter per innbygger, min–maks',
          value: '43–256',
        }),
        cost({ value: '<50 (gjennomsnitt)' }),
        cost({ metric: 'dagbrukere', unit: 'personer', value: '12' }),
      ),
    );
    expect(figures).toEqual([
      {
        line: 2,
        year: 2022,
        centreName: 'Norge',
        krPerInhabitant: 79,
        sourceUrl: 'https://www.ssb.no/x',
        sourceDate: '2023',
        quote: '«79 kroner i 2022»',
      },
    ]);
  });
  it('rejects a plain figure with a bad year, with its line', () => {
    expect(() => parseNationalCostFigures(rows(cost({}), cost({ year: '22' })))).toThrow(/line 3: bad year «22»/);
  });
});
