import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { Role } from '@samordna/domain';
import { enumOf, RoleEnum } from '../../app/enums';
import { GrantType } from '../auth/auth.types';

@InputType({
  description:
    'A role with its scope: a municipality (director, finance, read-only; none = all for read-only) or a centre (leader).',
})
export class GrantInput {
  @Field(() => RoleEnum)
  role: Role;

  @Field(() => String, { nullable: true })
  kommunenummer?: string | null;

  @Field(() => ID, { nullable: true })
  centreId?: string | null;
}

@InputType()
export class InviteUserInput {
  @Field()
  email: string;

  @Field()
  name: string;

  @Field(() => GrantInput)
  grant: GrantInput;
}

@ObjectType({ description: 'A person with access to Samordna, as their administrators see them.' })
export class UserAccount {
  @Field(() => ID)
  id: string;

  @Field()
  email: string;

  @Field()
  name: string;

  @Field()
  active: boolean;

  @Field(() => [GrantType])
  grants: GrantType[];

  @Field({ description: 'Signs in with a code from an authenticator app too.' })
  totpEnabled: boolean;

  @Field({ description: 'Has a password (else signs in through the identity provider only).' })
  hasPassword: boolean;

  @Field({ description: 'Linked to an identity at the OpenID Connect provider.' })
  hasExternalIdentity: boolean;

  @Field({ description: 'A demo user (local use only; never signs in in production).' })
  isExample: boolean;

  @Field(() => Date, { nullable: true, description: 'When one of their sessions was last used.' })
  lastSeenAt: Date | null;

  @Field()
  createdAt: Date;

  @Field(() => Int, { description: 'Send it back with a change (CONFLICT if it moved).' })
  version: number;

  @Field({ description: 'You may change this user (within your scope, and not yourself).' })
  mayManage: boolean;
}

@ObjectType({ description: 'An invitation not yet accepted (or expired, or revoked).' })
export class Invitation {
  @Field(() => ID)
  id: string;

  @Field()
  email: string;

  @Field()
  name: string;

  @Field(() => GrantType)
  grant: GrantType;

  @Field()
  expiresAt: Date;

  @Field()
  createdAt: Date;

  @Field(() => String, { nullable: true, description: 'Who invited (name <e-mail>).' })
  invitedBy: string | null;

  @Field({ description: 'PENDING, EXPIRED, ACCEPTED or REVOKED.' })
  status: string;
}

@ObjectType()
export class UserAdministration {
  @Field(() => [UserAccount], {
    description: 'The users you may see: all for administrators, those within your scope for a director.',
  })
  users: UserAccount[];

  @Field(() => [Invitation], { description: 'Invitations not accepted, within your scope.' })
  invitations: Invitation[];
}

@ObjectType({ description: 'A one-time link: sent by mail when mail is set up, otherwise shown here once to pass on.' })
export class OneTimeLink {
  @Field(() => String, {
    nullable: true,
    description: 'The link, only in this answer and only when it was not mailed.',
  })
  link: string | null;

  @Field({ description: 'The link was sent by mail to the person.' })
  mailed: boolean;

  @Field()
  expiresAt: Date;
}

@ObjectType()
export class InvitationResult extends OneTimeLink {
  @Field(() => Invitation)
  invitation: Invitation;
}

@ObjectType({ description: 'An authenticator secret to set up: type it in, or open the otpauth link on the phone.' })
export class TotpSetup {
  @Field()
  secret: string;

  @Field()
  uri: string;
}

@ObjectType({ description: 'What an invitation link offers, for the person who has it.' })
export class InvitationPreview {
  @Field()
  email: string;

  @Field()
  name: string;

  @Field(() => GrantType)
  grant: GrantType;

  @Field()
  expiresAt: Date;

  @Field(() => TotpSetup, {
    nullable: true,
    description: 'For a national administrator: the authenticator secret to set up while accepting.',
  })
  totpSetup: TotpSetup | null;
}

@ObjectType({ description: 'One of your signed-in browsers.' })
export class SessionInfo {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true, description: 'The browser as it names itself (User-Agent).' })
  userAgent: string | null;

  @Field({ description: 'PASSWORD or OIDC.' })
  method: string;

  @Field()
  createdAt: Date;

  @Field()
  lastSeenAt: Date;

  @Field()
  expiresAt: Date;

  @Field({ description: 'The session of this browser.' })
  current: boolean;
}

export const UiLanguageEnum = enumOf(
  ['NB', 'EN'] as const,
  'UiLanguage',
  'The dashboard language: NB = bokmål, EN = English.',
);
export type UiLanguage = keyof typeof UiLanguageEnum;

@ObjectType({ description: 'Your own account.' })
export class MyAccount {
  @Field(() => ID)
  id: string;

  @Field()
  email: string;

  @Field()
  name: string;

  @Field(() => [GrantType])
  grants: GrantType[];

  @Field()
  totpEnabled: boolean;

  @Field({ description: 'Your role requires a code from an authenticator app (national administrators).' })
  totpRequired: boolean;

  @Field()
  hasPassword: boolean;

  @Field()
  hasExternalIdentity: boolean;

  @Field(() => [SessionInfo])
  sessions: SessionInfo[];

  @Field(() => UiLanguageEnum, {
    nullable: true,
    description: 'The dashboard language you chose; reminder e-mails use it (null: bokmål).',
  })
  language: UiLanguage | null;
}

@ObjectType({ description: 'How one may sign in here.' })
export class SignInOptions {
  @Field(() => String, { nullable: true, description: 'The OpenID Connect provider, when configured («ID-porten»).' })
  oidcName: string | null;

  @Field(() => String, { nullable: true, description: 'Where the browser goes to sign in with it.' })
  oidcLoginUrl: string | null;

  @Field({ description: 'Password-reset links can be mailed.' })
  mailConfigured: boolean;

  @Field({ description: 'Demo users exist and may sign in (local use only).' })
  demoUsers: boolean;
}

@ObjectType({
  description: 'The second sign-in step: for a first-time set-up, the secret to add to the authenticator app.',
})
export class LoginChallengeInfo {
  @Field()
  email: string;

  @Field(() => TotpSetup, { nullable: true })
  setup: TotpSetup | null;
}
