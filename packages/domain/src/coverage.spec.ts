import {
  contactGaps,
  coverageFindings,
  DEFAULT_COVERAGE_CONFIG,
  FINDING_BASIS,
  FINDING_CODES,
  isDocumentedOnly,
  isNotRegistered,
  worstSeverity,
  type BasisKind,
  type CoverageFacts,
  type FindingCode,
  type Severity,
} from './coverage';
import type { ServiceElement } from './catalog';
import { nextDeadline, type AgreementTerms } from './deadlines';
import { greatCircleKm } from './geo';

const TERMS: AgreementTerms = {
  validFrom: '2020-01-01',
  validTo: null,
  autoRenew: true,
  renewalMonths: null,
  noticeMonths: 6,
  noticeRunsTo: 'CALENDAR_YEAR',
};
const BODO = { lat: 67.068, lon: 15.024 };

function facts(over: Partial<CoverageFacts> = {}, asOf = '2026-07-15', terms: AgreementTerms = TERMS): CoverageFacts {
  return {
    kommunenummer: '1841',
    name: 'Fauske',
    point: { lat: 67.2, lon: 15.6 },
    memberships: [
      {
        agreementId: 'a1',
        agreementTitle: 'Samarbeidsavtale',
        status: 'ACTIVE',
        signingLevel: 'MUNICIPAL_DIRECTOR',
        deadline: nextDeadline(terms, asOf),
        current: true,
        centre: {
          id: 'c1',
          name: 'Krisesenteret i Salten',
          services: ['SHELTER', 'DAY_SERVICE', 'PHONE_SERVICE', 'FOLLOW_UP'],
          capabilities: [
            'MEN_SEPARATE',
            'CHILDREN',
            'DISABILITY_ACCESS',
            'SUBSTANCE_USE',
            'SAMI_LANGUAGE',
            'INTERPRETER',
          ],
          hostPoint: BODO,
          hostName: 'Bodø',
        },
      },
    ],
    routines: [{ id: 'r1', centreId: 'c1', status: 'ADOPTED', reviewDueOn: '2027-01-01' }],
    agencies: (['NAV', 'BARNEVERN', 'POLICE', 'HOUSING_OFFICE', 'HEALTH_STATION_SCHOOL_HEALTH'] as const).map(
      (kind) => ({
        kind,
        agencyIds: [`ag-${kind}`],
        label: kind,
        writtenAgreement: true,
        activeContacts: 1,
        staleContacts: 0,
      }),
    ),
    contactPoint: { id: 'cp', name: 'Kari Nordmann' },
    ...over,
  };
}

const codes = (f: CoverageFacts, asOf = '2026-07-15') => coverageFindings(f, asOf).map((x) => x.code);
const base = facts();

