/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type CoverageFilter = {
  /** The centre's host and the parties of its agreements. */
  centreId?: string | number | null | undefined;
  code?: FindingCode | null | undefined;
  countyNumber?: string | null | undefined;
  /** Rows whose worst severity is this. */
  severity?: Severity | null | undefined;
};

/** NOT_REGISTERED: nothing is registered yet (never "no offer"). */
export type CoverageStatus =
  | 'NOT_REGISTERED'
  | 'REGISTERED';

/** Kinds of coverage gap. */
export type FindingCode =
  | 'AGREEMENT_EXPIRED'
  | 'CENTRE_DETAILS_NOT_REGISTERED'
  | 'DISPUTED'
  | 'FAR_FROM_CENTRE'
  | 'MISSING_CAPABILITY'
  | 'MISSING_SERVICE'
  | 'NOTICE_DEADLINE_SOON'
  | 'NOTICE_GIVEN'
  | 'NOT_REGISTERED'
  | 'NOT_SIGNED_AT_DIRECTOR_LEVEL'
  | 'NO_ACTIVE_AGREEMENT'
  | 'NO_CONTACT_POINT'
  | 'NO_KEY_CONTACT'
  | 'NO_ROUTINE'
  | 'NO_WRITTEN_COOPERATION'
  | 'ROUTINE_DRAFT'
  | 'ROUTINE_REVIEW_OVERDUE'
  | 'STALE_CONTACTS';

/** HOST = vertskommune, PARTNER = samarbeidskommune. */
export type PartyRole =
  | 'HOST'
  | 'PARTNER';

export type Severity =
  | 'CRITICAL'
  | 'INFO'
  | 'WARNING';

export type CoverageFilterOptionsQueryVariables = Exact<{ [key: string]: never; }>;


export type CoverageFilterOptionsQuery = { counties: Array<{ number: string, name: string }>, crisisCentres: { items: Array<{ id: string, name: string }> } };

export type CoverageOverviewQueryVariables = Exact<{
  filter?: CoverageFilter | null | undefined;
}>;


export type CoverageOverviewQuery = { coverageOverview: { asOf: string, rows: Array<{ status: CoverageStatus, worstSeverity: Severity | null, critical: number, warning: number, info: number, codes: Array<FindingCode>, municipality: { kommunenummer: string, name: string, countyNumber: string, county: { name: string } } }> } };

export type MunicipalityCoverageQueryVariables = Exact<{
  kommunenummer: string;
}>;


export type MunicipalityCoverageQuery = { municipalityCoverage: { asOf: string, status: CoverageStatus, worstSeverity: Severity | null, municipality: { kommunenummer: string, name: string }, findings: Array<{ code: FindingCode, severity: Severity, reason: string, reasonEn: string, records: Array<{ entity: string, id: string, label: string }> }> } };

export type CountiesQueryVariables = Exact<{ [key: string]: never; }>;


export type CountiesQuery = { counties: Array<{ number: string, name: string }> };

export type MunicipalitiesOfCountyQueryVariables = Exact<{
  countyNumber: string;
  search?: string | null | undefined;
}>;


export type MunicipalitiesOfCountyQuery = { municipalities: Array<{ kommunenummer: string, name: string, samiName: string | null, population: { year: number, population: number } | null, centreMemberships: Array<{ id: string, role: PartyRole, centre: { id: string, name: string, isExample: boolean } }> }> };

export type OverviewQueryVariables = Exact<{ [key: string]: never; }>;


export type OverviewQuery = { coverageOverview: { asOf: string, byCode: Array<{ code: FindingCode, municipalities: number }>, byCounty: Array<{ key: string, label: string, critical: number, warning: number, info: number, ok: number, notRegistered: number }> }, soon: { totalCount: number }, stale: { totalCount: number } };


export const CoverageFilterOptionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CoverageFilterOptions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"counties"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"crisisCentres"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"500"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<CoverageFilterOptionsQuery, CoverageFilterOptionsQueryVariables>;
export const CoverageOverviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CoverageOverview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CoverageFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"coverageOverview"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"municipality"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kommunenummer"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"countyNumber"}},{"kind":"Field","name":{"kind":"Name","value":"county"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"worstSeverity"}},{"kind":"Field","name":{"kind":"Name","value":"critical"}},{"kind":"Field","name":{"kind":"Name","value":"warning"}},{"kind":"Field","name":{"kind":"Name","value":"info"}},{"kind":"Field","name":{"kind":"Name","value":"codes"}}]}}]}}]}}]} as unknown as DocumentNode<CoverageOverviewQuery, CoverageOverviewQueryVariables>;
export const MunicipalityCoverageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MunicipalityCoverage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kommunenummer"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"municipalityCoverage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"kommunenummer"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kommunenummer"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"worstSeverity"}},{"kind":"Field","name":{"kind":"Name","value":"municipality"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kommunenummer"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"findings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"reasonEn"}},{"kind":"Field","name":{"kind":"Name","value":"records"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entity"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MunicipalityCoverageQuery, MunicipalityCoverageQueryVariables>;
export const CountiesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Counties"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"counties"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<CountiesQuery, CountiesQueryVariables>;
export const MunicipalitiesOfCountyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MunicipalitiesOfCounty"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"countyNumber"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"municipalities"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"countyNumber"},"value":{"kind":"Variable","name":{"kind":"Name","value":"countyNumber"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kommunenummer"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"samiName"}},{"kind":"Field","name":{"kind":"Name","value":"population"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"population"}}]}},{"kind":"Field","name":{"kind":"Name","value":"centreMemberships"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"centre"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"isExample"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MunicipalitiesOfCountyQuery, MunicipalitiesOfCountyQueryVariables>;
export const OverviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Overview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"coverageOverview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"byCode"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"municipalities"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byCounty"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"critical"}},{"kind":"Field","name":{"kind":"Name","value":"warning"}},{"kind":"Field","name":{"kind":"Name","value":"info"}},{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"notRegistered"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"soon"},"name":{"kind":"Name","value":"agreements"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"deadlineWithinDays"},"value":{"kind":"IntValue","value":"180"}}]}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"stale"},"name":{"kind":"Name","value":"contacts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"stale"},"value":{"kind":"BooleanValue","value":true}}]}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]} as unknown as DocumentNode<OverviewQuery, OverviewQueryVariables>;