import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, VersionColumn, type Relation } from 'typeorm';
import { TrackedEntity } from '../../database/tracked-entity';
import { CONFIDENCES, type Confidence } from '@samordna/domain';
import { checkIn } from '../../app/enums';
import { Municipality } from '../municipality/municipality.entity';
import { CrisisCentre } from '../crisis-centre/crisis-centre.entity';
import { PartyRole } from '../agreement/party-role';
import { Provenance, provenanceOf } from './provenance.type';

/**
 * A documented fact: a public source says this municipality uses this centre (as host or
 * partner). Not an agreement: no terms, no dates, no signatures. At most one per municipality
 * (the national file has no municipality in two centres). Loaded from data/national.
 */
@ObjectType({
  description:
    "A municipality's membership of a centre as a public source documents it: a fact with its provenance, not an agreement.",
})
@Entity('documented_membership')
@Check('CHK_documented_membership_role', `"role" IN ('host', 'partner')`)
@Check('CHK_documented_membership_confidence', checkIn('confidence', CONFIDENCES))
export class DocumentedMembership extends TrackedEntity {
  @Field(() => Int, { description: 'Increases with every change; send it back with a review (CONFLICT if it moved).' })
  @VersionColumn({ default: 1 })
  version: number;

  @Field()
  @Index('UQ_documented_membership_municipality', { unique: true })
  @Column({ type: 'varchar', length: 4 })
  kommunenummer: string;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'kommunenummer', foreignKeyConstraintName: 'FK_documented_membership_municipality' })
  municipality?: Relation<Municipality>;

  @Field(() => ID)
  @Index('IDX_documented_membership_centre')
  @Column({ name: 'centre_id', type: 'uuid' })
  centreId: string;

  @ManyToOne(() => CrisisCentre, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'centre_id', foreignKeyConstraintName: 'FK_documented_membership_centre' })
  centre?: Relation<CrisisCentre>;

  @Field(() => PartyRole)
  @Column({ type: 'text' })
  role: PartyRole;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'source_url', type: 'text' })
  sourceUrl: string;

  @Column({ name: 'source_date', type: 'text' })
  sourceDate: string;

  @Column({ name: 'source_year', type: 'int', nullable: true })
  sourceYear: number | null;

  @Column({ type: 'text', nullable: true })
  quote: string | null;

  @Column({ type: 'text' })
  confidence: Confidence;

  @Column({ name: 'retrieved_on', type: 'date' })
  retrievedOn: string;

  @Field(() => Date, {
    nullable: true,
    description:
      'When a user last confirmed or corrected the fact with a source (the audit trail says who); the seed then leaves it alone.',
  })
  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @Field(() => Provenance, { description: 'Where the fact comes from (Kilde), with the confidence in words.' })
  get provenance(): Provenance {
    return provenanceOf(this)!;
  }
}
