import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { Provider, type Client, CombinedError } from 'urql';
import { concat, fromValue, never } from 'wonka';
import { getOperationAST, GraphQLError, type DocumentNode } from 'graphql';
import { I18nProvider } from '../src/i18n/i18n';
import { SessionProvider } from '../src/features/auth/session';

export type Answer = { data?: unknown; error?: CombinedError } | 'pending';
export type Answers = Record<string, Answer | ((variables: any) => Answer)>;

export const networkError = () => ({ error: new CombinedError({ networkError: new Error('Failed to fetch') }) });
export const gqlError = (message: string, extensions: Record<string, unknown>) => ({
  error: new CombinedError({ graphQLErrors: [new GraphQLError(message, { extensions })] }),
});

/** A urql client that answers by operation name: no network, for component tests only. */
export function mockClient(answers: Answers) {
  const calls: { name: string; variables: any }[] = [];
  const valueFor = (request: { query: DocumentNode; variables?: unknown }): Answer | undefined => {
    const name = getOperationAST(request.query)?.name?.value ?? '';
    calls.push({ name, variables: request.variables });
    const a = answers[name];
    return typeof a === 'function' ? a(request.variables) : a;
  };
  const stream = (
    request: { key: number; query: DocumentNode; variables?: unknown },
    kind: string,
    context?: object,
  ) => {
    const value = valueFor(request);
    if (value === 'pending' || value === undefined) return never;
    // A real client's stream stays open after the result; one that ends resets urql's state.
    const operation = { ...request, kind, context: context ?? {} };
    return concat([fromValue({ ...value, operation, stale: false, hasNext: false }), never]);
  };
  const client = {
    executeQuery: jest.fn((r, c) => stream(r, 'query', c)),
    executeMutation: jest.fn((r, c) => {
      const value = valueFor(r);
      if (value === 'pending' || value === undefined) return never;
      return fromValue({
        ...value,
        operation: { ...r, kind: 'mutation', context: c ?? {} },
        stale: false,
        hasNext: false,
      });
    }),
    query: jest.fn((query: DocumentNode, variables: unknown) => ({
      toPromise: () => {
        const value = valueFor({ query, variables });
        return value === 'pending' || value === undefined ? new Promise(() => undefined) : Promise.resolve(value);
      },
    })),
  } as unknown as Client;
  return { client, calls };
}

/** Signed in as an administrator unless a test answers `Me` itself. */
export const ADMIN_ME = {
  data: {
    me: {
      id: 'u1',
      name: 'Ada Administrator',
      email: 'admin@samordna.example',
      grants: [{ role: 'ADMIN', kommunenummer: null, centreId: null, label: 'Nasjonal administrator' }],
    },
  },
};
export const ANONYMOUS = { data: { me: null } };

export function renderPage(
  ui: ReactElement,
  answers: Answers,
  { route = '/', path = '*' }: { route?: string; path?: string } = {},
) {
  const mock = mockClient({ Me: ADMIN_ME, ...answers });
  const result = render(
    <Provider value={mock.client}>
      <I18nProvider>
        <MemoryRouter initialEntries={[route]}>
          <SessionProvider>
            <Routes>
              <Route path={path} element={ui} />
            </Routes>
          </SessionProvider>
        </MemoryRouter>
      </I18nProvider>
    </Provider>,
  );
  return { ...result, ...mock };
}

/** Chooses in a MunicipalityCombobox as a user would: types the start of the label, clicks the match. */
export async function chooseMunicipality(input: HTMLElement, label: string): Promise<void> {
  await userEvent.type(input, label.slice(0, 3));
  const option = screen.getAllByRole('option', { hidden: true }).find((o) => o.textContent === label);
  if (!option) throw new Error(`No option «${label}»`);
  await userEvent.click(option);
}
