import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import RoutinesPage from '../RoutinesPage';
import { gqlError, renderPage } from '../../../../test/render';

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
const step = (id: string, title: string) => ({
  id,
  position: 0,
  kind: 'OTHER',
  title,
  timing: 'DURING_STAY',
  responsibleAgencyKind: null,
  contact: null,
});
const routines = (steps: ReturnType<typeof step>[]) => ({
  data: {
    handoverRoutines: {
      items: [
        {
          id: 'r1',
          version: 4,
          status: 'DRAFT',
          adoptedOn: null,
          reviewDueOn: null,
          lastReviewedOn: null,
          isExample: false,
          municipality: { kommunenummer: '1804', name: 'Bodø' },
          steps,
          missingTemplateSteps: [],
        },
      ],
    },
  },
});

it('adds a step the user writes, at the place they choose, with the routine version they saw', async () => {
  const added: any[] = [];
  renderPage(
    <RoutinesPage />,
    {
      RoutineOptions: OPTIONS,
      CentreRoutines: routines([step('s1', 'Kartlegge behov'), step('s2', 'Finne bolig')]),
      AddTemplateStep: (v: any) => (added.push(v), { data: { addRoutineStep: { id: 's9' } } }),
    },
    { route: '/rutiner?senter=c1&kommune=1804' },
  );
  await userEvent.click(await screen.findByRole('button', { name: '+ Nytt steg' }));
  const dialog = screen.getByRole('heading', { name: 'Nytt steg' }).closest('dialog')!;
  await userEvent.type(within(dialog).getByLabelText('Steg'), 'Avklare skoleskyss');
  await userEvent.selectOptions(within(dialog).getByLabelText('Når'), 'BEFORE_MOVING_OUT');
  await userEvent.selectOptions(within(dialog).getByLabelText('Plassering'), 'Før «Finne bolig»');
  await userEvent.click(within(dialog).getByRole('button', { name: 'Lagre' }));
  expect(added).toEqual([
    {
      routineId: 'r1',
      expectedVersion: 4,
      input: {
        kind: 'OTHER',
        title: 'Avklare skoleskyss',
        timing: 'BEFORE_MOVING_OUT',
        responsibleAgencyKind: null,
        position: 1,
      },
    },
  ]);
  expect(await screen.findByText('Steget er lagret.')).toBeInTheDocument();
});

it('a new step without a title is refused at the field', async () => {
  renderPage(
    <RoutinesPage />,
    {
      RoutineOptions: OPTIONS,
      CentreRoutines: routines([step('s1', 'Kartlegge behov')]),
      AddTemplateStep: gqlError('Tittel må fylles ut.', { code: 'BAD_USER_INPUT', field: 'input.title' }),
    },
    { route: '/rutiner?senter=c1&kommune=1804' },
  );
  await userEvent.click(await screen.findByRole('button', { name: '+ Nytt steg' }));
  const dialog = screen.getByRole('heading', { name: 'Nytt steg' }).closest('dialog')!;
  await userEvent.click(within(dialog).getByRole('button', { name: 'Lagre' }));
  expect(await within(dialog).findByText('Tittel må fylles ut.')).toBeInTheDocument();
  expect(within(dialog).getByLabelText('Steg')).toHaveAttribute('aria-invalid', 'true');
});

it('removes a step after a confirmation, with the version it saw; the last step has no remove button', async () => {
  const removed: any[] = [];
  const { unmount } = renderPage(
    <RoutinesPage />,
    {
      RoutineOptions: OPTIONS,
      CentreRoutines: routines([step('s1', 'Kartlegge behov'), step('s2', 'Finne bolig')]),
      RemoveStep: (v: any) => (removed.push(v), { data: { removeRoutineStep: v.id } }),
    },
    { route: '/rutiner?senter=c1&kommune=1804' },
  );
  await userEvent.click(await screen.findByRole('button', { name: 'Fjern «Finne bolig»' }));
  const dialog = screen.getByRole('heading', { name: 'Fjern' }).closest('dialog')!;
  expect(dialog).toHaveTextContent('Fjerne steget «Finne bolig» fra rutinen?');
  await userEvent.click(within(dialog).getByRole('button', { name: 'Ja, fjern' }));
  expect(removed).toEqual([{ id: 's2', expectedVersion: 4 }]);
  expect(await screen.findByText('Steget er fjernet.')).toBeInTheDocument();
  await waitFor(() => expect(screen.getByRole('button', { name: '+ Nytt steg' })).toHaveFocus());
  unmount();

  renderPage(
    <RoutinesPage />,
    { RoutineOptions: OPTIONS, CentreRoutines: routines([step('s1', 'Kartlegge behov')]) },
    { route: '/rutiner?senter=c1&kommune=1804' },
  );
  await screen.findByTestId('step-table');
  expect(screen.getByRole('button', { name: 'Rediger «Kartlegge behov»' })).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: 'Fjern «Kartlegge behov»' })).not.toBeInTheDocument();
});

it("a refused removal says why (the server's rule for the last step)", async () => {
  renderPage(
    <RoutinesPage />,
    {
      RoutineOptions: OPTIONS,
      CentreRoutines: routines([step('s1', 'Kartlegge behov'), step('s2', 'Finne bolig')]),
      RemoveStep: gqlError(
        '«Finne bolig» er rutinens eneste steg. En rutine må ha minst ett steg; legg til et nytt først, eller slett rutinen.',
        { code: 'BAD_USER_INPUT', field: 'id' },
      ),
    },
    { route: '/rutiner?senter=c1&kommune=1804' },
  );
  await userEvent.click(await screen.findByRole('button', { name: 'Fjern «Finne bolig»' }));
  await userEvent.click(screen.getByRole('button', { name: 'Ja, fjern' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('En rutine må ha minst ett steg');
});
