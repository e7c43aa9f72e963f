import { registerEnumType } from 'type-graphql';
import { registerZodEnum } from './zod-input';
import {
  AGENCY_KINDS,
  ROLES,
  AGREEMENT_STATUSES,
  CAPABILITIES,
  ORGANISATION_FORMS,
  ROUTINE_STATUSES,
  ROUTINE_STEP_KINDS,
  SERVICE_ELEMENTS,
  SIGNING_LEVELS,
  STEP_TIMINGS,
} from '@samordna/domain';

/** A GraphQL enum object built from a fixed list of values (values = names), registered under `name`. */
export function enumOf<const T extends readonly string[]>(
  values: T,
  name: string,
  description?: string,
): { [K in T[number]]: K } {
  const obj = Object.fromEntries(values.map((v) => [v, v])) as { [K in T[number]]: K };
  registerEnumType(obj, { name, description });
  registerZodEnum(values, obj);
  return obj;
}

/** SQL CHECK body: the column holds one of the values. */
export function checkIn(column: string, values: readonly string[]): string {
  return `"${column}" IN (${values.map((v) => `'${v}'`).join(', ')})`;
}

export const AgreementStatusEnum = enumOf(
  AGREEMENT_STATUSES,
  'AgreementStatus',
  'DRAFT → NEGOTIATING → ACTIVE → NOTICE_GIVEN → ENDED; DISPUTED.',
);
export const OrganisationFormEnum = enumOf(
  ORGANISATION_FORMS,
  'OrganisationForm',
  'How the centre is organised (kommuneloven §§ 19-1, 20-1, 20-3, IKS, …).',
);
export const ServiceElementEnum = enumOf(
  SERVICE_ELEMENTS,
  'ServiceElement',
  'The four elements of the offer (krisesenterloven § 2).',
);
export const CapabilityEnum = enumOf(CAPABILITIES, 'Capability', 'User groups and needs the centre is adapted for.');
export const SigningLevelEnum = enumOf(
  SIGNING_LEVELS,
  'SigningLevel',
  'Who signed the agreement for the municipalities.',
);
export const AgencyKindEnum = enumOf(AGENCY_KINDS, 'AgencyKind', 'Kinds of agency a centre cooperates with.');
export const RoutineStatusEnum = enumOf(ROUTINE_STATUSES, 'RoutineStatus', 'MISSING, DRAFT or ADOPTED.');
export const RoutineStepKindEnum = enumOf(
  ROUTINE_STEP_KINDS,
  'RoutineStepKind',
  'Steps of a handover routine (Bufdir guidance).',
);
export const StepTimingEnum = enumOf(STEP_TIMINGS, 'StepTiming', 'When in the stay a step happens.');
export const RoleEnum = enumOf(
  ROLES,
  'Role',
  'ADMIN, DIRECTOR (own municipality), FINANCE (host municipality), CENTRE_LEADER (a centre), READ_ONLY.',
);
