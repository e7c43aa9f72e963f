import { amendmentOutcome, approvalsNeeded } from './amendments';

describe('amendments', () => {
  const parties = [
    { kommunenummer: '1804', role: 'HOST' as const, joinedOn: null, leftOn: null },
    { kommunenummer: '1841', role: 'PARTNER' as const, joinedOn: '2017-01-01', leftOn: null },
    { kommunenummer: '1838', role: 'PARTNER' as const, joinedOn: null, leftOn: '2027-06-30' },
    { kommunenummer: '1845', role: 'PARTNER' as const, joinedOn: null, leftOn: '2026-12-31' },
    { kommunenummer: '1848', role: 'PARTNER' as const, joinedOn: '2027-03-01', leftOn: null },
  ];

  it('asks every partner still a party on the effective day, the joining and the leaving; never the host', () => {
    expect(approvalsNeeded(parties, '2027-01-01', ['3901'], ['1841'])).toEqual([
      { kommunenummer: '1838', role: 'PARTNER' },
      { kommunenummer: '1841', role: 'LEAVING' },
      { kommunenummer: '1848', role: 'PARTNER' },
      { kommunenummer: '3901', role: 'JOINING' },
    ]);
  });

  it('a partner that has left before the change is not asked', () => {
    expect(approvalsNeeded(parties, '2027-07-01', [], []).map((a) => a.kommunenummer)).toEqual(['1841', '1848']);
  });

  it.each([
    [['APPROVED', 'APPROVED'], 'APPROVED'],
    [['APPROVED', 'PENDING'], 'WAITING'],
    [['APPROVED', 'REJECTED', 'PENDING'], 'REJECTED'],
    [[], 'APPROVED'],
  ] as const)('outcome of %p is %s', (decisions, outcome) => expect(amendmentOutcome(decisions)).toBe(outcome));
});
