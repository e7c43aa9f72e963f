import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { freePort, graphql, postmasterPid, spawnServer, tempDir } from '../utils/spawn-server';

/** Alive and not a zombie waiting to be reaped. */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return true;
  }
}

describe('the embedded PostgreSQL never outlives the server', () => {
  const base = tempDir('samordna-orphan-');
  const dataDir = path.join(base, 'pg');
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('after the server is killed (SIGKILL), the next start stops the PostgreSQL it left behind and starts on the same data', async () => {
    const first = spawnServer({ SAMORDNA_DATA_DIR: dataDir }, await freePort());
    await first.waitFor(/Samordna is running/);
    const orphan = postmasterPid(dataDir)!;
    expect(orphan).not.toBeNull();
    const killed = await first.stop('SIGKILL');
    expect(killed.signal).toBe('SIGKILL');
    expect(running(orphan)).toBe(true); // left behind: nobody stopped it

    const port = await freePort();
    const again = spawnServer({ SAMORDNA_DATA_DIR: dataDir }, port);
    try {
      await again.waitFor(/Samordna is running/);
      expect(again.output()).toContain(`Stopped the embedded PostgreSQL (pid ${orphan})`);
      expect(running(orphan)).toBe(false);
      const r = await graphql(port, `{ crisisCentres { totalCount } }`);
      expect(r.errors).toBeUndefined();
      expect(r.data.crisisCentres.totalCount).toBe(5);
    } finally {
      const pgPid = postmasterPid(dataDir);
      const stopped = await again.stop('SIGTERM');
      expect(stopped.code).toBe(0);
      expect(pgPid === null || !running(pgPid)).toBe(true);
    }
  });
});
