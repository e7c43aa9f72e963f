import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import CoverageMapPage from '../CoverageMapPage';
import { networkError, renderPage } from '../../../../test/render';

jest.mock('../mapShapes', () => {
  // Two small squares on the map's grid, far apart.
  const square = (kommunenummer: string, name: string, x: number, y: number) => ({
    kommunenummer,
    name,
    d: `M${x} ${y}l0 100 100 0 0-100z`,
    centroid: [x + 50, y + 50],
    bounds: [x, y, x + 100, y + 100],
  });
  const shapes = {
    width: 5600,
    height: 7600,
    municipalities: [square('1804', 'Bodø', 3000, 2000), square('0301', 'Oslo', 1000, 6000)],
    countyBorders: '',
  };
  return { loadMapShapes: () => Promise.resolve(shapes) };
});

const OPTIONS = {
  data: {
    counties: [
      { number: '18', name: 'Nordland' },
      { number: '03', name: 'Oslo' },
    ],
    crisisCentres: { items: [] },
    municipalities: [
      { kommunenummer: '1804', name: 'Bodø' },
      { kommunenummer: '0301', name: 'Oslo' },
    ],
  },
};
type Row = ReturnType<typeof row> & { documentedMembership?: { provenance: { marked: boolean } } | null };
/** The overview as the server answers the map's compact selection: the rows in parallel lists. */
const overview = (asOf: string, rows: Row[]) => ({
  data: {
    coverageOverview: {
      asOf,
      compact: {
        kommunenummer: rows.map((r) => r.municipality.kommunenummer),
        state: rows.map((r) => (r.status === 'REGISTERED' ? (r.worstSeverity ?? 'OK') : r.status)),
        critical: rows.map((r) => r.critical),
        warning: rows.map((r) => r.warning),
        info: rows.map((r) => r.info),
        weakEvidence: rows.flatMap((r, i) => (r.documentedMembership?.provenance.marked ? [i] : [])),
      },
    },
  },
});
const row = (knr: string, name: string, county: string, status: string, worst: string | null, codes: string[]) => ({
  municipality: { kommunenummer: knr, name, countyNumber: knr.slice(0, 2), county: { name: county } },
  status,
  worstSeverity: worst,
  critical: worst === 'CRITICAL' ? 1 : 0,
  warning: worst === 'WARNING' ? 2 : 0,
  info: 0,
  codes,
});
const OVERVIEW = overview('2026-11-21', [
  row('1804', 'Bodø', 'Nordland', 'REGISTERED', 'WARNING', ['NO_ROUTINE']),
  row('0301', 'Oslo', 'Oslo', 'NOT_REGISTERED', null, ['NOT_REGISTERED']),
]);
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
    CoverageOverview: overview('2026-11-21', []),
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
const NATIONAL = overview('2026-12-07', [
  {
    ...row('1804', 'Bodø', 'Nordland', 'DOCUMENTED', 'INFO', ['DOCUMENTED_MEMBERSHIP', 'WEAK_EVIDENCE']),
    documentedMembership: documented(true, 'WEAK'),
  },
  { ...row('0301', 'Oslo', 'Oslo', 'NOT_REGISTERED', null, ['NOT_REGISTERED']), documentedMembership: null },
]);
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