describe('coverage rules', () => {
  it('a well-covered municipality has no findings', () => {
    expect(coverageFindings(base, '2026-07-15')).toEqual([]);
    expect(worstSeverity([])).toBeNull();
  });

  it('nothing registered is «ikke registrert», its own state, never "no offer"', () => {
    const f = coverageFindings(
      facts({ memberships: [], routines: [], agencies: [], contactPoint: null }),
      '2026-03-01',
    );
    expect(f.map((x) => x.code)).toEqual(['NOT_REGISTERED']);
    expect(f[0].severity).toBe('INFO');
    expect(f[0].reason.nb).toMatch(/betyr ikke at kommunen mangler krisesentertilbud/);
  });

  const m = base.memberships[0];
  it.each<[string, Partial<CoverageFacts>, FindingCode, string]>([
    ['no agreement', { memberships: [] }, 'NO_ACTIVE_AGREEMENT', 'CRITICAL'],
    ['left the agreement', { memberships: [{ ...m, current: false }] }, 'NO_ACTIVE_AGREEMENT', 'CRITICAL'],
    ['a draft only', { memberships: [{ ...m, status: 'DRAFT' }] }, 'NO_ACTIVE_AGREEMENT', 'CRITICAL'],
    ['ended', { memberships: [{ ...m, status: 'ENDED' }] }, 'AGREEMENT_EXPIRED', 'CRITICAL'],
    [
      'expired fixed term',
      {
        memberships: [
          { ...m, deadline: { kind: 'ENDED', nextPossibleEnd: '2025-12-31', noticeDeadline: null, daysLeft: null } },
        ],
      },
      'AGREEMENT_EXPIRED',
      'CRITICAL',
    ],
    ['notice given', { memberships: [{ ...m, status: 'NOTICE_GIVEN' }] }, 'NOTICE_GIVEN', 'WARNING'],
    ['disputed', { memberships: [{ ...m, status: 'DISPUTED' }] }, 'DISPUTED', 'WARNING'],
    [
      'sector head signed',
      { memberships: [{ ...m, signingLevel: 'SECTOR_HEAD' }] },
      'NOT_SIGNED_AT_DIRECTOR_LEVEL',
      'WARNING',
    ],
    ['signer unknown', { memberships: [{ ...m, signingLevel: 'UNKNOWN' }] }, 'NOT_SIGNED_AT_DIRECTOR_LEVEL', 'INFO'],
    [
      'no day service',
      { memberships: [{ ...m, centre: { ...m.centre, services: ['SHELTER', 'PHONE_SERVICE', 'FOLLOW_UP'] } }] },
      'MISSING_SERVICE',
      'CRITICAL',
    ],
    [
      'no Sami',
      {
        memberships: [
          {
            ...m,
            centre: {
              ...m.centre,
              capabilities: ['MEN_SEPARATE', 'CHILDREN', 'DISABILITY_ACCESS', 'INTERPRETER', 'SUBSTANCE_USE'],
            },
          },
        ],
      },
      'MISSING_CAPABILITY',
      'INFO',
    ],
    [
      'no interpreter',
      {
        memberships: [
          {
            ...m,
            centre: {
              ...m.centre,
              capabilities: ['MEN_SEPARATE', 'CHILDREN', 'DISABILITY_ACCESS', 'SUBSTANCE_USE', 'SAMI_LANGUAGE'],
            },
          },
        ],
      },
      'STATUTORY_REQUIREMENT',
      'CRITICAL',
    ],
    [
      'centre not registered',
      { memberships: [{ ...m, centre: { ...m.centre, services: null, capabilities: null } }] },
      'CENTRE_DETAILS_NOT_REGISTERED',
      'INFO',
    ],
    ['no routine', { routines: [] }, 'NO_ROUTINE', 'WARNING'],
    [
      'routine draft',
      { routines: [{ id: 'r1', centreId: 'c1', status: 'DRAFT', reviewDueOn: null }] },
      'ROUTINE_DRAFT',
      'INFO',
    ],
    [
      'review overdue',
      { routines: [{ id: 'r1', centreId: 'c1', status: 'ADOPTED', reviewDueOn: '2026-07-14' }] },
      'ROUTINE_REVIEW_OVERDUE',
      'WARNING',
    ],
    ['no contact point', { contactPoint: null }, 'NO_CONTACT_POINT', 'WARNING'],
    [
      'no NAV contact',
      { agencies: base.agencies.map((a) => (a.kind === 'NAV' ? { ...a, activeContacts: 0 } : a)) },
      'NO_KEY_CONTACT',
      'WARNING',
    ],
    [
      'no housing agency at all',
      { agencies: base.agencies.filter((a) => a.kind !== 'HOUSING_OFFICE') },
      'NO_KEY_CONTACT',
      'WARNING',
    ],
    [
      'stale contacts',
      { agencies: base.agencies.map((a) => (a.kind === 'POLICE' ? { ...a, staleContacts: 2 } : a)) },
      'STALE_CONTACTS',
      'INFO',
    ],
    [
      'no written housing agreement',
      { agencies: base.agencies.map((a) => (a.kind === 'HOUSING_OFFICE' ? { ...a, writtenAgreement: false } : a)) },
      'NO_WRITTEN_COOPERATION',
      'INFO',
    ],
    ['far away (a point near Tromsø)', { point: { lat: 69.65, lon: 18.96 } }, 'FAR_FROM_CENTRE', 'INFO'],
  ])('%s → %s (%s)', (_name, over, code, severity) => {
    const found = coverageFindings(facts(over), '2026-07-15').filter((f) => f.code === code);
    expect(found).toHaveLength(1);
    expect(found[0].severity).toBe(severity);
    expect(found[0].reason.nb.length).toBeGreaterThan(15);
    expect(found[0].reason.en.length).toBeGreaterThan(15);
    expect(found[0].basis.ref.length).toBeGreaterThan(5);
  });

  it('review due today is not overdue; the day after it is', () => {
    const due = (d: string) => facts({ routines: [{ id: 'r1', centreId: 'c1', status: 'ADOPTED', reviewDueOn: d }] });
    expect(codes(due('2026-07-15'))).not.toContain('ROUTINE_REVIEW_OVERDUE');
    expect(codes(due('2026-07-14'))).toContain('ROUTINE_REVIEW_OVERDUE');
  });

  it('notice deadline: within 180 days, warning within 90, gone the day after it passes (it rolls to next year)', () => {
    // 6 months to the end of the calendar year: deadline 30 June.
    const at = (asOf: string) => coverageFindings(facts({}, asOf), asOf).find((f) => f.code === 'NOTICE_DEADLINE_SOON');
    expect(at('2025-12-31')).toBeUndefined(); // 181 days to 30 June
    expect(at('2026-01-01')).toMatchObject({ severity: 'INFO' }); // 180 days: inside
    expect(at('2026-04-01')!.reason.nb).toContain('(90 dager igjen)');
    expect(at('2026-04-01')).toMatchObject({ severity: 'WARNING' }); // 90 days
    expect(at('2026-06-30')!.reason.nb).toContain('(0 dager igjen)');
    expect(at('2026-07-01')).toBeUndefined(); // passed: next deadline is 30 June 2027
  });

  it('a fixed term expiring within the horizon is reported as an expiry', () => {
    const terms: AgreementTerms = { ...TERMS, validTo: '2026-05-31', autoRenew: false };
    const f = coverageFindings(facts({}, '2026-03-01', terms), '2026-03-01').find(
      (x) => x.code === 'NOTICE_DEADLINE_SOON',
    )!;
    expect(f.reason.nb).toBe('Avtalen med Krisesenteret i Salten utløper 31.05.2026 (91 dager igjen).');
    expect(f.reason.en).toBe('The agreement with Krisesenteret i Salten expires on 2026-05-31 (91 days left).');
  });

  it('distance is a great-circle approximation and says so', () => {
    expect(greatCircleKm({ lat: 59.91, lon: 10.75 }, { lat: 60.39, lon: 5.32 })).toBeCloseTo(305, -1); // Oslo–Bergen
    const far = coverageFindings(facts({ point: { lat: 69.65, lon: 18.96 } }), '2026-07-15').find(
      (f) => f.code === 'FAR_FROM_CENTRE',
    )!;
    expect(far.reason.nb).toMatch(/luftlinje .* grov tilnærming/);
    const threshold = coverageFindings(facts({ point: { lat: 69.65, lon: 18.96 } }), '2026-07-15', {
      ...DEFAULT_COVERAGE_CONFIG,
      farFromCentreKm: 500,
    });
    expect(threshold.map((f) => f.code)).not.toContain('FAR_FROM_CENTRE');
  });

  it('findings come worst first, and worstSeverity picks the worst', () => {
    const f = coverageFindings(
      facts({ contactPoint: null, memberships: [{ ...m, centre: { ...m.centre, services: [] } }] }),
      '2026-07-15',
    );
    expect(f[0].severity).toBe('CRITICAL');
    expect(worstSeverity(f)).toBe('CRITICAL');
  });

  it('every finding code names its legal basis', () => {
    for (const code of FINDING_CODES) expect(FINDING_BASIS[code].ref).toMatch(/\S{3}/);
  });
});

