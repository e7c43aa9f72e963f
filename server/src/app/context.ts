import { randomUUID } from 'node:crypto';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import { createMunicipalityLoaders } from '../modules/municipality/municipality.loader';
import { createCrisisCentreLoaders } from '../modules/crisis-centre/crisis-centre.loader';
import { createAgreementLoaders } from '../modules/agreement/agreement.loader';
import { createContactLoaders } from '../modules/contact/contact.loader';
import { createHandoverLoaders } from '../modules/handover/handover.loader';
import { createNationalLoaders } from '../modules/national/national.loader';
import type { AuthUser } from './auth';
import { loadConfig, type AppConfig } from '../config/env';
import { newBudget, type RequestBudget } from './limits';

/** What the services need of the configuration: demo users, links in mails, mail and single sign-on. */
export type RuntimeSettings = Pick<AppConfig, 'production' | 'demoUsers' | 'publicUrl' | 'mail' | 'oidc'>;

let defaults: RuntimeSettings | null = null;
/** The settings from the environment, read once (tests and the HTTP server may pass their own). */
export function defaultSettings(): RuntimeSettings {
  if (!defaults) {
    const { production, demoUsers, publicUrl, mail, oidc } = loadConfig(process.env);
    defaults = { production, demoUsers, publicUrl, mail, oidc };
  }
  return defaults;
}

export function createLoaders(ds: DataSource) {
  return {
    ...createMunicipalityLoaders(ds),
    ...createCrisisCentreLoaders(ds),
    ...createAgreementLoaders(ds),
    ...createContactLoaders(ds),
    ...createHandoverLoaders(ds),
    ...createNationalLoaders(ds),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** Built once per request: loaders never share a cache across requests. */
export interface AppContext {
  dataSource: DataSource;
  loaders: Loaders;
  /** The signed-in user with their grants; null for anonymous readers. */
  auth: AuthUser | null;
  /** Present over HTTP: where the session cookie is set and cleared. */
  res?: Response;
  ip: string;
  /** The browser's User-Agent (cut short), to name a new session on the user's own page. */
  userAgent?: string | null;
  settings: RuntimeSettings;
  /** What this request has spent of its fields and time (limits.ts). */
  budget: RequestBudget;
  /** Names the request in logs and in a masked internal error. */
  requestId: string;
  /** The data version this request read (response-cache.ts), for the caches behind it; unset: they read it themselves. */
  dataVersion?: number;
}

export function createContext(
  dataSource: DataSource,
  extras: {
    auth?: AuthUser | null;
    res?: Response;
    ip?: string;
    userAgent?: string | null;
    settings?: RuntimeSettings;
    dataVersion?: number;
  } = {},
): AppContext {
  return {
    dataSource,
    loaders: createLoaders(dataSource),
    auth: extras.auth ?? null,
    res: extras.res,
    ip: extras.ip ?? 'local',
    userAgent: extras.userAgent?.slice(0, 300) ?? null,
    settings: extras.settings ?? defaultSettings(),
    budget: newBudget(),
    requestId: randomUUID(),
    dataVersion: extras.dataVersion,
  };
}
