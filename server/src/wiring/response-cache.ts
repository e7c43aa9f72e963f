import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type express from 'express';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import type { DataSource } from 'typeorm';
import { todayInNorway } from '@samordna/domain';
import type { ApolloServerPlugin } from '@apollo/server';
import type { AuthUser } from '../app/auth';
import type { AppContext } from '../app/context';
import { dataVersionOf, FreshRead } from '../app/data-version';
import { isStopping } from './availability';

/**
 * Queries whose answer is a function of the data version, the viewer and the day only (issue 15):
 * the coverage and cost views. Their whole HTTP answer is kept per (data version, day in Norway,
 * viewer, Accept, operation, query, variables) and sent again without running GraphQL; it carries
 * an ETag made of that key, so a client that has it gets 304 Not Modified until the data changes.
 * Nothing else is kept: a mutation, any other root field or an answer with errors goes through
 * Apollo as before.
 */
export const CACHEABLE_ROOT_FIELDS = new Set([
  '__typename',
  'coverageOverview',
  'municipalityCoverage',
  'centreCoverage',
  'costDistribution',
  'costTrend',
  'simulateCostSharing',
]);

/** Answers kept per process (about 120 KB each for the national overview). */
const MAX_ENTRIES = 200;
const MAX_DOCUMENTS = 500;

interface Entry {
  body: Buffer;
  gzip?: Buffer;
  headers: [string, string][];
  etag: string;
}

/** What the response cache found out about a request, for the GraphQL context (no second look-up). */
export interface CacheLocals {
  auth?: AuthUser | null;
  dataVersion?: number;
  /** Set by `responseCachePlugin`: the answer Apollo sends has data and no errors (after every other plugin). */
  answerOk?: boolean;
}

/**
 * Tells the response cache whether the answer may be kept: data and no errors, as sent (the budget
 * plugin may have replaced it before). Last among the plugins.
 */
export function responseCachePlugin(): ApolloServerPlugin<AppContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          const locals = contextValue.res?.locals as CacheLocals | undefined;
          if (!locals) return;
          locals.answerOk =
            response.body.kind === 'single' &&
            response.body.singleResult.errors === undefined &&
            response.body.singleResult.data != null;
        },
      };
    },
  };
}

/** What is known of one query document (with its operation name): kept per document text. */
interface DocumentInfo {
  /** Only cacheable root fields are asked for. */
  ok: boolean;
  /** A short hash of the operation name and the text, for the key (not the whole text on every request). */
  id: string;
}

/** Whether a query document only asks for cacheable root fields, and its id (kept per document text). */
function documentInfo(
  documents: Map<string, Map<string, DocumentInfo>>,
  query: string,
  operationName: string | undefined,
): DocumentInfo {
  let byName = documents.get(query);
  const known = byName?.get(operationName ?? '');
  if (known) return known;
  let ok = false;
  try {
    const doc = parse(query, { maxTokens: 5000 });
    const operations = doc.definitions.filter(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    );
    const op = operationName
      ? operations.find((o) => o.name?.value === operationName)
      : operations.length === 1
        ? operations[0]
        : undefined;
    ok =
      !!op &&
      op.operation === 'query' &&
      op.selectionSet.selections.every((s) => s.kind === Kind.FIELD && CACHEABLE_ROOT_FIELDS.has(s.name.value));
  } catch {
    ok = false;
  }
  const info = {
    ok,
    id: createHash('sha256')
      .update(`${operationName ?? ''}\u0000${query}`)
      .digest('base64url'),
  };
  if (!byName) {
    if (documents.size >= MAX_DOCUMENTS) documents.delete(documents.keys().next().value!);
    byName = new Map();
    documents.set(query, byName);
  }
  // A few operations per document text (one in practice): a text sent with ever new names is not kept.
  if (byName.size < 8) byName.set(operationName ?? '', info);
  return info;
}

/**
 * Today in Norway, worked out once per UTC hour: Norway's day begins at a whole UTC hour (it is UTC+1
 * or UTC+2, summer time changes on a whole hour too), so the date cannot change within one.
 */
