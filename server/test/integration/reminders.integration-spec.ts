import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MailConfig } from '../../src/config/env';
import { calendarRouter } from '../../src/modules/reminders/calendar';

// ical.js (Mozilla's iCalendar parser) ships ESM types beside a CommonJS build, which jest loads.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ICAL: (typeof import('ical.js', { with: { 'resolution-mode': 'import' } }))['default'] = require('ical.js');
import { createDataSource } from '../../src/database/data-source';
import { sendReminderMails } from '../../src/modules/reminders/reminders.mail';
import { createTestApp, userWith, type TestApp } from '../utils/test-app';
import { readMail, startSmtp, type ReceivedMail } from '../utils/smtp';

/**
 * Reminders with a fixed clock (asOf): the Salten agreement gets «6 months to the end of a
 * calendar year», so its notice deadline is 30 June 2027 and its budget cutoff 1 October 2027.
 */
let app: TestApp;
const ids: Record<string, string> = {};
const BODO = userWith('rem-bodo', { role: 'DIRECTOR', kommunenummer: '1804' });
const FAUSKE = userWith('rem-fauske', { role: 'DIRECTOR', kommunenummer: '1841' });
const VEFSN = userWith('rem-vefsn', { role: 'DIRECTOR', kommunenummer: '1824' });

beforeAll(async () => {
  app = await createTestApp({ label: 'reminders' });
  const one = async (sql: string, params: unknown[] = []) => (await app.ds.query(sql, params))[0];
  ids.salten = (await one(`SELECT id FROM crisis_centre WHERE seed_key = 'centre:Krisesenteret i Salten'`)).id;
  ids.agreement = (await one(`SELECT id FROM agreement WHERE seed_key = 'agreement:Krisesenteret i Salten'`)).id;
  await app.ds.query(
    `UPDATE agreement SET status = 'ACTIVE', valid_from = '2020-01-01', valid_to = NULL, auto_renew = true, notice_months = 6, notice_runs_to = 'CALENDAR_YEAR' WHERE id = $1`,
    [ids.agreement],
  );
  // Every other agreement out of the way, so the expectations below are exact.
  await app.ds.query(`UPDATE agreement SET status = 'ENDED' WHERE id <> $1`, [ids.agreement]);
  await app.ds.query(`UPDATE contact_person SET verified_at = '2027-05-01T10:00:00Z'`);
  await app.ds.query(`UPDATE handover_routine SET review_due_on = NULL`);
  // Fauske: an agency with a contact last verified 1 Dec 2026 (due 1 Jun 2027).
  const agency = await one(
    `INSERT INTO agency (kommunenummer, kind, name) VALUES ('1841', 'NAV', 'NAV Fauske (test)') RETURNING id`,
  );
  await app.ds.query(
    `INSERT INTO contact_person (agency_id, name, verified_at) VALUES ($1, 'Testkontakt', '2026-12-01T10:00:00Z')`,
    [agency.id],
  );
  // A routine Salten × Fauske due for review 1 Aug 2027.
  await app.ds.query(
    `INSERT INTO handover_routine (centre_id, kommunenummer, review_due_on) VALUES ($1, '1841', '2027-08-01')
     ON CONFLICT (centre_id, kommunenummer) DO UPDATE SET review_due_on = excluded.review_due_on`,
    [ids.salten],
  );
});
afterAll(() => app?.close());

const QUERY = `query($asOf: String) { myReminders(asOf: $asOf) { key kind dueOn daysLeft horizon title detail link params { agreement municipality centre summary count months end } } }`;
type R = {
  key: string;
  kind: string;
  dueOn: string;
  daysLeft: number;
  horizon: number;
  title: string;
  detail: string;
  link: string;
  params: Record<string, string | number | null>;
};
async function reminders(as: ReturnType<typeof userWith>, asOf: string): Promise<R[]> {
  const r = await app.gql<{ myReminders: R[] }>(QUERY, { asOf }, { as });
  expect(r.errors).toBeUndefined();
  return r.data!.myReminders;
}
const summary = (rs: R[]) => rs.map((r) => `${r.kind} ${r.dueOn} ${r.horizon}`);

