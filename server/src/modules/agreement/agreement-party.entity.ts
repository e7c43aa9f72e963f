import { Field, Int, ID, ObjectType } from 'type-graphql';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  VersionColumn,
  type Relation,
} from 'typeorm';
import { Municipality } from '../municipality/municipality.entity';
import { Agreement } from './agreement.entity';
import { PartyRole } from './party-role';

/** A municipality's part in an agreement, with the dates it joined and left. */
@ObjectType({ description: "A municipality's party role in an agreement, with joined and left dates." })
@Entity('agreement_party')
@Check('CHK_agreement_party_role', `"role" IN ('host', 'partner')`)
@Check('CHK_agreement_party_dates', `"left_on" IS NULL OR "joined_on" IS NULL OR "left_on" >= "joined_on"`)
export class AgreementParty {
  @Field(() => Int, { description: 'Increases with every change; send it back with an update (CONFLICT if it moved).' })
  @VersionColumn({ default: 1 })
  version: number;

  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Index('IDX_agreement_party_agreement')
  @Column({ name: 'agreement_id', type: 'uuid' })
  agreementId: string;

  @ManyToOne(() => Agreement, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agreement_id', foreignKeyConstraintName: 'FK_agreement_party_agreement' })
  agreement?: Relation<Agreement>;

  @Field()
  @Index('IDX_agreement_party_municipality')
  @Column({ type: 'varchar', length: 4 })
  kommunenummer: string;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'kommunenummer', foreignKeyConstraintName: 'FK_agreement_party_municipality' })
  municipality?: Relation<Municipality>;

  @Field(() => PartyRole)
  @Column({ type: 'text' })
  role: PartyRole;

  @Field(() => String, {
    nullable: true,
    description: 'ISO date the municipality joined; null when the source gives none.',
  })
  @Column({ name: 'joined_on', type: 'date', nullable: true })
  joinedOn: string | null;

  @Field(() => String, { nullable: true, description: 'ISO date the municipality left; null while it is a party.' })
  @Column({ name: 'left_on', type: 'date', nullable: true })
  leftOn: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'ISO date the municipality gave notice to leave (its director); leftOn is then the day its membership ends.',
  })
  @Column({ name: 'notice_given_on', type: 'date', nullable: true })
  noticeGivenOn: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The body that decided the municipality's membership («kommunestyret», «formannskapet», «kommunedirektøren»).",
  })
  @Column({ name: 'decision_body', type: 'text', nullable: true })
  decisionBody: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The municipality's own decision reference (saksnummer), recorded by its director.",
  })
  @Column({ name: 'decision_ref', type: 'text', nullable: true })
  decisionRef: string | null;

  @Field(() => String, { nullable: true, description: 'ISO date of the decision.' })
  @Column({ name: 'decision_date', type: 'date', nullable: true })
  decisionDate: string | null;

  @Field(() => String, { nullable: true, description: 'The page or document that states the membership.' })
  @Column({ name: 'source_url', type: 'text', nullable: true })
  sourceUrl: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'How old the source is ("2023", "ca. 2022", "udatert (før 2020)").',
  })
  @Column({ name: 'source_as_of', type: 'text', nullable: true })
  sourceAsOf: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Field()
  @Column({ name: 'is_example', type: 'boolean', default: false })
  isExample: boolean;

  @Column({ name: 'seed_key', type: 'text', nullable: true, unique: true })
  seedKey: string | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
