import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import CoverageMapPage from '../CoverageMapPage';
import { networkError, renderPage } from '../../../../test/render';

jest.mock('../boundaries', () => {
  // Two small squares, wound clockwise as d3-geo wants.
  const square = (x: number, y: number) => ({
    type: 'Polygon',
    coordinates: [
      [
        [x, y],
        [x, y + 1],
        [x + 1, y + 1],
        [x + 1, y],
        [x, y],
      ],
    ],
  });
  const features = [
    {
      kommunenummer: '1804',
      feature: { type: 'Feature', properties: { kommunenummer: '1804', name: 'Bodø' }, geometry: square(14, 67) },
    },
    {
      kommunenummer: '0301',
      feature: { type: 'Feature', properties: { kommunenummer: '0301', name: 'Oslo' }, geometry: square(10, 59) },
    },
  ];
  const b = {
    municipalities: features,
    collection: { type: 'FeatureCollection', features: features.map((f) => f.feature) },
    countyBorders: { type: 'MultiLineString', coordinates: [] },
  };
  return { loadBoundaries: () => Promise.resolve(b) };
});

const OPTIONS = { data: { counties: [{ number: '18', name: 'Nordland' }], crisisCentres: { items: [] } } };
const row = (knr: string, name: string, county: string, status: string, worst: string | null, codes: string[]) => ({
  municipality: { kommunenummer: knr, name, countyNumber: knr.slice(0, 2), county: { name: county } },
  status,
  worstSeverity: worst,
  critical: worst === 'CRITICAL' ? 1 : 0,
  warning: worst === 'WARNING' ? 2 : 0,
  info: 0,
  codes,
});
const OVERVIEW = {
  data: {
    coverageOverview: {
      asOf: '2026-11-21',
      rows: [
        row('1804', 'Bodø', 'Nordland', 'REGISTERED', 'WARNING', ['NO_ROUTINE']),
        row('0301', 'Oslo', 'Oslo', 'NOT_REGISTERED', null, ['NOT_REGISTERED']),
      ],
    },
  },
};
const PANEL = {
  data: {
    municipalityCoverage: {
      asOf: '2026-11-21',
      status: 'REGISTERED',
      worstSeverity: 'WARNING',
      municipality: { kommunenummer: '1804', name: 'Bodø' },
      findings: [
        {
          code: 'NO_ROUTINE',
          severity: 'WARNING',
          reason: 'Bodø har ingen overgangsrutine.',
          reasonEn: 'No routine.',
          records: [],
          basisKind: 'GUIDANCE',
          legalBasisCode: 'LAW_4_INDIVIDUAL_PLAN',
          statutory: false,
        },
      ],
    },
  },
};

it('shows progress while the coverage loads', () => {
  renderPage(<CoverageMapPage />, { CoverageFilterOptions: OPTIONS, CoverageOverview: 'pending' });
  expect(screen.getAllByRole('status')[0]).toHaveTextContent('Henter');
});

it('shows an error', async () => {
  renderPage(<CoverageMapPage />, { CoverageFilterOptions: OPTIONS, CoverageOverview: networkError() });
  expect(await screen.findByRole('alert')).toHaveTextContent('Får ikke kontakt med tjeneren');
});

it('says so when the filter matches nothing', async () => {
  renderPage(<CoverageMapPage />, {
    CoverageFilterOptions: OPTIONS,
    CoverageOverview: { data: { coverageOverview: { asOf: '2026-11-21', rows: [] } } },
  });
  expect(await screen.findByText('Ingen kommuner passer til filteret.')).toBeInTheDocument();
});

it('draws the map and the table, and opens the side panel from the map by keyboard and from the table', async () => {
  renderPage(<CoverageMapPage />, {
    CoverageFilterOptions: OPTIONS,
    CoverageOverview: OVERVIEW,
    MunicipalityCoverage: PANEL,
  });
  const map = await screen.findByTestId('coverage-map');
  const bodo = within(map).getByRole('button', { name: 'Bodø: Advarsel' });
  expect(bodo).toHaveClass('sev-WARNING');
  expect(within(map).getByRole('button', { name: 'Oslo: Ikke registrert' })).toHaveClass('sev-NOT_REGISTERED');
  expect(screen.getByText(/Kartverket/)).toBeInTheDocument();

  bodo.focus();
  await userEvent.keyboard('{Enter}');
  const panel = await screen.findByTestId('findings-panel');
  expect(await within(panel).findByText('Bodø har ingen overgangsrutine.')).toBeInTheDocument();
  await userEvent.click(within(panel).getByRole('button', { name: 'Lukk' }));
  expect(screen.queryByTestId('findings-panel')).not.toBeInTheDocument();

  const table = screen.getByTestId('coverage-table');
  expect(within(table).getAllByRole('row')).toHaveLength(3);
  await userEvent.click(within(table).getByRole('button', { name: 'Bodø' }));
  expect(await screen.findByTestId('findings-panel')).toBeInTheDocument();
});

