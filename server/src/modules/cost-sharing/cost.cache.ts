import type { DataSource } from 'typeorm';
import type { AppContext } from '../../app/context';
import { dataVersionOf, VersionedCache } from '../../app/data-version';
import { loadCostData, type CostData } from './cost.data';

/**
 * The facts behind cost sharing (eleven statements) kept per data version (issue 15): the simulator
 * asks again for every change of its inputs, the cost page for the distribution and the trend. They
 * do not depend on the viewer (what a viewer may see of extra charges is decided after, in
 * `distribute`). The records are shared between requests: nothing may change them.
 */
const caches = new WeakMap<DataSource, VersionedCache<CostData>>();

export function cachedCostData(
  ctx: AppContext,
  centreIds: string[],
  years: number[],
  extraMunicipalities: string[] = [],
): Promise<CostData> {
  let cache = caches.get(ctx.dataSource);
  if (!cache) {
    cache = new VersionedCache<CostData>(dataVersionOf(ctx.dataSource), 64);
    caches.set(ctx.dataSource, cache);
  }
  const key = JSON.stringify([
    [...centreIds].sort(),
    [...years].sort((a, b) => a - b),
    [...new Set(extraMunicipalities)].sort(),
  ]);
  return cache.get(key, () => loadCostData(ctx.dataSource, centreIds, years, extraMunicipalities), ctx.dataVersion);
}
