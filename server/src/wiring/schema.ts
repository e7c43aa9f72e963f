import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { CountyResolver, MunicipalityResolver } from '../modules/municipality/municipality.resolver';
import { CrisisCentreResolver } from '../modules/crisis-centre/crisis-centre.resolver';
import { AgreementPartyResolver, AgreementResolver } from '../modules/agreement/agreement.resolver';
import {
  AgreementAmendmentsResolver,
  AmendmentApprovalResolver,
  AmendmentResolver,
} from '../modules/agreement/amendment.resolver';
import { AgencyResolver, ContactResolver } from '../modules/contact/contact.resolver';
import { HandoverRoutineResolver, RoutineStepResolver } from '../modules/handover/handover.resolver';
import { AgreementCostResolver, CostSharingResolver } from '../modules/cost-sharing/cost.resolver';
import { CoverageResolver } from '../modules/coverage/coverage.resolver';
import { AuthResolver } from '../modules/auth/auth.resolver';
import { AuditResolver } from '../modules/audit/audit.resolver';
import { UsersResolver } from '../modules/users/users.resolver';
import { NationalResolver } from '../modules/national/national.resolver';
import { RemindersResolver } from '../modules/reminders/reminders.resolver';
import { DocumentsResolver } from '../modules/documents/documents.resolver';
import { WebTextResolver } from '../modules/webtext/webtext.resolver';
import { ImportsResolver } from '../modules/imports/imports.resolver';
import { authChecker } from '../app/auth';

export const RESOLVERS = [
  CountyResolver,
  MunicipalityResolver,
  CrisisCentreResolver,
  AgreementResolver,
  AgreementPartyResolver,
  AmendmentResolver,
  AgreementAmendmentsResolver,
  AmendmentApprovalResolver,
  AgencyResolver,
  ContactResolver,
  HandoverRoutineResolver,
  RoutineStepResolver,
  CostSharingResolver,
  AgreementCostResolver,
  CoverageResolver,
  NationalResolver,
  AuthResolver,
  AuditResolver,
  UsersResolver,
  RemindersResolver,
  DocumentsResolver,
  WebTextResolver,
  ImportsResolver,
] as const;

export function buildAppSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: RESOLVERS,
    authChecker,
    // Inputs are validated in the services, where the error can name the field.
    validate: false,
  });
}

/** The schema text committed in packages/graphql-schema (sorted, so diffs stay readable). */
export async function printAppSchema(): Promise<string> {
  const header = '# Emitted by the server (pnpm schema:emit). Do not edit: a test fails when it is stale.\n\n';
  return header + printSchema(lexicographicSortSchema(await buildAppSchema())) + '\n';
}
