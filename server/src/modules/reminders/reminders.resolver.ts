import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../../app/context';
import { requireUser } from '../../app/auth';
import { parseAsOf } from '../../app/validation';
import { remindersFor } from './reminders.service';
import { ReminderType } from './reminders.types';

@Resolver()
export class RemindersResolver {
  @Authorized()
  @Query(() => [ReminderType], { description: "The signed-in user's reminders on a day (today in Norway by default), nearest first." })
  myReminders(@Ctx() ctx: AppContext, @Arg('asOf', () => String, { nullable: true }) asOf?: string) {
    const user = requireUser(ctx);
    return remindersFor(ctx.dataSource, user.grants, parseAsOf(asOf));
  }
}
