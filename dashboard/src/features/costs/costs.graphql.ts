import { graphql } from '../../gql';

/** A party's share of the cost as the cost page and the finance comparison both show it. */
export const PartyCostFieldsFragment = graphql(`
  fragment PartyCostFields on PartyCost {
    municipality {
      kommunenummer
      name
    }
    role
    population
    allocatedOre
    extraChargesOre
    totalOre
    perInhabitantOre
  }
`);

export const CostPageQuery = graphql(`
  query CostPage($centreId: ID!, $year: Int!, $fromYear: Int!, $toYear: Int!) {
    costDistribution(centreId: $centreId, year: $year) {
      centreName
      year
      model
      budgetOre
      populationYear
      populationWantedYear
      populationYearsUsed
      hostResidualOre
      hostSubsidyOre
      hostPartnerRatio
      ratioFlag
      hostInvestmentsOre
      hostDepreciationOre
      hostPerInhabitantWithInvestmentsOre
      hostPartnerRatioWithInvestments
      isExample
      nationalAverage {
        year
        krPerInhabitant
        sourceKind
        sourceUrl
        sourceDate
      }
      centreKostra {
        year
        krPerInhabitant
        centreName
      }
      extraChargesWithheld
      parties {
        ...PartyCostFields
        extraChargesWithheld
        share
        parts {
          code
          population
          amountOre
          shareBp
        }
      }
    }
    costTrend(centreId: $centreId, fromYear: $fromYear, toYear: $toYear) {
      years {
        year
        budgetOre
        hostOre
        partnersOre
        hostPerInhabitantOre
        partnersPerInhabitantOre
        nationalAverageKr
        isExample
      }
    }
  }
`);

export const CostCentresQuery = graphql(`
  query CostCentres {
    crisisCentres(limit: 500) {
      items {
        id
        name
        agreements {
          id
        }
      }
    }
    municipalities {
      kommunenummer
      name
      county {
        name
      }
    }
  }
`);

export const SimulationQuery = graphql(`
  query Simulate($input: SimulationInput!) {
    simulateCostSharing(input: $input) {
      differences {
        municipality {
          kommunenummer
          name
        }
        role
        beforeOre
        afterOre
        differenceOre
        beforePerInhabitantOre
        afterPerInhabitantOre
      }
      before {
        budgetOre
        model
        parties {
          allocatedOre
          extraChargesOre
        }
      }
      after {
        budgetOre
        model
        hostPartnerRatio
        ratioFlag
        parties {
          allocatedOre
          extraChargesOre
        }
      }
      peerRates {
        centreName
        year
        krPerInhabitant
        distanceKm
      }
      noteCodes
    }
  }
`);

export const UsageStatisticsQuery = graphql(`
  query CostUsage($centreId: ID!, $year: Int!) {
    usageStatistics(centreId: $centreId, year: $year) {
      threshold
      isExample
      rows {
        municipality {
          kommunenummer
          name
        }
        stays {
          value
          suppressed
        }
        nights {
          value
          suppressed
        }
        dayVisits {
          value
          suppressed
        }
        phoneContacts {
          value
          suppressed
        }
      }
      totals {
        stays {
          value
          suppressed
        }
        nights {
          value
          suppressed
        }
        dayVisits {
          value
          suppressed
        }
        phoneContacts {
          value
          suppressed
        }
      }
    }
  }
`);

export const InvestmentSummaryQuery = graphql(`
  query CostInvestments($centreId: ID!, $fromYear: Int!, $toYear: Int!) {
    investmentSummary(centreId: $centreId, fromYear: $fromYear, toYear: $toYear) {
      fromYear
      toYear
      totalOre
      hostAloneOre
      sharedOre
      hostAloneShare
    }
  }
`);

export const MunicipalityTrendQuery = graphql(`
  query CostMunicipalityTrend($kommunenummer: String!, $fromYear: Int!, $toYear: Int!) {
    municipalityCosts(kommunenummer: $kommunenummer, fromYear: $fromYear, toYear: $toYear) {
      years {
        year
        centreId
        perInhabitantOre
        isExample
      }
      gapCodes {
        year
        code
        centreName
        agreementTitle
        kommunenummer
        field
      }
    }
  }
`);

/** The years a centre has a budget for: the costs page offers those (its own query, so a year without one still lists the others). */
export const CostYearsQuery = graphql(`
  query CostYears($centreId: ID!) {
    centreBudgets(centreId: $centreId) {
      year
    }
  }
`);
