import type { EntityManager } from 'typeorm';
import { CHECKLIST_KEYS, ROUTINE_TEMPLATE, type AgencyKind, type ChecklistKey } from '@samordna/domain';
import { insertRows, upsert } from './upsert';

/**
 * Example records, added once per database (ledger key in seed_state) so that a restart never
 * brings back what a user deleted. Everything invented here is marked: whole records with
 * is_example, invented values on real records in example_fields. People are placeholder names
 * («Kari Nordmann»-style) on the reserved .example domain; phone numbers are not real numbers.
 */
export const RECORDS_KEY = 'records-v1';

export interface RecordsSummary {
  agreementsWithExampleTerms: number;
  agencies: number;
  contacts: number;
  routines: number;
  budgets?: number;
}

const checklist = (covered: ChecklistKey[]) =>
  JSON.stringify(CHECKLIST_KEYS.map((key) => ({ key, covered: covered.includes(key), note: null })));

const TERM_FIELDS = [
  'validFrom',
  'validTo',
  'autoRenew',
  'renewalMonths',
  'noticeMonths',
  'noticeRunsTo',
  'signingLevel',
  'checklist',
];

/** Example terms for the five real agreements (the sources give none of these). */
const EXAMPLE_TERMS: Record<
  string,
  {
    validFrom: string | null;
    validTo: string | null;
    autoRenew: boolean;
    renewalMonths: number | null;
    noticeMonths: number;
    noticeRunsTo: string;
    signingLevel: string;
    covered: ChecklistKey[];
  }
> = {
  'Krisesenteret i Salten': {
    validFrom: '2017-01-01',
    validTo: null,
    autoRenew: true,
    renewalMonths: null,
    noticeMonths: 12,
    noticeRunsTo: 'CALENDAR_YEAR',
    signingLevel: 'MUNICIPAL_DIRECTOR',
    covered: [
      'PURPOSE',
      'LEGAL_BASIS_GOVERNANCE_BUDGET',
      'FINANCING_AND_OBLIGATIONS',
      'CENTRE_DUTY_TO_INFORM',
      'MUNICIPALITY_DUTY_TO_INFORM_STAFF',
      'SERVICE_COOPERATION',
      'COMPETENCE',
    ],
  },
  'Kommunalt krisesentertilbud i Vestfold': {
    validFrom: '2023-01-01',
    validTo: '2026-12-31',
    autoRenew: true,
    renewalMonths: 12,
    noticeMonths: 6,
    noticeRunsTo: 'NONE',
    signingLevel: 'MUNICIPAL_DIRECTOR',
    covered: [...CHECKLIST_KEYS],
  },
  'Helgeland krisesenter': {
    validFrom: '2016-09-01',
    validTo: null,
    autoRenew: true,
    renewalMonths: null,
    noticeMonths: 6,
    noticeRunsTo: 'CALENDAR_YEAR',
    signingLevel: 'SECTOR_HEAD',
    covered: ['PURPOSE', 'LEGAL_BASIS_GOVERNANCE_BUDGET', 'FINANCING_AND_OBLIGATIONS', 'SERVICE_COOPERATION'],
  },
  'Krisesenteret i Hønefoss': {
    validFrom: null,
    validTo: null,
    autoRenew: true,
    renewalMonths: null,
    noticeMonths: 6,
    noticeRunsTo: 'HALF_YEAR',
    signingLevel: 'UNKNOWN',
    covered: [
      'PURPOSE',
      'LEGAL_BASIS_GOVERNANCE_BUDGET',
      'FINANCING_AND_OBLIGATIONS',
      'CENTRE_DUTY_TO_INFORM',
      'HOUSING',
    ],
  },
  'Krisesenteret Asker, Bærum og Lier': {
    validFrom: '2021-01-01',
    validTo: null,
    autoRenew: true,
    renewalMonths: null,
    noticeMonths: 3,
    noticeRunsTo: 'HALF_YEAR',
    signingLevel: 'UNIT_LEADER',
    covered: ['PURPOSE', 'FINANCING_AND_OBLIGATIONS', 'SERVICE_COOPERATION'],
  },
};

