import type { DataSource } from 'typeorm';
import {
  addDaysIso,
  centreMembersSql,
  daysBetween,
  DEFAULT_STALE_AFTER_MONTHS,
  dueReminders,
  isAdmin,
  reminderText,
  type Grant,
  type IsoDate,
  type ReminderHorizon,
  type ReminderKind,
  type ReminderParams,
} from '@samordna/domain';
import { Agreement } from '../agreement/agreement.entity';
import { deadlineOf } from '../agreement/agreement.service';

export interface Reminder {
  kind: ReminderKind;
  /** Stable: what is reminded about and its date (a new date is a new reminder). */
  key: string;
  dueOn: IsoDate;
  daysLeft: number;
  horizon: ReminderHorizon;
  /** What it names (agreement, municipality, centre, counts): clients word it in their language. */
  params: ReminderParams;
  /** Bokmål, for clients that read the deprecated prose; `reminderText` words it in either language. */
  title: string;
  detail: string;
  /** Path in the dashboard where it is acted on. */
  link: string;
}

/** A reminder with its bokmål title and detail worded from its kind and parameters. */
function worded(r: Omit<Reminder, 'horizon' | 'title' | 'detail'>): Omit<Reminder, 'horizon'> {
  return { ...r, ...reminderText(r, 'nb') };
}

/** Whose dates a user is reminded of: everything, or their municipalities and centres. */
interface Scope {
  all: boolean;
  municipalities: string[];
  centres: string[];
  /** Municipalities whose amendment answers this user gives. */
  directorOf: string[];
}

export function reminderScope(grants: readonly Grant[]): Scope {
  const all = isAdmin(grants) || grants.some((g) => g.role === 'READ_ONLY' && !g.kommunenummer);
  const municipalities = [
    ...new Set(grants.filter((g) => g.role !== 'CENTRE_LEADER' && g.kommunenummer).map((g) => g.kommunenummer!)),
  ];
  const centres = [...new Set(grants.filter((g) => g.role === 'CENTRE_LEADER' && g.centreId).map((g) => g.centreId!))];
  const directorOf = [
    ...new Set(grants.filter((g) => g.role === 'DIRECTOR' && g.kommunenummer).map((g) => g.kommunenummer!)),
  ];
  return { all, municipalities, centres, directorOf };
}

const BINDING = ['ACTIVE', 'NOTICE_GIVEN', 'DISPUTED'];

async function agreementReminders(ds: DataSource, scope: Scope, asOf: IsoDate): Promise<Omit<Reminder, 'horizon'>[]> {
  const qb = ds
    .getRepository(Agreement)
    .createQueryBuilder('a')
    .innerJoin('crisis_centre', 'c', 'c.id = a.centre_id')
    .addSelect('c.name', 'centre_name')
    .where('a.status IN (:...binding)', { binding: BINDING });
  if (!scope.all) {
    qb.andWhere(
      `(c.host_kommunenummer = ANY(:m) OR a.centre_id::text = ANY(:c)
        OR EXISTS (SELECT 1 FROM agreement_party p WHERE p.agreement_id = a.id AND p.kommunenummer = ANY(:m) AND (p.left_on IS NULL OR p.left_on >= :asOf)))`,
      { m: scope.municipalities, c: scope.centres, asOf },
    );
  }
  const out: Omit<Reminder, 'horizon'>[] = [];
  for (const a of await qb.orderBy('a.id').getMany()) {
    const d = deadlineOf(a, asOf);
    const link = `/avtaler/${a.id}`;
    if (d.kind === 'NOTICE' && d.noticeDeadline) {
      out.push(
        worded({
          kind: 'NOTICE_DEADLINE',
          key: `notice:${a.id}:${d.noticeDeadline}`,
          dueOn: d.noticeDeadline,
          daysLeft: daysBetween(asOf, d.noticeDeadline),
          params: { agreement: a.title, end: d.nextPossibleEnd },
          link,
        }),
      );
    }
    if (d.kind === 'EXPIRY' && d.nextPossibleEnd) {
      out.push(
        worded({
          kind: 'EXPIRY',
          key: `expiry:${a.id}:${d.nextPossibleEnd}`,
          dueOn: d.nextPossibleEnd,
          daysLeft: daysBetween(asOf, d.nextPossibleEnd),
          params: { agreement: a.title },
          link,
        }),
      );
    }
    if (d.budgetCutoff && d.kind !== 'ENDED') {
      out.push(
        worded({
          kind: 'BUDGET_CUTOFF',
          key: `budget:${a.id}:${d.budgetCutoff}`,
          dueOn: d.budgetCutoff,
          daysLeft: daysBetween(asOf, d.budgetCutoff),
          params: { agreement: a.title },
          link,
        }),
      );
    }
  }
  return out;
}