let dayHour = NaN;
let day = '';
function todayOnce(): string {
  const now = Date.now();
  const hour = Math.floor(now / 3_600_000);
  if (hour !== dayHour) {
    day = todayInNorway(new Date(now));
    dayHour = hour;
  }
  return day;
}

const viewerKeys = new WeakMap<AuthUser, string>();

/** The viewer as far as answers can differ: anonymous, or a user with their grants. */
export function viewerKey(auth: AuthUser | null): string {
  if (!auth) return 'anonymous';
  let key = viewerKeys.get(auth);
  if (key === undefined) {
    const grants = auth.grants.map((g) => `${g.role}:${g.kommunenummer ?? ''}:${g.centreId ?? ''}`).sort();
    key = `${auth.id}|${grants.join(',')}`;
    viewerKeys.set(auth, key);
  }
  return key;
}

/** Apollo's CSRF prevention lets a GET through only with one of these (or a non-simple content type). */
function getIsPreflighted(req: express.Request): boolean {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  const simple =
    type === '' ||
    type === 'text/plain' ||
    type === 'application/x-www-form-urlencoded' ||
    type === 'multipart/form-data';
  return !simple || !!req.headers['x-apollo-operation-name'] || !!req.headers['apollo-require-preflight'];
}

function requestOf(req: express.Request): { query: string; operationName?: string; variables: unknown } | null {
  if (req.method === 'POST') {
    const b = req.body as
      { query?: unknown; operationName?: unknown; variables?: unknown; extensions?: unknown } | undefined;
    if (!b || typeof b !== 'object' || Array.isArray(b) || typeof b.query !== 'string' || b.extensions !== undefined)
      return null;
    if (b.operationName != null && typeof b.operationName !== 'string') return null;
    return {
      query: b.query,
      operationName: (b.operationName as string | null) ?? undefined,
      variables: b.variables ?? null,
    };
  }
  if (req.method === 'GET') {
    if (!getIsPreflighted(req)) return null;
    const q = req.query as Record<string, unknown>;
    if (typeof q.query !== 'string' || q.extensions !== undefined) return null;
    let variables: unknown = null;
    if (typeof q.variables === 'string') {
      try {
        variables = JSON.parse(q.variables);
      } catch {
        return null;
      }
    } else if (q.variables !== undefined) return null;
    return {
      query: q.query,
      operationName: typeof q.operationName === 'string' ? q.operationName : undefined,
      variables,
    };
  }
  return null;
}

const etagMatches = (header: string | undefined, etag: string) =>
  !!header && header.split(',').some((t) => t.trim() === etag);

/** The viewer of a request and the committed data version, as one statement started after the request read them. */
export interface Viewer {
  auth: AuthUser | null;
  dataVersion: number;
}

/**
 * Express middleware in front of Apollo on /graphql. `authenticate` is the session look-up the
 * GraphQL context would make, together with the data version (one statement that starts after it is
 * called: `authenticateWithVersion`); its result is left in `res.locals` for the context. Requests
 * with the same Cookie header that come while such a read runs share the next read (`FreshRead`):
 * never older than the request, and one statement per round trip under load.
 */
