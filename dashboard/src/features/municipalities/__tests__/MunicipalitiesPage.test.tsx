import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Provider, type Client } from 'urql';
import { concat, fromValue, never } from 'wonka';
import { CombinedError } from '@urql/core';
import { getOperationAST, type DocumentNode } from 'graphql';
import { I18nProvider } from '../../../i18n/i18n';
import { MunicipalitiesPage } from '../MunicipalitiesPage';

const COUNTIES = {
  counties: [
    { number: '03', name: 'Oslo' },
    { number: '18', name: 'Nordland' },
  ],
};
const NORDLAND = {
  municipalities: [
    {
      kommunenummer: '1804',
      name: 'Bodø',
      samiName: null,
      population: { year: 2024, population: 53712 },
      centreMemberships: [
        { id: 'm1', role: 'HOST', centre: { id: 'c1', name: 'Krisesenteret i Salten', isExample: false } },
      ],
    },
    {
      kommunenummer: '1833',
      name: 'Rana',
      samiName: null,
      population: { year: 2024, population: 26426 },
      centreMemberships: [],
    },
  ],
};

type Answer = { data?: unknown; error?: CombinedError } | 'pending';

function mockClient(answers: Record<string, Answer>) {
  const calls: { name: string; variables: any }[] = [];
  const client = {
    executeQuery: jest.fn((request: { key: number; query: DocumentNode; variables: unknown }, context?: object) => {
      const name = getOperationAST(request.query)?.name?.value ?? '';
      calls.push({ name, variables: request.variables });
      const answer = answers[name];
      if (answer === 'pending' || answer === undefined) return never;
      // The result must carry the operation it answers (urql matches results to requests by key).
      const operation = { ...request, kind: 'query', context: context ?? {} };
      // A real client's stream stays open after the result; one that ends resets urql's state.
      return concat([fromValue({ ...answer, operation, stale: false, hasNext: false }), never]);
    }),
  } as unknown as Client;
  return { client, calls };
}

function renderPage(answers: Record<string, Answer>) {
  const mock = mockClient(answers);
  render(
    <Provider value={mock.client}>
      <I18nProvider>
        <MunicipalitiesPage />
      </I18nProvider>
    </Provider>,
  );
  return mock;
}

beforeEach(() => window.history.replaceState(null, '', '/'));

it('asks for a county before listing anything', () => {
  const { calls } = renderPage({ Counties: { data: COUNTIES } });
  expect(screen.getByText('Velg et fylke eller søk etter en kommune.')).toBeInTheDocument();
  expect(calls.map((c) => c.name)).toEqual(['Counties']);
  expect(screen.getByRole('option', { name: 'Nordland (18)' })).toBeInTheDocument();
});

it('lists the municipalities of the chosen county with nb-NO population and the centre', async () => {
  const { calls } = renderPage({ Counties: { data: COUNTIES }, MunicipalitiesOfCounty: { data: NORDLAND } });
  await userEvent.selectOptions(screen.getByLabelText('Fylke'), '18');

  const table = await screen.findByTestId('municipality-table');
  const rows = within(table).getAllByRole('row');
  expect(rows).toHaveLength(3); // header + 2
  expect(within(rows[1]).getByText('Bodø')).toBeInTheDocument();
  expect(within(rows[1]).getAllByRole('cell')[2].textContent).toBe('53\u00a0712'); // nb-NO: non-breaking space
  expect(within(rows[1]).getByText('vertskommune')).toBeInTheDocument();
  expect(within(rows[2]).getByText('Ikke registrert')).toBeInTheDocument();
  expect(screen.getByTestId('municipality-summary').textContent).toBe('2 kommuner, til sammen 80\u00a0138 innbyggere');
  expect(calls.find((c) => c.name === 'MunicipalitiesOfCounty')!.variables).toEqual({
    countyNumber: '18',
    search: null,
  });
  expect(window.location.search).toBe('?fylke=18');
});

it('shows progress while the list loads', async () => {
  renderPage({ Counties: { data: COUNTIES }, MunicipalitiesOfCounty: 'pending' });
  await userEvent.selectOptions(screen.getByLabelText('Fylke'), '18');
  expect(screen.getByRole('status')).toHaveTextContent('Henter kommuner');
});

it('says so when nothing matches', async () => {
  window.history.replaceState(null, '', '/?fylke=18');
  renderPage({ Counties: { data: COUNTIES }, MunicipalitiesOfCounty: { data: { municipalities: [] } } });
  expect(await screen.findByText('Ingen kommuner passer til søket.')).toBeInTheDocument();
});

it('shows the server error and offers to try again', async () => {
  window.history.replaceState(null, '', '/?fylke=18');
  renderPage({
    Counties: { data: COUNTIES },
    MunicipalitiesOfCounty: { error: new CombinedError({ networkError: new Error('Failed to fetch') }) },
  });
  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent('Får ikke kontakt med tjeneren');
  expect(within(alert).getByRole('button', { name: 'Prøv igjen' })).toBeInTheDocument();
});

it('searches the whole country without a county', async () => {
  const { calls } = renderPage({ Counties: { data: COUNTIES }, MunicipalitiesOfCounty: { data: NORDLAND } });
  await userEvent.type(screen.getByRole('searchbox', { name: 'Søk etter kommune' }), 'Bod');
  expect(await screen.findByTestId('municipality-table')).toBeInTheDocument();
  expect(calls.filter((c) => c.name === 'MunicipalitiesOfCounty').at(-1)!.variables).toEqual({
    countyNumber: null,
    search: 'Bod',
  });
});
