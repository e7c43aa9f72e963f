import { Field, ID, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { VersionedEntity } from '../../database/tracked-entity';
import { ROUTINE_STATUSES, type RoutineStatus } from '@samordna/domain';
import { checkIn, RoutineStatusEnum } from '../../app/enums';
import { CrisisCentre } from '../crisis-centre/crisis-centre.entity';
import { Municipality } from '../municipality/municipality.entity';

/** The routine for handing a resident over from a centre to a municipality after a stay. */
@ObjectType({ description: 'Handover routine between a centre and one municipality (re-establishment phase).' })
@Entity('handover_routine')
@Index('UQ_handover_routine_centre_municipality', ['centreId', 'kommunenummer'], { unique: true })
@Check('CHK_handover_routine_status', checkIn('status', ROUTINE_STATUSES))
export class HandoverRoutine extends VersionedEntity {
  @Field(() => ID)
  @Column({ name: 'centre_id', type: 'uuid' })
  centreId: string;

  @ManyToOne(() => CrisisCentre, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'centre_id', foreignKeyConstraintName: 'FK_handover_routine_centre' })
  centre?: Relation<CrisisCentre>;

  @Field()
  @Index('IDX_handover_routine_municipality')
  @Column({ type: 'varchar', length: 4 })
  kommunenummer: string;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'kommunenummer', foreignKeyConstraintName: 'FK_handover_routine_municipality' })
  municipality?: Relation<Municipality>;

  @Field(() => RoutineStatusEnum)
  @Column({ type: 'text', default: 'DRAFT' })
  status: RoutineStatus;

  @Field(() => String, { nullable: true, description: 'ISO date the routine was adopted.' })
  @Column({ name: 'adopted_on', type: 'date', nullable: true })
  adoptedOn: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'last_reviewed_on', type: 'date', nullable: true })
  lastReviewedOn: string | null;

  @Field(() => String, { nullable: true, description: 'ISO date the next review is due.' })
  @Column({ name: 'review_due_on', type: 'date', nullable: true })
  reviewDueOn: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Field()
  @Column({ name: 'is_example', type: 'boolean', default: false })
  isExample: boolean;

  @Column({ name: 'seed_key', type: 'text', nullable: true, unique: true })
  seedKey: string | null;
}
