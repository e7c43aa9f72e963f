import type { AuthUser } from '../../src/app/auth';
import { sha256 } from '../../src/modules/auth/auth.service';
import { ADMIN, createTestApp, userWith, type TestApp } from '../utils/test-app';

/**
 * The permission matrix for user administration (issue 20), beside the one in access.integration-spec.ts:
 * every user-administration mutation × every role, in scope and out of it.
 */
let app: TestApp;
let SALTEN: string;
let LEADER_SALTEN: AuthUser;
const DIRECTOR_BODO = userWith('direktor-bodo', { role: 'DIRECTOR', kommunenummer: '1804' });
const DIRECTOR_FAUSKE = userWith('direktor-fauske', { role: 'DIRECTOR', kommunenummer: '1841' });
const DIRECTOR_TRONDHEIM = userWith('direktor-trondheim', { role: 'DIRECTOR', kommunenummer: '5001' });
const FINANCE_BODO = userWith('okonomi-bodo', { role: 'FINANCE', kommunenummer: '1804' });
const READER = userWith('leser', { role: 'READ_ONLY', kommunenummer: null });

beforeAll(async () => {
  app = await createTestApp({ label: 'access_users' });
  SALTEN = (await app.ds.query(`SELECT id FROM crisis_centre WHERE seed_key = 'centre:Krisesenteret i Salten'`))[0].id;
  LEADER_SALTEN = userWith('leder-salten', { role: 'CENTRE_LEADER', centreId: SALTEN });
  // The acting users exist as accounts (an invitation names who invited, by id).
  for (const u of Object.values(USERS()))
    await app.ds.query(`INSERT INTO app_user (id, email, name) VALUES ($1, $2, $3)`, [u.id, u.email, u.name]);
});
afterAll(() => app?.close());

type Who =
  'admin' | 'directorBodo' | 'directorFauske' | 'directorTrondheim' | 'financeBodo' | 'leaderSalten' | 'reader';
const EVERYONE: Who[] = [
  'admin',
  'directorBodo',
  'directorFauske',
  'directorTrondheim',
  'financeBodo',
  'leaderSalten',
  'reader',
];
const USERS = (): Record<Who, AuthUser> => ({
  admin: ADMIN,
  directorBodo: DIRECTOR_BODO,
  directorFauske: DIRECTOR_FAUSKE,
  directorTrondheim: DIRECTOR_TRONDHEIM,
  financeBodo: FINANCE_BODO,
  leaderSalten: LEADER_SALTEN,
  reader: READER,
});

let n = 0;
const fresh = {
  /** A real user with one grant, for each call. */
  user: async (role: string, kommunenummer: string | null) => {
    const [u] = await app.ds.query(`INSERT INTO app_user (email, name) VALUES ($1, 'Matrise') RETURNING id`, [
      `matrise-${n++}@kommune.example`,
    ]);
    await app.ds.query(`INSERT INTO user_role (user_id, role, kommunenummer) VALUES ($1, $2, $3)`, [
      u.id,
      role,
      kommunenummer,
    ]);
    return u.id as string;
  },
  invitation: async (role: string, kommunenummer: string | null) => {
    const [i] = await app.ds.query(
      `INSERT INTO user_invitation (email, name, role, kommunenummer, token_hash, expires_at) VALUES ($1, 'Inv', $2, $3, $4, now() + interval '1 day') RETURNING id`,
      [`inv-${n}@kommune.example`, role, kommunenummer, sha256(`token-${n++}`)],
    );
    return i.id as string;
  },
  email: () => `ny-${n++}@kommune.example`,
};

const INVITE = `mutation($e: String!, $g: GrantInput!) { inviteUser(input: { email: $e, name: "Ny Person", grant: $g }) { invitation { id } } }`;
const MANAGERS_OF_BODO: Who[] = ['admin', 'directorBodo'];

