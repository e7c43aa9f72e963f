import type { EntityManager } from 'typeorm';
import { hashPassword } from '../../modules/auth/auth.service';

/**
 * Demo users, one per role, for local use only (listed in the README). Added once per database
 * and marked is_example. Never used in production: set SAMORDNA_NO_DEMO_USERS=1 there.
 */
export const USERS_KEY = 'records-v3-users';

export const DEMO_USERS: { email: string; name: string; password: string; grants: { role: string; kommunenummer?: string; centre?: string }[] }[] = [
  { email: 'admin@samordna.example', name: 'Ada Administrator', password: 'demo-admin-2026', grants: [{ role: 'ADMIN' }] },
  { email: 'direktor.bodo@samordna.example', name: 'Dina Direktør (Bodø)', password: 'demo-direktor-2026', grants: [{ role: 'DIRECTOR', kommunenummer: '1804' }] },
  { email: 'direktor.fauske@samordna.example', name: 'Frank Direktør (Fauske)', password: 'demo-direktor-2026', grants: [{ role: 'DIRECTOR', kommunenummer: '1841' }] },
  { email: 'okonomi.bodo@samordna.example', name: 'Øyvind Økonomi (Bodø)', password: 'demo-okonomi-2026', grants: [{ role: 'FINANCE', kommunenummer: '1804' }] },
  { email: 'leder.salten@samordna.example', name: 'Liv Leder (Krisesenteret i Salten)', password: 'demo-leder-2026', grants: [{ role: 'CENTRE_LEADER', centre: 'Krisesenteret i Salten' }] },
  { email: 'lesetilgang@samordna.example', name: 'Lars Leser', password: 'demo-lese-2026', grants: [{ role: 'READ_ONLY' }] },
];

export async function seedUsersOnce(em: EntityManager): Promise<number | null> {
  if (process.env.SAMORDNA_NO_DEMO_USERS === '1') return null;
  const inserted = await em.query(`INSERT INTO seed_state (key) VALUES ($1) ON CONFLICT (key) DO NOTHING RETURNING key`, [USERS_KEY]);
  if (inserted.length === 0) return null;
  for (const u of DEMO_USERS) {
    const [user] = await em.query(
      `INSERT INTO app_user (email, name, password_hash, is_example) VALUES ($1, $2, $3, true) ON CONFLICT (email) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
      [u.email, u.name, await hashPassword(u.password)],
    );
    for (const g of u.grants) {
      const [centre] = g.centre ? await em.query(`SELECT id FROM crisis_centre WHERE seed_key = $1`, [`centre:${g.centre}`]) : [null];
      await em.query(`INSERT INTO user_role (user_id, role, kommunenummer, centre_id) VALUES ($1, $2, $3, $4)`, [user.id, g.role, g.kommunenummer ?? null, centre?.id ?? null]);
    }
  }
  return DEMO_USERS.length;
}
