/**
 * The fixed lists of the domain, with bokmål and English labels. The server exposes them as
 * GraphQL enums; the dashboard and exports use the labels.
 */
type Labels<K extends string> = Record<K, { nb: string; en: string }>;

export const ORGANISATION_FORMS = [
  'HOST_ADMINISTRATIVE', // kommuneloven § 20-1
  'HOST_JOINT_BOARD', // § 20-3
  'TASK_COMMUNITY', // § 19-1
  'IKS',
  'FOUNDATION',
  'PRIVATE_OR_VOLUNTARY',
  'OWN_MUNICIPAL_UNIT',
  'UNKNOWN',
] as const;
export type OrganisationForm = (typeof ORGANISATION_FORMS)[number];
export const ORGANISATION_FORM_LABELS: Labels<OrganisationForm> = {
  HOST_ADMINISTRATIVE: {
    nb: 'Administrativt vertskommunesamarbeid (kommuneloven § 20-1)',
    en: 'Administrative host cooperation (Local Government Act § 20-1)',
  },
  HOST_JOINT_BOARD: {
    nb: 'Vertskommunesamarbeid med felles folkevalgt nemnd (§ 20-3)',
    en: 'Host cooperation with a joint board (§ 20-3)',
  },
  TASK_COMMUNITY: { nb: 'Kommunalt oppgavefellesskap (§ 19-1)', en: 'Municipal task community (§ 19-1)' },
  IKS: { nb: 'Interkommunalt selskap (IKS)', en: 'Inter-municipal company (IKS)' },
  FOUNDATION: { nb: 'Stiftelse', en: 'Foundation' },
  PRIVATE_OR_VOLUNTARY: { nb: 'Privat eller frivillig organisasjon', en: 'Private or voluntary organisation' },
  OWN_MUNICIPAL_UNIT: { nb: 'Egen kommunal enhet', en: 'Own municipal unit' },
  UNKNOWN: { nb: 'Ikke registrert', en: 'Not registered' },
};

/** The four elements of the offer (krisesenterloven § 2). */
export const SERVICE_ELEMENTS = ['SHELTER', 'DAY_SERVICE', 'PHONE_SERVICE', 'FOLLOW_UP'] as const;
export type ServiceElement = (typeof SERVICE_ELEMENTS)[number];
export const SERVICE_ELEMENT_LABELS: Labels<ServiceElement> = {
  SHELTER: { nb: 'Botilbud (døgnåpent)', en: 'Shelter (open around the clock)' },
  DAY_SERVICE: { nb: 'Dagtilbud', en: 'Day service' },
  PHONE_SERVICE: { nb: 'Telefontilbud (døgnåpent)', en: 'Phone service (around the clock)' },
  FOLLOW_UP: { nb: 'Oppfølging i reetableringsfasen', en: 'Follow-up in the re-establishment phase' },
};

export const CAPABILITIES = [
  'MEN_SEPARATE',
  'CHILDREN',
  'DISABILITY_ACCESS',
  'SUBSTANCE_USE',
  'SAMI_LANGUAGE',
  'INTERPRETER',
] as const;
export type Capability = (typeof CAPABILITIES)[number];
export const CAPABILITY_LABELS: Labels<Capability> = {
  MEN_SEPARATE: { nb: 'Eget tilbud for menn', en: 'Separate offer for men' },
  CHILDREN: { nb: 'Tilrettelagt for barn', en: 'Facilities and staff for children' },
  DISABILITY_ACCESS: { nb: 'Universell utforming', en: 'Disability access' },
  SUBSTANCE_USE: { nb: 'Tilpasset rusavhengighet', en: 'Adapted for substance use' },
  SAMI_LANGUAGE: { nb: 'Samisk språk', en: 'Sami language' },
  INTERPRETER: { nb: 'Tolk', en: 'Interpreter' },
};

