import {
  canActForMunicipality,
  canAdminister,
  canImportContacts,
  canAdministerAgreement,
  canManageCentre,
  canProposeAmendment,
  canReadAgreementHistory,
  canSetCostTerms,
  canManageFinance,
  canManageMunicipalityContacts,
  canManageRoutine,
  type Grant,
} from './permissions';

const ADMIN: Grant[] = [{ role: 'ADMIN' }];
const BODO_DIRECTOR: Grant[] = [{ role: 'DIRECTOR', kommunenummer: '1804' }];
const FAUSKE_DIRECTOR: Grant[] = [{ role: 'DIRECTOR', kommunenummer: '1841' }];
const BODO_FINANCE: Grant[] = [{ role: 'FINANCE', kommunenummer: '1804' }];
const SALTEN_LEADER: Grant[] = [{ role: 'CENTRE_LEADER', centreId: 'salten' }];
const READER: Grant[] = [{ role: 'READ_ONLY', kommunenummer: null }];
const BOTH: Grant[] = [...FAUSKE_DIRECTOR, ...BODO_FINANCE];

describe('permissions', () => {
  const agreement = { hostKommunenummer: '1804', partyKommunenummer: ['1804', '1841'] };
  const OTHER_DIRECTOR = [{ role: 'DIRECTOR', kommunenummer: '5001' }] as Grant[];
  // role × action for an agreement of a centre hosted by Bodø with Fauske as a partner
  it.each([
    //                              administer  propose(any) propose(cost) act for Fauske  cost terms  history
    ['admin', ADMIN, [true, true, true, true, true, true]],
    ['host director', BODO_DIRECTOR, [true, true, true, false, true, true]],
    ['partner director', FAUSKE_DIRECTOR, [false, false, false, true, false, true]],
    ['other director', OTHER_DIRECTOR, [false, false, false, false, false, false]],
    ['host finance', BODO_FINANCE, [false, false, true, false, true, true]],
    ['centre leader', SALTEN_LEADER, [false, false, false, false, false, false]],
    ['read-only', READER, [false, false, false, false, false, false]],
    ['nobody', [] as Grant[], [false, false, false, false, false, false]],
  ] as [string, Grant[], boolean[]][])('agreement as a contract: %s', (_n, grants, expected) => {
    expect([
      canAdministerAgreement(grants, agreement),
      canProposeAmendment(grants, agreement, false),
      canProposeAmendment(grants, agreement, true),
      canActForMunicipality(grants, '1841'),
      canSetCostTerms(grants, '1804'),
      canReadAgreementHistory(grants, agreement),
    ]).toEqual(expected);
  });

  it.each([
    ['admin', ADMIN, '1841', true],
    ['own director', FAUSKE_DIRECTOR, '1841', true],
    ['other director (Bodø cannot edit Fauske)', BODO_DIRECTOR, '1841', false],
    ['leader of a centre it belongs to', SALTEN_LEADER, '1841', true],
    ['leader, not a member', SALTEN_LEADER, '5001', false],
    ['finance', BODO_FINANCE, '1804', false],
    ['read-only', READER, '1841', false],
  ])('contacts: %s → %p', (_n, grants, knr, ok) =>
    expect(canManageMunicipalityContacts(grants, knr, knr === '5001' ? [] : ['salten'])).toBe(ok),
  );

  it.each([
    [ADMIN, true],
    [SALTEN_LEADER, true],
    [FAUSKE_DIRECTOR, true],
    [BODO_DIRECTOR, false],
    [BODO_FINANCE, false],
  ])('routine Salten × Fauske: %p → %p', (grants, ok) =>
    expect(canManageRoutine(grants, { centreId: 'salten', kommunenummer: '1841' })).toBe(ok),
  );

  it.each([
    [ADMIN, true],
    [BODO_FINANCE, true],
    [[{ role: 'FINANCE', kommunenummer: '1841' }] as Grant[], false],
    [BODO_DIRECTOR, false],
    [BOTH, true],
  ])('finance of a Bodø-hosted centre: %p → %p', (grants, ok) => expect(canManageFinance(grants, '1804')).toBe(ok));

  it('centre details: leader or host director; creating centres: admin only', () => {
    expect(canManageCentre(SALTEN_LEADER, { id: 'salten', hostKommunenummer: '1804' })).toBe(true);
    expect(canManageCentre(BODO_DIRECTOR, { id: 'salten', hostKommunenummer: '1804' })).toBe(true);
    expect(canManageCentre(FAUSKE_DIRECTOR, { id: 'salten', hostKommunenummer: '1804' })).toBe(false);
    expect(canAdminister(ADMIN)).toBe(true);
    expect(canAdminister(SALTEN_LEADER)).toBe(false);
  });
});

it.each([
  [[{ role: 'ADMIN' }], true],
  [[{ role: 'DIRECTOR', kommunenummer: '1804' }], true],
  [[{ role: 'CENTRE_LEADER', centreId: 'c1' }], true],
  [[{ role: 'FINANCE', kommunenummer: '1804' }], false],
  [[], false],
] as [Grant[], boolean][])('canImportContacts(%j) = %s', (grants, allowed) =>
  expect(canImportContacts(grants)).toBe(allowed),
);
