import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { oneByKey } from '../../app/loader-utils';
import { CrisisCentre } from './crisis-centre.entity';

export function createCrisisCentreLoaders(ds: DataSource) {
  return {
    centreById: new DataLoader<string, CrisisCentre | null>(async (keys) =>
      oneByKey(keys, await ds.getRepository(CrisisCentre).findBy({ id: In([...keys]) }), (c) => c.id),
    ),
  };
}
