import fc from 'fast-check';
import { AGREEMENT_STATUSES, type AgreementStatus } from './agreement-status';
import { addDaysIso } from './dates';
import {
  agreementBindsOn,
  centreMembersOn,
  centresOfMunicipalityOn,
  isMemberDuring,
  isMemberOn,
  membershipSql,
  type CentreMembershipFacts,
} from './membership';

const BASE = '2026-01-01';
const SPAN = 40; // days 0..39
const day = (n: number) => addDaysIso(BASE, n);

describe('membership on a day: table', () => {
  const active = { status: 'ACTIVE' as AgreementStatus, validFrom: null, endedOn: null };
  it.each([
    ['an active agreement, open party', active, { joinedOn: null, leftOn: null }, '2026-05-01', true],
    ['joined that day', active, { joinedOn: '2026-05-01', leftOn: null }, '2026-05-01', true],
    ['joins the day after', active, { joinedOn: '2026-05-02', leftOn: null }, '2026-05-01', false],
    [
      'leaves that day (the last day as a member)',
      active,
      { joinedOn: null, leftOn: '2026-05-01' },
      '2026-05-01',
      true,
    ],
    ['left the day before', active, { joinedOn: null, leftOn: '2026-04-30' }, '2026-05-01', false],
    [
      'a draft never makes a member',
      { ...active, status: 'DRAFT' as AgreementStatus },
      { joinedOn: null, leftOn: null },
      '2026-05-01',
      false,
    ],
    [
      'under negotiation neither',
      { ...active, status: 'NEGOTIATING' as AgreementStatus },
      { joinedOn: null, leftOn: null },
      '2026-05-01',
      false,
    ],
    [
      'notice given still binds',
      { ...active, status: 'NOTICE_GIVEN' as AgreementStatus },
      { joinedOn: null, leftOn: null },
      '2026-05-01',
      true,
    ],
    [
      'disputed still binds',
      { ...active, status: 'DISPUTED' as AgreementStatus },
      { joinedOn: null, leftOn: null },
      '2026-05-01',
      true,
    ],
    [
      'ended, before its end date',
      { status: 'ENDED' as AgreementStatus, validFrom: null, endedOn: '2026-06-30' },
      { joinedOn: null, leftOn: null },
      '2026-05-01',
      true,
    ],
    [
      'ended, after its end date',
      { status: 'ENDED' as AgreementStatus, validFrom: null, endedOn: '2026-04-30' },
      { joinedOn: null, leftOn: null },
      '2026-05-01',
      false,
    ],
    [
      'ended with no known end date binds no day',
      { status: 'ENDED' as AgreementStatus, validFrom: null, endedOn: null },
      { joinedOn: null, leftOn: null },
      '2026-05-01',
      false,
    ],
    [
      'an active agreement replaced by a new version from the next day',
      { ...active, endedOn: '2026-04-30' },
      { joinedOn: null, leftOn: null },
      '2026-05-01',
      false,
    ],
    [
      'an active agreement until its end date',
      { ...active, endedOn: '2026-05-01' },
      { joinedOn: null, leftOn: null },
      '2026-05-01',
      true,
    ],
    [
      'an active agreement not yet valid',
      { ...active, validFrom: '2027-01-01' },
      { joinedOn: null, leftOn: null },
      '2026-05-01',
      false,
    ],
  ])('%s → %p', (_name, a, p, d, expected) => expect(isMemberOn(a, p, d)).toBe(expected));

  it('the host is a member of its own centre without any agreement', () => {
    const facts: CentreMembershipFacts = {
      centres: [{ id: 'c', hostKommunenummer: '1804' }],
      agreements: [],
      parties: [],
    };
    expect([...centreMembersOn(facts, BASE).get('c')!]).toEqual(['1804']);
    expect(centresOfMunicipalityOn(facts, '1804', BASE)).toEqual(['c']);
    expect(centresOfMunicipalityOn(facts, '1841', BASE)).toEqual([]);
  });
});

// ---- property: the rule against a brute-force definition over generated party histories ----

const statusArb = fc.constantFrom(...AGREEMENT_STATUSES);
const optDay = fc.option(fc.integer({ min: 0, max: SPAN - 1 }), { nil: null });
interface History {
  agreements: { centre: number; status: AgreementStatus; validFrom: number | null; endedOn: number | null }[];
  parties: { agreement: number; knr: string; joined: number | null; left: number | null }[];
}
const historyArb: fc.Arbitrary<History> = fc.record({
  agreements: fc.array(
    fc.record({ centre: fc.integer({ min: 0, max: 2 }), status: statusArb, validFrom: optDay, endedOn: optDay }),
    { maxLength: 6 },
  ),
  parties: fc.array(
    fc.record({
      agreement: fc.nat(),
      knr: fc.constantFrom('1804', '1841', '1833', '1838'),
      joined: optDay,
      left: optDay,
    }),
    { maxLength: 14 },
  ),
});

/**
 * Brute force: the set of day numbers on which each (agreement, party) pair makes a member,
 * built by walking every day and asking only the plainest questions, with day numbers instead
 * of dates and no shared helper.
 */
