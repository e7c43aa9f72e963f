import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { VersionedEntity } from '../../database/tracked-entity';
import { COST_MODELS, type CostModelKind } from '@samordna/domain';
import {
  AGREEMENT_STATUSES,
  NOTICE_RUNS_TO,
  SIGNING_LEVELS,
  type AgreementStatus,
  type ChecklistItem,
  type NoticeRunsTo,
  type SigningLevel,
} from '@samordna/domain';
import { AgreementStatusEnum, checkIn, SigningLevelEnum } from '../../app/enums';
import { CrisisCentre } from '../crisis-centre/crisis-centre.entity';
import { NoticeRunsToEnum } from './agreement.types';
import {
  CostModelKindEnum,
  PopulationReferenceEnum,
  type CostParams,
  type PopulationReference,
} from '../cost-sharing/cost.types';

/** An agreement binding a host and N partners to a centre. */
@ObjectType({ description: 'A cooperation agreement about a crisis centre between a host and its partners.' })
@Entity('agreement')
@Check('CHK_agreement_status', checkIn('status', AGREEMENT_STATUSES))
@Check('CHK_agreement_signing_level', checkIn('signing_level', SIGNING_LEVELS))
@Check('CHK_agreement_notice_runs_to', checkIn('notice_runs_to', NOTICE_RUNS_TO))
@Check('CHK_agreement_dates', `"valid_to" IS NULL OR "valid_from" IS NULL OR "valid_to" >= "valid_from"`)
@Check('CHK_agreement_ended_on', `"ended_on" IS NULL OR "valid_from" IS NULL OR "ended_on" >= "valid_from" - 1`)
@Check('CHK_agreement_notice_months', `"notice_months" IS NULL OR "notice_months" BETWEEN 0 AND 60`)
@Check('CHK_agreement_cost_model', `"cost_model" IS NULL OR ${checkIn('cost_model', COST_MODELS)}`)
@Check('CHK_agreement_population_reference', `"population_reference" IN ('SAME_YEAR', 'PREVIOUS_YEAR')`)
@Check('CHK_agreement_renewal_months', `"renewal_months" IS NULL OR "renewal_months" BETWEEN 1 AND 120`)
export class Agreement extends VersionedEntity {
  @Field(() => ID)
  @Index('IDX_agreement_centre')
  @Column({ name: 'centre_id', type: 'uuid' })
  centreId: string;

  @ManyToOne(() => CrisisCentre, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'centre_id', foreignKeyConstraintName: 'FK_agreement_centre' })
  centre?: Relation<CrisisCentre>;

  @Field()
  @Column({ type: 'text' })
  title: string;

  @Field(() => String, { nullable: true, description: 'Legal basis as written («kommuneloven § 20-1»).' })
  @Column({ name: 'legal_basis', type: 'text', nullable: true })
  legalBasis: string | null;

  @Field(() => AgreementStatusEnum)
  @Column({ type: 'text', default: 'DRAFT' })
  status: AgreementStatus;

  @Field(() => String, { nullable: true, description: 'ISO date.' })
  @Column({ name: 'valid_from', type: 'date', nullable: true })
  validFrom: string | null;

  @Field(() => String, { nullable: true, description: 'ISO date: end of the first (or only) term.' })
  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo: string | null;

  @Field({ description: 'Renews itself unless notice is given.' })
  @Column({ name: 'auto_renew', type: 'boolean', default: false })
  autoRenew: boolean;

  @Field(() => Int, { nullable: true, description: 'Length of each renewal in months (12 when not stated).' })
  @Column({ name: 'renewal_months', type: 'int', nullable: true })
  renewalMonths: number | null;

  @Field(() => Int, { nullable: true })
  @Column({ name: 'notice_months', type: 'int', nullable: true })
  noticeMonths: number | null;

  @Field(() => NoticeRunsToEnum, {
    description: 'Whether the notice period runs to the end of a calendar or half year.',
  })
  @Column({ name: 'notice_runs_to', type: 'text', default: 'NONE' })
  noticeRunsTo: NoticeRunsTo;

  @Field(() => String, { nullable: true, description: 'The day notice was given (ISO), when status is NOTICE_GIVEN.' })
  @Column({ name: 'notice_given_on', type: 'date', nullable: true })
  noticeGivenOn: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'ISO date: the last day the agreement binds its parties (set when it ends, when notice to end it is given, or when a new version replaces it); null while open.',
  })
  @Column({ name: 'ended_on', type: 'date', nullable: true })
  endedOn: string | null;

  @Field(() => SigningLevelEnum)
  @Column({ name: 'signing_level', type: 'text', default: 'UNKNOWN' })
  signingLevel: SigningLevel;

  @Field(() => String, { nullable: true, description: 'Council decision reference (saksnummer).' })
  @Column({ name: 'council_decision_ref', type: 'text', nullable: true })
  councilDecisionRef: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'council_decision_date', type: 'date', nullable: true })
  councilDecisionDate: string | null;

  @Field(() => String, { nullable: true, description: 'Archive reference (arkivreferanse).' })
  @Column({ name: 'archive_ref', type: 'text', nullable: true })
  archiveRef: string | null;

  @Field(() => ID, { nullable: true, description: 'The agreement this one replaces.' })
  @Index('IDX_agreement_supersedes')
  @Column({ name: 'supersedes_id', type: 'uuid', nullable: true })
  supersedesId: string | null;

  @ManyToOne(() => Agreement, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'supersedes_id', foreignKeyConstraintName: 'FK_agreement_supersedes' })
  supersedes?: Relation<Agreement>;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  checklist: ChecklistItem[];

  @Field(() => CostModelKindEnum, {
    nullable: true,
    description: 'How the budget is shared; null when not registered.',
  })
  @Column({ name: 'cost_model', type: 'text', nullable: true })
  costModel: CostModelKind | null;

  /** Parameters of the cost model (rate, shares, lump sums …), all amounts in øre. */
  @Column({ name: 'cost_params', type: 'jsonb', default: () => "'{}'" })
  costParams: CostParams;

  @Field(() => PopulationReferenceEnum, {
    description: 'Population on 1 January of the budget year, or of the year before.',
  })
  @Column({ name: 'population_reference', type: 'text', default: 'PREVIOUS_YEAR' })
  populationReference: PopulationReference;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Field(() => String, { nullable: true, description: 'Where the facts about this agreement come from.' })
  @Column({ name: 'source_url', type: 'text', nullable: true })
  sourceUrl: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'source_as_of', type: 'text', nullable: true })
  sourceAsOf: string | null;

  @Field({ description: 'True when the whole record is invented demo data.' })
  @Column({ name: 'is_example', type: 'boolean', default: false })
  isExample: boolean;

  @Field(() => [String], { description: 'Fields whose values are invented examples on an otherwise real record.' })
  @Column({ name: 'example_fields', type: 'text', array: true, default: () => "'{}'" })
  exampleFields: string[];

  @Column({ name: 'seed_key', type: 'text', nullable: true, unique: true })
  seedKey: string | null;
}
