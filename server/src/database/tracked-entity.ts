import { Field, ID, Int, ObjectType } from 'type-graphql';
import { CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/**
 * The columns most records share: a uuid id and when the row was created and last changed, as
 * database columns and GraphQL fields. Abstract: TypeORM copies the columns into each entity's own
 * table (no schema change), type-graphql copies the fields into each entity's own type; the base
 * types are never referenced, so the schema does not list them.
 */
@ObjectType('TrackedEntityBase')
export abstract class TrackedEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field()
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** A record edited by people: its version is checked on every update (optimistic locking, CONFLICT). */
@ObjectType('VersionedEntityBase')
export abstract class VersionedEntity extends TrackedEntity {
  @Field(() => Int, { description: 'Increases with every change; send it back with an update (CONFLICT if it moved).' })
  @VersionColumn({ default: 1 })
  version: number;
}
