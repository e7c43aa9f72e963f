import { cacheExchange, createClient, fetchExchange } from 'urql';
import { prefetchedOr } from './earlyFetch';

export const client = createClient({
  url: '/graphql',
  exchanges: [cacheExchange, fetchExchange],
  // POST with a JSON body: Apollo's CSRF prevention refuses simple GET requests.
  preferGetMethod: false,
  // Opened on the map, its queries were sent before the app loaded (earlyFetch.ts): take those answers.
  fetch: prefetchedOr((input, init) => fetch(input, init)),
});
