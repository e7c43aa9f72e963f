import { canAdminister, canManageAgreement, canManageCentre, canManageFinance, canManageMunicipalityContacts, canManageRoutine, type Grant } from './permissions';

const ADMIN: Grant[] = [{ role: 'ADMIN' }];
const BODO_DIRECTOR: Grant[] = [{ role: 'DIRECTOR', kommunenummer: '1804' }];
const FAUSKE_DIRECTOR: Grant[] = [{ role: 'DIRECTOR', kommunenummer: '1841' }];
const BODO_FINANCE: Grant[] = [{ role: 'FINANCE', kommunenummer: '1804' }];
const SALTEN_LEADER: Grant[] = [{ role: 'CENTRE_LEADER', centreId: 'salten' }];
const READER: Grant[] = [{ role: 'READ_ONLY', kommunenummer: null }];
const BOTH: Grant[] = [...FAUSKE_DIRECTOR, ...BODO_FINANCE];

describe('permissions', () => {
  const agreement = { hostKommunenummer: '1804', partyKommunenummer: ['1804', '1841'] };
  it.each([
    ['admin', ADMIN, true],
    ['host director', BODO_DIRECTOR, true],
    ['partner director', FAUSKE_DIRECTOR, true],
    ['other director', [{ role: 'DIRECTOR', kommunenummer: '5001' }] as Grant[], false],
    ['finance', BODO_FINANCE, false],
    ['centre leader', SALTEN_LEADER, false],
    ['read-only', READER, false],
    ['nobody', [], false],
  ])('agreement: %s → %p', (_n, grants, ok) => expect(canManageAgreement(grants, agreement)).toBe(ok));

  it.each([
    ['admin', ADMIN, '1841', true],
    ['own director', FAUSKE_DIRECTOR, '1841', true],
    ['other director (Bodø cannot edit Fauske)', BODO_DIRECTOR, '1841', false],
    ['leader of a centre it belongs to', SALTEN_LEADER, '1841', true],
    ['leader, not a member', SALTEN_LEADER, '5001', false],
    ['finance', BODO_FINANCE, '1804', false],
    ['read-only', READER, '1841', false],
  ])('contacts: %s → %p', (_n, grants, knr, ok) => expect(canManageMunicipalityContacts(grants, knr, knr === '5001' ? [] : ['salten'])).toBe(ok));

  it.each([
    [ADMIN, true],
    [SALTEN_LEADER, true],
    [FAUSKE_DIRECTOR, true],
    [BODO_DIRECTOR, false],
    [BODO_FINANCE, false],
  ])('routine Salten × Fauske: %p → %p', (grants, ok) => expect(canManageRoutine(grants, { centreId: 'salten', kommunenummer: '1841' })).toBe(ok));

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
