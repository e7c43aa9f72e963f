import { Client } from 'pg';

/**
 * Cancels the running statements of one server process (found by its unique application_name),
 * over a connection of its own: the pool may be full of exactly those statements. A cancelled
 * statement fails with 57014, its transaction is rolled back, and the request answers SHUTTING_DOWN.
 * Returns how many statements were cancelled.
 */
export async function cancelStatements(url: string, applicationName: string): Promise<number> {
  const client = new Client({
    connectionString: url,
    connectionTimeoutMillis: 3000,
    application_name: `${applicationName}-stop`,
  });
  try {
    await client.connect();
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*) FILTER (WHERE pg_cancel_backend(pid))::int AS n FROM pg_stat_activity
        WHERE application_name = $1 AND state = 'active' AND pid <> pg_backend_pid()`,
      [applicationName],
    );
    return rows[0]?.n ?? 0;
  } catch {
    return 0; // the database is away: those statements fail by themselves
  } finally {
    await client.end().catch(() => undefined);
  }
}
