import { graphql } from '../../gql';

export const AgreementDocumentQuery = graphql(`
  query AgreementDocument($id: ID!) {
    agreementDocument(id: $id) {
      title
      subtitle
      missingSections
      sections {
        key
        heading
        incomplete
        blocks
      }
    }
  }
`);
