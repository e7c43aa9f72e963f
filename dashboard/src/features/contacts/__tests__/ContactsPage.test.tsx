import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ContactsPage from '../ContactsPage';
import { networkError, renderPage } from '../../../../test/render';

const OPTIONS = { data: { municipalities: [{ kommunenummer: '1841', name: 'Fauske' }], crisisCentres: { items: [] } } };

it('asks for a choice before showing anything', async () => {
  renderPage(<ContactsPage />, { ContactOptions: OPTIONS });
  expect(await screen.findByText(/Velg en kommune for å se etater og kontaktpersoner/)).toBeInTheDocument();
});

it('empty: no agencies registered', async () => {
  renderPage(
    <ContactsPage />,
    {
      ContactOptions: OPTIONS,
      MunicipalityContacts: {
        data: { municipality: { kommunenummer: '1841', centreMemberships: [] }, agencies: { items: [] } },
      },
    },
    { route: '/kontakter?kommune=1841' },
  );
  expect(await screen.findByText('Ingen etater er registrert for Fauske ennå.')).toBeInTheDocument();
});

it('error: says so', async () => {
  renderPage(
    <ContactsPage />,
    { ContactOptions: OPTIONS, MunicipalityContacts: networkError() },
    { route: '/kontakter?kommune=1841' },
  );
  expect(await screen.findByRole('alert')).toHaveTextContent('Får ikke kontakt');
});

it('shows contacts with the contact point and stale ones marked', async () => {
  renderPage(
    <ContactsPage />,
    {
      ContactOptions: OPTIONS,
      MunicipalityContacts: {
        data: {
          municipality: { kommunenummer: '1841', centreMemberships: [] },
          agencies: {
            items: [
              {
                id: 'a1',
                kind: 'NAV',
                name: 'NAV Fauske',
                writtenAgreement: true,
                isExample: true,
                contacts: [
                  {
                    id: 'k1',
                    version: 1,
                    name: 'Kari Nordmann',
                    title: 'Veileder',
                    phone: '+47 00 00 00 01',
                    email: 'kari@fauske.kommune.example',
                    isContactPoint: true,
                    verifiedAt: '2025-01-01T10:00:00.000Z',
                    verifiedBy: 'X',
                    stale: true,
                    isExample: true,
                  },
                ],
              },
            ],
          },
        },
      },
    },
    { route: '/kontakter?kommune=1841' },
  );
  const table = await screen.findByTestId('contact-table');
  expect(within(table).getByText('Kontaktpunkt')).toBeInTheDocument();
  expect(within(table).getByText('Ikke bekreftet på 6 mnd.')).toBeInTheDocument();
  expect(screen.getByText('Skriftlig samarbeidsavtale')).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Bekreft valgte (0)' })).toBeDisabled();
});

it('hides the edit controls from anonymous readers and says why', async () => {
  const { ANONYMOUS } = await import('../../../../test/render');
  renderPage(
    <ContactsPage />,
    {
      Me: ANONYMOUS,
      ContactOptions: OPTIONS,
      MunicipalityContacts: {
        data: {
          municipality: { kommunenummer: '1841', centreMemberships: [] },
          agencies: {
            items: [
              {
                id: 'a1',
                kind: 'NAV',
                name: 'NAV Fauske',
                writtenAgreement: false,
                isExample: false,
                contacts: [
                  {
                    id: 'k1',
                    version: 1,
                    name: 'Kari Nordmann',
                    title: null,
                    phone: null,
                    email: null,
                    isContactPoint: false,
                    verifiedAt: null,
                    verifiedBy: null,
                    stale: true,
                    isExample: false,
                  },
                ],
              },
            ],
          },
        },
      },
    },
    { route: '/kontakter?kommune=1841' },
  );
  await screen.findByTestId('contact-table');
  expect(screen.queryByRole('button', { name: 'Rediger Kari Nordmann' })).not.toBeInTheDocument();
  expect(screen.getAllByText('Logg inn for å endre.').length).toBeGreaterThan(0);
});

