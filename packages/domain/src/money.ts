/**
 * Money in øre (1 krone = 100 øre), as safe integers. Never floating-point kroner in sums.
 */
export type Ore = number;

export class MoneyError extends RangeError {}

/**
 * The amounts Samordna accepts: any amount (budget, funding, charge, investment, lump sum, base)
 * at most 10 billion kroner; a price per inhabitant at most 10 000 kroner. With these, every
 * product and sum the cost engine forms stays a safe integer (rate × 1 million inhabitants, a
 * base × 400 parties, thousands of investments of the largest amount).
 */
export const MONEY_LIMITS = { maxAmountOre: 10_000_000_000 * 100, maxRateOre: 10_000 * 100 } as const;

export function assertOre(value: number, what = 'amount'): Ore {
  if (!Number.isSafeInteger(value)) throw new MoneyError(`${what} must be a whole number of øre, got ${value}`);
  return value;
}

// The one place that writes an amount of money for people (nb-NO: non-breaking spaces, real minus).
const nbKroner = new Intl.NumberFormat('nb-NO', { minimumFractionDigits: 0, maximumFractionDigits: 0 });
const nbKronerOre = new Intl.NumberFormat('nb-NO', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 1234567 → "kr 1 234 567". Whole kroner; amounts kept in øre go through formatOre. */
export function formatKroner(kroner: number): string {
  return `kr\u00a0${nbKroner.format(kroner)}`;
}

/** 123456789 øre → "kr 1 234 568" (rounded to whole kroner), or with decimals: "kr 1 234 567,89". */
export function formatOre(ore: Ore, withOre = false): string {
  return withOre ? `kr\u00a0${nbKronerOre.format(ore / 100)}` : formatKroner(ore / 100);
}

/**
 * Splits `total` øre in proportion to non-negative integer weights so that the parts sum to
 * exactly `total`: each part gets the floor of its exact share, and the øre left over go one
 * each to the largest remainders (ties: lower index first). No part is ever more than one øre
 * from its exact share. With all weights zero, the split is equal.
 */
export function largestRemainder(total: Ore, weights: readonly (number | bigint)[]): Ore[] {
  assertOre(total, 'total');
  if (weights.length === 0) {
    if (total !== 0) throw new MoneyError('cannot split a non-zero total among no parts');
    return [];
  }
  let w = weights.map((x) => {
    const b = BigInt(x);
    if (b < 0n) throw new MoneyError('weights must not be negative');
    return b;
  });
  let sum = w.reduce((a, b) => a + b, 0n);
  if (sum === 0n) {
    w = w.map(() => 1n);
    sum = BigInt(w.length);
  }
  const sign = total < 0 ? -1n : 1n;
  const t = BigInt(Math.abs(total));
  const floors = w.map((x) => (t * x) / sum);
  const remainders = w.map((x, i) => ({ i, r: t * x - floors[i] * sum }));
  let left = t - floors.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  const parts = [...floors];
  for (const { i } of remainders) {
    if (left === 0n) break;
    parts[i] += 1n;
    left -= 1n;
  }
  return parts.map((p) => Number(p * sign));
}
