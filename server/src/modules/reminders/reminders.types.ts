import { Field, Int, ObjectType } from 'type-graphql';
import { REMINDER_KINDS_LIST } from './kinds';
import { enumOf } from '../../app/enums';

export const ReminderKindEnum = enumOf(REMINDER_KINDS_LIST, 'ReminderKind', 'What a reminder is about.');

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

  @Field({ description: 'One line in bokmål.' })
  title: string;

  @Field({ description: 'A sentence in bokmål on what to do.' })
  detail: string;

  @Field({ description: 'Path in the dashboard where it is acted on.' })
  link: string;
}
