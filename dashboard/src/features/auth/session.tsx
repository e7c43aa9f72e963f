import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useQuery } from 'urql';
import type { Grant } from '@samordna/domain';
import type { MeQuery as MeQueryType } from '../../gql/graphql';
import { MeQuery } from './auth.graphql';

export type Me = NonNullable<MeQueryType['me']>;

interface Session {
  me: Me | null;
  grants: Grant[];
  loading: boolean;
  refresh(): void;
}

const SessionContext = createContext<Session>({ me: null, grants: [], loading: false, refresh: () => undefined });

/** Who is signed in (from the session cookie), for showing the user and gating controls. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [result, reexecute] = useQuery({ query: MeQuery, requestPolicy: 'cache-and-network' });
  const me = result.data?.me ?? null;
  const value = useMemo<Session>(
    () => ({
      me,
      grants: (me?.grants ?? []).map((g) => ({ role: g.role, kommunenummer: g.kommunenummer, centreId: g.centreId })),
      loading: result.fetching && !result.data,
      refresh: () => reexecute({ requestPolicy: 'network-only' }),
    }),
    [me, result.fetching, result.data, reexecute],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  return useContext(SessionContext);
}
