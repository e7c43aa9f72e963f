/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query CoverageFilterOptions {\n    counties {\n      number\n      name\n    }\n    crisisCentres(limit: 500) {\n      items {\n        id\n        name\n      }\n    }\n  }\n": typeof types.CoverageFilterOptionsDocument,
    "\n  query CoverageOverview($filter: CoverageFilter) {\n    coverageOverview(filter: $filter) {\n      asOf\n      rows {\n        municipality {\n          kommunenummer\n          name\n          countyNumber\n          county {\n            name\n          }\n        }\n        status\n        worstSeverity\n        critical\n        warning\n        info\n        codes\n      }\n    }\n  }\n": typeof types.CoverageOverviewDocument,
    "\n  query MunicipalityCoverage($kommunenummer: String!) {\n    municipalityCoverage(kommunenummer: $kommunenummer) {\n      asOf\n      status\n      worstSeverity\n      municipality {\n        kommunenummer\n        name\n      }\n      findings {\n        code\n        severity\n        reason\n        reasonEn\n        records {\n          entity\n          id\n          label\n        }\n      }\n    }\n  }\n": typeof types.MunicipalityCoverageDocument,
    "\n  query Counties {\n    counties {\n      number\n      name\n    }\n  }\n": typeof types.CountiesDocument,
    "\n  query MunicipalitiesOfCounty($countyNumber: String!, $search: String) {\n    municipalities(filter: { countyNumber: $countyNumber, search: $search }) {\n      kommunenummer\n      name\n      samiName\n      population {\n        year\n        population\n      }\n      centreMemberships {\n        id\n        role\n        centre {\n          id\n          name\n          isExample\n        }\n      }\n    }\n  }\n": typeof types.MunicipalitiesOfCountyDocument,
    "\n  query Overview {\n    coverageOverview {\n      asOf\n      byCode {\n        code\n        municipalities\n      }\n      byCounty {\n        key\n        label\n        critical\n        warning\n        info\n        ok\n        notRegistered\n      }\n    }\n    soon: agreements(filter: { deadlineWithinDays: 180 }, limit: 1) {\n      totalCount\n    }\n    stale: contacts(filter: { stale: true }, limit: 1) {\n      totalCount\n    }\n  }\n": typeof types.OverviewDocument,
};
const documents: Documents = {
    "\n  query CoverageFilterOptions {\n    counties {\n      number\n      name\n    }\n    crisisCentres(limit: 500) {\n      items {\n        id\n        name\n      }\n    }\n  }\n": types.CoverageFilterOptionsDocument,
    "\n  query CoverageOverview($filter: CoverageFilter) {\n    coverageOverview(filter: $filter) {\n      asOf\n      rows {\n        municipality {\n          kommunenummer\n          name\n          countyNumber\n          county {\n            name\n          }\n        }\n        status\n        worstSeverity\n        critical\n        warning\n        info\n        codes\n      }\n    }\n  }\n": types.CoverageOverviewDocument,
    "\n  query MunicipalityCoverage($kommunenummer: String!) {\n    municipalityCoverage(kommunenummer: $kommunenummer) {\n      asOf\n      status\n      worstSeverity\n      municipality {\n        kommunenummer\n        name\n      }\n      findings {\n        code\n        severity\n        reason\n        reasonEn\n        records {\n          entity\n          id\n          label\n        }\n      }\n    }\n  }\n": types.MunicipalityCoverageDocument,
    "\n  query Counties {\n    counties {\n      number\n      name\n    }\n  }\n": types.CountiesDocument,
    "\n  query MunicipalitiesOfCounty($countyNumber: String!, $search: String) {\n    municipalities(filter: { countyNumber: $countyNumber, search: $search }) {\n      kommunenummer\n      name\n      samiName\n      population {\n        year\n        population\n      }\n      centreMemberships {\n        id\n        role\n        centre {\n          id\n          name\n          isExample\n        }\n      }\n    }\n  }\n": types.MunicipalitiesOfCountyDocument,
    "\n  query Overview {\n    coverageOverview {\n      asOf\n      byCode {\n        code\n        municipalities\n      }\n      byCounty {\n        key\n        label\n        critical\n        warning\n        info\n        ok\n        notRegistered\n      }\n    }\n    soon: agreements(filter: { deadlineWithinDays: 180 }, limit: 1) {\n      totalCount\n    }\n    stale: contacts(filter: { stale: true }, limit: 1) {\n      totalCount\n    }\n  }\n": types.OverviewDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CoverageFilterOptions {\n    counties {\n      number\n      name\n    }\n    crisisCentres(limit: 500) {\n      items {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query CoverageFilterOptions {\n    counties {\n      number\n      name\n    }\n    crisisCentres(limit: 500) {\n      items {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CoverageOverview($filter: CoverageFilter) {\n    coverageOverview(filter: $filter) {\n      asOf\n      rows {\n        municipality {\n          kommunenummer\n          name\n          countyNumber\n          county {\n            name\n          }\n        }\n        status\n        worstSeverity\n        critical\n        warning\n        info\n        codes\n      }\n    }\n  }\n"): (typeof documents)["\n  query CoverageOverview($filter: CoverageFilter) {\n    coverageOverview(filter: $filter) {\n      asOf\n      rows {\n        municipality {\n          kommunenummer\n          name\n          countyNumber\n          county {\n            name\n          }\n        }\n        status\n        worstSeverity\n        critical\n        warning\n        info\n        codes\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MunicipalityCoverage($kommunenummer: String!) {\n    municipalityCoverage(kommunenummer: $kommunenummer) {\n      asOf\n      status\n      worstSeverity\n      municipality {\n        kommunenummer\n        name\n      }\n      findings {\n        code\n        severity\n        reason\n        reasonEn\n        records {\n          entity\n          id\n          label\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MunicipalityCoverage($kommunenummer: String!) {\n    municipalityCoverage(kommunenummer: $kommunenummer) {\n      asOf\n      status\n      worstSeverity\n      municipality {\n        kommunenummer\n        name\n      }\n      findings {\n        code\n        severity\n        reason\n        reasonEn\n        records {\n          entity\n          id\n          label\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Counties {\n    counties {\n      number\n      name\n    }\n  }\n"): (typeof documents)["\n  query Counties {\n    counties {\n      number\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MunicipalitiesOfCounty($countyNumber: String!, $search: String) {\n    municipalities(filter: { countyNumber: $countyNumber, search: $search }) {\n      kommunenummer\n      name\n      samiName\n      population {\n        year\n        population\n      }\n      centreMemberships {\n        id\n        role\n        centre {\n          id\n          name\n          isExample\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MunicipalitiesOfCounty($countyNumber: String!, $search: String) {\n    municipalities(filter: { countyNumber: $countyNumber, search: $search }) {\n      kommunenummer\n      name\n      samiName\n      population {\n        year\n        population\n      }\n      centreMemberships {\n        id\n        role\n        centre {\n          id\n          name\n          isExample\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Overview {\n    coverageOverview {\n      asOf\n      byCode {\n        code\n        municipalities\n      }\n      byCounty {\n        key\n        label\n        critical\n        warning\n        info\n        ok\n        notRegistered\n      }\n    }\n    soon: agreements(filter: { deadlineWithinDays: 180 }, limit: 1) {\n      totalCount\n    }\n    stale: contacts(filter: { stale: true }, limit: 1) {\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query Overview {\n    coverageOverview {\n      asOf\n      byCode {\n        code\n        municipalities\n      }\n      byCounty {\n        key\n        label\n        critical\n        warning\n        info\n        ok\n        notRegistered\n      }\n    }\n    soon: agreements(filter: { deadlineWithinDays: 180 }, limit: 1) {\n      totalCount\n    }\n    stale: contacts(filter: { stale: true }, limit: 1) {\n      totalCount\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;