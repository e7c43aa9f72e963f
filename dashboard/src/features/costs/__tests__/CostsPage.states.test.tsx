import { screen } from '@testing-library/react';
import CostsPage from '../CostsPage';
import { networkError, renderPage } from '../../../../test/render';

it('shows progress while the centres load', () => {
  renderPage(<CostsPage />, { CostCentres: 'pending' });
  expect(screen.getByRole('status')).toHaveTextContent('Henter');
});

it('says when the centres cannot be fetched, rather than showing a blank page', async () => {
  renderPage(<CostsPage />, { CostCentres: networkError() });
  expect(await screen.findByRole('alert')).toHaveTextContent('Får ikke kontakt med tjeneren');
  expect(screen.getByRole('button', { name: 'Prøv igjen' })).toBeInTheDocument();
});

it('says so when there are no centres', async () => {
  renderPage(<CostsPage />, { CostCentres: { data: { crisisCentres: { items: [] }, municipalities: [] } } });
  expect(await screen.findByText('Ingen krisesentre er registrert ennå.')).toBeInTheDocument();
});

it('says when the cost distribution cannot be fetched', async () => {
  renderPage(<CostsPage />, { CostCentres: { data: { crisisCentres: { items: [{ id: 'c1', name: 'Helgeland krisesenter' }] }, municipalities: [] } }, CostPage: networkError() });
  expect(await screen.findByRole('alert')).toHaveTextContent('Får ikke kontakt med tjeneren');
});
