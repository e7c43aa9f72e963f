import { graphql } from '../../gql';

export const CostPageQuery = graphql(`
  query CostPage($centreId: ID!, $year: Int!, $fromYear: Int!, $toYear: Int!) {
    costDistribution(centreId: $centreId, year: $year) {
      centreName
      year
      model
      modelLabel
      budgetOre
      populationYear
      populationNote
      hostResidualOre
      hostSubsidyOre
      hostPartnerRatio
      ratioFlag
      isExample
      explanation
      nationalAverage {
        year
        krPerInhabitant
      }
      centreKostra {
        year
        krPerInhabitant
        centreName
      }
      extraChargesWithheld
      parties {
        municipality {
          kommunenummer
          name
        }
        role
        population
        allocatedOre
        extraChargesOre
        extraChargesWithheld
        totalOre
        perInhabitantOre
        share
        explanation
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
      }
    }
    municipalities {
      kommunenummer
      name
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
        parties {
          allocatedOre
          extraChargesOre
        }
      }
      after {
        budgetOre
        modelLabel
        hostPartnerRatio
        ratioFlag
        parties {
          allocatedOre
          extraChargesOre
        }
      }
      summary
      peerRates {
        centreName
        year
        krPerInhabitant
      }
      notes
    }
  }
`);
