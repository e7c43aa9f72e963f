import { In, LessThanOrEqual, type DataSource } from 'typeorm';
import { AgreementParty } from '../agreement/agreement-party.entity';
import { Agreement } from '../agreement/agreement.entity';
import { CrisisCentre } from '../crisis-centre/crisis-centre.entity';
import { Municipality } from '../municipality/municipality.entity';
import { PopulationFigure } from '../municipality/population.entity';
import {
  CentreBudget,
  ExtraCharge,
  Investment,
  KostraCentreFigure,
  KostraNationalAverage,
  UsageStat,
} from './cost.entities';

/** Everything needed to share a centre's costs for some years, fetched in a fixed number of statements. */
export interface CostData {
  centres: Map<string, CrisisCentre>;
  agreements: Agreement[];
  parties: AgreementParty[];
  budgets: CentreBudget[];
  charges: ExtraCharge[];
  investments: Investment[];
  population: PopulationFigure[];
  municipalities: Map<string, Municipality>;
  usage: UsageStat[];
  national: KostraNationalAverage[];
  kostra: KostraCentreFigure[];
}

export async function loadCostData(
  ds: DataSource,
  centreIds: string[],
  years: number[],
  extraMunicipalities: string[] = [],
): Promise<CostData> {
  const centres = await ds.getRepository(CrisisCentre).findBy({ id: In(centreIds) });
  const agreements = await ds.getRepository(Agreement).findBy({ centreId: In(centreIds) });
  const parties = agreements.length
    ? await ds.getRepository(AgreementParty).findBy({ agreementId: In(agreements.map((a) => a.id)) })
    : [];
  const budgets = await ds.getRepository(CentreBudget).findBy({ centreId: In(centreIds), year: In(years) });
  const charges = await ds.getRepository(ExtraCharge).findBy({ centreId: In(centreIds), year: In(years) });
  // Earlier years too: host-only investments are depreciated over their years.
  const investments = await ds
    .getRepository(Investment)
    .findBy({ centreId: In(centreIds), year: LessThanOrEqual(Math.max(...years)) });
  const knr = [...new Set([...parties.map((p) => p.kommunenummer), ...extraMunicipalities])];
  const population = knr.length ? await ds.getRepository(PopulationFigure).findBy({ kommunenummer: In(knr) }) : [];
  const municipalities = new Map(
    (knr.length ? await ds.getRepository(Municipality).findBy({ kommunenummer: In(knr) }) : []).map((m) => [
      m.kommunenummer,
      m,
    ]),
  );
  const usage = await ds.getRepository(UsageStat).findBy({ centreId: In(centreIds), year: In(years) });
  const national = await ds.getRepository(KostraNationalAverage).find({ order: { year: 'ASC' } });
  const kostra = await ds.getRepository(KostraCentreFigure).find({ order: { year: 'ASC' } });
  return {
    centres: new Map(centres.map((c) => [c.id, c])),
    agreements,
    parties,
    budgets,
    charges,
    investments,
    population,
    municipalities,
    usage,
    national,
    kostra,
  };
}