export function responseCache(
  ds: DataSource,
  authenticate: (cookie: string | undefined) => Promise<Viewer>,
): express.RequestHandler {
  const dv = dataVersionOf(ds);
  const entries = new Map<string, Entry>();
  const documents = new Map<string, Map<string, DocumentInfo>>();
  const reads = new Map<string, FreshRead<Viewer>>();
  const viewerOf = (cookie: string | undefined): Promise<Viewer> => {
    const id = cookie ?? '';
    let read = reads.get(id);
    if (!read) {
      const created: FreshRead<Viewer> = new FreshRead(
        () => authenticate(cookie),
        (): void => {
          if (reads.get(id) === created) reads.delete(id);
        },
      );
      read = created;
      reads.set(id, read);
    }
    return read.current();
  };
  const pending = new Map<string, Promise<Entry | null>>();
  dv.onChange((version) => {
    // Entries of older versions can never be used again.
    for (const key of entries.keys()) if (version === null || !key.startsWith(`${version}|`)) entries.delete(key);
  });
  void dv.listen().catch(() => undefined);

  return async (req, res, next) => {
    try {
      const request = requestOf(req);
      if (!request || isStopping()) return next();
      const doc = documentInfo(documents, request.query, request.operationName);
      if (!doc.ok) return next();
      const locals = res.locals as CacheLocals;
      const viewer = await viewerOf(req.headers.cookie);
      locals.auth = viewer.auth;
      locals.dataVersion = viewer.dataVersion;
      const key = `${viewer.dataVersion}|${todayOnce()}|${viewerKey(viewer.auth)}|${req.headers.accept ?? ''}|${doc.id}|${JSON.stringify(request.variables)}`;
      const kept = entries.get(key);
      const etag = kept?.etag ?? `W/"${createHash('sha256').update(key).digest('base64url').slice(0, 32)}"`;
      // Browsers may keep it, but must ask again (If-None-Match) before using it; never shared caches.
      const revalidate = () => {
        res.setHeader('Cache-Control', 'private, no-cache');
        res.setHeader('Vary', 'Cookie, Accept, Accept-Encoding');
        res.setHeader('ETag', etag);
      };
      if (etagMatches(req.headers['if-none-match'], etag)) {
        revalidate();
        res.status(304).end();
        return;
      }
      const serve = (kept: Entry) => {
        for (const [name, value] of kept.headers) res.setHeader(name, value);
        revalidate();
        const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
        if (gzip) {
          kept.gzip ??= gzipSync(kept.body);
          res.setHeader('Content-Encoding', 'gzip');
        }
        const body = gzip ? kept.gzip! : kept.body;
        res.setHeader('Content-Length', String(body.length));
        res.status(200).end(body);
      };
      if (kept) {
        entries.delete(key);
        entries.set(key, kept);
        return serve(kept);
      }
      // The same answer being computed for another request (many clients after a write): wait for it.
      const running = pending.get(key);
      if (running) {
        const answer = await running;
        if (answer) return serve(answer);
      }
      // Not kept: Apollo answers, and a complete answer without errors is kept.
      // The first to miss computes; the others wait for it (one who waited in vain computes alone).
      let settle: ((answer: Entry | null) => void) | null = null;
      if (!running) {
        const mine = new Promise<Entry | null>((resolve) => (settle = resolve));
        pending.set(key, mine);
        mine.finally(() => pending.get(key) === mine && pending.delete(key)).catch(() => undefined);
      }
      const settled = (answer: Entry | null) => {
        settle?.(answer);
        settle = null;
      };
      res.on('close', () => settled(null));
      const send = res.send.bind(res);
      res.send = (body?: unknown) => {
        if (res.statusCode === 200 && typeof body === 'string') {
          if (locals.answerOk === true) {
            // After Apollo's headers (its cache-control: no-store is for answers nobody keeps).
            revalidate();
            const headers = Object.entries(res.getHeaders())
              .filter(
                ([name]) =>
                  !['content-length', 'etag', 'content-encoding', 'cache-control', 'vary'].includes(name.toLowerCase()),
              )
              .map(([name, value]): [string, string] => [
                name,
                Array.isArray(value) ? value.join(', ') : String(value),
              ]);
            const answer: Entry = { body: Buffer.from(body), headers, etag };
            // Those waiting get it (computed after they read the version, so never older than that).
            settled(answer);
            void dv.current().then(
              (now) => {
                // Kept only when no write committed while it was computed (it could mix old and new).
                if (now !== locals.dataVersion) return;
                entries.set(key, answer);
                while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
              },
              () => undefined,
            );
          }
        }
        settled(null);
        return send(body);
      };
      next();
    } catch (error) {
      next(error);
    }
  };
}
