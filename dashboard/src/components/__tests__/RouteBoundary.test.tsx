import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nProvider } from '../../i18n/i18n';
import { isChunkLoadError, RouteBoundary } from '../RouteBoundary';

let fail = true;
function Flaky() {
  if (fail) throw new Error('boom');
  return <h1>Kostnader</h1>;
}
function ChunkGone(): never {
  throw new TypeError('Failed to fetch dynamically imported module: http://localhost:4000/assets/CostsPage-abc.js');
}

beforeEach(() => jest.spyOn(console, 'error').mockImplementation(() => undefined));
afterEach(() => jest.restoreAllMocks());

it('shows a page that threw as an error with «Prøv igjen», and draws the page again when asked', async () => {
  fail = true;
  render(
    <I18nProvider>
      <RouteBoundary>
        <Flaky />
      </RouteBoundary>
    </I18nProvider>,
  );
  expect(screen.getByRole('alert')).toHaveTextContent('Siden kunne ikke vises.');
  fail = false;
  await userEvent.click(screen.getByRole('button', { name: 'Prøv igjen' }));
  expect(screen.getByRole('heading', { name: 'Kostnader' })).toBeInTheDocument();
});

it('offers a reload when the page’s code cannot be downloaded, and says so while the server is still away', async () => {
  const fetchMock = jest.fn().mockRejectedValue(new TypeError('Failed to fetch'));
  (globalThis as { fetch?: unknown }).fetch = fetchMock;
  render(
    <I18nProvider>
      <RouteBoundary>
        <ChunkGone />
      </RouteBoundary>
    </I18nProvider>,
  );
  expect(screen.getByRole('alert')).toHaveTextContent('kunne ikke lastes ned');
  await userEvent.click(screen.getByRole('button', { name: 'Last inn siden på nytt' }));
  expect(await screen.findByText('Får fortsatt ikke kontakt med tjeneren. Prøv igjen om litt.')).toBeInTheDocument();
  expect(fetchMock).toHaveBeenCalledWith('/healthz', { cache: 'no-store' });
});

it.each([
  ['Failed to fetch dynamically imported module: /assets/x.js', true],
  ['Importing a module script failed.', true],
  ['error loading dynamically imported module', true],
  ['Cannot read properties of undefined', false],
])('isChunkLoadError(%j) is %s', (message, expected) => {
  expect(isChunkLoadError(new TypeError(message))).toBe(expected);
});
