import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Simulator } from '../Simulator';
import { chooseMunicipality, gqlError, networkError, renderPage, type Answer } from '../../../../test/render';

const PARTIES = [
  { kommunenummer: '1824', name: 'Vefsn', role: 'HOST' },
  { kommunenummer: '1832', name: 'Hemnes', role: 'PARTNER' },
];
const simulator = (
  answer: Answer | ((v: any) => Answer),
  currentModel: 'PER_INHABITANT_HOST_RESIDUAL' | 'FIXED_SHARES' = 'PER_INHABITANT_HOST_RESIDUAL',
) =>
  renderPage(
    <Simulator
      centreId="c1"
      year={2026}
      currentModel={currentModel}
      parties={PARTIES}
      municipalities={[{ kommunenummer: '1833', name: 'Rana' }]}
    />,
    { Simulate: answer },
  );

const party = (
  kommunenummer: string,
  name: string,
  role: string,
  beforeOre: number,
  afterOre: number,
  popul: number,
) => ({
  municipality: { kommunenummer, name },
  role,
  beforeOre,
  afterOre,
  differenceOre: afterOre - beforeOre,
  beforePerInhabitantOre: Math.round(beforeOre / popul),
  afterPerInhabitantOre: Math.round(afterOre / popul),
});
/** A budget of kr 1 000 000,01 shared two ways; the parts after sum to it to the øre. */
const RESULT = {
  data: {
    simulateCostSharing: {
      differences: [
        party('1824', 'Vefsn', 'HOST', 60_000_001, 55_000_001, 13_000),
        party('1832', 'Hemnes', 'PARTNER', 40_000_000, 45_000_000, 4_500),
      ],
      before: {
        budgetOre: 100_000_001,
        model: 'PER_INHABITANT_HOST_RESIDUAL',
        parties: [
          { allocatedOre: 60_000_001, extraChargesOre: 0 },
          { allocatedOre: 40_000_000, extraChargesOre: 0 },
        ],
      },
      after: {
        budgetOre: 100_000_001,
        model: 'PER_INHABITANT_HOST_RESIDUAL',
        hostPartnerRatio: 1,
        ratioFlag: false,
        parties: [
          { allocatedOre: 55_000_001, extraChargesOre: 0 },
          { allocatedOre: 45_000_000, extraChargesOre: 0 },
        ],
      },
      peerRates: [],
      noteCodes: [],
    },
  },
};
const calculate = () => userEvent.click(screen.getByRole('button', { name: 'Beregn' }));

it('«Som i avtalen» with a new rate sends the agreement’s model with that rate', async () => {
  const sent: any[] = [];
  simulator((v) => (sent.push(v.input), RESULT));
  await userEvent.type(screen.getByLabelText('Sats per innbygger (kr)'), '90,50');
  await calculate();
  await screen.findByTestId('simulation-result');
  expect(sent[0].terms).toEqual({ model: 'PER_INHABITANT_HOST_RESIDUAL', rateOre: 9_050 });
});

it('«Som i avtalen» with nothing typed sends no terms', async () => {
  const sent: any[] = [];
  simulator((v) => (sent.push(v.input), RESULT));
  await calculate();
  await screen.findByTestId('simulation-result');
  expect(sent[0].terms).toBeNull();
});

it.each([
  ['abc', 'Prisen per innbygger må være et beløp i kroner, for eksempel 120 eller 120,50.'],
  ['-5', 'Prisen per innbygger kan ikke være negativ.'],
  ['1,005', 'Prisen per innbygger kan ha høyst to desimaler (kr 0,01).'],
])('a rate of %p is refused at the field, in kroner, and nothing is sent', async (typed, message) => {
  const { calls } = simulator(RESULT);
  await userEvent.type(screen.getByLabelText('Sats per innbygger (kr)'), typed);
  await calculate();
  expect(await screen.findByText(message)).toBeInTheDocument();
  expect(message).not.toMatch(/øre/);
  expect(screen.getByLabelText('Sats per innbygger (kr)')).toHaveAttribute('aria-invalid', 'true');
  expect(calls.filter((c) => c.name === 'Simulate')).toHaveLength(0);
});

const RATE_EN = 'Rate per inhabitant (kr)';

it('refuses typed values in English when English is chosen (the dashboard words the check, not the domain)', async () => {
  localStorage.setItem('samordna.locale', 'en');
  try {
    const { calls } = simulator(RESULT);
    await userEvent.type(await screen.findByLabelText(RATE_EN), '-5');
    await userEvent.click(screen.getByRole('button', { name: 'Calculate' }));
    expect(await screen.findByText('The rate per inhabitant cannot be negative.')).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/kan ikke være negativ/);
    expect(calls.filter((c) => c.name === 'Simulate')).toHaveLength(0);
  } finally {
    localStorage.removeItem('samordna.locale');
  }
});

it('an investment of «abc» is refused at its field', async () => {
  simulator(RESULT);
  await userEvent.type(screen.getByLabelText('Ny investering (kr)'), 'abc');
  await calculate();
  expect(
    await screen.findByText('Investeringen må være et beløp i kroner, for eksempel 120 eller 120,50.'),
  ).toBeInTheDocument();
});

