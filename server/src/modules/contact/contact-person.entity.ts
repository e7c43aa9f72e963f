import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { VersionedEntity } from '../../database/tracked-entity';
import { Agency } from './agency.entity';

/**
 * A professional's work contact details at an agency. Work details only: never private phone
 * numbers or addresses, and nothing about the people the centre helps.
 */
@ObjectType({ description: "A contact person's work details at an agency." })
@Entity('contact_person')
@Index('UQ_contact_person_contact_point', ['kommunenummer'], { unique: true, where: '"is_contact_point"' })
export class ContactPerson extends VersionedEntity {
  @Field(() => ID)
  @Index('IDX_contact_person_agency')
  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId: string;

  /**
   * The agency's municipality, kept by the database (trigger on insert and update), so that «one
   * contact point per municipality» is a unique index. Never written by the application.
   */
  @Column({ type: 'varchar', length: 4, insert: false, update: false })
  kommunenummer: string;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id', foreignKeyConstraintName: 'FK_contact_person_agency' })
  agency?: Relation<Agency>;

  @Field()
  @Column({ type: 'text' })
  name: string;

  @Field(() => String, { nullable: true, description: 'Role or title («Koordinator», «Fagleder»).' })
  @Column({ type: 'text', nullable: true })
  title: string | null;

  /** Work phone; exposed to signed-in users only (see the resolver). */
  @Column({ type: 'text', nullable: true })
  phone: string | null;

  /** Work e-mail; exposed to signed-in users only. */
  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Field({ description: "The municipality's single contact point for the centre (one per municipality)." })
  @Column({ name: 'is_contact_point', type: 'boolean', default: false })
  isContactPoint: boolean;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true })
  verifiedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Who verified the details.' })
  @Column({ name: 'verified_by', type: 'text', nullable: true })
  verifiedBy: string | null;

  @Field()
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Field()
  @Column({ name: 'is_example', type: 'boolean', default: false })
  isExample: boolean;

  @Column({ name: 'seed_key', type: 'text', nullable: true, unique: true })
  seedKey: string | null;
}
