import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Authorized, Ctx, Field, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { AppContext } from '../../app/context';
import { AgencyKindEnum, enumOf } from '../../app/enums';
import type { AgencyKind } from '@samordna/domain';
import { confirmContactImport, previewContactImport } from './contact-import.service';
import { confirmMembershipImport, previewMembershipImport, type ImportFormat } from './membership-import.service';
import { confirmPopulationImport, previewPopulationImport } from './population-import.service';

export const ImportFormatEnum = enumOf(['CSV', 'XLSX'] as const, 'ImportFormat', 'CSV as text, or XLSX as base64.');

@ObjectType({ description: 'A row of an imported file that cannot be used, and why.' })
export class ImportRowErrorType {
  @Field(() => Int, { description: 'Line in the file (1-based).' })
  line: number;

  @Field(() => String, { nullable: true })
  column: string | null;

  @Field({ description: 'In bokmål; messageKey and params let a client word it in its own language.' })
  message: string;

  @Field({ description: 'The key of the message in the server catalogue, as in the keyed errors’ extensions.' })
  messageKey: string;

  @Field(() => GraphQLJSONObject, {
    description: 'The values the message fills in, by name (strings and numbers), as in the keyed errors’ extensions.',
  })
  params: Record<string, string | number>;
}

@ObjectType({ description: 'What an import adds, changes and leaves as it is (a repeated file: all unchanged).' })
export class ImportResultType {
  @Field(() => Int)
  added: number;

  @Field(() => Int)
  changed: number;

  @Field(() => Int)
  unchanged: number;
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
export class PopulationImportPreviewType extends ImportResultType {
  @Field()
  checksum: string;

  @Field(() => [Int])
  years: number[];

  @Field(() => Int, { description: 'Figures for municipalities read from the file.' })
  rows: number;

  @Field(() => Int, { description: 'Counties, the whole country and cells without a figure («..»).' })
  skipped: number;

  @Field(() => [ImportRowErrorType], { description: 'Any error stops the whole import.' })
  errors: ImportRowErrorType[];

  @Field(() => [PopulationChangeType], { description: 'The first 200 new or changed figures.' })
  changes: PopulationChangeType[];
}

@ObjectType({ description: 'A membership an import would add or change.' })
export class MembershipChangeType {
  @Field(() => Int)
  line: number;

  @Field({ description: 'ADD or CHANGE.' })
  action: string;

  @Field()
  centre: string;

  @Field()
  kommunenummer: string;

  @Field()
  municipality: string;

  @Field({ description: 'host or partner.' })
  role: string;

  @Field(() => String, { nullable: true })
  joinedOn: string | null;

  @Field(() => String, { nullable: true })
  leftOn: string | null;
}

@ObjectType({
  description:
    'What a membership import would do to the parties of each centre’s current agreement; nothing is written until confirmed.',
})
export class MembershipImportPreviewType extends ImportResultType {
  @Field()
  checksum: string;

  @Field(() => Int)
  rows: number;

  @Field(() => [ImportRowErrorType])
  errors: ImportRowErrorType[];

  @Field(() => [MembershipChangeType])
  changes: MembershipChangeType[];
}

@ObjectType({ description: 'A contact person an import would add or change (work details only).' })
export class ContactChangeType {
  @Field(() => Int)
  line: number;

  @Field({ description: 'ADD or CHANGE.' })
  action: string;

  @Field()
  kommunenummer: string;

  @Field()
  municipality: string;

  @Field(() => AgencyKindEnum)
  kind: AgencyKind;

  @Field()
  agency: string;

  @Field({ description: 'The agency is new and is created with the contact.' })
  newAgency: boolean;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  title: string | null;

  @Field()
  isContactPoint: boolean;

  @Field(() => [String], {
    description: 'What changes on an existing contact (funksjon, telefon, e-post, kontaktpunkt, merknad (tjenesten)).',
  })
  fields: string[];
}

@ObjectType({ description: 'What a contacts import would do; nothing is written until confirmed.' })
export class ContactImportPreviewType extends ImportResultType {
  @Field()
  checksum: string;

  @Field(() => Int)
  rows: number;

  @Field(() => Int, {
    description: 'Agencies the file names that are not registered yet (created with their contacts).',
  })
  agenciesAdded: number;

  @Field(() => [ImportRowErrorType], { description: 'Any error stops the whole import.' })
  errors: ImportRowErrorType[];

  @Field(() => [ContactChangeType])
  changes: ContactChangeType[];
}

@Resolver()
export class ImportsResolver {
  @Authorized()
  @Mutation(() => ContactImportPreviewType, {
    description:
      'Reads contacts (kommunenummer, tjeneste, navn på tjenesten, kontaktperson, funksjon, telefon, e-post, kontaktpunkt, merknad) from CSV or XLSX and shows what importing would do; writes nothing. Administrators, or directors and centre leaders for the municipalities in their scope.',
  })
  previewContactImport(
    @Ctx() ctx: AppContext,
    @Arg('file') file: string,
    @Arg('format', () => ImportFormatEnum, { defaultValue: 'CSV' }) format: ImportFormat,
  ) {
    return previewContactImport(ctx, file, format);
  }

  @Authorized()
  @Mutation(() => ImportResultType, {
    description: 'Writes a previewed contacts file (same checksum) in one transaction, audited; all or nothing.',
  })
  confirmContactImport(
    @Ctx() ctx: AppContext,
    @Arg('file') file: string,
    @Arg('checksum') checksum: string,
    @Arg('format', () => ImportFormatEnum, { defaultValue: 'CSV' }) format: ImportFormat,
  ) {
    return confirmContactImport(ctx, file, format, checksum);
  }

  @Authorized('ADMIN')
  @Mutation(() => MembershipImportPreviewType, {
    description:
      'Reads memberships (senter, kommunenummer, rolle, inn, ut) from CSV or XLSX and shows what importing would do; writes nothing.',
  })
  previewMembershipImport(
    @Ctx() ctx: AppContext,
    @Arg('file') file: string,
    @Arg('format', () => ImportFormatEnum, { defaultValue: 'CSV' }) format: ImportFormat,
  ) {
    return previewMembershipImport(ctx, file, format);
  }

  @Authorized('ADMIN')
  @Mutation(() => ImportResultType, {
    description: 'Writes a previewed membership file (same checksum) in one transaction, audited; all or nothing.',
  })
  confirmMembershipImport(
    @Ctx() ctx: AppContext,
    @Arg('file') file: string,
    @Arg('checksum') checksum: string,
    @Arg('format', () => ImportFormatEnum, { defaultValue: 'CSV' }) format: ImportFormat,
  ) {
    return confirmMembershipImport(ctx, file, format, checksum);
  }

  @Authorized('ADMIN')
  @Mutation(() => PopulationImportPreviewType, {
    description: 'Reads an SSB 07459 CSV (as downloaded) and shows what importing it would do; writes nothing.',
  })
  previewPopulationImport(@Ctx() ctx: AppContext, @Arg('csv') csv: string) {
    return previewPopulationImport(ctx, csv);
  }

  @Authorized('ADMIN')
  @Mutation(() => ImportResultType, {
    description: 'Writes a previewed population file (same checksum) in one transaction, audited; all or nothing.',
  })
  confirmPopulationImport(@Ctx() ctx: AppContext, @Arg('csv') csv: string, @Arg('checksum') checksum: string) {
    return confirmPopulationImport(ctx, csv, checksum);
  }
}
