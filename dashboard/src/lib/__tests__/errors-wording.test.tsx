import type { ReactNode } from 'react';
import { act, renderHook } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { CombinedError } from 'urql';
import { I18nProvider, useI18n } from '../../i18n/i18n';
import { errorMessage, fieldErrors, generalError, setErrorWording, unplacedErrors } from '../errors';

const forbidden = new CombinedError({
  graphQLErrors: [new GraphQLError('Du har ikke tilgang til å gjøre dette.', { extensions: { code: 'FORBIDDEN' } })],
});
const atField = new CombinedError({
  graphQLErrors: [
    new GraphQLError('Gyldig til kan ikke være før gyldig fra.', {
      extensions: { code: 'BAD_USER_INPUT', field: 'input.validTo' },
    }),
  ],
});
afterEach(() => setErrorWording(null));

it('words an error whose code says it all (FORBIDDEN) from en.ts in English; bokmål and field errors keep the server message', () => {
  const wrapper = ({ children }: { children: ReactNode }) => <I18nProvider initialLocale="en">{children}</I18nProvider>;
  const { result } = renderHook(() => useI18n(), { wrapper });
  expect(generalError(forbidden, 'net')).toBe('You do not have access to do this.');
  expect(errorMessage(forbidden, 'net')).toBe('You do not have access to do this.');
  expect(unplacedErrors(forbidden, 'net', [])).toEqual(['You do not have access to do this.']);
  expect(fieldErrors(atField)).toEqual({ validTo: 'Gyldig til kan ikke være før gyldig fra.' });
  act(() => result.current.setLocale('nb'));
  expect(generalError(forbidden, 'net')).toBe('Du har ikke tilgang til å gjøre dette.');
});
