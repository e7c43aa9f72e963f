import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import CostsPage from '../CostsPage';
import { gqlError, renderPage } from '../../../../test/render';

const CENTRES = {
  data: {
    crisisCentres: { items: [{ id: 'c1', name: 'Helgeland krisesenter' }] },
    municipalities: [{ kommunenummer: '1833', name: 'Rana' }],
  },
};
const party = (knr: string, name: string, role: string, allocatedOre: number, population: number) => ({
  municipality: { kommunenummer: knr, name },
  role,
  population,
  allocatedOre,
  extraChargesOre: 0,
  totalOre: allocatedOre,
  perInhabitantOre: Math.round(allocatedOre / population),
  share: 0.5,
  parts: [{ code: 'POPULATION_TIMES_RATE', population, amountOre: 8_500, shareBp: null }],
});
const PAGE = {
  data: {
    costDistribution: {
      centreName: 'Helgeland krisesenter',
      year: 2026,
      model: 'PER_INHABITANT_HOST_RESIDUAL',
      budgetOre: 500_000_000,
      populationYear: 2024,
      populationWantedYear: 2024,
      populationYearsUsed: [2024],
      hostResidualOre: 400_000_000,
      hostSubsidyOre: 300_000_000,
      hostPartnerRatio: 6.04,
      ratioFlag: true,
      isExample: true,
      nationalAverage: {
        year: 2022,
        krPerInhabitant: 79,
        sourceKind: 'SSB',
        sourceUrl: 'https://www.ssb.no/statbank/table/12362',
        sourceDate: '2023-06-15',
      },
      centreKostra: null,
      parties: [
        party('1824', 'Vefsn', 'HOST', 400_000_000, 13_469),
        party('1832', 'Hemnes', 'PARTNER', 100_000_000, 4_485),
      ],
    },
    costTrend: { years: [] },
  },
};

it('says plainly when no budget is registered', async () => {
  renderPage(<CostsPage />, {
    CostCentres: CENTRES,
    CostPage: gqlError('Det er ikke registrert noe budsjett for Helgeland krisesenter i 2026.', { code: 'NOT_FOUND' }),
  });
  expect(await screen.findByText(/Det er ikke registrert noe budsjett/)).toBeInTheDocument();
});

it('shows the example marking, the summary and the 5× flag, and the table alternative', async () => {
  renderPage(<CostsPage />, { CostCentres: CENTRES, CostPage: PAGE });
  expect(await screen.findByText('Eksempeldata: oppdiktede tall og opplysninger, ikke reelle.')).toBeInTheDocument();
  expect(screen.getByTestId('cost-summary').textContent).toContain('Nettobudsjett kr\u00a05\u00a0000\u00a0000');
  expect(screen.getByTestId('ratio-flag')).toHaveTextContent('6,0 ganger');
  const rows = within(screen.getByTestId('cost-table')).getAllByRole('row');
  expect(rows).toHaveLength(3);
  const source = screen.getByTestId('kostra-source');
  expect(source).toHaveTextContent('Kilde: Statistisk sentralbyrå (SSB), ssb.no (2023-06-15)');
  expect(within(source).getByRole('link', { name: 'ssb.no' })).toHaveAttribute(
    'href',
    'https://www.ssb.no/statbank/table/12362',
  );
  expect(screen.getByRole('link', { name: 'Fordeling (CSV)' })).toHaveAttribute(
    'href',
    expect.stringContaining('/export/cost-distribution.csv?centreId=c1'),
  );
});

it('the simulator shows progress and then every party before and after', async () => {
  let resolve: (v: unknown) => void = () => undefined;
  const pending = new Promise((r) => (resolve = r));
  renderPage(<CostsPage />, {
    CostCentres: CENTRES,
    CostPage: PAGE,
    Simulate: {
      data: {
        simulateCostSharing: {
          differences: [
            {
              municipality: { kommunenummer: '1832', name: 'Hemnes' },
              role: 'PARTNER',
              beforeOre: 100_000_000,
              afterOre: null,
              differenceOre: -100_000_000,
              beforePerInhabitantOre: 1,
              afterPerInhabitantOre: null,
            },
          ],
          before: { budgetOre: 1, model: 'PER_INHABITANT_HOST_RESIDUAL', parties: [] },
          after: {
            budgetOre: 1,
            model: 'PER_INHABITANT_HOST_RESIDUAL',
            hostPartnerRatio: null,
            ratioFlag: false,
            parties: [],
          },
          peerRates: [],
          noteCodes: [],
        },
      },
    },
  });
  void pending;
  resolve(null);
  await userEvent.click(await screen.findByRole('checkbox', { name: 'Hemnes' }));
  await userEvent.click(screen.getByRole('button', { name: 'Beregn' }));
  const result = await screen.findByTestId('simulation-result');
  expect(within(result).getByText('ikke med etter')).toBeInTheDocument();
});

it('names the KOSTRA source in English when English is chosen', async () => {
  localStorage.setItem('samordna.locale', 'en');
  try {
    renderPage(<CostsPage />, { CostCentres: CENTRES, CostPage: PAGE });
    expect(await screen.findByTestId('kostra-source')).toHaveTextContent(
      'Source: Statistics Norway (SSB), ssb.no (2023-06-15)',
    );
  } finally {
    localStorage.removeItem('samordna.locale');
  }
});
