import { Field, ID, ObjectType } from 'type-graphql';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Generated,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
  type Relation,
} from 'typeorm';
import { ROLES, type Role } from '@samordna/domain';
import { checkIn, RoleEnum } from '../../app/enums';
import { CrisisCentre } from '../crisis-centre/crisis-centre.entity';
import { Municipality } from '../municipality/municipality.entity';

@ObjectType({ description: 'A person who uses Samordna.' })
@Entity('app_user')
@Check('CHK_app_user_language', `"language" IS NULL OR "language" IN ('NB', 'EN')`)
@Index('UQ_app_user_external', ['externalIssuer', 'externalSubject'], {
  unique: true,
  where: '"external_subject" IS NOT NULL',
})
export class AppUser {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Index('UQ_app_user_email', { unique: true })
  @Column({ type: 'text' })
  email: string;

  @Field()
  @Column({ type: 'text' })
  name: string;

  /** argon2id; null for users who sign in through an identity provider. */
  @Column({ name: 'password_hash', type: 'text', nullable: true })
  passwordHash: string | null;

  /** The subject at an OpenID Connect provider (ID-porten, Entra ID), when used. */
  @Column({ name: 'external_subject', type: 'text', nullable: true })
  externalSubject: string | null;

  /** The issuer that subject belongs to. */
  @Column({ name: 'external_issuer', type: 'text', nullable: true })
  externalIssuer: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ name: 'is_example', type: 'boolean', default: false })
  isExample: boolean;

  /** Base32 secret of the authenticator app (TOTP), set once the user has confirmed a code. */
  @Column({ name: 'totp_secret', type: 'text', nullable: true })
  totpSecret: string | null;

  /** The last 30-second step a code was accepted for: a code is never accepted twice. */
  @Column({ name: 'totp_last_step', type: 'bigint', nullable: true })
  totpLastStep: string | null;

  /** A secret being set up from the user's own page, until a code from it is confirmed. */
  @Column({ name: 'totp_pending_secret', type: 'text', nullable: true })
  totpPendingSecret: string | null;

  @Column({ name: 'invited_by', type: 'uuid', nullable: true })
  invitedBy: string | null;

  /** The dashboard language the user chose (NB, EN); reminder e-mails use it. Null: not chosen yet. */
  @Column({ type: 'text', nullable: true })
  language: 'NB' | 'EN' | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}

@ObjectType({ description: 'A role with its scope.' })
@Entity('user_role')
@Check('CHK_user_role_role', checkIn('role', ROLES))
export class UserRole {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('IDX_user_role_user')
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => AppUser, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_user_role_user' })
  user?: Relation<AppUser>;

  @Field(() => RoleEnum)
  @Column({ type: 'text' })
  role: Role;

  @Field(() => String, { nullable: true, description: 'Municipality scope (director, finance, read-only).' })
  @Column({ type: 'varchar', length: 4, nullable: true })
  kommunenummer: string | null;

  @Field(() => ID, { nullable: true, description: 'Centre scope (centre leader).' })
  @Column({ name: 'centre_id', type: 'uuid', nullable: true })
  centreId: string | null;
}

/** A signed-in browser. The cookie holds a random token; only its SHA-256 is stored. */
@Entity('user_session')
export class UserSession {
  @PrimaryColumn({ name: 'token_hash', type: 'text' })
  tokenHash: string;

  /** Names the session on the user's own page (the token hash never leaves the server). */
  @Index('UQ_user_session_id', { unique: true })
  @Column({ type: 'uuid' })
  @Generated('uuid')
  id: string;

  /** The browser's User-Agent, cut to 300 characters, to tell the user's devices apart. */
  @Column({ name: 'user_agent', type: 'text', nullable: true })
  userAgent: string | null;

  /** PASSWORD or OIDC. */
  @Column({ type: 'text', default: 'PASSWORD' })
  method: string;

  /** Updated at most every five minutes. */
  @Column({ name: 'last_seen_at', type: 'timestamptz', default: () => 'now()' })
  lastSeenAt: Date;

  @Index('IDX_user_session_user')
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => AppUser, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_user_session_user' })
  user?: Relation<AppUser>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}

/** Failed and successful sign-ins, for throttling per account and per address. */
@Entity('login_attempt')
@Index('IDX_login_attempt_email_at', ['email', 'at'])
@Index('IDX_login_attempt_ip_at', ['ip', 'at'])
export class LoginAttempt {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  ip: string;

  @Column({ type: 'boolean' })
  succeeded: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}

/**
 * An invitation: a one-time link (only the SHA-256 of its token is stored) with an expiry, for a
 * person, a role and its scope. Accepting it creates the user (with a password, or linked to an
 * OpenID Connect identity); until then no account exists.
 */
@Entity('user_invitation')
@Check('CHK_user_invitation_role', checkIn('role', ROLES))
@Index('IDX_user_invitation_email', ['email'])
export class UserInvitation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  role: Role;

  @Column({ type: 'varchar', length: 4, nullable: true })
  kommunenummer: string | null;

  @ManyToOne(() => Municipality, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'kommunenummer', foreignKeyConstraintName: 'FK_user_invitation_municipality' })
  municipality?: Relation<Municipality>;

  @Column({ name: 'centre_id', type: 'uuid', nullable: true })
  centreId: string | null;

  @ManyToOne(() => CrisisCentre, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'centre_id', foreignKeyConstraintName: 'FK_user_invitation_centre' })
  centre?: Relation<CrisisCentre>;

  @Index('UQ_user_invitation_token', { unique: true })
  @Column({ name: 'token_hash', type: 'text' })
  tokenHash: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'invited_by', type: 'uuid', nullable: true })
  invitedBy: string | null;

  @ManyToOne(() => AppUser, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'invited_by', foreignKeyConstraintName: 'FK_user_invitation_invited_by' })
  inviter?: Relation<AppUser>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}

/** A one-time password-reset link (SHA-256 of the token) with an expiry. */
@Entity('password_reset')
export class PasswordReset {
  @PrimaryColumn({ name: 'token_hash', type: 'text' })
  tokenHash: string;

  @Index('IDX_password_reset_user')
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => AppUser, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_password_reset_user' })
  user?: Relation<AppUser>;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/**
 * The second step of a sign-in: the password (or the identity provider) said yes, and a code from the
 * authenticator app is due. `pending_secret` holds a secret being set up when the user has none yet.
 */
@Entity('login_challenge')
export class LoginChallenge {
  @PrimaryColumn({ name: 'token_hash', type: 'text' })
  tokenHash: string;

  @Index('IDX_login_challenge_user')
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => AppUser, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_login_challenge_user' })
  user?: Relation<AppUser>;

  @Column({ name: 'pending_secret', type: 'text', nullable: true })
  pendingSecret: string | null;

  /** PASSWORD or OIDC: how the first step was passed, for the session that follows. */
  @Column({ type: 'text' })
  method: string;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
