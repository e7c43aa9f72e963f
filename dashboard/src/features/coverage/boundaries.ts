import { feature, mesh } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry, MultiLineString, MultiPolygon, Polygon } from 'geojson';

export interface MunicipalityShape {
  kommunenummer: string;
  feature: Feature<Polygon | MultiPolygon, { kommunenummer: string; name: string }>;
}

export interface Boundaries {
  municipalities: MunicipalityShape[];
  collection: FeatureCollection<Polygon | MultiPolygon>;
  countyBorders: MultiLineString;
}

type Props = { kommunenummer: string; name: string };

/**
 * The Kartverket boundaries follow RFC 7946 (outer rings counter-clockwise); d3-geo wants the
 * opposite, or every municipality becomes "the globe minus the municipality". Reverse each ring.
 */
function rewind(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const flip = (poly: number[][][]) => poly.map((ring) => ring.slice().reverse());
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: flip(geometry.coordinates) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map(flip) };
}

export function prepareBoundaries(topology: Topology<{ Kommuner: GeometryCollection<Props> }>): Boundaries {
  const fc = feature(topology, topology.objects.Kommuner) as FeatureCollection<Geometry, Props>;
  const municipalities = fc.features.map((f) => ({
    kommunenummer: f.properties.kommunenummer,
    feature: { ...f, geometry: rewind(f.geometry as Polygon | MultiPolygon) } as MunicipalityShape['feature'],
  }));
  const countyBorders = mesh(
    topology,
    topology.objects.Kommuner,
    (a, b) =>
      a !== b &&
      (a.properties as Props).kommunenummer.slice(0, 2) !== (b.properties as Props).kommunenummer.slice(0, 2),
  );
  // mesh() lines have no inside, so their winding does not matter.
  return {
    municipalities,
    collection: { type: 'FeatureCollection', features: municipalities.map((m) => m.feature) },
    countyBorders,
  };
}

let cached: Promise<Boundaries> | null = null;

/** Fetched once per page load from the server's /geo folder. */
export function loadBoundaries(): Promise<Boundaries> {
  cached ??= fetch('/geo/Kommuner-S.topojson')
    .then((r) => {
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      return r.json();
    })
    .then(prepareBoundaries)
    .catch((e) => {
      cached = null;
      throw e;
    });
  return cached;
}
