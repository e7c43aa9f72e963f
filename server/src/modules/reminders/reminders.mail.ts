import type { DataSource } from 'typeorm';
import {
  daysLeftText,
  formatDate,
  reminderText,
  todayInNorway,
  type Grant,
  type IsoDate,
  type ReminderLanguage,
} from '@samordna/domain';
import type { MailConfig } from '../../config/env';
import { sendMail, type Mail } from '../auth/mail';
import { remindersFor, type Reminder } from './reminders.service';

interface Recipient {
  id: string;
  email: string;
  name: string;
  grants: Grant[];
  /** The dashboard language the user chose (NB, EN); null: not chosen, mailed in bokmål. */
  language: 'NB' | 'EN' | null;
}

/** Active, real users (never demo users) with their grants. */
async function recipients(ds: DataSource): Promise<Recipient[]> {
  const rows: Recipient[] = await ds.query(
    `SELECT u.id, u.email, u.name, u.language,
            json_agg(json_build_object('role', r.role, 'kommunenummer', r.kommunenummer, 'centreId', r.centre_id) ORDER BY r.id) AS grants
     FROM app_user u JOIN user_role r ON r.user_id = u.id
     WHERE u.active AND NOT u.is_example
     GROUP BY u.id ORDER BY u.email`,
  );
  return rows;
}

const MAIL_TEXTS = {
  nb: {
    subjectOne: (title: string) => `Påminnelse fra Samordna: ${title}`,
    subjectMany: (n: number) => `Påminnelse fra Samordna: ${n} frister trenger oppfølging`,
    hello: (name: string) => `Hei ${name},`,
    intro: 'Dette trenger din oppfølging i Samordna:',
    due: 'Frist',
    footer:
      'Du får en påminnelse 180, 90 og 30 dager før en frist, og én når den er passert. Alle påminnelsene dine står under «Påminnelser» i Samordna.',
    bye: 'Hilsen Samordna',
  },
  en: {
    subjectOne: (title: string) => `Reminder from Samordna: ${title}`,
    subjectMany: (n: number) => `Reminder from Samordna: ${n} deadlines need your attention`,
    hello: (name: string) => `Hello ${name},`,
    intro: 'This needs your attention in Samordna:',
    due: 'Due',
    footer:
      'You get a reminder 180, 90 and 30 days before a deadline, and one when it has passed. All your reminders are under “Reminders” in Samordna.',
    bye: 'Regards, Samordna',
  },
} as const;

/**
 * The mail for one person, in the language they chose in the dashboard (bokmål when they have not
 * chosen): one paragraph per reminder with the link to act on it.
 */
export function reminderMail(to: Recipient, reminders: readonly Reminder[], publicUrl: string): Mail {
  const language: ReminderLanguage = to.language === 'EN' ? 'en' : 'nb';
  const m = MAIL_TEXTS[language];
  const worded = reminders.map((r) => ({ ...r, ...reminderText(r, language) }));
  const subject = worded.length === 1 ? m.subjectOne(worded[0].title) : m.subjectMany(worded.length);
  const items = worded.map((r) =>
    [
      `• ${r.title}`,
      `  ${m.due}: ${formatDate(r.dueOn)} (${daysLeftText(r.daysLeft, language)})`,
      `  ${r.detail}`,
      `  ${publicUrl}${r.link}`,
    ].join('\n'),
  );
  const text = [m.hello(to.name), '', m.intro, '', items.join('\n\n'), '', m.footer, '', m.bye].join('\n');
  return { to: to.email, subject, text };
}

export interface ReminderRun {
  /** Mails sent by this run. */
  mails: number;
  /** Reminders claimed and sent by this run. */
  reminders: number;
  failed: number;
}

/**
 * Mails each user the reminders that reached a new horizon. Each (user, reminder, horizon) is
 * claimed by inserting its row in reminder_dispatch first: the primary key lets exactly one
 * process (of any number running) claim it, so it is sent once. A mail that fails gives its
 * claims back, to be tried on the next run.
 */
export async function sendReminderMails(
  ds: DataSource,
  options: {
    mail: MailConfig;
    publicUrl: string;
    asOf?: IsoDate;
    send?: (config: MailConfig, mail: Mail) => Promise<void>;
  },
): Promise<ReminderRun> {
  const asOf = options.asOf ?? todayInNorway();
  const send = options.send ?? sendMail;
  const run: ReminderRun = { mails: 0, reminders: 0, failed: 0 };
  for (const user of await recipients(ds)) {
    const due = await remindersFor(ds, user.grants, asOf);
    if (due.length === 0) continue;
    const claimed: { reminder_key: string; horizon: number }[] = await ds.query(
      `INSERT INTO reminder_dispatch (user_id, reminder_key, horizon)
       SELECT $1, k, h FROM unnest($2::text[], $3::int[]) AS t(k, h)
       ON CONFLICT DO NOTHING RETURNING reminder_key, horizon`,
      [user.id, due.map((r) => r.key), due.map((r) => r.horizon)],
    );
    if (claimed.length === 0) continue;
    const mine = new Set(claimed.map((c) => `${c.reminder_key}@${c.horizon}`));
    const toSend = due.filter((r) => mine.has(`${r.key}@${r.horizon}`));
    try {
      await send(options.mail, reminderMail(user, toSend, options.publicUrl));
      await ds.query(
        `UPDATE reminder_dispatch SET sent_at = now() WHERE user_id = $1 AND reminder_key = ANY($2) AND sent_at IS NULL`,
        [user.id, toSend.map((r) => r.key)],
      );
      run.mails += 1;
      run.reminders += toSend.length;
    } catch {
      await ds.query(
        `DELETE FROM reminder_dispatch d USING unnest($2::text[], $3::int[]) AS t(k, h) WHERE d.user_id = $1 AND d.reminder_key = t.k AND d.horizon = t.h AND d.sent_at IS NULL`,
        [user.id, toSend.map((r) => r.key), toSend.map((r) => r.horizon)],
      );
      run.failed += 1;
    }
  }
  return run;
}

/** How often a running server looks for reminders to mail (the claims make repeats harmless). */
export const REMINDER_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Runs the reminder mails now and every hour while the server runs (only with SMTP configured).
 * Logs counts only, never addresses. Returns a function that stops it.
 */
export function scheduleReminderMails(
  ds: DataSource,
  options: { mail: MailConfig; publicUrl: string },
  log: (message: string) => void = console.error,
): () => void {
  // Timers ignore what their callback returns: the rejection is handled here, and the promise is
  // deliberately not handed to the timer.
  const tick = () => {
    void sendReminderMails(ds, options)
      .then((r) => {
        if (r.failed) log(`Reminder mails: ${r.failed} could not be sent (tried again in an hour).`);
      })
      .catch((error: unknown) =>
        log(
          `Reminder mails failed (tried again in an hour): ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
  };
  const first = setTimeout(tick, 5_000);
  first.unref();
  const timer = setInterval(tick, REMINDER_INTERVAL_MS);
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