describe('myReminders', () => {
  it('moves a notice deadline through the 180, 90 and 30 day horizons, and drops it beyond 180 days', async () => {
    expect(summary(await reminders(BODO, '2026-12-01'))).toEqual([]); // 211 days ahead
    expect(summary(await reminders(BODO, '2027-01-05'))).toEqual(['NOTICE_DEADLINE 2027-06-30 180']);
    expect(summary(await reminders(BODO, '2027-04-15'))).toEqual([
      'NOTICE_DEADLINE 2027-06-30 90',
      'BUDGET_CUTOFF 2027-10-01 180',
    ]);
    const june = await reminders(BODO, '2027-06-10');
    expect(summary(june)).toEqual([
      'NOTICE_DEADLINE 2027-06-30 30',
      'ROUTINE_REVIEW 2027-08-01 90',
      'BUDGET_CUTOFF 2027-10-01 180',
    ]);
    expect(june[0]).toMatchObject({
      daysLeft: 20,
      link: `/avtaler/${ids.agreement}`,
      title: 'Oppsigelsesfrist: ' + june[0].title.split(': ')[1],
    });
    expect(june[0].detail).toContain('30.06.2027');
    // What it names, as parameters for every client's language; the bokmål title and detail stay (deprecated).
    expect(june[0].params).toEqual({
      agreement: june[0].title.split(': ')[1],
      municipality: null,
      centre: null,
      summary: null,
      count: null,
      months: null,
      end: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect(june[0].detail).toContain(june[0].params.end!.toString().split('-').reverse().join('.'));
    expect(june[1].params).toMatchObject({ centre: 'Krisesenteret i Salten', municipality: 'Fauske' });
  });

  it('shows each user their own scope: the partner its contacts and routine, another centre’s director nothing of Salten', async () => {
    expect(summary(await reminders(FAUSKE, '2027-06-10'))).toEqual([
      'CONTACT_VERIFICATION 2027-06-01 0',
      'NOTICE_DEADLINE 2027-06-30 30',
      'ROUTINE_REVIEW 2027-08-01 90',
      'BUDGET_CUTOFF 2027-10-01 180',
    ]);
    const fauske = await reminders(FAUSKE, '2027-06-10');
    expect(fauske[0].params).toMatchObject({ municipality: 'Fauske', count: 1, months: 6 });
    expect(fauske[0].detail).toBe(
      '1 kontakt i Fauske er ikke bekreftet de siste 6 månedene (eller blir det innen 30 dager).',
    );
    expect(summary(await reminders(VEFSN, '2027-06-10'))).toEqual([]);
    const leader = userWith('rem-leader', { role: 'CENTRE_LEADER', centreId: ids.salten });
    expect(summary(await reminders(leader, '2027-05-15'))).toEqual([
      'CONTACT_VERIFICATION 2027-06-01 30',
      'NOTICE_DEADLINE 2027-06-30 90',
      'ROUTINE_REVIEW 2027-08-01 90',
      'BUDGET_CUTOFF 2027-10-01 180',
    ]);
  });

  it('lists an amendment waiting for the director’s answer, and not once answered', async () => {
    const x = (
      await app.ds.query(
        `INSERT INTO agreement_amendment (agreement_id, summary, effective_on) VALUES ($1, 'Ny sats fra 2028', '2028-01-01') RETURNING id`,
        [ids.agreement],
      )
    )[0];
    await app.ds.query(
      `INSERT INTO amendment_approval (amendment_id, kommunenummer, role) VALUES ($1, '1841', 'PARTNER')`,
      [x.id],
    );
    const rs = await reminders(FAUSKE, '2027-06-10');
    expect(rs.find((r) => r.kind === 'AMENDMENT_APPROVAL')).toMatchObject({
      dueOn: '2028-01-01',
      horizon: 180,
      detail: expect.stringContaining('Ny sats fra 2028'),
    });
    expect((await reminders(BODO, '2027-06-10')).some((r) => r.kind === 'AMENDMENT_APPROVAL')).toBe(false);
    await app.ds.query(`UPDATE amendment_approval SET decision = 'APPROVED' WHERE amendment_id = $1`, [x.id]);
    expect((await reminders(FAUSKE, '2027-06-10')).some((r) => r.kind === 'AMENDMENT_APPROVAL')).toBe(false);
    await app.ds.query(`DELETE FROM agreement_amendment WHERE id = $1`, [x.id]);
  });

  it('needs a signed-in user', async () => {
    const r = await app.gql(QUERY, { asOf: '2027-06-10' }, { as: null });
    expect(r.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const bad = await app.gql(QUERY, { asOf: '2027-13-01' }, { as: BODO });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'asOf' });
  });
});

describe('reminder mails', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let inbox: ReceivedMail[];
  let mail: MailConfig;
  const users: Record<string, string> = {};

  beforeAll(async () => {
    smtp = await startSmtp();
    ({ inbox, mail } = smtp);
    for (const [name, k] of [
      ['Bodil Bodø', '1804'],
      ['Frida Fauske', '1841'],
      ['Vera Vefsn', '1824'],
    ]) {
      const [u] = await app.ds.query(`INSERT INTO app_user (email, name) VALUES ($1, $2) RETURNING id`, [
        `${k}@kommune.example`,
        name,
      ]);
      await app.ds.query(`INSERT INTO user_role (user_id, role, kommunenummer) VALUES ($1, 'DIRECTOR', $2)`, [u.id, k]);
      users[k] = u.id;
    }
    // A deactivated user is never mailed (nor are demo users).
    await app.ds.query(`UPDATE app_user SET active = false WHERE email = '1824@kommune.example'`);
    await app.ds.query(`INSERT INTO user_role (user_id, role, kommunenummer) VALUES ($1, 'DIRECTOR', '1804')`, [
      users['1824'],
    ]);
  });
  afterAll(() => smtp.close());

  it('sends each reminder once per horizon and recipient, also with two processes at once', async () => {
    // Two server processes: two connection pools against the same database, running together.
    const second = createDataSource(app.db.url, { poolSize: 2 });
    await second.initialize();
    try {
      const opts = { mail, publicUrl: 'https://samordna.test', asOf: '2027-01-05' };
      const [a, b] = await Promise.all([sendReminderMails(app.ds, opts), sendReminderMails(second, opts)]);
      expect(a.mails + b.mails).toBe(2); // Bodø and Fauske; the deactivated Vefsn user none
      expect(inbox.map((m) => m.to[0]).sort()).toEqual(['1804@kommune.example', '1841@kommune.example']);
      const bodo = inbox.find((m) => m.to[0] === '1804@kommune.example')!;
      expect(readMail(bodo.raw).subject).toBe(
        'Påminnelse fra Samordna: Oppsigelsesfrist: ' +
          (await app.ds.query(`SELECT title FROM agreement WHERE id = $1`, [ids.agreement]))[0].title,
      );
      const { body } = readMail(bodo.raw);
      expect(body).toContain('Hei Bodil Bodø,');
      expect(body).toContain('Frist: 30.06.2027 (om 176 dager)');
      expect(body).toContain(`https://samordna.test/avtaler/${ids.agreement}`);

      // The same day again, in both processes: nothing new.
      await Promise.all([sendReminderMails(app.ds, opts), sendReminderMails(second, opts)]);
      expect(inbox).toHaveLength(2);
      // A later day in the same horizon: still nothing.
      await sendReminderMails(second, { ...opts, asOf: '2027-02-01' });
      expect(inbox).toHaveLength(2);

      // The 90-day horizon: the notice deadline again, and the budget cutoff (new at 180 days).
      const april = await sendReminderMails(app.ds, { ...opts, asOf: '2027-04-15' });
      expect(april.mails).toBe(2);
      const bodoApril = inbox.slice(2).find((m) => m.to[0] === '1804@kommune.example')!;
      expect(readMail(bodoApril.raw).subject).toBe('Påminnelse fra Samordna: 2 frister trenger oppfølging');
      expect(readMail(bodoApril.raw).body).toContain('Frist: 01.10.2027');
      expect(
        await app.ds.query(
          `SELECT reminder_key, horizon FROM reminder_dispatch WHERE user_id = $1 ORDER BY horizon DESC, reminder_key`,
          [users['1804']],
        ),
      ).toEqual([
        { reminder_key: `budget:${ids.agreement}:2027-10-01`, horizon: 180 },
        { reminder_key: `notice:${ids.agreement}:2027-06-30`, horizon: 180 },
        { reminder_key: `notice:${ids.agreement}:2027-06-30`, horizon: 90 },
      ]);
    } finally {
      await second.destroy();
    }
  });

  it('gives the claim back when the mail cannot be sent, so the next run sends it', async () => {
    const before = inbox.length;
    const broken = { url: 'smtp://127.0.0.1:1?ignoreTLS=true', from: mail.from };
    const run = await sendReminderMails(app.ds, {
      mail: broken,
      publicUrl: 'https://samordna.test',
      asOf: '2027-06-10',
    });
    expect(run).toMatchObject({ mails: 0, failed: 2 });
    expect((await app.ds.query(`SELECT count(*)::int AS n FROM reminder_dispatch WHERE horizon = 30`))[0].n).toBe(0);
    const retry = await sendReminderMails(app.ds, { mail, publicUrl: 'https://samordna.test', asOf: '2027-06-10' });
    expect(retry).toMatchObject({ mails: 2, failed: 0 });
    expect(inbox.length).toBe(before + 2);
  });
});

