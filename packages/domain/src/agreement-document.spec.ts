import { agreementDocument, markChanges, termsInWords, type AgreementDocumentData } from './agreement-document';

const FULL: AgreementDocumentData = {
  title: 'Samarbeidsavtale om krisesentertilbud',
  statusLabel: 'Aktiv',
  centre: {
    name: 'Krisesenteret i Salten',
    hostName: 'Bodø',
    organisationForm: 'HOST_ADMINISTRATIVE',
    services: ['SHELTER', 'DAY_SERVICE', 'PHONE_SERVICE', 'FOLLOW_UP'],
    capabilities: ['CHILDREN'],
  },
  legalBasis: 'kommuneloven § 20-2',
  parties: [
    {
      name: 'Bodø',
      kommunenummer: '1804',
      role: 'HOST',
      joinedOn: null,
      leftOn: null,
      decisionBody: 'Bystyret',
      decisionRef: 'sak 12/24',
      decisionDate: '2024-03-01',
    },
    {
      name: 'Fauske',
      kommunenummer: '1841',
      role: 'PARTNER',
      joinedOn: null,
      leftOn: null,
      decisionBody: 'Kommunestyret',
      decisionRef: 'sak 45/24',
      decisionDate: '2024-04-01',
    },
    {
      name: 'Saltdal',
      kommunenummer: '1840',
      role: 'PARTNER',
      joinedOn: null,
      leftOn: '2023-12-31',
      decisionBody: null,
      decisionRef: null,
      decisionDate: null,
    },
  ],
  terms: {
    validFrom: '2024-01-01',
    validTo: null,
    autoRenew: true,
    renewalMonths: null,
    noticeMonths: 6,
    noticeRunsTo: 'CALENDAR_YEAR',
  },
  cost: {
    modelLabel: 'Pris per innbygger',
    year: 2026,
    budgetOre: 1_000_000_00,
    populationYear: 2026,
    rows: [
      { name: 'Bodø', role: 'HOST', population: 53_000, share: 0.8, allocatedOre: 800_000_00 },
      { name: 'Fauske', role: 'PARTNER', population: 10_000, share: 0.2, allocatedOre: 200_000_00 },
    ],
  },
  costUnavailable: null,
  contactPoints: [
    { municipality: 'Bodø', agency: 'NAV Bodø', title: 'Koordinator' },
    { municipality: 'Fauske', agency: 'NAV Fauske', title: null },
  ],
  routines: [
    { municipality: 'Bodø', statusLabel: 'Vedtatt', adopted: true },
    { municipality: 'Fauske', statusLabel: 'Vedtatt', adopted: true },
  ],
  checklist: [{ key: 'PURPOSE', covered: true, note: '§ 1' }],
  signingLevel: 'MUNICIPAL_DIRECTOR',
  councilDecisionRef: 'sak 12/24',
  councilDecisionDate: '2024-03-01',
  archiveRef: null,
};

describe('agreementDocument', () => {
  it('nine sections in order and the checklist appendix; complete data leaves only disputes missing', () => {
    const doc = agreementDocument(FULL);
    expect(doc.sections.map((s) => s.heading)).toEqual([
      '1. Parter',
      '2. Formål og rettslig grunnlag',
      '3. Tilbudet og tjenestene',
      '4. Kostnadsfordeling',
      '5. Varighet og oppsigelse',
      '6. Kontaktpunkter',
      '7. Samarbeid og rutiner',
      '8. Tvister',
      '9. Underskrifter og vedtak',
      'Vedlegg: Bufdirs sjekkliste for samarbeidsavtaler',
    ]);
    expect(doc.missingSections).toEqual(['8. Tvister']);
    const parties = doc.sections[0].blocks.find((b) => b.type === 'table')!;
    expect(parties.type === 'table' && parties.rows.map((r) => r[0])).toEqual(['Bodø', 'Fauske']); // Saltdal left
    const cost = doc.sections[3].blocks.find((b) => b.type === 'table')!;
    expect(cost.type === 'table' && cost.rows.at(-1)).toEqual([
      'Sum',
      '',
      '63\u00a0000',
      '100,0 %',
      'kr\u00a01\u00a0000\u00a0000',
    ]);
    const appendix = doc.sections[9].blocks[0];
    expect(appendix.type === 'table' && appendix.rows.slice(0, 2)).toEqual([
      ['Formål', '§ 1'],
      ['Rettslig grunnlag, styring og budsjettrutiner', 'mangler'],
    ]);
  });

  it.each<[string, Partial<AgreementDocumentData>, string, string]>([
    ['no partners', { parties: [FULL.parties[0]] }, '1. Parter', 'samarbeidskommuner er ikke registrert'],
    [
      'no legal basis',
      { legalBasis: null },
      '2. Formål og rettslig grunnlag',
      'rettslig grunnlag (hjemmel i kommuneloven for samarbeidet)',
    ],
    [
      'services unknown',
      { centre: { ...FULL.centre, services: null } },
      '3. Tilbudet og tjenestene',
      'hvilke av de fire elementene i krisesenterloven § 2 senteret gir',
    ],
    [
      'no day service',
      { centre: { ...FULL.centre, services: ['SHELTER', 'PHONE_SERVICE', 'FOLLOW_UP'] } },
      '3. Tilbudet og tjenestene',
      'Dagtilbud (krisesenterloven § 2)',
    ],
    [
      'no figures',
      { cost: null, costUnavailable: 'ingen budsjett for 2026' },
      '4. Kostnadsfordeling',
      'årets tall for kostnadsfordelingen (ingen budsjett for 2026)',
    ],
    [
      'no notice period',
      { terms: { ...FULL.terms, noticeMonths: null } },
      '5. Varighet og oppsigelse',
      'oppsigelsesfrist',
    ],
    ['no contact point', { contactPoints: [FULL.contactPoints[0]] }, '6. Kontaktpunkter', 'kontaktpunkt for Fauske'],
    [
      'routine not adopted',
      { routines: [FULL.routines[0], { municipality: 'Fauske', statusLabel: 'Utkast', adopted: false }] },
      '7. Samarbeid og rutiner',
      'vedtatt overgangsrutine for Fauske',
    ],
    [
      'no decision',
      { parties: [FULL.parties[0], { ...FULL.parties[1], decisionRef: null }] },
      '9. Underskrifter og vedtak',
      'vedtak i Fauske',
    ],
  ])('%s → «mangler» under %s', (_case, change, heading, text) => {
    const doc = agreementDocument({ ...FULL, ...change });
    const section = doc.sections.find((s) => s.heading === heading)!;
    expect(section.blocks).toContainEqual({ type: 'missing', text });
    expect(doc.missingSections).toContain(heading);
  });
});