async function amendmentReminders(ds: DataSource, scope: Scope, asOf: IsoDate): Promise<Omit<Reminder, 'horizon'>[]> {
  if (scope.directorOf.length === 0) return [];
  const rows: {
    id: string;
    agreement_id: string;
    summary: string;
    effective_on: string;
    version: number;
    kommunenummer: string;
    municipality: string;
    title: string;
  }[] = await ds.query(
    `SELECT x.id, x.agreement_id, x.summary, to_char(x.effective_on, 'YYYY-MM-DD') AS effective_on, x.version, p.kommunenummer, m.name AS municipality, a.title
     FROM agreement_amendment x
     JOIN amendment_approval p ON p.amendment_id = x.id
     JOIN agreement a ON a.id = x.agreement_id
     JOIN municipality m ON m.kommunenummer = p.kommunenummer
     WHERE x.status = 'OPEN' AND p.decision = 'PENDING' AND p.kommunenummer = ANY($1)
     ORDER BY x.effective_on, x.id, p.kommunenummer`,
    [scope.directorOf],
  );
  return rows.map((r) =>
    worded({
      kind: 'AMENDMENT_APPROVAL' as const,
      key: `amendment:${r.id}:${r.version}:${r.kommunenummer}`,
      dueOn: r.effective_on,
      daysLeft: daysBetween(asOf, r.effective_on),
      params: { agreement: r.title, summary: r.summary, municipality: r.municipality },
      link: `/avtaler/${r.agreement_id}`,
    }),
  );
}

/** The municipalities whose contacts the scope covers: its own, and the members of its centres. */
async function contactMunicipalities(ds: DataSource, scope: Scope, asOf: IsoDate): Promise<string[] | null> {
  if (scope.all) return null;
  const set = new Set(scope.municipalities);
  for (const centre of scope.centres) {
    const rows: { k: string }[] = await ds.query(`SELECT k FROM ${centreMembersSql('$1', '$2')} AS m(k)`, [
      centre,
      asOf,
    ]);
    for (const r of rows) set.add(r.k);
  }
  return [...set];
}

async function contactReminders(ds: DataSource, scope: Scope, asOf: IsoDate): Promise<Omit<Reminder, 'horizon'>[]> {
  const within = await contactMunicipalities(ds, scope, asOf);
  if (within && within.length === 0) return [];
  // A contact is due the day its verification gets `DEFAULT_STALE_AFTER_MONTHS` months old (never verified: today).
  const rows: { kommunenummer: string; name: string; n: number; due: string }[] = await ds.query(
    `WITH due AS (
       SELECT g.kommunenummer, COALESCE(((c.verified_at AT TIME ZONE 'Europe/Oslo') + make_interval(months => $2))::date, $1::date) AS due
       FROM contact_person c JOIN agency g ON g.id = c.agency_id
       WHERE c.active AND ($4::text[] IS NULL OR g.kommunenummer = ANY($4))
     )
     SELECT d.kommunenummer, m.name, count(*)::int AS n, to_char(min(d.due), 'YYYY-MM-DD') AS due
     FROM due d JOIN municipality m ON m.kommunenummer = d.kommunenummer
     WHERE d.due <= $3::date
     GROUP BY d.kommunenummer, m.name ORDER BY d.kommunenummer`,
    [asOf, DEFAULT_STALE_AFTER_MONTHS, addDaysIso(asOf, 30), within],
  );
  return rows.map((r) =>
    worded({
      kind: 'CONTACT_VERIFICATION' as const,
      key: `contacts:${r.kommunenummer}:${r.due}`,
      dueOn: r.due,
      daysLeft: daysBetween(asOf, r.due),
      params: { municipality: r.name, count: r.n, months: DEFAULT_STALE_AFTER_MONTHS },
      link: `/kontakter?kommune=${r.kommunenummer}`,
    }),
  );
}

async function routineReminders(ds: DataSource, scope: Scope, asOf: IsoDate): Promise<Omit<Reminder, 'horizon'>[]> {
  const rows: { id: string; due: string; centre: string; municipality: string; kommunenummer: string }[] =
    await ds.query(
      `SELECT r.id, to_char(r.review_due_on, 'YYYY-MM-DD') AS due, c.name AS centre, m.name AS municipality, r.kommunenummer
     FROM handover_routine r JOIN crisis_centre c ON c.id = r.centre_id JOIN municipality m ON m.kommunenummer = r.kommunenummer
     WHERE r.review_due_on IS NOT NULL AND r.review_due_on <= $1::date
       AND ($2 OR r.kommunenummer = ANY($3) OR r.centre_id::text = ANY($4) OR c.host_kommunenummer = ANY($3))
     ORDER BY r.review_due_on, r.id`,
      [addDaysIso(asOf, 90), scope.all, scope.municipalities, scope.centres],
    );
  return rows.map((r) =>
    worded({
      kind: 'ROUTINE_REVIEW' as const,
      key: `routine:${r.id}:${r.due}`,
      dueOn: r.due,
      daysLeft: daysBetween(asOf, r.due),
      params: { centre: r.centre, municipality: r.municipality },
      link: `/rutiner?kommune=${r.kommunenummer}`,
    }),
  );
}

/**
 * Everything that needs this user's action on `asOf`, in their scope, nearest first: notice
 * deadlines, expiries and budget cutoffs within 180 days, amendments awaiting their answer,
 * contacts due for verification within 30 days, routines due for review within 90 days.
 */
export async function remindersFor(ds: DataSource, grants: readonly Grant[], asOf: IsoDate): Promise<Reminder[]> {
  const scope = reminderScope(grants);
  if (!scope.all && scope.municipalities.length === 0 && scope.centres.length === 0) return [];
  const candidates = [
    ...(await agreementReminders(ds, scope, asOf)),
    ...(await amendmentReminders(ds, scope, asOf)),
    ...(await contactReminders(ds, scope, asOf)),
    ...(await routineReminders(ds, scope, asOf)),
  ];
  return dueReminders(candidates);
}