const documented = (marked: boolean, confidence: string) => ({
  centreName: 'Krisesenteret i Salten',
  provenance: { confidence, marked },
});
const NATIONAL = {
  data: {
    coverageOverview: {
      asOf: '2026-12-07',
      rows: [
        {
          ...row('1804', 'Bodø', 'Nordland', 'DOCUMENTED', 'INFO', ['DOCUMENTED_MEMBERSHIP', 'WEAK_EVIDENCE']),
          documentedMembership: documented(true, 'WEAK'),
        },
        { ...row('0301', 'Oslo', 'Oslo', 'NOT_REGISTERED', null, ['NOT_REGISTERED']), documentedMembership: null },
      ],
    },
  },
};
const SOURCE_PANEL = {
  data: {
    municipalityCoverage: {
      asOf: '2026-12-07',
      status: 'DOCUMENTED',
      worstSeverity: 'INFO',
      municipality: { kommunenummer: '1804', name: 'Bodø' },
      documentedMembership: {
        centreId: 'c1',
        centreName: 'Krisesenteret i Salten',
        role: 'PARTNER',
        note: null,
        provenance: {
          sourceUrl: 'https://example.kommune.no/krisesenter',
          sourceDate: '2012 (avtale)',
          sourceDating: { code: 'DATED', date: '2012', year: 2012 },
          quote: '«Bodø er med i samarbeidet»',
          sourceYear: 2012,
          confidence: 'WEAK',
          retrievedOn: '2026-12-02',
          marked: true,
          old: true,
        },
      },
      findings: [
        {
          code: 'STATUTORY_REQUIREMENT',
          severity: 'CRITICAL',
          reason: 'Lovkrav: senteret har ikke kvalifisert tolk.',
          reasonEn: 'Statutory.',
          records: [],
          basisKind: 'LAW',
          legalBasisCode: 'LAW_3_EQUIVALENT_OFFER',
          statutory: true,
        },
        {
          code: 'WEAK_EVIDENCE',
          severity: 'INFO',
          reason: 'Kilden er svak.',
          reasonEn: 'Weak.',
          records: [],
          basisKind: 'DATA',
          legalBasisCode: 'SOURCE_QUALITY',
          statutory: false,
        },
      ],
    },
  },
};

it('marks documented-only municipalities apart from «ikke registrert», hatches weak evidence with a legend entry, and shows the source in the panel', async () => {
  renderPage(<CoverageMapPage />, {
    CoverageFilterOptions: OPTIONS,
    CoverageOverview: NATIONAL,
    MunicipalityCoverage: SOURCE_PANEL,
  });
  const map = await screen.findByTestId('coverage-map');
  const bodo = within(map).getByRole('button', {
    name: 'Bodø: Kildebelagt, avtale ikke registrert, svak eller gammel kilde (skravert)',
  });
  expect(bodo).toHaveClass('sev-DOCUMENTED');
  expect(within(map).getByRole('button', { name: 'Oslo: Ikke registrert' })).toHaveClass('sev-NOT_REGISTERED');
  expect(map.querySelector('[data-hatched="1804"]')).not.toBeNull();
  expect(map.querySelector('[data-hatched="0301"]')).toBeNull();
  expect(screen.getByTestId('legend-weak-evidence')).toHaveTextContent('Svak eller gammel kilde (skravert) (1)');

  await userEvent.click(bodo);
  const panel = await screen.findByTestId('findings-panel');
  const source = await within(panel).findByTestId('source-box');
  expect(within(source).getByRole('link', { name: 'Kilde' })).toHaveAttribute(
    'href',
    'https://example.kommune.no/krisesenter',
  );
  expect(source).toHaveTextContent('(2012 (avtale))');
  expect(source).toHaveTextContent('«Bodø er med i samarbeidet»');
  expect(source).toHaveTextContent('Sikkerhet: Svak');
  expect(source).toHaveTextContent('Svak eller gammel kilde: Svak sikkerhet; kilden er fra 2012');
  expect(panel).toHaveTextContent('Lovkrav Grunnlag: Lovkrav – krisesenterlova § 3; likeverdig, alternativt tilbud');
  expect(panel).toHaveTextContent('Grunnlag: Registrering og kilder – Kildegrunnlaget (data/national/README.md)');
});

