import { z } from 'zod';
import {
  AGREEMENT_STATUSES,
  CHECKLIST_KEYS,
  NOTICE_RUNS_TO,
  SIGNING_LEVELS,
  type ChecklistKey,
} from '@samordna/domain';
import { enumOf } from '../../app/enums'; // also registers AgreementStatus and SigningLevel for zod
import { rules, zmsg } from '../../app/validation';
import { inputType } from '../../app/zod-input';
import { PartyRole } from './party-role';
import './agreement.types'; // registers the ChecklistKey and NoticeRunsTo enums the schemas use

export const agreementFilterSchema = z.object({
  centreId: rules.uuid('krisesenter').nullish(),
  kommunenummer: rules.kommunenummer().nullish().describe('Agreements the municipality is (or was) a party to.'),
  statuses: z.array(z.enum(AGREEMENT_STATUSES)).nullish(),
  deadlineWithinDays: rules
    .int('Antall dager', 0, 3650)
    .nullish()
    .describe('Only agreements whose notice deadline or expiry is within this many days.'),
  asOf: rules
    .optionalIsoDate('Dato')
    .optional()
    .describe('The day deadlines are computed for (ISO); today in Norway by default.'),
});
export const AgreementFilter = inputType('AgreementFilter', agreementFilterSchema);
export type AgreementFilter = z.input<typeof agreementFilterSchema>;

/** The orders the agreement list can be read in (the dashboard's sortable columns). */
export const AGREEMENT_ORDERS = ['NEWEST', 'TITLE', 'CENTRE', 'STATUS', 'DAYS_LEFT'] as const;
export type AgreementOrder = (typeof AGREEMENT_ORDERS)[number];
export const AgreementOrderEnum = enumOf(
  AGREEMENT_ORDERS,
  'AgreementOrder',
  'NEWEST: by start, newest first; TITLE, CENTRE (then title), STATUS (in the order of the statuses, then title); DAYS_LEFT: nearest deadline first, agreements without one last.',
);

// ---- zod schemas: formats, ranges and the field each problem concerns ----

const checklistItemSchema = z.object({
  key: z.enum(CHECKLIST_KEYS as [ChecklistKey, ...ChecklistKey[]]),
  covered: z.boolean(),
  note: rules.optionalText('Merknad', 500),
});
export const ChecklistItemInput = inputType('ChecklistItemInput', checklistItemSchema);
export type ChecklistItemInput = z.input<typeof checklistItemSchema>;

const checklistSchema = z
  .array(checklistItemSchema)
  .refine((items) => new Set(items.map((i) => i.key)).size === items.length, zmsg('field.checklistUnique'));

export const partySchema = z.object({
  kommunenummer: rules.kommunenummer(),
  role: z.enum([PartyRole.HOST, PartyRole.PARTNER]),
  joinedOn: rules.optionalIsoDate('Innmeldt dato'),
  leftOn: rules.optionalIsoDate('Utmeldt dato'),
  note: rules.optionalText('Merknad', 500),
});
export const PartyInput = inputType('PartyInput', partySchema);
export type PartyInput = z.input<typeof partySchema>;

export const updatePartySchema = z.object({
  joinedOn: rules.optionalIsoDate('Innmeldt dato').optional(),
  leftOn: rules.optionalIsoDate('Utmeldt dato').optional(),
  note: rules.optionalText('Merknad', 500).optional(),
});
export const UpdatePartyInput = inputType('UpdatePartyInput', updatePartySchema);
export type UpdatePartyInput = z.input<typeof updatePartySchema>;

export const agreementFieldsSchema = z.object({
  title: rules.text('Tittel', 300).optional(),
  legalBasis: rules.optionalText('Rettslig grunnlag', 500).optional(),
  validFrom: rules.optionalIsoDate('Gyldig fra').optional(),
  validTo: rules.optionalIsoDate('Gyldig til').optional(),
  autoRenew: z.boolean().optional(),
  renewalMonths: rules.int('Fornyelsesperioden', 1, 120).nullish(),
  noticeMonths: rules.int('Oppsigelsestiden', 0, 60).nullish(),
  noticeRunsTo: z.enum(NOTICE_RUNS_TO).optional(),
  signingLevel: z.enum(SIGNING_LEVELS).optional(),
  councilDecisionRef: rules.optionalText('Saksnummer', 100).optional(),
  councilDecisionDate: rules.optionalIsoDate('Vedtaksdato').optional(),
  archiveRef: rules.optionalText('Arkivreferanse', 100).optional(),
  supersedesId: rules.uuid('avtalen den erstatter').nullish(),
  checklist: checklistSchema.optional(),
  note: rules.optionalText('Merknad', 4000).optional(),
});
export const AgreementFieldsInput = inputType('AgreementFieldsInput', agreementFieldsSchema, {
  description: 'On update, a field left out stays as it is. Status has its own mutation.',
});
export type AgreementFieldsInput = z.input<typeof agreementFieldsSchema>;

export const createAgreementSchema = agreementFieldsSchema.extend({
  centreId: rules.uuid('krisesenter'),
  title: rules.text('Tittel', 300),
  status: z
    .enum(AGREEMENT_STATUSES)
    .default('DRAFT')
    .refine((s) => s === 'DRAFT' || s === 'NEGOTIATING' || s === 'ACTIVE', zmsg('field.newAgreementStatus')),
  parties: z.array(partySchema).max(200).default([]),
});
export const CreateAgreementInput = inputType('CreateAgreementInput', createAgreementSchema, {
  fields: { status: { description: 'DRAFT (default), NEGOTIATING or ACTIVE.' } },
});
export type CreateAgreementInput = z.input<typeof createAgreementSchema>;

export const noticeSchema = z.object({
  givenOn: rules
    .optionalIsoDate('Oppsigelsesdatoen')
    .optional()
    .describe('The day notice is given (ISO); today by default.'),
  leavesOn: rules
    .optionalIsoDate('Siste dag som medlem')
    .optional()
    .describe(
      'The last day as a member, where the terms do not say (no notice period registered), or later than they allow.',
    ),
});
export const NoticeInput = inputType('NoticeInput', noticeSchema, {
  description: "A partner's notice for its own municipality.",
});
export type NoticeInput = z.input<typeof noticeSchema>;

export const membershipDecisionSchema = z.object({
  decisionBody: rules.text('Vedtaksorganet', 100).describe('«kommunestyret», «formannskapet», «kommunedirektøren» …'),
  decisionRef: rules.text('Saksnummeret', 100).describe('Case or decision reference («sak 45/26»).'),
  decisionDate: rules.isoDate('Vedtaksdatoen').describe('ISO date of the decision.'),
});
export const MembershipDecisionInput = inputType('MembershipDecisionInput', membershipDecisionSchema, {
  description: "A party's own decision about the agreement.",
});
export type MembershipDecisionInput = z.input<typeof membershipDecisionSchema>;
