import { Field, InputType, Int } from 'type-graphql';
import { z } from 'zod';
import {
  CAPABILITIES,
  ORGANISATION_FORMS,
  SERVICE_ELEMENTS,
  type Capability,
  type OrganisationForm,
  type ServiceElement,
} from '@samordna/domain';
import { CapabilityEnum, OrganisationFormEnum, ServiceElementEnum } from '../../app/enums';
import { rules, zmsg } from '../../app/validation';

@InputType({ description: 'Centre details. On update, a field left out stays as it is. Never an address.' })
export class CrisisCentreInput {
  @Field(() => String, { nullable: true })
  name?: string;

  @Field(() => String, { nullable: true })
  hostKommunenummer?: string;

  @Field(() => OrganisationFormEnum, { nullable: true })
  organisationForm?: OrganisationForm;

  @Field(() => [ServiceElementEnum], { nullable: true })
  services?: ServiceElement[] | null;

  @Field(() => [CapabilityEnum], { nullable: true })
  capabilities?: Capability[] | null;

  @Field(() => Int, { nullable: true })
  capacityRooms?: number | null;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType()
export class CrisisCentreFilter {
  @Field(() => String, { nullable: true, description: 'Part of the name.' })
  search?: string | null;

  @Field(() => String, { nullable: true, description: 'Centres the municipality hosts or is a party to.' })
  kommunenummer?: string | null;
}

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

export const createCentreSchema = centreFieldsSchema.extend({
  name: rules.text('Navn', 200),
  hostKommunenummer: rules.kommunenummer(),
});
