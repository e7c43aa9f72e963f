import { screen, within } from '@testing-library/react';
import AgreementDocumentPage from '../AgreementDocumentPage';
import { networkError, renderPage } from '../../../../test/render';

const DOC = {
  data: {
    agreementDocument: {
      title: 'Samarbeidsavtale Salten',
      subtitle: 'Krisesenteret i Salten · Aktiv · utkast generert av Samordna',
      missingSections: ['8. Tvister'],
      sections: [
        {
          key: 'PARTIES',
          heading: '1. Parter',
          incomplete: false,
          blocks: [
            { type: 'paragraph', text: 'Avtalen er inngått mellom …' },
            { type: 'table', header: ['Kommune', 'Vedtak'], rows: [['Fauske', 'mangler']] },
          ],
        },
        {
          key: 'DISPUTES',
          heading: '8. Tvister',
          incomplete: true,
          blocks: [{ type: 'missing', text: 'hvordan uenighet løses' }],
        },
      ],
    },
  },
};

describe('AgreementDocumentPage', () => {
  it('loading and error states', async () => {
    const a = renderPage(
      <AgreementDocumentPage />,
      { AgreementDocument: 'pending' },
      { route: '/avtaler/a1/dokument', path: '/avtaler/:id/dokument' },
    );
    expect(screen.getAllByRole('status')[0]).toHaveTextContent('Henter');
    a.unmount();
    renderPage(
      <AgreementDocumentPage />,
      { AgreementDocument: networkError() },
      { route: '/avtaler/a1/dokument', path: '/avtaler/:id/dokument' },
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('Får ikke kontakt');
  });

  it('the sections with «mangler» marked, print and the DOCX download', async () => {
    const { calls } = renderPage(
      <AgreementDocumentPage />,
      { AgreementDocument: DOC },
      { route: '/avtaler/a1/dokument', path: '/avtaler/:id/dokument' },
    );
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('Samarbeidsavtale Salten');
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(['1. Parter', '8. Tvister']);
    expect(screen.getByTestId('document-missing')).toHaveTextContent('8. Tvister');
    const disputes = screen.getByRole('region', { name: '8. Tvister' });
    expect(within(disputes).getByText('mangler:').tagName).toBe('MARK');
    expect(within(screen.getByRole('table')).getByText('mangler').tagName).toBe('MARK');
    expect(screen.getByRole('link', { name: 'Last ned som Word (DOCX)' })).toHaveAttribute(
      'href',
      '/documents/agreement/a1.docx',
    );
    expect(screen.getByRole('button', { name: 'Skriv ut' })).toBeInTheDocument();
    expect(calls.find((c) => c.name === 'AgreementDocument')!.variables).toEqual({ id: 'a1', amendmentId: null });
  });
});

describe('an amendment’s version', () => {
  it('marks new text as inserted and removed text as deleted, and the DOCX link carries the amendment', async () => {
    const { calls } = renderPage(
      <AgreementDocumentPage />,
      {
        AgreementDocument: {
          data: {
            agreementDocument: {
              ...DOC.data.agreementDocument,
              missingSections: [],
              sections: [
                {
                  key: 'DURATION_NOTICE',
                  heading: '5. Varighet og oppsigelse',
                  incomplete: false,
                  blocks: [
                    {
                      type: 'change',
                      change: 'deleted',
                      block: { type: 'paragraph', text: 'Oppsigelsesfristen er 6 måneder.' },
                    },
                    {
                      type: 'change',
                      change: 'inserted',
                      block: { type: 'paragraph', text: 'Oppsigelsesfristen er 3 måneder.' },
                    },
                  ],
                },
              ],
            },
          },
        },
      },
      { route: '/avtaler/a1/dokument?endring=x1', path: '/avtaler/:id/dokument' },
    );
    expect((await screen.findByText('Oppsigelsesfristen er 6 måneder.')).closest('del')).not.toBeNull();
    expect(screen.getByText('Oppsigelsesfristen er 3 måneder.').closest('ins')).not.toBeNull();
    expect(screen.getByRole('link', { name: 'Last ned som Word (DOCX)' })).toHaveAttribute(
      'href',
      '/documents/agreement/a1.docx?amendmentId=x1',
    );
    expect(calls.find((c) => c.name === 'AgreementDocument')!.variables).toEqual({ id: 'a1', amendmentId: 'x1' });
  });
});
