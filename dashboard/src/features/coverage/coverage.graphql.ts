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
    municipalities {
      kommunenummer
      name
    }
  }
`);

/**
 * The map and its table: per municipality only its number, state and finding counts, in parallel
 * lists (issue 15: a tenth of the bytes of whole rows); names come with the filter options (read
 * once), the findings of one municipality from MunicipalityCoverage when it is opened.
 */
export const CoverageOverviewQuery = graphql(`
  query CoverageOverview($filter: CoverageFilter) {
    coverageOverview(filter: $filter) {
      asOf
      compact {
        kommunenummer
        state
        critical
        warning
        info
        weakEvidence
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
