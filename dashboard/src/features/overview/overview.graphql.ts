import { graphql } from '../../gql';

export const OverviewQuery = graphql(`
  query Overview {
    coverageOverview {
      asOf
      byCode {
        code
        municipalities
      }
      byCounty {
        key
        label
        critical
        warning
        info
        ok
        notRegistered
      }
    }
    soon: agreements(filter: { deadlineWithinDays: 180 }, limit: 1) {
      totalCount
    }
    stale: contacts(filter: { stale: true }, limit: 1) {
      totalCount
    }
  }
`);
