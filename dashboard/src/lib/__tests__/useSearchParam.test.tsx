import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, useLocation, useNavigationType } from 'react-router';
import { useSearchParam } from '../useSearchParam';

/** A filter bound to `?senter=`, with buttons that write it, and the address it leaves behind. */
function CentreFilter({ fallback, clears }: { fallback?: string; clears?: string[] }) {
  const [centre, setCentre] = useSearchParam('senter', fallback, { clears });
  const location = useLocation();
  const navigation = useNavigationType();
  return (
    <>
      <output aria-label="senter">{centre}</output>
      <output aria-label="adresse">{location.search}</output>
      <output aria-label="navigasjon">{navigation}</output>
      <button onClick={() => setCentre('c2')}>Senter 2</button>
      <button onClick={() => setCentre('')}>Alle</button>
      <button onClick={() => setCentre(null)}>Fjern</button>
    </>
  );
}

function renderAt(url: string, props: { fallback?: string; clears?: string[] } = {}) {
  render(
    <MemoryRouter initialEntries={[url]}>
      <CentreFilter {...props} />
    </MemoryRouter>,
  );
}

const value = (name: string) => screen.getByRole('status', { name }).textContent;

it('reads the parameter from the address', () => {
  renderAt('/kart?senter=c1');
  expect(value('senter')).toBe('c1');
});

it('gives the fallback when the address names none', () => {
  renderAt('/kart?fylke=03', { fallback: 'hjem' });
  expect(value('senter')).toBe('hjem');
});

it('writes the value back and keeps every other parameter', async () => {
  renderAt('/kart?fylke=03&senter=c1&alvor=HIGH');
  await userEvent.click(screen.getByRole('button', { name: 'Senter 2' }));
  expect(value('senter')).toBe('c2');
  expect(value('adresse')).toBe('?fylke=03&senter=c2&alvor=HIGH');
  // Replaces the history entry: Back leaves the page rather than stepping through its filters.
  expect(value('navigasjon')).toBe('REPLACE');
});

it('removes the parameter for an empty value or null, so the fallback applies again', async () => {
  renderAt('/kart?fylke=03&senter=c1', { fallback: 'hjem' });
  await userEvent.click(screen.getByRole('button', { name: 'Alle' }));
  expect(value('adresse')).toBe('?fylke=03');
  expect(value('senter')).toBe('hjem');
  await userEvent.click(screen.getByRole('button', { name: 'Senter 2' }));
  await userEvent.click(screen.getByRole('button', { name: 'Fjern' }));
  expect(value('adresse')).toBe('?fylke=03');
});

it('clears the parameters that depend on it in the same write', async () => {
  renderAt('/rutiner?senter=c1&kommune=0301&rutine=r1', { clears: ['kommune'] });
  await userEvent.click(screen.getByRole('button', { name: 'Senter 2' }));
  expect(value('adresse')).toBe('?senter=c2&rutine=r1');
});
