import { screen, waitFor, within } from '@testing-library/react';
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

it('has a 404 page with a heading and a way back, and the tab title follows the heading', async () => {
  renderPage(<Shell />, {}, { route: '/finnes-ikke' });
  expect(await screen.findByRole('heading', { level: 1, name: 'Fant ikke siden' })).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'Gå til forsiden' })).toHaveAttribute('href', '/');
  await waitFor(() => expect(document.title).toBe('Fant ikke siden – Samordna'));
});

it('folds the menu behind a button that says whether it is open', async () => {
  renderPage(<Shell />, {}, { route: '/finnes-ikke' });
  const button = screen.getByRole('button', { name: 'Meny' });
  expect(button).toHaveAttribute('aria-expanded', 'false');
  await userEvent.click(button);
  expect(button).toHaveAttribute('aria-expanded', 'true');
  expect(document.getElementById('main-menu')).toHaveAttribute('data-open', 'true');
  await userEvent.keyboard('{Escape}');
  expect(button).toHaveAttribute('aria-expanded', 'false');
  expect(button).toHaveFocus();
});

it('remembers English in this browser', async () => {
  localStorage.removeItem('samordna.locale');
  const first = renderPage(<Shell />, {}, { route: '/finnes-ikke' });
  await userEvent.click(screen.getByRole('button', { name: 'English' }));
  expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
  expect(document.documentElement.lang).toBe('en');
  first.unmount();
  renderPage(<Shell />, {}, { route: '/finnes-ikke' });
  expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
  localStorage.removeItem('samordna.locale');
});

it('stores the chosen language on the signed-in user (reminder e-mails use it), once per choice', async () => {
  localStorage.removeItem('samordna.locale');
  const { calls } = renderPage(
    <Shell />,
    { SetMyLanguage: { data: { setMyLanguage: 'NB' } } },
    { route: '/finnes-ikke' },
  );
  await screen.findByTestId('user-menu');
  const sent = () => calls.filter((c) => c.name === 'SetMyLanguage').map((c) => c.variables);
  await waitFor(() => expect(sent()).toEqual([{ language: 'NB' }]));
  await userEvent.click(screen.getByRole('button', { name: 'English' }));
  await waitFor(() => expect(sent()).toEqual([{ language: 'NB' }, { language: 'EN' }]));
  localStorage.removeItem('samordna.locale');
});

it('stores no language for an anonymous visitor', async () => {
  const { calls } = renderPage(<Shell />, { Me: { data: { me: null } } }, { route: '/finnes-ikke' });
  expect(await screen.findByRole('heading', { level: 1, name: 'Fant ikke siden' })).toBeInTheDocument();
  await userEvent.click(screen.getByRole('button', { name: 'English' }));
  await screen.findByRole('heading', { level: 1, name: 'Page not found' });
  expect(calls.filter((c) => c.name === 'SetMyLanguage')).toEqual([]);
  localStorage.removeItem('samordna.locale');
});
