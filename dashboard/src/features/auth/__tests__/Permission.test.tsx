import { screen } from '@testing-library/react';
import { Permission } from '../Permission';
import { ANONYMOUS, renderPage } from '../../../../test/render';

const controls = (
  <Permission allowed={(g) => g.some((x) => x.role === 'ADMIN')}>
    <button type="button">Endre</button>
  </Permission>
);

it('shows nothing while the session is being asked for, then the controls or the reason', async () => {
  const { unmount } = renderPage(controls, { Me: 'pending' });
  expect(screen.queryByTestId('permission-note')).not.toBeInTheDocument();
  expect(screen.queryByRole('button', { name: 'Endre' })).not.toBeInTheDocument();
  unmount();

  const anonymous = renderPage(controls, { Me: ANONYMOUS });
  expect(await screen.findByTestId('permission-note')).toHaveTextContent('Logg inn for å endre.');
  anonymous.unmount();

  renderPage(controls, {});
  expect(await screen.findByRole('button', { name: 'Endre' })).toBeInTheDocument();
  expect(screen.queryByTestId('permission-note')).not.toBeInTheDocument();
});
