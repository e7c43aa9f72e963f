import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import AgreementsPage from '../AgreementsPage';
import AgreementDetailPage from '../AgreementDetailPage';
import { chooseMunicipality, gqlError, networkError, renderPage } from '../../../../test/render';
import type {
  AgreementDetailQuery,
  AgreementListQuery,
  UpdateAgreementMutation,
  UpdateAgreementMutationVariables,
} from '../../../gql/graphql';

// Fixtures typed from the generated query types: a field the query selects and a fixture leaves out
// fails typecheck (the dashboard's build checks the tests too).
type ListItem = AgreementListQuery['agreements']['items'][number];
type Detail = AgreementDetailQuery['agreement'];
type Party = Detail['parties'][number];
type Amendment = Detail['amendments'][number];

const LIST = (items: ListItem[]): { data: AgreementListQuery } => ({
  data: {
    agreements: { totalCount: items.length, items },
    crisisCentres: { items: [{ id: 'c1', name: 'Krisesenteret i Salten', hostKommunenummer: '1804' }] },
  },
});
const ITEM: ListItem = {
  id: 'a1',
  title: 'Samarbeidsavtale Salten',
  status: 'ACTIVE',
  isExample: false,
  exampleFields: ['noticeMonths'],
  centre: { id: 'c1', name: 'Krisesenteret i Salten' },
  parties: [
    { id: 'p1', isCurrent: true },
    { id: 'p2', isCurrent: false },
  ],
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

  it('«min kommune»: a director narrows the list to the agreements their municipality is a party to', async () => {
    const director = {
      data: {
        me: {
          id: 'u3',
          name: 'Dina Direktør',
          email: 'd@samordna.example',
          grants: [{ role: 'DIRECTOR', kommunenummer: '1841', centreId: null, label: 'Kommunedirektør' }],
        },
      },
    };
    const { calls } = renderPage(<AgreementsPage />, {
      Me: director,
      AgreementList: LIST([ITEM]),
      MyMunicipality: { data: { municipality: { kommunenummer: '1841', name: 'Fauske' } } },
    });
    await screen.findByTestId('agreement-table');
    const box = await screen.findByRole('checkbox', { name: 'Bare min kommune (Fauske)' });
    expect(
      calls.filter((c) => c.name === 'AgreementList').every((c) => c.variables.filter.kommunenummer === null),
    ).toBe(true);
    await userEvent.click(box);
    expect(box).toBeChecked();
    expect(calls.filter((c) => c.name === 'AgreementList').at(-1)?.variables.filter).toMatchObject({
      kommunenummer: '1841',
    });
  });

  it('asks the server for one page in the chosen order, and pages with «Neste side»', async () => {
    const { calls } = renderPage(<AgreementsPage />, {
      AgreementList: { data: { ...LIST([ITEM]).data, agreements: { totalCount: 120, items: [ITEM] } } },
    });
    await screen.findByTestId('agreement-table');
    expect(calls.filter((c) => c.name === 'AgreementList').at(-1)?.variables).toMatchObject({
      limit: 50,
      offset: 0,
      orderBy: 'DAYS_LEFT',
      descending: false,
    });
    expect(screen.getByText('Viser 1–50 av 120 avtaler')).toBeInTheDocument();
    expect(screen.getByText('Side 1 av 3')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Forrige side' })).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: 'Neste side' }));
    expect(await screen.findByText('Side 2 av 3')).toBeInTheDocument();
    expect(calls.filter((c) => c.name === 'AgreementList').at(-1)?.variables).toMatchObject({ offset: 50 });
    // Another order starts at the first page again; the same column again reverses.
    await userEvent.click(screen.getByRole('button', { name: /Sorter etter Avtale/ }));
    expect(calls.filter((c) => c.name === 'AgreementList').at(-1)?.variables).toMatchObject({
      offset: 0,
      orderBy: 'TITLE',
      descending: false,
    });
    await userEvent.click(screen.getByRole('button', { name: /Sorter etter Avtale/ }));
    expect(calls.filter((c) => c.name === 'AgreementList').at(-1)?.variables).toMatchObject({
      orderBy: 'TITLE',
      descending: true,
    });
  });

  it('offers no «min kommune» to a user without a municipality', async () => {
    renderPage(<AgreementsPage />, { AgreementList: LIST([ITEM]) });
    await screen.findByTestId('agreement-table');
    expect(screen.queryByRole('checkbox', { name: /Bare min kommune/ })).not.toBeInTheDocument();
  });
});

