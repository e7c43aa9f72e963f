import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { missingTemplateSteps, ROUTINE_TEMPLATE } from '@samordna/domain';
import type { AppContext } from '../../app/context';
import { foundOrFail } from '../../app/loader-utils';
import { Paginated } from '../../app/pagination';
import { ContactPerson } from '../contact/contact-person.entity';
import { CrisisCentre } from '../crisis-centre/crisis-centre.entity';
import { Municipality } from '../municipality/municipality.entity';
import { HandoverRoutine } from './handover-routine.entity';
import { RoutineFilter, RoutineInput, RoutineStepInput, RoutineTemplateStepType } from './handover.inputs';
import {
  addRoutineStep,
  createRoutineFromTemplate,
  deleteRoutine,
  getRoutine,
  listRoutines,
  removeRoutineStep,
  reorderRoutineSteps,
  updateRoutine,
  updateRoutineStep,
} from './handover.service';
import { RoutineStep } from './routine-step.entity';

const RoutinePage = Paginated(HandoverRoutine, 'HandoverRoutine');

@Resolver(() => HandoverRoutine)
export class HandoverRoutineResolver {
  @Query(() => [RoutineTemplateStepType], { description: 'The Bufdir-based template new routines start from.' })
  routineTemplate(): RoutineTemplateStepType[] {
    return ROUTINE_TEMPLATE.map((t) => ({ ...t, title: t.title.nb, titleEn: t.title.en }));
  }

  @Query(() => RoutinePage)
  handoverRoutines(
    @Ctx() ctx: AppContext,
    @Arg('filter', () => RoutineFilter, { nullable: true }) filter?: RoutineFilter,
    @Arg('limit', () => Int, { nullable: true }) limit?: number,
    @Arg('offset', () => Int, { nullable: true }) offset?: number,
  ) {
    return listRoutines(ctx, filter, { limit, offset });
  }

  @Query(() => HandoverRoutine)
  handoverRoutine(@Ctx() ctx: AppContext, @Arg('id', () => ID) id: string) {
    return getRoutine(ctx, id);
  }

  @Authorized()
  @Mutation(() => HandoverRoutine, { description: 'A draft routine with every template step; CONFLICT if one exists.' })
  createRoutineFromTemplate(
    @Ctx() ctx: AppContext,
    @Arg('centreId', () => ID) centreId: string,
    @Arg('kommunenummer') kommunenummer: string,
  ) {
    return createRoutineFromTemplate(ctx, centreId, kommunenummer);
  }

  @Authorized()
  @Mutation(() => HandoverRoutine, {
    description: 'Status, adoption and review dates; ADOPTED sets adoptedOn to today unless given.',
  })
  updateRoutine(
    @Ctx() ctx: AppContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => RoutineInput) input: RoutineInput,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return updateRoutine(ctx, id, input, expectedVersion);
  }

  @Authorized()
  @Mutation(() => ID)
  deleteRoutine(@Ctx() ctx: AppContext, @Arg('id', () => ID) id: string) {
    return deleteRoutine(ctx, id);
  }

  @Authorized()
  @Mutation(() => RoutineStep)
  addRoutineStep(
    @Ctx() ctx: AppContext,
    @Arg('routineId', () => ID) routineId: string,
    @Arg('input', () => RoutineStepInput) input: RoutineStepInput,
    @Arg('expectedVersion', () => Int, {
      nullable: true,
      description: 'The routine version the user saw; CONFLICT if it has moved on.',
    })
    expectedVersion?: number,
  ) {
    return addRoutineStep(ctx, routineId, input, expectedVersion);
  }

  @Authorized()
  @Mutation(() => RoutineStep)
  updateRoutineStep(
    @Ctx() ctx: AppContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => RoutineStepInput) input: RoutineStepInput,
    @Arg('expectedVersion', () => Int, {
      nullable: true,
      description: 'The routine version the user saw; CONFLICT if it has moved on.',
    })
    expectedVersion?: number,
  ) {
    return updateRoutineStep(ctx, id, input, expectedVersion);
  }

  @Authorized()
  @Mutation(() => ID)
  removeRoutineStep(
    @Ctx() ctx: AppContext,
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int, {
      nullable: true,
      description: 'The routine version the user saw; CONFLICT if it has moved on.',
    })
    expectedVersion?: number,
  ) {
    return removeRoutineStep(ctx, id, expectedVersion);
  }

  @Authorized()
  @Mutation(() => HandoverRoutine, { description: 'Puts the steps in this order; every step once.' })
  reorderRoutineSteps(
    @Ctx() ctx: AppContext,
    @Arg('routineId', () => ID) routineId: string,
    @Arg('stepIds', () => [ID]) stepIds: string[],
    @Arg('expectedVersion', () => Int, {
      nullable: true,
      description: 'The routine version the user saw; CONFLICT if it has moved on.',
    })
    expectedVersion?: number,
  ) {
    return reorderRoutineSteps(ctx, routineId, stepIds, expectedVersion);
  }

  @FieldResolver(() => CrisisCentre)
  centre(@Root() r: HandoverRoutine, @Ctx() ctx: AppContext) {
    return foundOrFail(ctx.loaders.centreById.load(r.centreId), `centre ${r.centreId}`);
  }

  @FieldResolver(() => Municipality)
  municipality(@Root() r: HandoverRoutine, @Ctx() ctx: AppContext) {
    return foundOrFail(ctx.loaders.municipalityByNumber.load(r.kommunenummer), `municipality ${r.kommunenummer}`);
  }

  @FieldResolver(() => [RoutineStep], { description: 'In order.' })
  steps(@Root() r: HandoverRoutine, @Ctx() ctx: AppContext) {
    return ctx.loaders.stepsByRoutine.load(r.id);
  }

  @FieldResolver(() => [RoutineTemplateStepType], {
    description:
      'Template steps this routine lacks (by kind), in template order: offered to add with addRoutineStep; existing steps are never changed.',
  })
  async missingTemplateSteps(@Root() r: HandoverRoutine, @Ctx() ctx: AppContext): Promise<RoutineTemplateStepType[]> {
    const steps = await ctx.loaders.stepsByRoutine.load(r.id);
    return missingTemplateSteps(steps.map((s) => s.kind)).map((t) => ({
      ...t,
      title: t.title.nb,
      titleEn: t.title.en,
    }));
  }
}

@Resolver(() => RoutineStep)
export class RoutineStepResolver {
  @FieldResolver(() => ContactPerson, { nullable: true })
  contact(@Root() s: RoutineStep, @Ctx() ctx: AppContext) {
    return s.contactId ? ctx.loaders.contactById.load(s.contactId) : null;
  }
}
