import { Field, ID, Int, ObjectType } from 'type-graphql';
import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  VersionColumn,
  type Relation,
} from 'typeorm';
import { TrackedEntity } from '../../database/tracked-entity';
import {
  AMENDMENT_STATUSES,
  APPROVAL_DECISIONS,
  APPROVAL_ROLES,
  type AmendmentStatus,
  type ApprovalDecision,
  type ApprovalRole,
} from '@samordna/domain';
import { checkIn, enumOf } from '../../app/enums';
import { Municipality } from '../municipality/municipality.entity';
import type { CostParams, PopulationReference } from '../cost-sharing/cost.types';
import { Agreement } from './agreement.entity';

export const AmendmentStatusEnum = enumOf(
  AMENDMENT_STATUSES,
  'AmendmentStatus',
  'OPEN (waiting for approvals), ADOPTED (a new version was made), WITHDRAWN, REVISED (replaced by a revision).',
);
export const ApprovalDecisionEnum = enumOf(APPROVAL_DECISIONS, 'ApprovalDecision', 'PENDING, APPROVED or REJECTED.');
export const ApprovalRoleEnum = enumOf(
  APPROVAL_ROLES,
  'ApprovalRole',
  'Why the municipality must approve: PARTNER (stays on), JOINING, LEAVING.',
);

/** The cost terms an amendment proposes (same shape as an agreement's). */
export interface ProposedCostTerms {
  model: NonNullable<Agreement['costModel']>;
  params: CostParams;
  populationReference: PopulationReference | null;
}

/** A proposed new version of a binding agreement, waiting for the affected parties' approval. */
@ObjectType({
  description:
    "A proposed amendment (new version) of a binding agreement: the host proposes, every affected party's director approves or rejects.",
})
@Entity('agreement_amendment')
@Check('CHK_agreement_amendment_status', checkIn('status', AMENDMENT_STATUSES))
@Index('UQ_agreement_amendment_open', ['agreementId'], { unique: true, where: `"status" = 'OPEN'` })
export class AgreementAmendment extends TrackedEntity {
  @Field(() => Int, {
    description: 'Moves when the proposal itself changes (withdrawn, revised, adopted); send it back with a decision.',
  })
  @VersionColumn({ default: 1 })
  version: number;

  @Field(() => ID, { description: 'The agreement this amends.' })
  @Index('IDX_agreement_amendment_agreement')
  @Column({ name: 'agreement_id', type: 'uuid' })
  agreementId: string;

  @ManyToOne(() => Agreement, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agreement_id', foreignKeyConstraintName: 'FK_agreement_amendment_agreement' })
  agreement?: Relation<Agreement>;

  @Field(() => AmendmentStatusEnum)
  @Column({ type: 'text', default: 'OPEN' })
  status: AmendmentStatus;

  @Field({ description: 'What the amendment is about, in a sentence.' })
  @Column({ type: 'text' })
  summary: string;

  @Field(() => String, { description: 'ISO date the new version takes effect (its validFrom).' })
  @Column({ name: 'effective_on', type: 'date' })
  effectiveOn: string;

  /** Changed agreement fields and their new values (only those that change). */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  changes: Record<string, unknown>;

  /** A new cost model, when the amendment changes it. */
  @Column({ name: 'cost_terms', type: 'jsonb', nullable: true })
  costTerms: ProposedCostTerms | null;

  @Field(() => [String], { description: 'Kommunenummer of municipalities that join with the new version.' })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  joining: string[];

  @Field(() => [String], { description: 'Kommunenummer of partners that leave with the new version.' })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  leaving: string[];

  @Field(() => ID, { nullable: true, description: 'The proposal this one revises.' })
  @Column({ name: 'revision_of_id', type: 'uuid', nullable: true })
  revisionOfId: string | null;

  @ManyToOne(() => AgreementAmendment, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'revision_of_id', foreignKeyConstraintName: 'FK_agreement_amendment_revision_of' })
  revisionOf?: Relation<AgreementAmendment>;

  @Field(() => ID, { nullable: true, description: 'The new agreement version made when every party had approved.' })
  @Column({ name: 'result_agreement_id', type: 'uuid', nullable: true })
  resultAgreementId: string | null;

  @ManyToOne(() => Agreement, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'result_agreement_id', foreignKeyConstraintName: 'FK_agreement_amendment_result' })
  resultAgreement?: Relation<Agreement>;

  @Column({ name: 'proposed_by_user_id', type: 'uuid', nullable: true })
  proposedByUserId: string | null;

  @Field(() => String, { nullable: true, description: 'Who proposed it (name and e-mail) at the time.' })
  @Column({ name: 'proposed_by', type: 'text', nullable: true })
  proposedBy: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was adopted, withdrawn or revised.' })
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;
}

/** One affected municipality's answer to an amendment. */
@ObjectType({
  description: "An affected municipality's approval or rejection of an amendment, with its decision reference.",
})
@Entity('amendment_approval')
@Unique('UQ_amendment_approval_municipality', ['amendmentId', 'kommunenummer'])
@Check('CHK_amendment_approval_decision', checkIn('decision', APPROVAL_DECISIONS))
@Check('CHK_amendment_approval_role', checkIn('role', APPROVAL_ROLES))
export class AmendmentApproval {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ name: 'amendment_id', type: 'uuid' })
  amendmentId: string;

  @ManyToOne(() => AgreementAmendment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'amendment_id', foreignKeyConstraintName: 'FK_amendment_approval_amendment' })
  amendment?: Relation<AgreementAmendment>;

  @Field()
  @Index('IDX_amendment_approval_municipality')
  @Column({ type: 'varchar', length: 4 })
  kommunenummer: string;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'kommunenummer', foreignKeyConstraintName: 'FK_amendment_approval_municipality' })
  municipality?: Relation<Municipality>;

  @Field(() => ApprovalRoleEnum)
  @Column({ type: 'text' })
  role: ApprovalRole;

  @Field(() => ApprovalDecisionEnum)
  @Column({ type: 'text', default: 'PENDING' })
  decision: ApprovalDecision;

  @Field(() => String, { nullable: true, description: '«kommunestyret», «formannskapet» …' })
  @Column({ name: 'decision_body', type: 'text', nullable: true })
  decisionBody: string | null;

  @Field(() => String, { nullable: true, description: 'Decision reference («sak 45/26»).' })
  @Column({ name: 'decision_ref', type: 'text', nullable: true })
  decisionRef: string | null;

  @Field(() => String, { nullable: true, description: 'ISO date of the decision.' })
  @Column({ name: 'decision_date', type: 'date', nullable: true })
  decisionDate: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was rejected.' })
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'decided_by_user_id', type: 'uuid', nullable: true })
  decidedByUserId: string | null;

  @Field(() => String, { nullable: true, description: 'Who recorded the decision (name and e-mail) at the time.' })
  @Column({ name: 'decided_by', type: 'text', nullable: true })
  decidedBy: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;
}
