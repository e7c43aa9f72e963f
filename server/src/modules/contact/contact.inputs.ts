import { Field, ID, InputType, Int } from 'type-graphql';
import { z } from 'zod';
import { AGENCY_KINDS, type AgencyKind } from '@samordna/domain';
import { AgencyKindEnum } from '../../app/enums';
import { rules } from '../../app/validation';

@InputType({ description: 'On update, a field left out stays as it is.' })
export class AgencyInput {
  @Field(() => String, { nullable: true })
  kommunenummer?: string;

  @Field(() => AgencyKindEnum, { nullable: true })
  kind?: AgencyKind;

  @Field(() => String, { nullable: true })
  name?: string;

  @Field(() => Boolean, { nullable: true })
  writtenAgreement?: boolean;

  @Field(() => String, { nullable: true })
  writtenAgreementDate?: string | null;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType({ description: 'Work details only. On update, a field left out stays as it is.' })
export class ContactInput {
  @Field(() => ID, { nullable: true })
  agencyId?: string;

  @Field(() => String, { nullable: true })
  name?: string;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "Make this the municipality's single contact point (moves it from any other).",
  })
  isContactPoint?: boolean;

  @Field(() => Boolean, { nullable: true })
  active?: boolean;
}

@InputType({ description: 'A new agency (etat) for a municipality and its first contact person, saved together.' })
export class NewAgencyInput extends AgencyInput {
  @Field(() => ContactInput, { description: 'The first contact person (agencyId left out).' })
  contact: ContactInput;
}

@InputType()
export class AgencyFilter {
  @Field(() => String, { nullable: true })
  kommunenummer?: string | null;

  @Field(() => ID, { nullable: true, description: "All the centre's current member municipalities." })
  centreId?: string | null;

  @Field(() => [AgencyKindEnum], { nullable: true })
  kinds?: AgencyKind[] | null;
}

@InputType()
export class ContactFilter extends AgencyFilter {
  @Field(() => Boolean, {
    nullable: true,
    description: 'Only contacts not verified within staleAfterMonths (true) or only fresh ones (false).',
  })
  stale?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Months before a verification goes stale (6 by default).' })
  staleAfterMonths?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Active contacts only (default true).' })
  activeOnly?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  contactPointsOnly?: boolean | null;
}

export const agencyFieldsSchema = z.object({
  kommunenummer: rules.kommunenummer().optional(),
  kind: z.enum(AGENCY_KINDS).optional(),
  name: rules.text('Navn', 200).optional(),
  writtenAgreement: z.boolean().optional(),
  writtenAgreementDate: rules.optionalIsoDate('Avtaledato').optional(),
  note: rules.optionalText('Merknad', 2000).optional(),
});
export const createAgencySchema = agencyFieldsSchema.extend({
  kommunenummer: rules.kommunenummer(),
  kind: z.enum(AGENCY_KINDS),
  name: rules.text('Navn', 200),
});

export const contactFieldsSchema = z.object({
  agencyId: rules.uuid('etat').optional(),
  name: rules.text('Navn', 200).optional(),
  title: rules.optionalText('Rolle', 200).optional(),
  phone: rules.phone().optional(),
  email: rules.email().optional(),
  isContactPoint: z.boolean().optional(),
  active: z.boolean().optional(),
});
export const createContactSchema = contactFieldsSchema.extend({
  agencyId: rules.uuid('etat'),
  name: rules.text('Navn', 200),
});

/** «Ny etat»: the agency and its first contact checked together, so every field's problem shows at once. */
export const newAgencySchema = createAgencySchema.extend({
  contact: createContactSchema.omit({ agencyId: true }),
});

export const agencyFilterSchema = z.object({
  kommunenummer: rules.kommunenummer().nullish(),
  centreId: rules.uuid('krisesenter').nullish(),
  kinds: z.array(z.enum(AGENCY_KINDS)).nullish(),
});
export const contactFilterSchema = agencyFilterSchema.extend({
  stale: z.boolean().nullish(),
  staleAfterMonths: rules.int('Antall måneder', 1, 120).nullish(),
  activeOnly: z.boolean().nullish(),
  contactPointsOnly: z.boolean().nullish(),
});
