#!/usr/bin/env node
/**
 * The coverage map's shapes, projected once at build time (issue 15: the map drawn within 1 s).
 * Reads Kartverket's municipality boundaries (data/geo/Kommuner-S.topojson), projects them as the
 * map did in the browser (transverse Mercator turned 15° east, fitted to 560 × 760), quantises to a
 * tenth of a pixel (integers on a 5600 × 7600 grid) and writes SVG path strings with relative,
 * integer steps, with each municipality's name, centroid (for the arrow keys) and bounds (for the
 * county zoom), and the county borders: dashboard/public/kartdata/kommuner.json, which Vite copies into
 * the build. The browser then only places the paths; nothing is parsed into features or projected.
 *
 * Written only when the boundaries are newer than the file (or it is missing); `--force` writes anyway.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { geoPath, geoTransverseMercator } from 'd3-geo';
import { feature, mesh } from 'topojson-client';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SOURCE = path.join(HERE, '..', '..', 'data', 'geo', 'Kommuner-S.topojson');
const TARGET = path.join(HERE, '..', 'public', 'kartdata', 'kommuner.json');
/** The map's size in CSS pixels and the grid per pixel: coordinates are integers on a 10× finer grid. */
export const WIDTH = 560;
export const HEIGHT = 760;
const GRID = 10;

/** A d3-geo path context that writes `M x y` then relative integer steps (`l dx dy`, repeated letters left out). */
function compactContext() {
  let out = '';
  let x0 = 0;
  let y0 = 0;
  let x = 0;
  let y = 0;
  let inLine = false;
  const num = (n, first) => (first || n < 0 ? `${n}` : ` ${n}`);
  return {
    moveTo(px, py) {
      x = x0 = Math.round(px);
      y = y0 = Math.round(py);
      out += `M${x} ${y}`;
      inLine = false;
    },
    lineTo(px, py) {
      const nx = Math.round(px);
      const ny = Math.round(py);
      const dx = nx - x;
      const dy = ny - y;
      if (dx === 0 && dy === 0) return; // the same grid point: nothing to draw
      out += inLine ? `${num(dx)}${num(dy)}` : `l${num(dx, true)}${num(dy)}`;
      inLine = true;
      x = nx;
      y = ny;
    },
    closePath() {
      out += 'z';
      x = x0;
      y = y0;
      inLine = false;
    },
    arc() {},
    result() {
      const r = out;
      out = '';
      return r;
    },
  };
}

/**
 * The Kartverket boundaries follow RFC 7946 (outer rings counter-clockwise); d3-geo wants the
 * opposite, or every municipality becomes "the globe minus the municipality". Reverse each ring.
 */
function rewind(geometry) {
  const flip = (poly) => poly.map((ring) => ring.slice().reverse());
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: flip(geometry.coordinates) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map(flip) };
}

export function buildMapShapes(topology) {
  const fc = feature(topology, topology.objects.Kommuner);
  const features = fc.features.map((f) => ({ ...f, geometry: rewind(f.geometry) }));
  // No antimeridian clipping (Norway, turned 15° east, is nowhere near it).
  const projection = geoTransverseMercator()
    .rotate([-15, 0])
    .preclip((stream) => stream)
    .fitSize([WIDTH * GRID, HEIGHT * GRID], { type: 'FeatureCollection', features });
  const context = compactContext();
  const draw = geoPath(projection, context);
  const measure = geoPath(projection);
  const round = (n) => Math.round(n);
  const municipalities = features.map((f) => {
    draw(f);
    const [[x0, y0], [x1, y1]] = measure.bounds(f);
    return {
      kommunenummer: f.properties.kommunenummer,
      name: f.properties.name,
      d: context.result(),
      centroid: measure.centroid(f).map(round),
      bounds: [x0, y0, x1, y1].map(round),
    };
  });
  const countyBorders = mesh(
    topology,
    topology.objects.Kommuner,
    (a, b) => a !== b && a.properties.kommunenummer.slice(0, 2) !== b.properties.kommunenummer.slice(0, 2),
  );
  draw(countyBorders);
  return { width: WIDTH * GRID, height: HEIGHT * GRID, municipalities, countyBorders: context.result() };
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const fresh = existsSync(TARGET) && statSync(TARGET).mtimeMs >= statSync(SOURCE).mtimeMs;
  if (fresh && !process.argv.includes('--force')) {
    console.log(`map shapes: ${path.relative(process.cwd(), TARGET)} is up to date`);
  } else {
    const started = Date.now();
    const shapes = buildMapShapes(JSON.parse(readFileSync(SOURCE, 'utf8')));
    mkdirSync(path.dirname(TARGET), { recursive: true });
    const json = JSON.stringify(shapes);
    writeFileSync(TARGET, json);
    console.log(
      `map shapes: ${shapes.municipalities.length} municipalities, ${(json.length / 1024).toFixed(0)} KB, ` +
        `${Date.now() - started} ms → ${path.relative(process.cwd(), TARGET)}`,
    );
  }
}
