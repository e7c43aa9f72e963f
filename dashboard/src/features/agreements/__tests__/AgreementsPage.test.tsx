import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import AgreementsPage from '../AgreementsPage';
import AgreementDetailPage from '../AgreementDetailPage';
import { gqlError, networkError, renderPage } from '../../../../test/render';

const LIST = (items: unknown[]) => ({ data: { agreements: { totalCount: items.length, items }, crisisCentres: { items: [{ id: 'c1', name: 'Krisesenteret i Salten' }] } } });
const ITEM = {
  id: 'a1',
  title: 'Samarbeidsavtale Salten',
  status: 'ACTIVE',
  isExample: false,
  exampleFields: ['noticeMonths'],
  centre: { id: 'c1', name: 'Krisesenteret i Salten' },
  parties: [{ id: 'p1', isCurrent: true }, { id: 'p2', isCurrent: false }],
  deadline: { kind: 'NOTICE', noticeDeadline: '2026-12-31', nextPossibleEnd: '2027-12-31', daysLeft: 40 },
};

describe('AgreementsPage', () => {
  it('loading, error and empty states', async () => {
    const { unmount } = renderPage(<AgreementsPage />, { AgreementList: 'pending' });
    expect(screen.getAllByRole('status')[0]).toHaveTextContent('Henter');
    unmount();
    const e = renderPage(<AgreementsPage />, { AgreementList: networkError() });
    expect(await screen.findByRole('alert')).toHaveTextContent('Får ikke kontakt');
    e.unmount();
    renderPage(<AgreementsPage />, { AgreementList: LIST([]) });
    expect(await screen.findByText('Ingen avtaler passer til filteret.')).toBeInTheDocument();
  });

  it('lists agreements with deadline, current parties and the example tag', async () => {
    renderPage(<AgreementsPage />, { AgreementList: LIST([ITEM]) });
    const table = await screen.findByTestId('agreement-table');
    const cells = within(within(table).getAllByRole('row')[1]).getAllByRole('cell');
    expect(cells[0]).toHaveTextContent('Samarbeidsavtale SaltenEksempel');
    expect(cells[2]).toHaveTextContent('Aktiv');
    expect(cells[3]).toHaveTextContent('1');
    expect(cells[4]).toHaveTextContent('31.12.2026');
    expect(cells[5]).toHaveTextContent('40');
  });
});

const DETAIL = {
  data: {
    agreement: {
      ...ITEM,
      version: 3,
      centre: { ...ITEM.centre, hostKommunenummer: '1804' },
      legalBasis: null,
      validFrom: '2017-01-01',
      validTo: null,
      autoRenew: true,
      renewalMonths: null,
      noticeMonths: 12,
      noticeRunsTo: 'CALENDAR_YEAR',
      noticeGivenOn: null,
      signingLevel: 'MUNICIPAL_DIRECTOR',
      sourceUrl: null,
      sourceAsOf: null,
      allowedTransitions: ['NOTICE_GIVEN', 'DISPUTED', 'ENDED'],
      deadline: { ...ITEM.deadline, budgetCutoff: '2026-10-01', noticeAfterBudgetCutoff: true },
      checklistCompleteness: { covered: 1, total: 9 },
      checklist: [{ key: 'PURPOSE', label: 'Formål', covered: true, note: null }],
      parties: [{ id: 'p1', role: 'HOST', joinedOn: null, leftOn: null, isCurrent: true, sourceUrl: null, municipality: { kommunenummer: '1804', name: 'Bodø' } }],
      supersedes: null,
      supersededBy: [],
    },
  },
};

