import {
  Arg,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { GraphQLError } from 'graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { amendmentOutcome, yearOf } from '@samordna/domain';
import type { AppContext } from '../../app/context';
import { foundOrFail } from '../../app/loader-utils';
import { Paginated } from '../../app/pagination';
import { Municipality } from '../municipality/municipality.entity';
import { costTermsOf } from '../cost-sharing/cost.resolver';
import { simulateCostSharing } from '../cost-sharing/cost.service';
import { CostTerms, Simulation } from '../cost-sharing/cost.types';
import { Agreement } from './agreement.entity';
import { AgreementAmendment, AmendmentApproval } from './amendment.entity';
import { AmendmentFilter, AmendmentInput, ApprovalInput } from './amendment.inputs';
import {
  decideAmendment,
  listAmendments,
  myPendingApprovals,
  proposeAmendment,
  reviseAmendment,
  withdrawAmendment,
} from './amendment.service';

const AmendmentPage = Paginated(AgreementAmendment, 'AgreementAmendment');

@ObjectType({ description: 'One field an amendment changes: its value now and as proposed.' })
export class AmendmentChange {
  @Field()
  field: string;

  @Field(() => GraphQLJSON, { nullable: true })
  before: unknown;

  @Field(() => GraphQLJSON, { nullable: true })
  after: unknown;
}

@ObjectType({
  description:
    'What an amendment means for each party in kroner, in the year it takes effect (the simulator; nothing is written).',
})
export class AmendmentImpact {
  @Field(() => Int)
  year: number;

  @Field(() => Simulation, {
    nullable: true,
    description: 'Null when it cannot be computed (see note) or the amendment does not touch costs.',
  })
  simulation: Simulation | null;

  @Field(() => String, { nullable: true })
  note: string | null;
}

@Resolver(() => AgreementAmendment)
export class AmendmentResolver {
  @Query(() => AmendmentPage, { description: 'Amendments, newest first.' })
  amendments(
    @Ctx() ctx: AppContext,
    @Arg('filter', () => AmendmentFilter, { nullable: true }) filter?: AmendmentFilter,
    @Arg('limit', () => Int, { nullable: true }) limit?: number,
    @Arg('offset', () => Int, { nullable: true }) offset?: number,
  ) {
    return listAmendments(ctx, filter, { limit, offset });
  }

  @Query(() => [AgreementAmendment], {
    description: "Open amendments waiting for the signed-in director's decision (empty for others).",
  })
  myPendingApprovals(@Ctx() ctx: AppContext) {
    return myPendingApprovals(ctx);
  }

  @Authorized()
  @Mutation(() => AgreementAmendment, {
    description: 'The host proposes a new version of a binding agreement; every affected party is asked.',
  })
  proposeAmendment(
    @Ctx() ctx: AppContext,
    @Arg('agreementId', () => ID) agreementId: string,
    @Arg('input', () => AmendmentInput) input: AmendmentInput,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'The agreement version you saw.' })
    expectedVersion?: number,
  ) {
    return proposeAmendment(ctx, agreementId, input, expectedVersion);
  }

  @Authorized()
  @Mutation(() => AgreementAmendment, {
    description: 'The host replaces an open proposal with a revised one; every party is asked again.',
  })
  reviseAmendment(
    @Ctx() ctx: AppContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => AmendmentInput) input: AmendmentInput,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'The proposal version you saw.' })
    expectedVersion?: number,
  ) {
    return reviseAmendment(ctx, id, input, expectedVersion);
  }

  @Authorized()
  @Mutation(() => AgreementAmendment, { description: 'The host withdraws an open proposal.' })
  withdrawAmendment(
    @Ctx() ctx: AppContext,
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return withdrawAmendment(ctx, id, expectedVersion);
  }

  @Authorized()
  @Mutation(() => AgreementAmendment, {
    description:
      "An affected municipality's director approves, with the decision; the last approval makes the new version.",
  })
  approveAmendment(
    @Ctx() ctx: AppContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => ApprovalInput) input: ApprovalInput,
    @Arg('kommunenummer', () => String, {
      nullable: true,
      description: 'The municipality answered for (when the user directs several).',
    })
    kommunenummer?: string,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'The proposal version you saw.' })
    expectedVersion?: number,
  ) {
    return decideAmendment(ctx, id, kommunenummer, 'APPROVED', { approval: input }, expectedVersion);
  }

  @Authorized()
  @Mutation(() => AgreementAmendment, {
    description: "An affected municipality's director rejects, with a reason; the host may revise or withdraw.",
  })
  rejectAmendment(
    @Ctx() ctx: AppContext,
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String) reason: string,
    @Arg('kommunenummer', () => String, { nullable: true }) kommunenummer?: string,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'The proposal version you saw.' })
    expectedVersion?: number,
  ) {
    return decideAmendment(ctx, id, kommunenummer, 'REJECTED', { reason }, expectedVersion);
  }

  @FieldResolver(() => Agreement)
  agreement(@Root() x: AgreementAmendment, @Ctx() ctx: AppContext) {
    return foundOrFail(ctx.loaders.agreementById.load(x.agreementId), `agreement ${x.agreementId}`);
  }

  @FieldResolver(() => [AmendmentApproval], { description: 'Every affected municipality and its answer.' })
  approvals(@Root() x: AgreementAmendment, @Ctx() ctx: AppContext) {
    return ctx.loaders.approvalsByAmendment.load(x.id);
  }

  @FieldResolver(() => String, {
    description: 'WAITING (for someone), REJECTED (by someone) or APPROVED (by all); for an open proposal.',
  })
  async outcome(@Root() x: AgreementAmendment, @Ctx() ctx: AppContext) {
    return amendmentOutcome((await ctx.loaders.approvalsByAmendment.load(x.id)).map((a) => a.decision));
  }

  @FieldResolver(() => [AmendmentChange], { description: 'The agreement fields it changes, now and as proposed.' })
  async changedFields(@Root() x: AgreementAmendment, @Ctx() ctx: AppContext): Promise<AmendmentChange[]> {
    const a = (await ctx.loaders.agreementById.load(x.agreementId)) as unknown as Record<string, unknown> | null;
    return Object.entries(x.changes).map(([field, after]) => ({ field, before: a?.[field] ?? null, after }));
  }

  @FieldResolver(() => CostTerms, { nullable: true, description: 'The proposed cost model, when it changes.' })
  costTerms(@Root() x: AgreementAmendment): CostTerms | null {
    return x.costTerms ? costTermsOf(x.costTerms.model, x.costTerms.params) : null;
  }

  @FieldResolver(() => [Municipality])
  async joiningMunicipalities(@Root() x: AgreementAmendment, @Ctx() ctx: AppContext) {
    return Promise.all(
      x.joining.map((k) => foundOrFail(ctx.loaders.municipalityByNumber.load(k), `municipality ${k}`)),
    );
  }

  @FieldResolver(() => [Municipality])
  async leavingMunicipalities(@Root() x: AgreementAmendment, @Ctx() ctx: AppContext) {
    return Promise.all(
      x.leaving.map((k) => foundOrFail(ctx.loaders.municipalityByNumber.load(k), `municipality ${k}`)),
    );
  }

  @FieldResolver(() => Agreement, { nullable: true, description: 'The new version, once adopted.' })
  resultAgreement(@Root() x: AgreementAmendment, @Ctx() ctx: AppContext) {
    return x.resultAgreementId ? ctx.loaders.agreementById.load(x.resultAgreementId) : null;
  }

  @FieldResolver(() => AmendmentImpact, {
    description: 'What it means for each party in kroner, in the year it takes effect.',
  })
  async impact(@Root() x: AgreementAmendment, @Ctx() ctx: AppContext): Promise<AmendmentImpact> {
    const year = yearOf(x.effectiveOn);
    if (!x.costTerms && x.joining.length === 0 && x.leaving.length === 0) {
      return {
        year,
        simulation: null,
        note: 'Endringen endrer ikke kostnadsmodellen eller partene, og dermed ikke hva noen betaler.',
      };
    }
    const agreement = await foundOrFail(ctx.loaders.agreementById.load(x.agreementId), `agreement ${x.agreementId}`);
    const t = x.costTerms;
    const terms = t
      ? {
          model: t.model,
          rateOre: t.params.rateOre ?? null,
          hostRateOre: t.params.hostRateOre ?? null,
          hostShareBp: t.params.hostShareBp ?? null,
          baseOre: t.params.baseOre ?? null,
          shares: t.params.sharesBp
            ? Object.entries(t.params.sharesBp).map(([kommunenummer, value]) => ({ kommunenummer, value }))
            : null,
          lumpSums: t.params.lumpSumsOre
            ? Object.entries(t.params.lumpSumsOre).map(([kommunenummer, value]) => ({ kommunenummer, value }))
            : null,
          usageWeightBp: t.params.usageWeightBp ?? null,
          populationReference: t.populationReference,
        }
      : null;
    try {
      const simulation = await simulateCostSharing(ctx, {
        centreId: agreement.centreId,
        year,
        terms,
        removeMunicipalities: x.leaving,
        addMunicipalities: x.joining,
      });
      return { year, simulation, note: null };
    } catch (e) {
      if (e instanceof GraphQLError && ['NOT_FOUND', 'BAD_USER_INPUT'].includes(String(e.extensions.code)))
        return { year, simulation: null, note: e.message };
      throw e;
    }
  }
}

@Resolver(() => Agreement)
export class AgreementAmendmentsResolver {
  @FieldResolver(() => [AgreementAmendment], { description: 'Proposed amendments, newest first.' })
  amendments(@Root() a: Agreement, @Ctx() ctx: AppContext) {
    return ctx.loaders.amendmentsByAgreement.load(a.id);
  }
}

@Resolver(() => AmendmentApproval)
export class AmendmentApprovalResolver {
  @FieldResolver(() => Municipality)
  municipality(@Root() x: AmendmentApproval, @Ctx() ctx: AppContext) {
    return foundOrFail(ctx.loaders.municipalityByNumber.load(x.kommunenummer), `municipality ${x.kommunenummer}`);
  }
}
