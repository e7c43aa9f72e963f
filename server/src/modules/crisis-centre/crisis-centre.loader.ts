import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { manyByKey, NB_COLLATION, oneByKey } from '../../app/loader-utils';
import { CentreMembership } from './centre-membership.entity';
import { CrisisCentre } from './crisis-centre.entity';

export function createCrisisCentreLoaders(ds: DataSource) {
  const membershipsWhere = (column: 'centre_id' | 'kommunenummer', keys: readonly string[]) =>
    ds
      .getRepository(CentreMembership)
      .createQueryBuilder('cm')
      .innerJoin('municipality', 'm', 'm.kommunenummer = cm.kommunenummer')
      .where(`cm.${column} IN (:...keys)`, { keys: [...keys] })
      // Host first, then partners in Norwegian alphabetical order.
      .orderBy(`CASE WHEN cm.role = 'host' THEN 0 ELSE 1 END`)
      .addOrderBy(`m.name COLLATE ${NB_COLLATION}`)
      .getMany();

  return {
    centreById: new DataLoader<string, CrisisCentre | null>(async (keys) =>
      oneByKey(keys, await ds.getRepository(CrisisCentre).findBy({ id: In([...keys]) }), (c) => c.id),
    ),
    membershipsByCentre: new DataLoader<string, CentreMembership[]>(async (keys) =>
      manyByKey(keys, await membershipsWhere('centre_id', keys), (m) => m.centreId),
    ),
    membershipsByMunicipality: new DataLoader<string, CentreMembership[]>(async (keys) =>
      manyByKey(keys, await membershipsWhere('kommunenummer', keys), (m) => m.kommunenummer),
    ),
  };
}
