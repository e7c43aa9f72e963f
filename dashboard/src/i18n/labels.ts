import {
  BASIS_KIND_LABELS,
  CHECKLIST_HEADINGS,
  CONFIDENCE_LABELS,
  COST_MODEL_LABELS,
  ROLE_LABELS,
  type ChecklistKey,
} from '@samordna/domain';

type Lang = 'nb' | 'en';
type Labelled<K extends string> = Record<K, { nb: string; en: string }>;

/** `texts` with each key under `prefix.` */
export function prefixed<P extends string, K extends string>(
  prefix: P,
  texts: Record<K, string>,
): Record<`${P}.${K}`, string> {
  return Object.fromEntries(Object.entries(texts).map(([k, text]) => [`${prefix}.${k}`, text])) as Record<
    `${P}.${K}`,
    string
  >;
}

/** `{ 'role.ADMIN': 'Nasjonal administrator', … }` from a domain label table. */
function keyed<P extends string, K extends string>(prefix: P, table: Labelled<K>, lang: Lang) {
  const texts = Object.fromEntries(
    (Object.entries(table) as [K, { nb: string; en: string }][]).map(([k, label]) => [k, label[lang]]),
  ) as Record<K, string>;
  return prefixed(prefix, texts);
}

const CHECKLIST_LABELS = Object.fromEntries(
  CHECKLIST_HEADINGS.map((h): [ChecklistKey, { nb: string; en: string }] => [h.key, h]),
) as Labelled<ChecklistKey>;

/**
 * The words for the codes the server sends (roles, cost models, checklist headings, a finding's
 * basis, a source's confidence) as UI messages. The lists and their words are written once, in the
 * domain, which the server also uses for its documents and exports; nb.ts and en.ts spread these in.
 */
export const domainLabels = (lang: Lang) => ({
  ...keyed('costModel', COST_MODEL_LABELS, lang),
  ...keyed('role', ROLE_LABELS, lang),
  ...keyed('checklist', CHECKLIST_LABELS, lang),
  ...keyed('basis', BASIS_KIND_LABELS, lang),
  ...keyed('confidence', CONFIDENCE_LABELS, lang),
});
