import { ClassType, Field, Int, ObjectType } from 'type-graphql';

/** A page of results with the total, for `limit`/`offset` pagination. */
export function Paginated<T extends object>(itemClass: ClassType<T>, name: string) {
  @ObjectType(`${name}Page`)
  class Page {
    @Field(() => [itemClass])
    items: T[];

    @Field(() => Int, { description: 'Matching rows in all, whatever limit and offset.' })
    totalCount: number;
  }
  return Page;
}
