import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CostTermsForm } from '../CostTermsForm';
import { gqlError, renderPage } from '../../../../test/render';

const AGREEMENT = {
  data: {
    agreement: {
      id: 'a1',
      title: 'Samarbeidsavtale om krisesentertilbud',
      version: 7,
      status: 'DRAFT',
      costTerms: {
        model: 'PER_INHABITANT_HOST_RESIDUAL',
        label: 'x',
        rateOre: 8_500,
        hostRateOre: null,
        hostShareBp: null,
        baseOre: null,
        usageWeightBp: null,
      },
    },
  },
};

it('shows the agreed rate in kroner and sets base + per inhabitant with its base, against the version seen', async () => {
  const sent: any[] = [];
  renderPage(<CostTermsForm agreementId="a1" />, {
    FinanceAgreement: AGREEMENT,
    SetCostTerms: (v: any) => (
      sent.push(v),
      { data: { setAgreementCostTerms: { id: 'a1', version: 8, costTerms: { model: 'BASE_PLUS_PER_INHABITANT' } } } }
    ),
  });
  expect(await screen.findByLabelText('Sats per innbygger (kr)')).toHaveValue('85');
  await userEvent.selectOptions(screen.getByLabelText('Modell'), 'BASE_PLUS_PER_INHABITANT');
  await userEvent.type(screen.getByLabelText('Grunnbeløp per kommune (kr)'), '500 000');
  await userEvent.click(screen.getByRole('button', { name: 'Lagre kostnadsmodellen' }));
  expect(await screen.findByText('Kostnadsmodellen er lagret.')).toBeInTheDocument();
  expect(sent[0]).toEqual({
    id: 'a1',
    expectedVersion: 7,
    terms: { model: 'BASE_PLUS_PER_INHABITANT', baseOre: 50_000_000 },
  });
});

it('refuses an unreadable value at the field, and shows the server’s refusal of an agreement in force', async () => {
  renderPage(<CostTermsForm agreementId="a1" />, {
    FinanceAgreement: AGREEMENT,
    SetCostTerms: gqlError('Kostnadsmodellen kan bare endres ved en godkjent endring mens avtalen gjelder.', {
      code: 'AMENDMENT_REQUIRED',
      field: 'terms',
    }),
  });
  const rate = await screen.findByLabelText('Sats per innbygger (kr)');
  await userEvent.clear(rate);
  await userEvent.type(rate, 'abc');
  await userEvent.click(screen.getByRole('button', { name: 'Lagre kostnadsmodellen' }));
  expect(
    await screen.findByText('Prisen per innbygger må være et beløp i kroner, for eksempel 120 eller 120,50.'),
  ).toBeInTheDocument();
  await userEvent.clear(rate);
  await userEvent.type(rate, '90');
  await userEvent.click(screen.getByRole('button', { name: 'Lagre kostnadsmodellen' }));
  expect(await screen.findByText(/kan bare endres ved en godkjent endring/)).toBeInTheDocument();
});
