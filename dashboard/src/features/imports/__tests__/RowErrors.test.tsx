import { render, screen } from '@testing-library/react';
import { I18nProvider, loadMessages, type Locale } from '../../../i18n/i18n';
import { setMessageKeyWording } from '../../../lib/errors';
import { RowErrors } from '../RowErrors';

beforeAll(() => loadMessages('en'));
afterEach(() => setMessageKeyWording(null));

const show = (locale: Locale, errors: Parameters<typeof RowErrors>[0]['errors']) =>
  render(
    <I18nProvider initialLocale={locale}>
      <RowErrors errors={errors} />
    </I18nProvider>,
  );

// As the server sends them (a preview's errors and a refusal's rowErrors alike).
const PREVIEW_ERROR = {
  line: 4,
  column: 'Personer',
  message: '«ni tusen» er ikke et helt, ikke-negativt folketall.',
  messageKey: 'import.notPopulation',
  params: { value: 'ni tusen' },
};
const REFUSAL_ERROR = {
  line: 7,
  column: 'merknad',
  message: 'Merknaden kan være høyst 2000 tegn.',
  messageKey: 'field.tooLong',
  params: { label: 'theNote', max: 2000 },
};

it('words row errors in English by their messageKey, label params too', () => {
  show('en', [PREVIEW_ERROR, REFUSAL_ERROR]);
  const items = screen.getAllByRole('listitem').map((li) => li.textContent);
  expect(items[0]).toContain('«ni tusen» is not a whole, non-negative population figure.');
  expect(items[0]).not.toContain('folketall');
  expect(items[1]).toContain('The note can be at most 2000 characters.');
});

it('words them from the same catalogue in bokmål', () => {
  show('nb', [PREVIEW_ERROR]);
  expect(screen.getByRole('listitem').textContent).toContain('«ni tusen» er ikke et helt, ikke-negativt folketall.');
});

it('shows the message of an unknown key (an older or newer server), and of an error without a key', () => {
  show('en', [
    { line: 2, column: null, message: 'Noe nytt er galt.', messageKey: 'import.fromTheFuture', params: {} },
    { line: 3, column: null, message: 'Uten nøkkel.' },
  ]);
  const items = screen.getAllByRole('listitem').map((li) => li.textContent);
  expect(items[0]).toContain('Noe nytt er galt.');
  expect(items[1]).toContain('Uten nøkkel.');
});
