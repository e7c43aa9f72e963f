import fc from 'fast-check';
import { addDaysIso, addMonthsIso, isIsoDate, isSupportedDate, SUPPORTED_DATES } from './dates';
import { budgetCycle, lastNoticeDayFor, membershipEndByNotice, nextDeadline, type AgreementTerms } from './deadlines';

const open = (
  noticeMonths: number | null,
  noticeRunsTo: AgreementTerms['noticeRunsTo'],
  extra: Partial<AgreementTerms> = {},
): AgreementTerms => ({
  validFrom: '2020-01-01',
  validTo: null,
  autoRenew: true,
  renewalMonths: null,
  noticeMonths,
  noticeRunsTo,
  ...extra,
});

describe('addMonthsIso (how agreements count months)', () => {
  it.each([
    ['2026-12-31', -6, '2026-06-30'],
    ['2026-06-30', -6, '2025-12-31'],
    ['2024-08-31', -6, '2024-02-29'], // leap year
    ['2025-08-31', -6, '2025-02-28'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2023-02-28', 12, '2024-02-29'], // month end stays month end
    ['2026-03-15', 3, '2026-06-15'],
    ['2026-01-31', 1, '2026-02-28'],
  ])('%s %+d months = %s', (from, n, expected) => {
    expect(addMonthsIso(from, n)).toBe(expected);
  });
});

describe('nextDeadline', () => {
  it.each([
    // «6 months to the end of a calendar year»
    ['2026-03-01', 6, 'CALENDAR_YEAR', '2026-06-30', '2026-12-31', 121],
    ['2026-06-30', 6, 'CALENDAR_YEAR', '2026-06-30', '2026-12-31', 0], // the deadline day itself
    ['2026-07-01', 6, 'CALENDAR_YEAR', '2027-06-30', '2027-12-31', 364], // the day after: next year
    ['2026-11-21', 3, 'CALENDAR_YEAR', '2027-09-30', '2027-12-31', 313],
    ['2026-09-30', 3, 'CALENDAR_YEAR', '2026-09-30', '2026-12-31', 0],
    ['2023-12-31', 12, 'CALENDAR_YEAR', '2023-12-31', '2024-12-31', 0],
    ['2024-01-01', 12, 'CALENDAR_YEAR', '2024-12-31', '2025-12-31', 365], // across a leap year
    // «… to the end of a half year»
    ['2026-03-01', 6, 'HALF_YEAR', '2026-06-30', '2026-12-31', 121],
    ['2026-07-01', 6, 'HALF_YEAR', '2026-12-31', '2027-06-30', 183],
    ['2024-02-29', 6, 'HALF_YEAR', '2024-06-30', '2024-12-31', 122],
    ['2024-03-01', 4, 'HALF_YEAR', '2024-08-31', '2024-12-31', 183],
  ] as const)(
    'on %s with %d months to %s: notice by %s ends it %s (%d days left)',
    (asOf, months, runsTo, deadline, end, days) => {
      expect(nextDeadline(open(months, runsTo), asOf)).toEqual({
        kind: 'NOTICE',
        noticeDeadline: deadline,
        nextPossibleEnd: end,
        daysLeft: days,
      });
    },
  );

  it('counts renewal terms from the first term end (auto-renewing fixed term)', () => {
    const terms: AgreementTerms = {
      validFrom: '2023-01-01',
      validTo: '2025-12-31',
      autoRenew: true,
      renewalMonths: 12,
      noticeMonths: 6,
      noticeRunsTo: 'NONE',
    };
    expect(nextDeadline(terms, '2025-06-30')).toMatchObject({
      noticeDeadline: '2025-06-30',
      nextPossibleEnd: '2025-12-31',
    });
    expect(nextDeadline(terms, '2025-07-01')).toMatchObject({
      noticeDeadline: '2026-06-30',
      nextPossibleEnd: '2026-12-31',
    });
    expect(nextDeadline({ ...terms, renewalMonths: 24 }, '2025-07-01')).toMatchObject({
      nextPossibleEnd: '2027-12-31',
    });
  });

  it('a fixed term without renewal expires; after it, it has ended', () => {
    const fixed: AgreementTerms = {
      validFrom: '2024-01-01',
      validTo: '2026-12-31',
      autoRenew: false,
      renewalMonths: null,
      noticeMonths: 6,
      noticeRunsTo: 'NONE',
    };
    expect(nextDeadline(fixed, '2026-12-01')).toEqual({
      kind: 'EXPIRY',
      nextPossibleEnd: '2026-12-31',
      noticeDeadline: null,
      daysLeft: 30,
    });
    expect(nextDeadline(fixed, '2027-01-01')).toEqual({
      kind: 'ENDED',
      nextPossibleEnd: '2026-12-31',
      noticeDeadline: null,
      daysLeft: null,
    });
  });

  it('open-ended with a plain period: notice any day, effective later', () => {
    expect(nextDeadline(open(3, 'NONE'), '2026-11-30')).toEqual({
      kind: 'ROLLING',
      nextPossibleEnd: '2027-02-28',
      noticeDeadline: null,
      daysLeft: null,
    });
  });

  it('says UNKNOWN when no notice period is registered', () => {
    expect(nextDeadline(open(null, 'CALENDAR_YEAR'), '2026-11-21').kind).toBe('UNKNOWN');
  });

  it('never ends before the agreement starts', () => {
    const future = open(6, 'CALENDAR_YEAR', { validFrom: '2028-01-01' });
    expect(nextDeadline(future, '2026-01-01')).toMatchObject({
      nextPossibleEnd: '2028-12-31',
      noticeDeadline: '2028-06-30',
    });
  });

  it('property: the deadline is never before the day asked about, and notice on it ends the agreement exactly the notice period later', () => {
    const day = fc.integer({ min: 0, max: 365 * 30 }).map((n) => addDaysIso('2010-01-01', n));
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 1, max: 24 }),
        fc.constantFrom('CALENDAR_YEAR' as const, 'HALF_YEAR' as const),
        (asOf, months, runsTo) => {
          const d = nextDeadline(open(months, runsTo, { validFrom: null }), asOf);
          expect(d.kind).toBe('NOTICE');
          expect(isIsoDate(d.noticeDeadline)).toBe(true);
          expect(d.noticeDeadline! >= asOf).toBe(true);
          expect(d.daysLeft).toBeGreaterThanOrEqual(0);
          expect(lastNoticeDayFor(d.nextPossibleEnd!, months)).toBe(d.noticeDeadline);
          expect(addMonthsIso(d.noticeDeadline!, months)).toBe(d.nextPossibleEnd);
          // One day later there would have been no earlier end: the deadline is the latest possible.
          expect(d.daysLeft!).toBeLessThan(runsTo === 'HALF_YEAR' ? 185 : 367);
        },
      ),
    );
  });
});

