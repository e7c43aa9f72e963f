import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { formatDate, todayInNorway } from '@samordna/domain';
import MovingToPage from '../MovingToPage';
import { gqlError, renderPage } from '../../../../test/render';

const municipality = (switchboardPhone: string | null, switchboardSource: string | null) => ({
  data: {
    municipality: {
      kommunenummer: '1841',
      name: 'Fauske',
      switchboardPhone,
      switchboardSource,
      agencies: [
        {
          id: 'a1',
          kind: 'NAV',
          name: 'NAV Fauske',
          isExample: false,
          contacts: [
            {
              id: 'k1',
              name: 'Kari Nordmann',
              title: 'Veileder',
              phone: '+47 00 00 00 01',
              email: null,
              isContactPoint: true,
              verifiedAt: '2026-03-14T09:00:00.000Z',
            },
            {
              id: 'k2',
              name: 'Per Aldri',
              title: null,
              phone: null,
              email: null,
              isContactPoint: false,
              verifiedAt: null,
            },
          ],
        },
      ],
      handoverRoutines: [
        {
          id: 'r1',
          status: 'DRAFT',
          adoptedOn: null,
          isExample: false,
          centre: { name: 'Krisesenteret i Salten' },
          steps: [],
        },
      ],
      centreMemberships: [],
    },
  },
});
const DIRECTOR = {
  data: {
    me: {
      id: 'u2',
      name: 'Dina Direktør',
      email: 'd@x.example',
      grants: [{ role: 'DIRECTOR', kommunenummer: '1841', centreId: null, label: 'Kommunedirektør' }],
    },
  },
};
const OTHER_DIRECTOR = {
  data: {
    me: {
      id: 'u3',
      name: 'Bodil Bodø',
      email: 'b@x.example',
      grants: [{ role: 'DIRECTOR', kommunenummer: '1804', centreId: null, label: 'Kommunedirektør' }],
    },
  },
};
const route = { route: '/flytter/1841', path: '/flytter/:kommunenummer' };

it("shows each contact's verification date, the routine's status, the switchboard as «ikke registrert», and a dated print header", async () => {
  renderPage(<MovingToPage />, { Me: OTHER_DIRECTOR, MovingTo: municipality(null, null) }, route);
  const verified = await screen.findAllByTestId('moving-verified');
  expect(verified.map((c) => c.textContent)).toEqual(['14.03.2026', 'Aldri']);
  expect(screen.getByTestId('moving-routine-status')).toHaveTextContent('Status: utkast');
  expect(within(screen.getByTestId('switchboard')).getByText('ikke registrert')).toBeInTheDocument();
  // Another municipality's director may not register Fauske's switchboard.
  expect(screen.queryByRole('button', { name: 'Registrer sentralbord' })).not.toBeInTheDocument();
  expect(screen.getByTestId('print-header')).toHaveTextContent(
    `Overføring fra krisesenteret · Fauske · skrevet ut ${formatDate(todayInNorway())}`,
  );
});

it('shows a registered switchboard with its source', async () => {
  renderPage(
    <MovingToPage />,
    { MovingTo: municipality('+47 00 00 00 10', 'https://fauske.kommune.example/kontakt') },
    route,
  );
  const box = await screen.findByTestId('switchboard');
  expect(box).toHaveTextContent('+47 00 00 00 10');
  expect(box).toHaveTextContent('Kilde: https://fauske.kommune.example/kontakt');
});

it("the municipality's director registers the switchboard; a bad number is refused at the field", async () => {
  const sent: any[] = [];
  renderPage(
    <MovingToPage />,
    {
      Me: DIRECTOR,
      MovingTo: municipality(null, null),
      SetSwitchboard: (v: any) => {
        sent.push(v);
        return v.phone === '12'
          ? gqlError('Telefonnummeret må ha 8–15 sifre.', { code: 'BAD_USER_INPUT', field: 'input.phone' })
          : {
              data: {
                setMunicipalitySwitchboard: {
                  kommunenummer: '1841',
                  switchboardPhone: v.phone,
                  switchboardSource: 'Registrert av Dina Direktør',
                },
              },
            };
      },
    },
    route,
  );
  await userEvent.click(await screen.findByRole('button', { name: 'Registrer sentralbord' }));
  await userEvent.type(screen.getByLabelText('Sentralbordets telefonnummer'), '12');
  await userEvent.click(screen.getByRole('button', { name: 'Lagre' }));
  expect(await screen.findByText('Telefonnummeret må ha 8–15 sifre.')).toBeInTheDocument();
  await userEvent.clear(screen.getByLabelText('Sentralbordets telefonnummer'));
  await userEvent.type(screen.getByLabelText('Sentralbordets telefonnummer'), '+47 00 00 00 10');
  await userEvent.click(screen.getByRole('button', { name: 'Lagre' }));
  expect(await screen.findByText('Sentralbordet er lagret.')).toBeInTheDocument();
  expect(sent[1]).toEqual({ kommunenummer: '1841', phone: '+47 00 00 00 10', source: null });
});
