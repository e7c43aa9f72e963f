import { Field, ID, ObjectType } from 'type-graphql';
import { ROLE_LABELS, type Grant, type Role } from '@samordna/domain';
import { RoleEnum } from '../../app/enums';

@ObjectType({ description: 'A role the user holds, with its scope.' })
export class GrantType {
  @Field(() => RoleEnum)
  role: Role;

  @Field(() => String, { nullable: true })
  kommunenummer: string | null;

  @Field(() => ID, { nullable: true })
  centreId: string | null;

  @Field({
    description: 'The role in bokmål.',
    deprecationReason: "Bokmål prose; word `role` in the reader's language.",
  })
  label: string;
}

export function grantType(g: Grant): GrantType {
  return {
    role: g.role,
    kommunenummer: g.kommunenummer ?? null,
    centreId: g.centreId ?? null,
    label: ROLE_LABELS[g.role].nb,
  };
}
