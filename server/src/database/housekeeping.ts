import type { DataSource } from 'typeorm';
import { endLapsedAgreements } from '../modules/agreement/agreement.service';

/** The retention rules that run by themselves (README: «Personal data and retention»), and agreements that lapse. */
export const RETENTION = { sessionDays: 30, loginAttemptDays: 30, auditYears: 5 };

export async function housekeeping(ds: DataSource): Promise<void> {
  await ds.query(`DELETE FROM user_session WHERE expires_at < now() - make_interval(days => $1)`, [
    RETENTION.sessionDays,
  ]);
  await ds.query(`DELETE FROM login_attempt WHERE at < now() - make_interval(days => $1)`, [
    RETENTION.loginAttemptDays,
  ]);
  await ds.query(`DELETE FROM audit_log WHERE at < now() - make_interval(years => $1)`, [RETENTION.auditYears]);
  // Agreements past their last binding day are ended (a new version took over, or notice ran out).
  await endLapsedAgreements(ds);
  // One-time links and sign-in steps: gone once spent or expired (invitations kept a while to show as expired).
  await ds.query(`DELETE FROM login_challenge WHERE expires_at < now()`);
  await ds.query(`DELETE FROM password_reset WHERE expires_at < now() - make_interval(days => $1)`, [
    RETENTION.sessionDays,
  ]);
  await ds.query(`DELETE FROM user_invitation WHERE expires_at < now() - make_interval(days => $1)`, [
    RETENTION.sessionDays,
  ]);
}

/** How often a running server repeats the housekeeping it did at start. */
export const HOUSEKEEPING_INTERVAL_MS = 24 * 60 * 60 * 1000;

/**
 * Runs housekeeping once a day from now on; failures are logged and tried again the next day.
 * The timer does not keep the process alive. Returns a function that stops it.
 */
export function scheduleHousekeeping(ds: DataSource, log: (message: string) => void = console.error): () => void {
  const timer = setInterval(() => {
    housekeeping(ds).catch((error: unknown) =>
      log(
        `Retention housekeeping failed (tried again in a day): ${error instanceof Error ? error.message : String(error)}`,
      ),
    );
  }, HOUSEKEEPING_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
