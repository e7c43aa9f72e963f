/**
 * The municipality shapes of the coverage map, projected and quantised at build time
 * (scripts/build-map.mjs, from Kartverket's boundaries): SVG paths on a 5600 × 7600 grid, ten
 * units to a pixel of the 560 × 760 map, with each municipality's centroid and bounds.
 */
export interface MunicipalityShape {
  kommunenummer: string;
  name: string;
  /** SVG path data in grid units. */
  d: string;
  centroid: [number, number];
  /** [x0, y0, x1, y1] in grid units. */
  bounds: [number, number, number, number];
}

export interface MapShapes {
  width: number;
  height: number;
  municipalities: MunicipalityShape[];
  /** SVG path data of the borders between counties. */
  countyBorders: string;
}

/** Where the build puts the shapes (Vite copies public/ into the dashboard). */
export const MAP_SHAPES_URL = '/kartdata/kommuner.json';

let cached: Promise<MapShapes> | null = null;

/** Fetched once per page load. */
export function loadMapShapes(): Promise<MapShapes> {
  cached ??= fetch(MAP_SHAPES_URL)
    .then((r) => {
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      return r.json() as Promise<MapShapes>;
    })
    .catch((e) => {
      cached = null;
      throw e;
    });
  return cached;
}
