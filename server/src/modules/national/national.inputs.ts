import { z } from 'zod';
import { CONFIDENCES } from '@samordna/domain';
import { rules, zmsg } from '../../app/validation';
import { inputType } from '../../app/zod-input';
import './provenance.type'; // registers the Confidence enum the review schema uses

export const reviewSchema = z.object({
  sourceUrl: z
    .string()
    .trim()
    .max(2000, 'Lenken er for lang.')
    .regex(/^https?:\/\/\S+$/, zmsg('field.sourceUrl')),
  sourceDate: rules.text('Kildens dato', 100).describe('The source date as the source states it.'),
  quote: rules.optionalText('Sitatet', 500).nullish().describe('A short quote (no personal data).'),
  confidence: z.enum(CONFIDENCES),
});
export const ReviewSourceInput = inputType('ReviewSourceInput', reviewSchema, {
  description: 'A (new) source that confirms or corrects a documented fact.',
});
export type ReviewSourceInput = z.input<typeof reviewSchema>;

export const factsFilterSchema = z.object({
  olderThanYears: rules.int('Antall år', 0, 100).nullish(),
  kommunenummer: rules.kommunenummer().nullish(),
});
export const FactsToReviewFilter = inputType('FactsToReviewFilter', factsFilterSchema, {
  description: 'Which documented facts to review: weak, undated or older than the years given (default 6).',
});
export type FactsToReviewFilter = z.input<typeof factsFilterSchema>;
