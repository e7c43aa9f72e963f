import { screen, within } from '@testing-library/react';
import { History } from '../History';
import { ANONYMOUS, renderPage } from '../../../../test/render';

const ENTRIES = {
  data: {
    auditLog: {
      totalCount: 2,
      items: [
        {
          id: '2',
          at: '2026-11-21T10:15:00.000Z',
          operation: 'UPDATE',
          entity: 'RoutineStep',
          partLabel: 'Finne bolig',
          userLabel: 'Lise Leder <leder@example.no>',
          changes: { timing: { before: 'ON_ARRIVAL', after: 'DURING_STAY' } },
        },
        {
          id: '1',
          at: '2026-11-20T08:00:00.000Z',
          operation: 'REORDER',
          entity: 'HandoverRoutine',
          partLabel: null,
          userLabel: null,
          changes: { stepOrder: { before: ['a', 'b'], after: ['b', 'a'] } },
        },
      ],
    },
  },
};

it('shows who changed what in words, naming the step a change concerns, in Norwegian time', async () => {
  renderPage(<History entity="HandoverRoutine" entityId="r1" />, { AuditLog: ENTRIES });
  const rows = within(await screen.findByRole('table')).getAllByRole('row');
  expect(rows[1]).toHaveTextContent('21.11.2026, 11:15');
  expect(rows[1]).toHaveTextContent('EndretSteg «Finne bolig»');
  expect(rows[1]).toHaveTextContent('Når: ON_ARRIVAL → DURING_STAY');
  expect(rows[2]).toHaveTextContent('System (innlasting)');
  expect(rows[2]).toHaveTextContent('Ny rekkefølge');
  expect(rows[2]).toHaveTextContent('stepOrder: a, b → b, a');
});

it('asks anonymous readers to sign in, and says when there is nothing yet', async () => {
  const { unmount } = renderPage(<History entity="Agreement" entityId="a1" />, { Me: ANONYMOUS });
  expect(await screen.findByText('Logg inn for å se historikken.')).toBeInTheDocument();
  unmount();
  renderPage(<History entity="Agreement" entityId="a1" />, {
    AuditLog: { data: { auditLog: { totalCount: 0, items: [] } } },
  });
  expect(await screen.findByText('Ingen endringer er registrert ennå.')).toBeInTheDocument();
});
