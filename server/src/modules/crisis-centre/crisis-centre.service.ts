import type { AppContext } from '../../app/context';
import { badInput, notFound } from '../../app/errors';
import { NB_COLLATION } from '../../app/loader-utils';
import { CrisisCentre } from './crisis-centre.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function listCrisisCentres(ctx: AppContext): Promise<CrisisCentre[]> {
  const centres = await ctx.dataSource
    .getRepository(CrisisCentre)
    .createQueryBuilder('c')
    .orderBy(`c.name COLLATE ${NB_COLLATION}`)
    .getMany();
  for (const c of centres) ctx.loaders.centreById.prime(c.id, c);
  return centres;
}

export async function getCrisisCentre(ctx: AppContext, id: string): Promise<CrisisCentre> {
  if (!UUID.test(id)) throw badInput('id', 'Ugyldig id for krisesenter.');
  const centre = await ctx.loaders.centreById.load(id.toLowerCase());
  if (!centre) throw notFound('CrisisCentre', id, 'Fant ikke krisesenteret.');
  return centre;
}
