import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import { createMunicipalityLoaders } from '../modules/municipality/municipality.loader';
import { createCrisisCentreLoaders } from '../modules/crisis-centre/crisis-centre.loader';
import { createAgreementLoaders } from '../modules/agreement/agreement.loader';
import { createContactLoaders } from '../modules/contact/contact.loader';
import { createHandoverLoaders } from '../modules/handover/handover.loader';
import type { AuthUser } from './auth';

export function createLoaders(ds: DataSource) {
  return {
    ...createMunicipalityLoaders(ds),
    ...createCrisisCentreLoaders(ds),
    ...createAgreementLoaders(ds),
    ...createContactLoaders(ds),
    ...createHandoverLoaders(ds),
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
}

export function createContext(dataSource: DataSource, extras: { auth?: AuthUser | null; res?: Response; ip?: string } = {}): AppContext {
  return { dataSource, loaders: createLoaders(dataSource), auth: extras.auth ?? null, res: extras.res, ip: extras.ip ?? 'local' };
}
