import { Arg, Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';
import { WEB_TEXT_GAP_CODES, type WebTextGapCode } from '@samordna/domain';
import { enumOf } from '../../app/enums';
import type { AppContext } from '../../app/context';
import { parseAsOf } from '../../app/validation';
import { webTextFor } from './webtext.service';

export const WebTextGapCodeEnum = enumOf(
  WEB_TEXT_GAP_CODES,
  'WebTextGapCode',
  'What the data lacks for the web text: NOT_A_MEMBER (no centre today), SERVICES_NOT_REGISTERED (the § 2 elements), PHONE_SERVICE_NOT_REGISTERED, CENTRE_PHONE_NOT_HELD (Samordna holds no phone number), NO_CONTACT_POINT.',
);

export const WebTextLanguageEnum = enumOf(['NB', 'NN'] as const, 'WebTextLanguage', 'NB = bokmål, NN = nynorsk.');

@ObjectType({
  description: '«Krisesentertilbudet i X kommune»: text for the municipality’s web site, from the agreement data.',
})
export class WebTextType {
  @Field(() => WebTextLanguageEnum)
  language: string;

  @Field()
  title: string;

  @Field({ description: 'Plain text, ready to paste.' })
  text: string;

  @Field({ description: 'HTML (h2, h3, p, ul), escaped, ready to paste into a web editor.' })
  html: string;

  @Field({ description: 'ISO date of the latest change in the data the text is made from («sist oppdatert»).' })
  updatedOn: string;

  @Field(() => [String], {
    description: 'What the data lacks, for the editor (bokmål); never part of the text.',
    deprecationReason: "Bokmål prose; word `gapCodes` in the reader's language.",
  })
  gaps: string[];

  @Field(() => [WebTextGapCodeEnum], { description: 'What the data lacks, for the editor; never part of the text.' })
  gapCodes: WebTextGapCode[];
}

@Resolver()
export class WebTextResolver {
  @Query(() => WebTextType, {
    description: 'The web text for a municipality; in nynorsk where its målform is nynorsk unless a language is given.',
  })
  municipalityWebText(
    @Ctx() ctx: AppContext,
    @Arg('kommunenummer') kommunenummer: string,
    @Arg('language', () => WebTextLanguageEnum, { nullable: true }) language?: 'NB' | 'NN',
    @Arg('asOf', () => String, { nullable: true }) asOf?: string,
  ) {
    return webTextFor(ctx, kommunenummer, language, parseAsOf(asOf));
  }
}
