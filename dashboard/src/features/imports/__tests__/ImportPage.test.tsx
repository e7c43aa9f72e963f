import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ImportPage from '../ImportPage';
import { gqlError, renderPage } from '../../../../test/render';

const PREVIEW = (over: Record<string, unknown> = {}) => ({
  data: {
    previewPopulationImport: {
      checksum: 'abc',
      years: [2025],
      rows: 2,
      added: 1,
      changed: 1,
      unchanged: 0,
      skipped: 2,
      errors: [],
      changes: [
        { kommunenummer: '1804', name: 'Bodø', year: 2025, before: null, after: 53914 },
        { kommunenummer: '1841', name: 'Fauske', year: 2025, before: 9790, after: 9822 },
      ],
      ...over,
    },
  },
});
const FILE = () => new File(['"region";"år";"x"\n"1804 Bodø";"2025";53914'], '07459.csv', { type: 'text/csv' });

describe('ImportPage', () => {
  it('population and memberships are for administrators only; a director gets the contacts import', async () => {
    renderPage(<ImportPage />, {
      Me: {
        data: {
          me: {
            id: 'u',
            name: 'D',
            email: 'd@x',
            grants: [{ role: 'DIRECTOR', kommunenummer: '1804', centreId: null, label: 'Kommunedirektør' }],
          },
        },
      },
    });
    expect(await screen.findByText('Bare nasjonale administratorer kan importere folketall.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Kontakter fra regneark' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Medlemskap fra regneark' })).toBeNull();
  });

  it('finance staff get neither', async () => {
    renderPage(<ImportPage />, {
      Me: {
        data: {
          me: {
            id: 'u',
            name: 'F',
            email: 'f@x',
            grants: [{ role: 'FINANCE', kommunenummer: '1804', centreId: null, label: 'Økonomi' }],
          },
        },
      },
    });
    expect(await screen.findByText('Bare nasjonale administratorer kan importere folketall.')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Kontakter fra regneark' })).toBeNull();
  });

  it('previews the file, then saves it with the checksum it previewed', async () => {
    const user = userEvent.setup();
    const { calls } = renderPage(<ImportPage />, {
      PreviewPopulationImport: PREVIEW(),
      ConfirmPopulationImport: { data: { confirmPopulationImport: { added: 1, changed: 1, unchanged: 0 } } },
    });
    await user.upload(await screen.findByLabelText('Velg CSV-fil fra SSB'), FILE());
    const preview = await screen.findByTestId('import-preview');
    expect(preview).toHaveTextContent('2 folketall for 2025: 1 nye, 1 endret, 0 uendret; 2 hoppet over');
    expect(preview).toHaveTextContent('1841 Fauske20259 7909 822');
    await user.click(screen.getByRole('button', { name: 'Lagre 2 folketall' }));
    expect(await screen.findByTestId('import-done')).toHaveTextContent(
      'Lagret: 1 nye og 1 endrede folketall (0 uendret).',
    );
    expect(calls.find((c) => c.name === 'ConfirmPopulationImport')!.variables).toEqual({
      csv: '"region";"år";"x"\n"1804 Bodø";"2025";53914',
      checksum: 'abc',
    });
  });

  it('row errors: listed by line, and no save button', async () => {
    const user = userEvent.setup();
    renderPage(<ImportPage />, {
      PreviewPopulationImport: PREVIEW({
        errors: [
          { line: 3, column: 'region', message: 'Ukjent kommunenummer 1899 (Ukjentvik) i dagens kommunestruktur.' },
        ],
      }),
    });
    await user.upload(await screen.findByLabelText('Velg CSV-fil fra SSB'), FILE());
    expect(await screen.findByTestId('import-errors')).toHaveTextContent('Linje 3 (region): Ukjent kommunenummer 1899');
    expect(screen.queryByRole('button', { name: /Lagre/ })).toBeNull();
  });

  it('a repeated file has nothing new; a refused save says why', async () => {
    const user = userEvent.setup();
    const a = renderPage(<ImportPage />, {
      PreviewPopulationImport: PREVIEW({ added: 0, changed: 0, unchanged: 2, changes: [] }),
    });
    await user.upload(await screen.findByLabelText('Velg CSV-fil fra SSB'), FILE());
    expect(await screen.findByText('Filen har ingenting nytt: alle tallene er lagret fra før.')).toBeInTheDocument();
    a.unmount();
    renderPage(<ImportPage />, {
      PreviewPopulationImport: PREVIEW(),
      ConfirmPopulationImport: gqlError('Filen er ikke den samme som ble forhåndsvist.', {
        code: 'BAD_USER_INPUT',
        field: 'checksum',
      }),
    });
    await user.upload(await screen.findByLabelText('Velg CSV-fil fra SSB'), FILE());
    await user.click(await screen.findByRole('button', { name: 'Lagre 2 folketall' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Filen er ikke den samme som ble forhåndsvist.');
  });
});
