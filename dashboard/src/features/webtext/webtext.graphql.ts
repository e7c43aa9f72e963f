import { graphql } from '../../gql';

export const MunicipalityWebTextQuery = graphql(`
  query MunicipalityWebText($kommunenummer: String!, $language: WebTextLanguage) {
    municipalityWebText(kommunenummer: $kommunenummer, language: $language) {
      language
      title
      text
      html
      updatedOn
      gapCodes
    }
  }
`);
