export type SeverityKey = 'CRITICAL' | 'WARNING' | 'INFO' | 'OK' | 'DOCUMENTED' | 'NOT_REGISTERED';

export const SEVERITY_KEYS: SeverityKey[] = ['CRITICAL', 'WARNING', 'INFO', 'OK', 'DOCUMENTED', 'NOT_REGISTERED'];

/** «Ikke registrert» and «kildebelagt, avtale ikke registrert» are states of their own, not severities. */
export function severityKey(row: { status: string; worstSeverity?: string | null }): SeverityKey {
  if (row.status === 'NOT_REGISTERED') return 'NOT_REGISTERED';
  if (row.status === 'DOCUMENTED') return 'DOCUMENTED';
  return (row.worstSeverity as SeverityKey | null | undefined) ?? 'OK';
}

/** Sort order: worst first. */
export const SEVERITY_RANK: Record<SeverityKey, number> = {
  CRITICAL: 0,
  WARNING: 1,
  INFO: 2,
  OK: 3,
  DOCUMENTED: 4,
  NOT_REGISTERED: 5,
};
