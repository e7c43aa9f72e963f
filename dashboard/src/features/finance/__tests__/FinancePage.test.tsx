import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import FinancePage from '../FinancePage';
import { gqlError, renderPage } from '../../../../test/render';

const FINANCE_ME = {
  data: {
    me: {
      id: 'u2',
      name: 'Øyvind Økonomi',
      email: 'okonomi.bodo@samordna.example',
      grants: [{ role: 'FINANCE', kommunenummer: '1804', centreId: null, label: 'Økonomi, Bodø' }],
    },
  },
};
const CENTRES = {
  data: {
    crisisCentres: {
      items: [
        { id: 'c1', name: 'Krisesenteret i Salten', hostKommunenummer: '1804' },
        { id: 'c2', name: 'Helgeland krisesenter', hostKommunenummer: '1824' },
      ],
    },
  },
};
const member = (kommunenummer: string, name: string, role: string) => ({ kommunenummer, role, municipality: { name } });
const YEAR = (budget: object | null) => ({
  data: {
    crisisCentre: {
      id: 'c1',
      name: 'Krisesenteret i Salten',
      hostKommunenummer: '1804',
      members: [member('1804', 'Bodø', 'HOST'), member('1841', 'Fauske', 'PARTNER')],
    },
    centreBudgets: budget
      ? [
          {
            id: 'b1',
            year: 2027,
            version: 3,
            operatingCostOre: 1_600_000_000,
            stateFundingOre: 150_000_000,
            projectFundingOre: 50_000_000,
            actualOperatingCostOre: null,
            netOre: 1_400_000_000,
            note: null,
            isExample: false,
            ...budget,
          },
        ]
      : [],
    extraCharges: [],
    investments: [],
  },
});
const party = (kommunenummer: string, name: string, role: string, totalOre: number, population: number) => ({
  municipality: { kommunenummer, name },
  role,
  population,
  allocatedOre: totalOre,
  extraChargesOre: 0,
  totalOre,
  perInhabitantOre: Math.round(totalOre / population),
});
const DIST = {
  data: {
    costDistribution: {
      agreementId: 'a1',
      model: 'PER_INHABITANT_HOST_RESIDUAL',
      modelLabel: 'x',
      budgetOre: 1_400_000_000,
      hostInvestmentsOre: 0,
      hostDepreciationOre: 0,
      hostPerInhabitantWithInvestmentsOre: null,
      hostPartnerRatio: 2,
      hostPartnerRatioWithInvestments: null,
      extraChargesWithheld: false,
      isExample: false,
      parties: [
        party('1804', 'Bodø', 'HOST', 1_316_470_501, 53_712),
        party('1841', 'Fauske', 'PARTNER', 83_529_499, 9_827),
      ],
    },
    costSettlement: { budgetedNetOre: 1_400_000_000, actualNetOre: null, lines: [] },
  },
};
const page = (answers: Record<string, unknown>) =>
  renderPage(
    <FinancePage />,
    {
      Me: FINANCE_ME,
      FinanceCentres: CENTRES,
      FinanceYear: YEAR({}),
      FinanceDistribution: DIST,
      FinanceAgreement: 'pending',
      AuditLog: 'pending',
      ...answers,
    } as never,
    { route: '/?aar=2027' },
  );

it('offers only the centres whose host the user does finance for', async () => {
  page({});
  const select = await screen.findByLabelText('Krisesenter');
  expect(
    within(select)
      .getAllByRole('option')
      .map((o) => o.textContent),
  ).toEqual(['Krisesenteret i Salten']);
});

it('the invoice plan on screen: four quarters per partner with due dates and a sum row equal to the partners’ totals', async () => {
  page({});
  const plan = await screen.findByTestId('invoice-plan');
  const rows = within(plan)
    .getAllByRole('row')
    .map((r) => r.textContent!.replace(/\s/g, ' '));
  expect(rows.slice(1, 5)).toEqual([
    'Fauske1.31.03.2027kr 208 823,75',
    'Fauske2.30.06.2027kr 208 823,75',
    'Fauske3.30.09.2027kr 208 823,75',
    'Fauske4.31.12.2027kr 208 823,74',
  ]);
  expect(within(plan).getByTestId('invoice-sum')).toHaveTextContent('Sumkr 835 294,99');
});

it('the net budget follows what is typed; letters are refused at the field in kroner and nothing is sent', async () => {
  const { calls } = page({});
  const gross = await screen.findByLabelText('Brutto driftskostnad (kr)');
  await userEvent.clear(gross);
  await userEvent.type(gross, '17 000 000');
  expect(screen.getByTestId('net-budget')).toHaveTextContent('Nettobudsjett som fordeles: kr 15 000 000,00');
  await userEvent.clear(screen.getByLabelText('Statlige tilskudd (kr)'));
  await userEvent.type(screen.getByLabelText('Statlige tilskudd (kr)'), 'mye');
  await userEvent.click(screen.getByRole('button', { name: 'Lagre budsjettet' }));
  expect(
    await screen.findByText('Tilskuddene må være et beløp i kroner, for eksempel 120 eller 120,50.'),
  ).toBeInTheDocument();
  expect(calls.filter((c) => c.name === 'SetBudget')).toHaveLength(0);
});

it('saves against the version seen; someone else’s save first is said and the figures reload', async () => {
  const sent: any[] = [];
  const { calls } = page({
    SetBudget: (v: any) => (
      sent.push(v),
      gqlError('Noen andre har endret budsjettet etter at du åpnet det.', { code: 'CONFLICT', currentVersion: 4 })
    ),
  });
  await userEvent.click(await screen.findByRole('button', { name: 'Lagre budsjettet' }));
  expect(await screen.findByText(/Budsjettet er endret av en annen siden du åpnet det/)).toBeInTheDocument();
  expect(sent[0]).toMatchObject({
    expectedVersion: 3,
    input: { operatingCostOre: 1_600_000_000, stateFundingOre: 150_000_000, projectFundingOre: 50_000_000 },
  });
  expect(calls.filter((c) => c.name === 'FinanceYear').length).toBeGreaterThan(1);
});

it('the settlement: empty until the actual cost is entered', async () => {
  page({});
  expect(
    await screen.findByText('Fyll inn faktisk driftskostnad i budsjettet for å se årsoppgjøret.'),
  ).toBeInTheDocument();
});
