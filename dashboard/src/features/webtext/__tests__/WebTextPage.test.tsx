import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import WebTextPage from '../WebTextPage';
import { networkError, renderPage } from '../../../../test/render';

const TEXT = (language: 'NB' | 'NN') => ({
  data: {
    municipalityWebText: {
      language,
      title: language === 'NB' ? 'Krisesentertilbudet i Vang kommune' : 'Krisesentertilbodet i Vang kommune',
      text:
        language === 'NB'
          ? 'Krisesentertilbudet i Vang kommune\n\nTrenger du hjelp nå?'
          : 'Krisesentertilbodet i Vang kommune\n\nTreng du hjelp no?',
      html: '<h2>Krisesentertilbodet i Vang kommune</h2>',
      updatedOn: '2026-11-21',
      gapCodes: ['CENTRE_PHONE_NOT_HELD', 'NO_CONTACT_POINT'],
    },
  },
});
const ROUTE = { route: '/kommuner/3454/nettekst', path: '/kommuner/:kommunenummer/nettekst' };

describe('WebTextPage', () => {
  it('loading and error states', async () => {
    const a = renderPage(<WebTextPage />, { MunicipalityWebText: 'pending' }, ROUTE);
    expect(screen.getAllByRole('status')[0]).toHaveTextContent('Henter');
    a.unmount();
    renderPage(<WebTextPage />, { MunicipalityWebText: networkError() }, ROUTE);
    expect(await screen.findByRole('alert')).toHaveTextContent('Får ikke kontakt');
  });

  it('shows the text in the målform the server chose, switches language, and copies text or HTML', async () => {
    const user = userEvent.setup();
    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const { calls } = renderPage(
      <WebTextPage />,
      { MunicipalityWebText: (v: { language: string | null }) => TEXT((v.language as 'NB' | 'NN') ?? 'NN') },
      ROUTE,
    );
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent(
      'Nettekst: Krisesentertilbodet i Vang kommune',
    );
    expect(screen.getByTestId('webtext-text')).toHaveValue('Krisesentertilbodet i Vang kommune\n\nTreng du hjelp no?');
    expect(screen.getByTestId('webtext-gaps')).toHaveTextContent('telefonnummer');
    expect(screen.getByText('Dataene bak teksten ble sist endret 21.11.2026.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Kopier som HTML' }));
    expect(writeText).toHaveBeenLastCalledWith('<h2>Krisesentertilbodet i Vang kommune</h2>');
    expect(screen.getByText('Kopiert.')).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Målform'), 'NB');
    await waitFor(() =>
      expect(screen.getByTestId('webtext-text')).toHaveValue(
        'Krisesentertilbudet i Vang kommune\n\nTrenger du hjelp nå?',
      ),
    );
    await user.click(screen.getByRole('button', { name: 'Kopier som ren tekst' }));
    expect(writeText).toHaveBeenLastCalledWith('Krisesentertilbudet i Vang kommune\n\nTrenger du hjelp nå?');
    expect(calls.filter((c) => c.name === 'MunicipalityWebText').map((c) => c.variables)).toEqual(
      expect.arrayContaining([
        { kommunenummer: '3454', language: null },
        { kommunenummer: '3454', language: 'NB' },
      ]),
    );
  });

  it('names what the data lacks in the UI language, and marks the text itself as bokmål or nynorsk', async () => {
    localStorage.setItem('samordna.locale', 'en');
    try {
      renderPage(<WebTextPage />, { MunicipalityWebText: TEXT('NN') }, ROUTE);
      const gaps = await screen.findByTestId('webtext-gaps');
      expect(gaps).toHaveTextContent(
        "Samordna does not hold the centre's phone number: add it to the text before publishing.",
      );
      expect(gaps).toHaveTextContent('The municipality has not registered a contact point for the crisis centre.');
      expect(gaps.textContent).not.toMatch(/telefonnummer|kontaktpunkt|[æøå]/i);
      expect(screen.getByTestId('webtext-text')).toHaveAttribute('lang', 'nn');
    } finally {
      localStorage.removeItem('samordna.locale');
    }
  });
});
