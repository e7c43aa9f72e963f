import { Field, ID, InputType, Int } from 'type-graphql';
import { z } from 'zod';
import {
  AGREEMENT_STATUSES,
  CHECKLIST_KEYS,
  NOTICE_RUNS_TO,
  SIGNING_LEVELS,
  type AgreementStatus,
  type ChecklistKey,
  type SigningLevel,
  type NoticeRunsTo,
} from '@samordna/domain';
import { AgreementStatusEnum, enumOf, SigningLevelEnum } from '../../app/enums';
import { rules, zmsg } from '../../app/validation';
import { PartyRole } from './party-role';
import { ChecklistKeyEnum, NoticeRunsToEnum } from './agreement.types';

@InputType()
export class ChecklistItemInput {
  @Field(() => ChecklistKeyEnum)
  key: ChecklistKey;

  @Field()
  covered: boolean;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType()
export class PartyInput {
  @Field()
  kommunenummer: string;

  @Field(() => PartyRole)
  role: PartyRole;

  @Field(() => String, { nullable: true })
  joinedOn?: string | null;

  @Field(() => String, { nullable: true })
  leftOn?: string | null;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType()
export class UpdatePartyInput {
  @Field(() => String, { nullable: true })
  joinedOn?: string | null;

  @Field(() => String, { nullable: true })
  leftOn?: string | null;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

/** The agreement's content an amendment may change too; a field left out is left as it is. */
@InputType()
export class AgreementContentInput {
  @Field(() => String, { nullable: true })
  legalBasis?: string | null;

  @Field(() => String, { nullable: true })
  validTo?: string | null;

  @Field(() => Boolean, { nullable: true })
  autoRenew?: boolean;

  @Field(() => Int, { nullable: true })
  renewalMonths?: number | null;

  @Field(() => Int, { nullable: true })
  noticeMonths?: number | null;

  @Field(() => NoticeRunsToEnum, { nullable: true })
  noticeRunsTo?: NoticeRunsTo;

  @Field(() => SigningLevelEnum, { nullable: true })
  signingLevel?: SigningLevel;

  @Field(() => [ChecklistItemInput], { nullable: true })
  checklist?: ChecklistItemInput[];

  @Field(() => String, { nullable: true })
  note?: string | null;
}

/** Fields shared by create and update; on update, a field left out is left as it is. */
@InputType()
export class AgreementTermsInput extends AgreementContentInput {
  @Field(() => String, { nullable: true })
  validFrom?: string | null;

  @Field(() => String, { nullable: true })
  councilDecisionRef?: string | null;

  @Field(() => String, { nullable: true })
  councilDecisionDate?: string | null;

  @Field(() => String, { nullable: true })
  archiveRef?: string | null;

  @Field(() => ID, { nullable: true })
  supersedesId?: string | null;
}

@InputType({ description: 'On update, a field left out stays as it is. Status has its own mutation.' })
export class AgreementFieldsInput extends AgreementTermsInput {
  @Field(() => String, { nullable: true })
  title?: string;
}

@InputType()
export class CreateAgreementInput extends AgreementTermsInput {
  @Field(() => ID)
  centreId: string;

  @Field()
  title: string;

  @Field(() => AgreementStatusEnum, { nullable: true, description: 'DRAFT (default), NEGOTIATING or ACTIVE.' })
  status?: AgreementStatus;

  @Field(() => [PartyInput], { nullable: true })
  parties?: PartyInput[];
}

@InputType()
export class AgreementFilter {
  @Field(() => ID, { nullable: true })
  centreId?: string | null;

  @Field(() => String, { nullable: true, description: 'Agreements the municipality is (or was) a party to.' })
  kommunenummer?: string | null;

  @Field(() => [AgreementStatusEnum], { nullable: true })
  statuses?: AgreementStatus[] | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Only agreements whose notice deadline or expiry is within this many days.',
  })
  deadlineWithinDays?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'The day deadlines are computed for (ISO); today in Norway by default.',
  })
  asOf?: string | null;
}

/** The orders the agreement list can be read in (the dashboard's sortable columns). */
export const AGREEMENT_ORDERS = ['NEWEST', 'TITLE', 'CENTRE', 'STATUS', 'DAYS_LEFT'] as const;
export type AgreementOrder = (typeof AGREEMENT_ORDERS)[number];
export const AgreementOrderEnum = enumOf(
  AGREEMENT_ORDERS,
  'AgreementOrder',
  'NEWEST: by start, newest first; TITLE, CENTRE (then title), STATUS (in the order of the statuses, then title); DAYS_LEFT: nearest deadline first, agreements without one last.',
);

// ---- zod schemas: formats, ranges and the field each problem concerns ----

const checklistSchema = z
  .array(
    z.object({
      key: z.enum(CHECKLIST_KEYS as [ChecklistKey, ...ChecklistKey[]]),
      covered: z.boolean(),
      note: rules.optionalText('Merknad', 500),
    }),
  )
  .refine((items) => new Set(items.map((i) => i.key)).size === items.length, zmsg('field.checklistUnique'));

export const partySchema = z.object({
  kommunenummer: rules.kommunenummer(),
  role: z.enum([PartyRole.HOST, PartyRole.PARTNER]),
  joinedOn: rules.optionalIsoDate('Innmeldt dato'),
  leftOn: rules.optionalIsoDate('Utmeldt dato'),
  note: rules.optionalText('Merknad', 500),
});

export const updatePartySchema = z.object({
  joinedOn: rules.optionalIsoDate('Innmeldt dato').optional(),
  leftOn: rules.optionalIsoDate('Utmeldt dato').optional(),
  note: rules.optionalText('Merknad', 500).optional(),
});

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

export const createAgreementSchema = agreementFieldsSchema.extend({
  centreId: rules.uuid('krisesenter'),
  title: rules.text('Tittel', 300),
  status: z
    .enum(AGREEMENT_STATUSES)
    .default('DRAFT')
    .refine((s) => s === 'DRAFT' || s === 'NEGOTIATING' || s === 'ACTIVE', zmsg('field.newAgreementStatus')),
  parties: z.array(partySchema).max(200).default([]),
});

@InputType({ description: "A partner's notice for its own municipality." })
export class NoticeInput {
  @Field(() => String, { nullable: true, description: 'The day notice is given (ISO); today by default.' })
  givenOn?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The last day as a member, where the terms do not say (no notice period registered), or later than they allow.',
  })
  leavesOn?: string | null;
}

export const noticeSchema = z.object({
  givenOn: rules.optionalIsoDate('Oppsigelsesdatoen').optional(),
  leavesOn: rules.optionalIsoDate('Siste dag som medlem').optional(),
});

@InputType({ description: "A party's own decision about the agreement." })
export class MembershipDecisionInput {
  @Field({ description: '«kommunestyret», «formannskapet», «kommunedirektøren» …' })
  decisionBody: string;

  @Field({ description: 'Case or decision reference («sak 45/26»).' })
  decisionRef: string;

  @Field({ description: 'ISO date of the decision.' })
  decisionDate: string;
}

export const membershipDecisionSchema = z.object({
  decisionBody: rules.text('Vedtaksorganet', 100),
  decisionRef: rules.text('Saksnummeret', 100),
  decisionDate: rules.isoDate('Vedtaksdatoen'),
});
