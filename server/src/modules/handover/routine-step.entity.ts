import { Field, ID, Int, ObjectType } from 'type-graphql';
import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import {
  AGENCY_KINDS,
  ROUTINE_STEP_KINDS,
  STEP_TIMINGS,
  type AgencyKind,
  type RoutineStepKind,
  type StepTiming,
} from '@samordna/domain';
import { AgencyKindEnum, checkIn, RoutineStepKindEnum, StepTimingEnum } from '../../app/enums';
import { ContactPerson } from '../contact/contact-person.entity';
import { HandoverRoutine } from './handover-routine.entity';

@ObjectType({ description: 'One step of a handover routine, in order.' })
@Entity('routine_step')
@Check('CHK_routine_step_kind', checkIn('kind', ROUTINE_STEP_KINDS))
@Check('CHK_routine_step_timing', checkIn('timing', STEP_TIMINGS))
@Check(
  'CHK_routine_step_agency_kind',
  `"responsible_agency_kind" IS NULL OR ${checkIn('responsible_agency_kind', AGENCY_KINDS)}`,
)
@Check('CHK_routine_step_position', `"position" >= 0`)
export class RoutineStep {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Index('IDX_routine_step_routine')
  @Column({ name: 'routine_id', type: 'uuid' })
  routineId: string;

  @ManyToOne(() => HandoverRoutine, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'routine_id', foreignKeyConstraintName: 'FK_routine_step_routine' })
  routine?: Relation<HandoverRoutine>;

  @Field(() => Int, { description: 'Order within the routine, from 0.' })
  @Column({ type: 'int' })
  position: number;

  @Field(() => RoutineStepKindEnum)
  @Column({ type: 'text' })
  kind: RoutineStepKind;

  @Field()
  @Column({ type: 'text' })
  title: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field(() => AgencyKindEnum, {
    nullable: true,
    description: 'The agency responsible; null means the crisis centre itself.',
  })
  @Column({ name: 'responsible_agency_kind', type: 'text', nullable: true })
  responsibleAgencyKind: AgencyKind | null;

  @Field(() => StepTimingEnum)
  @Column({ type: 'text' })
  timing: StepTiming;

  @Field(() => ID, { nullable: true })
  @Index('IDX_routine_step_contact')
  @Column({ name: 'contact_id', type: 'uuid', nullable: true })
  contactId: string | null;

  @ManyToOne(() => ContactPerson, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'contact_id', foreignKeyConstraintName: 'FK_routine_step_contact' })
  contact?: Relation<ContactPerson>;

  @Field()
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
