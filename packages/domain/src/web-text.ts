import { SERVICE_ELEMENT_LABELS, type Capability, type ServiceElement } from './catalog';
import { formatDate } from './format';

/**
 * «Krisesentertilbudet i X kommune»: the text a municipality publishes on its web site about its
 * crisis-centre offer, from the agreement data, in bokmål or nynorsk (by the municipality's
 * målform), as plain text and HTML with «sist oppdatert». What the data lacks is listed in
 * `gaps` for the editor, never printed as a gap to the public.
 */
export type WebTextLanguage = 'NB' | 'NN';

export interface WebTextData {
  municipality: string;
  /** The municipality's målform from the register (Bokmål, Nynorsk, Nøytral); null when unknown. */
  languageForm: string | null;
  centre: null | {
    name: string;
    hostName: string;
    /** The municipality itself hosts the centre. */
    isHost: boolean;
    /** Members today, the host included. */
    memberCount: number;
    services: ServiceElement[] | null;
    capabilities: Capability[] | null;
  };
  contactPoint: null | { agency: string; title: string | null };
  /** The latest change of the records the text is made from (ISO date). */
  updatedOn: string;
}

export interface WebText {
  language: WebTextLanguage;
  title: string;
  text: string;
  html: string;
  updatedOn: string;
  /** What the data lacks, as codes (clients word them); `gaps` is the same in bokmål. */
  gapCodes: WebTextGapCode[];
  gaps: string[];
}

/** What the data lacks for the web text, for the editor (never part of the text). */
export const WEB_TEXT_GAP_CODES = [
  'NOT_A_MEMBER',
  'SERVICES_NOT_REGISTERED',
  'PHONE_SERVICE_NOT_REGISTERED',
  'CENTRE_PHONE_NOT_HELD',
  'NO_CONTACT_POINT',
] as const;
export type WebTextGapCode = (typeof WEB_TEXT_GAP_CODES)[number];
/** The gaps in bokmål, for clients that read the deprecated prose. */
export const WEB_TEXT_GAPS_NB: Record<WebTextGapCode, string> = {
  NOT_A_MEMBER: 'Kommunen er ikke registrert som medlem av et krisesenter i dag.',
  SERVICES_NOT_REGISTERED: 'Hvilke av de fire elementene i krisesenterloven § 2 senteret gir, er ikke registrert.',
  PHONE_SERVICE_NOT_REGISTERED: 'Telefontilbudet er ikke registrert for senteret.',
  CENTRE_PHONE_NOT_HELD: 'Senterets telefonnummer finnes ikke i Samordna: legg det inn i teksten før den publiseres.',
  NO_CONTACT_POINT: 'Kommunen har ikke registrert et kontaktpunkt for krisesenteret.',
};

/** Nynorsk where the municipality writes nynorsk; bokmål otherwise (also for «nøytral»). */
export function webTextLanguageFor(languageForm: string | null): WebTextLanguage {
  return languageForm?.trim().toLowerCase() === 'nynorsk' ? 'NN' : 'NB';
}

const SERVICES_NN: Record<ServiceElement, string> = {
  SHELTER: 'Butilbod (døgnope)',
  DAY_SERVICE: 'Dagtilbod',
  PHONE_SERVICE: 'Telefontilbod (døgnope)',
  FOLLOW_UP: 'Oppfølging i reetableringsfasen',
};
/** Who the centre is adapted for, as the end of «Senteret er tilrettelagt for …». */
const CAPABILITIES_NB: Record<Capability, string> = {
  MEN_SEPARATE: 'menn (eget tilbud)',
  CHILDREN: 'barn',
  DISABILITY_ACCESS: 'personer med funksjonsnedsettelser (universell utforming)',
  SUBSTANCE_USE: 'personer med rusavhengighet',
  SAMI_LANGUAGE: 'samisktalende',
  INTERPRETER: 'bruk av tolk',
};
const CAPABILITIES_NN: Record<Capability, string> = {
  MEN_SEPARATE: 'menn (eige tilbod)',
  CHILDREN: 'born',
  DISABILITY_ACCESS: 'personar med funksjonsnedsetjingar (universell utforming)',
  SUBSTANCE_USE: 'personar med rusavhengnad',
  SAMI_LANGUAGE: 'samisktalande',
  INTERPRETER: 'bruk av tolk',
};

