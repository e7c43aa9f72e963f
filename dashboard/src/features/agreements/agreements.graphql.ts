import { graphql } from '../../gql';

/** An agreement's next deadline as lists show it: the front page's and the agreements page's. */
export const DeadlineFieldsFragment = graphql(`
  fragment DeadlineFields on DeadlineType {
    kind
    noticeDeadline
    nextPossibleEnd
    daysLeft
  }
`);

/** The deadline on the agreement's own page (and after an edit): also whether notice falls after the budget cutoff. */
export const DeadlineWithBudgetFieldsFragment = graphql(`
  fragment DeadlineWithBudgetFields on DeadlineType {
    ...DeadlineFields
    budgetCutoff
    noticeAfterBudgetCutoff
  }
`);

/**
 * The agreement's editable terms, selected alike by the agreement's page and by the update's answer
 * (so the cache shows what was saved): a new editable field is selected here once.
 */
export const AgreementTermsFieldsFragment = graphql(`
  fragment AgreementTermsFields on Agreement {
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
      ...DeadlineWithBudgetFields
    }
  }
`);

export const AgreementListQuery = graphql(`
  query AgreementList(
    $filter: AgreementFilter
    $limit: Int!
    $offset: Int!
    $orderBy: AgreementOrder
    $descending: Boolean
  ) {
    agreements(filter: $filter, limit: $limit, offset: $offset, orderBy: $orderBy, descending: $descending) {
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
          ...DeadlineFields
        }
      }
    }
    crisisCentres(limit: 500) {
      items {
        id
        name
        hostKommunenummer
      }
    }
  }
`);

export const AgreementDetailQuery = graphql(`
  query AgreementDetail($id: ID!) {
    agreement(id: $id) {
      ...AgreementTermsFields
      status
      legalBasis
      renewalMonths
      noticeGivenOn
      isExample
      sourceUrl
      sourceAsOf
      allowedTransitions
      centre {
        id
        name
        hostKommunenummer
      }
      checklistCompleteness {
        covered
        total
      }
      checklist {
        key
        covered
        note
      }
      endedOn
      costTerms {
        model
        rateOre
      }
      parties {
        id
        version
        role
        joinedOn
        leftOn
        isCurrent
        sourceUrl
        noticeGivenOn
        decisionBody
        decisionRef
        decisionDate
        noticeEffect {
          kind
          leavesOn
        }
        municipality {
          kommunenummer
          name
        }
      }
      amendments {
        ...AmendmentFields
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
      ...AgreementTermsFields
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
      endedOn
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

export const AmendmentFieldsFragment = graphql(`
  fragment AmendmentFields on AgreementAmendment {
    id
    version
    status
    outcome
    summary
    effectiveOn
    proposedBy
    createdAt
    closedAt
    joining
    leaving
    changedFields {
      field
      before
      after
    }
    costTerms {
      model
      rateOre
    }
    approvals {
      id
      role
      decision
      decisionBody
      decisionRef
      decisionDate
      reason
      decidedBy
      municipality {
        kommunenummer
        name
      }
    }
    impact {
      year
      note
      simulation {
        differences {
          role
          beforeOre
          afterOre
          differenceOre
          beforePerInhabitantOre
          afterPerInhabitantOre
          municipality {
            kommunenummer
            name
          }
        }
      }
    }
    resultAgreement {
      id
      title
    }
  }
`);

export const ProposeAmendmentMutation = graphql(`
  mutation ProposeAmendment($agreementId: ID!, $input: AmendmentInput!, $expectedVersion: Int) {
    proposeAmendment(agreementId: $agreementId, input: $input, expectedVersion: $expectedVersion) {
      ...AmendmentFields
    }
  }
`);

export const ReviseAmendmentMutation = graphql(`
  mutation ReviseAmendment($id: ID!, $input: AmendmentInput!, $expectedVersion: Int) {
    reviseAmendment(id: $id, input: $input, expectedVersion: $expectedVersion) {
      ...AmendmentFields
    }
  }
`);

export const WithdrawAmendmentMutation = graphql(`
  mutation WithdrawAmendment($id: ID!, $expectedVersion: Int) {
    withdrawAmendment(id: $id, expectedVersion: $expectedVersion) {
      id
      version
      status
    }
  }
`);

export const ApproveAmendmentMutation = graphql(`
  mutation ApproveAmendment($id: ID!, $input: ApprovalInput!, $kommunenummer: String, $expectedVersion: Int) {
    approveAmendment(id: $id, input: $input, kommunenummer: $kommunenummer, expectedVersion: $expectedVersion) {
      ...AmendmentFields
    }
  }
`);

export const RejectAmendmentMutation = graphql(`
  mutation RejectAmendment($id: ID!, $reason: String!, $kommunenummer: String, $expectedVersion: Int) {
    rejectAmendment(id: $id, reason: $reason, kommunenummer: $kommunenummer, expectedVersion: $expectedVersion) {
      ...AmendmentFields
    }
  }
`);

export const GiveNoticeMutation = graphql(`
  mutation GiveNotice($partyId: ID!, $input: NoticeInput, $expectedVersion: Int) {
    giveNotice(partyId: $partyId, input: $input, expectedVersion: $expectedVersion) {
      id
      version
      noticeGivenOn
      leftOn
    }
  }
`);

export const RecordDecisionMutation = graphql(`
  mutation RecordMembershipDecision($partyId: ID!, $input: MembershipDecisionInput!, $expectedVersion: Int) {
    recordMembershipDecision(partyId: $partyId, input: $input, expectedVersion: $expectedVersion) {
      id
      version
      decisionBody
      decisionRef
      decisionDate
    }
  }
`);

export const MyPendingApprovalsQuery = graphql(`
  query MyPendingApprovals {
    myPendingApprovals {
      id
      summary
      effectiveOn
      agreement {
        id
        title
        centre {
          id
          name
        }
      }
    }
  }
`);

export const MunicipalityNamesQuery = graphql(`
  query MunicipalityNames {
    municipalities {
      kommunenummer
      name
    }
  }
`);

export const AddPartyMutation = graphql(`
  mutation AddAgreementParty($agreementId: ID!, $input: PartyInput!) {
    addAgreementParty(agreementId: $agreementId, input: $input) {
      id
    }
  }
`);

export const RemovePartyMutation = graphql(`
  mutation RemoveAgreementParty($id: ID!) {
    removeAgreementParty(id: $id)
  }
`);

export const CreateFromDocumentedMutation = graphql(`
  mutation CreateAgreementFromDocumented($centreId: ID!, $title: String) {
    createAgreementFromDocumented(centreId: $centreId, title: $title) {
      id
    }
  }
`);

export const MyMunicipalityQuery = graphql(`
  query MyMunicipality($kommunenummer: String!) {
    municipality(kommunenummer: $kommunenummer) {
      kommunenummer
      name
    }
  }
`);