describe('reminder mails in the recipient’s language', () => {
  it('mails a user who chose English in English, and one who chose nothing in bokmål', async () => {
    const [fauske] = await app.ds.query(`SELECT id FROM app_user WHERE email = '1841@kommune.example'`);
    await app.ds.query(`UPDATE app_user SET language = 'EN' WHERE id = $1`, [fauske.id]);
    const smtp = await startSmtp();
    try {
      // 5 July 2027: the routine review (1 Aug) reaches 30 days, for both (the host and the partner).
      const run = await sendReminderMails(app.ds, {
        mail: smtp.mail,
        publicUrl: 'https://samordna.test',
        asOf: '2027-07-05',
      });
      expect(run.mails).toBe(2);
      const english = readMail(smtp.inbox.find((m) => m.to[0] === '1841@kommune.example')!.raw);
      expect(english.subject).toBe('Reminder from Samordna: Routine due for review: Krisesenteret i Salten – Fauske');
      expect(english.body).toContain('Hello Frida Fauske,');
      expect(english.body).toContain('Due: 01.08.2027 (in 27 days)');
      expect(english.body).toContain(
        'The handover routine between Krisesenteret i Salten and Fauske is due for review by 01.08.2027.',
      );
      expect(english.body).not.toMatch(/Frist|Hilsen|Påminnelse|gjennomgås|budsjett/);
      const bokmal = readMail(smtp.inbox.find((m) => m.to[0] === '1804@kommune.example')!.raw);
      expect(bokmal.subject).toBe('Påminnelse fra Samordna: Rutine skal gjennomgås: Krisesenteret i Salten – Fauske');
      expect(bokmal.body).toContain('Frist: 01.08.2027 (om 27 dager)');
      expect(bokmal.body).toContain(
        'Overgangsrutinen mellom Krisesenteret i Salten og Fauske skal gjennomgås innen 01.08.2027.',
      );
    } finally {
      await smtp.close();
    }
  });
});

