import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  allowedTransitions,
  CHECKLIST_HEADINGS,
  checklistCompleteness,
  normaliseChecklist,
  type AgreementStatus,
} from '@samordna/domain';
import type { AppContext } from '../../app/context';
import { foundOrFail } from '../../app/loader-utils';
import { AgreementStatusEnum } from '../../app/enums';
import { Paginated } from '../../app/pagination';
import { parseAsOf } from '../../app/validation';
import { CrisisCentre } from '../crisis-centre/crisis-centre.entity';
import { Municipality } from '../municipality/municipality.entity';
import { AgreementParty } from './agreement-party.entity';
import { Agreement } from './agreement.entity';
import {
  AgreementFieldsInput,
  AgreementFilter,
  AgreementOrderEnum,
  type AgreementOrder,
  CreateAgreementInput,
  MembershipDecisionInput,
  NoticeInput,
  PartyInput,
  UpdatePartyInput,
} from './agreement.inputs';
import {
  addAgreementParty,
  changeAgreementStatus,
  createAgreement,
  deadlineOf,
  deleteAgreement,
  getAgreement,
  giveNotice,
  noticeEffect,
  recordMembershipDecision,
  isCurrentParty,
  listAgreements,
  removeAgreementParty,
  updateAgreement,
  updateAgreementParty,
} from './agreement.service';
import { ChecklistCompletenessType, ChecklistItemType, DeadlineType, NoticeEffectType } from './agreement.types';

const AgreementPage = Paginated(Agreement, 'Agreement');
const LABEL = new Map(CHECKLIST_HEADINGS.map((h) => [h.key, h.nb]));

@Resolver(() => Agreement)
export class AgreementResolver {
  @Query(() => AgreementPage, {
    description:
      'A page of agreements and the number matching in all. Newest first by default; by nearest deadline when deadlineWithinDays is set.',
  })
  agreements(
    @Ctx() ctx: AppContext,
    @Arg('filter', () => AgreementFilter, { nullable: true }) filter?: AgreementFilter,
    @Arg('limit', () => Int, { nullable: true }) limit?: number,
    @Arg('offset', () => Int, { nullable: true }) offset?: number,
    @Arg('orderBy', () => AgreementOrderEnum, { nullable: true }) orderBy?: AgreementOrder,
    @Arg('descending', () => Boolean, { nullable: true, description: 'Reverses the order.' }) descending?: boolean,
  ) {
    return listAgreements(ctx, filter, { limit, offset }, { orderBy, descending });
  }

  @Query(() => Agreement)
  agreement(@Ctx() ctx: AppContext, @Arg('id', () => ID) id: string): Promise<Agreement> {
    return getAgreement(ctx, id);
  }

  @Authorized()
  @Mutation(() => Agreement)
  createAgreement(@Ctx() ctx: AppContext, @Arg('input', () => CreateAgreementInput) input: CreateAgreementInput) {
    return createAgreement(ctx, input);
  }

