import {
  daysLeftText,
  dueReminders,
  reminderHorizon,
  reminderText,
  REMINDER_TEXTS,
  type ReminderKind,
} from './reminders';

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

describe('reminderText', () => {
  const notice = {
    kind: 'NOTICE_DEADLINE' as const,
    dueOn: '2027-03-31',
    params: { agreement: 'Salten-avtalen', end: '2027-12-31' },
  };
  it('words a reminder in bokmål and in English from its kind and parameters', () => {
    expect(reminderText(notice, 'nb')).toEqual({
      title: 'Oppsigelsesfrist: Salten-avtalen',
      detail: 'Siste dag for oppsigelse er 31.03.2027; avtalen kan da tidligst avsluttes 31.12.2027.',
    });
    expect(reminderText(notice, 'en')).toEqual({
      title: 'Notice deadline: Salten-avtalen',
      detail: 'The last day to give notice is 31.03.2027; the agreement can then end on 31.12.2027 at the earliest.',
    });
  });
  it('one contact has its own wording, and every kind has a title and detail in both languages', () => {
    const one = {
      kind: 'CONTACT_VERIFICATION' as const,
      dueOn: '2027-01-01',
      params: { municipality: 'Fauske', count: 1, months: 6 },
    };
    expect(reminderText(one, 'en').detail).toMatch(/^1 contact in Fauske has not/);
    expect(reminderText({ ...one, params: { ...one.params, count: 3 } }, 'nb').detail).toMatch(
      /^3 kontakter i Fauske er ikke/,
    );
    expect(Object.keys(REMINDER_TEXTS.en).sort()).toEqual(Object.keys(REMINDER_TEXTS.nb).sort());
    for (const text of Object.values(REMINDER_TEXTS.en)) expect(text).not.toMatch(/[æøå]/i);
  });
  it('says how far off in English too', () => {
    expect([0, 1, 12, -1, -3].map((n) => daysLeftText(n, 'en'))).toEqual([
      'today',
      'tomorrow',
      'in 12 days',
      'yesterday',
      '3 days ago',
    ]);
  });
});