describe('budgetCycle', () => {
  it('a change effective 1 January must be known by 1 October the year before', () => {
    expect(budgetCycle('2026-12-31', '2026-06-30', '2026-03-01')).toEqual({
      budgetYear: 2027,
      cutoff: '2026-10-01',
      daysToCutoff: 214,
      noticeAfterCutoff: false,
    });
  });

  it('warns when the notice deadline falls after the cutoff', () => {
    expect(budgetCycle('2026-12-31', '2026-11-30', '2026-11-01')).toMatchObject({
      noticeAfterCutoff: true,
      daysToCutoff: -31,
    });
  });

  it('takes another cutoff', () => {
    expect(budgetCycle('2026-06-30', '2026-03-31', '2026-01-01', '09-15')).toMatchObject({
      budgetYear: 2026,
      cutoff: '2025-09-15',
    });
  });
});

describe('membershipEndByNotice', () => {
  const base = {
    validFrom: '2017-01-01',
    validTo: null,
    autoRenew: true,
    renewalMonths: null,
    noticeMonths: 12,
    noticeRunsTo: 'CALENDAR_YEAR' as const,
  };
  it.each([
    ['12 months to the end of a calendar year, notice on 2026-12-07', base, '2026-12-07', 'NOTICE', '2027-12-31'],
    ['… notice on 2027-01-01 (after 31 Dec deadline)', base, '2027-01-01', 'NOTICE', '2028-12-31'],
    [
      '6 months plain, any day',
      { ...base, noticeMonths: 6, noticeRunsTo: 'NONE' as const },
      '2026-12-07',
      'ROLLING',
      '2027-06-07',
    ],
    [
      'a fixed term ends at its expiry',
      { ...base, validTo: '2027-06-30', autoRenew: false },
      '2026-12-07',
      'EXPIRY',
      '2027-06-30',
    ],
    ['no notice period registered', { ...base, noticeMonths: null }, '2026-12-07', 'UNKNOWN', null],
    [
      'a fixed term that has run out',
      { ...base, validTo: '2025-06-30', autoRenew: false },
      '2026-12-07',
      'ENDED',
      null,
    ],
  ])('%s', (_n, terms, givenOn, kind, leavesOn) =>
    expect(membershipEndByNotice(terms, givenOn)).toEqual({ kind, leavesOn }),
  );
});

