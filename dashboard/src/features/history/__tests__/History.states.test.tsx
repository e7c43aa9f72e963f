import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { History } from '../History';
import { networkError, renderPage } from '../../../../test/render';

it('shows progress, and says when the history cannot be fetched instead of spinning on', async () => {
  const { unmount } = renderPage(<History entity="Agreement" entityId="a1" />, { AuditLog: 'pending' });
  expect(await screen.findByRole('status')).toHaveTextContent('Henter');
  unmount();
  const { calls } = renderPage(<History entity="Agreement" entityId="a1" />, { AuditLog: networkError() });
  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent('Får ikke kontakt med tjeneren');
  await userEvent.click(within(alert).getByRole('button', { name: 'Prøv igjen' }));
  expect(calls.filter((c) => c.name === 'AuditLog').length).toBeGreaterThan(1);
});
