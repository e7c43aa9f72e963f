import { canActForMunicipality, DEFAULT_OLD_SOURCE_YEARS, sourceYearOf, todayInNorway, msg } from '@samordna/domain';
import type { AppContext } from '../../app/context';
import { audit } from '../../app/audit';
import { assertAllowed, checkVersion, requireUser } from '../../app/auth';
import { lockOrMissing } from '../../app/persistence';
import { parseInput, rules } from '../../app/validation';
import { DocumentedMembership } from './documented-membership.entity';
import { documentedOf, type DocumentedMembershipView } from './documented.types';
import { createAgreement } from '../agreement/agreement.service';
import type { Agreement } from '../agreement/agreement.entity';
import { PartyRole } from '../agreement/party-role';
import { CrisisCentre } from '../crisis-centre/crisis-centre.entity';
import { badInput } from '../../app/errors';
import { transaction } from '../../app/transaction';
import { factsFilterSchema, reviewSchema, type FactsToReviewFilter, type ReviewSourceInput } from './national.inputs';

const DOCUMENTED = ['DocumentedMembership', 'notFound.documentedMembership'] as const;

/**
 * The reviewer's list: documented facts whose source is weak (not «høy»), undated, or older than
 * `olderThanYears` (default 6), oldest first, so a user can confirm or correct them.
 */
export async function factsToReview(
  ctx: AppContext,
  input: FactsToReviewFilter | null | undefined,
): Promise<DocumentedMembershipView[]> {
  const f = parseInput(factsFilterSchema, input ?? {}, 'filter');
  const asOf = todayInNorway();
  const years = f.olderThanYears ?? DEFAULT_OLD_SOURCE_YEARS;
  const rows = await ctx.dataSource
    .getRepository(DocumentedMembership)
    .createQueryBuilder('d')
    .innerJoinAndSelect('d.centre', 'c')
    .where(`(d.confidence <> 'HIGH' OR d.source_year IS NULL OR d.source_year < :limit)`, {
      limit: Number(asOf.slice(0, 4)) - years,
    })
    .andWhere(f.kommunenummer ? 'd.kommunenummer = :k' : '1=1', { k: f.kommunenummer })
    .orderBy('d.source_year', 'ASC', 'NULLS FIRST')
    .addOrderBy('d.kommunenummer', 'ASC')
    .getMany();
  return rows.map((d) => documentedOf(d, asOf));
}

/**
 * Confirms or corrects a documented fact with a (new) source: the municipality's director or an
 * administrator. Audited; the seed leaves a reviewed fact alone from then on.
 */
export async function reviewDocumentedMembership(
  ctx: AppContext,
  id: string,
  input: ReviewSourceInput,
  expectedVersion: number | null | undefined,
): Promise<DocumentedMembershipView> {
  requireUser(ctx);
  const did = parseInput(rules.uuid('tilknytning'), id, 'id');
  const data = parseInput(reviewSchema, input, 'input');
  return transaction(ctx, async (em) => {
    const before = await lockOrMissing(em, ctx, DocumentedMembership, did, DOCUMENTED);
    assertAllowed(ctx, canActForMunicipality(ctx.auth!.grants, before.kommunenummer));
    checkVersion(before, expectedVersion, 'den kildebelagte tilknytningen');
    const repo = em.getRepository(DocumentedMembership);
    const after = repo.merge(repo.create({ ...before }), {
      sourceUrl: data.sourceUrl,
      sourceDate: data.sourceDate,
      sourceYear: sourceYearOf(data.sourceDate),
      quote: data.quote ?? null,
      confidence: data.confidence,
      retrievedOn: todayInNorway(),
      reviewedAt: new Date(),
    });
    const saved = await repo.save(after);
    await audit(em, ctx, 'UPDATE', 'DocumentedMembership', saved.id, before, saved);
    const withCentre = await repo.findOneOrFail({ where: { id: saved.id }, relations: { centre: true } });
    return documentedOf(withCentre, todayInNorway());
  });
}

/**
 * When the real agreement is registered: a draft agreement for the centre pre-filled from its
 * documented memberships (host and partners, each noting its source). The same rules as
 * createAgreement (the host's director or an administrator; audited); the documented facts stay
 * as they are. A member whose host is not known is left out of the host role (set the host first).
 */
export async function createAgreementFromDocumented(
  ctx: AppContext,
  centreId: string,
  title: string | null | undefined,
): Promise<Agreement> {
  requireUser(ctx);
  const cid = parseInput(rules.uuid('krisesenter'), centreId, 'centreId');
  const centre = await ctx.dataSource.getRepository(CrisisCentre).findOneBy({ id: cid });
  if (!centre) throw badInput('centreId', 'notFound.centre');
  const members = await ctx.dataSource
    .getRepository(DocumentedMembership)
    .find({ where: { centreId: cid }, order: { role: 'ASC', kommunenummer: 'ASC' } });
  if (members.length === 0) throw badInput('centreId', msg('agreement.noDocumentedMembers', { centre: centre.name }));
  return createAgreement(ctx, {
    centreId: cid,
    title: title?.trim() || `Samarbeidsavtale om krisesentertilbud – ${centre.name}`,
    status: 'DRAFT',
    parties: members.map((m) => ({
      kommunenummer: m.kommunenummer,
      role: m.role === 'host' ? PartyRole.HOST : PartyRole.PARTNER,
      note: `Fra kilde: ${m.sourceUrl} (${m.sourceDate})`.slice(0, 500),
    })),
  } as Parameters<typeof createAgreement>[1]);
}
