import { todayInNorway } from '@samordna/domain';
import { DocumentedMembershipView, documentedOf } from '../national/documented.types';
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../app/context';
import { foundOrFail } from '../../app/loader-utils';
import { Paginated } from '../../app/pagination';
import { parseAsOf } from '../../app/validation';
import { AgreementParty } from '../agreement/agreement-party.entity';
import { Agreement } from '../agreement/agreement.entity';
import { isMemberOn } from '@samordna/domain';
import { HandoverRoutine } from '../handover/handover-routine.entity';
import { Municipality } from '../municipality/municipality.entity';
import { CrisisCentre } from './crisis-centre.entity';
import { CrisisCentreFilter, CrisisCentreInput } from './crisis-centre.inputs';
import {
  createCrisisCentre,
  deleteCrisisCentre,
  getCrisisCentre,
  listCrisisCentres,
  updateCrisisCentre,
} from './crisis-centre.service';

const CrisisCentrePage = Paginated(CrisisCentre, 'CrisisCentre');

@Resolver(() => CrisisCentre)
export class CrisisCentreResolver {
  @Query(() => CrisisCentrePage, { description: 'Crisis centres, by name.' })
  crisisCentres(
    @Ctx() ctx: AppContext,
    @Arg('filter', () => CrisisCentreFilter, { nullable: true }) filter?: CrisisCentreFilter,
    @Arg('limit', () => Int, { nullable: true }) limit?: number,
    @Arg('offset', () => Int, { nullable: true }) offset?: number,
  ) {
    return listCrisisCentres(ctx, filter, { limit, offset });
  }

  @Query(() => CrisisCentre)
  crisisCentre(@Ctx() ctx: AppContext, @Arg('id', () => ID) id: string): Promise<CrisisCentre> {
    return getCrisisCentre(ctx, id);
  }

  @Authorized()
  @Mutation(() => CrisisCentre)
  createCrisisCentre(@Ctx() ctx: AppContext, @Arg('input', () => CrisisCentreInput) input: CrisisCentreInput) {
    return createCrisisCentre(ctx, input);
  }

  @Authorized()
  @Mutation(() => CrisisCentre)
  updateCrisisCentre(
    @Ctx() ctx: AppContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => CrisisCentreInput) input: CrisisCentreInput,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return updateCrisisCentre(ctx, id, input, expectedVersion);
  }

  @Authorized()
  @Mutation(() => ID, { description: 'Refused while the centre has agreements or routines; the error lists them.' })
  deleteCrisisCentre(@Ctx() ctx: AppContext, @Arg('id', () => ID) id: string) {
    return deleteCrisisCentre(ctx, id);
  }

  @FieldResolver(() => Municipality, {
    nullable: true,
    description: 'The host municipality (vertskommune); null: host «ikke kjent».',
  })
  async host(@Root() c: CrisisCentre, @Ctx() ctx: AppContext): Promise<Municipality | null> {
    if (c.hostKommunenummer === null) return null;
    return foundOrFail(ctx.loaders.municipalityByNumber.load(c.hostKommunenummer), `host of ${c.name}`);
  }

  @FieldResolver(() => [DocumentedMembershipView], {
    description:
      'The municipalities public sources say use the centre (host first), each with its provenance; facts, not agreements.',
  })
  async documentedMembers(@Root() c: CrisisCentre, @Ctx() ctx: AppContext): Promise<DocumentedMembershipView[]> {
    const asOf = todayInNorway();
    return (await ctx.loaders.documentedByCentre.load(c.id)).map((d) => documentedOf(d, asOf));
  }

  @FieldResolver(() => [Agreement], { description: 'Every agreement about the centre, newest first.' })
  agreements(@Root() c: CrisisCentre, @Ctx() ctx: AppContext) {
    return ctx.loaders.agreementsByCentre.load(c.id);
  }

  @FieldResolver(() => [AgreementParty], {
    description:
      'Members on a day (today by default) by the membership rule: parties of agreements that bind that day, whose own period covers it.',
  })
  async members(
    @Root() c: CrisisCentre,
    @Ctx() ctx: AppContext,
    @Arg('asOf', () => String, { nullable: true }) asOf?: string,
  ) {
    const day = parseAsOf(asOf);
    const agreements = await ctx.loaders.agreementsByCentre.load(c.id);
    // load, not loadMany: a failed batch must fail the field, not read as «no members».
    const parties = await Promise.all(agreements.map((a) => ctx.loaders.partiesByAgreement.load(a.id)));
    return agreements.flatMap((a, i) => parties[i].filter((p) => isMemberOn(a, p, day)));
  }

  @FieldResolver(() => [HandoverRoutine])
  routines(@Root() c: CrisisCentre, @Ctx() ctx: AppContext) {
    return ctx.loaders.routinesByCentre.load(c.id);
  }
}
