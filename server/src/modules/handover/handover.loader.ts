import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { manyByKey, NB_COLLATION } from '../../app/loader-utils';
import { HandoverRoutine } from './handover-routine.entity';
import { RoutineStep } from './routine-step.entity';

export function createHandoverLoaders(ds: DataSource) {
  const routinesWhere = (column: 'centre_id' | 'kommunenummer', keys: readonly string[]) =>
    ds
      .getRepository(HandoverRoutine)
      .createQueryBuilder('r')
      .innerJoin('municipality', 'm', 'm.kommunenummer = r.kommunenummer')
      .where(`r.${column} IN (:...keys)`, { keys: [...keys] })
      .orderBy(`m.name COLLATE ${NB_COLLATION}`)
      .getMany();
  return {
    routinesByCentre: new DataLoader<string, HandoverRoutine[]>(async (keys) =>
      manyByKey(keys, await routinesWhere('centre_id', keys), (r) => r.centreId),
    ),
    routinesByMunicipality: new DataLoader<string, HandoverRoutine[]>(async (keys) =>
      manyByKey(keys, await routinesWhere('kommunenummer', keys), (r) => r.kommunenummer),
    ),
    stepsByRoutine: new DataLoader<string, RoutineStep[]>(async (keys) => {
      const rows = await ds
        .getRepository(RoutineStep)
        .find({ where: { routineId: In([...keys]) }, order: { position: 'ASC' } });
      return manyByKey(keys, rows, (s) => s.routineId);
    }),
  };
}
