import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  type GraphQLField,
  type GraphQLSchema,
} from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';

/**
 * Query limits: depth, aliases, directives and tokens (graphql-armor); an estimated cost that
 * multiplies through every level by the real bound of each list; and a budget per request for
 * what is actually resolved (fields, time, bytes), for data larger than the estimate assumed.
 */
export const LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 20,
  maxTokens: 5000,
  /**
   * Estimated cost: each field 1; a paged field multiplies its children by its `limit` (default
   * `defaultPageSize`, at most `maxPageSize`); an unpaged list by its bound in LIST_BOUNDS.
   */
  maxCost: 200_000,
  defaultPageSize: 50,
  maxPageSize: 500,
  /** Fields resolved in one request (every object field and every list element counts one). */
  maxResolvedFields: 300_000,
  /** Time one request may spend resolving, in milliseconds. */
  maxExecutionMs: 10_000,
  /** The serialised response, in bytes. */
  maxResponseBytes: 5_000_000,
};

/**
 * The largest length each unpaged list field can have, used by the cost estimate. Reference data
 * sets the bounds for places (357 municipalities in 15 counties); the rest are generous maxima of
 * what one centre, agreement or municipality holds. Every list field of the schema is either paged
 * (has `limit`), the `items` of a page, or listed here (a unit test checks it).
 */
export const LIST_BOUNDS: Record<string, number> = {
  'Agency.contacts': 100,
  'Agreement.allowedTransitions': 10,
  'Agreement.amendments': 50,
  'Agreement.checklist': 30,
  'Agreement.exampleFields': 20,
  'Agreement.parties': 60,
  'Agreement.supersededBy': 10,
  'AgreementAmendment.approvals': 60,
  'AgreementAmendment.changedFields': 30,
  'AgreementAmendment.joining': 60,
  'AgreementAmendment.joiningMunicipalities': 60,
  'AgreementAmendment.leaving': 60,
  'AgreementAmendment.leavingMunicipalities': 60,
  'AgreementDocumentType.missingSections': 20,
  'AgreementDocumentType.sections': 20,
  'CentreCoverage.codes': 20,
  'CentreCoverage.rows': 60,
  'ChecklistCompletenessType.missing': 30,
  'ContactChangeType.fields': 10,
  'ContactImportPreviewType.changes': 5000,
  'ContactImportPreviewType.errors': 5000,
  'CompactCoverage.critical': 400,
  'CompactCoverage.info': 400,
  'CompactCoverage.kommunenummer': 400,
  'CompactCoverage.state': 400,
  'CompactCoverage.warning': 400,
  'CompactCoverage.weakEvidence': 400,
  'CostDistribution.parties': 60,
  'CostDistribution.populationYearsUsed': 60,
  'CostSettlement.lines': 60,
  'CostTrend.gaps': 50,
  'CostTrend.years': 50,
  'County.municipalities': 60,
  'CoverageOverview.byCentre': 100,
  'CoverageOverview.byCode': 20,
  'CoverageOverview.byCounty': 20,
  'CoverageOverview.rows': 400,
  'CoverageRow.codes': 20,
  'CoverageRow.missingKeyAgencies': 20,
  'CrisisCentre.agreements': 50,
  'CrisisCentre.capabilities': 20,
  'CrisisCentre.documentedMembers': 60,
  'CrisisCentre.exampleFields': 20,
  'CrisisCentre.members': 60,
  'CrisisCentre.routines': 120,
  'CrisisCentre.services': 20,
  'FindingType.records': 60,
  'HandoverRoutine.missingTemplateSteps': 30,
  'HandoverRoutine.steps': 50,
  'Me.grants': 20,
  'MembershipImportPreviewType.changes': 5000,
  'MembershipImportPreviewType.errors': 5000,
  'Municipality.agencies': 100,
  'Municipality.centreMemberships': 10,
  'Municipality.handoverRoutines': 20,
  'Municipality.populationHistory': 50,
  'MunicipalityCosts.gaps': 50,
  'MunicipalityCosts.years': 50,
  'MunicipalityCoverage.findings': 50,
  'Mutation.verifyContacts': 1000,
  'MyAccount.grants': 20,
  'MyAccount.sessions': 20,
  'PartyCost.parts': 10,
  'PopulationImportPreviewType.changes': 5000,
  'PopulationImportPreviewType.errors': 5000,
  'PopulationImportPreviewType.years': 50,
  'Query.centreBudgets': 50,
  'Query.counties': 20,
  'Query.extraCharges': 500,
  'Query.factsToReview': 400,
  'Query.investments': 200,
  'Query.municipalities': 400,
  'Query.myPendingApprovals': 100,
  'Query.myReminders': 1000,
  'Query.routineTemplate': 50,
  'Simulation.differences': 60,
  'Simulation.noteCodes': 20,
  'Simulation.notes': 20,
  'Simulation.peerRates': 60,
  'UsageStatistics.rows': 60,
  'UserAccount.grants': 20,
  'UserAdministration.invitations': 500,
  'UserAdministration.users': 500,
  'WebTextType.gaps': 20,
};

