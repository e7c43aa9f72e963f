import { Field, Int, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { VersionedEntity } from '../../database/tracked-entity';
import {
  CAPABILITIES,
  CENTRE_STATUSES,
  CONFIDENCES,
  ORGANISATION_FORMS,
  SERVICE_ELEMENTS,
  type Capability,
  type CentreStatus,
  type Confidence,
  type OrganisationForm,
  type ServiceElement,
} from '@samordna/domain';
import { CapabilityEnum, checkIn, enumOf, OrganisationFormEnum, ServiceElementEnum } from '../../app/enums';
import { Provenance, provenanceOf } from '../national/provenance.type';

export const CentreStatusEnum = enumOf(
  CENTRE_STATUSES,
  'CentreStatus',
  'OPERATING (i drift), CLOSED (nedlagt), UNCERTAIN (usikker).',
);
import { Municipality } from '../municipality/municipality.entity';

const arrayCheck = (column: string, values: readonly string[]) =>
  `"${column}" IS NULL OR "${column}" <@ ARRAY[${values.map((v) => `'${v}'`).join(', ')}]::text[]`;

/**
 * A crisis centre (krisesenter). Never an address: shelter addresses are secret, and no field
 * here may hold one.
 */
@ObjectType({ description: 'A crisis centre and the municipality that hosts it. Never holds an address.' })
@Entity('crisis_centre')
@Check('CHK_crisis_centre_organisation_form', checkIn('organisation_form', ORGANISATION_FORMS))
@Check('CHK_crisis_centre_services', arrayCheck('services', SERVICE_ELEMENTS))
@Check('CHK_crisis_centre_capabilities', arrayCheck('capabilities', CAPABILITIES))
@Check('CHK_crisis_centre_operating_status', checkIn('operating_status', CENTRE_STATUSES))
@Check(
  'CHK_crisis_centre_source_confidence',
  `"source_confidence" IS NULL OR ${checkIn('source_confidence', CONFIDENCES)}`,
)
@Check('CHK_crisis_centre_capacity', `"capacity_rooms" IS NULL OR "capacity_rooms" >= 0`)
@Index('UQ_crisis_centre_name_ci', { synchronize: false })
export class CrisisCentre extends VersionedEntity {
  /** Unique regardless of case: index UQ_crisis_centre_name_ci on lower(name) (migration integrity-races). */
  @Field()
  @Column({ type: 'text' })
  name: string;

  @Field(() => String, {
    nullable: true,
    description: 'Kommunenummer of the host municipality (vertskommune); null: host «ikke kjent» (no source names it).',
  })
  @Index('IDX_crisis_centre_host')
  @Column({ name: 'host_kommunenummer', type: 'varchar', length: 4, nullable: true })
  hostKommunenummer: string | null;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'host_kommunenummer', foreignKeyConstraintName: 'FK_crisis_centre_host' })
  host?: Relation<Municipality>;

  @Field(() => OrganisationFormEnum)
  @Column({ name: 'organisation_form', type: 'text', default: 'UNKNOWN' })
  organisationForm: OrganisationForm;

  @Field(() => [ServiceElementEnum], {
    nullable: true,
    description: 'The § 2 elements the centre offers; null when not registered (not the same as none).',
  })
  @Column({ type: 'text', array: true, nullable: true })
  services: ServiceElement[] | null;

  @Field(() => [CapabilityEnum], { nullable: true, description: 'Null when not registered.' })
  @Column({ type: 'text', array: true, nullable: true })
  capabilities: Capability[] | null;

  @Field(() => Int, { nullable: true, description: 'Number of rooms.' })
  @Column({ name: 'capacity_rooms', type: 'int', nullable: true })
  capacityRooms: number | null;

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

  @Field(() => CentreStatusEnum, { description: 'In operation, closed, or uncertain (data/national).' })
  @Column({ name: 'operating_status', type: 'text', default: 'OPERATING' })
  operatingStatus: CentreStatus;

  @Field(() => String, {
    nullable: true,
    description:
      'How the host is known: vertskommune (stated), oppdragsgiver (buys/runs it), lokalisering (only where it is), navn (inferred from the name).',
  })
  @Column({ name: 'host_basis', type: 'text', nullable: true })
  hostBasis: string | null;

  @Field(() => String, { nullable: true, description: "The centre's name in Bufdir's tables, where it differs." })
  @Column({ name: 'bufdir_name', type: 'text', nullable: true })
  bufdirName: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Number of municipalities served, as the source states it (with year).',
  })
  @Column({ name: 'reported_municipalities', type: 'text', nullable: true })
  reportedMunicipalities: string | null;

  @Column({ name: 'source_year', type: 'int', nullable: true })
  sourceYear: number | null;

  @Column({ name: 'source_quote', type: 'text', nullable: true })
  sourceQuote: string | null;

  @Column({ name: 'source_confidence', type: 'text', nullable: true })
  sourceConfidence: Confidence | null;

  @Column({ name: 'source_retrieved_on', type: 'date', nullable: true })
  sourceRetrievedOn: string | null;

  @Field(() => Provenance, {
    nullable: true,
    description: 'Where the facts about the centre come from (Kilde); null for centres registered by users.',
  })
  get provenance(): Provenance | null {
    return provenanceOf({
      sourceUrl: this.sourceUrl,
      sourceDate: this.sourceAsOf,
      sourceYear: this.sourceYear,
      quote: this.sourceQuote,
      confidence: this.sourceConfidence,
      retrievedOn: this.sourceRetrievedOn,
    });
  }

  @Field({ description: 'True when the whole record is invented demo data, not a verified fact.' })
  @Column({ name: 'is_example', type: 'boolean', default: false })
  isExample: boolean;

  @Field(() => [String], { description: 'Fields whose values are invented examples on an otherwise real record.' })
  @Column({ name: 'example_fields', type: 'text', array: true, default: () => "'{}'" })
  exampleFields: string[];

  @Column({ name: 'seed_key', type: 'text', nullable: true, unique: true })
  seedKey: string | null;
}
