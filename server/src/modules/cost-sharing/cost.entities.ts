import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  VersionColumn,
  UpdateDateColumn,
  type Relation,
  type ValueTransformer,
} from 'typeorm';
import { EXTRA_CHARGE_KINDS, INVESTMENT_KINDS, type ExtraChargeKind, type InvestmentKind } from '@samordna/domain';
import { checkIn, enumOf } from '../../app/enums';

export { EXTRA_CHARGE_KINDS, INVESTMENT_KINDS, type ExtraChargeKind, type InvestmentKind };
import { CrisisCentre } from '../crisis-centre/crisis-centre.entity';
import { Municipality } from '../municipality/municipality.entity';

/** bigint columns hold øre; they come back from pg as strings. Amounts stay far below 2^53. */
export const oreTransformer: ValueTransformer = {
  to: (v: number | null | undefined) => v,
  from: (v: string | null) => (v === null ? null : Number(v)),
};

export const ExtraChargeKindEnum = enumOf(
  EXTRA_CHARGE_KINDS,
  'ExtraChargeKind',
  'Extra charges billed per resident: child transport to school, food, other.',
);

export const InvestmentKindEnum = enumOf(INVESTMENT_KINDS, 'InvestmentKind');

@ObjectType({
  description: "A centre's budget for a year, in øre. Net = operating cost − state funding − project funding.",
})
@Entity('centre_budget')
@Index('UQ_centre_budget_year', ['centreId', 'year'], { unique: true })
@Check(
  'CHK_centre_budget_amounts',
  `"operating_cost_ore" >= 0 AND "state_funding_ore" >= 0 AND "project_funding_ore" >= 0`,
)
@Check('CHK_centre_budget_actual', `"actual_operating_cost_ore" IS NULL OR "actual_operating_cost_ore" >= 0`)
export class CentreBudget {
  @Field(() => Int, { description: 'Increases with every change; send it back with an update (CONFLICT if it moved).' })
  @VersionColumn({ default: 1 })
  version: number;

  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ name: 'centre_id', type: 'uuid' })
  centreId: string;

  @ManyToOne(() => CrisisCentre, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'centre_id', foreignKeyConstraintName: 'FK_centre_budget_centre' })
  centre?: Relation<CrisisCentre>;

  @Field(() => Int)
  @Column({ type: 'int' })
  year: number;

  @Field(() => Float, { description: 'Operating cost (øre).' })
  @Column({ name: 'operating_cost_ore', type: 'bigint', transformer: oreTransformer })
  operatingCostOre: number;

  @Field(() => Float, { description: 'State funding (øre), e.g. as incest centre.' })
  @Column({ name: 'state_funding_ore', type: 'bigint', default: 0, transformer: oreTransformer })
  stateFundingOre: number;

  @Field(() => Float, { description: 'Project funding (øre).' })
  @Column({ name: 'project_funding_ore', type: 'bigint', default: 0, transformer: oreTransformer })
  projectFundingOre: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Actual operating cost (øre), entered at year end for the settlement.',
  })
  @Column({ name: 'actual_operating_cost_ore', type: 'bigint', nullable: true, transformer: oreTransformer })
  actualOperatingCostOre: number | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Field()
  @Column({ name: 'is_example', type: 'boolean', default: false })
  isExample: boolean;

  @Column({ name: 'seed_key', type: 'text', nullable: true, unique: true })
  seedKey: string | null;

  @Field()
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Field(() => Float, { description: 'Net budget to share (øre).' })
  get netOre(): number {
    return this.operatingCostOre - this.stateFundingOre - this.projectFundingOre;
  }
}

@ObjectType({ description: 'An extra charge billed to a party on top of its share.' })
@Entity('extra_charge')
@Index('IDX_extra_charge_centre_year', ['centreId', 'year'])
@Check('CHK_extra_charge_kind', checkIn('kind', EXTRA_CHARGE_KINDS))
@Check('CHK_extra_charge_amount', `"amount_ore" >= 0`)
export class ExtraCharge {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ name: 'centre_id', type: 'uuid' })
  centreId: string;

  @ManyToOne(() => CrisisCentre, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'centre_id', foreignKeyConstraintName: 'FK_extra_charge_centre' })
  centre?: Relation<CrisisCentre>;

  @Field(() => Int)
  @Column({ type: 'int' })
  year: number;

  @Field()
  @Column({ type: 'varchar', length: 4 })
  kommunenummer: string;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'kommunenummer', foreignKeyConstraintName: 'FK_extra_charge_municipality' })
  municipality?: Relation<Municipality>;

  @Field(() => ExtraChargeKindEnum)
  @Column({ type: 'text' })
  kind: ExtraChargeKind;

  @Field(() => Float, { description: 'Amount (øre).' })
  @Column({ name: 'amount_ore', type: 'bigint', transformer: oreTransformer })
  amountOre: number;

  @Field(() => String, { nullable: true, description: 'The budget that pays («skolebudsjettet», «NAV»).' })
  @Column({ name: 'paying_budget', type: 'text', nullable: true })
  payingBudget: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field()
  @Column({ name: 'is_example', type: 'boolean', default: false })
  isExample: boolean;

  @Column({ name: 'seed_key', type: 'text', nullable: true, unique: true })
  seedKey: string | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

