import type { DataSource } from 'typeorm';
import { createMunicipalityLoaders } from '../modules/municipality/municipality.loader';
import { createCrisisCentreLoaders } from '../modules/crisis-centre/crisis-centre.loader';
import { createAgreementLoaders } from '../modules/agreement/agreement.loader';
import { createContactLoaders } from '../modules/contact/contact.loader';
import { createHandoverLoaders } from '../modules/handover/handover.loader';

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
}

export function createContext(dataSource: DataSource): AppContext {
  return { dataSource, loaders: createLoaders(dataSource) };
}
