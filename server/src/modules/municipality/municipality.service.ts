import { isCountyNumber, parseKommunenummer, msg } from '@samordna/domain';
import type { AppContext } from '../../app/context';
import { badInput, escapeLike, notFound } from '../../app/errors';
import { NB_COLLATION } from '../../app/loader-utils';
import { County } from './county.entity';
import { Municipality } from './municipality.entity';
import type { MunicipalityFilter } from './municipality.inputs';
import type { PopulationFigure } from './population.entity';

const MAX_SEARCH_LENGTH = 100;

export async function listCounties(ctx: AppContext): Promise<County[]> {
  const counties = await ctx.dataSource.getRepository(County).find({ order: { number: 'ASC' } });
  for (const c of counties) ctx.loaders.countyByNumber.prime(c.number, c);
  return counties;
}

export async function listMunicipalities(ctx: AppContext, filter?: MunicipalityFilter | null): Promise<Municipality[]> {
  const countyNumber = filter?.countyNumber?.trim() || null;
  const search = filter?.search?.trim() || null;
  if (countyNumber !== null && !isCountyNumber(countyNumber)) {
    throw badInput('filter.countyNumber', msg('municipality.countyNumber', { countyNumber }));
  }
  if (search !== null && search.length > MAX_SEARCH_LENGTH) {
    throw badInput('filter.search', msg('municipality.searchTooLong', { max: MAX_SEARCH_LENGTH }));
  }

  const qb = ctx.dataSource.getRepository(Municipality).createQueryBuilder('m');
  if (countyNumber !== null) qb.andWhere('m.county_number = :countyNumber', { countyNumber });
  if (search !== null) {
    const escaped = escapeLike(search);
    qb.andWhere('(m.name ILIKE :pattern OR m.sami_name ILIKE :pattern OR m.kommunenummer LIKE :prefix)', {
      pattern: `%${escaped}%`,
      prefix: `${escaped}%`,
    });
  }
  const rows = await qb.orderBy(`m.name COLLATE ${NB_COLLATION}`).addOrderBy('m.kommunenummer').getMany();
  for (const m of rows) ctx.loaders.municipalityByNumber.prime(m.kommunenummer, m);
  return rows;
}

export async function getMunicipality(ctx: AppContext, kommunenummer: string): Promise<Municipality> {
  const parsed = parseKommunenummer(kommunenummer);
  if (!parsed.ok) throw badInput('kommunenummer', parsed.problem);
  const m = await ctx.loaders.municipalityByNumber.load(parsed.value);
  if (!m) throw notFound('Municipality', parsed.value, msg('kommunenummer.notFound', { kommunenummer: parsed.value }));
  return m;
}

/** The figure for a year, or the newest one when no year is asked for. */
export async function populationOf(
  ctx: AppContext,
  kommunenummer: string,
  year?: number | null,
): Promise<PopulationFigure | null> {
  if (year !== undefined && year !== null && (!Number.isInteger(year) || year < 1900 || year > 2200)) {
    throw badInput('year', msg('municipality.yearRange', { year }));
  }
  const figures = await ctx.loaders.populationByMunicipality.load(kommunenummer);
  if (year === undefined || year === null) return figures[0] ?? null;
  return figures.find((f) => f.year === year) ?? null;
}
