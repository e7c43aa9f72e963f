import { screen, within } from '@testing-library/react';
import { MyStart } from '../MyStart';
import OverviewPage from '../../overview/OverviewPage';
import { renderPage } from '../../../../test/render';

const me = (grants: object[]) => ({
  data: { me: { id: 'u2', name: 'Dina Direktør', email: 'd@example.org', grants } },
});
const DIRECTOR = me([{ role: 'DIRECTOR', kommunenummer: '1841', centreId: null, label: 'Kommunedirektør, Fauske' }]);
const deadline = (daysLeft: number | null, kind = 'NOTICE') => ({
  kind,
  daysLeft,
  noticeDeadline: '2027-01-05',
  nextPossibleEnd: '2027-06-30',
});

const MUNICIPALITY = {
  municipality: {
    kommunenummer: '1841',
    name: 'Fauske',
    centreMemberships: [
      { id: 'p1', isCurrent: true, role: 'PARTNER', centre: { id: 'c1', name: 'Krisesenteret i Salten' } },
    ],
  },
  municipalityCoverage: {
    worstSeverity: 'WARNING',
    findings: [
      {
        code: 'NO_ROUTINE',
        severity: 'WARNING',
        reason: 'Fauske har ingen overgangsrutine med Krisesenteret i Salten.',
        reasonEn: 'No routine.',
      },
    ],
  },
  agreements: {
    items: [
      { id: 'a2', title: 'Avtale B', status: 'ACTIVE', deadline: deadline(60) },
      { id: 'a1', title: 'Avtale A', status: 'ACTIVE', deadline: deadline(20) },
      { id: 'a3', title: 'Avtale C', status: 'ACTIVE', deadline: deadline(400) },
      { id: 'a4', title: 'Avsluttet', status: 'ENDED', deadline: deadline(null, 'ENDED') },
    ],
  },
  stale: { totalCount: 1 },
};
const COST = {
  costDistribution: {
    year: 2026,
    budgetOre: 1_000_000_00,
    hostPartnerRatio: 6,
    ratioFlag: true,
    nationalAverage: { krPerInhabitant: 79, year: 2023 },
    parties: [
      { role: 'HOST', totalOre: 1, perInhabitantOre: 29_000, municipality: { kommunenummer: '1804', name: 'Bodø' } },
      {
        role: 'PARTNER',
        totalOre: 1,
        perInhabitantOre: 5_000,
        municipality: { kommunenummer: '1841', name: 'Fauske' },
      },
    ],
  },
};

it('a director sees their own municipality: its centre, what it pays per inhabitant against the host and the country, deadlines nearest first and coloured, findings and stale contacts', async () => {
  const { calls } = renderPage(<MyStart />, {
    Me: DIRECTOR,
    MunicipalityStart: { data: MUNICIPALITY },
    CentreYears: {
      data: {
        centreBudgets: [
          { id: 'b1', year: 2025, netOre: 1 },
          { id: 'b2', year: 2026, netOre: 1 },
          { id: 'b3', year: 2099, netOre: 1 },
        ],
      },
    },
    CentreCostStart: { data: COST },
    MyPendingApprovals: { data: { myPendingApprovals: [] } },
  });
  const card = await screen.findByTestId('start-municipality');
  expect(within(card).getByRole('heading', { name: 'Fauske kommune' })).toBeInTheDocument();
  expect(card).toHaveTextContent('Samarbeidskommune i Krisesenteret i Salten.');
  expect(await within(card).findByTestId('start-cost')).toHaveTextContent(
    'Fauske betaler kr 50 per innbygger i 2026. Vertskommunen Bodø betaler kr 290. Landsgjennomsnittet er kr 79 (KOSTRA 2023).',
  );
  // The newest budget year up to this year, not one far ahead.
  expect(calls.find((c) => c.name === 'CentreCostStart')?.variables).toEqual({ centreId: 'c1', year: 2026 });

  const items = within(screen.getByTestId('start-deadlines')).getAllByRole('listitem');
  expect(items.map((li) => li.querySelector('a')?.textContent)).toEqual(['Avtale A', 'Avtale B', 'Avtale C']);
  expect(within(items[0]).getByText('20 dager igjen')).toHaveAttribute('data-urgency', 'danger');
  expect(within(items[1]).getByText('60 dager igjen')).toHaveAttribute('data-urgency', 'warning');
  expect(within(items[2]).getByText('400 dager igjen')).toHaveAttribute('data-urgency', 'neutral');
  expect(items[0]).toHaveTextContent('si opp innen 05.01.2027');

  expect(screen.getByTestId('start-findings')).toHaveTextContent('Advarsel: Fauske har ingen overgangsrutine');
  // Plural rules: one contact, not «1 kontaktpersoner».
  expect(within(card).getByRole('link', { name: '1 kontaktperson er ikke bekreftet på 6 måneder' })).toHaveAttribute(
    'href',
    '/kontakter?kommune=1841',
  );
});

