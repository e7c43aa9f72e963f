import { viewBoxFor } from '../CoverageMap';
import type { MapShapes } from '../mapShapes';

const shape = (kommunenummer: string, bounds: [number, number, number, number]) => ({
  kommunenummer,
  name: kommunenummer,
  d: '',
  centroid: [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2] as [number, number],
  bounds,
});
const SHAPES: MapShapes = {
  width: 5600,
  height: 7600,
  municipalities: [shape('1804', [3000, 2000, 3400, 2100]), shape('1841', [3400, 2100, 3500, 2500])],
  countyBorders: '',
};

it('shows the whole map without a focus', () => {
  expect(viewBoxFor(SHAPES, [])).toEqual([0, 0, 5600, 7600]);
});

it('zooms to the bounds of the focused municipalities, in the map proportions, centred on them', () => {
  const [x, y, w, h] = viewBoxFor(SHAPES, ['1804', '1841']);
  expect(w / h).toBeCloseTo(5600 / 7600);
  // Wide enough for 3000–3500 and tall enough for 2000–2500, centred on (3250, 2250).
  expect(x).toBeLessThanOrEqual(3000);
  expect(x + w).toBeGreaterThanOrEqual(3500);
  expect(y).toBeLessThanOrEqual(2000);
  expect(y + h).toBeGreaterThanOrEqual(2500);
  expect(x + w / 2).toBeCloseTo(3250);
  expect(y + h / 2).toBeCloseTo(2250);
  expect(viewBoxFor(SHAPES, ['1804'])[2]).toBeLessThan(w);
});