const PARTY: Omit<Party, 'municipality'> = {
  id: 'p',
  version: 1,
  role: 'PARTNER',
  joinedOn: null,
  leftOn: null,
  isCurrent: true,
  sourceUrl: null,
  noticeGivenOn: null,
  decisionBody: null,
  decisionRef: null,
  decisionDate: null,
  noticeEffect: { kind: 'NOTICE', leavesOn: '2027-12-31' },
};

const DETAIL: { data: AgreementDetailQuery } = {
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
      checklist: [{ key: 'PURPOSE', covered: true, note: null }],
      endedOn: null,
      costTerms: { model: 'PER_INHABITANT_HOST_RESIDUAL', rateOre: 10000 },
      parties: [
        { ...PARTY, id: 'p1', role: 'HOST', municipality: { kommunenummer: '1804', name: 'Bodø' } },
        { ...PARTY, id: 'p2', municipality: { kommunenummer: '1841', name: 'Fauske' } },
      ],
      amendments: [],
      supersedes: null,
      supersededBy: [],
    },
  },
};

describe('AgreementDetailPage', () => {
  it('shows the deadline, the budget warning and the example note', async () => {
    renderPage(<AgreementDetailPage />, { AgreementDetail: DETAIL }, { route: '/avtaler/a1', path: '/avtaler/:id' });
    expect(await screen.findByTestId('agreement-deadline')).toHaveTextContent(
      'Si opp innen 31.12.2026 for å avslutte 31.12.2027 (40 dager igjen).',
    );
    expect(screen.getByText(/etter budsjettfristen 01.10.2026/)).toBeInTheDocument();
    expect(screen.getByText(/Felt merket «Eksempel»/)).toBeInTheDocument();
  });

  it("shows the server's field error at the field", async () => {
    renderPage(
      <AgreementDetailPage />,
      {
        AgreementDetail: DETAIL,
        UpdateAgreement: gqlError('Oppsigelsestiden kan være høyst 60.', {
          code: 'BAD_USER_INPUT',
          field: 'input.noticeMonths',
        }),
      },
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
    const updates: UpdateAgreementMutationVariables[] = [];
    const { calls } = renderPage(
      <AgreementDetailPage />,
      {
        AgreementDetail: () => ({ data: { agreement: version === 3 ? DETAIL.data.agreement : theirs } }),
        UpdateAgreement: (v: UpdateAgreementMutationVariables) => {
          updates.push(v);
          if (v.expectedVersion === 3) {
            version = 4;
            return gqlError('Noen andre har endret avtalen etter at du åpnet den.', {
              code: 'CONFLICT',
              currentVersion: 4,
              current: theirs,
            });
          }
          const saved: UpdateAgreementMutation = { updateAgreement: { ...theirs, version: 5, noticeMonths: 24 } };
          return { data: saved };
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
    expect(updates[1]).toMatchObject({
      expectedVersion: 4,
      input: { title: 'Samarbeidsavtale Salten 2027', noticeMonths: 24 },
    });
    expect(await screen.findByText('Endringene er lagret.')).toBeInTheDocument();
  });

  it('words the source date in English, and marks the registered legal basis as Norwegian', async () => {
    const agreement = {
      ...DETAIL.data.agreement,
      legalBasis: 'Krisesenterloven § 2',
      sourceUrl: 'https://bodo.kommune.no/krisesenteret',
      sourceAsOf: 'ca. 2022 (siden lenker til Årsmelding 2021)',
    };
    const a = renderPage(
      <AgreementDetailPage />,
      { AgreementDetail: { data: { agreement } } },
      { route: '/avtaler/a1', path: '/avtaler/:id' },
    );
    expect(await screen.findByText(/ca\. 2022 \(siden lenker til Årsmelding 2021\)/)).toBeInTheDocument();
    a.unmount();
    localStorage.setItem('samordna.locale', 'en');
    try {
      renderPage(
        <AgreementDetailPage />,
        { AgreementDetail: { data: { agreement } } },
        { route: '/avtaler/a1', path: '/avtaler/:id' },
      );
      const source = await screen.findByText(/c\. 2022/);
      expect(source).not.toHaveTextContent(/siden|Årsmelding/);
      expect(screen.getByText('Krisesenterloven § 2')).toHaveAttribute('lang', 'nb');
    } finally {
      localStorage.removeItem('samordna.locale');
    }
  });

  it('asks for confirmation before ending the agreement', async () => {
    renderPage(<AgreementDetailPage />, { AgreementDetail: DETAIL }, { route: '/avtaler/a1', path: '/avtaler/:id' });
    await userEvent.click(await screen.findByRole('button', { name: 'Sett til «Avsluttet»' }));
    expect(
      screen.getByText('Vil du sette hele avtalen til «Avsluttet»? Det gjelder alle 2 partene, og kan ikke angres.'),
    ).toBeInTheDocument();
  });

  it('shows NOT_FOUND plainly', async () => {
    renderPage(
      <AgreementDetailPage />,
      { AgreementDetail: gqlError('Fant ikke avtalen.', { code: 'NOT_FOUND' }) },
      { route: '/avtaler/x', path: '/avtaler/:id' },
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('Fant ikke avtalen.');
  });
});

const me = (name: string, ...grants: { role: string; kommunenummer?: string | null; centreId?: string | null }[]) => ({
  data: {
    me: {
      id: `u-${name}`,
      name,
      email: `${name}@samordna.example`,
      grants: grants.map((g) => ({ kommunenummer: null, centreId: null, label: g.role, ...g })),
    },
  },
});
const DIRECTOR_FAUSKE = me('fauske', { role: 'DIRECTOR', kommunenummer: '1841' });
const DIRECTOR_BODO = me('bodo', { role: 'DIRECTOR', kommunenummer: '1804' });
const READER = me('leser', { role: 'READ_ONLY' });
const AMENDMENT: Amendment = {
  id: 'x1',
  version: 1,
  status: 'OPEN',
  outcome: 'WAITING',
  summary: 'Ny sats fra 2027',
  effectiveOn: '2027-01-01',
  proposedBy: 'Direktør Bodø <direktor.bodo@samordna.example>',
  createdAt: '2026-12-01T10:00:00Z',
  closedAt: null,
  joining: [],
  leaving: [],
  changedFields: [{ field: 'noticeMonths', before: 12, after: 6 }],
  costTerms: { model: 'PER_INHABITANT_HOST_RESIDUAL', rateOre: 12000 },
  approvals: [
    {
      id: 'ap1',
      role: 'PARTNER',
      decision: 'PENDING',
      decisionBody: null,
      decisionRef: null,
      decisionDate: null,
      reason: null,
      decidedBy: null,
      municipality: { kommunenummer: '1841', name: 'Fauske' },
    },
  ],
  impact: {
    year: 2027,
    note: null,
    simulation: {
      differences: [
        {
          role: 'PARTNER',
          beforeOre: 1000000,
          afterOre: 1200000,
          differenceOre: 200000,
          beforePerInhabitantOre: 10000,
          afterPerInhabitantOre: 12000,
          municipality: { kommunenummer: '1841', name: 'Fauske' },
        },
      ],
    },
  },
  resultAgreement: null,
};
const route = { route: '/avtaler/a1', path: '/avtaler/:id' };
const withAmendment = { data: { agreement: { ...DETAIL.data.agreement, amendments: [AMENDMENT] } } };

describe('AgreementDetailPage: an agreement is a contract', () => {
  it('a reader sees the terms as plain text, no form and no status buttons', async () => {
    renderPage(<AgreementDetailPage />, { AgreementDetail: DETAIL, Me: READER }, route);
    const terms = await screen.findByTestId('agreement-terms');
    expect(terms).toHaveTextContent('Oppsigelsestid (måneder) Eksempel12');
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Sett til/ })).not.toBeInTheDocument();
    expect(screen.queryByTestId('membership-panel')).not.toBeInTheDocument();
  });

  it("the host's director edits the title but sees binding terms locked on an agreement in force", async () => {
    renderPage(<AgreementDetailPage />, { AgreementDetail: DETAIL, Me: DIRECTOR_BODO }, route);
    expect(await screen.findByTestId('terms-locked')).toBeInTheDocument();
    expect(screen.getByLabelText('Tittel')).not.toHaveAttribute('readonly');
    expect(screen.getByLabelText('Gyldig fra')).toHaveAttribute('readonly');
    // noticeMonths carries an example value: the real one may replace it.
    expect(screen.getByLabelText(/Oppsigelsestid \(måneder\)/)).not.toHaveAttribute('readonly');
    expect(screen.getByRole('button', { name: 'Foreslå endring' })).toBeInTheDocument();
  });

  it('a partner sees no status buttons for the whole agreement, and gives notice for itself with the end date shown first', async () => {
    const { calls } = renderPage(
      <AgreementDetailPage />,
      {
        AgreementDetail: DETAIL,
        Me: DIRECTOR_FAUSKE,
        GiveNotice: {
          data: { giveNotice: { id: 'p2', version: 2, noticeGivenOn: '2026-12-07', leftOn: '2027-12-31' } },
        },
      },
      route,
    );
    await screen.findByTestId('membership-panel');
    expect(screen.queryByRole('button', { name: /Sett til/ })).not.toBeInTheDocument();
    expect(screen.getByText(/Status for hele avtalen endres av vertskommunen/)).toBeInTheDocument();
    expect(
      screen.getByText('Sier kommunen opp i dag, slutter medlemskapet 31.12.2027 etter avtalens oppsigelsesvilkår.'),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Si opp for Fauske' }));
    expect(
      screen.getByText(
        /Fauske sier opp sitt medlemskap i «Samarbeidsavtale Salten». Etter avtalens vilkår slutter medlemskapet 31.12.2027. Avtalen fortsetter for de andre partene./,
      ),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Ja, si opp for Fauske' }));
    expect(calls.find((c) => c.name === 'GiveNotice')?.variables).toMatchObject({ partyId: 'p2', expectedVersion: 1 });
  });

  it('an affected director sees the proposal, its answers and its cost in kroner, and approves with the decision', async () => {
    const { calls } = renderPage(
      <AgreementDetailPage />,
      {
        AgreementDetail: withAmendment,
        Me: DIRECTOR_FAUSKE,
        ApproveAmendment: { data: { approveAmendment: { ...AMENDMENT, outcome: 'APPROVED', status: 'ADOPTED' } } },
      },
      route,
    );
    const card = await screen.findByTestId('amendment');
    expect(card).toHaveTextContent('Ny sats fra 2027');
    expect(card).toHaveTextContent('Oppsigelsestid (måneder): 12 → 6');
    expect(within(card).getByTestId('approval-table')).toHaveTextContent('Fauske Venter');
    expect(within(card).getByTestId('impact-table')).toHaveTextContent('+ kr');
    const form = within(card).getByTestId('decision-1841');
    await userEvent.type(within(form).getByLabelText('Saksnummer'), 'sak 45/26');
    await userEvent.click(within(form).getByRole('button', { name: 'Godkjenn for Fauske' }));
    expect(calls.find((c) => c.name === 'ApproveAmendment')?.variables).toMatchObject({
      id: 'x1',
      kommunenummer: '1841',
      expectedVersion: 1,
      input: { decisionBody: 'kommunestyret', decisionRef: 'sak 45/26' },
    });
  });

  it('the host may revise or withdraw an open proposal but not answer it; a reader only reads it', async () => {
    const host = renderPage(<AgreementDetailPage />, { AgreementDetail: withAmendment, Me: DIRECTOR_BODO }, route);
    const card = await screen.findByTestId('amendment');
    expect(within(card).getByRole('button', { name: 'Revider forslaget' })).toBeInTheDocument();
    expect(within(card).queryByTestId('decision-1841')).not.toBeInTheDocument();
    host.unmount();
    renderPage(<AgreementDetailPage />, { AgreementDetail: withAmendment, Me: READER }, route);
    const read = await screen.findByTestId('amendment');
    expect(within(read).queryByRole('button')).not.toBeInTheDocument();
  });

  it('refuses a rate that is not a number at the field, without sending', async () => {
    const { calls } = renderPage(<AgreementDetailPage />, { AgreementDetail: DETAIL, Me: DIRECTOR_BODO }, route);
    await userEvent.click(await screen.findByRole('button', { name: 'Foreslå endring' }));
    await userEvent.type(screen.getByLabelText('Hva endres (kort)'), 'Ny sats');
    await userEvent.type(screen.getByLabelText(/Ny pris per innbygger/), 'abc');
    await userEvent.click(screen.getByRole('button', { name: 'Send forslaget til godkjenning' }));
    expect(await screen.findByText(/Skriv prisen som et tall i kroner/)).toBeInTheDocument();
    expect(calls.some((c) => c.name === 'ProposeAmendment')).toBe(false);
  });

  it('the host puts the parties of a draft together; a partner of the draft records its decision there', async () => {
    const draft = {
      data: {
        agreement: {
          ...DETAIL.data.agreement,
          status: 'DRAFT',
          allowedTransitions: ['NEGOTIATING', 'ACTIVE', 'ENDED'],
        },
      },
    };
    const names = {
      data: {
        municipalities: [
          { kommunenummer: '1840', name: 'Saltdal' },
          { kommunenummer: '1841', name: 'Fauske' },
        ],
      },
    };
    const host = renderPage(
      <AgreementDetailPage />,
      {
        AgreementDetail: draft,
        Me: DIRECTOR_BODO,
        MunicipalityNames: names,
        AddAgreementParty: { data: { addAgreementParty: { id: 'p3' } } },
      },
      route,
    );
    const parties = await screen.findByTestId('draft-parties');
    await chooseMunicipality(within(parties).getByLabelText('Ny samarbeidskommune'), 'Saltdal');
    await userEvent.click(within(parties).getByRole('button', { name: 'Legg til i utkastet' }));
    expect(host.calls.find((c) => c.name === 'AddAgreementParty')?.variables).toMatchObject({
      agreementId: 'a1',
      input: { kommunenummer: '1840', role: 'PARTNER' },
    });
    expect(screen.queryByTestId('terms-locked')).not.toBeInTheDocument();
    host.unmount();
    renderPage(<AgreementDetailPage />, { AgreementDetail: draft, Me: DIRECTOR_FAUSKE }, route);
    const panel = await screen.findByTestId('membership-panel');
    expect(within(panel).getByRole('button', { name: 'Lagre vedtaket' })).toBeInTheDocument();
    expect(within(panel).queryByRole('button', { name: /Si opp/ })).not.toBeInTheDocument();
    expect(screen.queryByTestId('draft-parties')).not.toBeInTheDocument();
  });
});
