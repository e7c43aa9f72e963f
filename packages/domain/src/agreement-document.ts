import {
  CAPABILITY_LABELS,
  ORGANISATION_FORM_LABELS,
  SERVICE_ELEMENTS,
  SERVICE_ELEMENT_LABELS,
  SIGNING_LEVEL_LABELS,
  type Capability,
  type OrganisationForm,
  type ServiceElement,
  type SigningLevel,
} from './catalog';
import { CHECKLIST_HEADINGS, normaliseChecklist, type ChecklistItem } from './checklist';
import type { AgreementTerms } from './deadlines';
import { formatDate, formatInteger } from './format';
import { formatOre } from './money';

/**
 * The agreement as a document: the text a director takes to the council, generated from the
 * agreement's data in nine sections (parties; purpose and legal basis; the offer; cost sharing;
 * duration and notice; contact points; cooperation and routines; disputes; signatures), with
 * Bufdir's checklist as an appendix. What the data lacks is said as «mangler: …», never invented.
 * One model, rendered as DOCX by the server and as a printable page by the dashboard.
 */
export const MISSING = 'mangler';

export type DocumentBlock =
  | { type: 'paragraph'; text: string }
  | { type: 'list'; items: string[] }
  | { type: 'table'; header: string[]; rows: string[][] }
  /** Something the agreement should say and the data does not: shown as «mangler: …». */
  | { type: 'missing'; text: string }
  /** In an amendment's version: a block the amendment adds or removes (marked in the document). */
  | { type: 'change'; change: 'inserted' | 'deleted'; block: DocumentBlock };

export interface DocumentSection {
  key: string;
  heading: string;
  blocks: DocumentBlock[];
  /** True when anything in the section is missing. */
  incomplete: boolean;
}

export interface AgreementDocumentData {
  title: string;
  statusLabel: string;
  centre: {
    name: string;
    hostName: string;
    organisationForm: OrganisationForm;
    services: ServiceElement[] | null;
    capabilities: Capability[] | null;
  };
  legalBasis: string | null;
  parties: {
    name: string;
    kommunenummer: string;
    role: 'HOST' | 'PARTNER';
    joinedOn: string | null;
    leftOn: string | null;
    decisionBody: string | null;
    decisionRef: string | null;
    decisionDate: string | null;
  }[];
  terms: AgreementTerms;
  cost: null | {
    modelLabel: string;
    year: number;
    budgetOre: number;
    populationYear: number;
    rows: { name: string; role: 'HOST' | 'PARTNER'; population: number; share: number; allocatedOre: number }[];
  };
  /** Why the year's figures are missing (no budget, no cost model …). */
  costUnavailable: string | null;
  contactPoints: { municipality: string; agency: string | null; title: string | null }[];
  routines: { municipality: string; statusLabel: string; adopted: boolean }[];
  checklist: ChecklistItem[];
  signingLevel: SigningLevel;
  councilDecisionRef: string | null;
  councilDecisionDate: string | null;
  archiveRef: string | null;
}

export interface AgreementDocument {
  title: string;
  subtitle: string;
  sections: DocumentSection[];
  /** Headings (of the nine) with something missing. */
  missingSections: string[];
}

const p = (text: string): DocumentBlock => ({ type: 'paragraph', text });
const missing = (text: string): DocumentBlock => ({ type: 'missing', text });

function months(n: number): string {
  return `${n} ${n === 1 ? 'måned' : 'måneder'}`;
}

/** The duration and notice terms in words. */
export function termsInWords(t: AgreementTerms): string[] {
  const out: string[] = [];
  if (t.validFrom) out.push(`Avtalen gjelder fra ${formatDate(t.validFrom)}.`);
  if (t.validTo && !t.autoRenew)
    out.push(`Avtalen gjelder til ${formatDate(t.validTo)} og løper da ut uten oppsigelse.`);
  if (t.validTo && t.autoRenew)
    out.push(
      `Første periode varer til ${formatDate(t.validTo)}; deretter fornyes avtalen med ${months(t.renewalMonths ?? 12)} om gangen dersom den ikke sies opp.`,
    );
  if (!t.validTo) out.push('Avtalen løper til den sies opp.');
  if (t.noticeMonths !== null) {
    const to =
      t.noticeRunsTo === 'CALENDAR_YEAR'
        ? ' til utgangen av et kalenderår'
        : t.noticeRunsTo === 'HALF_YEAR'
          ? ' til utgangen av et halvår'
          : '';
    out.push(`Oppsigelsesfristen er ${months(t.noticeMonths)}${to}. Hver part kan si opp sitt eget medlemskap.`);
  }
  return out;
}

const ROLE = { HOST: 'Vertskommune', PARTNER: 'Samarbeidskommune' } as const;

