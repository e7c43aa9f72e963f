import { createRef } from 'react';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ContactDialog } from '../ContactDialog';
import { gqlError, renderPage } from '../../../../test/render';

const DRAFT = {
  id: 'k1',
  version: 2,
  agencyId: 'a1',
  name: 'Kari Nordmann',
  title: 'Veileder',
  phone: '+47 00 00 00 01',
  email: '',
  isContactPoint: false,
};

it('on a conflict takes in what only someone else changed, lists the clash, and saves against their version when asked', async () => {
  const updates: any[] = [];
  const onSaved = jest.fn();
  const ref = createRef<HTMLDialogElement>();
  renderPage(<ContactDialog ref={ref} draft={DRAFT} onSaved={onSaved} />, {
    UpdateContact: (v: any) => {
      updates.push(v);
      if (v.expectedVersion === 2) {
        return gqlError('Noen andre har endret kontaktpersonen etter at du åpnet den.', {
          code: 'CONFLICT',
          current: {
            id: 'k1',
            version: 3,
            agencyId: 'a1',
            name: 'Kari Nordmann',
            title: 'Seniorveileder',
            phone: '+47 00 00 00 09',
            email: null,
            isContactPoint: true,
          },
        });
      }
      return { data: { updateContact: { id: 'k1', version: 4 } } };
    },
    AuditLog: { data: { auditLog: { totalCount: 0, items: [] } } },
  });
  act(() => ref.current?.setAttribute('open', ''));
  await userEvent.type(screen.getByLabelText('Telefon'), '2');
  await userEvent.click(screen.getByRole('button', { name: 'Lagre' }));
  const conflict = await screen.findByTestId('conflict');
  expect(conflict).toHaveTextContent(
    'Den andres endringer er tatt inn i skjemaet: Rolle, Kommunens kontaktpunkt for krisesenteret.',
  );
  expect(conflict).toHaveTextContent('Telefon er nå «+47 00 00 00 09» (du skrev «+47 00 00 00 012»)');
  expect(conflict.querySelectorAll('li')).toHaveLength(1);
  expect(screen.getByLabelText('Rolle')).toHaveValue('Seniorveileder');
  expect(onSaved).not.toHaveBeenCalled();
  await userEvent.click(within(conflict).getByRole('button', { name: 'Lagre mine verdier over de nye' }));
  expect(updates).toHaveLength(2);
  expect(updates[1]).toMatchObject({
    id: 'k1',
    expectedVersion: 3,
    input: { title: 'Seniorveileder', phone: '+47 00 00 00 012', isContactPoint: true },
  });
  expect(onSaved).toHaveBeenCalledTimes(1);
});

it('a contact who has left is ended (inactive) or erased only after a confirmation', async () => {
  const onSaved = jest.fn();
  const ref = createRef<HTMLDialogElement>();
  const { calls } = renderPage(<ContactDialog ref={ref} draft={DRAFT} onSaved={onSaved} />, {
    EndContact: { data: { updateContact: { id: 'k1', version: 3, active: false } } },
    EraseContact: { data: { eraseContactPerson: 'k1' } },
    AuditLog: { data: { auditLog: { totalCount: 0, items: [] } } },
  });
  act(() => ref.current?.setAttribute('open', ''));
  await userEvent.click(screen.getByRole('button', { name: 'Avslutt (marker som inaktiv)' }));
  expect(calls.some((c) => c.name === 'EndContact')).toBe(false);
  expect(screen.getByText(/Marker Kari Nordmann som inaktiv\?/)).toBeInTheDocument();
  await userEvent.click(screen.getByRole('button', { name: 'Avbryt' }));
  expect(screen.queryByText(/Marker Kari Nordmann som inaktiv\?/)).not.toBeInTheDocument();

  await userEvent.click(screen.getByRole('button', { name: 'Avslutt (marker som inaktiv)' }));
  await userEvent.click(screen.getByRole('button', { name: 'Ja, avslutt' }));
  expect(calls.find((c) => c.name === 'EndContact')?.variables).toEqual({ id: 'k1', expectedVersion: 2 });
  expect(onSaved).toHaveBeenLastCalledWith('ended');

  await userEvent.click(screen.getByRole('button', { name: 'Slett personopplysningene' }));
  expect(screen.getByText(/Slette Kari Nordmann for godt\?/)).toBeInTheDocument();
  expect(calls.some((c) => c.name === 'EraseContact')).toBe(false);
  await userEvent.click(screen.getByRole('button', { name: 'Ja, slett' }));
  expect(calls.find((c) => c.name === 'EraseContact')?.variables).toEqual({ id: 'k1' });
  expect(onSaved).toHaveBeenLastCalledWith('erased');
});

