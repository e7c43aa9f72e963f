import type { DataSource } from 'typeorm';

/** The retention rules that run by themselves (README: «Personal data and retention»). */
export const RETENTION = { sessionDays: 30, loginAttemptDays: 30, auditYears: 5 };

export async function housekeeping(ds: DataSource): Promise<void> {
  await ds.query(`DELETE FROM user_session WHERE expires_at < now() - make_interval(days => $1)`, [RETENTION.sessionDays]);
  await ds.query(`DELETE FROM login_attempt WHERE at < now() - make_interval(days => $1)`, [RETENTION.loginAttemptDays]);
  await ds.query(`DELETE FROM audit_log WHERE at < now() - make_interval(years => $1)`, [RETENTION.auditYears]);
}
