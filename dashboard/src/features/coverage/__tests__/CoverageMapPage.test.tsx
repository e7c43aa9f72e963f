import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import CoverageMapPage from '../CoverageMapPage';
import { networkError, renderPage } from '../../../../test/render';

jest.mock('../boundaries', () => {
  // Two small squares, wound clockwise as d3-geo wants.
  const square = (x: number, y: number) => ({ type: 'Polygon', coordinates: [[[x, y], [x, y + 1], [x + 1, y + 1], [x + 1, y], [x, y]]] });
  const features = [
    { kommunenummer: '1804', feature: { type: 'Feature', properties: { kommunenummer: '1804', name: 'Bodø' }, geometry: square(14, 67) } },
    { kommunenummer: '0301', feature: { type: 'Feature', properties: { kommunenummer: '0301', name: 'Oslo' }, geometry: square(10, 59) } },
  ];
  const b = { municipalities: features, collection: { type: 'FeatureCollection', features: features.map((f) => f.feature) }, countyBorders: { type: 'MultiLineString', coordinates: [] } };
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
      rows: [row('1804', 'Bodø', 'Nordland', 'REGISTERED', 'WARNING', ['NO_ROUTINE']), row('0301', 'Oslo', 'Oslo', 'NOT_REGISTERED', null, ['NOT_REGISTERED'])],
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
      findings: [{ code: 'NO_ROUTINE', severity: 'WARNING', reason: 'Bodø har ingen overgangsrutine.', reasonEn: 'No routine.', records: [] }],
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
  renderPage(<CoverageMapPage />, { CoverageFilterOptions: OPTIONS, CoverageOverview: { data: { coverageOverview: { asOf: '2026-11-21', rows: [] } } } });
  expect(await screen.findByText('Ingen kommuner passer til filteret.')).toBeInTheDocument();
});

it('draws the map and the table, and opens the side panel from the map by keyboard and from the table', async () => {
  renderPage(<CoverageMapPage />, { CoverageFilterOptions: OPTIONS, CoverageOverview: OVERVIEW, MunicipalityCoverage: PANEL });
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

it('filters registered or not (the front page links here), and a county whose filter leaves nothing keeps its zoom and says so', async () => {
  const { unmount } = renderPage(<CoverageMapPage />, { CoverageFilterOptions: OPTIONS, CoverageOverview: OVERVIEW }, { route: '/kart?status=NOT_REGISTERED' });
  const table = await screen.findByTestId('coverage-table');
  expect(within(table).getAllByRole('row').slice(1).map((r) => r.querySelector('td')?.textContent)).toEqual(['Oslo']);
  expect(screen.getByLabelText('Registrering')).toHaveValue('NOT_REGISTERED');
  unmount();

  renderPage(<CoverageMapPage />, { CoverageFilterOptions: OPTIONS, CoverageOverview: OVERVIEW }, { route: '/kart?fylke=18&status=NOT_REGISTERED' });
  expect(await screen.findByText('Ingen kommuner i fylket passer til filteret. Kartet viser fortsatt fylket.')).toBeInTheDocument();
  // Nordland's Bodø is still drawn (zoomed to), though not clickable: it is outside the filter.
  const map = await screen.findByTestId('coverage-map');
  expect(map.querySelectorAll('path.muni-hidden')).toHaveLength(2);
});

it('calls a not-registered municipality that in the panel, not «Merknad»', async () => {
  renderPage(<CoverageMapPage />, {
    CoverageFilterOptions: OPTIONS,
    CoverageOverview: OVERVIEW,
    MunicipalityCoverage: { data: { municipalityCoverage: { ...PANEL.data.municipalityCoverage, status: 'NOT_REGISTERED', worstSeverity: 'INFO', municipality: { kommunenummer: '0301', name: 'Oslo' }, findings: [{ code: 'NOT_REGISTERED', severity: 'INFO', reason: 'Ikke registrert.', reasonEn: 'Not registered.', records: [] }] } } },
  }, { route: '/kart?kommune=0301' });
  const panel = await screen.findByTestId('findings-panel');
  await within(panel).findByText('Ikke registrert.');
  expect(panel).not.toHaveTextContent('Merknad');
});
