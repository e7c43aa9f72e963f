import { Field, ID, InputType } from 'type-graphql';
import { z } from 'zod';
import { AMENDMENT_STATUSES, type AmendmentStatus } from '@samordna/domain';
import { rules } from '../../app/validation';
import { CostTermsInput } from '../cost-sharing/cost.types';
import { costTermsSchema } from '../cost-sharing/cost.service';
import { AgreementContentInput, agreementFieldsSchema } from './agreement.inputs';
import { AmendmentStatusEnum } from './amendment.entity';

/** The agreement fields an amendment may change; a field left out stays as it is. */
@InputType()
export class AmendmentChangesInput extends AgreementContentInput {
  @Field(() => String, { nullable: true })
  title?: string;
}

@InputType({ description: 'A proposed new version of a binding agreement.' })
export class AmendmentInput {
  @Field({ description: 'What the amendment is about, in a sentence.' })
  summary: string;

  @Field({ description: 'ISO date the new version takes effect.' })
  effectiveOn: string;

  @Field(() => AmendmentChangesInput, { nullable: true })
  changes?: AmendmentChangesInput | null;

  @Field(() => CostTermsInput, { nullable: true, description: 'A new cost model, when it changes.' })
  costTerms?: CostTermsInput | null;

  @Field(() => [String], { nullable: true, description: 'Kommunenummer of municipalities joining.' })
  joining?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Kommunenummer of partners leaving.' })
  leaving?: string[] | null;
}

@InputType({ description: "An affected municipality's approval, with its decision." })
export class ApprovalInput {
  @Field({ description: '«kommunestyret», «formannskapet», «kommunedirektøren» …' })
  decisionBody: string;

  @Field({ description: 'Decision reference («sak 45/26»).' })
  decisionRef: string;

  @Field({ description: 'ISO date of the decision.' })
  decisionDate: string;
}

@InputType()
export class AmendmentFilter {
  @Field(() => ID, { nullable: true })
  agreementId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Open amendments still waiting for this municipality’s decision.',
  })
  awaitingKommunenummer?: string | null;

  @Field(() => [AmendmentStatusEnum], { nullable: true })
  statuses?: AmendmentStatus[] | null;
}

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

export const amendmentSchema = z.object({
  summary: rules.text('Oppsummeringen', 500),
  effectiveOn: rules.isoDate('Datoen endringen gjelder fra,'),
  changes: amendmentChangesSchema.nullish().transform((c) => c ?? {}),
  costTerms: costTermsSchema.nullish(),
  joining: z
    .array(rules.kommunenummer())
    .max(100)
    .nullish()
    .transform((x) => x ?? []),
  leaving: z
    .array(rules.kommunenummer())
    .max(100)
    .nullish()
    .transform((x) => x ?? []),
});

export const approvalSchema = z.object({
  decisionBody: rules.text('Vedtaksorganet', 100),
  decisionRef: rules.text('Saksnummeret', 100),
  decisionDate: rules.isoDate('Vedtaksdatoen'),
});

export const amendmentFilterSchema = z.object({
  agreementId: rules.uuid('avtale').nullish(),
  awaitingKommunenummer: rules.kommunenummer().nullish(),
  statuses: z.array(z.enum(AMENDMENT_STATUSES)).nullish(),
});

export type AmendmentData = z.infer<typeof amendmentSchema>;
