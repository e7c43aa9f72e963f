import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import RoutinesPage from '../RoutinesPage';
import { gqlError, renderPage } from '../../../../test/render';
import type {
  AddTemplateStepMutationVariables,
  CentreRoutinesQuery,
  ReorderStepsMutationVariables,
  RoutineOptionsQuery,
} from '../../../gql/graphql';

// Fixtures typed from the generated query types: a selected field left out fails typecheck.
type Routine = CentreRoutinesQuery['handoverRoutines']['items'][number];
const step = (id: string, title: string): Routine['steps'][number] => ({
  id,
  position: 0,
  kind: 'OTHER',
  title,
  timing: 'DURING_STAY',
  responsibleAgencyKind: null,
  contact: null,
});
const ROUTINE: Routine = {
  id: 'r1',
  version: 1,
  status: 'DRAFT',
  adoptedOn: null,
  reviewDueOn: null,
  lastReviewedOn: null,
  isExample: false,
  municipality: { kommunenummer: '1804', name: 'Bodø' },
  steps: [step('s1', 'Kartlegge behov'), step('s2', 'Finne bolig')],
  missingTemplateSteps: [],
};
const routines = (...items: Routine[]): { data: CentreRoutinesQuery } => ({ data: { handoverRoutines: { items } } });

const OPTIONS: { data: RoutineOptionsQuery } = {
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

it('shows progress, then offers to make a routine when there is none', async () => {
  const { unmount } = renderPage(<RoutinesPage />, { RoutineOptions: OPTIONS, CentreRoutines: 'pending' });
  expect(await screen.findByRole('status')).toHaveTextContent('Henter');
  unmount();
  renderPage(<RoutinesPage />, {
    RoutineOptions: OPTIONS,
    CentreRoutines: routines(),
  });
  expect(await screen.findByText('Ingen rutine for Krisesenteret i Salten og Bodø ennå.')).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Lag rutine fra Bufdirs mal' })).toBeInTheDocument();
});

it('shows the steps in order with move buttons, and an overdue review', async () => {
  renderPage(<RoutinesPage />, {
    RoutineOptions: OPTIONS,
    CentreRoutines: routines({
      ...ROUTINE,
      status: 'ADOPTED',
      adoptedOn: '2024-01-01',
      reviewDueOn: '2025-01-01',
      isExample: true,
    }),
  });
  const table = await screen.findByTestId('step-table');
  expect(within(table).getAllByRole('row')).toHaveLength(3);
  expect(screen.getByRole('button', { name: 'Flytt «Kartlegge behov» opp' })).toBeDisabled();
  expect(screen.getByRole('button', { name: 'Flytt «Finne bolig» ned' })).toBeDisabled();
  expect(screen.getByText('Gjennomgang forsinket')).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'Utskriftsside: «Flytter til Bodø»' })).toHaveAttribute(
    'href',
    '/flytter/1804',
  );
});

it('a reorder from an older view is refused: says so, shows the new version, and sends the version it saw', async () => {
  const reorders: ReorderStepsMutationVariables[] = [];
  const { calls } = renderPage(<RoutinesPage />, {
    RoutineOptions: OPTIONS,
    CentreRoutines: routines({ ...ROUTINE, version: 7 }),
    ReorderSteps: (v: ReorderStepsMutationVariables) => {
      reorders.push(v);
      return gqlError('Noen andre har endret rutinen etter at du åpnet den.', { code: 'CONFLICT', currentVersion: 8 });
    },
  });
  await userEvent.click(await screen.findByRole('button', { name: 'Flytt «Finne bolig» opp' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('Noen andre har endret dette');
  expect(reorders).toEqual([{ routineId: 'r1', stepIds: ['s2', 's1'], expectedVersion: 7 }]);
  expect(calls.filter((c) => c.name === 'CentreRoutines').length).toBeGreaterThan(1);
});

it('offers the template steps an existing routine lacks, and adds one as the template gives it, with the version it saw', async () => {
  const added: AddTemplateStepMutationVariables[] = [];
  renderPage(<RoutinesPage />, {
    RoutineOptions: OPTIONS,
    CentreRoutines: routines({
      ...ROUTINE,
      version: 3,
      status: 'ADOPTED',
      adoptedOn: '2026-01-01',
      reviewDueOn: '2027-01-01',
      steps: [step('s1', 'Kartlegge behov')],
      missingTemplateSteps: [
        {
          kind: 'FAMILY_COUNSELLING',
          title: 'Familievernet: foreldretvist, samvær og mekling',
          timing: 'DURING_STAY',
          responsibleAgencyKind: 'FAMILY_COUNSELLING',
          basis: 'Bufdir',
        },
      ],
    }),
    AddTemplateStep: (v: AddTemplateStepMutationVariables) => {
      added.push(v);
      return { data: { addRoutineStep: { id: 's9' } } };
    },
  });
  const offered = await screen.findByTestId('offered-steps');
  expect(offered).toHaveTextContent('Familievernet: foreldretvist, samvær og mekling – Familievern');
  expect(within(screen.getByTestId('step-table')).getAllByRole('row')).toHaveLength(2); // the routine keeps its one step
  await userEvent.click(
    within(offered).getByRole('button', { name: 'Legg til steget «Familievernet: foreldretvist, samvær og mekling»' }),
  );
  expect(added).toEqual([
    {
      routineId: 'r1',
      input: {
        kind: 'FAMILY_COUNSELLING',
        title: 'Familievernet: foreldretvist, samvær og mekling',
        timing: 'DURING_STAY',
        responsibleAgencyKind: 'FAMILY_COUNSELLING',
      },
      expectedVersion: 3,
    },
  ]);
});
