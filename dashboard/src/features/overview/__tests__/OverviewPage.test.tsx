import { screen } from '@testing-library/react';
import OverviewPage from '../OverviewPage';
import { networkError, renderPage } from '../../../../test/render';

const DATA = {
  coverageOverview: {
    asOf: '2026-11-21',
    byCode: [{ code: 'NO_ROUTINE', municipalities: 40 }],
    byCounty: [
      { key: '18', label: 'Nordland', critical: 2, warning: 18, info: 1, ok: 0, notRegistered: 20 },
      { key: '03', label: 'Oslo', critical: 0, warning: 0, info: 0, ok: 0, notRegistered: 1 },
    ],
  },
  soon: { totalCount: 3 },
  stale: { totalCount: 45 },
};

it('shows progress while loading', () => {
  renderPage(<OverviewPage />, { Overview: 'pending' });
  expect(screen.getByRole('status')).toHaveTextContent('Henter');
});

it('shows an error with a retry', async () => {
  renderPage(<OverviewPage />, { Overview: networkError() });
  expect(await screen.findByRole('alert')).toHaveTextContent('Får ikke kontakt med tjeneren');
  expect(screen.getByRole('button', { name: 'Prøv igjen' })).toBeInTheDocument();
});

it('shows the key figures computed from the server aggregates, each with a link', async () => {
  renderPage(<OverviewPage />, { Overview: { data: DATA } });
  const figures = await screen.findByTestId('key-figures');
  const values = [...figures.querySelectorAll('.figure-value')].map((e) => e.textContent);
  expect(values).toEqual(['336', '21', '2', '3', '45', '40']);
  expect(screen.getByText('Per 21.11.2026')).toBeInTheDocument();
  expect(screen.getAllByRole('link', { name: /Gå til/ })).toHaveLength(6);
});
