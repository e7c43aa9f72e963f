import { z } from 'zod';
import { CAPABILITIES, ORGANISATION_FORMS, SERVICE_ELEMENTS } from '@samordna/domain';
import '../../app/enums'; // registers the OrganisationForm, ServiceElement and Capability enums
import { rules, zmsg } from '../../app/validation';
import { inputType } from '../../app/zod-input';

const unique =
  <T>(label: string) =>
  (list: T[] | null | undefined) =>
    !list || new Set(list).size === list.length || label;

export const centreFieldsSchema = z.object({
  name: rules.text('Navn', 200).optional(),
  hostKommunenummer: rules.kommunenummer().optional(),
  organisationForm: z.enum(ORGANISATION_FORMS).optional(),
  services: z
    .array(z.enum(SERVICE_ELEMENTS))
    .nullish()
    .refine((l) => unique('')(l) === true, zmsg('field.servicesUnique')),
  capabilities: z
    .array(z.enum(CAPABILITIES))
    .nullish()
    .refine((l) => unique('')(l) === true, zmsg('field.capabilitiesUnique')),
  capacityRooms: rules.int('Antall rom', 0, 1000).nullish(),
  note: rules.optionalText('Merknad', 4000).optional(),
});
export const CrisisCentreInput = inputType('CrisisCentreInput', centreFieldsSchema, {
  description: 'Centre details. On update, a field left out stays as it is. Never an address.',
});
export type CrisisCentreInput = z.input<typeof centreFieldsSchema>;

export const createCentreSchema = centreFieldsSchema.extend({
  name: rules.text('Navn', 200),
  hostKommunenummer: rules.kommunenummer(),
});

export const centreFilterSchema = z.object({
  search: rules.optionalText('Søketekst', 100, 'none').describe('Part of the name.'),
  kommunenummer: rules.kommunenummer().nullish().describe('Centres the municipality hosts or is a party to.'),
});
export const CrisisCentreFilter = inputType('CrisisCentreFilter', centreFilterSchema);
export type CrisisCentreFilter = z.input<typeof centreFilterSchema>;
