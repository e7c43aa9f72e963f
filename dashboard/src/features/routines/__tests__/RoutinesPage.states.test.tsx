import { screen } from '@testing-library/react';
import RoutinesPage from '../RoutinesPage';
import { gqlError, networkError, renderPage } from '../../../../test/render';

const OPTIONS = {
  data: {
    crisisCentres: {
      items: [
        {
          id: 'c1',
          name: 'Krisesenteret i Salten',
          members: [{ id: 'p1', municipality: { kommunenummer: '1804', name: 'Bodø' } }],
        },
      ],
    },
  },
};

it('says when the centres cannot be fetched', async () => {
  renderPage(<RoutinesPage />, { RoutineOptions: networkError() });
  expect(await screen.findByRole('alert')).toHaveTextContent('Får ikke kontakt med tjeneren');
  expect(screen.getByRole('button', { name: 'Prøv igjen' })).toBeInTheDocument();
});

it('says so when there are no centres, or the centre has no members', async () => {
  const { unmount } = renderPage(<RoutinesPage />, { RoutineOptions: { data: { crisisCentres: { items: [] } } } });
  expect(await screen.findByText('Ingen krisesentre er registrert ennå.')).toBeInTheDocument();
  unmount();
  renderPage(<RoutinesPage />, {
    RoutineOptions: { data: { crisisCentres: { items: [{ id: 'c1', name: 'Krisesenteret i Salten', members: [] }] } } },
  });
  expect(await screen.findByText('Krisesenteret i Salten har ingen medlemskommuner registrert.')).toBeInTheDocument();
});

it("says when the centre's routines cannot be fetched", async () => {
  renderPage(<RoutinesPage />, {
    RoutineOptions: OPTIONS,
    CentreRoutines: gqlError('Noe gikk galt hos tjeneren.', { code: 'INTERNAL_SERVER_ERROR' }),
  });
  expect(await screen.findByRole('alert')).toHaveTextContent('Noe gikk galt hos tjeneren.');
  expect(screen.queryByRole('status')).not.toBeInTheDocument();
});
