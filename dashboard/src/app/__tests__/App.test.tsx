import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Shell } from '../App';
import { networkError, renderPage } from '../../../test/render';

it('says so when signing out fails, and stays signed in', async () => {
  renderPage(<Shell />, { Logout: networkError() }, { route: '/finnes-ikke' });
  const menu = await screen.findByTestId('user-menu');
  await userEvent.click(within(menu).getByRole('button', { name: 'Logg ut' }));
  expect(await within(menu).findByRole('alert')).toHaveTextContent('Får ikke kontakt med tjeneren');
  expect(within(menu).getByText('Ada Administrator')).toBeInTheDocument();
});
