import { z } from 'zod';
import { FINDING_CODES, SEVERITIES, isCountyNumber } from '@samordna/domain';
import { rules, zmsg } from '../../app/validation';
import { inputType } from '../../app/zod-input';
import './coverage.types'; // registers the FindingCode and Severity enums the filter uses

export const coverageFilterSchema = z.object({
  countyNumber: z.string().refine(isCountyNumber, zmsg('field.countyNumber')).nullish(),
  centreId: rules.uuid('krisesenter').nullish().describe("The centre's host and the parties of its agreements."),
  code: z.enum(FINDING_CODES).nullish(),
  severity: z.enum(SEVERITIES).nullish().describe('Rows whose worst severity is this.'),
});
export const CoverageFilter = inputType('CoverageFilter', coverageFilterSchema);
export type CoverageFilter = z.input<typeof coverageFilterSchema>;

export const coverageConfigSchema = z.object({
  noticeWithinDays: rules.int('Antall dager', 0, 3650).nullish(),
  staleAfterMonths: rules.int('Antall måneder', 1, 120).nullish(),
  farFromCentreKm: rules.int('Avstanden', 1, 3000).nullish(),
});
export const CoverageConfigInput = inputType('CoverageConfigInput', coverageConfigSchema, {
  description: 'Thresholds of the rules; defaults: 180 days, 6 months, 150 km.',
});
export type CoverageConfigInput = z.input<typeof coverageConfigSchema>;