export const SIGNING_LEVELS = ['MUNICIPAL_DIRECTOR', 'SECTOR_HEAD', 'UNIT_LEADER', 'UNKNOWN'] as const;
export type SigningLevel = (typeof SIGNING_LEVELS)[number];
export const SIGNING_LEVEL_LABELS: Labels<SigningLevel> = {
  MUNICIPAL_DIRECTOR: { nb: 'Kommunedirektør', en: 'Municipal director' },
  SECTOR_HEAD: { nb: 'Kommunalsjef / sektorleder', en: 'Sector head' },
  UNIT_LEADER: { nb: 'Enhetsleder', en: 'Unit leader' },
  UNKNOWN: { nb: 'Ukjent', en: 'Unknown' },
};

export const AGENCY_KINDS = [
  'NAV',
  'BARNEVERN',
  'POLICE',
  'POLICE_FAMILY_VIOLENCE_COORDINATOR',
  'GP_EMERGENCY_CLINIC',
  'ASSAULT_CENTRE',
  'HEALTH_STATION_SCHOOL_HEALTH',
  'MENTAL_HEALTH_SUBSTANCE_USE',
  'DPS_BUP',
  'HOUSING_OFFICE',
  'FAMILY_COUNSELLING',
  'SCHOOL',
  'KINDERGARTEN',
  'INTERPRETER_SERVICE',
  'REFUGEE_SERVICE',
  'VIOLENCE_COORDINATOR',
  'SLT',
  'VOLUNTARY_ORGANISATION',
  'OTHER',
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];
export const AGENCY_KIND_LABELS: Labels<AgencyKind> = {
  NAV: { nb: 'NAV', en: 'NAV (welfare)' },
  BARNEVERN: { nb: 'Barnevern', en: 'Child welfare' },
  POLICE: { nb: 'Politi', en: 'Police' },
  POLICE_FAMILY_VIOLENCE_COORDINATOR: {
    nb: 'Politiets familievoldskoordinator',
    en: 'Police family-violence coordinator',
  },
  GP_EMERGENCY_CLINIC: { nb: 'Fastlege / legevakt', en: 'GP / emergency clinic' },
  ASSAULT_CENTRE: { nb: 'Overgrepsmottak', en: 'Sexual assault centre' },
  HEALTH_STATION_SCHOOL_HEALTH: { nb: 'Helsestasjon og skolehelsetjeneste', en: 'Health station / school health' },
  MENTAL_HEALTH_SUBSTANCE_USE: { nb: 'Psykisk helse og rus', en: 'Mental health and substance use' },
  DPS_BUP: { nb: 'DPS / BUP', en: 'DPS / BUP (specialist mental health)' },
  HOUSING_OFFICE: { nb: 'Boligkontor', en: 'Housing office' },
  FAMILY_COUNSELLING: { nb: 'Familievern', en: 'Family counselling' },
  SCHOOL: { nb: 'Skole', en: 'School' },
  KINDERGARTEN: { nb: 'Barnehage', en: 'Kindergarten' },
  INTERPRETER_SERVICE: { nb: 'Tolketjeneste', en: 'Interpreter service' },
  REFUGEE_SERVICE: { nb: 'Flyktningtjeneste', en: 'Refugee service' },
  VIOLENCE_COORDINATOR: { nb: 'Kommunal voldskoordinator', en: 'Municipal violence coordinator' },
  SLT: { nb: 'SLT-koordinator', en: 'SLT coordinator (crime prevention)' },
  VOLUNTARY_ORGANISATION: { nb: 'Frivillig organisasjon', en: 'Voluntary organisation' },
  OTHER: { nb: 'Annet', en: 'Other' },
};

/** Agencies every partner municipality should have a contact for (coverage rules). */
export const KEY_AGENCY_KINDS: readonly AgencyKind[] = [
  'NAV',
  'BARNEVERN',
  'POLICE',
  'HOUSING_OFFICE',
  'HEALTH_STATION_SCHOOL_HEALTH',
];