it.each([
  [
    {
      validFrom: '2024-01-01',
      validTo: '2026-12-31',
      autoRenew: false,
      renewalMonths: null,
      noticeMonths: null,
      noticeRunsTo: 'NONE' as const,
    },
    ['Avtalen gjelder fra 01.01.2024.', 'Avtalen gjelder til 31.12.2026 og løper da ut uten oppsigelse.'],
  ],
  [
    {
      validFrom: null,
      validTo: '2026-12-31',
      autoRenew: true,
      renewalMonths: 24,
      noticeMonths: 3,
      noticeRunsTo: 'HALF_YEAR' as const,
    },
    [
      'Første periode varer til 31.12.2026; deretter fornyes avtalen med 24 måneder om gangen dersom den ikke sies opp.',
      'Oppsigelsesfristen er 3 måneder til utgangen av et halvår. Hver part kan si opp sitt eget medlemskap.',
    ],
  ],
  [
    {
      validFrom: null,
      validTo: null,
      autoRenew: false,
      renewalMonths: null,
      noticeMonths: 1,
      noticeRunsTo: 'NONE' as const,
    },
    ['Avtalen løper til den sies opp.', 'Oppsigelsesfristen er 1 måned. Hver part kan si opp sitt eget medlemskap.'],
  ],
])('termsInWords %#', (terms, words) => expect(termsInWords(terms)).toEqual(words));

describe('markChanges', () => {
  it('marks what the amendment adds and removes, in place, and leaves the rest', () => {
    const current = agreementDocument(FULL);
    const proposed = agreementDocument({
      ...FULL,
      terms: { ...FULL.terms, noticeMonths: 3 },
      parties: FULL.parties.filter((x) => x.kommunenummer !== '1841'),
    });
    const marked = markChanges(current, proposed, 'Kortere oppsigelse');
    expect(marked.subtitle).toBe(
      'Endringsforslag: Kortere oppsigelse · endringer markert (nytt understreket, utgår gjennomstreket)',
    );
    const duration = marked.sections.find((s) => s.key === 'DURATION_NOTICE')!.blocks;
    expect(duration).toEqual([
      { type: 'paragraph', text: 'Avtalen gjelder fra 01.01.2024.' },
      { type: 'paragraph', text: 'Avtalen løper til den sies opp.' },
      {
        type: 'change',
        change: 'deleted',
        block: {
          type: 'paragraph',
          text: 'Oppsigelsesfristen er 6 måneder til utgangen av et kalenderår. Hver part kan si opp sitt eget medlemskap.',
        },
      },
      {
        type: 'change',
        change: 'inserted',
        block: {
          type: 'paragraph',
          text: 'Oppsigelsesfristen er 3 måneder til utgangen av et kalenderår. Hver part kan si opp sitt eget medlemskap.',
        },
      },
    ]);
    expect(marked.sections.find((s) => s.key === 'PURPOSE_LEGAL_BASIS')!.blocks.some((b) => b.type === 'change')).toBe(
      false,
    );
    const parties = marked.sections
      .find((s) => s.key === 'PARTIES')!
      .blocks.map((b) => (b.type === 'change' ? b.change : b.type));
    expect(parties).toEqual(['paragraph', 'deleted', 'inserted', 'inserted']); // the old table out, the table without Fauske in, and «mangler: samarbeidskommuner»
  });
});
