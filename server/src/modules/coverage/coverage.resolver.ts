import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../../app/context';
import { centreCoverage, coverageOverview, municipalityCoverage } from './coverage.service';
import { CentreCoverage, CoverageOverview, MunicipalityCoverage } from './coverage.types';
import { CoverageConfigInput, CoverageFilter } from './coverage.inputs';

@Resolver()
export class CoverageResolver {
  @Query(() => CoverageOverview, {
    description: 'One row per municipality (all 357 unless filtered), with summaries for the map and the table.',
  })
  coverageOverview(
    @Ctx() ctx: AppContext,
    @Arg('asOf', () => String, { nullable: true, description: 'ISO date; today in Norway by default.' }) asOf?: string,
    @Arg('filter', () => CoverageFilter, { nullable: true }) filter?: CoverageFilter,
    @Arg('config', () => CoverageConfigInput, { nullable: true }) config?: CoverageConfigInput,
  ) {
    return coverageOverview(ctx, asOf, filter, config);
  }

  @Query(() => MunicipalityCoverage, {
    description: 'The findings for one municipality, with reasons and links, for the side panel.',
  })
  municipalityCoverage(
    @Ctx() ctx: AppContext,
    @Arg('kommunenummer') kommunenummer: string,
    @Arg('asOf', () => String, { nullable: true }) asOf?: string,
    @Arg('config', () => CoverageConfigInput, { nullable: true }) config?: CoverageConfigInput,
  ) {
    return municipalityCoverage(ctx, kommunenummer, asOf, config);
  }

  @Query(() => CentreCoverage, { description: "The centre's member municipalities × finding codes." })
  centreCoverage(
    @Ctx() ctx: AppContext,
    @Arg('centreId', () => ID) centreId: string,
    @Arg('asOf', () => String, { nullable: true }) asOf?: string,
    @Arg('config', () => CoverageConfigInput, { nullable: true }) config?: CoverageConfigInput,
  ) {
    return centreCoverage(ctx, centreId, asOf, config);
  }
}
