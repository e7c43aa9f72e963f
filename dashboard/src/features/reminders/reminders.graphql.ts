import { graphql } from '../../gql';

export const MyRemindersQuery = graphql(`
  query MyReminders {
    myReminders {
      key
      kind
      dueOn
      daysLeft
      horizon
      params {
        agreement
        municipality
        centre
        summary
        count
        months
        end
      }
      link
    }
    myCalendarFeedCreatedAt
  }
`);

export const CreateCalendarFeedMutation = graphql(`
  mutation CreateCalendarFeed {
    createCalendarFeed {
      url
      createdAt
    }
  }
`);

export const RevokeCalendarFeedMutation = graphql(`
  mutation RevokeCalendarFeed {
    revokeCalendarFeed
  }
`);
