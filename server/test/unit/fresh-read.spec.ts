import { FreshRead } from '../../src/app/data-version';

// Issue 15: the response cache reads the session and the data version through FreshRead; a caller
// must never get a value read by a statement that began before its call.
describe('FreshRead', () => {
  /** A read whose start is counted and whose end the test decides. */
  function reads() {
    const started: { n: number; finish: (v: number) => void; fail: (e: Error) => void }[] = [];
    const read = () =>
      new Promise<number>((resolve, reject) => {
        started.push({ n: started.length + 1, finish: resolve, fail: reject });
      });
    return { started, read };
  }
  const tick = () => new Promise((r) => setImmediate(r));

  it('gives callers during a read the next read, started after that one ends, and shares it', async () => {
    const { started, read } = reads();
    let idle = 0;
    const fresh = new FreshRead(read, () => idle++);
    const first = fresh.current();
    expect(started).toHaveLength(1);
    // Both come while read 1 runs: it may have begun before them, so they wait for read 2.
    const second = fresh.current();
    const third = fresh.current();
    expect(started).toHaveLength(1);
    started[0].finish(1);
    expect(await first).toBe(1);
    await tick();
    expect(started).toHaveLength(2);
    expect(idle).toBe(0);
    started[1].finish(2);
    expect(await second).toBe(2);
    expect(await third).toBe(2);
    await tick();
    expect(started).toHaveLength(2);
    expect(idle).toBe(1);
    // Idle again: the next caller starts its own read at once.
    const fourth = fresh.current();
    expect(started).toHaveLength(3);
    started[2].finish(3);
    expect(await fourth).toBe(3);
  });

  it('passes a failed read to its callers, and those waiting still get a read of their own', async () => {
    const { started, read } = reads();
    const fresh = new FreshRead(read);
    const first = fresh.current();
    const second = fresh.current();
    started[0].fail(new Error('connection lost'));
    await expect(first).rejects.toThrow('connection lost');
    await tick();
    expect(started).toHaveLength(2);
    started[1].finish(7);
    expect(await second).toBe(7);
  });
});
