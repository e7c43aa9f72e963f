import { graphql } from '../../gql';

/** A row the server would not import: where (line, column) and why, keyed for the dashboard's words. */
export const ImportRowErrorFieldsFragment = graphql(`
  fragment ImportRowErrorFields on ImportRowErrorType {
    line
    column
    message
    messageKey
    params
  }
`);

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
        ...ImportRowErrorFields
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
        ...ImportRowErrorFields
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

export const PreviewContactImportMutation = graphql(`
  mutation PreviewContactImport($file: String!, $format: ImportFormat) {
    previewContactImport(file: $file, format: $format) {
      checksum
      rows
      added
      changed
      unchanged
      agenciesAdded
      errors {
        ...ImportRowErrorFields
      }
      changes {
        line
        action
        kommunenummer
        municipality
        kind
        agency
        newAgency
        name
        title
        isContactPoint
        fields
      }
    }
  }
`);

export const ConfirmContactImportMutation = graphql(`
  mutation ConfirmContactImport($file: String!, $checksum: String!, $format: ImportFormat) {
    confirmContactImport(file: $file, checksum: $checksum, format: $format) {
      added
      changed
      unchanged
    }
  }
`);
