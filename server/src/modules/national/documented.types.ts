import { Field, ID, Int, ObjectType } from 'type-graphql';
import { PartyRole } from '../agreement/party-role';
import type { DocumentedMembership } from './documented-membership.entity';
import { Provenance, provenanceOf } from './provenance.type';

/** A documented membership as the coverage views show it: the centre by name, the role, the source. */
@ObjectType({
  simpleResolvers: true,
  description: "A municipality's membership of a centre as a public source documents it (not an agreement).",
})
export class DocumentedMembershipView {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  centreId: string;

  @Field()
  kommunenummer: string;

  @Field(() => Int)
  version: number;

  @Field(() => Date, { nullable: true, description: 'When a user last confirmed or corrected it.' })
  reviewedAt: Date | null;

  @Field()
  centreName: string;

  @Field(() => PartyRole)
  role: PartyRole;

  @Field(() => String, { nullable: true })
  note: string | null;

  @Field(() => Provenance)
  provenance: Provenance;
}

export function documentedOf(d: DocumentedMembership, asOf: string): DocumentedMembershipView {
  return {
    id: d.id,
    kommunenummer: d.kommunenummer,
    version: d.version,
    reviewedAt: d.reviewedAt,
    centreId: d.centreId,
    centreName: d.centre!.name,
    role: d.role,
    note: d.note,
    provenance: provenanceOf(d, asOf)!,
  };
}
