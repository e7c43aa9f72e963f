import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MembershipImport } from '../MembershipImport';
import { renderPage } from '../../../../test/render';

const PREVIEW = (over: Record<string, unknown> = {}) => ({
  data: {
    previewMembershipImport: {
      checksum: 'sum',
      rows: 2,
      added: 1,
      changed: 0,
      unchanged: 1,
      errors: [],
      changes: [
        {
          line: 3,
          action: 'ADD',
          centre: 'Krisesenteret i Salten',
          kommunenummer: '1868',
          municipality: 'Øksnes',
          role: 'partner',
          joinedOn: '2027-01-01',
          leftOn: null,
        },
      ],
      ...over,
    },
  },
});

describe('MembershipImport', () => {
  it('an XLSX goes as base64 with its format; the preview lists the changes; saving sends the checksum', async () => {
    const user = userEvent.setup();
    const { calls } = renderPage(<MembershipImport />, {
      PreviewMembershipImport: PREVIEW(),
      ConfirmMembershipImport: { data: { confirmMembershipImport: { added: 1, changed: 0, unchanged: 1 } } },
    });
    await user.upload(
      screen.getByLabelText('Velg CSV- eller XLSX-fil med medlemskap'),
      new File([Uint8Array.from([80, 75, 3, 4])], 'medlemskap.xlsx'),
    );
    expect(await screen.findByTestId('membership-preview')).toHaveTextContent(
      '2 rader: 1 nye medlemskap, 0 endret, 1 uendret.',
    );
    expect(screen.getByRole('table')).toHaveTextContent('1868 Øksnes');
    expect(screen.getByRole('table')).toHaveTextContent('01.01.2027');
    expect(calls.find((c) => c.name === 'PreviewMembershipImport')!.variables).toEqual({
      file: 'UEsDBA==',
      format: 'XLSX',
    });
    await user.click(screen.getByRole('button', { name: 'Lagre 1 medlemskap' }));
    expect(await screen.findByTestId('membership-done')).toHaveTextContent(
      'Lagret: 1 nye og 0 endrede medlemskap (1 uendret).',
    );
    expect(calls.find((c) => c.name === 'ConfirmMembershipImport')!.variables).toEqual({
      file: 'UEsDBA==',
      format: 'XLSX',
      checksum: 'sum',
    });
  });

  it('a CSV with row errors: listed, no save button', async () => {
    const user = userEvent.setup();
    const { calls } = renderPage(<MembershipImport />, {
      PreviewMembershipImport: PREVIEW({ errors: [{ line: 2, column: 'senter', message: 'Ukjent krisesenter «X».' }] }),
    });
    await user.upload(
      screen.getByLabelText('Velg CSV- eller XLSX-fil med medlemskap'),
      new File(['senter;kommunenummer;rolle\nX;1804;vertskommune'], 'm.csv', { type: 'text/csv' }),
    );
    expect(await screen.findByTestId('import-errors')).toHaveTextContent('Linje 2 (senter): Ukjent krisesenter «X».');
    expect(screen.queryByRole('button', { name: /Lagre/ })).toBeNull();
    expect(calls.find((c) => c.name === 'PreviewMembershipImport')!.variables).toEqual({
      file: 'senter;kommunenummer;rolle\nX;1804;vertskommune',
      format: 'CSV',
    });
  });
});
