import { graphql } from '../../gql';

export const SignInOptionsQuery = graphql(`
  query SignInOptions {
    signInOptions {
      oidcName
      oidcLoginUrl
      mailConfigured
      demoUsers
    }
  }
`);

export const LoginChallengeQuery = graphql(`
  query LoginChallenge($challenge: String!) {
    loginChallenge(challenge: $challenge) {
      email
      setup {
        secret
        uri
      }
    }
  }
`);

export const CompleteLoginMutation = graphql(`
  mutation CompleteLogin($challenge: String!, $code: String!) {
    completeLogin(challenge: $challenge, code: $code) {
      id
      name
    }
  }
`);

export const UserAdministrationQuery = graphql(`
  query UserAdministration {
    userAdministration {
      users {
        id
        email
        name
        active
        totpEnabled
        hasPassword
        hasExternalIdentity
        isExample
        lastSeenAt
        version
        mayManage
        grants {
          role
          kommunenummer
          centreId
        }
      }
      invitations {
        id
        email
        name
        expiresAt
        invitedBy
        status
        grant {
          role
          kommunenummer
          centreId
        }
      }
    }
    crisisCentres(limit: 200) {
      items {
        id
        name
        hostKommunenummer
      }
    }
  }
`);

export const InviteUserMutation = graphql(`
  mutation InviteUser($input: InviteUserInput!) {
    inviteUser(input: $input) {
      link
      mailed
      expiresAt
      invitation {
        id
        email
      }
    }
  }
`);

export const RevokeInvitationMutation = graphql(`
  mutation RevokeInvitation($id: ID!) {
    revokeInvitation(id: $id)
  }
`);

export const SetUserGrantsMutation = graphql(`
  mutation SetUserGrants($id: ID!, $grants: [GrantInput!]!, $expectedVersion: Int) {
    setUserGrants(id: $id, grants: $grants, expectedVersion: $expectedVersion) {
      id
      version
    }
  }
`);

export const DeactivateUserMutation = graphql(`
  mutation DeactivateUser($id: ID!, $expectedVersion: Int) {
    deactivateUser(id: $id, expectedVersion: $expectedVersion) {
      id
      active
    }
  }
`);

export const ReactivateUserMutation = graphql(`
  mutation ReactivateUser($id: ID!, $expectedVersion: Int) {
    reactivateUser(id: $id, expectedVersion: $expectedVersion) {
      id
      active
    }
  }
`);

export const ResetLinkMutation = graphql(`
  mutation CreatePasswordResetLink($id: ID!) {
    createPasswordResetLink(id: $id) {
      link
      mailed
      expiresAt
    }
  }
`);

export const InvitationQuery = graphql(`
  query Invitation($token: String!) {
    invitation(token: $token) {
      email
      name
      expiresAt
      grant {
        role
        kommunenummer
      }
      totpSetup {
        secret
        uri
      }
    }
    signInOptions {
      oidcName
      oidcLoginUrl
    }
  }
`);

export const AcceptInvitationMutation = graphql(`
  mutation AcceptInvitation($token: String!, $password: String!, $totpSecret: String, $totpCode: String) {
    acceptInvitation(token: $token, password: $password, totpSecret: $totpSecret, totpCode: $totpCode) {
      id
      name
    }
  }
`);

export const RequestResetMutation = graphql(`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`);

export const ResetPasswordMutation = graphql(`
  mutation ResetPassword($token: String!, $password: String!) {
    resetPassword(token: $token, password: $password)
  }
`);

export const MyAccountQuery = graphql(`
  query MyAccount {
    myAccount {
      id
      email
      name
      totpEnabled
      totpRequired
      hasPassword
      hasExternalIdentity
      grants {
        role
      }
      sessions {
        id
        userAgent
        method
        createdAt
        lastSeenAt
        current
      }
    }
  }
`);

export const SignOutEverywhereMutation = graphql(`
  mutation SignOutEverywhere {
    signOutEverywhere
  }
`);

export const RevokeSessionMutation = graphql(`
  mutation RevokeSession($id: ID!) {
    revokeSession(id: $id)
  }
`);

export const ChangePasswordMutation = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`);

export const StartTotpMutation = graphql(`
  mutation StartTotpSetup {
    startTotpSetup {
      secret
      uri
    }
  }
`);

export const ConfirmTotpMutation = graphql(`
  mutation ConfirmTotpSetup($code: String!) {
    confirmTotpSetup(code: $code)
  }
`);
