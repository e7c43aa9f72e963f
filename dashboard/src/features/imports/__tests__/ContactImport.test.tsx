import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ContactImport } from '../ContactImport';
import { ImportProgress } from '../ImportProgress';
import { I18nProvider } from '../../../i18n/i18n';
import { renderPage } from '../../../../test/render';

const CSV =
  'kommunenummer;tjeneste;navn på tjenesten;kontaktperson;kontaktpunkt\n1841;NAV;NAV Fauske;Sigrid;ja\n\n1841;Politi;Politiet;Per;\n';
const PREVIEW = (over: Record<string, unknown> = {}) => ({
  data: {
    previewContactImport: {
      checksum: 'sum',
      rows: 2,
      added: 1,
      changed: 1,
      unchanged: 0,
      agenciesAdded: 1,
      errors: [],
      changes: [
        {
          line: 2,
          action: 'CHANGE',
          kommunenummer: '1841',
          municipality: 'Fauske',
          kind: 'NAV',
          agency: 'NAV Fauske',
          newAgency: false,
          name: 'Sigrid',
          title: null,
          isContactPoint: true,
          fields: ['kontaktpunkt'],
        },
        {
          line: 4,
          action: 'ADD',
          kommunenummer: '1841',
          municipality: 'Fauske',
          kind: 'POLICE',
          agency: 'Politiet',
          newAgency: true,
          name: 'Per',
          title: 'Politikontakt',
          isContactPoint: false,
          fields: [],
        },
      ],
      ...over,
    },
  },
});
const upload = (user: ReturnType<typeof userEvent.setup>, file: File) =>
  user.upload(screen.getByLabelText('Velg CSV- eller XLSX-fil med kontakter'), file);

describe('ContactImport', () => {
  it('shows «Kontrollerer N rader…» (the data rows of the CSV) while the server checks the file', async () => {
    const user = userEvent.setup();
    const { calls } = renderPage(<ContactImport />, { PreviewContactImport: 'pending' });
    await upload(user, new File([CSV], 'kontakter.csv', { type: 'text/csv' }));
    expect(await screen.findByTestId('import-progress')).toHaveTextContent('Kontrollerer 2 rader…');
    expect(screen.getByLabelText('Velg CSV- eller XLSX-fil med kontakter')).toBeDisabled();
    expect(calls.find((c) => c.name === 'PreviewContactImport')!.variables).toEqual({ file: CSV, format: 'CSV' });
    expect(screen.queryByTestId('contact-preview')).toBeNull();
  });

  it('the preview lists each change by line; saving shows progress and the result', async () => {
    const user = userEvent.setup();
    const { calls } = renderPage(<ContactImport />, {
      PreviewContactImport: PREVIEW(),
      ConfirmContactImport: 'pending',
    });
    await upload(user, new File([CSV], 'kontakter.csv', { type: 'text/csv' }));
    const p = await screen.findByTestId('contact-preview');
    expect(p).toHaveTextContent('2 rader: 1 nye kontakter, 1 endret, 0 uendret; 1 nye tjenester.');
    expect(screen.getByRole('table')).toHaveTextContent('Politiet · Politi (ny tjeneste)');
    expect(screen.getByRole('table')).toHaveTextContent('Endres: kontaktpunkt');
    expect(screen.getByRole('table')).toHaveTextContent('Sigrid · kontaktpunkt');
    await user.click(screen.getByRole('button', { name: 'Lagre 2 kontakter' }));
    expect(await screen.findByTestId('import-progress')).toHaveTextContent('Lagrer 2 endringer…');
    expect(calls.find((c) => c.name === 'ConfirmContactImport')!.variables).toEqual({
      file: CSV,
      format: 'CSV',
      checksum: 'sum',
    });
  });

  it('an XLSX goes as base64; the result is shown once saved', async () => {
    const user = userEvent.setup();
    const { calls } = renderPage(<ContactImport />, {
      PreviewContactImport: PREVIEW(),
      ConfirmContactImport: { data: { confirmContactImport: { added: 1, changed: 1, unchanged: 0 } } },
    });
    await upload(user, new File([Uint8Array.from([80, 75, 3, 4])], 'kontakter.xlsx'));
    await screen.findByTestId('contact-preview');
    expect(calls.find((c) => c.name === 'PreviewContactImport')!.variables).toEqual({
      file: 'UEsDBA==',
      format: 'XLSX',
    });
    await user.click(screen.getByRole('button', { name: 'Lagre 2 kontakter' }));
    expect(await screen.findByTestId('contact-done')).toHaveTextContent(
      'Lagret: 1 nye og 1 endrede kontakter (0 uendret).',
    );
    expect(screen.queryByTestId('import-progress')).toBeNull();
  });

  it('row errors: listed by line, no save button', async () => {
    const user = userEvent.setup();
    renderPage(<ContactImport />, {
      PreviewContactImport: PREVIEW({
        errors: [{ line: 3, column: 'merknad', message: 'Merknaden ser ut til å inneholde et telefonnummer.' }],
      }),
    });
    await upload(user, new File([CSV], 'k.csv', { type: 'text/csv' }));
    expect(await screen.findByTestId('import-errors')).toHaveTextContent(
      'Linje 3 (merknad): Merknaden ser ut til å inneholde et telefonnummer.',
    );
    expect(screen.queryByRole('button', { name: /Lagre/ })).toBeNull();
  });
});

it.each([
  [{ step: 'reading' } as const, 'Leser fil…', 1],
  [{ step: 'checking', rows: 1200 } as const, 'Kontrollerer 1200 rader…', 2],
  [{ step: 'checking', rows: null } as const, 'Kontrollerer radene i regnearket…', 2],
  [{ step: 'saving', rows: 7 } as const, 'Lagrer 7 endringer…', 3],
])('ImportProgress %j', (stage, text, step) => {
  render(
    <I18nProvider>
      <ImportProgress stage={stage} />
    </I18nProvider>,
  );
  expect(screen.getByRole('status')).toHaveTextContent(text);
  expect(screen.getByRole('progressbar', { name: `Trinn ${step} av 3` })).toHaveAttribute('value', String(step));
});
