import { useState } from 'react';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MunicipalityCombobox } from '../MunicipalityCombobox';
import { renderPage } from '../../../test/render';

const MUNICIPALITIES = [
  { kommunenummer: '1804', name: 'Bodø', county: { name: 'Nordland' } },
  { kommunenummer: '1515', name: 'Herøy', county: { name: 'Møre og Romsdal' } },
  { kommunenummer: '1818', name: 'Herøy', county: { name: 'Nordland' } },
  { kommunenummer: '1841', name: 'Fauske', county: { name: 'Nordland' } },
];

function Harness({ onChange }: { onChange(k: string): void }) {
  const [value, setValue] = useState('');
  return (
    <MunicipalityCombobox
      id="m"
      label="Kommune"
      municipalities={MUNICIPALITIES}
      value={value}
      onChange={(k) => {
        setValue(k);
        onChange(k);
      }}
    />
  );
}

it('is a combobox named by its label, whose options show the county after a shared name', () => {
  renderPage(<Harness onChange={() => undefined} />, {});
  const box = screen.getByRole('combobox', { name: 'Kommune' });
  expect(box).toBeInTheDocument();
  const options = screen.getAllByRole('option', { hidden: true }).map((o) => o.textContent);
  expect(options).toEqual(expect.arrayContaining(['Bodø', 'Herøy (Møre og Romsdal)', 'Herøy (Nordland)', 'Fauske']));
});

// Keyboard choice (arrows, Enter, Escape) needs the popover API jsdom lacks: the browser test
// (dashboard/e2e/language.e2e-spec.ts) operates it with the keyboard in Chromium.
it('filters by name or number as one types, and a click chooses', async () => {
  const chosen: string[] = [];
  renderPage(<Harness onChange={(k) => chosen.push(k)} />, {});
  const box = screen.getByRole('combobox', { name: 'Kommune' });
  await userEvent.click(box);
  await userEvent.type(box, 'herø');
  const visible = screen
    .getAllByRole('option', { hidden: true })
    .filter((o) => !(o as HTMLOptionElement).disabled && !o.hasAttribute('data-empty'));
  expect(visible.map((o) => o.textContent)).toEqual(['Herøy (Møre og Romsdal)', 'Herøy (Nordland)']);
  await userEvent.clear(box);
  await userEvent.type(box, '184');
  const byNumber = screen
    .getAllByRole('option', { hidden: true })
    .filter((o) => !(o as HTMLOptionElement).disabled && !o.hasAttribute('data-empty'));
  expect(byNumber.map((o) => o.textContent)).toEqual(['Fauske']);
  await userEvent.click(byNumber[0]);
  expect(chosen.at(-1)).toBe('1841');
});
