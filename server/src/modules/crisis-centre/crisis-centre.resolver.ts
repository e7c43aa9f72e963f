import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../app/context';
import { Municipality } from '../municipality/municipality.entity';
import { CentreMembership } from './centre-membership.entity';
import { CrisisCentre } from './crisis-centre.entity';
import { getCrisisCentre, listCrisisCentres } from './crisis-centre.service';

async function required<T>(value: Promise<T | null>, what: string): Promise<T> {
  const v = await value;
  if (v === null) throw new Error(`${what} is missing`);
  return v;
}

@Resolver(() => CrisisCentre)
export class CrisisCentreResolver {
  @Query(() => [CrisisCentre], { description: 'Crisis centres, by name.' })
  crisisCentres(@Ctx() ctx: AppContext): Promise<CrisisCentre[]> {
    return listCrisisCentres(ctx);
  }

  @Query(() => CrisisCentre)
  crisisCentre(@Ctx() ctx: AppContext, @Arg('id', () => ID) id: string): Promise<CrisisCentre> {
    return getCrisisCentre(ctx, id);
  }

  @FieldResolver(() => Municipality, { description: 'The host municipality (vertskommune).' })
  host(@Root() c: CrisisCentre, @Ctx() ctx: AppContext): Promise<Municipality> {
    return required(ctx.loaders.municipalityByNumber.load(c.hostKommunenummer), `host of ${c.name}`);
  }

  @FieldResolver(() => [CentreMembership], { description: 'Host first, then partners alphabetically.' })
  members(@Root() c: CrisisCentre, @Ctx() ctx: AppContext): Promise<CentreMembership[]> {
    return ctx.loaders.membershipsByCentre.load(c.id);
  }
}

@Resolver(() => CentreMembership)
export class CentreMembershipResolver {
  @FieldResolver(() => Municipality)
  municipality(@Root() m: CentreMembership, @Ctx() ctx: AppContext): Promise<Municipality> {
    return required(ctx.loaders.municipalityByNumber.load(m.kommunenummer), `municipality ${m.kommunenummer}`);
  }

  @FieldResolver(() => CrisisCentre)
  centre(@Root() m: CentreMembership, @Ctx() ctx: AppContext): Promise<CrisisCentre> {
    return required(ctx.loaders.centreById.load(m.centreId), `centre ${m.centreId}`);
  }
}
