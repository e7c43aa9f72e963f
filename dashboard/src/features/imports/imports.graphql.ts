import { graphql } from '../../gql';

export const PreviewPopulationImportMutation = graphql(`
  mutation PreviewPopulationImport($csv: String!) {
    previewPopulationImport(csv: $csv) {
      checksum
      years
      rows
      added
      changed
      unchanged
      skipped
      errors {
        line
        column
        message
      }
      changes {
        kommunenummer
        name
        year
        before
        after
      }
    }
  }
`);

export const ConfirmPopulationImportMutation = graphql(`
  mutation ConfirmPopulationImport($csv: String!, $checksum: String!) {
    confirmPopulationImport(csv: $csv, checksum: $checksum) {
      added
      changed
      unchanged
    }
  }
`);
