import { cacheExchange, createClient, fetchExchange } from 'urql';

export const client = createClient({
  url: '/graphql',
  exchanges: [cacheExchange, fetchExchange],
  // POST with a JSON body: Apollo's CSRF prevention refuses simple GET requests.
  preferGetMethod: false,
});