describe('AgreementDetailPage', () => {
  it('shows the deadline, the budget warning and the example note', async () => {
    renderPage(<AgreementDetailPage />, { AgreementDetail: DETAIL }, { route: '/avtaler/a1', path: '/avtaler/:id' });
    expect(await screen.findByTestId('agreement-deadline')).toHaveTextContent('Si opp innen 31.12.2026 for å avslutte 31.12.2027 (40 dager igjen).');
    expect(screen.getByText(/etter budsjettfristen 01.10.2026/)).toBeInTheDocument();
    expect(screen.getByText(/Felt merket «Eksempel»/)).toBeInTheDocument();
  });

  it("shows the server's field error at the field", async () => {
    renderPage(
      <AgreementDetailPage />,
      { AgreementDetail: DETAIL, UpdateAgreement: gqlError('Oppsigelsestiden kan være høyst 60.', { code: 'BAD_USER_INPUT', field: 'input.noticeMonths' }) },
      { route: '/avtaler/a1', path: '/avtaler/:id' },
    );
    const field = await screen.findByLabelText(/Oppsigelsestid \(måneder\)/);
    await userEvent.clear(field);
    await userEvent.type(field, '99');
    await userEvent.click(screen.getByRole('button', { name: 'Lagre' }));
    expect(await screen.findByText('Oppsigelsestiden kan være høyst 60.')).toBeInTheDocument();
    expect(field).toHaveAttribute('aria-invalid', 'true');
  });

  it('on a conflict takes in what only the other person changed, lists what both changed, and saves on the new version', async () => {
    let version = 3;
    const theirs = { ...DETAIL.data.agreement, version: 4, title: 'Samarbeidsavtale Salten 2027', noticeMonths: 6 };
    const updates: any[] = [];
    const { calls } = renderPage(
      <AgreementDetailPage />,
      {
        AgreementDetail: () => ({ data: { agreement: version === 3 ? DETAIL.data.agreement : theirs } }),
        UpdateAgreement: (v: any) => {
          updates.push(v);
          if (v.expectedVersion === 3) {
            version = 4;
            return gqlError('Noen andre har endret avtalen etter at du åpnet den.', { code: 'CONFLICT', currentVersion: 4, current: theirs });
          }
          return { data: { updateAgreement: { ...theirs, version: 5, noticeMonths: 24 } } };
        },
      },
      { route: '/avtaler/a1', path: '/avtaler/:id' },
    );
    const field = await screen.findByLabelText(/Oppsigelsestid \(måneder\)/);
    await userEvent.clear(field);
    await userEvent.type(field, '24');
    await userEvent.click(screen.getByRole('button', { name: 'Lagre' }));
    const conflict = await screen.findByTestId('conflict');
    expect(conflict).toHaveTextContent('Den andres endringer er tatt inn i skjemaet: Tittel.');
    expect(conflict).toHaveTextContent('Oppsigelsestid (måneder) er nå «6» (du skrev «24»)');
    expect(conflict.querySelectorAll('li')).toHaveLength(1);
    expect(screen.getByLabelText('Tittel')).toHaveValue('Samarbeidsavtale Salten 2027');
    expect(field).toHaveValue('24');
    expect(calls.filter((c) => c.name === 'AgreementDetail').length).toBeGreaterThan(1);
    await userEvent.click(within(conflict).getByRole('button', { name: 'Lagre mine verdier over de nye' }));
    expect(updates).toHaveLength(2);
    expect(updates[1]).toMatchObject({ expectedVersion: 4, input: { title: 'Samarbeidsavtale Salten 2027', noticeMonths: 24 } });
    expect(await screen.findByText('Endringene er lagret.')).toBeInTheDocument();
  });

  it('asks for confirmation before ending the agreement', async () => {
    renderPage(<AgreementDetailPage />, { AgreementDetail: DETAIL }, { route: '/avtaler/a1', path: '/avtaler/:id' });
    await userEvent.click(await screen.findByRole('button', { name: 'Sett til «Avsluttet»' }));
    expect(screen.getByText('Vil du sette avtalen til «Avsluttet»? Dette kan ikke angres.')).toBeInTheDocument();
  });

  it('shows NOT_FOUND plainly', async () => {
    renderPage(<AgreementDetailPage />, { AgreementDetail: gqlError('Fant ikke avtalen.', { code: 'NOT_FOUND' }) }, { route: '/avtaler/x', path: '/avtaler/:id' });
    expect(await screen.findByRole('alert')).toHaveTextContent('Fant ikke avtalen.');
  });
});
