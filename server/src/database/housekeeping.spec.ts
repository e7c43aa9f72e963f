import type { DataSource } from 'typeorm';
import { HOUSEKEEPING_INTERVAL_MS, scheduleHousekeeping } from './housekeeping';

describe('scheduleHousekeeping', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('repeats the retention deletes once a day, logs a failure and tries again the next day, and stops', async () => {
    const statements: string[] = [];
    let fail = false;
    const ds = {
      query: jest.fn(async (sql: string) => {
        if (fail) throw new Error('connection lost');
        statements.push(sql);
        return [];
      }),
    } as unknown as DataSource;
    const log = jest.fn();
    const stop = scheduleHousekeeping(ds, log);

    await jest.advanceTimersByTimeAsync(HOUSEKEEPING_INTERVAL_MS - 1);
    expect(statements).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(1);
    expect(statements).toHaveLength(7);
    expect(statements.join('\n')).toMatch(
      /DELETE FROM user_session[\s\S]*DELETE FROM login_attempt[\s\S]*DELETE FROM audit_log[\s\S]*UPDATE agreement a SET status = 'ENDED'[\s\S]*DELETE FROM login_challenge[\s\S]*DELETE FROM password_reset[\s\S]*DELETE FROM user_invitation/,
    );

    fail = true;
    await jest.advanceTimersByTimeAsync(HOUSEKEEPING_INTERVAL_MS);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('connection lost'));

    fail = false;
    await jest.advanceTimersByTimeAsync(HOUSEKEEPING_INTERVAL_MS);
    expect(statements).toHaveLength(14);

    stop();
    await jest.advanceTimersByTimeAsync(HOUSEKEEPING_INTERVAL_MS * 3);
    expect(statements).toHaveLength(14);
  });
});