export const ROUTINE_STATUSES = ['MISSING', 'DRAFT', 'ADOPTED'] as const;
export type RoutineStatus = (typeof ROUTINE_STATUSES)[number];
export const ROUTINE_STATUS_LABELS: Labels<RoutineStatus> = {
  MISSING: { nb: 'Mangler', en: 'Missing' },
  DRAFT: { nb: 'Utkast', en: 'Draft' },
  ADOPTED: { nb: 'Vedtatt', en: 'Adopted' },
};

export const STEP_TIMINGS = ['ON_ARRIVAL', 'DURING_STAY', 'BEFORE_MOVING_OUT', 'AFTER_STAY'] as const;
export type StepTiming = (typeof STEP_TIMINGS)[number];
export const STEP_TIMING_LABELS: Labels<StepTiming> = {
  ON_ARRIVAL: { nb: 'Ved innflytting', en: 'On arrival' },
  DURING_STAY: { nb: 'Under oppholdet', en: 'During the stay' },
  BEFORE_MOVING_OUT: { nb: 'Før utflytting', en: 'Before moving out' },
  AFTER_STAY: { nb: 'Etter oppholdet', en: 'After the stay' },
};

export const ROUTINE_STEP_KINDS = [
  'MAP_NEEDS',
  'THREAT_ASSESSMENT_SAFETY_PLAN',
  'NAV',
  'BARNEVERN_MEETING',
  'HOUSING',
  'SCHOOL_KINDERGARTEN_TRANSFER',
  'ADDRESS_PROTECTION',
  'LEGAL_AID',
  'APPOINT_COORDINATOR',
  'INDIVIDUAL_PLAN',
  'RESPONSIBILITY_GROUP',
  'MEETING_BEFORE_MOVING_OUT',
  'CONTINUED_TALKS',
  'GRADUAL_WITHDRAWAL',
  'FAMILY_COUNSELLING',
  'GP_HEALTH',
  'INTERPRETER',
  'POLICE_REPORT_VICTIM_SUPPORT',
  'UPDATE_SAFETY_PLAN',
  'ADDRESS_CHANGE_CONFIDENTIAL',
  'VOLUNTARY_ORGANISATIONS',
  'CHILD_COORDINATOR',
  'OTHER',
] as const;
export type RoutineStepKind = (typeof ROUTINE_STEP_KINDS)[number];

export interface RoutineTemplateStep {
  kind: RoutineStepKind;
  title: { nb: string; en: string };
  /** null: the crisis centre itself. */
  responsibleAgencyKind: AgencyKind | null;
  timing: StepTiming;
  /** Where the step comes from (Bufdir guidance and the NORCE report, see docs). */
  basis: string;
}

/**
 * The handover routine template, built from Bufdir's guidance on follow-up in the
 * re-establishment phase and the sequence observed by NORCE (2022). Creating a routine from
 * it gives all steps in this order; users then edit, remove and reorder them.
 */
