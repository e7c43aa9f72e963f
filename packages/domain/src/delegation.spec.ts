import {
  canGrant,
  canManageUser,
  grantableRoles,
  grantShapeProblem,
  mayAdministerUsers,
  requiresTotp,
} from './delegation';
import type { Grant } from './permissions';

const hostOf = (id: string) => ({ salten: '1804', vestfold: '3905' })[id] ?? null;
const ADMIN: Grant[] = [{ role: 'ADMIN' }];
const DIRECTOR_BODO: Grant[] = [{ role: 'DIRECTOR', kommunenummer: '1804' }];
const DIRECTOR_FAUSKE: Grant[] = [{ role: 'DIRECTOR', kommunenummer: '1841' }];
const FINANCE_BODO: Grant[] = [{ role: 'FINANCE', kommunenummer: '1804' }];
const LEADER: Grant[] = [{ role: 'CENTRE_LEADER', centreId: 'salten' }];
const READER: Grant[] = [{ role: 'READ_ONLY', kommunenummer: null }];

describe('delegation within scope: nobody grants wider than their own', () => {
  const cases: [string, Grant[], Grant, boolean][] = [
    ['admin → admin', ADMIN, { role: 'ADMIN' }, true],
    ['admin → director anywhere', ADMIN, { role: 'DIRECTOR', kommunenummer: '5001' }, true],
    ['admin → reader of all', ADMIN, { role: 'READ_ONLY', kommunenummer: null }, true],
    ['director → reader of own municipality', DIRECTOR_BODO, { role: 'READ_ONLY', kommunenummer: '1804' }, true],
    ['director → finance of own municipality', DIRECTOR_BODO, { role: 'FINANCE', kommunenummer: '1804' }, true],
    ['host director → leader of the hosted centre', DIRECTOR_BODO, { role: 'CENTRE_LEADER', centreId: 'salten' }, true],
    [
      'partner director → leader of a centre it does not host',
      DIRECTOR_FAUSKE,
      { role: 'CENTRE_LEADER', centreId: 'salten' },
      false,
    ],
    ['director → leader of an unknown centre', DIRECTOR_BODO, { role: 'CENTRE_LEADER', centreId: 'nowhere' }, false],
    ['director → reader of another municipality', DIRECTOR_BODO, { role: 'READ_ONLY', kommunenummer: '1841' }, false],
    ['director → reader of all', DIRECTOR_BODO, { role: 'READ_ONLY', kommunenummer: null }, false],
    ['director → finance of another municipality', DIRECTOR_BODO, { role: 'FINANCE', kommunenummer: '1841' }, false],
    ['director → director (own)', DIRECTOR_BODO, { role: 'DIRECTOR', kommunenummer: '1804' }, false],
    ['director → admin', DIRECTOR_BODO, { role: 'ADMIN' }, false],
    ['finance → reader', FINANCE_BODO, { role: 'READ_ONLY', kommunenummer: '1804' }, false],
    ['leader → reader', LEADER, { role: 'READ_ONLY', kommunenummer: '1804' }, false],
    ['reader → reader', READER, { role: 'READ_ONLY', kommunenummer: '1804' }, false],
    ['nobody → reader', [], { role: 'READ_ONLY', kommunenummer: '1804' }, false],
  ];
  it.each(cases)('%s → %p', (_what, actor, grant, allowed) => {
    expect(canGrant(actor, grant, hostOf)).toBe(allowed);
  });
});

describe('managing an existing user', () => {
  const target = (grants: Grant[]) => ({ id: 'u2', grants });
  it.each([
    ['admin manages anyone', ADMIN, target(ADMIN), true],
    ['admin manages a user without grants', ADMIN, target([]), true],
    ['director manages own finance user', DIRECTOR_BODO, target(FINANCE_BODO), true],
    ['director manages the hosted centre leader', DIRECTOR_BODO, target(LEADER), true],
    ['director does not manage another director', DIRECTOR_BODO, target(DIRECTOR_FAUSKE), false],
    [
      'director does not manage a user with one grant out of reach',
      DIRECTOR_BODO,
      target([...FINANCE_BODO, { role: 'READ_ONLY', kommunenummer: null }]),
      false,
    ],
    ['director does not manage a user without grants', DIRECTOR_BODO, target([]), false],
    ['reader manages nobody', READER, target(FINANCE_BODO), false],
  ] as [string, Grant[], { id: string; grants: Grant[] }, boolean][])('%s → %p', (_what, actor, t, allowed) => {
    expect(canManageUser(actor, 'u1', t, hostOf)).toBe(allowed);
  });

  it('nobody manages themselves here, not even an administrator', () => {
    expect(canManageUser(ADMIN, 'u1', { id: 'u1', grants: ADMIN }, hostOf)).toBe(false);
  });
});

describe('grant shape', () => {
  it.each([
    [{ role: 'ADMIN' }, null],
    [{ role: 'ADMIN', kommunenummer: '1804' }, 'kommunenummer'],
    [{ role: 'DIRECTOR' }, 'kommunenummer'],
    [{ role: 'FINANCE', kommunenummer: '1804' }, null],
    [{ role: 'CENTRE_LEADER' }, 'centreId'],
    [{ role: 'CENTRE_LEADER', centreId: 'salten', kommunenummer: '1804' }, 'kommunenummer'],
    [{ role: 'READ_ONLY' }, null],
    [{ role: 'READ_ONLY', centreId: 'salten' }, 'centreId'],
  ] as [Grant, string | null][])('%p → problem in %p', (g, field) => {
    expect(grantShapeProblem(g)?.field ?? null).toBe(field);
  });
});

it('who may administer users, which roles they may offer, who must use TOTP', () => {
  expect([ADMIN, DIRECTOR_BODO, FINANCE_BODO, LEADER, READER, []].map(mayAdministerUsers)).toEqual([
    true,
    true,
    false,
    false,
    false,
    false,
  ]);
  expect(grantableRoles(DIRECTOR_BODO)).toEqual(['READ_ONLY', 'FINANCE', 'CENTRE_LEADER']);
  expect(grantableRoles(FINANCE_BODO)).toEqual([]);
  expect([ADMIN, DIRECTOR_BODO, READER].map(requiresTotp)).toEqual([true, false, false]);
});
