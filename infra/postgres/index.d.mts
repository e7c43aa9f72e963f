export interface EmbeddedPostgresOptions {
  /** Absolute or relative path of the PostgreSQL data directory. */
  dataDir: string;
  /** Keep the data directory when stopped (default true). */
  persistent?: boolean;
  /** Trade durability for speed (fsync off); only for throwaway test clusters. */
  fast?: boolean;
  /** Port to listen on; a free one is picked when left out. */
  port?: number;
  /** How long start() may take before the child is killed (ms, default 60 000). */
  startTimeoutMs?: number;
}

export interface RunningPostgres {
  /** postgres://… URL of the maintenance database `postgres`. */
  url: string;
  host: string;
  port: number;
  dataDir: string;
  /** The pid of a PostgreSQL left running on the data directory by a program that died, stopped before this start; else null. */
  leftBehindStopped: number | null;
  /** Stops the server; safe to call more than once. */
  stop(): Promise<void>;
}

export declare class DataDirInUseError extends Error {
  readonly code: 'DATA_DIR_IN_USE';
  readonly pid: number;
  readonly dataDir: string;
}

export declare class EmbeddedStartError extends Error {
  readonly code: 'EMBEDDED_START_FAILED';
  readonly log: string;
}

export declare function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres>;
export { findFreePort } from './free-port.cjs';
export declare function runningPidOf(dataDir: string): Promise<number | null>;
