import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ContactsPage from '../ContactsPage';
import { ANONYMOUS, gqlError, networkError, renderPage } from '../../../../test/render';

const OPTIONS = {
  data: {
    municipalities: [{ kommunenummer: '1841', name: 'Fauske' }],
    crisisCentres: { items: [{ id: 'c1', name: 'Krisesenteret i Salten' }] },
  },
};
const STALE = {
  data: {
    contacts: {
      totalCount: 1,
      items: [
        {
          id: 'k1',
          name: 'Kari Nordmann',
          title: null,
          verifiedAt: '2024-12-31T23:30:00.000Z',
          agency: { name: 'NAV Fauske', municipality: { kommunenummer: '1841', name: 'Fauske' } },
        },
      ],
    },
  },
};

it('the list of unverified contacts says when it cannot be fetched, and offers to try again', async () => {
  const { calls } = renderPage(
    <ContactsPage />,
    { ContactOptions: OPTIONS, StaleContacts: networkError() },
    { route: '/kontakter?ubekreftet=1' },
  );
  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent('Får ikke kontakt med tjeneren');
  await userEvent.click(within(alert).getByRole('button', { name: 'Prøv igjen' }));
  expect(calls.filter((c) => c.name === 'StaleContacts')).toHaveLength(2);
});

it('the list of unverified contacts shows the Oslo date and keeps «Bekreft valgte» from anonymous readers', async () => {
  renderPage(
    <ContactsPage />,
    { Me: ANONYMOUS, ContactOptions: OPTIONS, StaleContacts: STALE },
    { route: '/kontakter?ubekreftet=1' },
  );
  const table = await screen.findByTestId('stale-table');
  expect(within(table).getAllByRole('row')).toHaveLength(2);
  expect(within(table).getByText('01.01.2025')).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: /Bekreft valgte/ })).not.toBeInTheDocument();
  expect(screen.getByText('Logg inn for å endre.')).toBeInTheDocument();
});

it('the verify dialog shows a refusal that belongs to no field on it', async () => {
  renderPage(
    <ContactsPage />,
    {
      ContactOptions: OPTIONS,
      StaleContacts: STALE,
      VerifyContacts: gqlError('Fant ikke 1 av kontaktpersonene: k1.', { code: 'BAD_USER_INPUT', field: 'ids' }),
    },
    { route: '/kontakter?ubekreftet=1' },
  );
  await userEvent.click(await screen.findByRole('checkbox', { name: 'Velg Kari Nordmann' }));
  await userEvent.click(screen.getByRole('button', { name: 'Bekreft valgte (1)' }));
  const dialog = screen.getByRole('dialog');
  await userEvent.type(within(dialog).getByLabelText('Bekreftet av'), 'Lise Leder');
  await userEvent.click(within(dialog).getByRole('button', { name: 'Bekreft' }));
  expect(await within(dialog).findByText('Fant ikke 1 av kontaktpersonene: k1.')).toBeInTheDocument();
});

it('the verify dialog says when the server cannot be reached', async () => {
  renderPage(
    <ContactsPage />,
    { ContactOptions: OPTIONS, StaleContacts: STALE, VerifyContacts: networkError() },
    { route: '/kontakter?ubekreftet=1' },
  );
  await userEvent.click(await screen.findByRole('checkbox', { name: 'Velg Kari Nordmann' }));
  await userEvent.click(screen.getByRole('button', { name: 'Bekreft valgte (1)' }));
  const dialog = screen.getByRole('dialog');
  await act(async () => userEvent.click(within(dialog).getByRole('button', { name: 'Bekreft' })));
  expect(await within(dialog).findByText(/Får ikke kontakt med tjeneren/)).toBeInTheDocument();
});

it('the centre view says when it cannot be fetched, and when the centre has no members', async () => {
  const { unmount } = renderPage(
    <ContactsPage />,
    { ContactOptions: OPTIONS, CentreContacts: gqlError('Fant ikke krisesenteret.', { code: 'NOT_FOUND' }) },
    { route: '/kontakter?senter=c1' },
  );
  expect(await screen.findByRole('alert')).toHaveTextContent('Fant ikke krisesenteret.');
  unmount();
  renderPage(
    <ContactsPage />,
    {
      ContactOptions: OPTIONS,
      CentreContacts: { data: { centreCoverage: { centreName: 'Krisesenteret i Salten', rows: [] } } },
    },
    { route: '/kontakter?senter=c1' },
  );
  expect(await screen.findByText('Krisesenteret i Salten har ingen medlemskommuner registrert.')).toBeInTheDocument();
  expect(screen.queryByTestId('centre-contacts')).not.toBeInTheDocument();
});

it('says when the municipalities and centres to choose from cannot be fetched', async () => {
  renderPage(<ContactsPage />, { ContactOptions: networkError() });
  expect(await screen.findByRole('alert')).toHaveTextContent('Får ikke kontakt med tjeneren');
});
