import { Arg, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import type { AppContext } from '../../app/context';
import { buildAgreementDocument } from './agreement-document.service';

@ObjectType({ description: 'One section of the agreement document.' })
export class DocumentSectionType {
  @Field()
  key: string;

  @Field()
  heading: string;

  @Field({ description: 'Something the agreement should say is missing («mangler»).' })
  incomplete: boolean;

  @Field(() => GraphQLJSON, {
    description: 'Blocks: { type: paragraph|list|table|missing, text | items | header+rows }.',
  })
  blocks: unknown;
}

@ObjectType({
  description:
    'The agreement as a document, generated from its data (the printable page; DOCX at /documents/agreement/<id>.docx).',
})
export class AgreementDocumentType {
  @Field()
  title: string;

  @Field()
  subtitle: string;

  @Field(() => [String], { description: 'The sections (of the nine) with something missing.' })
  missingSections: string[];

  @Field(() => [DocumentSectionType])
  sections: DocumentSectionType[];
}

@Resolver()
export class DocumentsResolver {
  @Query(() => AgreementDocumentType, {
    description:
      "The agreement's text in nine sections with Bufdir's checklist; cost figures for `year` (this year by default).",
  })
  agreementDocument(
    @Ctx() ctx: AppContext,
    @Arg('id', () => ID) id: string,
    @Arg('year', () => Int, { nullable: true }) year?: number,
    @Arg('amendmentId', () => ID, {
      nullable: true,
      description: 'The version an open amendment would make, with its changes marked.',
    })
    amendmentId?: string,
  ) {
    return buildAgreementDocument(ctx, id, year, amendmentId);
  }
}