function bruteForceMembers(h: History, d: number): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>([0, 1, 2].map((c) => [c, new Set([`host${c}`])]));
  h.parties.forEach((p) => {
    if (h.agreements.length === 0) return;
    const a = h.agreements[p.agreement % h.agreements.length];
    const bindingDays = new Set<number>();
    for (let x = 0; x < SPAN; x++) {
      const started = a.validFrom === null || a.validFrom <= x;
      const notEnded = a.endedOn === null || x <= a.endedOn;
      const live =
        ['ACTIVE', 'NOTICE_GIVEN', 'DISPUTED'].includes(a.status) || (a.status === 'ENDED' && a.endedOn !== null);
      if (started && notEnded && live) bindingDays.add(x);
    }
    const partyDays = new Set<number>();
    for (let x = 0; x < SPAN; x++)
      if ((p.joined === null || p.joined <= x) && (p.left === null || x <= p.left)) partyDays.add(x);
    if (bindingDays.has(d) && partyDays.has(d)) out.get(a.centre)!.add(p.knr);
  });
  return out;
}

function toFacts(h: History): CentreMembershipFacts {
  const dayOrNull = (n: number | null) => (n === null ? null : day(n));
  return {
    centres: [0, 1, 2].map((c) => ({ id: `centre${c}`, hostKommunenummer: `host${c}` })),
    agreements: h.agreements.map((a, i) => ({
      id: `a${i}`,
      centreId: `centre${a.centre}`,
      status: a.status,
      validFrom: dayOrNull(a.validFrom),
      endedOn: dayOrNull(a.endedOn),
    })),
    parties: h.agreements.length
      ? h.parties.map((p) => ({
          agreementId: `a${p.agreement % h.agreements.length}`,
          kommunenummer: p.knr,
          joinedOn: dayOrNull(p.joined),
          leftOn: dayOrNull(p.left),
        }))
      : [],
  };
}

describe('membership on a day: property against brute force', () => {
  it('centreMembersOn agrees with the day-by-day definition on every day', () => {
    fc.assert(
      fc.property(historyArb, fc.integer({ min: 0, max: SPAN - 1 }), (h, d) => {
        const fast = centreMembersOn(toFacts(h), day(d));
        const slow = bruteForceMembers(h, d);
        for (const c of [0, 1, 2]) expect([...fast.get(`centre${c}`)!].sort()).toEqual([...slow.get(c)!].sort());
      }),
      { numRuns: 400 },
    );
  });

  it('centresOfMunicipalityOn is the inverse view of centreMembersOn', () => {
    fc.assert(
      fc.property(
        historyArb,
        fc.integer({ min: 0, max: SPAN - 1 }),
        fc.constantFrom('1804', '1841', '1833', '1838', 'host1'),
        (h, d, knr) => {
          const facts = toFacts(h);
          const members = centreMembersOn(facts, day(d));
          const expected = [...members].filter(([, s]) => s.has(knr)).map(([id]) => id);
          expect(centresOfMunicipalityOn(facts, knr, day(d)).sort()).toEqual(expected.sort());
        },
      ),
    );
  });

  it('drafts, negotiations and proposals never widen anyone: changing such an agreement changes no membership', () => {
    fc.assert(
      fc.property(historyArb, fc.integer({ min: 0, max: SPAN - 1 }), (h, d) => {
        const facts = toFacts(h);
        const before = centreMembersOn(facts, day(d));
        const status = (['DRAFT', 'NEGOTIATING'] as const)[d % 2];
        const after = centreMembersOn(
          {
            ...facts,
            agreements: [
              ...facts.agreements,
              { id: 'draft', centreId: 'centre0', status, validFrom: null, endedOn: null },
            ],
            parties: [...facts.parties, { agreementId: 'draft', kommunenummer: '9999', joinedOn: null, leftOn: null }],
          },
          day(d),
        );
        expect(after).toEqual(before);
      }),
    );
  });

  it('isMemberDuring is «a member on some day of the range»', () => {
    fc.assert(
      fc.property(
        statusArb,
        optDay,
        optDay,
        optDay,
        optDay,
        fc.integer({ min: 0, max: SPAN - 1 }),
        fc.integer({ min: 0, max: SPAN - 1 }),
        (status, vf, eo, j, l, x, y) => {
          const [from, to] = x <= y ? [x, y] : [y, x];
          const a = { status, validFrom: vf === null ? null : day(vf), endedOn: eo === null ? null : day(eo) };
          const p = { joinedOn: j === null ? null : day(j), leftOn: l === null ? null : day(l) };
          let some = false;
          for (let d = from; d <= to; d++) some = some || isMemberOn(a, p, day(d));
          expect(isMemberDuring(a, p, day(from), day(to))).toBe(some);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('agreementBindsOn never holds before validFrom', () => {
    fc.assert(
      fc.property(statusArb, fc.integer({ min: 1, max: SPAN - 1 }), optDay, (status, from, ended) => {
        expect(
          agreementBindsOn(
            { status, validFrom: day(from), endedOn: ended === null ? null : day(ended) },
            day(from - 1),
          ),
        ).toBe(false);
      }),
    );
  });
});

describe('membershipSql', () => {
  it('names the binding statuses and both period bounds', () => {
    const sql = membershipSql('p', 'a', '$2');
    expect(sql).toContain("a.status IN ('ACTIVE', 'NOTICE_GIVEN', 'DISPUTED')");
    expect(sql).toContain('p.left_on >= ($2)::date');
    expect(sql).toContain("a.status = 'ENDED' AND a.ended_on IS NOT NULL");
    expect(sql).toContain('a.ended_on >= ($2)::date');
  });
});
