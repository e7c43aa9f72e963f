import { nearestByDistance } from './geo';

const BODO = { lat: 67.28, lon: 14.4 };
describe('nearestByDistance', () => {
  it('keeps the n nearest, nearest first, and leaves out items without a position', () => {
    const items = [
      { name: 'Oslo', lat: 59.91, lon: 10.75 },
      { name: 'Mo i Rana', lat: 66.31, lon: 14.14 },
      { name: 'Ukjent', lat: null, lon: null },
      { name: 'Tromsø', lat: 69.65, lon: 18.96 },
      { name: 'Fauske', lat: 67.26, lon: 15.39 },
    ];
    const r = nearestByDistance(BODO, items, 3);
    expect(r.map((x) => x.name)).toEqual(['Fauske', 'Mo i Rana', 'Tromsø']);
    expect(r[0].distanceKm).toBeCloseTo(42, -1);
  });
});