it('a new contact has nothing to end or erase yet', async () => {
  const ref = createRef<HTMLDialogElement>();
  renderPage(
    <ContactDialog ref={ref} draft={{ ...DRAFT, id: undefined, version: undefined }} onSaved={jest.fn()} />,
    {},
  );
  act(() => ref.current?.setAttribute('open', ''));
  expect(screen.getByLabelText('Navn')).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: 'Slett personopplysningene' })).not.toBeInTheDocument();
});

it('shows every wrong field at once, each with one message', async () => {
  const ref = createRef<HTMLDialogElement>();
  renderPage(<ContactDialog ref={ref} draft={DRAFT} onSaved={jest.fn()} />, {
    UpdateContact: gqlError('Navn må fylles ut.', {
      code: 'BAD_USER_INPUT',
      field: 'input.name',
      fields: [
        { field: 'input.name', message: 'Navn må fylles ut.' },
        { field: 'input.phone', message: 'Telefonnummeret er ikke gyldig.' },
      ],
    }),
    AuditLog: { data: { auditLog: { totalCount: 0, items: [] } } },
  });
  act(() => ref.current?.setAttribute('open', ''));
  await userEvent.click(screen.getByRole('button', { name: 'Lagre' }));
  expect(await screen.findByText('Navn må fylles ut.')).toBeInTheDocument();
  expect(screen.getByText('Telefonnummeret er ikke gyldig.')).toBeInTheDocument();
  expect(screen.getAllByText('Navn må fylles ut.')).toHaveLength(1);
});

it('in English shows each field error from its messageKey and params, with no bokmål from the server', async () => {
  localStorage.setItem('samordna.locale', 'en');
  try {
    const ref = createRef<HTMLDialogElement>();
    renderPage(<ContactDialog ref={ref} draft={DRAFT} onSaved={jest.fn()} />, {
      // What the server sends: bokmål `message`s, each with its messageKey and params (the label by key).
      UpdateContact: gqlError('Navn må fylles ut.', {
        code: 'BAD_USER_INPUT',
        field: 'input.name',
        messageKey: 'field.required',
        params: { label: 'name' },
        fields: [
          {
            field: 'input.name',
            message: 'Navn må fylles ut.',
            messageKey: 'field.required',
            params: { label: 'name' },
          },
          {
            field: 'input.title',
            message: 'Tittel kan være høyst 200 tegn.',
            messageKey: 'field.tooLong',
            params: { label: 'title', max: 200 },
          },
          {
            field: 'input.phone',
            message: 'Telefonnummeret må ha 8–15 sifre.',
            messageKey: 'field.phone',
            params: {},
          },
        ],
      }),
      AuditLog: { data: { auditLog: { totalCount: 0, items: [] } } },
    });
    act(() => ref.current?.setAttribute('open', ''));
    await userEvent.click(await screen.findByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Name must be filled in.')).toBeInTheDocument();
    expect(screen.getByText('Title can be at most 200 characters.')).toBeInTheDocument();
    expect(screen.getByText('The phone number must have 8–15 digits.')).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/må fylles ut|høyst|Telefonnummeret/);
  } finally {
    localStorage.removeItem('samordna.locale');
  }
});
