import { graphql } from '../../gql';

export const MeQuery = graphql(`
  query Me {
    me {
      id
      name
      email
      grants {
        role
        kommunenummer
        centreId
      }
    }
  }
`);

export const LoginMutation = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      id
      name
    }
  }
`);

export const LogoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);

/** The dashboard language, stored on the signed-in user so reminder e-mails use it. */
export const SetMyLanguageMutation = graphql(`
  mutation SetMyLanguage($language: UiLanguage!) {
    setMyLanguage(language: $language)
  }
`);
