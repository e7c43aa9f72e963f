import { randomBytes } from 'node:crypto';
import express, { type Router } from 'express';
import type { DataSource } from 'typeorm';
import {
  addDaysIso,
  reminderText,
  todayInNorway,
  type Grant,
  type IsoDate,
  type ReminderLanguage,
} from '@samordna/domain';
import type { AppContext } from '../../app/context';
import { requireUser } from '../../app/auth';
import { sha256 } from '../auth/auth.service';
import { remindersFor, type Reminder } from './reminders.service';

/**
 * Each user's calendar feed (iCalendar, RFC 5545): their reminders as all-day events, at a
 * secret URL. Only the hash of the secret is stored; a new URL replaces the old one, and
 * revoking deletes it, so an old URL answers 404 at once.
 */

/** TEXT values: backslash, semicolon, comma and newlines escaped (RFC 5545 3.3.11). */
function escapeText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Lines longer than 75 octets folded with CRLF and a space, never inside a UTF-8 character. */
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch);
    if (octets + n > (out.length ? 74 : 75)) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += n;
  }
  out.push(current);
  return out.join('\r\n ');
}

const basic = (iso: IsoDate) => iso.replace(/-/g, '');

/** The calendar's own name, in the feed owner's language. */
const CALENDAR_NAME: Record<ReminderLanguage, string> = { nb: 'Samordna – frister', en: 'Samordna – deadlines' };

/** The feed in the language its owner chose in the dashboard (bokmål when none was chosen). */
export function calendarText(
  reminders: readonly Reminder[],
  options: { publicUrl: string; now: Date; host: string; language?: ReminderLanguage },
): string {
  const language = options.language ?? 'nb';
  const stamp = options.now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//Samordna//Påminnelser//${language.toUpperCase()}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${CALENDAR_NAME[language]}`,
    'X-WR-TIMEZONE:Europe/Oslo',
  ];
  for (const r of reminders) {
    const url = `${options.publicUrl}${r.link}`;
    const { title, detail } = reminderText(r, language);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(r.key)}@${options.host}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${basic(r.dueOn)}`,
      `DTEND;VALUE=DATE:${basic(addDaysIso(r.dueOn, 1))}`,
      `SUMMARY:${escapeText(title)}`,
      `DESCRIPTION:${escapeText(`${detail}\n${url}`)}`,
      `URL:${url}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}

/** A new secret URL for the signed-in user (replacing any earlier one); shown once. */
export async function createCalendarFeed(ctx: AppContext): Promise<{ url: string; createdAt: Date }> {
  const user = requireUser(ctx);
  const token = randomBytes(24).toString('base64url');
  const [row] = await ctx.dataSource.query(
    `INSERT INTO calendar_feed (user_id, token_hash) VALUES ($1, $2)
     ON CONFLICT (user_id) DO UPDATE SET token_hash = excluded.token_hash, created_at = now() RETURNING created_at`,
    [user.id, sha256(token)],
  );
  return { url: `${ctx.settings.publicUrl}/calendar/${token}.ics`, createdAt: row.created_at };
}

export async function revokeCalendarFeed(ctx: AppContext): Promise<boolean> {
  const user = requireUser(ctx);
  const [{ n }] = await ctx.dataSource.query(
    `WITH d AS (DELETE FROM calendar_feed WHERE user_id = $1 RETURNING 1) SELECT count(*)::int AS n FROM d`,
    [user.id],
  );
  return n > 0;
}

export async function calendarFeedCreatedAt(ctx: AppContext): Promise<Date | null> {
  const user = requireUser(ctx);
  const [row] = await ctx.dataSource.query(`SELECT created_at FROM calendar_feed WHERE user_id = $1`, [user.id]);
  return row?.created_at ?? null;
}

/** GET /calendar/<secret>.ics: the feed of an active user; 404 for anything else. */
export function calendarRouter(ds: DataSource, options: { publicUrl: string; today?: () => IsoDate }): Router {
  const router = express.Router();
  const host = new URL(options.publicUrl).host;
  router.get(/^\/([\w-]{20,64})\.ics$/, async (req, res) => {
    try {
      const rows: { grants: Grant[]; language: string | null }[] = await ds.query(
        `SELECT u.language, json_agg(json_build_object('role', r.role, 'kommunenummer', r.kommunenummer, 'centreId', r.centre_id)) AS grants
         FROM calendar_feed f JOIN app_user u ON u.id = f.user_id JOIN user_role r ON r.user_id = u.id
         WHERE f.token_hash = $1 AND u.active GROUP BY u.id`,
        [sha256(String(req.params[0]))],
      );
      if (rows.length === 0) {
        res.status(404).type('text/plain; charset=utf-8').send('Ukjent eller tilbakekalt kalenderlenke.');
        return;
      }
      const reminders = await remindersFor(ds, rows[0].grants, (options.today ?? todayInNorway)());
      res.setHeader('Cache-Control', 'private, no-cache');
      res.type('text/calendar; charset=utf-8').send(
        calendarText(reminders, {
          publicUrl: options.publicUrl,
          now: new Date(),
          host,
          language: rows[0].language === 'EN' ? 'en' : 'nb',
        }),
      );
    } catch (error) {
      console.error('[calendar] internal error:', error instanceof Error ? error.message : 'unknown');
      res.status(500).type('text/plain; charset=utf-8').send('Kalenderen kunne ikke lages.');
    }
  });
  return router;
}
