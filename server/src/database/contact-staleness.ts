/**
 * The staleness rule of isContactStale (@samordna/domain) in SQL, for queries that count or
 * filter stale contacts: never verified, or verified `months` whole months or more before
 * `asOf`. Each argument is an SQL expression: the verified-at column, and the placeholders of
 * the other two (`$3`, `:months`, `$4::date`, `:now`).
 */
export function staleContactSql(verifiedAt: string, months: string, asOf: string): string {
  return `(${verifiedAt} IS NULL OR ${verifiedAt} + make_interval(months => ${months}) <= ${asOf})`;
}
