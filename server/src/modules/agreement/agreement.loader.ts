import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { manyByKey, NB_COLLATION, oneByKey } from '../../app/loader-utils';
import { AgreementParty } from './agreement-party.entity';
import { Agreement } from './agreement.entity';
import { AgreementAmendment, AmendmentApproval } from './amendment.entity';

export function createAgreementLoaders(ds: DataSource) {
  const partiesWhere = (column: 'agreement_id' | 'kommunenummer', keys: readonly string[]) =>
    ds
      .getRepository(AgreementParty)
      .createQueryBuilder('p')
      .innerJoin('municipality', 'm', 'm.kommunenummer = p.kommunenummer')
      .where(`p.${column} IN (:...keys)`, { keys: [...keys] })
      // Host first, then partners in Norwegian alphabetical order, then by date.
      .orderBy(`CASE WHEN p.role = 'host' THEN 0 ELSE 1 END`)
      .addOrderBy(`m.name COLLATE ${NB_COLLATION}`)
      .addOrderBy('p.joined_on', 'ASC', 'NULLS FIRST')
      .getMany();

  return {
    agreementById: new DataLoader<string, Agreement | null>(async (keys) =>
      oneByKey(keys, await ds.getRepository(Agreement).findBy({ id: In([...keys]) }), (a) => a.id),
    ),
    agreementsByCentre: new DataLoader<string, Agreement[]>(async (keys) => {
      const rows = await ds.getRepository(Agreement).find({
        where: { centreId: In([...keys]) },
        order: { validFrom: { direction: 'DESC', nulls: 'LAST' }, createdAt: 'DESC' },
      });
      return manyByKey(keys, rows, (a) => a.centreId);
    }),
    agreementsSuperseding: new DataLoader<string, Agreement[]>(async (keys) =>
      manyByKey(
        keys,
        await ds.getRepository(Agreement).findBy({ supersedesId: In([...keys]) }),
        (a) => a.supersedesId!,
      ),
    ),
    partiesByAgreement: new DataLoader<string, AgreementParty[]>(async (keys) =>
      manyByKey(keys, await partiesWhere('agreement_id', keys), (p) => p.agreementId),
    ),
    amendmentsByAgreement: new DataLoader<string, AgreementAmendment[]>(async (keys) =>
      manyByKey(
        keys,
        await ds
          .getRepository(AgreementAmendment)
          .find({ where: { agreementId: In([...keys]) }, order: { createdAt: 'DESC', id: 'ASC' } }),
        (x) => x.agreementId,
      ),
    ),
    approvalsByAmendment: new DataLoader<string, AmendmentApproval[]>(async (keys) =>
      manyByKey(
        keys,
        await ds
          .getRepository(AmendmentApproval)
          .createQueryBuilder('p')
          .innerJoin('municipality', 'm', 'm.kommunenummer = p.kommunenummer')
          .where('p.amendment_id IN (:...keys)', { keys: [...keys] })
          .orderBy(`m.name COLLATE ${NB_COLLATION}`)
          .getMany(),
        (x) => x.amendmentId,
      ),
    ),
    partiesByMunicipality: new DataLoader<string, AgreementParty[]>(async (keys) =>
      manyByKey(keys, await partiesWhere('kommunenummer', keys), (p) => p.kommunenummer),
    ),
  };
}