@ObjectType({ description: 'An investment in the centre (security, building, service expansion) and who paid.' })
@Entity('investment')
@Index('IDX_investment_centre_year', ['centreId', 'year'])
@Check('CHK_investment_kind', checkIn('kind', INVESTMENT_KINDS))
@Check('CHK_investment_amount', `"amount_ore" >= 0`)
@Check('CHK_investment_depreciation', `"depreciation_years" IS NULL OR "depreciation_years" BETWEEN 1 AND 100`)
export class Investment {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ name: 'centre_id', type: 'uuid' })
  centreId: string;

  @ManyToOne(() => CrisisCentre, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'centre_id', foreignKeyConstraintName: 'FK_investment_centre' })
  centre?: Relation<CrisisCentre>;

  @Field(() => Int)
  @Column({ type: 'int' })
  year: number;

  @Field(() => InvestmentKindEnum)
  @Column({ type: 'text' })
  kind: InvestmentKind;

  @Field(() => Float, { description: 'Amount (øre).' })
  @Column({ name: 'amount_ore', type: 'bigint', transformer: oreTransformer })
  amountOre: number;

  @Field({ description: 'Kommunenummer of the municipality that paid.' })
  @Column({ name: 'paid_by_kommunenummer', type: 'varchar', length: 4 })
  paidByKommunenummer: string;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'paid_by_kommunenummer', foreignKeyConstraintName: 'FK_investment_paid_by' })
  paidBy?: Relation<Municipality>;

  @Field({ description: 'Shared through the budget (true) or carried by the payer alone (false).' })
  @Column({ type: 'boolean', default: false })
  shared: boolean;

  @Field(() => Int, {
    nullable: true,
    description: 'Years a host-only investment is depreciated over (null: all in its year).',
  })
  @Column({ name: 'depreciation_years', type: 'int', nullable: true })
  depreciationYears: number | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field()
  @Column({ name: 'is_example', type: 'boolean', default: false })
  isExample: boolean;

  @Column({ name: 'seed_key', type: 'text', nullable: true, unique: true })
  seedKey: string | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

@ObjectType({ description: 'KOSTRA: national average cost of the crisis-centre offer per inhabitant.' })
@Entity('kostra_national_average')
export class KostraNationalAverage {
  @Field(() => Int)
  @PrimaryColumn({ type: 'int' })
  year: number;

  @Field(() => Float)
  @Column({ name: 'kr_per_inhabitant', type: 'double precision' })
  krPerInhabitant: number;

  @Field()
  @Column({ type: 'text' })
  source: string;
}

@ObjectType({ description: "A centre's KOSTRA figures as Bufdir published them (partial table)." })
@Entity('kostra_centre_figure')
@Index('UQ_kostra_centre_figure', ['year', 'publishedName'], { unique: true })
export class KostraCentreFigure {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  year: number;

  @Field({ description: 'The centre name as published.' })
  @Column({ name: 'published_name', type: 'text' })
  publishedName: string;

  @Field(() => ID, { nullable: true, description: 'The centre in Samordna, where the published name is matched.' })
  @Index('IDX_kostra_centre_figure_centre')
  @Column({ name: 'centre_id', type: 'uuid', nullable: true })
  centreId: string | null;

  @ManyToOne(() => CrisisCentre, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'centre_id', foreignKeyConstraintName: 'FK_kostra_centre_figure_centre' })
  centre?: Relation<CrisisCentre>;

  @Field(() => Float, { nullable: true })
  @Column({ name: 'kr_per_inhabitant', type: 'double precision', nullable: true })
  krPerInhabitant: number | null;

  @Field(() => Int, { nullable: true, description: 'Overnight days (adults); null when suppressed or not shown.' })
  @Column({ name: 'overnight_days', type: 'int', nullable: true })
  overnightDays: number | null;

  @Field()
  @Column({ name: 'source_url', type: 'text' })
  sourceUrl: string;
}

@ObjectType()
@Entity('usage_stat')
@Index('UQ_usage_stat', ['centreId', 'kommunenummer', 'year'], { unique: true })
@Check('CHK_usage_stat_counts', `"stays" >= 0 AND "nights" >= 0 AND "day_visits" >= 0 AND "phone_contacts" >= 0`)
export class UsageStat {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'centre_id', type: 'uuid' })
  centreId: string;

  @ManyToOne(() => CrisisCentre, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'centre_id', foreignKeyConstraintName: 'FK_usage_stat_centre' })
  centre?: Relation<CrisisCentre>;

  @Column({ type: 'varchar', length: 4 })
  kommunenummer: string;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'kommunenummer', foreignKeyConstraintName: 'FK_usage_stat_municipality' })
  municipality?: Relation<Municipality>;

  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'int', default: 0 })
  stays: number;

  @Column({ type: 'int', default: 0 })
  nights: number;

  @Column({ name: 'day_visits', type: 'int', default: 0 })
  dayVisits: number;

  @Column({ name: 'phone_contacts', type: 'int', default: 0 })
  phoneContacts: number;

  @Column({ name: 'is_example', type: 'boolean', default: false })
  isExample: boolean;

  @Column({ name: 'seed_key', type: 'text', nullable: true, unique: true })
  seedKey: string | null;
}
