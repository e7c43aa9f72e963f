import type { IsoDate } from './dates';
import { formatDate } from './format';

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

/** «om 12 dager», «i dag», «for 3 dager siden» (bokmål); «in 12 days» … (English). */
export function daysLeftText(daysLeft: number, language: ReminderLanguage = 'nb'): string {
  if (language === 'en') {
    if (daysLeft === 0) return 'today';
    if (daysLeft === 1) return 'tomorrow';
    if (daysLeft > 0) return `in ${daysLeft} days`;
    return daysLeft === -1 ? 'yesterday' : `${-daysLeft} days ago`;
  }
  if (daysLeft === 0) return 'i dag';
  if (daysLeft === 1) return 'i morgen';
  if (daysLeft > 0) return `om ${daysLeft} dager`;
  return daysLeft === -1 ? 'i går' : `for ${-daysLeft} dager siden`;
}

export type ReminderLanguage = 'nb' | 'en';

/**
 * What a reminder names, besides its kind and due date: clients word it in their language
 * (the dashboard from nb.ts/en.ts, the e-mail from REMINDER_TEXTS). Dates are ISO.
 */
export interface ReminderParams {
  agreement?: string | null;
  municipality?: string | null;
  centre?: string | null;
  /** The amendment's own summary (as its author wrote it). */
  summary?: string | null;
  /** Contacts due for verification. */
  count?: number | null;
  /** Months after which a contact is due (6). */
  months?: number | null;
  /** NOTICE_DEADLINE: the earliest end of the agreement after notice (ISO). */
  end?: string | null;
}

/**
 * Reminder wording with {placeholders}: `title.KIND`, `detail.KIND` (`detail.CONTACT_VERIFICATION_ONE`
 * for one contact). {date} is the due date. The dashboard's nb.ts/en.ts hold the same texts under
 * `reminder.` (a test keeps them equal).
 */
export const REMINDER_TEXTS = {
  nb: {
    'title.NOTICE_DEADLINE': 'Oppsigelsesfrist: {agreement}',
    'title.EXPIRY': 'Avtalen utløper: {agreement}',
    'title.BUDGET_CUTOFF': 'Frist for budsjettet: {agreement}',
    'title.AMENDMENT_APPROVAL': 'Endringsforslag venter på ditt svar: {agreement}',
    'title.CONTACT_VERIFICATION': 'Kontakter må bekreftes: {municipality}',
    'title.ROUTINE_REVIEW': 'Rutine skal gjennomgås: {centre} – {municipality}',
    'detail.NOTICE_DEADLINE': 'Siste dag for oppsigelse er {date}; avtalen kan da tidligst avsluttes {end}.',
    'detail.EXPIRY': 'Avtalen utløper {date} uten oppsigelse. Ny avtale må være på plass før det.',
    'detail.BUDGET_CUTOFF': 'Samarbeidskommunene trenger tallene innen {date} for å ta en endring inn i budsjettet.',
    'detail.AMENDMENT_APPROVAL': '«{summary}» for {municipality}, skal gjelde fra {date}.',
    'detail.CONTACT_VERIFICATION':
      '{count} kontakter i {municipality} er ikke bekreftet de siste {months} månedene (eller blir det innen 30 dager).',
    'detail.CONTACT_VERIFICATION_ONE':
      '{count} kontakt i {municipality} er ikke bekreftet de siste {months} månedene (eller blir det innen 30 dager).',
    'detail.ROUTINE_REVIEW': 'Overgangsrutinen mellom {centre} og {municipality} skal gjennomgås innen {date}.',
  },
  en: {
    'title.NOTICE_DEADLINE': 'Notice deadline: {agreement}',
    'title.EXPIRY': 'Agreement expires: {agreement}',
    'title.BUDGET_CUTOFF': 'Budget cutoff: {agreement}',
    'title.AMENDMENT_APPROVAL': 'Amendment awaits your answer: {agreement}',
    'title.CONTACT_VERIFICATION': 'Contacts due for verification: {municipality}',
    'title.ROUTINE_REVIEW': 'Routine due for review: {centre} – {municipality}',
    'detail.NOTICE_DEADLINE':
      'The last day to give notice is {date}; the agreement can then end on {end} at the earliest.',
    'detail.EXPIRY': 'The agreement expires on {date} without notice. A new agreement must be in place before then.',
    'detail.BUDGET_CUTOFF':
      'The partner municipalities need the figures by {date} to include a change in their budgets.',
    'detail.AMENDMENT_APPROVAL': '“{summary}” for {municipality}, to take effect on {date}.',
    'detail.CONTACT_VERIFICATION':
      '{count} contacts in {municipality} have not been verified in the last {months} months (or will not be within 30 days).',
    'detail.CONTACT_VERIFICATION_ONE':
      '{count} contact in {municipality} has not been verified in the last {months} months (or will not be within 30 days).',
    'detail.ROUTINE_REVIEW': 'The handover routine between {centre} and {municipality} is due for review by {date}.',
  },
} as const;
export type ReminderTextKey = keyof (typeof REMINDER_TEXTS)['nb'];

/** The values a reminder text is filled with (dates as dd.mm.åååå). */
export function reminderValues(r: { dueOn: IsoDate; params: ReminderParams }): Record<string, string> {
  const p = r.params;
  return {
    agreement: p.agreement ?? '',
    municipality: p.municipality ?? '',
    centre: p.centre ?? '',
    summary: p.summary ?? '',
    count: String(p.count ?? 0),
    months: String(p.months ?? 0),
    date: formatDate(r.dueOn),
    end: p.end ? formatDate(p.end) : '',
  };
}

/** The detail key of a reminder (one contact has its own wording). */
export function reminderDetailKey(kind: ReminderKind, count?: number | null): ReminderTextKey {
  return kind === 'CONTACT_VERIFICATION' && count === 1 ? 'detail.CONTACT_VERIFICATION_ONE' : `detail.${kind}`;
}

/** A reminder's title and detail in a language. */
export function reminderText(
  r: { kind: ReminderKind; dueOn: IsoDate; params: ReminderParams },
  language: ReminderLanguage,
): { title: string; detail: string } {
  const texts = REMINDER_TEXTS[language];
  const values = reminderValues(r);
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');
  return {
    title: fill(texts[`title.${r.kind}`]),
    detail: fill(texts[reminderDetailKey(r.kind, r.params.count)]),
  };
}
