import type { ReactNode } from 'react';
import { act, renderHook } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { CombinedError } from 'urql';
import { I18nProvider, useI18n } from '../../i18n/i18n';
import {
  errorMessage,
  fieldErrors,
  generalError,
  setErrorWording,
  setMessageKeyWording,
  unplacedErrors,
} from '../errors';

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
afterEach(() => {
  setErrorWording(null);
  setMessageKeyWording(null);
});

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

it('words an error with a messageKey in the UI language, label params too; an unknown key keeps the server message', async () => {
  const keyed = (message: string, extensions: Record<string, unknown>) =>
    new CombinedError({ graphQLErrors: [new GraphQLError(message, { extensions })] });
  const stale = keyed(
    'Noen andre har endret avtalen etter at du åpnet den (versjon 2, nå 3). Se endringene og prøv igjen.',
    {
      code: 'CONFLICT',
      messageKey: 'version.stale',
      params: { entity: 'theAgreement', expected: 2, current: 3 },
    },
  );
  const transition = keyed(
    'En avtale med status «aktiv» kan ikke få status «utkast». Mulige neste steg: oppsagt, avsluttet.',
    {
      code: 'BAD_USER_INPUT',
      messageKey: 'agreement.statusTransition',
      params: { from: 'status.ACTIVE', to: 'status.DRAFT', allowed: 'status.NOTICE_GIVEN,status.ENDED' },
    },
  );
  const missing = keyed('Fant ikke avtalen.', { code: 'NOT_FOUND', messageKey: 'notFound.agreement', params: {} });
  const unknown = keyed('Ny melding fra en nyere server.', {
    code: 'BAD_USER_INPUT',
    messageKey: 'new.key',
    params: {},
  });
  const wrapper = ({ children }: { children: ReactNode }) => <I18nProvider initialLocale="en">{children}</I18nProvider>;
  const { result } = renderHook(() => useI18n(), { wrapper });
  await act(async () => result.current.setLocale('en'));
  expect(generalError(stale, 'net')).toBe(
    'Someone else changed the agreement after you opened it (version 2, now 3). Look at the changes and try again.',
  );
  expect(errorMessage(transition, 'net')).toBe(
    'An agreement with status «active» cannot get status «draft». Possible next steps: notice given, ended.',
  );
  expect(errorMessage(missing, 'net')).toBe('The agreement was not found.');
  expect(errorMessage(unknown, 'net')).toBe('Ny melding fra en nyere server.');
  // In bokmål the same key gives the server's own text.
  act(() => result.current.setLocale('nb'));
  expect(errorMessage(transition, 'net')).toBe(
    'En avtale med status «aktiv» kan ikke få status «utkast». Mulige neste steg: oppsagt, avsluttet.',
  );
});
