import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { z } from 'zod';
import {
  AGENCY_KINDS,
  ROUTINE_STATUSES,
  ROUTINE_STEP_KINDS,
  STEP_TIMINGS,
  type AgencyKind,
  type RoutineStatus,
  type RoutineStepKind,
  type StepTiming,
} from '@samordna/domain';
import { AgencyKindEnum, RoutineStatusEnum, RoutineStepKindEnum, StepTimingEnum } from '../../app/enums';
import { rules } from '../../app/validation';

@InputType({ description: 'On update, a field left out stays as it is.' })
export class RoutineInput {
  @Field(() => RoutineStatusEnum, { nullable: true })
  status?: RoutineStatus;

  @Field(() => String, { nullable: true })
  adoptedOn?: string | null;

  @Field(() => String, { nullable: true })
  lastReviewedOn?: string | null;

  @Field(() => String, { nullable: true })
  reviewDueOn?: string | null;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType({ description: 'On update, a field left out stays as it is.' })
export class RoutineStepInput {
  @Field(() => RoutineStepKindEnum, { nullable: true })
  kind?: RoutineStepKind;

  @Field(() => String, { nullable: true })
  title?: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => AgencyKindEnum, { nullable: true, description: 'null: the crisis centre itself.' })
  responsibleAgencyKind?: AgencyKind | null;

  @Field(() => StepTimingEnum, { nullable: true })
  timing?: StepTiming;

  @Field(() => ID, { nullable: true })
  contactId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Where to insert a new step (0 = first); last by default.' })
  position?: number | null;
}

@InputType()
export class RoutineFilter {
  @Field(() => ID, { nullable: true })
  centreId?: string | null;

  @Field(() => String, { nullable: true })
  kommunenummer?: string | null;

  @Field(() => [RoutineStatusEnum], { nullable: true })
  statuses?: RoutineStatus[] | null;
}

@ObjectType({ description: 'A step of the Bufdir-based routine template.' })
export class RoutineTemplateStepType {
  @Field(() => RoutineStepKindEnum)
  kind: RoutineStepKind;

  @Field()
  title: string;

  @Field()
  titleEn: string;

  @Field(() => AgencyKindEnum, { nullable: true })
  responsibleAgencyKind: AgencyKind | null;

  @Field(() => StepTimingEnum)
  timing: StepTiming;

  @Field({ description: 'What the step rests on.' })
  basis: string;
}

export const routineSchema = z.object({
  status: z.enum(ROUTINE_STATUSES).optional(),
  adoptedOn: rules.optionalIsoDate('Vedtatt dato').optional(),
  lastReviewedOn: rules.optionalIsoDate('Sist gjennomgått').optional(),
  reviewDueOn: rules.optionalIsoDate('Neste gjennomgang').optional(),
  note: rules.optionalText('Merknad', 4000).optional(),
});

export const stepFieldsSchema = z.object({
  kind: z.enum(ROUTINE_STEP_KINDS).optional(),
  title: rules.text('Tittel', 300).optional(),
  description: rules.optionalText('Beskrivelse', 4000).optional(),
  responsibleAgencyKind: z.enum(AGENCY_KINDS).nullish(),
  timing: z.enum(STEP_TIMINGS).optional(),
  contactId: rules.uuid('kontaktperson').nullish(),
  position: rules.int('Plassering', 0, 1000).nullish(),
});
export const createStepSchema = stepFieldsSchema.extend({
  kind: z.enum(ROUTINE_STEP_KINDS).default('OTHER'),
  title: rules.text('Tittel', 300),
  timing: z.enum(STEP_TIMINGS),
});

export const routineFilterSchema = z.object({
  centreId: rules.uuid('krisesenter').nullish(),
  kommunenummer: rules.kommunenummer().nullish(),
  statuses: z.array(z.enum(ROUTINE_STATUSES)).nullish(),
});