const ALL_CAPS = [
  'MEN_SEPARATE',
  'CHILDREN',
  'DISABILITY_ACCESS',
  'SUBSTANCE_USE',
  'SAMI_LANGUAGE',
  'INTERPRETER',
] as const;
const without = (...drop: string[]) => ALL_CAPS.filter((c) => !drop.includes(c));

describe('the law as amended: § 3 duties (lovkrav) versus guidance-level gaps', () => {
  const m = base.memberships[0];
  const withCaps = (capabilities: (typeof ALL_CAPS)[number][]) =>
    facts({ memberships: [{ ...m, centre: { ...m.centre, capabilities } }] });
  it.each<[string, string[], FindingCode | null, Severity | null, FindingCode | null, string, BasisKind | null]>([
    // lacking, statutory code, its severity, guidance code, words in the reason, basis of the statutory finding
    [
      'separate shelter for men',
      ['MEN_SEPARATE'],
      'STATUTORY_REQUIREMENT',
      'CRITICAL',
      null,
      'fysisk atskilt botilbud',
      'LAW',
    ],
    ['children', ['CHILDREN'], 'STATUTORY_REQUIREMENT', 'CRITICAL', null, 'tilrettelegging for barn', 'LAW'],
    ['disability', ['DISABILITY_ACCESS'], 'STATUTORY_REQUIREMENT', 'CRITICAL', null, 'funksjonsnedsettelse', 'LAW'],
    ['interpreter', ['INTERPRETER'], 'STATUTORY_REQUIREMENT', 'CRITICAL', null, 'kvalifisert tolk', 'LAW'],
    ['Sami language', ['SAMI_LANGUAGE'], null, null, 'MISSING_CAPABILITY', 'samiske rettigheter skal ivaretas', null],
    ['substance use', ['SUBSTANCE_USE'], null, null, 'MISSING_CAPABILITY', 'Ikke et lovkrav', null],
    [
      'interpreter and substance use',
      ['INTERPRETER', 'SUBSTANCE_USE'],
      'STATUTORY_REQUIREMENT',
      'CRITICAL',
      'MISSING_CAPABILITY',
      'kvalifisert tolk',
      'LAW',
    ],
  ])('lacking %s', (_name, lacking, statutory, severity, guidance, words, basis) => {
    const found = coverageFindings(withCaps(without(...lacking)), '2026-12-07');
    const s = found.find((f) => f.code === 'STATUTORY_REQUIREMENT');
    const g = found.find((f) => f.code === 'MISSING_CAPABILITY');
    expect(s?.code ?? null).toBe(statutory);
    expect(s?.severity ?? null).toBe(severity);
    expect(s?.basis.kind ?? null).toBe(basis);
    expect(g?.code ?? null).toBe(guidance);
    if (g) expect([g.severity, g.basis.kind]).toEqual(['INFO', 'GUIDANCE']);
    expect([s?.reason.nb, g?.reason.nb].join(' ')).toContain(words);
    if (s) {
      expect(s.reason.nb).toMatch(/^Lovkrav: /);
      expect(s.reason.nb).toContain('likeverdig, alternativt tilbud');
      expect(s.basis.ref).toContain('krisesenterlova § 3');
      expect(s.basis.ref).toContain('Prop. 122 L (2024–2025)');
    }
  });

  it('a statutory gap is more severe than a guidance gap', () => {
    const found = coverageFindings(withCaps(without('INTERPRETER', 'SAMI_LANGUAGE')), '2026-12-07');
    expect(found.map((f) => [f.code, f.severity])).toEqual([
      ['STATUTORY_REQUIREMENT', 'CRITICAL'],
      ['MISSING_CAPABILITY', 'INFO'],
    ]);
  });
});

