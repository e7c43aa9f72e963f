import { graphql } from '../../gql';

export const CountiesQuery = graphql(`
  query Counties {
    counties {
      number
      name
    }
  }
`);

export const MunicipalitiesOfCountyQuery = graphql(`
  query MunicipalitiesOfCounty($countyNumber: String, $search: String) {
    municipalities(filter: { countyNumber: $countyNumber, search: $search }) {
      kommunenummer
      name
      samiName
      population {
        year
        population
      }
      centreMemberships {
        id
        role
        centre {
          id
          name
          isExample
        }
      }
      documentedMembership {
        id
        role
        centreName
        provenance {
          sourceUrl
          sourceDate
          sourceDating {
            code
            date
            year
          }
          confidence
          marked
        }
      }
    }
  }
`);
