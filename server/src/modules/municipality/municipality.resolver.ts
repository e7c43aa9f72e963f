import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { todayInNorway } from '@samordna/domain';
import type { AppContext } from '../../app/context';
import { DocumentedMembershipView, documentedOf } from '../national/documented.types';
import { foundOrFail } from '../../app/loader-utils';
import { AgreementParty } from '../agreement/agreement-party.entity';
import { Agency } from '../contact/agency.entity';
import { HandoverRoutine } from '../handover/handover-routine.entity';
import { County } from './county.entity';
import { Municipality } from './municipality.entity';
import { GeoPoint, MunicipalityFilter } from './municipality.inputs';
import { PopulationFigure } from './population.entity';
import { getMunicipality, listCounties, listMunicipalities, populationOf } from './municipality.service';

@Resolver(() => Municipality)
export class MunicipalityResolver {
  @Query(() => [Municipality], { description: 'Municipalities in Norwegian alphabetical order.' })
  municipalities(
    @Ctx() ctx: AppContext,
    @Arg('filter', () => MunicipalityFilter, { nullable: true }) filter?: MunicipalityFilter,
  ): Promise<Municipality[]> {
    return listMunicipalities(ctx, filter);
  }

  @Query(() => Municipality, { description: 'One municipality; NOT_FOUND when no municipality has the number.' })
  municipality(@Ctx() ctx: AppContext, @Arg('kommunenummer') kommunenummer: string): Promise<Municipality> {
    return getMunicipality(ctx, kommunenummer);
  }

  @FieldResolver(() => County)
  county(@Root() m: Municipality, @Ctx() ctx: AppContext): Promise<County> {
    return foundOrFail(
      ctx.loaders.countyByNumber.load(m.countyNumber),
      `county ${m.countyNumber} of ${m.kommunenummer}`,
    );
  }

  @FieldResolver(() => PopulationFigure, {
    nullable: true,
    description: 'Population on 1 January of the year; the newest figure when no year is given.',
  })
  population(
    @Root() m: Municipality,
    @Ctx() ctx: AppContext,
    @Arg('year', () => Int, { nullable: true }) year?: number,
  ): Promise<PopulationFigure | null> {
    return populationOf(ctx, m.kommunenummer, year);
  }

  @FieldResolver(() => [PopulationFigure], { description: 'Every registered year, newest first.' })
  populationHistory(@Root() m: Municipality, @Ctx() ctx: AppContext): Promise<PopulationFigure[]> {
    return ctx.loaders.populationByMunicipality.load(m.kommunenummer);
  }

  @FieldResolver(() => GeoPoint, { nullable: true })
  point(@Root() m: Municipality): GeoPoint | null {
    if (m.lat === null || m.lon === null) return null;
    return { lat: m.lat, lon: m.lon, method: m.pointMethod ?? 'ukjent' };
  }

  @FieldResolver(() => DocumentedMembershipView, {
    nullable: true,
    description:
      'The centre a public source says the municipality uses (a fact with its provenance, not an agreement).',
  })
  async documentedMembership(
    @Root() m: Municipality,
    @Ctx() ctx: AppContext,
  ): Promise<DocumentedMembershipView | null> {
    const d = await ctx.loaders.documentedByMunicipality.load(m.kommunenummer);
    return d ? documentedOf(d, todayInNorway()) : null;
  }

  @FieldResolver(() => [AgreementParty], {
    description: "The municipality's parts in crisis-centre agreements, past and present (see isCurrent).",
  })
  centreMemberships(@Root() m: Municipality, @Ctx() ctx: AppContext): Promise<AgreementParty[]> {
    return ctx.loaders.partiesByMunicipality.load(m.kommunenummer);
  }

  @FieldResolver(() => [Agency], { description: 'Agencies registered for the municipality.' })
  agencies(@Root() m: Municipality, @Ctx() ctx: AppContext): Promise<Agency[]> {
    return ctx.loaders.agenciesByMunicipality.load(m.kommunenummer);
  }

  @FieldResolver(() => [HandoverRoutine], { description: 'Handover routines with the centres the municipality uses.' })
  handoverRoutines(@Root() m: Municipality, @Ctx() ctx: AppContext): Promise<HandoverRoutine[]> {
    return ctx.loaders.routinesByMunicipality.load(m.kommunenummer);
  }
}

@Resolver(() => County)
export class CountyResolver {
  @Query(() => [County], { description: 'The 15 counties, by county number.' })
  counties(@Ctx() ctx: AppContext): Promise<County[]> {
    return listCounties(ctx);
  }

  @FieldResolver(() => [Municipality])
  municipalities(@Root() c: County, @Ctx() ctx: AppContext): Promise<Municipality[]> {
    return ctx.loaders.municipalitiesByCounty.load(c.number);
  }
}
