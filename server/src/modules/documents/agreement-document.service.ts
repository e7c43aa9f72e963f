import { GraphQLError } from 'graphql';
import {
  addDaysIso,
  AGREEMENT_STATUS_LABELS,
  agreementDocument,
  markChanges,
  ROUTINE_STATUS_LABELS,
  todayInNorway,
  yearOf,
  type AgreementDocument,
  type AgreementDocumentData,
  type RoutineStatus,
} from '@samordna/domain';
import type { AppContext } from '../../app/context';
import { parseInput, rules } from '../../app/validation';
import { notFound } from '../../app/errors';
import { getAgreement } from '../agreement/agreement.service';
import { costDistribution } from '../cost-sharing/cost.service';

const YEAR = rules.int('År', 2000, 2100);

/** The agreement's data as the document needs it: parties, centre, the year's figures, contact points, routines. */
export async function agreementDocumentData(
  ctx: AppContext,
  id: string,
  yearInput?: number | null,
): Promise<AgreementDocumentData> {
  const a = await getAgreement(ctx, id);
  const year =
    yearInput === null || yearInput === undefined ? yearOf(todayInNorway()) : parseInput(YEAR, yearInput, 'year');
  const ds = ctx.dataSource;
  const [centre] = await ds.query(
    `SELECT c.name, m.name AS host_name, c.organisation_form, c.services, c.capabilities FROM crisis_centre c JOIN municipality m ON m.kommunenummer = c.host_kommunenummer WHERE c.id = $1`,
    [a.centreId],
  );
  const parties: {
    name: string;
    kommunenummer: string;
    role: string;
    joined_on: string | null;
    left_on: string | null;
    decision_body: string | null;
    decision_ref: string | null;
    decision_date: string | null;
  }[] = await ds.query(
    `SELECT m.name, p.kommunenummer, p.role, to_char(p.joined_on, 'YYYY-MM-DD') AS joined_on, to_char(p.left_on, 'YYYY-MM-DD') AS left_on,
            p.decision_body, p.decision_ref, to_char(p.decision_date, 'YYYY-MM-DD') AS decision_date
     FROM agreement_party p JOIN municipality m ON m.kommunenummer = p.kommunenummer
     WHERE p.agreement_id = $1 ORDER BY (p.role = 'host') DESC, m.name`,
    [a.id],
  );
  const knrs = parties.map((p) => p.kommunenummer);
  const contactPoints: { municipality: string; agency: string | null; title: string | null }[] = await ds.query(
    `SELECT m.name AS municipality, g.name AS agency, c.title
     FROM contact_person c JOIN agency g ON g.id = c.agency_id JOIN municipality m ON m.kommunenummer = g.kommunenummer
     WHERE c.is_contact_point AND c.active AND g.kommunenummer = ANY($1) ORDER BY m.name`,
    [knrs],
  );
  const routines: { municipality: string; status: RoutineStatus }[] = await ds.query(
    `SELECT m.name AS municipality, r.status FROM handover_routine r JOIN municipality m ON m.kommunenummer = r.kommunenummer WHERE r.centre_id = $1 AND r.kommunenummer = ANY($2)`,
    [a.centreId, knrs],
  );

  let cost: AgreementDocumentData['cost'] = null;
  let costUnavailable: string | null = null;
  try {
    const d = await costDistribution(ctx, a.centreId, year);
    if (d.agreementId !== a.id) costUnavailable = `tallene for ${year} følger en annen versjon av avtalen`;
    else
      cost = {
        modelLabel: d.modelLabel,
        year,
        budgetOre: d.budgetOre,
        populationYear: d.populationYear,
        rows: d.parties.map((p) => ({
          name: p.municipality.name,
          role: p.role === 'host' ? 'HOST' : 'PARTNER',
          population: p.population,
          share: p.share,
          allocatedOre: p.allocatedOre,
        })),
      };
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    costUnavailable = error.message.replace(/\.$/, '');
  }

  return {
    title: a.title,
    statusLabel: AGREEMENT_STATUS_LABELS[a.status].nb,
    centre: {
      name: centre.name,
      hostName: centre.host_name,
      organisationForm: centre.organisation_form,
      services: centre.services,
      capabilities: centre.capabilities,
    },
    legalBasis: a.legalBasis,
    parties: parties.map((p) => ({
      name: p.name,
      kommunenummer: p.kommunenummer,
      role: p.role === 'host' ? 'HOST' : 'PARTNER',
      joinedOn: p.joined_on,
      leftOn: p.left_on,
      decisionBody: p.decision_body,
      decisionRef: p.decision_ref,
      decisionDate: p.decision_date,
    })),
    terms: a,
    cost,
    costUnavailable,
    contactPoints,
    routines: routines.map((r) => ({
      municipality: r.municipality,
      statusLabel: ROUTINE_STATUS_LABELS[r.status].nb,
      adopted: r.status === 'ADOPTED',
    })),
    checklist: a.checklist,
    signingLevel: a.signingLevel,
    councilDecisionRef: a.councilDecisionRef,
    councilDecisionDate: a.councilDecisionDate,
    archiveRef: a.archiveRef,
  };
}

