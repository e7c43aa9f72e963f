import { Field, Float, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { County } from './county.entity';

@ObjectType({
  simpleResolvers: true,
  description: 'A Norwegian municipality (kommune), structure from 1 January 2024.',
})
@Entity('municipality')
@Check('CHK_municipality_switchboard_source', `"switchboard_phone" IS NULL OR "switchboard_source" IS NOT NULL`)
@Check(
  'CHK_municipality_kommunenummer',
  `"kommunenummer" ~ '^[0-9]{4}$' AND left("kommunenummer", 2) = "county_number"`,
)
export class Municipality {
  @Field({ description: 'Kommunenummer: always a four-character string ("0301").' })
  @PrimaryColumn({ type: 'varchar', length: 4 })
  kommunenummer: string;

  @Field({ description: 'The Norwegian name (Bodø, Trondheim).' })
  @Column({ type: 'text' })
  name: string;

  @Field(() => String, { nullable: true, description: 'The Sami or Kven name where the municipality has one.' })
  @Column({ name: 'sami_name', type: 'text', nullable: true })
  samiName: string | null;

  @Field({ description: 'Fylkesnummer of the county the municipality lies in.' })
  @Index('IDX_municipality_county')
  @Column({ name: 'county_number', type: 'varchar', length: 2 })
  countyNumber: string;

  @ManyToOne(() => County, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'county_number', foreignKeyConstraintName: 'FK_municipality_county' })
  county?: Relation<County>;

  @Field(() => Float, { nullable: true, description: 'Area in km².' })
  @Column({ name: 'area_km2', type: 'double precision', nullable: true })
  areaKm2: number | null;

  @Field(() => String, { nullable: true, description: 'Administrative centre (name only).' })
  @Column({ name: 'admin_centre', type: 'text', nullable: true })
  adminCentre: string | null;

  @Field(() => String, { nullable: true, description: 'Official written standard (målform).' })
  @Column({ name: 'language_form', type: 'text', nullable: true })
  languageForm: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The municipality's switchboard (sentralbord); null: not registered. Entered by the municipality's own users.",
  })
  @Column({ name: 'switchboard_phone', type: 'text', nullable: true })
  switchboardPhone: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Where the switchboard number comes from (a URL, or who registered it and when).',
  })
  @Column({ name: 'switchboard_source', type: 'text', nullable: true })
  switchboardSource: string | null;

  @Column({ type: 'double precision', nullable: true })
  lat: number | null;

  @Column({ type: 'double precision', nullable: true })
  lon: number | null;

  @Column({ name: 'point_method', type: 'text', nullable: true })
  pointMethod: string | null;
}
