import type { DataSource, EntityManager } from 'typeorm';
import { demoUsersAllowed } from '../../config/env';
import { hashPassword } from '../../modules/auth/auth.service';
import { insertRows, upsert } from './upsert';

/**
 * Demo users, one per role, for local use only (listed in the README). Added once per database
 * and marked is_example. Never created in production (NODE_ENV=production) nor with
 * SAMORDNA_NO_DEMO_USERS=1, and there any that exist cannot sign in (see authenticate).
 */
export const USERS_KEY = 'records-v3-users';

export const DEMO_USERS: {
  email: string;
  name: string;
  password: string;
  grants: { role: string; kommunenummer?: string; centre?: string }[];
}[] = [
  {
    email: 'admin@samordna.example',
    name: 'Ada Administrator',
    password: 'demo-admin-2026',
    grants: [{ role: 'ADMIN' }],
  },
  {
    email: 'direktor.bodo@samordna.example',
    name: 'Dina Direktør (Bodø)',
    password: 'demo-direktor-2026',
    grants: [{ role: 'DIRECTOR', kommunenummer: '1804' }],
  },
  {
    email: 'direktor.fauske@samordna.example',
    name: 'Frank Direktør (Fauske)',
    password: 'demo-direktor-2026',
    grants: [{ role: 'DIRECTOR', kommunenummer: '1841' }],
  },
  {
    email: 'direktor.saltdal@samordna.example',
    name: 'Siri Direktør (Saltdal)',
    password: 'demo-direktor-2026',
    grants: [{ role: 'DIRECTOR', kommunenummer: '1840' }],
  },
  {
    email: 'okonomi.bodo@samordna.example',
    name: 'Øyvind Økonomi (Bodø)',
    password: 'demo-okonomi-2026',
    grants: [{ role: 'FINANCE', kommunenummer: '1804' }],
  },
  {
    email: 'leder.salten@samordna.example',
    name: 'Liv Leder (Krisesenteret i Salten)',
    password: 'demo-leder-2026',
    grants: [{ role: 'CENTRE_LEADER', centre: 'Krisesenteret i Salten' }],
  },
  {
    email: 'lesetilgang@samordna.example',
    name: 'Lars Leser',
    password: 'demo-lese-2026',
    grants: [{ role: 'READ_ONLY' }],
  },
];

const demoUsersWanted = () => demoUsersAllowed(process.env);

/**
 * The demo users' password hashes, made before the seed transaction opens (hashing is slow on
 * purpose); null when the demo users are not wanted or were added before.
 */
export async function hashDemoPasswordsIfDue(ds: DataSource): Promise<Map<string, string> | null> {
  if (!demoUsersWanted()) return null;
  const [added] = await ds.query(`SELECT 1 FROM seed_state WHERE key = $1`, [USERS_KEY]);
  return added ? null : hashDemoPasswords();
}

async function hashDemoPasswords(): Promise<Map<string, string>> {
  const hashes = await Promise.all(DEMO_USERS.map((u) => hashPassword(u.password)));
  return new Map(DEMO_USERS.map((u, i) => [u.email, hashes[i]]));
}

export async function seedUsersOnce(
  em: EntityManager,
  passwordHashes: Map<string, string> | null,
): Promise<number | null> {
  if (!demoUsersWanted()) return null;
  const inserted = await em.query(
    `INSERT INTO seed_state (key) VALUES ($1) ON CONFLICT (key) DO NOTHING RETURNING key`,
    [USERS_KEY],
  );
  if (inserted.length === 0) return null;
  // Only when the ledger row appeared after hashDemoPasswordsIfDue looked.
  const hashes = passwordHashes ?? (await hashDemoPasswords());
  const users = await upsert<{ id: string; email: string }>(
    em,
    'app_user',
    ['email', 'name', 'password_hash', 'is_example'],
    ['email'],
    DEMO_USERS.map((u) => [u.email, u.name, hashes.get(u.email), true]),
    { update: ['name'], returning: ['id', 'email'] },
  );
  const userIds = new Map(users.map((u) => [u.email, u.id]));
  const centreKeys = [
    ...new Set(DEMO_USERS.flatMap((u) => u.grants.flatMap((g) => (g.centre ? [`centre:${g.centre}`] : [])))),
  ];
  const centreIds = new Map<string, string>(
    (await em.query(`SELECT id, seed_key FROM crisis_centre WHERE seed_key = ANY($1)`, [centreKeys])).map(
      (c: { id: string; seed_key: string }) => [c.seed_key, c.id],
    ),
  );
  await insertRows(
    em,
    'user_role',
    ['user_id', 'role', 'kommunenummer', 'centre_id'],
    DEMO_USERS.flatMap((u) =>
      u.grants.map((g) => [
        userIds.get(u.email),
        g.role,
        g.kommunenummer ?? null,
        g.centre ? (centreIds.get(`centre:${g.centre}`) ?? null) : null,
      ]),
    ),
  );
  return DEMO_USERS.length;
}
