import { Field, ID, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One change: who, when, what, and the changed fields before and after. */
@ObjectType({ description: 'An audited change.' })
@Entity('audit_log')
@Index('IDX_audit_log_entity', ['entity', 'entityId'])
@Index('IDX_audit_log_at', ['at'])
@Index('IDX_audit_log_parent', ['parentEntity', 'parentId'])
export class AuditEntry {
  @Field(() => ID)
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Field()
  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;

  @Field(() => String, { nullable: true, description: "Who (the user's name and e-mail at the time)." })
  @Column({ name: 'user_label', type: 'text', nullable: true })
  userLabel: string | null;

  @Field({ description: 'CREATE, UPDATE, DELETE, STATUS, VERIFY, ERASE …' })
  @Column({ type: 'text' })
  operation: string;

  @Field()
  @Column({ type: 'text' })
  entity: string;

  @Field(() => ID)
  @Column({ name: 'entity_id', type: 'text' })
  entityId: string;

  @Field(() => String, {
    nullable: true,
    description: 'For a part of a record (a routine step, an agreement party): the record it belongs to.',
  })
  @Column({ name: 'parent_entity', type: 'text', nullable: true })
  parentEntity: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'parent_id', type: 'text', nullable: true })
  parentId: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Which part, as it was at the time (the step's title, the party's municipality).",
  })
  @Column({ name: 'part_label', type: 'text', nullable: true })
  partLabel: string | null;

  @Field(() => GraphQLJSONObject, {
    description: 'Changed fields: { field: { before, after } }. Empty after an erasure.',
  })
  @Column({ type: 'jsonb', default: () => "'{}'" })
  changes: Record<string, { before: unknown; after: unknown }>;
}
