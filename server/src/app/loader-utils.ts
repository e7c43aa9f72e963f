/**
 * Helpers for DataLoader batch functions: answer in the order of the keys, one
 * entry per key, whatever order the database returned rows in.
 */
export function oneByKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const map = new Map<K, V>();
  for (const row of rows) map.set(keyOf(row), row);
  return keys.map((k) => map.get(k) ?? null);
}

export function manyByKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const map = new Map<K, V[]>();
  for (const row of rows) {
    const k = keyOf(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return keys.map((k) => map.get(k) ?? []);
}

/** A loaded record that must exist (a foreign key guarantees it); its absence is an internal error. */
export async function foundOrFail<T>(p: Promise<T | null>, what: string): Promise<T> {
  const value = await p;
  if (value === null) throw new Error(`${what} is missing`);
  return value;
}

/** Collation for Norwegian sort order (æ, ø, å last), available in PostgreSQL built with ICU. */
export const NB_COLLATION = '"nb-NO-x-icu"';