describe("re-establishment follow-up is the municipality's duty", () => {
  const m = base.memberships[0];
  const noFollowUp = {
    ...m,
    centre: { ...m.centre, services: ['SHELTER', 'DAY_SERVICE', 'PHONE_SERVICE'] as ServiceElement[] },
  };
  it.each<[string, Partial<CoverageFacts>, Severity, string]>([
    ['routine and key contacts carry it', {}, 'INFO', 'har rutine og kontakter'],
    ['no routine', { routines: [] }, 'WARNING', 'ingen overgangsrutine'],
    [
      'routine, but no NAV contact',
      { agencies: base.agencies.map((a) => (a.kind === 'NAV' ? { ...a, activeContacts: 0 } : a)) },
      'WARNING',
      'kontakter i nøkkeltjenestene mangler',
    ],
  ])('unticked on the centre, %s → %s, never critical', (_name, over, severity, words) => {
    const found = coverageFindings(facts({ memberships: [noFollowUp], ...over }), '2026-07-15');
    const f = found.find((x) => x.code === 'FOLLOW_UP_BY_MUNICIPALITY')!;
    expect(f.severity).toBe(severity);
    expect(f.reason.nb).toContain(words);
    expect(f.basis).toEqual({
      kind: 'LAW',
      code: 'LAW_2_4_FOLLOW_UP',
      ref: expect.stringContaining('§ 4 (samordning; i samarbeid med andre tjenester'),
    });
    expect(found.filter((x) => x.code === 'MISSING_SERVICE')).toEqual([]);
  });

  it('the other § 2 elements stay critical lovkrav on the centre', () => {
    const f = coverageFindings(
      facts({ memberships: [{ ...m, centre: { ...m.centre, services: ['SHELTER', 'FOLLOW_UP'] } }] }),
      '2026-07-15',
    ).find((x) => x.code === 'MISSING_SERVICE')!;
    expect(f.severity).toBe('CRITICAL');
    expect(f.reason.nb).toMatch(/^Lovkrav: /);
    expect(f.reason.nb).not.toMatch(/oppfølging/i);
  });
});

