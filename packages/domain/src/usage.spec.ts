import fc from 'fast-check';
import { countForCalculation, protectCount, protectUsageTable, USAGE_METRICS, type UsageCounts } from './usage';

describe('small-number suppression', () => {
  it.each([
    [0, 0, false],
    [1, null, true],
    [4, null, true],
    [5, 5, false],
    [120, 120, false],
  ])('%d → %p (suppressed %p)', (n, value, suppressed) => {
    expect(protectCount(n)).toEqual({ value, suppressed });
  });

  it('takes another threshold', () => {
    expect(protectCount(7, 10)).toEqual({ value: null, suppressed: true });
  });

  it('suppresses a total when any count in its column is suppressed', () => {
    const t = protectUsageTable([
      { key: 'A', counts: { stays: 12, nights: 300, dayVisits: 3, phoneContacts: 0 } },
      { key: 'B', counts: { stays: 8, nights: 90, dayVisits: 40, phoneContacts: 6 } },
    ]);
    expect(t.totals).toEqual({
      stays: { value: 20, suppressed: false },
      nights: { value: 390, suppressed: false },
      dayVisits: { value: null, suppressed: true },
      phoneContacts: { value: 6, suppressed: false },
    });
  });

  it('property: no suppressed count can be computed from the published cells and total', () => {
    const counts = fc.record({
      stays: fc.nat(30),
      nights: fc.nat(200),
      dayVisits: fc.nat(30),
      phoneContacts: fc.nat(30),
    });
    fc.assert(
      fc.property(fc.array(counts, { minLength: 1, maxLength: 12 }), (cells: UsageCounts[]) => {
        const t = protectUsageTable(cells.map((counts, key) => ({ key, counts })));
        for (const m of USAGE_METRICS) {
          const hidden = t.rows.filter((r) => r.counts[m].suppressed).length;
          // With a hidden cell, the total must be hidden too: published cells alone never pin it down.
          if (hidden > 0) expect(t.totals[m].value).toBeNull();
          for (const r of t.rows) if (r.counts[m].suppressed) expect(r.counts[m].value).toBeNull();
        }
      }),
    );
  });

  it.each([
    [
      { stays: 3, nights: 69, dayVisits: 12, phoneContacts: 0 },
      { value: null, suppressed: true },
    ],
    [
      { stays: 5, nights: 69, dayVisits: 12, phoneContacts: 0 },
      { value: 69, suppressed: false },
    ],
    [
      { stays: 0, nights: 0, dayVisits: 12, phoneContacts: 0 },
      { value: 0, suppressed: false },
    ],
  ])('nights follow the stays they belong to: %p → nights %p', (counts, nights) => {
    expect(protectUsageTable([{ key: 'A', counts }]).rows[0].counts.nights).toEqual(nights);
  });

  it('property: nights are never published where the stays are suppressed', () => {
    const counts = fc.record({
      stays: fc.nat(30),
      nights: fc.nat(200),
      dayVisits: fc.nat(30),
      phoneContacts: fc.nat(30),
    });
    fc.assert(
      fc.property(fc.array(counts, { minLength: 1, maxLength: 12 }), (cells: UsageCounts[]) => {
        for (const r of protectUsageTable(cells.map((c, key) => ({ key, counts: c }))).rows) {
          if (r.counts.stays.suppressed) expect(r.counts.nights).toEqual({ value: null, suppressed: true });
        }
      }),
    );
  });

  it('a suppressed count enters calculations as half the threshold', () => {
    expect(countForCalculation({ value: null, suppressed: true })).toBe(2.5);
    expect(countForCalculation({ value: 40, suppressed: false })).toBe(40);
  });
});