/** A paged field: its `limit` argument bounds the `items` of the page it returns. */
export function isPagedField(field: GraphQLField<unknown, unknown>): boolean {
  const named = getNamedType(field.type);
  return field.args.some((a) => a.name === 'limit') && isObjectType(named) && 'items' in named.getFields();
}

/** How many times the children of `Type.field` are resolved at most. */
export function listMultiplier(
  typeName: string,
  field: GraphQLField<unknown, unknown>,
  args: Record<string, unknown>,
): number {
  if (isPagedField(field)) {
    const limit = typeof args.limit === 'number' ? args.limit : LIMITS.defaultPageSize;
    return Math.min(LIMITS.maxPageSize, Math.max(1, limit));
  }
  if (!isListType(getNullableType(field.type))) return 1;
  // The items of a page: bounded by the page's `limit`, counted there.
  if (field.name === 'items' && typeName.endsWith('Page')) return 1;
  const bound = LIST_BOUNDS[`${typeName}.${field.name}`] ?? LIMITS.maxPageSize;
  // A list argument (ids) bounds the result too.
  const given = Object.values(args).find(Array.isArray);
  return given ? Math.min(bound, Math.max(1, given.length)) : bound;
}

const listEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const n = listMultiplier(type.name, field, args);
  return n === 1 ? undefined : 1 + n * Math.max(1, childComplexity);
};

/** The estimated cost of an operation (variables already checked). */
export function estimateCost(
  schema: GraphQLSchema,
  query: Parameters<typeof getComplexity>[0]['query'],
  variables: Record<string, unknown>,
  operationName?: string,
): number {
  return getComplexity({
    schema,
    query,
    operationName,
    variables,
    estimators: [listEstimator, simpleEstimator({ defaultComplexity: 1 })],
  });
}

export function armor() {
  return new ApolloArmor({
    maxDepth: { n: LIMITS.maxDepth },
    maxAliases: { n: LIMITS.maxAliases },
    maxDirectives: { n: LIMITS.maxDirectives },
    // The token limit is graphql-js's own (parseOptions.maxTokens): armor's throws outside the parser's error path (HTTP 500).
    maxTokens: { enabled: false },
    costLimit: { enabled: false }, // replaced by the list-aware cost below
    blockFieldSuggestion: { enabled: true },
  }).protect();
}

/** The estimate threw on the variables: coercion errors are left to GraphQL (400 BAD_USER_INPUT). */
function isVariableError(error: unknown): boolean {
  return error instanceof GraphQLError && /^Variable "\$/.test(error.message);
}

/** Refuses an operation whose estimated cost is over the limit, before it runs. */
export function costLimitPlugin(schema: GraphQLSchema): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          let cost: number;
          try {
            cost = estimateCost(schema, document, request.variables ?? {}, request.operationName ?? undefined);
          } catch (error) {
            // Apollo coerces the variables next and answers 400 BAD_USER_INPUT; nothing runs.
            if (isVariableError(error)) return;
            throw error;
          }
          if (cost > LIMITS.maxCost) {
            throw new GraphQLError(
              `Spørringen er for kostbar (anslått ${cost}, grensen er ${LIMITS.maxCost}). Be om færre rader eller færre nivåer.`,
              {
                extensions: { code: 'QUERY_TOO_COMPLEX', cost, maxCost: LIMITS.maxCost, http: { status: 400 } },
              },
            );
          }
        },
      };
    },
  };
}

/** What one request has spent; kept in the context. */
export interface RequestBudget {
  fields: number;
  deadline: number;
  /** Set when the budget ran out: the response is replaced by this one error. */
  exceeded: GraphQLError | null;
}