it('finance sees the budget year of the centre their municipality hosts', async () => {
  renderPage(<MyStart />, {
    Me: me([{ role: 'FINANCE', kommunenummer: '1804', centreId: null, label: 'Økonomi, Bodø' }]),
    MunicipalityStart: {
      data: {
        ...MUNICIPALITY,
        municipality: {
          kommunenummer: '1804',
          name: 'Bodø',
          centreMemberships: [
            { id: 'p0', isCurrent: true, role: 'HOST', centre: { id: 'c1', name: 'Krisesenteret i Salten' } },
          ],
        },
      },
    },
    CentreYears: { data: { centreBudgets: [{ id: 'b1', year: 2025, netOre: 1 }] } },
    CentreCostStart: { data: COST },
  });
  const cost = await screen.findByTestId('start-cost');
  expect(cost).toHaveTextContent('Budsjettåret 2026: netto budsjett kr 1 000 000.');
  expect(cost).toHaveTextContent('Vertskommunen betaler 6 ganger så mye per innbygger');
  expect(within(cost).getByRole('link', { name: 'Se kostnadene for 2026' })).toHaveAttribute(
    'href',
    '/kostnader?senter=c1&aar=2026',
  );
});

it('a centre leader sees the gaps of the member municipalities, the commonest gap first, each linking to the map', async () => {
  renderPage(<MyStart />, {
    Me: me([{ role: 'CENTRE_LEADER', kommunenummer: null, centreId: 'c1', label: 'Krisesenterleder' }]),
    CentreStart: {
      data: {
        centreCoverage: {
          centreId: 'c1',
          centreName: 'Krisesenteret i Salten',
          rows: [
            {
              codes: ['NO_ROUTINE'],
              worstSeverity: 'WARNING',
              municipality: { kommunenummer: '1841', name: 'Fauske' },
            },
            { codes: [], worstSeverity: null, municipality: { kommunenummer: '1804', name: 'Bodø' } },
            {
              codes: ['NO_ROUTINE', 'NO_CONTACT_POINT'],
              worstSeverity: 'WARNING',
              municipality: { kommunenummer: '1840', name: 'Saltdal' },
            },
          ],
        },
        stale: { totalCount: 4 },
      },
    },
  });
  const card = await screen.findByTestId('start-centre');
  expect(card).toHaveTextContent('3 medlemskommuner · 2 med mangler');
  const items = within(screen.getByTestId('start-gaps')).getAllByRole('listitem');
  expect(items.map((li) => li.textContent?.trim())).toEqual([
    'Ingen overgangsrutine (2): Fauske, Saltdal',
    'Mangler kontaktpunkt (1): Saltdal',
  ]);
  expect(within(items[0]).getByRole('link')).toHaveAttribute('href', '/kart?senter=c1&funn=NO_ROUTINE');
  expect(within(card).getByRole('link', { name: '4 kontaktpersoner er ikke bekreftet på 6 måneder' })).toHaveAttribute(
    'href',
    '/kontakter?senter=c1',
  );
});

it('shows nothing of its own for an administrator (who sees the whole country)', async () => {
  renderPage(<OverviewPage />, { Overview: 'pending' });
  // Signed in (the session has loaded): the national part gets its own heading, and no personal part.
  expect(await screen.findByRole('heading', { name: 'Hele landet' })).toBeInTheDocument();
  expect(screen.queryByTestId('my-start')).toBeNull();
});
