import { Arg, Authorized, Ctx, Field, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../../app/context';
import { requireUser } from '../../app/auth';
import { parseAsOf } from '../../app/validation';
import { calendarFeedCreatedAt, createCalendarFeed, revokeCalendarFeed } from './calendar';
import { remindersFor } from './reminders.service';
import { ReminderType } from './reminders.types';

@ObjectType({ description: 'A new secret calendar link: shown once, replaces any earlier one.' })
export class CalendarFeedLink {
  @Field({
    description: 'The iCalendar (.ics) URL to subscribe to. Anyone with it sees your reminders: keep it to yourself.',
  })
  url: string;

  @Field()
  createdAt: Date;
}

@Resolver()
export class RemindersResolver {
  @Authorized()
  @Query(() => [ReminderType], {
    description: "The signed-in user's reminders on a day (today in Norway by default), nearest first.",
  })
  async myReminders(@Ctx() ctx: AppContext, @Arg('asOf', () => String, { nullable: true }) asOf?: string) {
    const user = requireUser(ctx);
    const reminders = await remindersFor(ctx.dataSource, user.grants, parseAsOf(asOf));
    const none = {
      agreement: null,
      municipality: null,
      centre: null,
      summary: null,
      count: null,
      months: null,
      end: null,
    };
    return reminders.map((r) => ({ ...r, params: { ...none, ...r.params } }));
  }

  @Authorized()
  @Query(() => Date, {
    nullable: true,
    description: 'When the signed-in user’s calendar link was made; null when there is none.',
  })
  myCalendarFeedCreatedAt(@Ctx() ctx: AppContext) {
    return calendarFeedCreatedAt(ctx);
  }

  @Authorized()
  @Mutation(() => CalendarFeedLink, {
    description: 'Makes a new secret calendar link for the signed-in user; the old one stops working.',
  })
  createCalendarFeed(@Ctx() ctx: AppContext) {
    return createCalendarFeed(ctx);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Revokes the signed-in user’s calendar link (true when there was one).' })
  revokeCalendarFeed(@Ctx() ctx: AppContext) {
    return revokeCalendarFeed(ctx);
  }
}
