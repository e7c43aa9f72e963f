/**
 * Usage of a centre is published only as aggregates per municipality and year, and small
 * counts identify people in small municipalities: counts from 1 to threshold − 1 are
 * suppressed, and a total is suppressed whenever any count in its column is, so no
 * suppressed count can be computed back from the published ones.
 */
export const SUPPRESSION_THRESHOLD = 5;

export interface Protected {
  value: number | null;
  suppressed: boolean;
}

export function protectCount(value: number, threshold = SUPPRESSION_THRESHOLD): Protected {
  if (!Number.isInteger(value) || value < 0)
    throw new RangeError(`a count must be a non-negative integer, got ${value}`);
  return value > 0 && value < threshold ? { value: null, suppressed: true } : { value, suppressed: false };
}

export const USAGE_METRICS = ['stays', 'nights', 'dayVisits', 'phoneContacts'] as const;
export type UsageMetric = (typeof USAGE_METRICS)[number];
export type UsageCounts = Record<UsageMetric, number>;
export type ProtectedCounts = Record<UsageMetric, Protected>;

export interface ProtectedTable<K> {
  rows: { key: K; counts: ProtectedCounts }[];
  totals: ProtectedCounts;
}

/**
 * Protects every cell, and suppresses each column's total when any cell in it is suppressed. Nights
 * belong to stays: where the stays are suppressed, so are the nights (published nights would show
 * that there were stays, and roughly how many).
 */
export function protectUsageTable<K>(
  rows: { key: K; counts: UsageCounts }[],
  threshold = SUPPRESSION_THRESHOLD,
): ProtectedTable<K> {
  const protectedRows = rows.map((r) => {
    const counts = Object.fromEntries(
      USAGE_METRICS.map((m) => [m, protectCount(r.counts[m], threshold)]),
    ) as ProtectedCounts;
    if (counts.stays.suppressed) counts.nights = { value: null, suppressed: true };
    return { key: r.key, counts };
  });
  const totals = Object.fromEntries(
    USAGE_METRICS.map((m) => {
      const anySuppressed = protectedRows.some((r) => r.counts[m].suppressed);
      const sum = rows.reduce((a, r) => a + r.counts[m], 0);
      return [m, anySuppressed ? { value: null, suppressed: true } : protectCount(sum, threshold)];
    }),
  ) as ProtectedCounts;
  return { rows: protectedRows, totals };
}

/**
 * The value a what-if calculation may use for a count: the count itself when published, and
 * half the threshold when suppressed, so a result cannot reveal what was suppressed.
 */
export function countForCalculation(p: Protected, threshold = SUPPRESSION_THRESHOLD): number {
  return p.suppressed ? threshold / 2 : (p.value ?? 0);
}
