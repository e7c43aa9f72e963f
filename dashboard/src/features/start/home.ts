import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { useSession } from '../auth/session';
import { HomeCentreQuery } from './start.graphql';

export interface Home {
  /** The session and the user's centre are known (or there is none). */
  ready: boolean;
  kommunenummer: string | null;
  centreId: string | null;
  /** A centre leader works for a centre; directors and finance for a municipality. */
  isCentre: boolean;
}

/** The signed-in user's own municipality and centre (a director's: the centre their municipality belongs to, the hosted one first). */
export function useHome(): Home {
  const { me, loading } = useSession();
  const grants = me?.grants ?? [];
  const centreGrant = grants.find((g) => g.centreId);
  const municipalityGrant = grants.find((g) => g.kommunenummer);
  const needsLookup = !!municipalityGrant && !centreGrant;
  const [result] = useQuery({
    query: HomeCentreQuery,
    variables: { kommunenummer: municipalityGrant?.kommunenummer ?? '' },
    pause: !needsLookup,
  });
  const current = (result.data?.municipality.centreMemberships ?? []).filter((m) => m.isCurrent);
  const centreId = centreGrant?.centreId ?? (current.find((m) => m.role === 'HOST') ?? current[0])?.centre.id ?? null;
  return {
    ready: !loading && (!needsLookup || !!result.data || !!result.error),
    kommunenummer: municipalityGrant?.kommunenummer ?? null,
    centreId,
    isCentre: !!centreGrant,
  };
}

/**
 * Opens a page on the user's own centre or municipality when the address chooses none of `keys`
 * (a link or a bookmark that names one wins). Runs once, and replaces the history entry.
 */
export function useOpenOnHome(keys: string[], pick: (home: Home) => Record<string, string> | null): Home {
  const home = useHome();
  const [params, setParams] = useSearchParams();
  const done = useRef(false);
  useEffect(() => {
    if (done.current || !home.ready) return;
    done.current = true;
    if (keys.some((k) => params.has(k))) return;
    const defaults = pick(home);
    if (!defaults) return;
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        for (const [k, v] of Object.entries(defaults)) next.set(k, v);
        return next;
      },
      { replace: true },
    );
  });
  return home;
}
