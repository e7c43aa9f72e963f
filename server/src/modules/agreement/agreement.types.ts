import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  CHECKLIST_HEADINGS,
  CHECKLIST_KEYS,
  NOTICE_RUNS_TO,
  type ChecklistKey,
  type DeadlineKind,
} from '@samordna/domain';
import { enumOf } from '../../app/enums';
import { registerZodEnum } from '../../app/zod-input';

export const NoticeRunsToEnum = enumOf(
  NOTICE_RUNS_TO,
  'NoticeRunsTo',
  'NONE: the notice period runs from the day notice is given; otherwise to the end of a calendar or half year.',
);

export const ChecklistKeyEnum = Object.fromEntries(CHECKLIST_HEADINGS.map((h) => [h.key, h.key])) as {
  [K in ChecklistKey]: K;
};
registerEnumType(ChecklistKeyEnum, {
  name: 'ChecklistKey',
  description: "The nine headings of Bufdir's agreement checklist.",
});
registerZodEnum(CHECKLIST_KEYS, ChecklistKeyEnum);

export const DeadlineKindEnum = {
  NOTICE: 'NOTICE',
  EXPIRY: 'EXPIRY',
  ROLLING: 'ROLLING',
  UNKNOWN: 'UNKNOWN',
  ENDED: 'ENDED',
} as const satisfies Record<DeadlineKind, DeadlineKind>;
registerEnumType(DeadlineKindEnum, { name: 'DeadlineKind' });

@ObjectType({ description: "One heading of Bufdir's checklist and whether the agreement covers it." })
export class ChecklistItemType {
  @Field(() => ChecklistKeyEnum)
  key: ChecklistKey;

  @Field({
    description: 'The heading in bokmål.',
    deprecationReason: "Bokmål prose; word `key` in the reader's language.",
  })
  label: string;

  @Field()
  covered: boolean;

  @Field(() => String, { nullable: true })
  note: string | null;
}

@ObjectType()
export class ChecklistCompletenessType {
  @Field(() => Int)
  covered: number;

  @Field(() => Int)
  total: number;

  @Field(() => [ChecklistKeyEnum])
  missing: ChecklistKey[];
}

@ObjectType({ description: 'The date that matters for an agreement on a given day.' })
export class DeadlineType {
  @Field(() => DeadlineKindEnum)
  kind: DeadlineKind;

  @Field({ description: 'The day the deadline was computed for (ISO).' })
  asOf: string;

  @Field(() => String, { nullable: true })
  nextPossibleEnd: string | null;

  @Field(() => String, { nullable: true, description: 'Last day to give notice for nextPossibleEnd.' })
  noticeDeadline: string | null;

  @Field(() => Int, { nullable: true })
  daysLeft: number | null;

  @Field(() => String, { nullable: true, description: 'Partners need the change by this day to budget for it (ISO).' })
  budgetCutoff: string | null;

  @Field({ description: 'The notice deadline falls after the budget cutoff.' })
  noticeAfterBudgetCutoff: boolean;
}

@ObjectType({ description: 'When a membership ends if notice is given on a day.' })
export class NoticeEffectType {
  @Field({ description: 'ISO date notice is given.' })
  givenOn: string;

  @Field(() => DeadlineKindEnum, {
    description:
      'NOTICE, ROLLING or EXPIRY when the terms give the end; UNKNOWN (no notice period registered) or ENDED otherwise.',
  })
  kind: DeadlineKind;

  @Field(() => String, {
    nullable: true,
    description: 'ISO date: the last day as a member; null when the terms do not say.',
  })
  leavesOn: string | null;
}
