import { graphql } from '../../gql';

export const FinanceCentresQuery = graphql(`
  query FinanceCentres {
    crisisCentres(limit: 500) {
      items {
        id
        name
        hostKommunenummer
      }
    }
  }
`);

export const FinanceYearQuery = graphql(`
  query FinanceYear($centreId: ID!, $year: Int!, $asOf: String!) {
    crisisCentre(id: $centreId) {
      id
      name
      hostKommunenummer
      members(asOf: $asOf) {
        kommunenummer
        role
        municipality {
          name
        }
      }
    }
    centreBudgets(centreId: $centreId) {
      id
      year
      version
      operatingCostOre
      stateFundingOre
      projectFundingOre
      actualOperatingCostOre
      netOre
      note
      isExample
    }
    extraCharges(centreId: $centreId, year: $year) {
      id
      kommunenummer
      kind
      amountOre
      payingBudget
      description
    }
    investments(centreId: $centreId) {
      id
      year
      kind
      amountOre
      paidByKommunenummer
      shared
      depreciationYears
      description
    }
  }
`);

export const FinanceDistributionQuery = graphql(`
  query FinanceDistribution($centreId: ID!, $year: Int!) {
    costDistribution(centreId: $centreId, year: $year) {
      agreementId
      model
      budgetOre
      hostInvestmentsOre
      hostDepreciationOre
      hostPerInhabitantWithInvestmentsOre
      hostPartnerRatio
      hostPartnerRatioWithInvestments
      extraChargesWithheld
      isExample
      parties {
        ...PartyCostFields
      }
    }
    costSettlement(centreId: $centreId, year: $year) {
      budgetedNetOre
      actualNetOre
      lines {
        municipality {
          kommunenummer
          name
        }
        role
        budgetedOre
        actualOre
        differenceOre
      }
    }
  }
`);

export const FinanceAgreementQuery = graphql(`
  query FinanceAgreement($id: ID!) {
    agreement(id: $id) {
      id
      title
      version
      status
      costTerms {
        model
        rateOre
        hostRateOre
        hostShareBp
        baseOre
        usageWeightBp
      }
    }
  }
`);

export const SetBudgetMutation = graphql(`
  mutation SetBudget($centreId: ID!, $year: Int!, $input: BudgetInput!, $expectedVersion: Int) {
    setCentreBudget(centreId: $centreId, year: $year, input: $input, expectedVersion: $expectedVersion) {
      id
      year
      version
      operatingCostOre
      stateFundingOre
      projectFundingOre
      actualOperatingCostOre
      netOre
    }
  }
`);

export const CreateChargeMutation = graphql(`
  mutation CreateCharge($input: ExtraChargeInput!) {
    createExtraCharge(input: $input) {
      id
    }
  }
`);

export const DeleteChargeMutation = graphql(`
  mutation DeleteCharge($id: ID!) {
    deleteExtraCharge(id: $id)
  }
`);

export const CreateInvestmentMutation = graphql(`
  mutation CreateInvestment($input: InvestmentInput!) {
    createInvestment(input: $input) {
      id
    }
  }
`);

export const DeleteInvestmentMutation = graphql(`
  mutation DeleteInvestment($id: ID!) {
    deleteInvestment(id: $id)
  }
`);

export const SetCostTermsMutation = graphql(`
  mutation SetCostTerms($id: ID!, $terms: CostTermsInput!, $expectedVersion: Int) {
    setAgreementCostTerms(agreementId: $id, terms: $terms, expectedVersion: $expectedVersion) {
      id
      version
      costTerms {
        model
      }
    }
  }
`);
