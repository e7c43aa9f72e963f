import { screen, within } from '@testing-library/react';
import { render } from '@testing-library/react';
import { I18nProvider } from '../../../i18n/i18n';
import { InvestmentPanel, MunicipalityTrend, NegativeHostNote, UsageTable } from '../CostTruth';
import { renderPage } from '../../../../test/render';

const count = (value: number | null, suppressed = false) => ({ value, suppressed });

it('says so when the host’s share is negative, and stays silent otherwise', () => {
  const { rerender } = render(
    <I18nProvider>
      <NegativeHostNote
        parties={[
          { role: 'HOST', allocatedOre: -12_345_600 },
          { role: 'PARTNER', allocatedOre: 50_000_000 },
        ]}
      />
    </I18nProvider>,
  );
  expect(screen.getByTestId('negative-host')).toHaveTextContent('vertskommunens andel er negativ (kr −123 456)');
  rerender(
    <I18nProvider>
      <NegativeHostNote parties={[{ role: 'HOST', allocatedOre: 0 }]} />
    </I18nProvider>,
  );
  expect(screen.queryByTestId('negative-host')).not.toBeInTheDocument();
});

it('usage statistics: suppressed counts say «under 5», a total with a suppressed count is hidden', async () => {
  renderPage(<UsageTable centreId="c1" year={2025} />, {
    CostUsage: {
      data: {
        usageStatistics: {
          threshold: 5,
          isExample: false,
          rows: [
            {
              municipality: { kommunenummer: '1804', name: 'Bodø' },
              stays: count(40),
              nights: count(900),
              dayVisits: count(12),
              phoneContacts: count(100),
            },
            {
              municipality: { kommunenummer: '1857', name: 'Værøy' },
              stays: count(null, true),
              nights: count(30),
              dayVisits: count(null, true),
              phoneContacts: count(6),
            },
          ],
          totals: {
            stays: count(null, true),
            nights: count(930),
            dayVisits: count(null, true),
            phoneContacts: count(106),
          },
        },
      },
    },
  });
  const table = await screen.findByTestId('usage-table');
  const rows = within(table).getAllByRole('row');
  expect(rows[2]).toHaveTextContent(/Værøyunder 530under 56/);
  expect(rows[3]).toHaveTextContent(/Sum–930–106/);
  expect(screen.getByText(/Tall under 5 er skjermet/)).toBeInTheDocument();
});

it('investments: the five-year summary and the host per inhabitant with and without its own investments', async () => {
  renderPage(
    <InvestmentPanel
      centreId="c1"
      d={{
        year: 2025,
        hostDepreciationOre: 100_000_00,
        hostPerInhabitantWithInvestmentsOre: 30_000,
        hostPartnerRatio: 2.5,
        hostPartnerRatioWithInvestments: 3.1,
        parties: [{ role: 'HOST', perInhabitantOre: 28_000 }],
      }}
    />,
    {
      CostInvestments: {
        data: {
          investmentSummary: {
            fromYear: 2021,
            toYear: 2025,
            totalOre: 550_000_000,
            hostAloneOre: 470_000_000,
            sharedOre: 80_000_000,
            hostAloneShare: 470 / 550,
          },
        },
      },
    },
  );
  expect(
    await screen.findByText(
      /2021–2025: investeringer for kr 5 500 000, av dem kr 4 700 000 \(85 %\) båret av vertskommunen alene/,
    ),
  ).toBeInTheDocument();
  expect(screen.getByTestId('host-with-investments')).toHaveTextContent(
    'kr 280,00 uten og kr 300,00 med egne investeringer (avskrevet kr 100 000 i år). Forholdet til samarbeidskommunene: 2,5 uten, 3,1 med.',
  );
});

it('a municipality’s own kr per inhabitant over the years, beside that year’s national average', async () => {
  renderPage(
    <MunicipalityTrend
      centreId="c1"
      parties={[{ kommunenummer: '1841', name: 'Fauske' }]}
      fromYear={2021}
      toYear={2023}
      national={[
        { year: 2021, nationalAverageKr: 74 },
        { year: 2022, nationalAverageKr: 79 },
      ]}
    />,
    {
      CostMunicipalityTrend: {
        data: {
          municipalityCosts: {
            years: [
              { year: 2021, centreId: 'c1', perInhabitantOre: 8_000, isExample: false },
              { year: 2022, centreId: 'c1', perInhabitantOre: 8_500, isExample: false },
              { year: 2022, centreId: 'other', perInhabitantOre: 1, isExample: false },
            ],
            gapCodes: [
              {
                year: 2023,
                code: 'NO_BUDGET',
                centreName: 'Krisesenteret i Salten',
                agreementTitle: null,
                kommunenummer: null,
                field: null,
              },
            ],
          },
        },
      },
    },
  );
  const rows = within(await screen.findByTestId('own-trend-table')).getAllByRole('row');
  expect(rows.map((r) => r.textContent!.replace(/\s/g, ' '))).toEqual([
    'ÅrKr per innbyggerLandsgjennomsnitt',
    '2021kr 80kr 74',
    '2022kr 85kr 79',
  ]);
  expect(screen.getByTestId('own-trend-gaps')).toHaveTextContent(
    'År uten tall2023: Det er ikke registrert noe budsjett for Krisesenteret i Salten i 2023.',
  );
});

it('the costs page lists the years the centre has a budget for, not a fixed range', async () => {
  const CostsPage = (await import('../CostsPage')).default;
  renderPage(
    <CostsPage />,
    {
      CostCentres: {
        data: { crisisCentres: { items: [{ id: 'c1', name: 'Helgeland krisesenter' }] }, municipalities: [] },
      },
      CostYears: { data: { centreBudgets: [{ year: 2022 }, { year: 2023 }, { year: 2025 }] } },
      CostPage: 'pending',
    },
    { route: '/?aar=2023' },
  );
  const select = await screen.findByLabelText('År');
  await within(select).findByRole('option', { name: '2025' });
  expect(
    within(select)
      .getAllByRole('option')
      .map((o) => o.textContent),
  ).toEqual(['2022', '2023', '2025']);
});
