import { createRef } from 'react';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StepDialog } from '../StepDialog';
import { gqlError, renderPage } from '../../../../test/render';

it('on a conflict shows the step as someone else saved it and saves against the new routine version when asked', async () => {
  const saves: any[] = [];
  const onSaved = jest.fn();
  const ref = createRef<HTMLDialogElement>();
  renderPage(
    <StepDialog
      ref={ref}
      draft={{ id: 's1', version: 5, title: 'Finne bolig', timing: 'DURING_STAY', responsibleAgencyKind: null }}
      onSaved={onSaved}
    />,
    {
      UpdateStep: (v: any) => {
        saves.push(v);
        if (v.expectedVersion === 5) {
          return gqlError('Noen andre har endret rutinen etter at du åpnet den.', {
            code: 'CONFLICT',
            current: {
              id: 's1',
              version: 6,
              title: 'Finne bolig',
              timing: 'BEFORE_MOVING_OUT',
              responsibleAgencyKind: 'HOUSING_OFFICE',
            },
          });
        }
        return {
          data: {
            updateRoutineStep: { id: 's1', title: 'Finne bolig', timing: 'DURING_STAY', responsibleAgencyKind: null },
          },
        };
      },
    },
  );
  act(() => ref.current?.setAttribute('open', ''));
  await userEvent.selectOptions(screen.getByLabelText('Når'), 'ON_ARRIVAL');
  await userEvent.click(screen.getByRole('button', { name: 'Lagre' }));
  const conflict = await screen.findByTestId('conflict');
  expect(conflict).toHaveTextContent('tatt inn i skjemaet: Ansvarlig');
  expect(conflict).toHaveTextContent('er nå «Før utflytting» (du skrev «Ved innflytting»)');
  expect(conflict.querySelectorAll('li')).toHaveLength(1);
  await userEvent.click(within(conflict).getByRole('button', { name: 'Lagre mine verdier over de nye' }));
  expect(saves.map((s) => s.expectedVersion)).toEqual([5, 6]);
  expect(saves[1].input).toEqual({
    title: 'Finne bolig',
    timing: 'ON_ARRIVAL',
    responsibleAgencyKind: 'HOUSING_OFFICE',
  });
  expect(onSaved).toHaveBeenCalledTimes(1);
});