export function agreementDocument(d: AgreementDocumentData): AgreementDocument {
  const sections: DocumentSection[] = [];
  const section = (key: string, heading: string, blocks: DocumentBlock[]) =>
    sections.push({ key, heading, blocks, incomplete: blocks.some((b) => b.type === 'missing') });
  const current = d.parties.filter((x) => !x.leftOn);
  const partners = current.filter((x) => x.role === 'PARTNER');

  section('PARTIES', '1. Parter', [
    p(
      `Avtalen er inngått mellom vertskommunen ${d.centre.hostName}, som driver ${d.centre.name}, og samarbeidskommunene nedenfor.`,
    ),
    ...(current.length
      ? [
          {
            type: 'table' as const,
            header: ['Kommune', 'Kommunenr.', 'Rolle', 'Med fra'],
            rows: current.map((x) => [
              x.name,
              x.kommunenummer,
              ROLE[x.role],
              x.joinedOn ? formatDate(x.joinedOn) : 'avtalens start',
            ]),
          },
        ]
      : []),
    ...(partners.length ? [] : [missing('samarbeidskommuner er ikke registrert')]),
  ]);

  section('PURPOSE_LEGAL_BASIS', '2. Formål og rettslig grunnlag', [
    p(
      `Formålet er å sikre innbyggerne i partskommunene et krisesentertilbud etter krisesenterloven §§ 2 og 3, gjennom ${d.centre.name}.`,
    ),
    p(`Samarbeidsform: ${ORGANISATION_FORM_LABELS[d.centre.organisationForm].nb}.`),
    d.legalBasis
      ? p(`Rettslig grunnlag: ${d.legalBasis}.`)
      : missing('rettslig grunnlag (hjemmel i kommuneloven for samarbeidet)'),
  ]);

  const services = d.centre.services ?? [];
  const lacking = SERVICE_ELEMENTS.filter((s) => !services.includes(s));
  section('OFFER', '3. Tilbudet og tjenestene', [
    ...(services.length
      ? [
          p('Senteret gir partskommunenes innbyggere:'),
          { type: 'list' as const, items: services.map((s) => SERVICE_ELEMENT_LABELS[s].nb) },
        ]
      : []),
    ...(d.centre.services === null
      ? [missing('hvilke av de fire elementene i krisesenterloven § 2 senteret gir')]
      : lacking.map((s) => missing(`${SERVICE_ELEMENT_LABELS[s].nb} (krisesenterloven § 2)`))),
    ...(d.centre.capabilities?.length
      ? [p(`Tilrettelegging: ${d.centre.capabilities.map((c) => CAPABILITY_LABELS[c].nb.toLowerCase()).join(', ')}.`)]
      : []),
  ]);

  section('COST', '4. Kostnadsfordeling', [
    ...(d.cost
      ? [
          p(
            `Modell: ${d.cost.modelLabel}. Nettobudsjettet for ${d.cost.year} er ${formatOre(d.cost.budgetOre)}, fordelt etter folketall per 1. januar ${d.cost.populationYear}.`,
          ),
          {
            type: 'table' as const,
            header: ['Kommune', 'Rolle', 'Folketall', 'Andel', 'Beløp'],
            rows: [
              ...d.cost.rows.map((r) => [
                r.name,
                ROLE[r.role],
                formatInteger(r.population),
                `${(r.share * 100).toFixed(1).replace('.', ',')} %`,
                formatOre(r.allocatedOre),
              ]),
              [
                'Sum',
                '',
                formatInteger(d.cost.rows.reduce((a, r) => a + r.population, 0)),
                '100,0 %',
                formatOre(d.cost.rows.reduce((a, r) => a + r.allocatedOre, 0)),
              ],
            ],
          },
        ]
      : [missing(`årets tall for kostnadsfordelingen${d.costUnavailable ? ` (${d.costUnavailable})` : ''}`)]),
  ]);

  const terms = termsInWords(d.terms);
  section('DURATION_NOTICE', '5. Varighet og oppsigelse', [
    ...terms.map(p),
    ...(d.terms.validFrom ? [] : [missing('dato avtalen gjelder fra')]),
    ...(d.terms.noticeMonths === null && !(d.terms.validTo && !d.terms.autoRenew) ? [missing('oppsigelsesfrist')] : []),
  ]);

  const withContact = new Set(d.contactPoints.map((c) => c.municipality));
  section('CONTACTS', '6. Kontaktpunkter', [
    p('Hver kommune har ett kontaktpunkt for senteret:'),
    ...(d.contactPoints.length
      ? [
          {
            type: 'table' as const,
            header: ['Kommune', 'Tjeneste', 'Funksjon'],
            rows: d.contactPoints.map((c) => [c.municipality, c.agency ?? '', c.title ?? '']),
          },
        ]
      : []),
    ...current.filter((x) => !withContact.has(x.name)).map((x) => missing(`kontaktpunkt for ${x.name}`)),
  ]);

  const routineFor = new Map(d.routines.map((r) => [r.municipality, r]));
  const withoutRoutine = current.filter((x) => !routineFor.get(x.name)?.adopted).map((x) => x.name);
  section('COOPERATION', '7. Samarbeid og rutiner', [
    p(
      'Partene samarbeider om overganger mellom senteret og kommunale tjenester etter Bufdirs veileder. Status for overgangsrutinene:',
    ),
    {
      type: 'table',
      header: ['Kommune', 'Overgangsrutine'],
      rows: current.map((x) => [x.name, routineFor.get(x.name)?.statusLabel ?? MISSING]),
    },
    ...(withoutRoutine.length ? [missing(`vedtatt overgangsrutine for ${withoutRoutine.join(', ')}`)] : []),
  ]);

  section('DISPUTES', '8. Tvister', [
    missing('hvordan uenighet om avtalen løses (tvisteløsning er ikke registrert i Samordna)'),
  ]);

  const undecided = partners.filter((x) => !x.decisionRef);
  section('SIGNATURES', '9. Underskrifter og vedtak', [
    p(`Avtalen signeres av: ${SIGNING_LEVEL_LABELS[d.signingLevel].nb.toLowerCase()}.`),
    ...(d.councilDecisionRef
      ? [
          p(
            `Vedtak i vertskommunen: ${d.councilDecisionRef}${d.councilDecisionDate ? `, ${formatDate(d.councilDecisionDate)}` : ''}.`,
          ),
        ]
      : [missing('vertskommunens vedtak (saksnummer og dato)')]),
    ...(d.archiveRef ? [p(`Arkivreferanse: ${d.archiveRef}.`)] : []),
    {
      type: 'table',
      header: ['Kommune', 'Vedtak', 'Dato', 'Underskrift'],
      rows: current.map((x) => [
        x.name,
        x.decisionRef ? `${x.decisionBody ? `${x.decisionBody}, ` : ''}${x.decisionRef}` : MISSING,
        x.decisionDate ? formatDate(x.decisionDate) : '',
        '',
      ]),
    },
    ...(undecided.length ? [missing(`vedtak i ${undecided.map((x) => x.name).join(', ')}`)] : []),
  ]);

  const checklist = normaliseChecklist(d.checklist);
  const appendix: DocumentSection = {
    key: 'CHECKLIST',
    heading: 'Vedlegg: Bufdirs sjekkliste for samarbeidsavtaler',
    blocks: [
      {
        type: 'table',
        header: ['Tema', 'I avtalen'],
        rows: checklist.map((i) => [
          CHECKLIST_HEADINGS.find((h) => h.key === i.key)!.nb,
          i.covered ? i.note || 'Dekket' : MISSING,
        ]),
      },
    ],
    incomplete: checklist.some((i) => !i.covered),
  };
  return {
    title: d.title,
    subtitle: `${d.centre.name} · ${d.statusLabel} · utkast generert av Samordna`,
    sections: [...sections, appendix],
    missingSections: sections.filter((s) => s.incomplete).map((s) => s.heading),
  };
}

