import { Field, ID, Int, ObjectType } from 'type-graphql';
import {
  BASIS_KINDS,
  FINDING_CODES,
  LEGAL_BASIS_CODES,
  SEVERITIES,
  type AgencyKind,
  type BasisKind,
  type FindingCode,
  type LegalBasisCode,
  type Severity,
} from '@samordna/domain';
import { DocumentedMembershipView } from '../national/documented.types';
import { AgencyKindEnum, enumOf } from '../../app/enums';
import { Municipality } from '../municipality/municipality.entity';

export const FindingCodeEnum = enumOf(FINDING_CODES, 'FindingCode', 'Kinds of coverage gap.');
export const SeverityEnum = enumOf(SEVERITIES, 'Severity');
export const CoverageStatusEnum = enumOf(
  ['REGISTERED', 'DOCUMENTED', 'NOT_REGISTERED'],
  'CoverageStatus',
  'REGISTERED: users have registered agreements, routines or contacts; DOCUMENTED: only a membership a public source documents (data/national); NOT_REGISTERED: nothing is registered yet (never "no offer").',
);
export const BasisKindEnum = enumOf(
  BASIS_KINDS,
  'BasisKind',
  'What a finding rests on: LAW (lovkrav), REGULATION, GUIDANCE (Bufdir), RECOMMENDATION (research), AGREEMENT (its terms), DATA (registration, sources).',
);
export const LegalBasisCodeEnum = enumOf(
  LEGAL_BASIS_CODES,
  'LegalBasisCode',
  'The paragraph, guide or source a finding rests on (krisesenterlova §§ 2–4, Bufdir, NORCE 2022, the agreement, the data); clients word it.',
);
export type CoverageStatus = keyof typeof CoverageStatusEnum;

@ObjectType()
export class RecordRefType {
  @Field({ description: 'Agreement, CrisisCentre, HandoverRoutine, Agency, ContactPerson or Municipality.' })
  entity: string;

  @Field(() => ID)
  id: string;

  @Field()
  label: string;
}

@ObjectType({ description: 'One coverage gap and why.' })
export class FindingType {
  @Field(() => FindingCodeEnum)
  code: FindingCode;

  @Field(() => SeverityEnum)
  severity: Severity;

  @Field({ description: 'The reason in bokmål.' })
  reason: string;

  @Field({ description: 'The reason in English.' })
  reasonEn: string;

  @Field(() => [RecordRefType], { description: 'The records the finding concerns, for links.' })
  records: RecordRefType[];

  @Field(() => BasisKindEnum)
  basisKind: BasisKind;

  @Field({
    description: 'The kind of basis in words (nb-NO), e.g. «Lovkrav», «Veiledning».',
    deprecationReason: "Bokmål prose; word `basisKind` in the reader's language.",
  })
  basisLabel: string;

  @Field({
    description: 'The paragraph or guide section the finding rests on, e.g. «krisesenterlova § 3» (bokmål).',
    deprecationReason: "Bokmål prose; word `legalBasisCode` in the reader's language.",
  })
  legalBasis: string;

  @Field(() => LegalBasisCodeEnum, { description: 'The paragraph or guide section the finding rests on, as a code.' })
  legalBasisCode: LegalBasisCode;

  @Field({ description: 'A statutory duty that is not met (lovkrav): a critical finding resting on the law.' })
  statutory: boolean;
}

@ObjectType({ simpleResolvers: true })
export class CoverageRow {
  @Field(() => Municipality)
  municipality: Municipality;

  @Field(() => CoverageStatusEnum)
  status: CoverageStatus;

  @Field(() => DocumentedMembershipView, {
    nullable: true,
    description: 'The membership a public source documents, with its provenance (Kilde); null when none is documented.',
  })
  documentedMembership: DocumentedMembershipView | null;

  @Field(() => SeverityEnum, { nullable: true, description: 'null: no findings (or not registered).' })
  worstSeverity: Severity | null;

  @Field(() => Int)
  critical: number;

  @Field(() => Int)
  warning: number;

  @Field(() => Int)
  info: number;

