import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { manyByKey, NB_COLLATION, oneByKey } from '../../app/loader-utils';
import { Agency } from './agency.entity';
import { ContactPerson } from './contact-person.entity';

export function createContactLoaders(ds: DataSource) {
  return {
    agencyById: new DataLoader<string, Agency | null>(async (keys) =>
      oneByKey(keys, await ds.getRepository(Agency).findBy({ id: In([...keys]) }), (a) => a.id),
    ),
    contactById: new DataLoader<string, ContactPerson | null>(async (keys) =>
      oneByKey(keys, await ds.getRepository(ContactPerson).findBy({ id: In([...keys]) }), (c) => c.id),
    ),
    /** Active and inactive contacts; contact point first, then by name. */
    contactsByAgency: new DataLoader<string, ContactPerson[]>(async (keys) => {
      const rows = await ds
        .getRepository(ContactPerson)
        .createQueryBuilder('c')
        .where('c.agency_id IN (:...keys)', { keys: [...keys] })
        .orderBy('c.is_contact_point', 'DESC')
        .addOrderBy(`c.name COLLATE ${NB_COLLATION}`)
        .getMany();
      return manyByKey(keys, rows, (c) => c.agencyId);
    }),
    agenciesByMunicipality: new DataLoader<string, Agency[]>(async (keys) => {
      const rows = await ds
        .getRepository(Agency)
        .createQueryBuilder('a')
        .where('a.kommunenummer IN (:...keys)', { keys: [...keys] })
        .orderBy('a.kind')
        .addOrderBy(`a.name COLLATE ${NB_COLLATION}`)
        .getMany();
      return manyByKey(keys, rows, (a) => a.kommunenummer);
    }),
  };
}