/**
 * The proposed version with the changes marked: per section, blocks only in the proposal are
 * «inserted», blocks only in the current version «deleted» (kept where they stood), the rest as
 * they are. Sections keep the proposal's order.
 */
export function markChanges(
  current: AgreementDocument,
  proposed: AgreementDocument,
  summary: string,
): AgreementDocument {
  const key = (b: DocumentBlock) => JSON.stringify(b);
  const sections = proposed.sections.map((section) => {
    const before = current.sections.find((s) => s.key === section.key)?.blocks ?? [];
    const after = section.blocks;
    const afterKeys = new Set(after.map(key));
    const beforeKeys = new Set(before.map(key));
    const blocks: DocumentBlock[] = [];
    let i = 0;
    for (const b of after) {
      // Removed blocks that stood before this one in the current version come first.
      while (i < before.length && !afterKeys.has(key(before[i])))
        blocks.push({ type: 'change', change: 'deleted', block: before[i++] });
      if (i < before.length && key(before[i]) === key(b)) i++;
      blocks.push(beforeKeys.has(key(b)) ? b : { type: 'change', change: 'inserted', block: b });
    }
    for (; i < before.length; i++)
      if (!afterKeys.has(key(before[i]))) blocks.push({ type: 'change', change: 'deleted', block: before[i] });
    return { ...section, blocks };
  });
  return {
    ...proposed,
    subtitle: `Endringsforslag: ${summary} · endringer markert (nytt understreket, utgår gjennomstreket)`,
    sections,
  };
}
