import { Field, Int, ObjectType } from 'type-graphql';
import { REMINDER_KINDS_LIST } from './kinds';
import { enumOf } from '../../app/enums';

export const ReminderKindEnum = enumOf(REMINDER_KINDS_LIST, 'ReminderKind', 'What a reminder is about.');

@ObjectType({
  description:
    'What a reminder names besides its kind and due date, for clients to word it in their own language (only what the kind uses is set).',
})
export class ReminderParamsType {
  @Field(() => String, { nullable: true, description: 'The agreement’s title (agreement and amendment reminders).' })
  agreement: string | null;

  @Field(() => String, { nullable: true })
  municipality: string | null;

  @Field(() => String, { nullable: true })
  centre: string | null;

  @Field(() => String, { nullable: true, description: 'The amendment’s summary as its author wrote it.' })
  summary: string | null;

  @Field(() => Int, { nullable: true, description: 'CONTACT_VERIFICATION: how many contacts are due.' })
  count: number | null;

  @Field(() => Int, { nullable: true, description: 'CONTACT_VERIFICATION: months after which a contact is due.' })
  months: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'NOTICE_DEADLINE: ISO date the agreement can end at the earliest after notice.',
  })
  end: string | null;
}

@ObjectType({ description: 'A date that needs the signed-in user’s action, in their scope.' })
export class ReminderType {
  @Field({ description: 'Stable identity: what it is about and its date.' })
  key: string;

  @Field(() => ReminderKindEnum)
  kind: string;

  @Field({ description: 'ISO date it is due.' })
  dueOn: string;

  @Field(() => Int, { description: 'Days from asOf to dueOn (negative: overdue).' })
  daysLeft: number;

  @Field(() => Int, { description: '180, 90 or 30: the smallest horizon that holds the date; 0 when overdue.' })
  horizon: number;

  @Field(() => ReminderParamsType)
  params: ReminderParamsType;

  @Field({
    description: 'One line in bokmål.',
    deprecationReason: "Bokmål prose; word `kind` and `params` in the reader's language.",
  })
  title: string;

  @Field({
    description: 'A sentence in bokmål on what to do.',
    deprecationReason: "Bokmål prose; word `kind` and `params` in the reader's language.",
  })
  detail: string;

  @Field({ description: 'Path in the dashboard where it is acted on.' })
  link: string;
}
