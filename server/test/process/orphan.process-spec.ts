import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
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

/** SQL on the embedded database of a running server, as its data directory describes it. */
async function sql(dataDir: string, statements: string[]): Promise<void> {
  const port = readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[3];
  const password = readFileSync(`${dataDir}.password`, 'utf8').trim();
  const client = new Client({
    host: '127.0.0.1',
    port: Number(port),
    user: 'postgres',
    password,
    database: 'samordna',
  });
  await client.connect();
  try {
    for (const s of statements) await client.query(s);
  } finally {
    await client.end();
  }
}

describe('the embedded PostgreSQL never outlives the server', () => {
  const base = tempDir('samordna-orphan-');
  const dataDir = path.join(base, 'pg');
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it("after the server is killed (SIGKILL), the next start stops the PostgreSQL it left behind and starts on the same data, users' renames and deletions kept", async () => {
    const first = spawnServer({ SAMORDNA_DATA_DIR: dataDir }, await freePort());
    await first.waitFor(/Samordna is running/);
    // What users did meanwhile: a real centre renamed, a real agreement deleted (issue 19, start-up trusts names).
    await sql(dataDir, [
      `UPDATE crisis_centre SET name = 'Helgeland krisesenter IKS' WHERE seed_key = 'centre:Helgeland krisesenter'`,
      `DELETE FROM agreement WHERE seed_key = 'agreement:Krisesenteret i Hønefoss'`,
    ]);
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
      const r = await graphql<{
        crisisCentres: { totalCount: number; items: { name: string }[] };
        agreements: { items: { centre: { name: string } }[] };
      }>(
        port,
        `
          {
            crisisCentres {
              totalCount
              items {
                name
              }
            }
            agreements(limit: 100) {
              items {
                centre {
                  name
                }
              }
            }
          }
        `,
      );
      expect(r.errors).toBeUndefined();
      expect(r.data!.crisisCentres.totalCount).toBe(46); // data/national: 44 in operation and 2 closed or uncertain, none added or lost
      expect(r.data!.crisisCentres.items.map((c) => c.name)).toContain('Helgeland krisesenter IKS');
      const withAgreement = r.data!.agreements.items.map((a) => a.centre.name);
      expect(withAgreement).toContain('Helgeland krisesenter IKS');
      expect(withAgreement).not.toContain('Krisesenteret i Hønefoss'); // deleted stays deleted
    } finally {
      const pgPid = postmasterPid(dataDir);
      const stopped = await again.stop('SIGTERM');
      expect(stopped.code).toBe(0);
      expect(pgPid === null || !running(pgPid)).toBe(true);
    }
  });
});
