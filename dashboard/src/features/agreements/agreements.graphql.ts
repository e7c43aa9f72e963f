import { graphql } from '../../gql';

export const AgreementListQuery = graphql(`
  query AgreementList($filter: AgreementFilter) {
    agreements(filter: $filter, limit: 500) {
      totalCount
      items {
        id
        title
        status
        isExample
        exampleFields
        centre {
          id
          name
        }
        parties {
          id
          isCurrent
        }
        deadline {
          kind
          noticeDeadline
          nextPossibleEnd
          daysLeft
        }
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

export const AgreementDetailQuery = graphql(`
  query AgreementDetail($id: ID!) {
    agreement(id: $id) {
      id
      version
      title
      status
      legalBasis
      validFrom
      validTo
      autoRenew
      renewalMonths
      noticeMonths
      noticeRunsTo
      noticeGivenOn
      signingLevel
      isExample
      exampleFields
      sourceUrl
      sourceAsOf
      allowedTransitions
      centre {
        id
        name
        hostKommunenummer
      }
      deadline {
        kind
        noticeDeadline
        nextPossibleEnd
        daysLeft
        budgetCutoff
        noticeAfterBudgetCutoff
      }
      checklistCompleteness {
        covered
        total
      }
      checklist {
        key
        label
        covered
        note
      }
      parties {
        id
        role
        joinedOn
        leftOn
        isCurrent
        sourceUrl
        municipality {
          kommunenummer
          name
        }
      }
      supersedes {
        id
        title
      }
      supersededBy {
        id
        title
      }
    }
  }
`);

export const UpdateAgreementMutation = graphql(`
  mutation UpdateAgreement($id: ID!, $input: AgreementFieldsInput!, $expectedVersion: Int) {
    updateAgreement(id: $id, input: $input, expectedVersion: $expectedVersion) {
      id
      version
      title
      validFrom
      validTo
      autoRenew
      noticeMonths
      noticeRunsTo
      signingLevel
      exampleFields
      deadline {
        kind
        noticeDeadline
        nextPossibleEnd
        daysLeft
        budgetCutoff
        noticeAfterBudgetCutoff
      }
    }
  }
`);

export const ChangeStatusMutation = graphql(`
  mutation ChangeAgreementStatus($id: ID!, $status: AgreementStatus!, $expectedVersion: Int) {
    changeAgreementStatus(id: $id, status: $status, expectedVersion: $expectedVersion) {
      id
      version
      status
      noticeGivenOn
      allowedTransitions
      exampleFields
    }
  }
`);

export const CreateAgreementMutation = graphql(`
  mutation CreateAgreement($input: CreateAgreementInput!) {
    createAgreement(input: $input) {
      id
    }
  }
`);
