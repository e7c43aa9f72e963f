import type { IsoDate } from './dates';

/**
 * Reminders: the dates that need someone's action, and how close they are. A date is reminded at
 * three horizons (180, 90 and 30 days before) and once more when it has passed (horizon 0); an
 * e-mail goes out once per reminder, horizon and recipient.
 */
export const REMINDER_HORIZONS = [180, 90, 30] as const;
export type ReminderHorizon = 180 | 90 | 30 | 0;

export type ReminderKind =
  /** The last day to give notice to end an agreement at its next possible end. */
  | 'NOTICE_DEADLINE'
  /** A fixed-term agreement ends. */
  | 'EXPIRY'
  /** Partners need next year's figures by this day to budget them. */
  | 'BUDGET_CUTOFF'
  /** An amendment waits for this director's approval (due: the day it would take effect). */
  | 'AMENDMENT_APPROVAL'
  /** A municipality's contacts are due for verification. */
  | 'CONTACT_VERIFICATION'
  /** A handover routine is due for review. */
  | 'ROUTINE_REVIEW';

/** How far ahead each kind is shown (days); overdue items are shown where `overdue` is true. */
export const REMINDER_WINDOWS: Record<ReminderKind, { days: number; overdue: boolean }> = {
  NOTICE_DEADLINE: { days: 180, overdue: false },
  EXPIRY: { days: 180, overdue: false },
  BUDGET_CUTOFF: { days: 180, overdue: false },
  // Waiting for an answer is always worth a reminder, however far off the effective date.
  AMENDMENT_APPROVAL: { days: Number.POSITIVE_INFINITY, overdue: true },
  CONTACT_VERIFICATION: { days: 30, overdue: true },
  ROUTINE_REVIEW: { days: 90, overdue: true },
};

export const REMINDER_KIND_LABELS: Record<ReminderKind, { nb: string; en: string }> = {
  NOTICE_DEADLINE: { nb: 'Oppsigelsesfrist', en: 'Notice deadline' },
  EXPIRY: { nb: 'Avtalen utløper', en: 'Agreement expires' },
  BUDGET_CUTOFF: { nb: 'Frist for budsjettet', en: 'Budget cutoff' },
  AMENDMENT_APPROVAL: { nb: 'Endringsforslag venter på ditt svar', en: 'Amendment awaits your answer' },
  CONTACT_VERIFICATION: { nb: 'Kontakter må bekreftes', en: 'Contacts due for verification' },
  ROUTINE_REVIEW: { nb: 'Rutine skal gjennomgås', en: 'Routine due for review' },
};

/**
 * The horizon a date falls in, `daysLeft` days from today: the smallest of 180/90/30 that holds
 * it, 0 once it has passed, null beyond 180 days. Kinds shown however far off (amendments)
 * count as 180 until they come closer.
 */
export function reminderHorizon(kind: ReminderKind, daysLeft: number): ReminderHorizon | null {
  const window = REMINDER_WINDOWS[kind];
  if (daysLeft < 0) return window.overdue ? 0 : null;
  if (daysLeft > window.days) return null;
  if (daysLeft <= 30) return 30;
  if (daysLeft <= 90) return 90;
  return 180;
}

export interface ReminderCandidate {
  kind: ReminderKind;
  /** Stable identity of what is reminded about (agreement, amendment, routine …) and its date. */
  key: string;
  dueOn: IsoDate;
  daysLeft: number;
}

/** The candidates that are due for a reminder today, with their horizon, nearest first. */
export function dueReminders<T extends ReminderCandidate>(
  candidates: readonly T[],
): (T & { horizon: ReminderHorizon })[] {
  const out: (T & { horizon: ReminderHorizon })[] = [];
  for (const c of candidates) {
    const horizon = reminderHorizon(c.kind, c.daysLeft);
    if (horizon !== null) out.push({ ...c, horizon });
  }
  return out.sort((a, b) => a.daysLeft - b.daysLeft || a.key.localeCompare(b.key));
}

/** «om 12 dager», «i dag», «for 3 dager siden» (bokmål). */
export function daysLeftText(daysLeft: number): string {
  if (daysLeft === 0) return 'i dag';
  if (daysLeft === 1) return 'i morgen';
  if (daysLeft > 0) return `om ${daysLeft} dager`;
  return daysLeft === -1 ? 'i går' : `for ${-daysLeft} dager siden`;
}
