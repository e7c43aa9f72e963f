/** A GraphQL response as the tests read it: `T` is the shape of `data` that the query asks for. */
export interface GqlResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[];
}
