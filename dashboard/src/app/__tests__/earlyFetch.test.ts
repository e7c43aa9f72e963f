import { formatDocument, stringifyDocument } from '@urql/core';
import type { DocumentNode } from 'graphql';
import { CoverageFilterOptionsDocument, CoverageOverviewDocument } from '../../gql/graphql';
import { client } from '../client';
import { earlyFetchScript } from '../earlyFetch';

// The queries' text as the build writes it into the script (vite.config.ts, queryText).
const text = (doc: unknown) => stringifyDocument(formatDocument(doc as DocumentNode));
const script = earlyFetchScript({
  modulepreloads: ['/assets/CoverageMapPage-x.js'],
  shapesUrl: '/kartdata/kommuner.json',
  queries: { options: text(CoverageFilterOptionsDocument), overview: text(CoverageOverviewDocument) },
});

/** What the server answers each body with: the body's operation name, so that a test sees which answer it got. */
const answer = (body: string) => {
  const name = (JSON.parse(body) as { operationName: string }).operationName;
  const json = JSON.stringify({ data: { answeredFor: name } });
  return {
    ok: true,
    status: 200,
    headers: { get: (h: string) => (h.toLowerCase() === 'content-type' ? 'application/json' : null) },
    text: () => Promise.resolve(json),
    json: () => Promise.resolve(JSON.parse(json) as unknown),
  };
};

describe('the early fetches of the map', () => {
  const network = jest.fn((_url: unknown, init?: { body?: unknown }) => Promise.resolve(answer(String(init?.body))));
  beforeEach(() => {
    network.mockClear();
    (globalThis as unknown as { fetch: unknown }).fetch = network;
    delete window.__samordnaPrefetch;
    document.head.innerHTML = '';
  });

  it('sends the queries with exactly the body urql sends, and the client takes those answers', async () => {
    window.history.pushState({}, '', '/kart?senter=c1&alvor=CRITICAL');
    new Function(script)();
    expect(network).toHaveBeenCalledTimes(2);
    expect(document.head.querySelector('link[rel=modulepreload]')?.getAttribute('href')).toBe(
      '/assets/CoverageMapPage-x.js',
    );
    expect(document.head.querySelector('link[rel=preload][as=fetch]')?.getAttribute('href')).toBe(
      '/kartdata/kommuner.json',
    );

    // As the page asks (CoverageMapPage: the filter from the address, the options without variables).
    const overview = await client
      .query(CoverageOverviewDocument, { filter: { centreId: 'c1', code: null, severity: 'CRITICAL' } })
      .toPromise();
    const options = await client.query(CoverageFilterOptionsDocument, {}).toPromise();
    expect(overview.data).toEqual({ answeredFor: 'CoverageOverview' });
    expect(options.data).toEqual({ answeredFor: 'CoverageFilterOptions' });
    // Nothing sent again: both answers were the early ones, and each was used once.
    expect(network).toHaveBeenCalledTimes(2);
    expect(window.__samordnaPrefetch).toEqual({});

    // Other variables are not in the script's answers: sent as usual.
    await client
      .query(CoverageOverviewDocument, { filter: { centreId: null, code: null, severity: null } })
      .toPromise();
    expect(network).toHaveBeenCalledTimes(3);
  });

  it('does nothing on another page', () => {
    window.history.pushState({}, '', '/avtaler');
    new Function(script)();
    expect(network).not.toHaveBeenCalled();
    expect(window.__samordnaPrefetch).toBeUndefined();
    expect(document.head.querySelector('link')).toBeNull();
  });
});
