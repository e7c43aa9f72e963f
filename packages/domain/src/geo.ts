/** Great-circle distance in km between two points (haversine on a sphere of 6 371 km). */
export function greatCircleKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const R = 6371;
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The `n` items nearest to `origin` by great-circle distance, nearest first, each with its distance
 * (km, one decimal); items without a position are left out (no distance, no comparison).
 */
export function nearestByDistance<T extends { lat: number | null; lon: number | null }>(
  origin: { lat: number; lon: number },
  items: readonly T[],
  n: number,
): (T & { distanceKm: number })[] {
  return items
    .filter((x): x is T & { lat: number; lon: number } => x.lat !== null && x.lon !== null)
    .map((x) => ({ ...x, distanceKm: Math.round(greatCircleKm(origin, x) * 10) / 10 }))
    .sort((a, b) => a.distanceKm - b.distanceKm)
    .slice(0, n);
}
