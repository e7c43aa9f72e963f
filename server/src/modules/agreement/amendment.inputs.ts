import { z } from 'zod';
import { AMENDMENT_STATUSES } from '@samordna/domain';
import { rules } from '../../app/validation';
import { inputType } from '../../app/zod-input';
import { costTermsSchema } from '../cost-sharing/cost.inputs'; // built as the CostTermsInput type
import { agreementFieldsSchema } from './agreement.inputs';
import './amendment.entity'; // registers the AmendmentStatus enum the filter uses

export const amendmentChangesSchema = agreementFieldsSchema.pick({
  title: true,
  legalBasis: true,
  validTo: true,
  autoRenew: true,
  renewalMonths: true,
  noticeMonths: true,
  noticeRunsTo: true,
  signingLevel: true,
  checklist: true,
  note: true,
});
/** The agreement fields an amendment may change; a field left out stays as it is. */
export const AmendmentChangesInput = inputType('AmendmentChangesInput', amendmentChangesSchema);
export type AmendmentChangesInput = z.input<typeof amendmentChangesSchema>;

export const amendmentSchema = z.object({
  summary: rules.text('Oppsummeringen', 500).describe('What the amendment is about, in a sentence.'),
  effectiveOn: rules.isoDate('Datoen endringen gjelder fra,').describe('ISO date the new version takes effect.'),
  changes: amendmentChangesSchema.nullish().transform((c) => c ?? {}),
  costTerms: costTermsSchema.nullish().describe('A new cost model, when it changes.'),
  joining: z
    .array(rules.kommunenummer())
    .max(100)
    .nullish()
    .transform((x) => x ?? [])
    .describe('Kommunenummer of municipalities joining.'),
  leaving: z
    .array(rules.kommunenummer())
    .max(100)
    .nullish()
    .transform((x) => x ?? [])
    .describe('Kommunenummer of partners leaving.'),
});
export const AmendmentInput = inputType('AmendmentInput', amendmentSchema, {
  description: 'A proposed new version of a binding agreement.',
});
export type AmendmentInput = z.input<typeof amendmentSchema>;

export const approvalSchema = z.object({
  decisionBody: rules.text('Vedtaksorganet', 100).describe('«kommunestyret», «formannskapet», «kommunedirektøren» …'),
  decisionRef: rules.text('Saksnummeret', 100).describe('Decision reference («sak 45/26»).'),
  decisionDate: rules.isoDate('Vedtaksdatoen').describe('ISO date of the decision.'),
});
export const ApprovalInput = inputType('ApprovalInput', approvalSchema, {
  description: "An affected municipality's approval, with its decision.",
});
export type ApprovalInput = z.input<typeof approvalSchema>;

export const amendmentFilterSchema = z.object({
  agreementId: rules.uuid('avtale').nullish(),
  awaitingKommunenummer: rules
    .kommunenummer()
    .nullish()
    .describe('Open amendments still waiting for this municipality’s decision.'),
  statuses: z.array(z.enum(AMENDMENT_STATUSES)).nullish(),
});
export const AmendmentFilter = inputType('AmendmentFilter', amendmentFilterSchema);
export type AmendmentFilter = z.input<typeof amendmentFilterSchema>;

export type AmendmentData = z.infer<typeof amendmentSchema>;
