import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { manyByKey, NB_COLLATION, oneByKey } from '../../app/loader-utils';
import { County } from './county.entity';
import { Municipality } from './municipality.entity';
import { PopulationFigure } from './population.entity';

export function createMunicipalityLoaders(ds: DataSource) {
  return {
    countyByNumber: new DataLoader<string, County | null>(async (keys) =>
      oneByKey(keys, await ds.getRepository(County).findBy({ number: In([...keys]) }), (c) => c.number),
    ),
    municipalityByNumber: new DataLoader<string, Municipality | null>(async (keys) =>
      oneByKey(
        keys,
        await ds.getRepository(Municipality).findBy({ kommunenummer: In([...keys]) }),
        (m) => m.kommunenummer,
      ),
    ),
    municipalitiesByCounty: new DataLoader<string, Municipality[]>(async (keys) => {
      const rows = await ds
        .getRepository(Municipality)
        .createQueryBuilder('m')
        .where('m.county_number IN (:...keys)', { keys: [...keys] })
        .orderBy(`m.name COLLATE ${NB_COLLATION}`)
        .getMany();
      return manyByKey(keys, rows, (m) => m.countyNumber);
    }),
    /** Every year's figure for a municipality, newest first. */
    populationByMunicipality: new DataLoader<string, PopulationFigure[]>(async (keys) => {
      const rows = await ds.getRepository(PopulationFigure).find({
        where: { kommunenummer: In([...keys]) },
        order: { year: 'DESC' },
      });
      return manyByKey(keys, rows, (p) => p.kommunenummer);
    }),
  };
}