export function newBudget(now = Date.now()): RequestBudget {
  return { fields: 0, deadline: now + LIMITS.maxExecutionMs, exceeded: null };
}

/** The errors a request's budget throws (one per request, thrown again for every later field). */
const BUDGET_ERRORS = new WeakSet<GraphQLError>();
const budgetError = (e: GraphQLError) => (BUDGET_ERRORS.add(e), e);

/**
 * For `process.on('unhandledRejection')`. When a field of a non-null list item throws while other
 * items are still resolving, graphql-js answers at once and leaves those items' promises to no one:
 * when they reject later (with the same budget error, or a query cancelled with them) nobody awaits
 * them. Node would end the whole server for that, with every other user's request in it (seen under
 * load in `pnpm bench`). The request itself has had its answer, so a budget error is dropped and
 * anything else is logged, not fatal.
 */
export function onUnhandledRejection(reason: unknown, log: (message: string) => void = console.error): void {
  // graphql-js rejects with the error located at its field: the budget error is its originalError.
  for (let e: unknown = reason; e instanceof GraphQLError; e = e.originalError) if (BUDGET_ERRORS.has(e)) return;
  log(
    `Unhandled rejection (an abandoned resolver; the server keeps running): ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`,
  );
}

export function responseTooLarge(what: string): GraphQLError {
  return budgetError(
    new GraphQLError(`Svaret ble for stort (${what}). Be om færre rader eller færre nivåer.`, {
      extensions: {
        code: 'RESPONSE_TOO_LARGE',
        maxResolvedFields: LIMITS.maxResolvedFields,
        maxResponseBytes: LIMITS.maxResponseBytes,
        http: { status: 400 },
      },
    }),
  );
}

export function queryTimeout(): GraphQLError {
  return budgetError(
    new GraphQLError(
      `Spørringen tok for lang tid (grensen er ${LIMITS.maxExecutionMs / 1000} s). Be om færre rader eller færre nivåer.`,
      {
        extensions: { code: 'QUERY_TIMEOUT', maxExecutionMs: LIMITS.maxExecutionMs, http: { status: 503 } },
      },
    ),
  );
}

/**
 * Before each field resolves (synchronously, in Apollo's field instrumentation): counts it against
 * the request's budget and stops once the budget is spent (the response then carries one error, see
 * budgetPlugin); and refuses arguments holding text that cannot be stored (validation.ts). A sync
 * throw ends the enclosing list at once, so nothing more of it is resolved.
 */
export function fieldGuardPlugin(
  checkArgs: (args: Record<string, unknown>) => void,
): ApolloServerPlugin<{ budget?: RequestBudget }> {
  return {
    async requestDidStart() {
      return {
        async executionDidStart() {
          return {
            willResolveField({ contextValue, args }) {
              const budget = contextValue.budget;
              if (budget) {
                if (budget.exceeded) throw budget.exceeded;
                budget.fields += 1;
                if (budget.fields > LIMITS.maxResolvedFields)
                  throw (budget.exceeded = responseTooLarge(`over ${LIMITS.maxResolvedFields} felt`));
                // Reading the clock for every field costs; every 256th is often enough.
                if ((budget.fields & 0xff) === 0 && Date.now() > budget.deadline)
                  throw (budget.exceeded = queryTimeout());
              }
              if (args && Object.keys(args).length > 0) checkArgs(args);
            },
          };
        },
      };
    },
  };
}

/**
 * Replaces the response of a request whose budget ran out (or whose serialised data is over
 * `maxResponseBytes`) by one error with a stable code, and no data.
 */
export function budgetPlugin(): ApolloServerPlugin<{ budget?: RequestBudget }> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          let exceeded = contextValue.budget?.exceeded ?? null;
          if (!exceeded && result.data && Buffer.byteLength(JSON.stringify(result.data)) > LIMITS.maxResponseBytes) {
            exceeded = responseTooLarge(`over ${LIMITS.maxResponseBytes / 1_000_000} MB`);
          }
          if (!exceeded) return;
          const status = (exceeded.extensions.http as { status: number }).status;
          response.http.status = status;
          const { http: _http, ...extensions } = exceeded.extensions;
          response.body.singleResult = { data: null, errors: [{ message: exceeded.message, extensions }] };
        },
      };
    },
  };
}
