import { coverageFindings, DEFAULT_COVERAGE_CONFIG, worstSeverity, type CoverageFacts, type FindingCode } from './coverage';
import { nextDeadline, type AgreementTerms } from './deadlines';
import { greatCircleKm } from './geo';

const TERMS: AgreementTerms = { validFrom: '2020-01-01', validTo: null, autoRenew: true, renewalMonths: null, noticeMonths: 6, noticeRunsTo: 'CALENDAR_YEAR' };
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
          capabilities: ['MEN_SEPARATE', 'CHILDREN', 'DISABILITY_ACCESS', 'SUBSTANCE_USE', 'SAMI_LANGUAGE', 'INTERPRETER'],
          hostPoint: BODO,
          hostName: 'Bodø',
        },
      },
    ],
    routines: [{ id: 'r1', centreId: 'c1', status: 'ADOPTED', reviewDueOn: '2027-01-01' }],
    agencies: (['NAV', 'BARNEVERN', 'POLICE', 'HOUSING_OFFICE', 'HEALTH_STATION_SCHOOL_HEALTH'] as const).map((kind) => ({
      kind,
      agencyIds: [`ag-${kind}`],
      label: kind,
      writtenAgreement: true,
      activeContacts: 1,
      staleContacts: 0,
    })),
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
    const f = coverageFindings(facts({ memberships: [], routines: [], agencies: [], contactPoint: null }), '2026-03-01');
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
    ['expired fixed term', { memberships: [{ ...m, deadline: { kind: 'ENDED', nextPossibleEnd: '2025-12-31', noticeDeadline: null, daysLeft: null } }] }, 'AGREEMENT_EXPIRED', 'CRITICAL'],
    ['notice given', { memberships: [{ ...m, status: 'NOTICE_GIVEN' }] }, 'NOTICE_GIVEN', 'WARNING'],
    ['disputed', { memberships: [{ ...m, status: 'DISPUTED' }] }, 'DISPUTED', 'WARNING'],
    ['sector head signed', { memberships: [{ ...m, signingLevel: 'SECTOR_HEAD' }] }, 'NOT_SIGNED_AT_DIRECTOR_LEVEL', 'WARNING'],
    ['signer unknown', { memberships: [{ ...m, signingLevel: 'UNKNOWN' }] }, 'NOT_SIGNED_AT_DIRECTOR_LEVEL', 'INFO'],
    ['no day service', { memberships: [{ ...m, centre: { ...m.centre, services: ['SHELTER', 'PHONE_SERVICE', 'FOLLOW_UP'] } }] }, 'MISSING_SERVICE', 'CRITICAL'],
    ['no Sami', { memberships: [{ ...m, centre: { ...m.centre, capabilities: ['CHILDREN'] } }] }, 'MISSING_CAPABILITY', 'WARNING'],
    ['centre not registered', { memberships: [{ ...m, centre: { ...m.centre, services: null, capabilities: null } }] }, 'CENTRE_DETAILS_NOT_REGISTERED', 'INFO'],
    ['no routine', { routines: [] }, 'NO_ROUTINE', 'WARNING'],
    ['routine draft', { routines: [{ id: 'r1', centreId: 'c1', status: 'DRAFT', reviewDueOn: null }] }, 'ROUTINE_DRAFT', 'INFO'],
    ['review overdue', { routines: [{ id: 'r1', centreId: 'c1', status: 'ADOPTED', reviewDueOn: '2026-07-14' }] }, 'ROUTINE_REVIEW_OVERDUE', 'WARNING'],
    ['no contact point', { contactPoint: null }, 'NO_CONTACT_POINT', 'WARNING'],
    ['no NAV contact', { agencies: base.agencies.map((a) => (a.kind === 'NAV' ? { ...a, activeContacts: 0 } : a)) }, 'NO_KEY_CONTACT', 'WARNING'],
    ['no housing agency at all', { agencies: base.agencies.filter((a) => a.kind !== 'HOUSING_OFFICE') }, 'NO_KEY_CONTACT', 'WARNING'],
    ['stale contacts', { agencies: base.agencies.map((a) => (a.kind === 'POLICE' ? { ...a, staleContacts: 2 } : a)) }, 'STALE_CONTACTS', 'INFO'],
    ['no written housing agreement', { agencies: base.agencies.map((a) => (a.kind === 'HOUSING_OFFICE' ? { ...a, writtenAgreement: false } : a)) }, 'NO_WRITTEN_COOPERATION', 'INFO'],
    ['far away (a point near Tromsø)', { point: { lat: 69.65, lon: 18.96 } }, 'FAR_FROM_CENTRE', 'INFO'],
  ])('%s → %s (%s)', (_name, over, code, severity) => {
    const found = coverageFindings(facts(over), '2026-07-15').filter((f) => f.code === code);
    expect(found).toHaveLength(1);
    expect(found[0].severity).toBe(severity);
    expect(found[0].reason.nb.length).toBeGreaterThan(15);
    expect(found[0].reason.en.length).toBeGreaterThan(15);
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
    const f = coverageFindings(facts({}, '2026-03-01', terms), '2026-03-01').find((x) => x.code === 'NOTICE_DEADLINE_SOON')!;
    expect(f.reason.nb).toBe('Avtalen med Krisesenteret i Salten utløper 31.05.2026 (91 dager igjen).');
    expect(f.reason.en).toBe('The agreement with Krisesenteret i Salten expires on 2026-05-31 (91 days left).');
  });

  it('distance is a great-circle approximation and says so', () => {
    expect(greatCircleKm({ lat: 59.91, lon: 10.75 }, { lat: 60.39, lon: 5.32 })).toBeCloseTo(305, -1); // Oslo–Bergen
    const far = coverageFindings(facts({ point: { lat: 69.65, lon: 18.96 } }), '2026-07-15').find((f) => f.code === 'FAR_FROM_CENTRE')!;
    expect(far.reason.nb).toMatch(/luftlinje .* grov tilnærming/);
    const threshold = coverageFindings(facts({ point: { lat: 69.65, lon: 18.96 } }), '2026-07-15', { ...DEFAULT_COVERAGE_CONFIG, farFromCentreKm: 500 });
    expect(threshold.map((f) => f.code)).not.toContain('FAR_FROM_CENTRE');
  });

  it('findings come worst first, and worstSeverity picks the worst', () => {
    const f = coverageFindings(facts({ contactPoint: null, memberships: [{ ...m, centre: { ...m.centre, services: [] } }] }), '2026-07-15');
    expect(f[0].severity).toBe('CRITICAL');
    expect(worstSeverity(f)).toBe('CRITICAL');
  });
});
