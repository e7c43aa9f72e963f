import { Field, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { VersionedEntity } from '../../database/tracked-entity';
import { AGENCY_KINDS, type AgencyKind } from '@samordna/domain';
import { AgencyKindEnum, checkIn } from '../../app/enums';
import { Municipality } from '../municipality/municipality.entity';

/** An agency (etat) of a municipality that the crisis centre works with. */
@ObjectType({ description: 'An agency (etat) of a municipality: NAV, barnevern, housing office …' })
@Entity('agency')
@Index('IDX_agency_municipality_kind', ['kommunenummer', 'kind'])
@Check('CHK_agency_kind', checkIn('kind', AGENCY_KINDS))
export class Agency extends VersionedEntity {
  @Field()
  @Column({ type: 'varchar', length: 4 })
  kommunenummer: string;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'kommunenummer', foreignKeyConstraintName: 'FK_agency_municipality' })
  municipality?: Relation<Municipality>;

  @Field(() => AgencyKindEnum)
  @Column({ type: 'text' })
  kind: AgencyKind;

  @Field({ description: 'The name people use («NAV Bodø», «Barnevernstjenesten i Salten»).' })
  @Column({ type: 'text' })
  name: string;

  @Field({ description: 'A written cooperation agreement with the crisis centre exists.' })
  @Column({ name: 'written_agreement', type: 'boolean', default: false })
  writtenAgreement: boolean;

  @Field(() => String, { nullable: true, description: 'ISO date the written agreement was signed.' })
  @Column({ name: 'written_agreement_date', type: 'date', nullable: true })
  writtenAgreementDate: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Field()
  @Column({ name: 'is_example', type: 'boolean', default: false })
  isExample: boolean;

  @Column({ name: 'seed_key', type: 'text', nullable: true, unique: true })
  seedKey: string | null;
}