it('exports the contact list through the one CSV writer: a name that starts like a formula comes out as text', async () => {
  const blobs: Blob[] = [];
  const created = Object.assign(URL, {
    createObjectURL: (b: Blob) => (blobs.push(b), 'blob:x'),
    revokeObjectURL: () => undefined,
  });
  expect(created).toBe(URL);
  const clicked = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  renderPage(
    <ContactsPage />,
    {
      ContactOptions: OPTIONS,
      MunicipalityContacts: {
        data: {
          municipality: { kommunenummer: '1841', centreMemberships: [] },
          agencies: {
            items: [
              {
                id: 'a1',
                kind: 'NAV',
                name: '@NAV Fauske',
                writtenAgreement: false,
                isExample: false,
                contacts: [
                  {
                    id: 'k1',
                    version: 1,
                    name: '=HYPERLINK("http://x";"klikk")',
                    title: '-Leder',
                    phone: '+47 00 00 00 01',
                    email: null,
                    isContactPoint: false,
                    verifiedAt: null,
                    verifiedBy: null,
                    stale: true,
                    isExample: false,
                  },
                ],
              },
            ],
          },
        },
      },
    },
    { route: '/kontakter?kommune=1841' },
  );
  await userEvent.click(await screen.findByRole('button', { name: 'Eksporter CSV' }));
  expect(blobs).toHaveLength(1);
  expect(clicked).toHaveBeenCalledTimes(1);
  clicked.mockRestore();
  const text = await new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blobs[0]);
  });
  const line = text.split('\r\n')[1];
  expect(line).toContain(`'@NAV Fauske`);
  expect(line).toContain(`"'=HYPERLINK(""http://x"";""klikk"")"`);
  expect(line).toContain(`'-Leder`);
  expect(line).toContain(`'+47 00 00 00 01`);
});

it('the stale list: one checkbox selects all, the dialog says «1 kontaktperson» and «Bekreftet av» is the signed-in user', async () => {
  const item = (id: string, name: string) => ({
    id,
    name,
    title: null,
    verifiedAt: null,
    agency: { name: 'NAV Fauske', municipality: { kommunenummer: '1841', name: 'Fauske' } },
  });
  const { calls } = renderPage(
    <ContactsPage />,
    {
      ContactOptions: OPTIONS,
      StaleContacts: { data: { contacts: { totalCount: 2, items: [item('k1', 'Kari'), item('k2', 'Ola')] } } },
      VerifyContacts: { data: { verifyContacts: [] } },
    },
    { route: '/kontakter?ubekreftet=1' },
  );
  const table = await screen.findByTestId('stale-table');
  expect(screen.getByText('2 kontaktpersoner er ikke bekreftet på seks måneder.')).toBeInTheDocument();
  await userEvent.click(within(table).getByRole('checkbox', { name: 'Velg alle' }));
  expect(within(table).getByRole('checkbox', { name: /Kari/ })).toBeChecked();
  expect(within(table).getByRole('checkbox', { name: /Ola/ })).toBeChecked();
  await userEvent.click(within(table).getByRole('checkbox', { name: /Ola/ }));
  expect(within(table).getByRole('checkbox', { name: 'Velg alle' })).not.toBeChecked();
  await userEvent.click(screen.getByRole('button', { name: /Bekreft valgte/ }));
  expect(screen.getByText('Du bekrefter at opplysningene for 1 kontaktperson er riktige i dag.')).toBeInTheDocument();
  expect(screen.getByLabelText('Bekreftet av')).toHaveValue('Ada Administrator');
  await userEvent.click(screen.getByRole('button', { name: 'Bekreft' }));
  expect(calls.find((c) => c.name === 'VerifyContacts')?.variables).toEqual({
    ids: ['k1'],
    verifiedBy: 'Ada Administrator',
  });
});

