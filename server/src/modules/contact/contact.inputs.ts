import { z } from 'zod';
import { AGENCY_KINDS } from '@samordna/domain';
import '../../app/enums'; // registers the AgencyKind enum the schemas use
import { rules } from '../../app/validation';
import { inputType } from '../../app/zod-input';

export const agencyFieldsSchema = z.object({
  kommunenummer: rules.kommunenummer().optional(),
  kind: z.enum(AGENCY_KINDS).optional(),
  name: rules.text('Navn', 200).optional(),
  writtenAgreement: z.boolean().optional(),
  writtenAgreementDate: rules.optionalIsoDate('Avtaledato').optional(),
  note: rules.optionalText('Merknad', 2000).optional(),
});
export const AgencyInput = inputType('AgencyInput', agencyFieldsSchema, {
  description: 'On update, a field left out stays as it is.',
});
export type AgencyInput = z.input<typeof agencyFieldsSchema>;

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
  isContactPoint: z
    .boolean()
    .optional()
    .describe("Make this the municipality's single contact point (moves it from any other)."),
  active: z.boolean().optional(),
});
export const ContactInput = inputType('ContactInput', contactFieldsSchema, {
  description: 'Work details only. On update, a field left out stays as it is.',
});
export type ContactInput = z.input<typeof contactFieldsSchema>;

export const createContactSchema = contactFieldsSchema.extend({
  agencyId: rules.uuid('etat'),
  name: rules.text('Navn', 200),
});

/** «Ny etat»: the agency and its first contact checked together, so every field's problem shows at once. */
export const newAgencySchema = createAgencySchema.extend({
  contact: createContactSchema.omit({ agencyId: true }).describe('The first contact person (agencyId left out).'),
});
/**
 * In GraphQL the agency's fields stay optional and the contact is a ContactInput, as in the
 * inputs for update: the required ones are reported by parseInput at their field, in the words of
 * the catalogue, rather than by GraphQL.
 */
export const NewAgencyInput = inputType('NewAgencyInput', newAgencySchema, {
  description: 'A new agency (etat) for a municipality and its first contact person, saved together.',
  fields: {
    kommunenummer: { nullable: true },
    kind: { nullable: true },
    name: { nullable: true },
    contact: { type: () => ContactInput },
  },
});
export type NewAgencyInput = z.input<typeof agencyFieldsSchema> & { contact: ContactInput };

export const agencyFilterSchema = z.object({
  kommunenummer: rules.kommunenummer().nullish(),
  centreId: rules.uuid('krisesenter').nullish().describe("All the centre's current member municipalities."),
  kinds: z.array(z.enum(AGENCY_KINDS)).nullish(),
});
export const AgencyFilter = inputType('AgencyFilter', agencyFilterSchema);
export type AgencyFilter = z.input<typeof agencyFilterSchema>;

export const contactFilterSchema = agencyFilterSchema.extend({
  stale: z
    .boolean()
    .nullish()
    .describe('Only contacts not verified within staleAfterMonths (true) or only fresh ones (false).'),
  staleAfterMonths: rules
    .int('Antall måneder', 1, 120)
    .nullish()
    .describe('Months before a verification goes stale (6 by default).'),
  activeOnly: z.boolean().nullish().describe('Active contacts only (default true).'),
  contactPointsOnly: z.boolean().nullish(),
});
export const ContactFilter = inputType('ContactFilter', contactFilterSchema);
export type ContactFilter = z.input<typeof contactFilterSchema>;