  @Field(() => [FindingCodeEnum])
  codes: FindingCode[];

  @Field(() => [AgencyKindEnum], {
    description: 'Key agency kinds with no active contact person (what NO_KEY_CONTACT names).',
  })
  missingKeyAgencies: AgencyKind[];

  @Field(() => Int, {
    description: 'Active contact persons not verified within staleAfterMonths (what STALE_CONTACTS counts).',
  })
  staleContacts: number;
}

export const MAP_STATES = ['CRITICAL', 'WARNING', 'INFO', 'OK', 'DOCUMENTED', 'NOT_REGISTERED'] as const;
export type MapState = (typeof MAP_STATES)[number];
export const MapStateEnum = enumOf(
  MAP_STATES,
  'MapState',
  "A municipality's colour on the map: its worst finding (OK: none), or DOCUMENTED / NOT_REGISTERED (states, not severities).",
);

@ObjectType({
  simpleResolvers: true,
  description:
    'The rows in parallel lists (entry i of each list is row i): what the map and its table show per municipality, without repeating field names per row. About a tenth of the bytes of `rows` with the same selection; names and findings are read on their own (municipalities, municipalityCoverage).',
})
export class CompactCoverage {
  @Field(() => [String])
  kommunenummer: string[];

  @Field(() => [MapStateEnum])
  state: MapState[];

  @Field(() => [Int], { description: 'Numbers of critical findings.' })
  critical: number[];

  @Field(() => [Int])
  warning: number[];

  @Field(() => [Int])
  info: number[];

  @Field(() => [Int], {
    description: 'Indexes (into these lists) of the rows whose documented membership rests on weak or old evidence.',
  })
  weakEvidence: number[];
}

@ObjectType({ simpleResolvers: true })
export class CodeCount {
  @Field(() => FindingCodeEnum)
  code: FindingCode;

  @Field(() => Int, { description: 'Municipalities with this finding.' })
  municipalities: number;
}

@ObjectType({ simpleResolvers: true, description: 'Municipalities of a county or centre by worst severity.' })
export class GroupCount {
  @Field({ description: 'County number or centre id.' })
  key: string;

  @Field()
  label: string;

  @Field(() => Int)
  critical: number;

  @Field(() => Int)
  warning: number;

  @Field(() => Int)
  info: number;

  @Field(() => Int, { description: 'Registered with no findings.' })
  ok: number;

  @Field(() => Int)
  notRegistered: number;
}

@ObjectType({ simpleResolvers: true })
export class CoverageOverview {
  @Field({ description: 'The day the rules were applied for (ISO).' })
  asOf: string;

  @Field(() => [CoverageRow])
  rows: CoverageRow[];

  @Field(() => CompactCoverage, { description: 'The rows as the map needs them, compact (issue 15).' })
  compact: CompactCoverage;

  @Field(() => [CodeCount])
  byCode: CodeCount[];

  @Field(() => [GroupCount])
  byCounty: GroupCount[];

  @Field(() => [GroupCount])
  byCentre: GroupCount[];
}

@ObjectType()
export class MunicipalityCoverage {
  @Field()
  asOf: string;

  @Field(() => Municipality)
  municipality: Municipality;

  @Field(() => CoverageStatusEnum)
  status: CoverageStatus;

  @Field(() => SeverityEnum, { nullable: true })
  worstSeverity: Severity | null;

  @Field(() => DocumentedMembershipView, {
    nullable: true,
    description: 'The membership a public source documents, with its provenance (Kilde).',
  })
  documentedMembership: DocumentedMembershipView | null;

  @Field(() => [FindingType], { description: 'Worst first.' })
  findings: FindingType[];
}

@ObjectType()
export class CentreCoverage {
  @Field()
  asOf: string;

  @Field(() => ID)
  centreId: string;

  @Field()
  centreName: string;

  @Field(() => [FindingCodeEnum], { description: 'The columns: every code found among the members.' })
  codes: FindingCode[];

  @Field(() => [CoverageRow], { description: 'One row per member municipality (host first).' })
  rows: CoverageRow[];
}
