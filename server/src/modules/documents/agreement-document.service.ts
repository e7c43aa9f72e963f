import { GraphQLError } from 'graphql';
import {
  AGREEMENT_STATUS_LABELS,
  agreementDocument,
  ROUTINE_STATUS_LABELS,
  todayInNorway,
  yearOf,
  type AgreementDocument,
  type AgreementDocumentData,
  type RoutineStatus,
} from '@samordna/domain';
import type { AppContext } from '../../app/context';
import { parseInput, v } from '../../app/validation';
import { getAgreement } from '../agreement/agreement.service';
import { costDistribution } from '../cost-sharing/cost.service';

const YEAR = v.int('År', 2000, 2100);

/** The agreement's data as the document needs it: parties, centre, the year's figures, contact points, routines. */
export async function agreementDocumentData(ctx: AppContext, id: string, yearInput?: number | null): Promise<AgreementDocumentData> {
  const a = await getAgreement(ctx, id);
  const year = yearInput === null || yearInput === undefined ? yearOf(todayInNorway()) : parseInput(YEAR, yearInput, 'year');
  const ds = ctx.dataSource;
  const [centre] = await ds.query(
    `SELECT c.name, m.name AS host_name, c.organisation_form, c.services, c.capabilities FROM crisis_centre c JOIN municipality m ON m.kommunenummer = c.host_kommunenummer WHERE c.id = $1`,
    [a.centreId],
  );
  const parties: { name: string; kommunenummer: string; role: string; joined_on: string | null; left_on: string | null; decision_body: string | null; decision_ref: string | null; decision_date: string | null }[] = await ds.query(
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
        rows: d.parties.map((p) => ({ name: p.municipality.name, role: p.role === 'host' ? 'HOST' : 'PARTNER', population: p.population, share: p.share, allocatedOre: p.allocatedOre })),
      };
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    costUnavailable = error.message.replace(/\.$/, '');
  }

  return {
    title: a.title,
    statusLabel: AGREEMENT_STATUS_LABELS[a.status].nb,
    centre: { name: centre.name, hostName: centre.host_name, organisationForm: centre.organisation_form, services: centre.services, capabilities: centre.capabilities },
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
    routines: routines.map((r) => ({ municipality: r.municipality, statusLabel: ROUTINE_STATUS_LABELS[r.status].nb, adopted: r.status === 'ADOPTED' })),
    checklist: a.checklist,
    signingLevel: a.signingLevel,
    councilDecisionRef: a.councilDecisionRef,
    councilDecisionDate: a.councilDecisionDate,
    archiveRef: a.archiveRef,
  };
}

export async function buildAgreementDocument(ctx: AppContext, id: string, year?: number | null): Promise<AgreementDocument> {
  return agreementDocument(await agreementDocumentData(ctx, id, year));
}
