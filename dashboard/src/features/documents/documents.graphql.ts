import { graphql } from '../../gql';

export const AgreementDocumentQuery = graphql(`
  query AgreementDocument($id: ID!, $amendmentId: ID) {
    agreementDocument(id: $id, amendmentId: $amendmentId) {
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
