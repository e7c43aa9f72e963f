import { daysLeftText, dueReminders, reminderHorizon, type ReminderKind } from './reminders';

describe('reminderHorizon', () => {
  it.each<[ReminderKind, number, number | null]>([
    ['NOTICE_DEADLINE', 181, null],
    ['NOTICE_DEADLINE', 180, 180],
    ['NOTICE_DEADLINE', 91, 180],
    ['NOTICE_DEADLINE', 90, 90],
    ['NOTICE_DEADLINE', 31, 90],
    ['NOTICE_DEADLINE', 30, 30],
    ['NOTICE_DEADLINE', 0, 30],
    ['NOTICE_DEADLINE', -1, null], // a passed notice deadline is no longer actionable
    ['BUDGET_CUTOFF', 45, 90],
    ['EXPIRY', 200, null],
    ['AMENDMENT_APPROVAL', 400, 180], // always shown, counted as 180 until closer
    ['AMENDMENT_APPROVAL', 10, 30],
    ['AMENDMENT_APPROVAL', -5, 0],
    ['CONTACT_VERIFICATION', 31, null],
    ['CONTACT_VERIFICATION', 30, 30],
    ['CONTACT_VERIFICATION', -100, 0],
    ['ROUTINE_REVIEW', 91, null],
    ['ROUTINE_REVIEW', 60, 90],
    ['ROUTINE_REVIEW', -1, 0],
  ])('%s %i days ahead → %s', (kind, days, expected) => {
    expect(reminderHorizon(kind, days)).toBe(expected);
  });
});

describe('dueReminders', () => {
  it('keeps what is within its window, nearest first, with its horizon', () => {
    const got = dueReminders([
      { kind: 'NOTICE_DEADLINE', key: 'a', dueOn: '2027-05-01', daysLeft: 170 },
      { kind: 'ROUTINE_REVIEW', key: 'b', dueOn: '2026-11-01', daysLeft: -10 },
      { kind: 'CONTACT_VERIFICATION', key: 'c', dueOn: '2027-02-01', daysLeft: 60 },
      { kind: 'BUDGET_CUTOFF', key: 'd', dueOn: '2026-12-20', daysLeft: 20 },
    ]);
    expect(got.map((r) => [r.key, r.horizon])).toEqual([
      ['b', 0],
      ['d', 30],
      ['a', 180],
    ]);
  });
});

it.each([
  [0, 'i dag'],
  [1, 'i morgen'],
  [12, 'om 12 dager'],
  [-1, 'i går'],
  [-3, 'for 3 dager siden'],
])('daysLeftText(%i) = %s', (n, text) => expect(daysLeftText(n)).toBe(text));
