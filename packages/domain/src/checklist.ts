/**
 * Bufdir's checklist for agreements between municipalities about the crisis-centre offer:
 * nine headings an agreement should cover.
 */
export const CHECKLIST_HEADINGS = [
  { key: 'PURPOSE', nb: 'Formål', en: 'Purpose' },
  {
    key: 'LEGAL_BASIS_GOVERNANCE_BUDGET',
    nb: 'Rettslig grunnlag, styring og budsjettrutiner',
    en: 'Legal basis, governance and budget routines',
  },
  {
    key: 'FINANCING_AND_OBLIGATIONS',
    nb: 'Finansieringsprinsipp og partenes plikter',
    en: "Financing principle and each party's obligations",
  },
  {
    key: 'CENTRE_DUTY_TO_INFORM',
    nb: 'Krisesenterets informasjonsplikt overfor kommunene',
    en: "The centre's duty to inform the municipalities",
  },
  {
    key: 'MUNICIPALITY_DUTY_TO_INFORM_STAFF',
    nb: 'Kommunenes plikt til å informere egne ansatte',
    en: "The municipalities' duty to inform their own staff",
  },
  {
    key: 'SERVICE_COOPERATION',
    nb: 'Samarbeid mellom kommunale tjenester og senteret (NAV, barnevern, skole)',
    en: 'Cooperation between municipal services and the centre (NAV, child welfare, school)',
  },
  { key: 'HOUSING', nb: 'Bolig', en: 'Housing' },
  { key: 'SCHOOLING_AND_TRANSPORT', nb: 'Skolegang og skoleskyss', en: 'Schooling and school transport' },
  { key: 'COMPETENCE', nb: 'Kompetanse', en: 'Competence' },
] as const;

export type ChecklistKey = (typeof CHECKLIST_HEADINGS)[number]['key'];
export const CHECKLIST_KEYS: readonly ChecklistKey[] = CHECKLIST_HEADINGS.map((h) => h.key);

export interface ChecklistItem {
  key: ChecklistKey;
  covered: boolean;
  note: string | null;
}

export interface ChecklistCompleteness {
  covered: number;
  total: number;
  missing: ChecklistKey[];
}

/** n of 9: a heading with no item counts as not covered. */
export function checklistCompleteness(items: readonly ChecklistItem[]): ChecklistCompleteness {
  const covered = new Set(items.filter((i) => i.covered).map((i) => i.key));
  return {
    covered: CHECKLIST_KEYS.filter((k) => covered.has(k)).length,
    total: CHECKLIST_KEYS.length,
    missing: CHECKLIST_KEYS.filter((k) => !covered.has(k)),
  };
}

/** All nine headings in order, filling the ones not given as not covered. */
export function normaliseChecklist(items: readonly ChecklistItem[]): ChecklistItem[] {
  const byKey = new Map(items.map((i) => [i.key, i]));
  return CHECKLIST_KEYS.map((key) => byKey.get(key) ?? { key, covered: false, note: null });
}
