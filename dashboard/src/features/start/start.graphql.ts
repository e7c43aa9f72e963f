import { graphql } from '../../gql';

/** A director's (or finance's) own municipality: its centre, findings, deadlines and stale contacts. */
export const MunicipalityStartQuery = graphql(`
  query MunicipalityStart($kommunenummer: String!) {
    municipality(kommunenummer: $kommunenummer) {
      kommunenummer
      name
      centreMemberships {
        id
        isCurrent
        role
        centre {
          id
          name
        }
      }
    }
    municipalityCoverage(kommunenummer: $kommunenummer) {
      worstSeverity
      findings {
        code
        severity
        reason
        reasonEn
      }
    }
    agreements(filter: { kommunenummer: $kommunenummer }, limit: 20) {
      items {
        id
        title
        status
        deadline {
          ...DeadlineFields
        }
      }
    }
    stale: contacts(filter: { kommunenummer: $kommunenummer, stale: true }, limit: 1) {
      totalCount
    }
  }
`);

/** The budget years a centre has, to pick the newest one up to this year. */
export const CentreYearsQuery = graphql(`
  query CentreYears($centreId: ID!) {
    centreBudgets(centreId: $centreId) {
      id
      year
      netOre
    }
  }
`);

/** What each party pays per inhabitant in a year, against the national average. */
export const CentreCostStartQuery = graphql(`
  query CentreCostStart($centreId: ID!, $year: Int!) {
    costDistribution(centreId: $centreId, year: $year) {
      year
      budgetOre
      hostPartnerRatio
      ratioFlag
      nationalAverage {
        krPerInhabitant
        year
      }
      parties {
        role
        totalOre
        perInhabitantOre
        municipality {
          kommunenummer
          name
        }
      }
    }
  }
`);

/** A centre leader's member municipalities and their gaps. */
export const CentreStartQuery = graphql(`
  query CentreStart($centreId: ID!) {
    centreCoverage(centreId: $centreId) {
      centreId
      centreName
      rows {
        codes
        worstSeverity
        municipality {
          kommunenummer
          name
        }
      }
    }
    stale: contacts(filter: { centreId: $centreId, stale: true }, limit: 1) {
      totalCount
    }
  }
`);

/** The centres a municipality belongs to, for opening pages on the signed-in user's own centre. */
export const HomeCentreQuery = graphql(`
  query HomeCentre($kommunenummer: String!) {
    municipality(kommunenummer: $kommunenummer) {
      kommunenummer
      centreMemberships {
        id
        isCurrent
        role
        centre {
          id
          name
        }
      }
    }
  }
`);
