import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Simulator } from '../Simulator';
import { gqlError, networkError, renderPage, type Answer } from '../../../../test/render';

const PARTIES = [
  { kommunenummer: '1824', name: 'Vefsn', role: 'HOST' },
  { kommunenummer: '1832', name: 'Hemnes', role: 'PARTNER' },
];
const simulator = (answer: Answer) =>
  renderPage(<Simulator centreId="c1" year={2026} parties={PARTIES} municipalities={[{ kommunenummer: '1833', name: 'Rana' }]} />, { Simulate: answer });

it('shows a refusal about a municipality joining at the list it was chosen in', async () => {
  simulator(gqlError('Rana er allerede part.', { code: 'BAD_USER_INPUT', field: 'input.addMunicipalities.0' }));
  await userEvent.selectOptions(screen.getByLabelText('Kommune som blir med'), '1833');
  await userEvent.click(screen.getByRole('button', { name: 'Beregn' }));
  expect(await screen.findByText('Rana er allerede part.')).toBeInTheDocument();
  expect(screen.getByLabelText('Kommune som blir med')).toHaveAttribute('aria-invalid', 'true');
});

it('shows refusals with no field of their own above the form', async () => {
  simulator(gqlError('Vertskommunen kan ikke tas ut av sin egen avtale i en simulering.', { code: 'BAD_USER_INPUT', field: 'input.removeMunicipalities.0' }));
  await userEvent.click(screen.getByRole('button', { name: 'Beregn' }));
  expect(await screen.findByText('Vertskommunen kan ikke tas ut av sin egen avtale i en simulering.')).toBeInTheDocument();
});

it("shows what is wrong with the chosen model's rate at the rate", async () => {
  simulator(gqlError('Prisen per innbygger må være et ikke-negativt helt antall øre.', { code: 'BAD_USER_INPUT', field: 'input.terms.rateOre' }));
  await userEvent.type(screen.getByLabelText('Sats per innbygger (kr)'), '-5');
  await userEvent.click(screen.getByRole('button', { name: 'Beregn' }));
  expect(await screen.findByText('Prisen per innbygger må være et ikke-negativt helt antall øre.')).toBeInTheDocument();
  expect(screen.getByLabelText('Sats per innbygger (kr)')).toHaveAttribute('aria-invalid', 'true');
});

it('says when the server cannot be reached', async () => {
  simulator(networkError());
  await userEvent.click(screen.getByRole('button', { name: 'Beregn' }));
  expect(await screen.findByText(/Får ikke kontakt med tjeneren/)).toBeInTheDocument();
});
