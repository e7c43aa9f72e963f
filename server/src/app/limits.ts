import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';

/** Query limits: depth, aliases, directives and tokens (graphql-armor) and a cost with list multipliers. */
export const LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 20,
  maxTokens: 5000,
  /** Estimated cost: each field 1, a list field multiplies its children by its `limit` (or 25). */
  maxCost: 200_000,
  defaultListSize: 25,
};

const listEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (!String(field.type).includes('[')) return undefined;
  const limit = typeof args.limit === 'number' ? args.limit : LIMITS.defaultListSize;
  return 1 + Math.max(1, limit) * childComplexity;
};

export function armor() {
  return new ApolloArmor({
    maxDepth: { n: LIMITS.maxDepth },
    maxAliases: { n: LIMITS.maxAliases },
    maxDirectives: { n: LIMITS.maxDirectives },
    maxTokens: { n: LIMITS.maxTokens },
    costLimit: { enabled: false }, // replaced by the list-aware cost below
    blockFieldSuggestion: { enabled: true },
  }).protect();
}

/** Refuses an operation whose estimated cost is over the limit, before it runs. */
export function costLimitPlugin(schema: GraphQLSchema): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const cost = getComplexity({
            schema,
            query: document,
            operationName: request.operationName ?? undefined,
            variables: request.variables ?? {},
            estimators: [listEstimator, simpleEstimator({ defaultComplexity: 1 })],
          });
          if (cost > LIMITS.maxCost) {
            throw new GraphQLError(`Spørringen er for kostbar (anslått ${cost}, grensen er ${LIMITS.maxCost}). Be om færre rader eller færre nivåer.`, {
              extensions: { code: 'QUERY_TOO_COMPLEX', cost, maxCost: LIMITS.maxCost, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
