import { Field, Int, ObjectType } from 'type-graphql';
import {
  CONFIDENCE_LABELS,
  CONFIDENCES,
  DEFAULT_OLD_SOURCE_YEARS,
  evidenceOf,
  SOURCE_DATING_CODES,
  sourceDatingOf,
  todayInNorway,
  type Confidence,
  type SourceDatingCode,
} from '@samordna/domain';
import { enumOf } from '../../app/enums';

export const ConfidenceEnum = enumOf(
  CONFIDENCES,
  'Confidence',
  'How sure the source makes us: HIGH names the municipality, MEDIUM is old or implied, WEAK is inferred (data/national/README.md).',
);

export const SourceDatingCodeEnum = enumOf(
  SOURCE_DATING_CODES,
  'SourceDatingCode',
  'DATED (date as the source gives it), ABOUT (ca. year), UNDATED, UNDATED_BEFORE / UNDATED_AFTER (year bounds it).',
);

@ObjectType({ description: "A source's date as a code clients word («udatert (før 2020)» is UNDATED_BEFORE 2020)." })
export class SourceDating {
  @Field(() => SourceDatingCodeEnum)
  code: SourceDatingCode;

  @Field(() => String, {
    nullable: true,
    description: 'DATED: the date as the source gives it (2014, 2021-03, 2025-09-28).',
  })
  date: string | null;

  @Field(() => Int, { nullable: true, description: 'ABOUT, UNDATED_BEFORE, UNDATED_AFTER: the year; DATED: its year.' })
  year: number | null;
}

/** Where a documented fact comes from: the one shape for every sourced fact (centre, membership). */
@ObjectType({
  description: 'Where a documented fact comes from: source URL, source date, quote, confidence, the day it was read.',
})
export class Provenance {
  @Field()
  sourceUrl: string;

  @Field({
    description:
      'The source date as recorded (bokmål; may be «udatert …» with a note): the data as written, for display in bokmål. Word `sourceDating` in other languages.',
  })
  sourceDate: string;

  @Field(() => SourceDating)
  sourceDating: SourceDating;

  @Field(() => Int, { nullable: true, description: 'The year the source speaks for; null when undated.' })
  sourceYear: number | null;

  @Field(() => String, { nullable: true, description: 'A short quote from the source (Norwegian).' })
  quote: string | null;

  @Field(() => ConfidenceEnum)
  confidence: Confidence;

  @Field({
    description: 'The confidence in words (nb-NO): «Høy», «Middels», «Svak».',
    deprecationReason: "Bokmål prose; word `confidence` in the reader's language.",
  })
  confidenceLabel: string;

  @Field({
    description: 'What the confidence level means (nb-NO).',
    deprecationReason: "Bokmål prose; word `confidence` in the reader's language.",
  })
  confidenceMeaning: string;

  @Field(() => String, { nullable: true, description: 'ISO date the source was read.' })
  retrievedOn: string | null;

  @Field({
    description: `True when the evidence is weak (not HIGH) or old (undated or more than ${DEFAULT_OLD_SOURCE_YEARS} years old): marked on the map and in the panel.`,
  })
  marked: boolean;

  @Field({ description: 'True when the source is undated or more than the threshold in years old.' })
  old: boolean;

  @Field({
    description: 'The evidence in words, e.g. «Middels sikkerhet; kilden er fra 2012».',
    deprecationReason: 'Bokmål prose; word it from confidence, sourceYear and old.',
  })
  evidence: string;
}

/** The stored columns of a sourced fact, as both tables hold them. */
export interface ProvenanceColumns {
  sourceUrl: string | null;
  sourceDate: string | null;
  sourceYear: number | null;
  quote: string | null;
  confidence: Confidence | null;
  retrievedOn: string | null;
}

export function provenanceOf(c: ProvenanceColumns, asOf: string = todayInNorway()): Provenance | null {
  if (!c.sourceUrl || !c.confidence) return null;
  const e = evidenceOf({ sourceYear: c.sourceYear, confidence: c.confidence }, asOf);
  return {
    sourceUrl: c.sourceUrl,
    sourceDate: c.sourceDate ?? 'udatert',
    sourceDating: sourceDatingOf(c.sourceDate),
    sourceYear: c.sourceYear,
    quote: c.quote,
    confidence: c.confidence,
    confidenceLabel: CONFIDENCE_LABELS[c.confidence].nb,
    confidenceMeaning: CONFIDENCE_LABELS[c.confidence].meaningNb,
    retrievedOn: c.retrievedOn,
    marked: e.marked,
    old: e.old,
    evidence: e.nb,
  };
}
