import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../../app/context';
import { DocumentedMembershipView } from './documented.types';
import { createAgreementFromDocumented, factsToReview, reviewDocumentedMembership } from './national.service';
import { Agreement } from '../agreement/agreement.entity';
import { FactsToReviewFilter, ReviewSourceInput } from './national.inputs';

@Resolver()
export class NationalResolver {
  @Query(() => [DocumentedMembershipView], {
    description: "Documented facts whose source is weak, undated or old: the reviewer's list, oldest first.",
  })
  factsToReview(
    @Ctx() ctx: AppContext,
    @Arg('filter', () => FactsToReviewFilter, { nullable: true }) filter?: FactsToReviewFilter,
  ) {
    return factsToReview(ctx, filter);
  }

  @Authorized()
  @Mutation(() => DocumentedMembershipView, {
    description:
      "Confirms or corrects a documented membership with a (new) source: the municipality's director or an administrator; audited.",
  })
  reviewDocumentedMembership(
    @Ctx() ctx: AppContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => ReviewSourceInput) input: ReviewSourceInput,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return reviewDocumentedMembership(ctx, id, input, expectedVersion);
  }

  @Authorized()
  @Mutation(() => Agreement, {
    description:
      'A draft agreement for the centre pre-filled from its documented memberships (host and partners, each noting its source), when the real agreement is registered; the rules of createAgreement apply.',
  })
  createAgreementFromDocumented(
    @Ctx() ctx: AppContext,
    @Arg('centreId', () => ID) centreId: string,
    @Arg('title', () => String, { nullable: true }) title?: string,
  ) {
    return createAgreementFromDocumented(ctx, centreId, title);
  }
}
