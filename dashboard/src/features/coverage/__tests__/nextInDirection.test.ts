import { nextInDirection } from '../CoverageMap';

// A small grid of centroids (SVG coordinates: y grows downwards).
const C = [
  { kommunenummer: 'centre', centroid: [10, 10] as [number, number] },
  { kommunenummer: 'east', centroid: [20, 11] as [number, number] },
  { kommunenummer: 'far-east', centroid: [40, 10] as [number, number] },
  { kommunenummer: 'north', centroid: [11, 0] as [number, number] },
  { kommunenummer: 'south-east', centroid: [20, 30] as [number, number] },
];
const others = C.filter((c) => c.kommunenummer !== 'centre');

it.each([
  ['ArrowRight', 'east'],
  ['ArrowUp', 'north'],
  ['ArrowDown', 'south-east'],
  ['ArrowLeft', null],
  ['Tab', null],
])('from the centre, %s goes to %s', (key, expected) => {
  expect(nextInDirection([10, 10], key, others)).toBe(expected);
});

it('prefers what lies straight ahead over what is nearer but off to the side', () => {
  expect(
    nextInDirection([0, 0], 'ArrowRight', [
      { kommunenummer: 'ahead', centroid: [10, 0] },
      { kommunenummer: 'aside', centroid: [6, 5] },
    ]),
  ).toBe('ahead');
});