it('centre view: a gap tag names the missing agencies and counts the unverified contacts («1 kontaktperson»)', async () => {
  const row = (
    kommunenummer: string,
    name: string,
    codes: string[],
    missingKeyAgencies: string[],
    staleContacts: number,
  ) => ({ municipality: { kommunenummer, name }, codes, missingKeyAgencies, staleContacts });
  renderPage(
    <ContactsPage />,
    {
      ContactOptions: OPTIONS,
      CentreContacts: {
        data: {
          centreCoverage: {
            centreName: 'Krisesenteret i Salten',
            rows: [
              row('1804', 'Bodø', ['NO_KEY_CONTACT', 'STALE_CONTACTS'], ['NAV', 'HOUSING_OFFICE'], 3),
              row('1841', 'Fauske', ['STALE_CONTACTS'], [], 1),
            ],
          },
        },
      },
    },
    { route: '/kontakter?senter=c1' },
  );
  const table = await screen.findByTestId('centre-contacts');
  const [bodo, fauske] = within(table).getAllByRole('row').slice(1);
  expect(within(bodo).getByText('Mangler kontaktperson i NAV, Boligkontor')).toBeInTheDocument();
  expect(within(bodo).getByText('3 kontaktpersoner ikke bekreftet')).toBeInTheDocument();
  expect(within(fauske).getByText('1 kontaktperson ikke bekreftet')).toBeInTheDocument();
});

it("the stale list: a centre leader sees their own centre's members, oldest verification first, and can sort", async () => {
  const item = (id: string, name: string, municipality: string, verifiedAt: string | null) => ({
    id,
    name,
    title: null,
    verifiedAt,
    agency: { name: 'NAV', municipality: { kommunenummer: id, name: municipality } },
  });
  const leader = {
    data: {
      me: {
        id: 'u2',
        name: 'Lise Leder',
        email: 'leder@samordna.example',
        grants: [{ role: 'CENTRE_LEADER', kommunenummer: null, centreId: 'c9', label: 'Senterleder' }],
      },
    },
  };
  const { calls } = renderPage(
    <ContactsPage />,
    {
      Me: leader,
      ContactOptions: OPTIONS,
      StaleContacts: {
        data: {
          contacts: {
            totalCount: 3,
            items: [
              item('1', 'Berit', 'Fauske', '2025-03-01T10:00:00.000Z'),
              item('2', 'Anders', 'Saltdal', null),
              item('3', 'Cecilie', 'Bodø', '2025-01-01T10:00:00.000Z'),
            ],
          },
        },
      },
    },
    { route: '/kontakter?ubekreftet=1' },
  );
  const table = await screen.findByTestId('stale-table');
  expect(calls.filter((c) => c.name === 'StaleContacts').every((c) => c.variables.centreId === 'c9')).toBe(true);
  expect(screen.getByText('Viser medlemskommunene til ditt senter.')).toBeInTheDocument();
  const names = () =>
    within(table)
      .getAllByRole('checkbox')
      .slice(1)
      .map((c) => c.getAttribute('aria-label'));
  expect(names()).toEqual(['Velg Anders', 'Velg Cecilie', 'Velg Berit']);
  await userEvent.selectOptions(screen.getByLabelText('Sorter etter'), 'Navn');
  expect(names()).toEqual(['Velg Anders', 'Velg Berit', 'Velg Cecilie']);
  await userEvent.selectOptions(screen.getByLabelText('Sorter etter'), 'Kommune');
  expect(names()).toEqual(['Velg Cecilie', 'Velg Berit', 'Velg Anders']);
});

it('the municipality select names the county after a name two municipalities share', async () => {
  renderPage(<ContactsPage />, {
    ContactOptions: {
      data: {
        municipalities: [
          { kommunenummer: '1515', name: 'Herøy', county: { name: 'Møre og Romsdal' } },
          { kommunenummer: '1818', name: 'Herøy', county: { name: 'Nordland' } },
          { kommunenummer: '1841', name: 'Fauske', county: { name: 'Nordland' } },
        ],
        crisisCentres: { items: [] },
      },
    },
  });
  // A combobox (searchable): its options, the county after the shared name.
  await screen.findByRole('option', { name: 'Fauske', hidden: true });
  expect(
    within(screen.getByTestId('k-municipality-field'))
      .getAllByRole('option', { hidden: true })
      .map((o) => o.textContent)
      .filter((x) => x !== 'Ingen kommune passer.'),
  ).toEqual(['Herøy (Møre og Romsdal)', 'Herøy (Nordland)', 'Fauske']);
});
