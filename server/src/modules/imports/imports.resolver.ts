import { Arg, Authorized, Ctx, Field, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { AppContext } from '../../app/context';
import { confirmPopulationImport, previewPopulationImport } from './population-import.service';

@ObjectType({ description: 'A row of an imported file that cannot be used, and why.' })
export class ImportRowErrorType {
  @Field(() => Int, { description: 'Line in the file (1-based).' })
  line: number;

  @Field(() => String, { nullable: true })
  column: string | null;

  @Field()
  message: string;
}

@ObjectType()
export class PopulationChangeType {
  @Field(() => Int)
  line: number;

  @Field()
  kommunenummer: string;

  @Field()
  name: string;

  @Field(() => Int)
  year: number;

  @Field(() => Int, { nullable: true, description: 'The figure stored now; null when new.' })
  before: number | null;

  @Field(() => Int)
  after: number;
}

@ObjectType({ description: 'What an import would do. Nothing is written until it is confirmed with the checksum.' })
export class PopulationImportPreviewType {
  @Field()
  checksum: string;

  @Field(() => [Int])
  years: number[];

  @Field(() => Int, { description: 'Figures for municipalities read from the file.' })
  rows: number;

  @Field(() => Int)
  added: number;

  @Field(() => Int)
  changed: number;

  @Field(() => Int, { description: 'Figures already stored with the same value (a repeated import: all).' })
  unchanged: number;

  @Field(() => Int, { description: 'Counties, the whole country and cells without a figure («..»).' })
  skipped: number;

  @Field(() => [ImportRowErrorType], { description: 'Any error stops the whole import.' })
  errors: ImportRowErrorType[];

  @Field(() => [PopulationChangeType], { description: 'The first 200 new or changed figures.' })
  changes: PopulationChangeType[];
}

@ObjectType()
export class PopulationImportResultType {
  @Field(() => Int)
  added: number;

  @Field(() => Int)
  changed: number;

  @Field(() => Int)
  unchanged: number;
}

@Resolver()
export class ImportsResolver {
  @Authorized('ADMIN')
  @Mutation(() => PopulationImportPreviewType, { description: 'Reads an SSB 07459 CSV (as downloaded) and shows what importing it would do; writes nothing.' })
  previewPopulationImport(@Ctx() ctx: AppContext, @Arg('csv') csv: string) {
    return previewPopulationImport(ctx, csv);
  }

  @Authorized('ADMIN')
  @Mutation(() => PopulationImportResultType, { description: 'Writes a previewed population file (same checksum) in one transaction, audited; all or nothing.' })
  confirmPopulationImport(@Ctx() ctx: AppContext, @Arg('csv') csv: string, @Arg('checksum') checksum: string) {
    return confirmPopulationImport(ctx, csv, checksum);
  }
}
