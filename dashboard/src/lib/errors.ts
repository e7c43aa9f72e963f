import type { CombinedError } from 'urql';

/** The server's BAD_USER_INPUT errors by field, with the argument name dropped ("input.validTo" → "validTo"). */
export function fieldErrors(error: CombinedError | undefined | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of error?.graphQLErrors ?? []) {
    const field = e.extensions?.field;
    if (e.extensions?.code === 'BAD_USER_INPUT' && typeof field === 'string') {
      out[field.replace(/^(input|terms|filter)\./, '')] = e.message;
    }
  }
  return out;
}

/** A message for errors that do not belong to a field. */
export function generalError(error: CombinedError | undefined | null, networkMessage: string): string | null {
  if (!error) return null;
  if (error.networkError) return networkMessage;
  const general = error.graphQLErrors.filter((e) => !(e.extensions?.code === 'BAD_USER_INPUT' && e.extensions?.field));
  return general[0]?.message ?? null;
}

/** The record as it is now, sent by the server with a CONFLICT (someone else saved first). */
export function conflictCurrent(error: CombinedError | undefined | null): (Record<string, unknown> & { version?: number }) | null {
  const e = error?.graphQLErrors.find((g) => g.extensions?.code === 'CONFLICT' && g.extensions?.current);
  return (e?.extensions?.current as Record<string, unknown> & { version?: number }) ?? null;
}
