import type { EntityManager } from 'typeorm';
import {
  centreMembersSql,
  centresOfMunicipalitySql,
  isMemberDuring,
  todayInNorway,
  type AgreementStatus,
  type IsoDate,
} from '@samordna/domain';

/**
 * The membership rule of packages/domain (membership.ts) where the server needs it: ids of the
 * centres a municipality belongs to on a day, the members of a centre, and whether a municipality
 * belongs to a centre in a period. Drafts and proposals never count.
 */
export async function centresOfMunicipality(
  em: EntityManager,
  kommunenummer: string,
  day: IsoDate = todayInNorway(),
): Promise<string[]> {
  const rows: { id: string }[] = await em.query(`SELECT id FROM ${centresOfMunicipalitySql('$1', '$2')} AS c(id)`, [
    kommunenummer,
    day,
  ]);
  return rows.map((r) => r.id);
}

export async function membersOfCentre(
  em: EntityManager,
  centreId: string,
  day: IsoDate = todayInNorway(),
): Promise<string[]> {
  const rows: { k: string }[] = await em.query(`SELECT k FROM ${centreMembersSql('$1', '$2')} AS m(k)`, [
    centreId,
    day,
  ]);
  return rows.map((r) => r.k);
}

/** The municipality hosts the centre or is a member of it on at least one day from `from` to `to`. */
export async function isMemberOfCentreDuring(
  em: EntityManager,
  centreId: string,
  kommunenummer: string,
  from: IsoDate,
  to: IsoDate,
): Promise<boolean> {
  const [host] = await em.query(`SELECT 1 FROM crisis_centre WHERE id = $1 AND host_kommunenummer = $2`, [
    centreId,
    kommunenummer,
  ]);
  if (host) return true;
  const rows: {
    status: AgreementStatus;
    valid_from: string | null;
    ended_on: string | null;
    joined_on: string | null;
    left_on: string | null;
  }[] = await em.query(
    `SELECT a.status, a.valid_from, a.ended_on, p.joined_on, p.left_on
     FROM agreement a JOIN agreement_party p ON p.agreement_id = a.id
     WHERE a.centre_id = $1 AND p.kommunenummer = $2`,
    [centreId, kommunenummer],
  );
  return rows.some((r) =>
    isMemberDuring(
      { status: r.status, validFrom: r.valid_from, endedOn: r.ended_on },
      { joinedOn: r.joined_on, leftOn: r.left_on },
      from,
      to,
    ),
  );
}
