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

export const PreviewMembershipImportMutation = graphql(`
  mutation PreviewMembershipImport($file: String!, $format: ImportFormat) {
    previewMembershipImport(file: $file, format: $format) {
      checksum
      rows
      added
      changed
      unchanged
      errors {
        line
        column
        message
      }
      changes {
        line
        action
        centre
        kommunenummer
        municipality
        role
        joinedOn
        leftOn
      }
    }
  }
`);

export const ConfirmMembershipImportMutation = graphql(`
  mutation ConfirmMembershipImport($file: String!, $checksum: String!, $format: ImportFormat) {
    confirmMembershipImport(file: $file, checksum: $checksum, format: $format) {
      added
      changed
      unchanged
    }
  }
`);
