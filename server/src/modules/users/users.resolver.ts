import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../../app/context';
import { toMe, Me } from '../auth/auth.resolver';
import {
  acceptInvitation,
  changePassword,
  confirmTotpSetup,
  createPasswordResetLink,
  disableTotp,
  invitationPreview,
  inviteUser,
  myAccount,
  setMyLanguage,
  requestPasswordReset,
  resetPassword,
  revokeInvitation,
  revokeSession,
  setUserActive,
  setUserGrants,
  signOutEverywhere,
  startTotpSetup,
  userAdministration,
} from './users.service';
import {
  GrantInput,
  InvitationPreview,
  InvitationResult,
  InviteUserInput,
  MyAccount,
  OneTimeLink,
  TotpSetup,
  UiLanguageEnum,
  UserAccount,
  UserAdministration,
  type UiLanguage,
} from './users.types';

/** User administration («Brukere»), invitations, password reset and the user's own account. Thin: the rules are in the service. */
@Resolver()
export class UsersResolver {
  @Authorized()
  @Query(() => UserAdministration, {
    description: 'Users and open invitations within your scope (administrators and directors).',
  })
  userAdministration(@Ctx() ctx: AppContext) {
    return userAdministration(ctx);
  }

  @Authorized()
  @Mutation(() => InvitationResult, {
    description:
      'Invites a person with a role and scope you may give. The one-time link is mailed, or returned once to pass on.',
  })
  inviteUser(@Ctx() ctx: AppContext, @Arg('input', () => InviteUserInput) input: InviteUserInput) {
    return inviteUser(ctx, input);
  }

  @Authorized()
  @Mutation(() => ID, { description: 'Withdraws an open invitation: its link stops working.' })
  revokeInvitation(@Ctx() ctx: AppContext, @Arg('id', () => ID) id: string) {
    return revokeInvitation(ctx, id);
  }

  @Query(() => InvitationPreview, {
    description: 'What an invitation link offers. The token (from the link) is the proof; no sign-in needed.',
  })
  invitation(@Ctx() ctx: AppContext, @Arg('token') token: string) {
    return invitationPreview(ctx, token);
  }

  @Mutation(() => Me, {
    description:
      'Accepts an invitation with a password (and for administrators a first authenticator code), and signs in.',
  })
  async acceptInvitation(
    @Ctx() ctx: AppContext,
    @Arg('token') token: string,
    @Arg('password') password: string,
    @Arg('totpSecret', () => String, { nullable: true }) totpSecret?: string | null,
    @Arg('totpCode', () => String, { nullable: true }) totpCode?: string | null,
  ) {
    return toMe(await acceptInvitation(ctx, { token, password, totpSecret, totpCode }));
  }

  @Authorized()
  @Mutation(() => UserAccount, { description: "Replaces a user's roles and scopes, within what you may give." })
  setUserGrants(
    @Ctx() ctx: AppContext,
    @Arg('id', () => ID) id: string,
    @Arg('grants', () => [GrantInput]) grants: GrantInput[],
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return setUserGrants(ctx, id, grants, expectedVersion);
  }

  @Authorized()
  @Mutation(() => UserAccount, { description: 'Deactivates a user: their sessions end at once.' })
  deactivateUser(
    @Ctx() ctx: AppContext,
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return setUserActive(ctx, id, false, expectedVersion);
  }

  @Authorized()
  @Mutation(() => UserAccount)
  reactivateUser(
    @Ctx() ctx: AppContext,
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return setUserActive(ctx, id, true, expectedVersion);
  }

  @Authorized()
  @Mutation(() => OneTimeLink, {
    description: 'A password-reset link for a user you manage: mailed to them, or returned once to pass on.',
  })
  createPasswordResetLink(@Ctx() ctx: AppContext, @Arg('id', () => ID) id: string) {
    return createPasswordResetLink(ctx, id);
  }

  @Mutation(() => Boolean, {
    description: 'Mails a reset link if the address belongs to an account. Always the same answer.',
  })
  requestPasswordReset(@Ctx() ctx: AppContext, @Arg('email') email: string) {
    return requestPasswordReset(ctx, email);
  }

  @Mutation(() => Boolean, { description: 'Sets a new password from a reset link; all sessions of the account end.' })
  resetPassword(@Ctx() ctx: AppContext, @Arg('token') token: string, @Arg('password') password: string) {
    return resetPassword(ctx, token, password);
  }

  @Authorized()
  @Query(() => MyAccount, { description: 'Your own account and sessions.' })
  myAccount(@Ctx() ctx: AppContext) {
    return myAccount(ctx);
  }

  @Authorized()
  @Mutation(() => UiLanguageEnum, {
    description:
      'Stores the dashboard language you chose; reminder e-mails go out in it. Writes nothing when it is already stored.',
  })
  setMyLanguage(@Ctx() ctx: AppContext, @Arg('language', () => UiLanguageEnum) language: UiLanguage) {
    return setMyLanguage(ctx, language);
  }

  @Authorized()
  @Mutation(() => Int, { description: 'Ends every session of yours, this one included. Returns how many.' })
  signOutEverywhere(@Ctx() ctx: AppContext) {
    return signOutEverywhere(ctx);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Ends one of your sessions.' })
  revokeSession(@Ctx() ctx: AppContext, @Arg('id', () => ID) id: string) {
    return revokeSession(ctx, id);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Changes your password; your other sessions end.' })
  changePassword(
    @Ctx() ctx: AppContext,
    @Arg('currentPassword') currentPassword: string,
    @Arg('newPassword') newPassword: string,
  ) {
    return changePassword(ctx, currentPassword, newPassword);
  }

  @Authorized()
  @Mutation(() => TotpSetup, { description: 'Starts setting up an authenticator app.' })
  startTotpSetup(@Ctx() ctx: AppContext) {
    return startTotpSetup(ctx);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Confirms the authenticator app with a code from it.' })
  confirmTotpSetup(@Ctx() ctx: AppContext, @Arg('code') code: string) {
    return confirmTotpSetup(ctx, code);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Turns the authenticator off (not for national administrators).' })
  disableTotp(@Ctx() ctx: AppContext, @Arg('code') code: string) {
    return disableTotp(ctx, code);
  }
}
