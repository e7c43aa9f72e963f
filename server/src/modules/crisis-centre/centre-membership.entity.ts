import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Municipality } from '../municipality/municipality.entity';
import { CrisisCentre } from './crisis-centre.entity';

export enum MembershipRole {
  HOST = 'host',
  PARTNER = 'partner',
}

registerEnumType(MembershipRole, {
  name: 'MembershipRole',
  description: 'HOST = vertskommune, PARTNER = samarbeidskommune.',
});

/** A municipality's membership of a centre's cooperation, as a source documents it. */
@ObjectType({ description: 'A municipality served by a crisis centre, with the source that says so.' })
@Entity('centre_membership')
@Index('UQ_centre_membership', ['centreId', 'kommunenummer', 'role'], { unique: true })
@Check('CHK_centre_membership_role', `"role" IN ('host', 'partner')`)
export class CentreMembership {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ name: 'centre_id', type: 'uuid' })
  centreId: string;

  @ManyToOne(() => CrisisCentre, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'centre_id', foreignKeyConstraintName: 'FK_centre_membership_centre' })
  centre?: Relation<CrisisCentre>;

  @Field()
  @Index('IDX_centre_membership_municipality')
  @Column({ type: 'varchar', length: 4 })
  kommunenummer: string;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'kommunenummer', foreignKeyConstraintName: 'FK_centre_membership_municipality' })
  municipality?: Relation<Municipality>;

  @Field(() => MembershipRole)
  @Column({ type: 'text' })
  role: MembershipRole;

  @Field(() => String, { nullable: true })
  @Column({ name: 'cooperation_form', type: 'text', nullable: true })
  cooperationForm: string | null;

  @Field(() => String, { nullable: true, description: 'Date the membership took effect (ISO), where the source gives one.' })
  @Column({ name: 'joined_on', type: 'date', nullable: true })
  joinedOn: string | null;

  @Field({ description: 'The page or document that states the membership.' })
  @Column({ name: 'source_url', type: 'text' })
  sourceUrl: string;

  @Field({ description: 'How old the source is ("2023", "ca. 2022", "udatert (før 2020)").' })
  @Column({ name: 'source_as_of', type: 'text' })
  sourceAsOf: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Field()
  @Column({ name: 'is_example', type: 'boolean', default: false })
  isExample: boolean;
}
