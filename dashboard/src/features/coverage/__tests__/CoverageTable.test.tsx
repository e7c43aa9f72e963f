import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CoverageTable, type TableRow } from '../CoverageTable';
import { renderPage } from '../../../../test/render';

const row = (kommunenummer: string, name: string, severity: TableRow['severity'], critical: number): TableRow => ({
  kommunenummer,
  name,
  county: 'Nordland',
  severity,
  critical,
  warning: 0,
  info: 0,
});
const ROWS = [row('1804', 'Bodø', 'WARNING', 0), row('1841', 'Fauske', 'CRITICAL', 2), row('1833', 'Rana', 'OK', 0)];
const names = () =>
  within(screen.getByTestId('coverage-table'))
    .getAllByRole('row')
    .slice(1)
    .map((r) => within(r).getAllByRole('cell')[0].textContent);

it('sorts worst first, then by the chosen column, and reverses on a second click', async () => {
  renderPage(<CoverageTable rows={ROWS} onSelect={() => undefined} />, {});
  expect(names()).toEqual(['Fauske', 'Bodø', 'Rana']);
  expect(screen.getByRole('columnheader', { name: /Alvorligste funn/ })).toHaveAttribute('aria-sort', 'ascending');

  const byName = screen.getByRole('button', { name: 'Sorter etter Kommune' });
  await userEvent.click(byName);
  expect(names()).toEqual(['Bodø', 'Fauske', 'Rana']);
  expect(screen.getByRole('columnheader', { name: /Kommune/ })).toHaveAttribute('aria-sort', 'ascending');
  expect(screen.getByRole('columnheader', { name: /Alvorligste funn/ })).toHaveAttribute('aria-sort', 'none');
  // One indicator per header: Designsystemet's (drawn by CSS from aria-sort), no arrow in the text.
  expect(byName.textContent).toBe('Kommune');

  await userEvent.click(byName);
  expect(names()).toEqual(['Rana', 'Fauske', 'Bodø']);
  expect(screen.getByRole('columnheader', { name: /Kommune/ })).toHaveAttribute('aria-sort', 'descending');
  expect(byName.textContent).toBe('Kommune');
});
