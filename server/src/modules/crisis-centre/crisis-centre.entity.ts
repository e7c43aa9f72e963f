import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Municipality } from '../municipality/municipality.entity';

/**
 * A crisis centre (krisesenter). Never an address: shelter addresses are secret, and
 * no field here may hold one.
 */
@ObjectType({ description: 'A crisis centre and the municipality that hosts it. Never holds an address.' })
@Entity('crisis_centre')
export class CrisisCentre {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Index('UQ_crisis_centre_name', { unique: true })
  @Column({ type: 'text' })
  name: string;

  @Field({ description: 'Kommunenummer of the host municipality (vertskommune).' })
  @Index('IDX_crisis_centre_host')
  @Column({ name: 'host_kommunenummer', type: 'varchar', length: 4 })
  hostKommunenummer: string;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'host_kommunenummer', foreignKeyConstraintName: 'FK_crisis_centre_host' })
  host?: Relation<Municipality>;

  @Field(() => String, { nullable: true, description: 'Form of cooperation as the source states it.' })
  @Column({ name: 'cooperation_form', type: 'text', nullable: true })
  cooperationForm: string | null;

  @Field(() => String, { nullable: true, description: 'Where the facts about this centre come from.' })
  @Column({ name: 'source_url', type: 'text', nullable: true })
  sourceUrl: string | null;

  @Field(() => String, { nullable: true, description: 'How old the source is, as the source allows us to say.' })
  @Column({ name: 'source_as_of', type: 'text', nullable: true })
  sourceAsOf: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Field({ description: 'True when the record is invented demo data, not a verified fact.' })
  @Column({ name: 'is_example', type: 'boolean', default: false })
  isExample: boolean;
}
