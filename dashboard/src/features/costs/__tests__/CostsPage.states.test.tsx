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

it("names the cost model in the UI's language, not by the server's label", async () => {
  const party = (kommunenummer: string, name: string, role: string, ore: number) => ({ municipality: { kommunenummer, name }, role, population: 1000, allocatedOre: ore, extraChargesOre: 0, totalOre: ore, perInhabitantOre: ore / 1000, share: 0.5, explanation: 'x' });
  const page = {
    data: {
      costDistribution: {
        centreName: 'Helgeland krisesenter', year: 2026, model: 'FIXED_SHARES', modelLabel: 'server label', budgetOre: 200_000_000, populationYear: 2024, populationNote: null,
        hostResidualOre: null, hostSubsidyOre: null, hostPartnerRatio: null, ratioFlag: false, isExample: false, explanation: 'x', nationalAverage: null, centreKostra: null,
        parties: [party('1824', 'Vefsn', 'HOST', 100_000_000), party('1832', 'Hemnes', 'PARTNER', 100_000_000)],
      },
      costTrend: { years: [] },
    },
  };
  renderPage(<CostsPage />, { CostCentres: { data: { crisisCentres: { items: [{ id: 'c1', name: 'Helgeland krisesenter' }] }, municipalities: [] } }, CostPage: page });
  const summary = await screen.findByTestId('cost-summary');
  expect(summary.textContent).toContain('Nettobudsjett kr\u00a02\u00a0000\u00a0000 fordelt etter «Faste prosentandeler»');
  expect(summary).not.toHaveTextContent('server label');
});
