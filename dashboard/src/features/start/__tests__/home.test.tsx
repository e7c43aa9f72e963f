import { screen, waitFor } from '@testing-library/react';
import { useLocation } from 'react-router';
import { useOpenOnHome } from '../home';
import { renderPage } from '../../../../test/render';

function Where() {
  useOpenOnHome(['senter', 'kommune'], (h): Record<string, string> | null =>
    h.centreId ? { senter: h.centreId, ...(!h.isCentre && h.kommunenummer ? { kommune: h.kommunenummer } : {}) } : null,
  );
  return <p data-testid="where">{useLocation().search}</p>;
}
const me = (grants: object[]) => ({ data: { me: { id: 'u', name: 'N', email: 'n@example.org', grants } } });
const HOME = {
  data: {
    municipality: {
      kommunenummer: '1841',
      centreMemberships: [
        { id: 'old', isCurrent: false, role: 'PARTNER', centre: { id: 'c0', name: 'Gammelt senter' } },
        { id: 'p1', isCurrent: true, role: 'PARTNER', centre: { id: 'c1', name: 'Krisesenteret i Salten' } },
      ],
    },
  },
};

it('opens a director on the centre their municipality belongs to now, and on the municipality', async () => {
  renderPage(
    <Where />,
    { Me: me([{ role: 'DIRECTOR', kommunenummer: '1841', centreId: null, label: 'x' }]), HomeCentre: HOME },
    { route: '/rutiner' },
  );
  await waitFor(() => expect(screen.getByTestId('where')).toHaveTextContent('?senter=c1&kommune=1841'));
});

it('opens a centre leader on their centre without asking the server', async () => {
  const { calls } = renderPage(
    <Where />,
    { Me: me([{ role: 'CENTRE_LEADER', kommunenummer: null, centreId: 'c9', label: 'x' }]) },
    { route: '/rutiner' },
  );
  await waitFor(() => expect(screen.getByTestId('where')).toHaveTextContent('?senter=c9'));
  expect(calls.map((c) => c.name)).not.toContain('HomeCentre');
});

it('keeps what a link chose, and leaves an administrator where they were', async () => {
  renderPage(
    <Where />,
    { Me: me([{ role: 'DIRECTOR', kommunenummer: '1841', centreId: null, label: 'x' }]), HomeCentre: HOME },
    { route: '/rutiner?senter=c5' },
  );
  await screen.findByText('?senter=c5');
  renderPage(<Where />, {}, { route: '/kostnader?aar=2025' });
  await screen.findByText('?aar=2025');
  // Both stay so once the session has loaded.
  await waitFor(() =>
    expect(screen.getAllByTestId('where').map((e) => e.textContent)).toEqual(['?senter=c5', '?aar=2025']),
  );
});
