// Pure helpers of the benchmark harness: percentiles, medians, ratios, formatting.

/** The p-th percentile (nearest rank) of numbers; null when there are none. */
export function percentile(values, p) {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** The median (lower middle for an even count); null when there are none. */
export function median(values) {
  const xs = values.filter((x) => x !== null && x !== undefined && Number.isFinite(x));
  if (!xs.length) return null;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** a / b, or null when either is missing or b is 0. */
export function ratio(a, b) {
  if (a === null || a === undefined || b === null || b === undefined || !(b > 0)) return null;
  return a / b;
}

/** A number for a Markdown table: «–» when missing. */
export function fmt(x, digits = 1) {
  if (x === null || x === undefined || Number.isNaN(x)) return '–';
  return x.toFixed(digits);
}

/** met / missed against a target «value ≤ limit»; «–» when not measured. */
export function verdict(value, limit) {
  if (value === null || value === undefined) return 'not measured';
  return value <= limit ? '**met**' : '**missed**';
}
