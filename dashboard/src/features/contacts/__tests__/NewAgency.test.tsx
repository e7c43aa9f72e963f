import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { formatDate, todayInNorway } from '@samordna/domain';
import ContactsPage from '../ContactsPage';
import { gqlError, renderPage } from '../../../../test/render';

const OPTIONS = {
  data: {
    municipalities: [{ kommunenummer: '1841', name: 'Fauske', county: { name: 'Nordland' } }],
    crisisCentres: { items: [{ id: 'c1', name: 'Krisesenteret i Salten' }] },
  },
};
const contact = {
  id: 'k1',
  version: 1,
  name: 'Kari Nordmann',
  title: null,
  phone: '+47 00 00 00 01',
  email: null,
  isContactPoint: true,
  verifiedAt: '2026-01-01T10:00:00.000Z',
  verifiedBy: 'X',
  stale: false,
  isExample: false,
};
const withNav = {
  data: {
    municipality: { kommunenummer: '1841', centreMemberships: [] },
    agencies: {
      items: [
        { id: 'a1', kind: 'NAV', name: 'NAV Fauske', writtenAgreement: false, isExample: false, contacts: [contact] },
      ],
    },
  },
};
const none = { data: { municipality: { kommunenummer: '1841', centreMemberships: [] }, agencies: { items: [] } } };

it('«Ny etat» on a municipality with no agencies: the kind names the agency, and agency and first contact go in one call', async () => {
  const sent: any[] = [];
  renderPage(
    <ContactsPage />,
    {
      ContactOptions: OPTIONS,
      MunicipalityContacts: none,
      CreateAgencyWithContact: (v: any) => (
        sent.push(v),
        { data: { createAgencyWithContact: { id: 'k9', agency: { id: 'a9' } } } }
      ),
    },
    { route: '/kontakter?kommune=1841' },
  );
  expect(await screen.findByText('Ingen etater er registrert for Fauske ennå.')).toBeInTheDocument();
  await userEvent.click(screen.getByRole('button', { name: '+ Ny etat' }));
  const form = screen.getByTestId('new-agency-form');
  expect(within(form).getByLabelText('Etatens navn')).toHaveValue('NAV Fauske');
  await userEvent.selectOptions(within(form).getByLabelText('Type etat'), 'BARNEVERN');
  expect(within(form).getByLabelText('Etatens navn')).toHaveValue('Barnevern Fauske');
  await userEvent.type(within(form).getByLabelText('Navn'), 'Berit Barnevern');
  await userEvent.type(within(form).getByLabelText('Telefon'), '+47 00 00 00 02');
  await userEvent.click(within(form).getByRole('button', { name: 'Lagre' }));
  expect(sent).toEqual([
    {
      input: {
        kommunenummer: '1841',
        kind: 'BARNEVERN',
        name: 'Barnevern Fauske',
        contact: { name: 'Berit Barnevern', title: null, phone: '+47 00 00 00 02', email: null, isContactPoint: false },
      },
    },
  ]);
  expect(await screen.findByText('Etaten og kontaktpersonen er lagret.')).toBeInTheDocument();
});

it('shows every refused field of «Ny etat» at its own field: the agency name and the contact fields apart', async () => {
  renderPage(
    <ContactsPage />,
    {
      ContactOptions: OPTIONS,
      MunicipalityContacts: withNav,
      CreateAgencyWithContact: gqlError('Navn må fylles ut.', {
        code: 'BAD_USER_INPUT',
        field: 'input.name',
        fields: [
          { field: 'input.name', message: 'Navn må fylles ut.' },
          { field: 'input.contact.email', message: 'E-postadressen er ikke gyldig.' },
        ],
      }),
    },
    { route: '/kontakter?kommune=1841' },
  );
  await userEvent.click(await screen.findByRole('button', { name: '+ Ny etat' }));
  const form = screen.getByTestId('new-agency-form');
  await userEvent.clear(within(form).getByLabelText('Etatens navn'));
  await userEvent.click(within(form).getByRole('button', { name: 'Lagre' }));
  expect(await within(form).findByText('E-postadressen er ikke gyldig.')).toBeInTheDocument();
  expect(within(form).getByLabelText('E-post')).toHaveAttribute('aria-invalid', 'true');
  expect(within(form).getByLabelText('Etatens navn')).toHaveAttribute('aria-invalid', 'true');
  expect(within(form).getByLabelText('Navn')).not.toHaveAttribute('aria-invalid', 'true');
});

it('a gap link (?ny=KIND) opens «Ny etat» with the missing kind chosen, or a new contact at the agency the municipality has', async () => {
  const { unmount } = renderPage(
    <ContactsPage />,
    { ContactOptions: OPTIONS, MunicipalityContacts: withNav },
    { route: '/kontakter?kommune=1841&ny=POLICE' },
  );
  const form = await screen.findByTestId('new-agency-form');
  expect(within(form).getByLabelText('Type etat')).toHaveValue('POLICE');
  expect(within(form).getByLabelText('Etatens navn')).toHaveValue('Politi Fauske');
  unmount();
  const created: any[] = [];
  renderPage(
    <ContactsPage />,
    {
      ContactOptions: OPTIONS,
      MunicipalityContacts: withNav,
      CreateContact: (v: any) => (created.push(v), { data: { createContact: { id: 'k2' } } }),
    },
    { route: '/kontakter?kommune=1841&ny=NAV' },
  );
  const dialog = (await screen.findByRole('heading', { name: 'Kontaktperson' })).closest('dialog')!;
  expect(dialog).toHaveAttribute('open');
  expect(screen.queryByTestId('new-agency-form')).not.toBeInTheDocument();
  await userEvent.type(within(dialog).getByLabelText('Navn'), 'Nils NAV');
  await userEvent.click(within(dialog).getByRole('button', { name: 'Lagre' }));
  expect(created[0].input).toMatchObject({ agencyId: 'a1', name: 'Nils NAV' });
});

it("the centre view's gap names the missing agencies with a link each to add one", async () => {
  renderPage(
    <ContactsPage />,
    {
      ContactOptions: OPTIONS,
      CentreContacts: {
        data: {
          centreCoverage: {
            centreName: 'Krisesenteret i Salten',
            rows: [
              {
                municipality: { kommunenummer: '1841', name: 'Fauske' },
                codes: ['NO_KEY_CONTACT'],
                missingKeyAgencies: ['NAV', 'POLICE'],
                staleContacts: 0,
              },
            ],
          },
        },
      },
    },
    { route: '/kontakter?senter=c1' },
  );
  const table = await screen.findByTestId('centre-contacts');
  expect(within(table).getByText('Mangler kontaktperson i NAV, Politi')).toBeInTheDocument();
  expect(within(table).getByRole('link', { name: 'Legg til Politi i Fauske' })).toHaveAttribute(
    'href',
    '/kontakter?kommune=1841&ny=POLICE',
  );
});

it('the printout names the municipality and the date (nb-NO)', async () => {
  renderPage(
    <ContactsPage />,
    { ContactOptions: OPTIONS, MunicipalityContacts: withNav },
    { route: '/kontakter?kommune=1841' },
  );
  const header = await screen.findByTestId('print-header');
  expect(header).toHaveTextContent(`Kontakter · Fauske · skrevet ut ${formatDate(todayInNorway())}`);
  expect(header.textContent).toMatch(/\d{2}\.\d{2}\.\d{4}$/);
  expect(header).toHaveClass('print-only');
});
