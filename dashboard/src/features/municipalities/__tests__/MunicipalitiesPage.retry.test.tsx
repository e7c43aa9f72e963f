import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MunicipalitiesPage } from '../MunicipalitiesPage';
import { networkError, renderPage } from '../../../../test/render';

beforeEach(() => window.history.replaceState(null, '', '/'));

it('«Prøv igjen» fetches the counties again when they are what failed', async () => {
  let counties = 0;
  const { calls } = renderPage(<MunicipalitiesPage />, {
    Counties: () => (++counties === 1 ? networkError() : { data: { counties: [{ number: '18', name: 'Nordland' }] } }),
  });
  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent('Får ikke kontakt med tjeneren');
  await userEvent.click(within(alert).getByRole('button', { name: 'Prøv igjen' }));
  expect(await screen.findByRole('option', { name: 'Nordland (18)' })).toBeInTheDocument();
  expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  expect(calls.filter((c) => c.name === 'MunicipalitiesOfCounty')).toHaveLength(0);
});
