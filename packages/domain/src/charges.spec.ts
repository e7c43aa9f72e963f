import { canSeeStayCharges, chargeTotalIsPublic } from './charges';
import type { Grant } from './permissions';

describe('who sees extra charges in full', () => {
  const cases: [string, Grant[], boolean][] = [
    ['national administrator', [{ role: 'ADMIN' }], true],
    ['finance of the host', [{ role: 'FINANCE', kommunenummer: '1804' }], true],
    ['director of the paying municipality', [{ role: 'DIRECTOR', kommunenummer: '1841' }], true],
    ['director of the host', [{ role: 'DIRECTOR', kommunenummer: '1804' }], false],
    ['director of another partner', [{ role: 'DIRECTOR', kommunenummer: '1840' }], false],
    ['finance of the paying municipality', [{ role: 'FINANCE', kommunenummer: '1841' }], false],
    ['centre leader', [{ role: 'CENTRE_LEADER', centreId: 'c1' }], false],
    ['reader of everything', [{ role: 'READ_ONLY', kommunenummer: null }], false],
    ['reader of the paying municipality', [{ role: 'READ_ONLY', kommunenummer: '1841' }], false],
    ['anonymous', [], false],
  ];
  it.each(cases)('%s → %p', (_who, grants, allowed) => {
    expect(canSeeStayCharges(grants, '1804', '1841')).toBe(allowed);
  });
});

describe('when the public may see a yearly total', () => {
  it.each([
    [{ value: 12, suppressed: false }, true],
    [{ value: 5, suppressed: false }, true],
    [{ value: null, suppressed: true }, false],
    [{ value: 0, suppressed: false }, false],
    [null, false],
    [undefined, false],
  ])('stays %p → %p', (stays, visible) => {
    expect(chargeTotalIsPublic(stays)).toBe(visible);
  });
});