const MATRIX: {
  name: string;
  query: string;
  vars: () => Record<string, unknown> | Promise<Record<string, unknown>>;
  allowed: Who[];
}[] = [
  {
    name: 'inviteUser (reader of Bodø)',
    query: INVITE,
    vars: () => ({ e: fresh.email(), g: { role: 'READ_ONLY', kommunenummer: '1804' } }),
    allowed: MANAGERS_OF_BODO,
  },
  {
    name: 'inviteUser (finance of Fauske)',
    query: INVITE,
    vars: () => ({ e: fresh.email(), g: { role: 'FINANCE', kommunenummer: '1841' } }),
    allowed: ['admin', 'directorFauske'],
  },
  {
    name: 'inviteUser (leader of Salten, hosted by Bodø)',
    query: INVITE,
    vars: () => ({ e: fresh.email(), g: { role: 'CENTRE_LEADER', centreId: SALTEN } }),
    allowed: MANAGERS_OF_BODO,
  },
  {
    name: 'inviteUser (director of Bodø)',
    query: INVITE,
    vars: () => ({ e: fresh.email(), g: { role: 'DIRECTOR', kommunenummer: '1804' } }),
    allowed: ['admin'],
  },
  {
    name: 'inviteUser (reader of all)',
    query: INVITE,
    vars: () => ({ e: fresh.email(), g: { role: 'READ_ONLY' } }),
    allowed: ['admin'],
  },
  {
    name: 'inviteUser (national administrator)',
    query: INVITE,
    vars: () => ({ e: fresh.email(), g: { role: 'ADMIN' } }),
    allowed: ['admin'],
  },
  {
    name: 'revokeInvitation (finance of Bodø)',
    query: `mutation($id: ID!) { revokeInvitation(id: $id) }`,
    vars: async () => ({ id: await fresh.invitation('FINANCE', '1804') }),
    allowed: MANAGERS_OF_BODO,
  },
  {
    name: 'setUserGrants (finance of Bodø → reader of Bodø)',
    query: `mutation($id: ID!) { setUserGrants(id: $id, grants: [{ role: READ_ONLY, kommunenummer: "1804" }]) { id } }`,
    vars: async () => ({ id: await fresh.user('FINANCE', '1804') }),
    allowed: MANAGERS_OF_BODO,
  },
  {
    name: 'setUserGrants (reader of Bodø → director of Bodø)',
    query: `mutation($id: ID!) { setUserGrants(id: $id, grants: [{ role: DIRECTOR, kommunenummer: "1804" }]) { id } }`,
    vars: async () => ({ id: await fresh.user('READ_ONLY', '1804') }),
    allowed: ['admin'],
  },
  {
    name: 'deactivateUser (reader of Bodø)',
    query: `mutation($id: ID!) { deactivateUser(id: $id) { id } }`,
    vars: async () => ({ id: await fresh.user('READ_ONLY', '1804') }),
    allowed: MANAGERS_OF_BODO,
  },
  {
    name: 'deactivateUser (director of Fauske)',
    query: `mutation($id: ID!) { deactivateUser(id: $id) { id } }`,
    vars: async () => ({ id: await fresh.user('DIRECTOR', '1841') }),
    allowed: ['admin'],
  },
  {
    name: 'reactivateUser (reader of Bodø)',
    query: `mutation($id: ID!) { reactivateUser(id: $id) { id } }`,
    vars: async () => ({ id: await fresh.user('READ_ONLY', '1804') }),
    allowed: MANAGERS_OF_BODO,
  },
  {
    name: 'createPasswordResetLink (finance of Bodø)',
    query: `mutation($id: ID!) { createPasswordResetLink(id: $id) { mailed } }`,
    vars: async () => ({ id: await fresh.user('FINANCE', '1804') }),
    allowed: MANAGERS_OF_BODO,
  },
  { name: 'signOutEverywhere (own)', query: `mutation { signOutEverywhere }`, vars: () => ({}), allowed: EVERYONE },
  { name: 'startTotpSetup (own)', query: `mutation { startTotpSetup { uri } }`, vars: () => ({}), allowed: EVERYONE },
];

describe('user administration: every mutation × every role × in scope / out of scope', () => {
  for (const m of MATRIX) {
    describe(m.name, () => {
      it.each(EVERYONE)('as %s', async (who) => {
        const r = await app.gql(m.query, await m.vars(), { as: USERS()[who] });
        if (m.allowed.includes(who)) {
          expect(r.errors).toBeUndefined();
        } else {
          expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
          expect(r.data).toBeNull();
        }
      });

      it('anonymously', async () => {
        const r = await app.gql(m.query, await m.vars(), { as: null });
        expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      });
    });
  }

  it('the list of users: administrators and directors only', async () => {
    for (const who of EVERYONE) {
      const r = await app.gql(`{ userAdministration { users { id } } }`, {}, { as: USERS()[who] });
      if (['admin', 'directorBodo', 'directorFauske', 'directorTrondheim'].includes(who))
        expect(r.errors).toBeUndefined();
      else expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('a scoped manager cannot tell a missing user from one out of reach', async () => {
    const query = `mutation($id: ID!) { deactivateUser(id: $id) { id } }`;
    const absent = await app.gql(query, { id: '00000000-0000-4000-8000-00000000dead' }, { as: DIRECTOR_BODO });
    const other = await app.gql(query, { id: await fresh.user('READ_ONLY', '1841') }, { as: DIRECTOR_BODO });
    expect([absent.errors![0].extensions!.code, other.errors![0].extensions!.code]).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    expect(absent.errors![0].message).toBe(other.errors![0].message);
  });
});
