import { Field, ID, ObjectType } from 'type-graphql';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { ROLES, type Role } from '@samordna/domain';
import { checkIn, RoleEnum } from '../../app/enums';

@ObjectType({ description: 'A person who uses Samordna.' })
@Entity('app_user')
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

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ name: 'is_example', type: 'boolean', default: false })
  isExample: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
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
