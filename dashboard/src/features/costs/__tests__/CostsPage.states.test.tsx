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
  renderPage(<CostsPage />, {
    CostCentres: {
      data: { crisisCentres: { items: [{ id: 'c1', name: 'Helgeland krisesenter' }] }, municipalities: [] },
    },
    CostPage: networkError(),
  });
  expect(await screen.findByRole('alert')).toHaveTextContent('Får ikke kontakt med tjeneren');
});

it("names the cost model in the UI's language, not by the server's label", async () => {
  const party = (kommunenummer: string, name: string, role: string, ore: number) => ({
    municipality: { kommunenummer, name },
    role,
    population: 1000,
    allocatedOre: ore,
    extraChargesOre: 0,
    totalOre: ore,
    perInhabitantOre: ore / 1000,
    share: 0.5,
    parts: [{ code: 'FIXED_SHARE', population: null, amountOre: null, shareBp: 5000 }],
  });
  const page = {
    data: {
      costDistribution: {
        centreName: 'Helgeland krisesenter',
        year: 2026,
        model: 'FIXED_SHARES',
        budgetOre: 200_000_000,
        populationYear: 2024,
        populationWantedYear: 2024,
        populationYearsUsed: [2024],
        hostResidualOre: null,
        hostSubsidyOre: null,
        hostPartnerRatio: null,
        ratioFlag: false,
        isExample: false,
        nationalAverage: null,
        centreKostra: null,
        parties: [party('1824', 'Vefsn', 'HOST', 100_000_000), party('1832', 'Hemnes', 'PARTNER', 100_000_000)],
      },
      costTrend: { years: [] },
    },
  };
  renderPage(<CostsPage />, {
    CostCentres: {
      data: { crisisCentres: { items: [{ id: 'c1', name: 'Helgeland krisesenter' }] }, municipalities: [] },
    },
    CostPage: page,
  });
  const summary = await screen.findByTestId('cost-summary');
  expect(summary.textContent).toContain(
    'Nettobudsjett kr\u00a02\u00a0000\u00a0000 fordelt etter «Faste prosentandeler»',
  );
  expect(summary).not.toHaveTextContent('server label');
});

it("words each party's explanation and a population fallback from codes, in English too", async () => {
  const party = (kommunenummer: string, name: string, role: string, parts: object[]) => ({
    municipality: { kommunenummer, name },
    role,
    population: 1000,
    allocatedOre: 1,
    extraChargesOre: 0,
    totalOre: 1,
    perInhabitantOre: 1,
    share: 0.5,
    parts,
  });
  const page = {
    data: {
      costDistribution: {
        centreName: 'Helgeland krisesenter',
        year: 2026,
        model: 'PER_INHABITANT_HOST_RESIDUAL',
        budgetOre: 200_000_000,
        populationYear: 2023,
        populationWantedYear: 2024,
        populationYearsUsed: [2023],
        hostResidualOre: null,
        hostSubsidyOre: null,
        hostPartnerRatio: null,
        ratioFlag: false,
        isExample: false,
        nationalAverage: null,
        centreKostra: null,
        parties: [
          party('1824', 'Vefsn', 'HOST', [
            { code: 'BUDGET_MINUS_PARTNERS', population: null, amountOre: 8_500_000, shareBp: null },
          ]),
          party('1832', 'Hemnes', 'PARTNER', [
            { code: 'POPULATION_TIMES_RATE', population: 4485, amountOre: 8_500, shareBp: null },
            { code: 'EXTRA_CHARGES', population: null, amountOre: 20_000, shareBp: null },
          ]),
        ],
      },
      costTrend: { years: [] },
    },
  };
  const answers = {
    CostCentres: {
      data: { crisisCentres: { items: [{ id: 'c1', name: 'Helgeland krisesenter' }] }, municipalities: [] },
    },
    CostPage: page,
  };
  const { unmount } = renderPage(<CostsPage />, answers);
  const table = await screen.findByTestId('cost-table');
  expect(table.textContent).toContain('4\u00a0485 innbyggere × kr\u00a085,00 + tilleggskostnader kr\u00a0200');
  expect(screen.getByText(/Avtalen bruker folketall per 1\. januar 2024/)).toBeInTheDocument();
  unmount();

  localStorage.setItem('samordna.locale', 'en');
  try {
    renderPage(<CostsPage />, answers);
    const english = (await screen.findByTestId('cost-table')).textContent;
    expect(english).toContain('4\u00a0485 inhabitants × kr\u00a085,00 + extra charges kr\u00a0200');
    expect(english).toContain("the budget minus the partners' payments (kr\u00a085\u00a0000)");
    expect(english).not.toMatch(/innbygger|budsjett|tilleggskost/);
    expect(screen.getByText(/uses the population on 1 January 2024; .* 1 January 2023 are used/)).toBeInTheDocument();
    expect(screen.getByTestId('cost-summary')).not.toHaveTextContent(/innbygger|fordelt|Avtalen/);
  } finally {
    localStorage.removeItem('samordna.locale');
  }
});
