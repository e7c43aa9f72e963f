import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { manyByKey, oneByKey } from '../../app/loader-utils';
import { DocumentedMembership } from './documented-membership.entity';

export function createNationalLoaders(ds: DataSource) {
  const where = (column: 'kommunenummer' | 'centre_id', keys: readonly string[]) =>
    ds
      .getRepository(DocumentedMembership)
      .createQueryBuilder('d')
      .innerJoinAndSelect('d.centre', 'c')
      .where(`d.${column} IN (:...keys)`, { keys: [...keys] })
      .orderBy(`CASE WHEN d.role = 'host' THEN 0 ELSE 1 END`)
      .addOrderBy('d.kommunenummer')
      .getMany();
  return {
    documentedByMunicipality: new DataLoader<string, DocumentedMembership | null>(async (keys) =>
      oneByKey(keys, await where('kommunenummer', keys), (d) => d.kommunenummer),
    ),
    documentedByCentre: new DataLoader<string, DocumentedMembership[]>(async (keys) =>
      manyByKey(keys, await where('centre_id', keys), (d) => d.centreId),
    ),
  };
}
