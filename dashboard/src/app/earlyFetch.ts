/**
 * Early fetches for the map (issue 15: the map drawn within 1 s of navigation). Opened on /kart,
 * the page needs its code, the shapes and two queries; loaded the usual way they come one after the
 * other: the app's chunk, then the page's chunks, then the queries and the shapes. A small script
 * that the build writes (vite.config.ts, `earlyFetchScript`) and index.html loads beside the app's
 * chunk starts them all at once instead, before the app has even been parsed:
 *   - the page's chunks as `modulepreload` links and the shapes as a `preload` link, which the
 *     page's own `import()` and `fetch` then take from the preload cache;
 *   - the page's GraphQL queries as POSTs with exactly the body urql will send, kept by body in
 *     `window.__samordnaPrefetch`; the client's fetch (client.ts, `prefetchedOr`) answers a request
 *     whose body is waiting there with that response, once, and sends anything else as usual.
 * A body that differs (another urql version, other variables) is simply not found: the query is
 * sent as before. earlyFetch.test.ts checks that urql's body and the script's are the same.
 */

/** The GraphQL queries the script sends: each query's text as urql sends it (with `__typename`). */
export interface EarlyQueries {
  /** CoverageFilterOptions: no variables. */
  options: string;
  /** CoverageOverview: `{ filter }` from the page's search parameters. */
  overview: string;
}

/** The headers urql's fetch exchange sends with a POST (the server answers the same either way). */
const HEADERS = {
  accept:
    'application/graphql-response+json, application/graphql+json, application/json, text/event-stream, multipart/mixed',
  'content-type': 'application/json',
};

/**
 * The script's source: plain ES2017 without imports, run as a classic `async` script (the content
 * security policy allows scripts from the server only, so it cannot be inline).
 */
export function earlyFetchScript({
  modulepreloads,
  shapesUrl,
  queries,
}: {
  modulepreloads: string[];
  shapesUrl: string;
  queries: EarlyQueries;
}): string {
  return `// The map's code, shapes and queries, fetched at once when the app is opened on /kart (dashboard/src/app/earlyFetch.ts).
(function () {
  if (location.pathname !== '/kart') return;
  function link(rel, href, as) {
    var l = document.createElement('link');
    l.rel = rel;
    l.href = href;
    if (as) l.setAttribute('as', as);
    l.crossOrigin = 'anonymous';
    document.head.appendChild(l);
  }
  ${JSON.stringify(modulepreloads)}.forEach(function (href) { link('modulepreload', href); });
  link('preload', ${JSON.stringify(shapesUrl)}, 'fetch');
  var p = new URLSearchParams(location.search);
  var bodies = [
    JSON.stringify({ operationName: 'CoverageFilterOptions', query: ${JSON.stringify(queries.options)}, variables: {} }),
    JSON.stringify({
      operationName: 'CoverageOverview',
      query: ${JSON.stringify(queries.overview)},
      variables: { filter: { centreId: p.get('senter') || null, code: p.get('funn') || null, severity: p.get('alvor') || null } },
    }),
  ];
  var kept = (window.__samordnaPrefetch = window.__samordnaPrefetch || {});
  bodies.forEach(function (body) {
    kept[body] = fetch('/graphql', { method: 'POST', headers: ${JSON.stringify(HEADERS)}, body: body });
    // A failed early fetch is not kept: the page sends its query again and shows that error.
    kept[body].catch(function () { delete kept[body]; });
  });
})();
`;
}

declare global {
  interface Window {
    __samordnaPrefetch?: Record<string, Promise<Response>>;
  }
}

/**
 * A fetch that answers a request whose body the early script sent with that response (once), and
 * sends every other request with `fetchImpl`.
 */
export function prefetchedOr(fetchImpl: typeof fetch): typeof fetch {
  return (input, init) => {
    const kept = typeof window === 'undefined' ? undefined : window.__samordnaPrefetch;
    const body = init?.body;
    if (kept && typeof body === 'string' && Object.prototype.hasOwnProperty.call(kept, body)) {
      const response = kept[body];
      delete kept[body];
      return response;
    }
    return fetchImpl(input, init);
  };
}
