import { CombinedError } from 'urql';
import { fieldErrors, generalError } from '../errors';

const error = (...errors: { message: string; extensions: Record<string, unknown> }[]) =>
  new CombinedError({ graphQLErrors: errors });

describe('errors at their field', () => {
  it('shows a name taken (CONFLICT with a field) at the field, like bad input', () => {
    const e = error(
      {
        message: 'Det finnes allerede et krisesenter som heter «X».',
        extensions: { code: 'CONFLICT', field: 'input.name' },
      },
      { message: 'Ugyldig kommunenummer.', extensions: { code: 'BAD_USER_INPUT', field: 'input.hostKommunenummer' } },
    );
    expect(fieldErrors(e)).toEqual({
      name: 'Det finnes allerede et krisesenter som heter «X».',
      hostKommunenummer: 'Ugyldig kommunenummer.',
    });
    expect(generalError(e, 'nett')).toBeNull();
  });

  it('keeps a version conflict (CONFLICT without a field) a general error', () => {
    const e = error({
      message: 'Noen andre har endret kontaktpersonen.',
      extensions: { code: 'CONFLICT', current: { version: 3 } },
    });
    expect(fieldErrors(e)).toEqual({});
    expect(generalError(e, 'nett')).toBe('Noen andre har endret kontaktpersonen.');
  });

  it("shows every wrong field at once, one message per field, from the server's `fields`", () => {
    const e = error({
      message: 'Navn må fylles ut.',
      extensions: {
        code: 'BAD_USER_INPUT',
        field: 'input.name',
        fields: [
          { field: 'input.name', message: 'Navn må fylles ut.' },
          { field: 'input.email', message: 'Ugyldig e-postadresse.' },
        ],
      },
    });
    expect(fieldErrors(e)).toEqual({ name: 'Navn må fylles ut.', email: 'Ugyldig e-postadresse.' });
  });
});