it('«eget beløp for vertskommunen»: the host rate alone is sent as the host rate; both are refused at the share', async () => {
  const sent: any[] = [];
  simulator((v) => (sent.push(v.input), RESULT));
  await userEvent.selectOptions(screen.getByLabelText('Modell'), 'HOST_EXCEPTION');
  expect(screen.queryByLabelText('Sats per innbygger (kr)')).not.toBeInTheDocument();
  await userEvent.type(screen.getByLabelText('Vertskommunens pris per innbygger (kr)'), '300');
  await calculate();
  await screen.findByTestId('simulation-result');
  expect(sent[0].terms).toEqual({ model: 'HOST_EXCEPTION', hostRateOre: 30_000 });
  await userEvent.type(screen.getByLabelText('Vertskommunens andel (%)'), '40');
  await calculate();
  expect(
    await screen.findByText('Oppgi enten vertskommunens pris per innbygger eller dens andel, ikke begge.'),
  ).toBeInTheDocument();
  expect(sent).toHaveLength(1);
});

it('«Grunnbeløp + per innbygger» has a field for the base, which is sent', async () => {
  const sent: any[] = [];
  simulator((v) => (sent.push(v.input), RESULT));
  await userEvent.selectOptions(screen.getByLabelText('Modell'), 'BASE_PLUS_PER_INHABITANT');
  await userEvent.type(screen.getByLabelText('Grunnbeløp per kommune (kr)'), '100 000');
  await calculate();
  await screen.findByTestId('simulation-result');
  expect(sent[0].terms).toEqual({ model: 'BASE_PLUS_PER_INHABITANT', baseOre: 10_000_000 });
});

it('a new model without its base: the server’s refusal (in kroner) lands at the base field', async () => {
  simulator(
    gqlError('Oppgi grunnbeløpet per kommune i kroner.', { code: 'BAD_USER_INPUT', field: 'input.terms.baseOre' }),
  );
  await userEvent.selectOptions(screen.getByLabelText('Modell'), 'BASE_PLUS_PER_INHABITANT');
  await calculate();
  expect(await screen.findByText('Oppgi grunnbeløpet per kommune i kroner.')).toBeInTheDocument();
  expect(screen.getByLabelText('Grunnbeløp per kommune (kr)')).toHaveAttribute('aria-invalid', 'true');
});

it('the result: summary, before/after per inhabitant, a total row equal to the budget to the øre', async () => {
  simulator(RESULT);
  await calculate();
  const result = await screen.findByTestId('simulation-result');
  expect(within(result).getByTestId('simulation-summary')).toHaveTextContent(
    /vertskommunen betaler kr 50 000,00 mindre/,
  );
  expect(within(result).getByRole('columnheader', { name: 'Per innbygger etter' })).toBeInTheDocument();
  expect(within(screen.getByTestId('simulation-total')).getAllByRole('cell')[1]).toHaveTextContent('kr 1 000 000,01');
  expect(result).toHaveTextContent('Sum etter: budsjettet kr 1 000 000,01 fordelt til siste øre.');
});

it('marks an old result stale when the inputs change, and fresh again after a new calculation', async () => {
  simulator(RESULT);
  await calculate();
  const result = await screen.findByTestId('simulation-result');
  expect(result).toHaveAttribute('data-stale', 'false');
  await userEvent.type(screen.getByLabelText('Sats per innbygger (kr)'), '1');
  expect(screen.getByTestId('simulation-stale')).toHaveTextContent(/gjelder de forrige valgene/);
  await calculate();
  await screen.findByTestId('simulation-result');
  expect(screen.queryByTestId('simulation-stale')).not.toBeInTheDocument();
});

it('a model whose parameters are lists says they are set in the agreement', async () => {
  simulator(RESULT, 'FIXED_SHARES');
  expect(
    screen.getByText('Andelene eller beløpene i «Faste prosentandeler» settes i avtalen, ikke her.'),
  ).toBeInTheDocument();
});

it('shows a refusal about a municipality joining at the list it was chosen in', async () => {
  simulator(gqlError('Rana er allerede part.', { code: 'BAD_USER_INPUT', field: 'input.addMunicipalities.0' }));
  await chooseMunicipality(screen.getByRole('combobox', { name: 'Kommune som blir med' }), 'Rana');
  await calculate();
  expect(await screen.findByText('Rana er allerede part.')).toBeInTheDocument();
  expect(screen.getByRole('combobox', { name: 'Kommune som blir med' })).toHaveAttribute('aria-invalid', 'true');
});

it('shows refusals with no field of their own above the form', async () => {
  simulator(
    gqlError('Vertskommunen kan ikke tas ut av sin egen avtale i en simulering.', {
      code: 'BAD_USER_INPUT',
      field: 'input.removeMunicipalities.0',
    }),
  );
  await calculate();
  expect(
    await screen.findByText('Vertskommunen kan ikke tas ut av sin egen avtale i en simulering.'),
  ).toBeInTheDocument();
});

it('says when the server cannot be reached', async () => {
  simulator(networkError());
  await calculate();
  expect(await screen.findByText(/Får ikke kontakt med tjeneren/)).toBeInTheDocument();
});
