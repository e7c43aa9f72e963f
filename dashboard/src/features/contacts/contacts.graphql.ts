import { graphql } from '../../gql';

export const ContactOptionsQuery = graphql(`
  query ContactOptions {
    municipalities {
      kommunenummer
      name
      county {
        name
      }
    }
    crisisCentres(limit: 500) {
      items {
        id
        name
      }
    }
  }
`);

export const MunicipalityContactsQuery = graphql(`
  query MunicipalityContacts($kommunenummer: String!) {
    municipality(kommunenummer: $kommunenummer) {
      kommunenummer
      centreMemberships {
        id
        isCurrent
        centre {
          id
        }
      }
    }
    agencies(filter: { kommunenummer: $kommunenummer }, limit: 100) {
      items {
        id
        kind
        name
        writtenAgreement
        isExample
        contacts {
          id
          version
          name
          title
          phone
          email
          isContactPoint
          verifiedAt
          verifiedBy
          stale
          isExample
        }
      }
    }
  }
`);

export const CentreContactsQuery = graphql(`
  query CentreContacts($centreId: ID!) {
    centreCoverage(centreId: $centreId) {
      centreName
      rows {
        municipality {
          kommunenummer
          name
        }
        codes
        missingKeyAgencies
        staleContacts
      }
    }
  }
`);

export const StaleContactsQuery = graphql(`
  query StaleContacts($centreId: ID) {
    contacts(filter: { stale: true, centreId: $centreId }, limit: 500) {
      totalCount
      items {
        id
        name
        title
        verifiedAt
        agency {
          name
          municipality {
            kommunenummer
            name
          }
        }
      }
    }
  }
`);

export const VerifyContactsMutation = graphql(`
  mutation VerifyContacts($ids: [ID!]!, $verifiedBy: String!) {
    verifyContacts(ids: $ids, verifiedBy: $verifiedBy) {
      id
      verifiedAt
      verifiedBy
      stale
    }
  }
`);

export const UpdateContactMutation = graphql(`
  mutation UpdateContact($id: ID!, $input: ContactInput!, $expectedVersion: Int) {
    updateContact(id: $id, input: $input, expectedVersion: $expectedVersion) {
      id
      version
      name
      title
      phone
      email
      isContactPoint
    }
  }
`);

export const CreateContactMutation = graphql(`
  mutation CreateContact($input: ContactInput!) {
    createContact(input: $input) {
      id
    }
  }
`);

export const EndContactMutation = graphql(`
  mutation EndContact($id: ID!, $expectedVersion: Int) {
    updateContact(id: $id, input: { active: false }, expectedVersion: $expectedVersion) {
      id
      version
      active
    }
  }
`);

export const EraseContactMutation = graphql(`
  mutation EraseContact($id: ID!) {
    eraseContactPerson(id: $id)
  }
`);

export const CreateAgencyWithContactMutation = graphql(`
  mutation CreateAgencyWithContact($input: NewAgencyInput!) {
    createAgencyWithContact(input: $input) {
      id
      agency {
        id
      }
    }
  }
`);

export const SetSwitchboardMutation = graphql(`
  mutation SetSwitchboard($kommunenummer: String!, $phone: String, $source: String) {
    setMunicipalitySwitchboard(kommunenummer: $kommunenummer, phone: $phone, source: $source) {
      kommunenummer
      switchboardPhone
      switchboardSource
    }
  }
`);