export const ROUTINE_TEMPLATE: readonly RoutineTemplateStep[] = [
  {
    kind: 'MAP_NEEDS',
    title: { nb: 'Kartlegge behov (voksne og barn)', en: 'Map needs (adults and children)' },
    responsibleAgencyKind: null,
    timing: 'ON_ARRIVAL',
    basis: 'Bufdir: kartlegge behov',
  },
  // The threat assessment is the centre's duty (forskrift om fysisk sikkerheit § 4), not the police's.
  {
    kind: 'THREAT_ASSESSMENT_SAFETY_PLAN',
    title: { nb: 'Trusselvurdering og sikkerhetsplan', en: 'Threat assessment and safety plan' },
    responsibleAgencyKind: null,
    timing: 'ON_ARRIVAL',
    basis: 'Forskrift om fysisk sikkerheit i krisesentertilbodet § 4 (senterets plikt); Bufdir',
  },
  {
    kind: 'NAV',
    title: { nb: 'Kontakt med NAV (ytelser, bolighjelp)', en: 'Contact NAV (benefits, housing help)' },
    responsibleAgencyKind: 'NAV',
    timing: 'DURING_STAY',
    basis: 'NORCE 2022: NAV som avgjørende samarbeidspart',
  },
  {
    kind: 'BARNEVERN_MEETING',
    title: { nb: 'Møte med barnevernet', en: 'Meeting with child welfare' },
    responsibleAgencyKind: 'BARNEVERN',
    timing: 'ON_ARRIVAL',
    basis: 'Krisesenterloven § 6; NORCE 2022',
  },
  {
    kind: 'HOUSING',
    title: { nb: 'Finne bolig', en: 'Find housing' },
    responsibleAgencyKind: 'HOUSING_OFFICE',
    timing: 'DURING_STAY',
    basis: 'NORCE 2022: boligsøk',
  },
  {
    kind: 'SCHOOL_KINDERGARTEN_TRANSFER',
    title: { nb: 'Overføring til ny skole eller barnehage', en: 'Transfer to a new school or kindergarten' },
    responsibleAgencyKind: 'SCHOOL',
    timing: 'BEFORE_MOVING_OUT',
    basis: 'NORCE 2022',
  },
  {
    kind: 'ADDRESS_PROTECTION',
    title: { nb: 'Vurdere adressesperre (kode 6/7)', en: 'Consider address protection (code 6/7)' },
    responsibleAgencyKind: 'POLICE',
    timing: 'DURING_STAY',
    basis: 'Folkeregisterloven § 10-4',
  },
  {
    kind: 'LEGAL_AID',
    title: { nb: 'Rettshjelp / bistandsadvokat', en: "Legal aid / victim's lawyer" },
    responsibleAgencyKind: null,
    timing: 'DURING_STAY',
    basis: 'NORCE 2022',
  },
  {
    kind: 'APPOINT_COORDINATOR',
    title: { nb: 'Utnevne koordinator i kommunen', en: 'Appoint a coordinator in the municipality' },
    responsibleAgencyKind: 'VIOLENCE_COORDINATOR',
    timing: 'DURING_STAY',
    basis: 'Krisesenterloven § 4; Bufdir',
  },
  {
    kind: 'INDIVIDUAL_PLAN',
    title: { nb: 'Individuell plan ved langvarige behov', en: 'Individual plan for long-term needs' },
    responsibleAgencyKind: 'VIOLENCE_COORDINATOR',
    timing: 'DURING_STAY',
    basis: 'Krisesenterloven § 4; hol. kap. 7',
  },
  {
    kind: 'RESPONSIBILITY_GROUP',
    title: { nb: 'Ansvarsgruppe', en: 'Responsibility group' },
    responsibleAgencyKind: 'VIOLENCE_COORDINATOR',
    timing: 'BEFORE_MOVING_OUT',
    basis: 'Bufdir',
  },
  {
    kind: 'MEETING_BEFORE_MOVING_OUT',
    title: { nb: 'Møte før utflytting', en: 'Meeting before moving out' },
    responsibleAgencyKind: null,
    timing: 'BEFORE_MOVING_OUT',
    basis: 'Bufdir: avklare ansvar før utflytting',
  },
  {
    kind: 'CONTINUED_TALKS',
    title: { nb: 'Videre samtaler og oppfølging per telefon', en: 'Continued talks and phone follow-up' },
    responsibleAgencyKind: null,
    timing: 'AFTER_STAY',
    basis: 'Bufdir',
  },
  {
    kind: 'GRADUAL_WITHDRAWAL',
    title: { nb: 'Gradvis nedtrapping', en: 'Gradual withdrawal' },
    responsibleAgencyKind: null,
    timing: 'AFTER_STAY',
    basis: 'Bufdir',
  },
  // Steps the sources name that the first template lacked (issue 12). Existing routines keep their
  // steps; these are offered to add (missingTemplateSteps).
  {
    kind: 'FAMILY_COUNSELLING',
    title: { nb: 'Familievernet: foreldretvist, samvær og mekling', en: 'Family counselling: custody and mediation' },
    responsibleAgencyKind: 'FAMILY_COUNSELLING',
    timing: 'DURING_STAY',
    basis: 'Bufdir: overgang fra krisesenter; NORCE 2022 (meklingsattest)',
  },
  {
    kind: 'GP_HEALTH',
    title: { nb: 'Fastlege og helsetjenester', en: 'GP and health services' },
    responsibleAgencyKind: 'GP_EMERGENCY_CLINIC',
    timing: 'DURING_STAY',
    basis: 'Krisesenterlova § 6a (informasjon til helse- og omsorgstjenesten); Bufdir',
  },
  {
    kind: 'INTERPRETER',
    title: { nb: 'Kvalifisert tolk ved behov', en: 'Qualified interpreter where needed' },
    responsibleAgencyKind: 'INTERPRETER_SERVICE',
    timing: 'ON_ARRIVAL',
    basis: 'Krisesenterlova § 3 (kvalifisert tolk)',
  },
  {
    kind: 'POLICE_REPORT_VICTIM_SUPPORT',
    title: {
      nb: 'Anmeldelse og støtte fra Støttesenter for kriminalitetsutsatte',
      en: 'Police report and support from the victim-support office',
    },
    responsibleAgencyKind: 'POLICE',
    timing: 'DURING_STAY',
    basis: 'Bufdir: overgang fra krisesenter',
  },
  {
    kind: 'UPDATE_SAFETY_PLAN',
    title: { nb: 'Oppdatere sikkerhetsplanen før utflytting', en: 'Update the safety plan before moving out' },
    responsibleAgencyKind: null,
    timing: 'BEFORE_MOVING_OUT',
    basis: 'Forskrift om fysisk sikkerheit i krisesentertilbodet § 4; Bufdir',
  },
  {
    kind: 'ADDRESS_CHANGE_CONFIDENTIAL',
    title: { nb: 'Adresseendring med skjerming (fortrolig adresse)', en: 'Address change with confidentiality' },
    responsibleAgencyKind: null,
    timing: 'BEFORE_MOVING_OUT',
    basis: 'Folkeregisterloven § 10-4; Bufdir',
  },
  {
    kind: 'VOLUNTARY_ORGANISATIONS',
    title: {
      nb: 'Frivillige organisasjoner (nettverk og aktiviteter)',
      en: 'Voluntary organisations (network and activities)',
    },
    responsibleAgencyKind: 'VOLUNTARY_ORGANISATION',
    timing: 'AFTER_STAY',
    basis: 'NORCE 2022 (Ressursvenn, Home-Start m.fl.)',
  },
  {
    kind: 'CHILD_COORDINATOR',
    title: { nb: 'Barnekoordinator for barn med store behov', en: "The child's coordinator (barnekoordinator)" },
    responsibleAgencyKind: 'OTHER',
    timing: 'DURING_STAY',
    basis: 'Krisesenterlova § 4 (samarbeid med barnekoordinator); helse- og omsorgstjenesteloven § 7-2 a',
  },
];

/**
 * A routine keeps at least one step: removing its last step is refused (delete the routine instead).
 * No template step is required as such: the template is a starting point that users edit.
 */
export const MIN_ROUTINE_STEPS = 1;
export const mayRemoveRoutineStep = (stepCount: number): boolean => stepCount > MIN_ROUTINE_STEPS;

/** The template steps a routine lacks (by kind), in template order: offered to add, never added by themselves. */
export function missingTemplateSteps(kinds: readonly RoutineStepKind[]): RoutineTemplateStep[] {
  const have = new Set(kinds);
  return ROUTINE_TEMPLATE.filter((t) => !have.has(t.kind));
}
