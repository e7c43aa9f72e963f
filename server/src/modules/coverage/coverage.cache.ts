import type { CoverageConfig } from '@samordna/domain';
import type { DataSource } from 'typeorm';
import type { AppContext } from '../../app/context';
import { dataVersionOf, VersionedCache } from '../../app/data-version';
import { computeOverviewBase, type OverviewBase } from './coverage.overview';

/**
 * The national overview, computed once per data version, as-of date and thresholds (issue 15):
 * the rules for 357 municipalities ran on every request before. It does not depend on the viewer
 * (the overview is public: no field of it is filtered by grants), so one entry serves everyone.
 * The rows are shared between requests: nothing may change them.
 */
const caches = new WeakMap<DataSource, VersionedCache<OverviewBase>>();

export function cachedOverviewBase(ctx: AppContext, asOf: string, config: CoverageConfig): Promise<OverviewBase> {
  let cache = caches.get(ctx.dataSource);
  if (!cache) {
    cache = new VersionedCache<OverviewBase>(dataVersionOf(ctx.dataSource), 16);
    caches.set(ctx.dataSource, cache);
  }
  return cache.get(`${asOf}|${JSON.stringify(config)}`, () => computeOverviewBase(ctx, asOf, config), ctx.dataVersion);
}