it('words the legal basis and an undated source in English from their codes', async () => {
  const undated = {
    data: {
      municipalityCoverage: {
        ...SOURCE_PANEL.data.municipalityCoverage,
        documentedMembership: {
          ...SOURCE_PANEL.data.municipalityCoverage.documentedMembership,
          provenance: {
            ...SOURCE_PANEL.data.municipalityCoverage.documentedMembership.provenance,
            sourceDate: 'udatert (viser til kommuneloven 1992; altså før 2020)',
            sourceDating: { code: 'UNDATED_BEFORE', date: null, year: 2020 },
          },
        },
      },
    },
  };
  localStorage.setItem('samordna.locale', 'en');
  try {
    renderPage(<CoverageMapPage />, {
      CoverageFilterOptions: OPTIONS,
      CoverageOverview: NATIONAL,
      MunicipalityCoverage: undated,
    });
    const map = await screen.findByTestId('coverage-map');
    await userEvent.click(within(map).getAllByRole('button', { name: /^Bodø/ })[0]);
    const panel = await screen.findByTestId('findings-panel');
    const source = await within(panel).findByTestId('source-box');
    expect(source).toHaveTextContent('(undated (before 2020))');
    expect(panel).toHaveTextContent(
      'Crisis Centre Act (krisesenterlova) § 3; an equivalent alternative offer where needed',
    );
    expect(panel).toHaveTextContent('The sources (data/national/README.md)');
    expect(panel.textContent).not.toMatch(/udatert|likeverdig|Kildegrunnlaget|tilbud/);
  } finally {
    localStorage.removeItem('samordna.locale');
  }
});

it('filters registered or not (the front page links here), and a county whose filter leaves nothing keeps its zoom and says so', async () => {
  const { unmount } = renderPage(
    <CoverageMapPage />,
    { CoverageFilterOptions: OPTIONS, CoverageOverview: OVERVIEW },
    { route: '/kart?status=NOT_REGISTERED' },
  );
  const table = await screen.findByTestId('coverage-table');
  expect(
    within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.querySelector('td')?.textContent),
  ).toEqual(['Oslo']);
  expect(screen.getByLabelText('Registrering')).toHaveValue('NOT_REGISTERED');
  unmount();

  renderPage(
    <CoverageMapPage />,
    { CoverageFilterOptions: OPTIONS, CoverageOverview: OVERVIEW },
    { route: '/kart?fylke=18&status=NOT_REGISTERED' },
  );
  expect(
    await screen.findByText('Ingen kommuner i fylket passer til filteret. Kartet viser fortsatt fylket.'),
  ).toBeInTheDocument();
  // Nordland's Bodø is still drawn (zoomed to), though not clickable: it is outside the filter.
  const map = await screen.findByTestId('coverage-map');
  expect(map.querySelectorAll('path.muni-hidden')).toHaveLength(2);
});

it('calls a not-registered municipality that in the panel, not «Merknad»', async () => {
  renderPage(
    <CoverageMapPage />,
    {
      CoverageFilterOptions: OPTIONS,
      CoverageOverview: OVERVIEW,
      MunicipalityCoverage: {
        data: {
          municipalityCoverage: {
            ...PANEL.data.municipalityCoverage,
            status: 'NOT_REGISTERED',
            worstSeverity: 'INFO',
            municipality: { kommunenummer: '0301', name: 'Oslo' },
            findings: [
              {
                code: 'NOT_REGISTERED',
                severity: 'INFO',
                reason: 'Ikke registrert.',
                reasonEn: 'Not registered.',
                records: [],
                basisKind: 'DATA',
                legalBasisCode: 'SOURCE_QUALITY',
                statutory: false,
              },
            ],
          },
        },
      },
    },
    { route: '/kart?kommune=0301' },
  );
  const panel = await screen.findByTestId('findings-panel');
  await within(panel).findByText('Ikke registrert.');
  expect(panel).not.toHaveTextContent('Merknad');
});