const FIRST = [
  'Kari',
  'Ola',
  'Ingrid',
  'Per',
  'Marit',
  'Knut',
  'Sigrid',
  'Lars',
  'Anne',
  'Nils',
  'Liv',
  'Jon',
  'Randi',
  'Trond',
];
const LAST = ['Nordmann', 'Normann', 'Eksempelsen', 'Prøvesen', 'Demodatter', 'Testesen', 'Fiktivsen'];

const ascii = (s: string) =>
  s
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const AGENCIES: {
  kind: AgencyKind;
  name: (m: string) => string;
  title: string;
  when: (i: number) => boolean;
  written: (i: number) => boolean;
}[] = [
  {
    kind: 'VIOLENCE_COORDINATOR',
    name: (m) => `Voldskoordinator, ${m} kommune`,
    title: 'Kommunal koordinator for vold i nære relasjoner',
    when: (i) => i % 4 !== 3,
    written: () => false,
  },
  {
    kind: 'NAV',
    name: (m) => `NAV ${m}`,
    title: 'Fast kontakt for krisesenteret',
    when: () => true,
    written: (i) => i % 2 === 0,
  },
  {
    kind: 'BARNEVERN',
    name: (m) => `Barneverntjenesten i ${m}`,
    title: 'Fagleder',
    when: () => true,
    written: (i) => i % 3 === 0,
  },
  {
    kind: 'POLICE',
    name: (m) => `Politiet, ${m}`,
    title: 'Familievoldskoordinator',
    when: () => true,
    written: () => false,
  },
  {
    kind: 'HOUSING_OFFICE',
    name: (m) => `Boligkontoret i ${m}`,
    title: 'Boligkonsulent',
    when: (i) => i % 3 !== 2,
    written: (i) => i % 5 === 0,
  },
  {
    kind: 'HEALTH_STATION_SCHOOL_HEALTH',
    name: (m) => `Helsestasjonen i ${m}`,
    title: 'Helsesykepleier',
    when: (i) => i % 2 === 0,
    written: () => false,
  },
];

/** Centres whose member municipalities get example agencies and contacts. */
const CONTACT_CENTRES = ['Krisesenteret i Salten', 'Kommunalt krisesentertilbud i Vestfold'];

const ROUTINES: {
  centre: string;
  kommunenummer: string;
  status: string;
  adoptedOn: string | null;
  lastReviewedOn: string | null;
  reviewDueOn: string | null;
}[] = [
  {
    centre: 'Krisesenteret i Salten',
    kommunenummer: '1804',
    status: 'ADOPTED',
    adoptedOn: '2025-03-01',
    lastReviewedOn: '2026-02-01',
    reviewDueOn: '2027-02-01',
  },
  {
    centre: 'Krisesenteret i Salten',
    kommunenummer: '1841',
    status: 'DRAFT',
    adoptedOn: null,
    lastReviewedOn: null,
    reviewDueOn: null,
  },
  {
    centre: 'Kommunalt krisesentertilbud i Vestfold',
    kommunenummer: '3901',
    status: 'ADOPTED',
    adoptedOn: '2023-06-01',
    lastReviewedOn: '2024-03-01',
    reviewDueOn: '2026-03-01',
  },
  {
    centre: 'Helgeland krisesenter',
    kommunenummer: '1824',
    status: 'ADOPTED',
    adoptedOn: '2024-09-01',
    lastReviewedOn: '2025-09-01',
    reviewDueOn: '2026-09-01',
  },
];

