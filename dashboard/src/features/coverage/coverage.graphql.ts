import { graphql } from '../../gql';

export const CoverageFilterOptionsQuery = graphql(`
  query CoverageFilterOptions {
    counties {
      number
      name
    }
    crisisCentres(limit: 500) {
      items {
        id
        name
      }
    }
  }
`);

export const CoverageOverviewQuery = graphql(`
  query CoverageOverview($filter: CoverageFilter) {
    coverageOverview(filter: $filter) {
      asOf
      rows {
        municipality {
          kommunenummer
          name
          countyNumber
          county {
            name
          }
        }
        status
        worstSeverity
        documentedMembership {
          centreName
          provenance {
            confidence
            marked
          }
        }
        critical
        warning
        info
        codes
      }
    }
  }
`);

export const MunicipalityCoverageQuery = graphql(`
  query MunicipalityCoverage($kommunenummer: String!) {
    municipalityCoverage(kommunenummer: $kommunenummer) {
      asOf
      status
      worstSeverity
      municipality {
        kommunenummer
        name
      }
      documentedMembership {
        centreId
        centreName
        role
        note
        provenance {
          sourceUrl
          sourceDate
          sourceDating {
            code
            date
            year
          }
          quote
          sourceYear
          confidence
          retrievedOn
          marked
          old
        }
      }
      findings {
        code
        severity
        reason
        reasonEn
        basisKind
        legalBasisCode
        statutory
        records {
          entity
          id
          label
        }
      }
    }
  }
`);
