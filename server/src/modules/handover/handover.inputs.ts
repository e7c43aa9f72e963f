import { Field, ObjectType } from 'type-graphql';
import { z } from 'zod';
import {
  AGENCY_KINDS,
  ROUTINE_STATUSES,
  ROUTINE_STEP_KINDS,
  STEP_TIMINGS,
  type AgencyKind,
  type RoutineStepKind,
  type StepTiming,
} from '@samordna/domain';
// Importing the enums registers them for the schemas too (RoutineStatus).
import { AgencyKindEnum, RoutineStepKindEnum, StepTimingEnum } from '../../app/enums';
import { rules } from '../../app/validation';
import { inputType } from '../../app/zod-input';

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
export const RoutineInput = inputType('RoutineInput', routineSchema, {
  description: 'On update, a field left out stays as it is.',
});
export type RoutineInput = z.input<typeof routineSchema>;

export const stepFieldsSchema = z.object({
  kind: z.enum(ROUTINE_STEP_KINDS).optional(),
  title: rules.text('Tittel', 300).optional(),
  description: rules.optionalText('Beskrivelse', 4000).optional(),
  responsibleAgencyKind: z.enum(AGENCY_KINDS).nullish().describe('null: the crisis centre itself.'),
  timing: z.enum(STEP_TIMINGS).optional(),
  contactId: rules.uuid('kontaktperson').nullish(),
  position: rules
    .int('Plassering', 0, 1000)
    .nullish()
    .describe('Where to insert a new step (0 = first); last by default.'),
});
export const RoutineStepInput = inputType('RoutineStepInput', stepFieldsSchema, {
  description: 'On update, a field left out stays as it is.',
});
export type RoutineStepInput = z.input<typeof stepFieldsSchema>;
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
export const RoutineFilter = inputType('RoutineFilter', routineFilterSchema);
export type RoutineFilter = z.input<typeof routineFilterSchema>;