export async function seedRecordsOnce(em: EntityManager): Promise<RecordsSummary | null> {
  const inserted = await em.query(
    `INSERT INTO seed_state (key) VALUES ($1) ON CONFLICT (key) DO NOTHING RETURNING key`,
    [RECORDS_KEY],
  );
  if (inserted.length === 0) return null;

  // 1. Example terms on the real agreements, each invented field named in example_fields.
  const params: unknown[] = [];
  const param = (value: unknown, type: string) => `$${params.push(value)}::${type}`;
  const values = Object.entries(EXAMPLE_TERMS).map(([centre, t]) => {
    const row = [
      param(`agreement:${centre}`, 'text'),
      param(t.validFrom, 'date'),
      param(t.validTo, 'date'),
      param(t.autoRenew, 'boolean'),
      param(t.renewalMonths, 'int'),
      param(t.noticeMonths, 'int'),
      param(t.noticeRunsTo, 'text'),
      param(t.signingLevel, 'text'),
      param(checklist(t.covered), 'jsonb'),
      param(TERM_FIELDS, 'text[]'),
    ];
    return `(${row.join(', ')})`;
  });
  // TypeORM answers an UPDATE with [rows, number of rows updated].
  const [, agreementsWithExampleTerms]: [unknown[], number] = await em.query(
    `UPDATE agreement a SET valid_from = v.valid_from, valid_to = v.valid_to, auto_renew = v.auto_renew, renewal_months = v.renewal_months,
       notice_months = v.notice_months, notice_runs_to = v.notice_runs_to, signing_level = v.signing_level, checklist = v.checklist, example_fields = v.example_fields
     FROM (VALUES ${values.join(', ')})
       AS v (seed_key, valid_from, valid_to, auto_renew, renewal_months, notice_months, notice_runs_to, signing_level, checklist, example_fields)
     WHERE a.seed_key = v.seed_key`,
    params,
  );

  // 2. Vestfold's 2023 agreement replaced one valid from 1 January 2011 (a fact from the source).
  const [vestfold] = await em.query(
    `SELECT id, centre_id, source_url, source_as_of FROM agreement WHERE seed_key = 'agreement:Kommunalt krisesentertilbud i Vestfold'`,
  );
  if (vestfold) {
    const [old] = await em.query(
      `INSERT INTO agreement (seed_key, centre_id, title, status, valid_from, ended_on, source_url, source_as_of, note)
       VALUES ('agreement:Kommunalt krisesentertilbud i Vestfold:2011', $1, 'Samarbeidsavtale om krisesentertilbud i Vestfold (2011)', 'ENDED', '2011-01-01', '2022-12-31', $2, $3,
               'Erstattet av samarbeidsavtalen fra 2023. Partene i denne avtalen er ikke registrert.')
       ON CONFLICT (seed_key) DO UPDATE SET title = EXCLUDED.title RETURNING id`,
      [vestfold.centre_id, vestfold.source_url, vestfold.source_as_of],
    );
    await em.query(`UPDATE agreement SET supersedes_id = $1 WHERE id = $2`, [old.id, vestfold.id]);
  }

  // 3. Example agencies and contacts for the members of two centres, each kind in one statement.
  const members: { kommunenummer: string; name: string }[] = await em.query(
    `SELECT DISTINCT m.kommunenummer, m.name FROM agreement a
       JOIN crisis_centre c ON c.id = a.centre_id
       JOIN agreement_party p ON p.agreement_id = a.id
       JOIN municipality m ON m.kommunenummer = p.kommunenummer
     WHERE c.seed_key = ANY($1) AND a.status <> 'ENDED'
     ORDER BY m.kommunenummer`,
    [CONTACT_CENTRES.map((n) => `centre:${n}`)],
  );
  const agencyRows: unknown[][] = [];
  const contactRows: unknown[][] = [];
  let person = 0;
  for (const [i, m] of members.entries()) {
    for (const [k, a] of AGENCIES.entries()) {
      if (!a.when(i)) continue;
      const key = `${m.kommunenummer}:${a.kind}`;
      agencyRows.push([
        `agency:${key}`,
        m.kommunenummer,
        a.kind,
        a.name(m.name),
        a.written(i),
        a.written(i) ? '2024-01-15' : null,
        true,
      ]);
      const first = FIRST[person % FIRST.length];
      const last = LAST[(person * 3 + i) % LAST.length];
      person++;
      // Verification ages spread from fresh to over a year; some never verified.
      const monthsAgo = (i * 5 + k * 3) % 13;
      const neverVerified = a.kind === 'HOUSING_OFFICE' && i % 4 === 1;
      contactRows.push([
        `contact:${key}`,
        `agency:${key}`, // → agency id below
        `${first} ${last}`,
        a.title,
        `+47 00 0${String(i).padStart(2, '0')} ${String(k).padStart(2, '0')} ${String(person % 100).padStart(2, '0')}`,
        `${ascii(first)}.${ascii(last)}@${ascii(m.name)}.kommune.example`,
        a.kind === 'VIOLENCE_COORDINATOR',
        neverVerified ? null : new Date(Date.now() - monthsAgo * 30.5 * 24 * 3600 * 1000 - (i + 1) * 3600 * 1000),
        neverVerified ? null : 'Krisesenterleder (eksempel)',
        true,
      ]);
    }
  }
  const agencies = await insertRows<{ id: string; seed_key: string }>(
    em,
    'agency',
    ['seed_key', 'kommunenummer', 'kind', 'name', 'written_agreement', 'written_agreement_date', 'is_example'],
    agencyRows,
    { returning: ['id', 'seed_key'] },
  );
  const agencyIds = new Map(agencies.map((a) => [a.seed_key, a.id]));
  for (const row of contactRows) row[1] = agencyIds.get(row[1] as string);
  const contacts = await insertRows<{ id: string; seed_key: string }>(
    em,
    'contact_person',
    [
      'seed_key',
      'agency_id',
      'name',
      'title',
      'phone',
      'email',
      'is_contact_point',
      'verified_at',
      'verified_by',
      'is_example',
    ],
    contactRows,
    { returning: ['id', 'seed_key'] },
  );
  const contactIds = new Map(contacts.map((c) => [c.seed_key.slice('contact:'.length), c.id])); // `${kommunenummer}:${kind}` → contact id

  // 4. Example handover routines from the template, with contacts linked where they exist.
  const centreIds = new Map<string, string>(
    (
      await em.query(`SELECT id, seed_key FROM crisis_centre WHERE seed_key = ANY($1)`, [
        ROUTINES.map((r) => `centre:${r.centre}`),
      ])
    ).map((c: { id: string; seed_key: string }) => [c.seed_key, c.id]),
  );
  const present = ROUTINES.filter((r) => centreIds.has(`centre:${r.centre}`));
  const routineIds = new Map(
    (
      await upsert<{ id: string; seed_key: string }>(
        em,
        'handover_routine',
        [
          'seed_key',
          'centre_id',
          'kommunenummer',
          'status',
          'adopted_on',
          'last_reviewed_on',
          'review_due_on',
          'is_example',
        ],
        null,
        present.map((r) => [
          `routine:${r.centre}:${r.kommunenummer}`,
          centreIds.get(`centre:${r.centre}`),
          r.kommunenummer,
          r.status,
          r.adoptedOn,
          r.lastReviewedOn,
          r.reviewDueOn,
          true,
        ]),
        { returning: ['id', 'seed_key'] },
      )
    ).map((r) => [r.seed_key, r.id]),
  );
  const added = present.filter((r) => routineIds.has(`routine:${r.centre}:${r.kommunenummer}`));
  await insertRows(
    em,
    'routine_step',
    ['routine_id', 'position', 'kind', 'title', 'responsible_agency_kind', 'timing', 'contact_id'],
    added.flatMap((r) =>
      ROUTINE_TEMPLATE.map((t, position) => [
        routineIds.get(`routine:${r.centre}:${r.kommunenummer}`),
        position,
        t.kind,
        t.title.nb,
        t.responsibleAgencyKind,
        t.timing,
        t.responsibleAgencyKind ? (contactIds.get(`${r.kommunenummer}:${t.responsibleAgencyKind}`) ?? null) : null,
      ]),
    ),
  );

  return { agreementsWithExampleTerms, agencies: agencies.length, contacts: contacts.length, routines: added.length };
}