describe('every date computation is total within the supported dates', () => {
  const DAY = 24 * 60 * 60 * 1000;
  const [min, max] = [Date.UTC(1900, 0, 1), Date.UTC(2200, 11, 31)];
  const supported = fc
    .integer({ min: 0, max: (max - min) / DAY })
    .map((d) => new Date(min + d * DAY).toISOString().slice(0, 10));
  const terms = fc.record({
    validFrom: fc.option(supported),
    validTo: fc.option(supported),
    autoRenew: fc.boolean(),
    renewalMonths: fc.option(fc.integer({ min: 1, max: 120 })),
    noticeMonths: fc.option(fc.integer({ min: 0, max: 60 })),
    noticeRunsTo: fc.constantFrom<AgreementTerms['noticeRunsTo']>('NONE', 'CALENDAR_YEAR', 'HALF_YEAR'),
  });
  const dateOrNull = (d: string | null) => d === null || isIsoDate(d);

  it('the ends of the range are supported, and 0999-10-01, 0001-01-01 and 9999-12-31 are not', () => {
    expect([SUPPORTED_DATES.min, SUPPORTED_DATES.max].map(isSupportedDate)).toEqual([true, true]);
    expect(
      ['0999-10-01', '0001-01-01', '9999-12-31', '1899-12-31', '2201-01-01', '2026-02-30'].map(isSupportedDate),
    ).toEqual([false, false, false, false, false, false]);
  });

  it('deadlines, notice and budget cycles never throw and give calendar dates', () => {
    fc.assert(
      fc.property(terms, supported, (t, asOf) => {
        const d = nextDeadline(t, asOf);
        expect(dateOrNull(d.nextPossibleEnd) && dateOrNull(d.noticeDeadline)).toBe(true);
        const m = membershipEndByNotice(t, asOf);
        expect(dateOrNull(m.leavesOn)).toBe(true);
        if (d.nextPossibleEnd)
          expect(isIsoDate(budgetCycle(d.nextPossibleEnd, d.noticeDeadline, asOf).cutoff)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('the extreme dates themselves', () => {
    for (const day of [SUPPORTED_DATES.min, SUPPORTED_DATES.max]) {
      for (const noticeRunsTo of ['NONE', 'CALENDAR_YEAR', 'HALF_YEAR'] as const) {
        const t: AgreementTerms = {
          validFrom: day,
          validTo: day,
          autoRenew: true,
          renewalMonths: 120,
          noticeMonths: 60,
          noticeRunsTo,
        };
        expect(() => budgetCycle(day, day, day)).not.toThrow();
        expect(() => nextDeadline(t, day)).not.toThrow();
        expect(() => nextDeadline({ ...t, validTo: null }, day)).not.toThrow();
      }
    }
  });
});
