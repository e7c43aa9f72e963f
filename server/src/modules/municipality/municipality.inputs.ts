import { Field, Float, InputType, ObjectType } from 'type-graphql';

@InputType({ description: 'Narrows the list of municipalities. Both fields are optional and combine.' })
export class MunicipalityFilter {
  @Field(() => String, { nullable: true, description: 'Fylkesnummer, two digits ("18").' })
  countyNumber?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Part of the name (Norwegian or Sami), or the start of the kommunenummer.',
  })
  search?: string | null;
}

@ObjectType({ description: 'A representative point inside the municipality. Not a town centre; never an address.' })
export class GeoPoint {
  @Field(() => Float)
  lat: number;

  @Field(() => Float)
  lon: number;

  @Field({ description: '"sentroide" (spherical centroid) or "indre_punkt" (pole of inaccessibility).' })
  method: string;
}
