import { Field, ObjectType } from 'type-graphql';
import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

@ObjectType({ simpleResolvers: true, description: 'A county (fylke), structure from 1 January 2024.' })
@Entity('county')
@Check('CHK_county_number', `"number" ~ '^[0-9]{2}$'`)
export class County {
  @Field({ description: 'Fylkesnummer, two digits ("18" = Nordland).' })
  @PrimaryColumn({ type: 'varchar', length: 2 })
  number: string;

  @Field()
  @Column({ type: 'text' })
  name: string;
}