  @Authorized()
  @Mutation(() => Agreement, {
    description: 'Changes the given fields; fields left out stay as they are. Status has its own mutation.',
  })
  updateAgreement(
    @Ctx() ctx: AppContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => AgreementFieldsInput) input: AgreementFieldsInput,
    @Arg('expectedVersion', () => Int, {
      nullable: true,
      description: 'The version you saw; CONFLICT if it has moved.',
    })
    expectedVersion?: number,
  ) {
    return updateAgreement(ctx, id, input, expectedVersion);
  }

  @Authorized()
  @Mutation(() => Agreement, { description: 'Moves the agreement to another status, if the move is allowed.' })
  changeAgreementStatus(
    @Ctx() ctx: AppContext,
    @Arg('id', () => ID) id: string,
    @Arg('status', () => AgreementStatusEnum) status: AgreementStatus,
    @Arg('noticeGivenOn', () => String, { nullable: true, description: 'With NOTICE_GIVEN; today by default.' })
    noticeGivenOn?: string,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
    @Arg('endedOn', () => String, {
      nullable: true,
      description: 'With ENDED: the last day it bound its parties; today by default.',
    })
    endedOn?: string,
  ) {
    return changeAgreementStatus(ctx, id, status, noticeGivenOn, expectedVersion, endedOn);
  }

  @Authorized()
  @Mutation(() => AgreementParty, {
    description:
      "A partner's director gives notice for its own municipality: its membership ends on the first end the notice terms allow.",
  })
  giveNotice(
    @Ctx() ctx: AppContext,
    @Arg('partyId', () => ID) partyId: string,
    @Arg('input', () => NoticeInput, { nullable: true }) input?: NoticeInput,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'The party version you saw.' })
    expectedVersion?: number,
  ) {
    return giveNotice(ctx, partyId, input ?? {}, expectedVersion);
  }

  @Authorized()
  @Mutation(() => AgreementParty, {
    description: "A party's director records its own decision about the agreement (body, reference, date).",
  })
  recordMembershipDecision(
    @Ctx() ctx: AppContext,
    @Arg('partyId', () => ID) partyId: string,
    @Arg('input', () => MembershipDecisionInput) input: MembershipDecisionInput,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'The party version you saw.' })
    expectedVersion?: number,
  ) {
    return recordMembershipDecision(ctx, partyId, input, expectedVersion);
  }

  @Authorized()
  @Mutation(() => ID, {
    description: 'Deletes the agreement and its parties; refused while a newer agreement supersedes it.',
  })
  deleteAgreement(@Ctx() ctx: AppContext, @Arg('id', () => ID) id: string) {
    return deleteAgreement(ctx, id);
  }

  @Authorized()
  @Mutation(() => AgreementParty)
  addAgreementParty(
    @Ctx() ctx: AppContext,
    @Arg('agreementId', () => ID) agreementId: string,
    @Arg('input', () => PartyInput) input: PartyInput,
  ) {
    return addAgreementParty(ctx, agreementId, input);
  }

  @Authorized()
  @Mutation(() => AgreementParty, { description: 'Changes joined/left dates: set leftOn to end a membership.' })
  updateAgreementParty(
    @Ctx() ctx: AppContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdatePartyInput) input: UpdatePartyInput,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return updateAgreementParty(ctx, id, input, expectedVersion);
  }

  @Authorized()
  @Mutation(() => ID, {
    description: 'Removes a party registered by mistake (to record that a party left, set leftOn instead).',
  })
  removeAgreementParty(@Ctx() ctx: AppContext, @Arg('id', () => ID) id: string) {
    return removeAgreementParty(ctx, id);
  }

  @FieldResolver(() => CrisisCentre)
  centre(@Root() a: Agreement, @Ctx() ctx: AppContext) {
    return foundOrFail(ctx.loaders.centreById.load(a.centreId), `centre of ${a.id}`);
  }

  @FieldResolver(() => [AgreementParty], { description: 'Every party, past and present: host first.' })
  parties(@Root() a: Agreement, @Ctx() ctx: AppContext) {
    return ctx.loaders.partiesByAgreement.load(a.id);
  }

  @FieldResolver(() => Agreement, { nullable: true, description: 'The agreement this one replaces.' })
  supersedes(@Root() a: Agreement, @Ctx() ctx: AppContext) {
    return a.supersedesId ? ctx.loaders.agreementById.load(a.supersedesId) : null;
  }

  @FieldResolver(() => [Agreement], { description: 'Newer agreements that replace this one.' })
  supersededBy(@Root() a: Agreement, @Ctx() ctx: AppContext) {
    return ctx.loaders.agreementsSuperseding.load(a.id);
  }

  @FieldResolver(() => DeadlineType, {
    description: 'The notice deadline or expiry that matters on a day (today by default).',
  })
  deadline(@Root() a: Agreement, @Arg('asOf', () => String, { nullable: true }) asOf?: string): DeadlineType {
    return deadlineOf(a, parseAsOf(asOf));
  }

  @FieldResolver(() => [ChecklistItemType], { description: "All nine headings of Bufdir's checklist, in order." })
  checklist(@Root() a: Agreement): ChecklistItemType[] {
    return normaliseChecklist(a.checklist).map((i) => ({ ...i, label: LABEL.get(i.key)! }));
  }

  @FieldResolver(() => ChecklistCompletenessType)
  checklistCompleteness(@Root() a: Agreement) {
    return checklistCompleteness(a.checklist);
  }

  @FieldResolver(() => [AgreementStatusEnum], { description: 'The statuses the agreement can move to now.' })
  allowedTransitions(@Root() a: Agreement) {
    return allowedTransitions(a.status);
  }
}

@Resolver(() => AgreementParty)
export class AgreementPartyResolver {
  @FieldResolver(() => Agreement)
  agreement(@Root() p: AgreementParty, @Ctx() ctx: AppContext) {
    return foundOrFail(ctx.loaders.agreementById.load(p.agreementId), `agreement ${p.agreementId}`);
  }

  @FieldResolver(() => CrisisCentre)
  async centre(@Root() p: AgreementParty, @Ctx() ctx: AppContext) {
    const a = await foundOrFail(ctx.loaders.agreementById.load(p.agreementId), `agreement ${p.agreementId}`);
    return foundOrFail(ctx.loaders.centreById.load(a.centreId), `centre ${a.centreId}`);
  }

  @FieldResolver(() => Municipality)
  municipality(@Root() p: AgreementParty, @Ctx() ctx: AppContext) {
    return foundOrFail(ctx.loaders.municipalityByNumber.load(p.kommunenummer), `municipality ${p.kommunenummer}`);
  }

  @FieldResolver(() => Boolean, {
    description: "The party's own period covers the day (today by default); see the centre's members for membership.",
  })
  isCurrent(@Root() p: AgreementParty, @Arg('asOf', () => String, { nullable: true }) asOf?: string): boolean {
    return isCurrentParty(p, parseAsOf(asOf));
  }

  @FieldResolver(() => NoticeEffectType, {
    description:
      "When the membership would end if notice were given on the day (today by default), by the agreement's notice terms.",
  })
  async noticeEffect(
    @Root() p: AgreementParty,
    @Ctx() ctx: AppContext,
    @Arg('givenOn', () => String, { nullable: true }) givenOn?: string,
  ) {
    const a = await foundOrFail(ctx.loaders.agreementById.load(p.agreementId), `agreement ${p.agreementId}`);
    return noticeEffect(a, parseAsOf(givenOn));
  }
}