const T = {
  NB: {
    title: (x: string) => `Krisesentertilbudet i ${x} kommune`,
    runBy: (c: NonNullable<WebTextData['centre']>, x: string) =>
      c.isHost
        ? c.memberCount > 1
          ? `${x} kommune driver ${c.name} på vegne av ${c.memberCount} kommuner.`
          : `${x} kommune driver ${c.name} for sine egne innbyggere.`
        : `${x} kommune gir sitt krisesentertilbud gjennom ${c.name}, som drives av ${c.hostName} kommune på vegne av ${c.memberCount} kommuner.`,
    whoFor:
      'Tilbudet er for kvinner, menn og barn som er utsatt for vold eller trusler om vold i nære relasjoner. Du kan ta kontakt direkte, uten henvisning eller timeavtale.',
    offerHeading: 'Hva tilbudet gir',
    service: (s: ServiceElement) => SERVICE_ELEMENT_LABELS[s].nb,
    adapted: (list: string) => `Senteret er tilrettelagt for ${list}.`,
    capability: (c: Capability) => CAPABILITIES_NB[c],
    phoneHeading: 'Telefon hele døgnet',
    phone: (centre: string) => `${centre} har telefon som er åpen hele døgnet.`,
    nowHeading: 'Trenger du hjelp nå?',
    now: [
      'Er du i akutt fare, ring politiet på 112.',
      'Du kan også ringe Vold- og overgrepslinjen på 116 006. Den er gratis og åpen hele døgnet.',
    ],
    contactHeading: 'Kontakt i kommunen',
    contact: (cp: NonNullable<WebTextData['contactPoint']>) =>
      `Kommunens kontaktpunkt for krisesenteret er ${cp.agency}${cp.title ? ` (${cp.title})` : ''}.`,
    none: (x: string) => `${x} kommune er ikke registrert med et krisesentertilbud i Samordna ennå.`,
    updated: (d: string) => `Sist oppdatert ${d}.`,
    and: 'og',
  },
  NN: {
    title: (x: string) => `Krisesentertilbodet i ${x} kommune`,
    runBy: (c: NonNullable<WebTextData['centre']>, x: string) =>
      c.isHost
        ? c.memberCount > 1
          ? `${x} kommune driv ${c.name} på vegner av ${c.memberCount} kommunar.`
          : `${x} kommune driv ${c.name} for sine eigne innbyggjarar.`
        : `${x} kommune gir krisesentertilbodet sitt gjennom ${c.name}, som ${c.hostName} kommune driv på vegner av ${c.memberCount} kommunar.`,
    whoFor:
      'Tilbodet er for kvinner, menn og born som er utsette for vald eller truslar om vald i nære relasjonar. Du kan ta kontakt direkte, utan tilvising eller timeavtale.',
    offerHeading: 'Kva tilbodet gir',
    service: (s: ServiceElement) => SERVICES_NN[s],
    adapted: (list: string) => `Senteret er lagt til rette for ${list}.`,
    capability: (c: Capability) => CAPABILITIES_NN[c],
    phoneHeading: 'Telefon heile døgnet',
    phone: (centre: string) => `${centre} har telefon som er open heile døgnet.`,
    nowHeading: 'Treng du hjelp no?',
    now: [
      'Er du i akutt fare, ring politiet på 112.',
      'Du kan også ringje Vald- og overgrepslinja på 116 006. Ho er gratis og open heile døgnet.',
    ],
    contactHeading: 'Kontakt i kommunen',
    contact: (cp: NonNullable<WebTextData['contactPoint']>) =>
      `Kontaktpunktet i kommunen for krisesenteret er ${cp.agency}${cp.title ? ` (${cp.title})` : ''}.`,
    none: (x: string) => `${x} kommune er ikkje registrert med eit krisesentertilbod i Samordna enno.`,
    updated: (d: string) => `Sist oppdatert ${d}.`,
    and: 'og',
  },
} as const;

type Part = { heading: string } | { p: string } | { list: string[] };

const joinList = (items: string[], and: string) =>
  items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`;

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function municipalityWebText(
  d: WebTextData,
  language: WebTextLanguage = webTextLanguageFor(d.languageForm),
): WebText {
  const t = T[language];
  const gaps: WebTextGapCode[] = [];
  const parts: Part[] = [];
  const c = d.centre;
  if (!c) {
    parts.push({ p: t.none(d.municipality) });
    gaps.push('NOT_A_MEMBER');
  } else {
    parts.push({ p: t.runBy(c, d.municipality) }, { p: t.whoFor });
    const services = c.services ?? [];
    if (services.length) parts.push({ heading: t.offerHeading }, { list: services.map(t.service) });
    else gaps.push('SERVICES_NOT_REGISTERED');
    if (c.capabilities?.length) parts.push({ p: t.adapted(joinList(c.capabilities.map(t.capability), t.and)) });
    if (services.includes('PHONE_SERVICE')) parts.push({ heading: t.phoneHeading }, { p: t.phone(c.name) });
    else gaps.push('PHONE_SERVICE_NOT_REGISTERED');
    gaps.push('CENTRE_PHONE_NOT_HELD');
  }
  parts.push({ heading: t.nowHeading }, ...t.now.map((p) => ({ p })));
  if (d.contactPoint) parts.push({ heading: t.contactHeading }, { p: t.contact(d.contactPoint) });
  else gaps.push('NO_CONTACT_POINT');
  const updated = t.updated(formatDate(d.updatedOn));
  const title = t.title(d.municipality);

  const text = [
    title,
    '',
    ...parts.flatMap((x) => ('heading' in x ? ['', x.heading] : 'p' in x ? [x.p] : x.list.map((i) => `– ${i}`))),
    '',
    updated,
  ].join('\n');
  const html = [
    `<h2>${escapeHtml(title)}</h2>`,
    ...parts.map((x) =>
      'heading' in x
        ? `<h3>${escapeHtml(x.heading)}</h3>`
        : 'p' in x
          ? `<p>${escapeHtml(x.p)}</p>`
          : `<ul>${x.list.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`,
    ),
    `<p><small>${escapeHtml(updated)}</small></p>`,
  ].join('\n');
  return {
    language,
    title,
    text,
    html,
    updatedOn: d.updatedOn,
    gapCodes: gaps,
    gaps: gaps.map((g) => WEB_TEXT_GAPS_NB[g]),
  };
}
