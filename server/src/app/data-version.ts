import { Client } from 'pg';
import type { DataSource } from 'typeorm';

/** The channel the data_version trigger notifies on (migration 1765920000000). */
export const DATA_VERSION_CHANNEL = 'samordna_data_version';

/**
 * A read that is never older than the call asking for it: a call made while no read runs starts one;
 * calls that come while a read runs share the next read, which starts when that one ends. Under load,
 * one statement per round trip instead of one per request, and every caller gets what a statement
 * started after its call saw (a write committed before the call is in it). `onIdle`: called when no
 * read runs or waits any more (to forget a FreshRead kept per key).
 */
export class FreshRead<T> {
  private reading: Promise<T> | null = null;
  private nextRead: Promise<T> | null = null;

  constructor(
    private readonly read: () => Promise<T>,
    private readonly onIdle?: () => void,
  ) {}

  current(): Promise<T> {
    if (!this.reading) {
      this.reading = this.read().finally(() => {
        this.reading = null;
        if (!this.nextRead) this.onIdle?.();
      });
      return this.reading;
    }
    this.nextRead ??= this.reading
      .catch(() => undefined)
      .then(() => {
        this.nextRead = null;
        return this.current();
      });
    return this.nextRead;
  }
}

/**
 * The data version: a number every committed write to the data bumps (a deferred trigger on every
 * table but sessions and bookkeeping, migration 1765920000000). An answer computed from data of
 * version v is the same answer while the version is v, so it can be kept.
 *
 * `current()` asks PostgreSQL (one primary-key read) on every use: a write committed by another
 * server process is seen by the next request, never a notification later. The listener only makes
 * the cache drop what is stale at once (and warm again, see `onChange`); when it loses its connection
 * everything is dropped, as changes may have been missed meanwhile.
 */
export class DataVersion {
  private listener: Client | null = null;
  private stopped = false;
  private readonly callbacks = new Set<(version: number | null) => void>();
  private retry: NodeJS.Timeout | null = null;

  constructor(readonly dataSource: DataSource) {}

  private readonly fresh = new FreshRead(async (): Promise<number> => {
    const [{ version }] = await this.dataSource.query(`SELECT version::int AS version FROM data_version`);
    return version;
  });

  /**
   * The committed version now: read by a statement that starts after this call (shared with the
   * calls that come while it waits, `FreshRead`), never a version older than the call.
   */
  current(): Promise<number> {
    return this.fresh.current();
  }

  /** Called with the new version on every committed write in any process; null: changes may have been missed. */
  onChange(callback: (version: number | null) => void): () => void {
    this.callbacks.add(callback);
    return () => this.callbacks.delete(callback);
  }

  private emit(version: number | null): void {
    for (const callback of this.callbacks) callback(version);
  }

  /** LISTEN on a dedicated connection; reconnects after a loss (and drops everything then). */
  async listen(): Promise<void> {
    if (this.listener || this.stopped) return;
    const options = this.dataSource.options as { url?: string; applicationName?: string };
    const client = new Client({
      connectionString: options.url,
      application_name: `${options.applicationName ?? 'samordna'}-listen`,
    });
    const lost = () => {
      if (this.listener !== client) return;
      this.listener = null;
      client.removeAllListeners('notification');
      void client.end().catch(() => undefined);
      this.emit(null);
      if (!this.stopped) this.retry = setTimeout(() => void this.listen().catch(() => undefined), 1000).unref();
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', (n) => {
      if (n.channel === DATA_VERSION_CHANNEL) this.emit(Number(n.payload));
    });
    this.listener = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${DATA_VERSION_CHANNEL}`);
      // Whatever was kept before listening may be older than what is committed now.
      this.emit(null);
    } catch (error) {
      lost();
      throw error;
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.listener;
    this.listener = null;
    await client?.end().catch(() => undefined);
  }
}

const versions = new WeakMap<DataSource, DataVersion>();

/** The one DataVersion of a data source (each DataSource stands for one server process in tests). */
export function dataVersionOf(ds: DataSource): DataVersion {
  let v = versions.get(ds);
  if (!v) {
    const created = new DataVersion(ds);
    v = created;
    versions.set(ds, v);
    // The listener ends with the data source (tests open and destroy many).
    const destroy = ds.destroy.bind(ds);
    ds.destroy = async () => {
      await created.stop();
      return destroy();
    };
  }
  return v;
}

/**
 * A small cache of answers per data version: an entry is used only while the version it was computed
 * at is the committed version, and concurrent requests for the same key share one computation. The
 * computation is kept only when the version did not move while it ran (else it may mix old and new).
 */
export class VersionedCache<T> {
  private readonly entries = new Map<string, { version: number; value: T }>();
  private readonly running = new Map<string, Promise<T>>();

  constructor(
    private readonly dv: DataVersion,
    private readonly maxEntries = 64,
  ) {
    dv.onChange((version) => {
      for (const [key, e] of this.entries) if (version === null || e.version < version) this.entries.delete(key);
    });
  }

  /** The value for `key` at the committed version, computed by `compute` when not kept. */
  async get(key: string, compute: () => Promise<T>, version?: number): Promise<T> {
    const at = version ?? (await this.dv.current());
    const kept = this.entries.get(key);
    if (kept && kept.version === at) return kept.value;
    const runKey = `${at}\u0000${key}`;
    const running = this.running.get(runKey);
    if (running) return running;
    const work = (async () => {
      const value = await compute();
      if ((await this.dv.current()) === at) {
        this.entries.delete(key);
        this.entries.set(key, { version: at, value });
        while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
      }
      return value;
    })();
    this.running.set(runKey, work);
    try {
      return await work;
    } finally {
      this.running.delete(runKey);
    }
  }

  clear(): void {
    this.entries.clear();
  }
}