/** The agreement as an open amendment would make it: changed terms, the effective date, parties joining and leaving. */
async function proposedData(
  ctx: AppContext,
  data: AgreementDocumentData,
  agreementId: string,
  amendmentId: string,
): Promise<{ data: AgreementDocumentData; summary: string }> {
  const id = parseInput(rules.uuid('endringsforslag'), amendmentId, 'amendmentId');
  const [x] = await ctx.dataSource.query(
    `SELECT summary, to_char(effective_on, 'YYYY-MM-DD') AS effective_on, changes, cost_terms, joining, leaving FROM agreement_amendment WHERE id = $1 AND agreement_id = $2`,
    [id, agreementId],
  );
  if (!x) throw notFound('AgreementAmendment', id, 'notFound.amendmentOfAgreement');
  const changes = x.changes as Record<string, unknown>;
  const pick = <K extends keyof AgreementDocumentData['terms']>(k: K) =>
    k in changes ? (changes[k] as AgreementDocumentData['terms'][K]) : data.terms[k];
  const joining: { kommunenummer: string; name: string }[] = x.joining.length
    ? await ctx.dataSource.query(
        `SELECT kommunenummer, name FROM municipality WHERE kommunenummer = ANY($1) ORDER BY name`,
        [x.joining],
      )
    : [];
  const dayBefore = addDaysIso(x.effective_on, -1);
  return {
    summary: x.summary,
    data: {
      ...data,
      title: 'title' in changes ? String(changes.title) : data.title,
      legalBasis: 'legalBasis' in changes ? (changes.legalBasis as string | null) : data.legalBasis,
      signingLevel:
        'signingLevel' in changes ? (changes.signingLevel as AgreementDocumentData['signingLevel']) : data.signingLevel,
      checklist: 'checklist' in changes ? (changes.checklist as AgreementDocumentData['checklist']) : data.checklist,
      terms: {
        validFrom: x.effective_on,
        validTo: pick('validTo'),
        autoRenew: pick('autoRenew'),
        renewalMonths: pick('renewalMonths'),
        noticeMonths: pick('noticeMonths'),
        noticeRunsTo: pick('noticeRunsTo'),
      },
      parties: [
        ...data.parties.map((p) =>
          x.leaving.includes(p.kommunenummer) && !p.leftOn ? { ...p, leftOn: dayBefore } : p,
        ),
        ...joining.map((m) => ({
          name: m.name,
          kommunenummer: m.kommunenummer,
          role: 'PARTNER' as const,
          joinedOn: x.effective_on,
          leftOn: null,
          decisionBody: null,
          decisionRef: null,
          decisionDate: null,
        })),
      ],
      ...(x.cost_terms
        ? {
            cost: null,
            costUnavailable: 'ny kostnadsmodell i endringsforslaget: se konsekvensene per kommune i forslaget',
          }
        : {}),
      // Every party decides anew on the new version.
      councilDecisionRef: null,
      councilDecisionDate: null,
    },
  };
}

export async function buildAgreementDocument(
  ctx: AppContext,
  id: string,
  year?: number | null,
  amendmentId?: string | null,
): Promise<AgreementDocument> {
  const data = await agreementDocumentData(ctx, id, year);
  const current = agreementDocument(data);
  if (!amendmentId) return current;
  const proposed = await proposedData(ctx, data, id, amendmentId);
  const parties = proposed.data.parties.map((p) => ({
    ...p,
    decisionBody: null,
    decisionRef: null,
    decisionDate: null,
  }));
  return markChanges(current, agreementDocument({ ...proposed.data, parties }), proposed.summary);
}