describe('calendar feed', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    const http = express();
    http.use('/calendar', calendarRouter(app.ds, { publicUrl: 'https://samordna.test', today: () => '2027-06-10' }));
    server = await new Promise<Server>((resolve) => {
      const s = http.listen(0, '127.0.0.1', () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await app.ds.query(`INSERT INTO app_user (id, email, name) VALUES ($1, $2, $3)`, [
      FAUSKE.id,
      FAUSKE.email,
      FAUSKE.name,
    ]);
    await app.ds.query(`INSERT INTO user_role (user_id, role, kommunenummer) VALUES ($1, 'DIRECTOR', '1841')`, [
      FAUSKE.id,
    ]);
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const CREATE = `mutation { createCalendarFeed { url createdAt } }`;

  it('a secret URL whose events, parsed back with ical.js, are the user’s reminders', async () => {
    expect(
      (await app.gql(`query { myCalendarFeedCreatedAt }`, {}, { as: FAUSKE })).data!.myCalendarFeedCreatedAt,
    ).toBeNull();
    const r = await app.gql(CREATE, {}, { as: FAUSKE });
    expect(r.errors).toBeUndefined();
    const url: string = r.data!.createCalendarFeed.url;
    expect(url).toMatch(/^http:\/\/localhost:\d+\/calendar\/[\w-]{32}\.ics$/);
    const res = await fetch(`${base}/calendar/${url.split('/calendar/')[1]}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    const text = await res.text();
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const expected = (await app.gql<{ myReminders: R[] }>(QUERY, { asOf: '2027-06-10' }, { as: FAUSKE })).data!
      .myReminders;
    expect(events.map((e) => [e.summary, e.startDate.toString(), e.startDate.isDate, e.endDate.toString()])).toEqual(
      expected.map((x) => [
        x.title,
        x.dueOn,
        true,
        new Date(Date.parse(x.dueOn) + 86_400_000).toISOString().slice(0, 10),
      ]),
    );
    expect(expected.map((x) => x.kind)).toEqual([
      'CONTACT_VERIFICATION',
      'NOTICE_DEADLINE',
      'ROUTINE_REVIEW',
      'BUDGET_CUTOFF',
    ]);
    const notice = events.find((e) => e.summary.startsWith('Oppsigelsesfrist'))!;
    expect(notice.uid).toBe(`notice:${ids.agreement}:2027-06-30@samordna.test`);
    expect(notice.description).toContain(`https://samordna.test/avtaler/${ids.agreement}`);
    expect(notice.description).toContain('\n'); // the escaped newline comes back as a newline
    // Every line within 75 octets (folded), CRLF line ends.
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });

  it('is in the language its owner chose in the dashboard (bokmål until one is chosen)', async () => {
    const url = (await app.gql(CREATE, {}, { as: FAUSKE })).data!.createCalendarFeed.url;
    const feed = async () => {
      const text = await (await fetch(`${base}/calendar/${url.split('/calendar/')[1]}`)).text();
      const calendar = new ICAL.Component(ICAL.parse(text));
      const summaries = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v).summary);
      return { name: calendar.getFirstPropertyValue('x-wr-calname'), summaries };
    };
    const nb = await feed();
    expect(nb.name).toBe('Samordna – frister');
    expect(nb.summaries.some((s) => s.startsWith('Oppsigelsesfrist'))).toBe(true);
    await app.ds.query(`UPDATE app_user SET language = 'EN' WHERE id = $1`, [FAUSKE.id]);
    try {
      const en = await feed();
      expect(en.name).toBe('Samordna – deadlines');
      expect(en.summaries).toHaveLength(nb.summaries.length);
      expect(en.summaries.some((s) => s.startsWith('Notice deadline'))).toBe(true);
      const bokmal =
        /^(Oppsigelsesfrist|Avtalen utløper|Frist for budsjettet|Endringsforslag|Kontakter må|Rutine skal)/;
      expect(en.summaries.filter((s) => bokmal.test(s))).toEqual([]);
    } finally {
      await app.ds.query(`UPDATE app_user SET language = NULL WHERE id = $1`, [FAUSKE.id]);
    }
  });

  it('a new URL replaces the old one; revoking ends it; a deactivated user’s feed is gone', async () => {
    const first = (await app.gql(CREATE, {}, { as: FAUSKE })).data!.createCalendarFeed.url;
    const second = (await app.gql(CREATE, {}, { as: FAUSKE })).data!.createCalendarFeed.url;
    const path = (u: string) => `${base}/calendar/${u.split('/calendar/')[1]}`;
    expect((await fetch(path(first))).status).toBe(404);
    expect((await fetch(path(second))).status).toBe(200);
    await app.ds.query(`UPDATE app_user SET active = false WHERE id = $1`, [FAUSKE.id]);
    expect((await fetch(path(second))).status).toBe(404);
    await app.ds.query(`UPDATE app_user SET active = true WHERE id = $1`, [FAUSKE.id]);
    expect((await app.gql(`mutation { revokeCalendarFeed }`, {}, { as: FAUSKE })).data!.revokeCalendarFeed).toBe(true);
    expect((await fetch(path(second))).status).toBe(404);
    expect((await app.gql(`mutation { revokeCalendarFeed }`, {}, { as: FAUSKE })).data!.revokeCalendarFeed).toBe(false);
    expect((await fetch(`${base}/calendar/not-a-real-secret-at-all-0000.ics`)).status).toBe(404);
    expect((await app.gql(`mutation { revokeCalendarFeed }`, {}, { as: null })).errors?.[0].extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
  });
});