describe('documented memberships (facts with provenance, not agreements)', () => {
  const nothing = { memberships: [], routines: [], agencies: [], contactPoint: null };
  const doc = (
    over: Partial<NonNullable<CoverageFacts['documented']>> = {},
  ): NonNullable<CoverageFacts['documented']> => ({
    centreId: 'c1',
    centreName: 'Krisesenteret i Salten',
    role: 'partner',
    sourceDate: '2023',
    confidence: 'HIGH',
    marked: false,
    evidence: 'Høy sikkerhet',
    ...over,
  });
  it.each<[string, Partial<CoverageFacts>, [FindingCode, Severity][]]>([
    ['documented only, firm evidence', { ...nothing, documented: doc() }, [['DOCUMENTED_MEMBERSHIP', 'INFO']]],
    [
      'documented only, weak evidence',
      {
        ...nothing,
        documented: doc({ confidence: 'WEAK', marked: true, evidence: 'Svak sikkerhet; kilden er fra 2012' }),
      },
      [
        ['DOCUMENTED_MEMBERSHIP', 'INFO'],
        ['WEAK_EVIDENCE', 'INFO'],
      ],
    ],
    ['documented and an agreement with the same centre', { documented: doc() }, []],
    [
      'documented, contacts registered but no agreement: no critical «no agreement»',
      { memberships: [], documented: doc() },
      [['DOCUMENTED_MEMBERSHIP', 'INFO']],
    ],
    ['nothing at all', { ...nothing, documented: null }, [['NOT_REGISTERED', 'INFO']]],
  ])('%s', (_name, over, expected) => {
    const found = coverageFindings(facts(over), '2026-07-15');
    expect(
      found
        .filter((f) =>
          ['DOCUMENTED_MEMBERSHIP', 'WEAK_EVIDENCE', 'NOT_REGISTERED', 'NO_ACTIVE_AGREEMENT'].includes(f.code),
        )
        .map((f) => [f.code, f.severity]),
    ).toEqual(expected);
  });

  it('says an undated source in English in the English reasons, the recorded words in bokmål', () => {
    const f = facts({
      ...nothing,
      documented: doc({ sourceDate: 'udatert (etter 2020)', confidence: 'MEDIUM', marked: true, evidence: 'x' }),
    });
    const [documented, weak] = coverageFindings(f, '2026-07-15');
    expect(documented.reason.en).toContain('A public source (undated (after 2020)) says');
    expect(documented.reason.nb).toContain('En offentlig kilde (udatert (etter 2020)) sier');
    expect(weak.reason.en).toContain('source date: undated (after 2020)');
    expect(weak.reason.en).not.toMatch(/udatert|etter/);
  });

  it('documented only is its own state, distinct from «ikke registrert»', () => {
    const f = facts({ ...nothing, documented: doc() });
    expect(isNotRegistered(f)).toBe(false);
    expect(isDocumentedOnly(f)).toBe(true);
    expect(coverageFindings(f, '2026-07-15')[0].reason.nb).toBe(
      'En offentlig kilde (2023) sier at Fauske er samarbeidskommune for Krisesenteret i Salten. Avtalen er ikke registrert i Samordna.',
    );
  });
});

describe('contact gaps (what a gap tag names)', () => {
  it.each([
    ['none', base.agencies, [], 0],
    ['no NAV contact', base.agencies.map((a) => (a.kind === 'NAV' ? { ...a, activeContacts: 0 } : a)), ['NAV'], 0],
    ['no housing office at all', base.agencies.filter((a) => a.kind !== 'HOUSING_OFFICE'), ['HOUSING_OFFICE'], 0],
    [
      'stale contacts summed over agencies',
      base.agencies.map((a, i) => ({ ...a, staleContacts: i < 2 ? 2 : 0 })),
      [],
      4,
    ],
  ] as const)('%s', (_, agencies, missingKinds, staleCount) => {
    const f = facts({ agencies: [...agencies] });
    expect(contactGaps(f)).toEqual({ missingKinds, staleCount });
    // The findings agree with the gaps they name.
    expect(codes(f).includes('NO_KEY_CONTACT')).toBe(missingKinds.length > 0);
    expect(codes(f).includes('STALE_CONTACTS')).toBe(staleCount > 0);
  });
});
