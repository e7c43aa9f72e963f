import { Field, Int, ObjectType } from 'type-graphql';
import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Municipality } from './municipality.entity';

@ObjectType({ description: 'Population of a municipality on 1 January of a year (SSB).' })
@Entity('municipality_population')
@Check('CHK_population_year', `"year" BETWEEN 1900 AND 2200`)
@Check('CHK_population_nonnegative', `"population" >= 0`)
export class PopulationFigure {
  @PrimaryColumn({ type: 'varchar', length: 4 })
  kommunenummer: string;

  @ManyToOne(() => Municipality, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'kommunenummer', foreignKeyConstraintName: 'FK_population_municipality' })
  municipality?: Relation<Municipality>;

  @Field(() => Int, { description: 'The count is taken on 1 January of this year.' })
  @PrimaryColumn({ type: 'int' })
  year: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  population: number;

  @Field({ description: 'Where the figure comes from.' })
  @Column({ type: 'text' })
  source: string;

  @Field({ description: 'The date the count refers to (ISO), always 1 January.' })
  get referenceDate(): string {
    return `${this.year}-01-01`;
  }
}
