import {
  BASIS_KINDS,
  CHECKLIST_KEYS,
  CONFIDENCES,
  COST_EXPLANATION_CODES,
  COST_MODEL_EXPLANATION_CODES,
  COST_MODELS,
  LABEL_PARAMS,
  ROLES,
  SERVER_LABELS,
  SERVER_MESSAGES,
  FORM_CHECK_CODES,
  LEGAL_BASIS_CODES,
  LEGAL_BASIS_NB,
  PARAM_FIELDS,
  REMINDER_TEXTS,
  SOURCE_DATING_CODES,
  WEB_TEXT_GAP_CODES,
  WEB_TEXT_GAPS_NB,
} from '@samordna/domain';
import { en } from '../en';
import { nb } from '../nb';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

it('has an English text for every bokmål key, and no English key without a bokmål one', () => {
  const missing = Object.keys(nb).filter((k) => !(k in en) || (en as Record<string, string>)[k].trim() === '');
  const extra = Object.keys(en).filter((k) => !(k in nb));
  expect(missing).toEqual([]);
  expect(extra).toEqual([]);
});

it('uses the same placeholders in both languages', () => {
  const differ = Object.entries(nb).filter(
    ([k, text]) => placeholders(text).join() !== placeholders((en as Record<string, string>)[k] ?? '').join(),
  );
  expect(differ.map(([k]) => k)).toEqual([]);
});

it('words every code the server sends instead of prose (roles, checklist, cost explanations, basis, confidence)', () => {
  const keys = [
    ...ROLES.map((r) => `role.${r}`),
    ...CHECKLIST_KEYS.map((k) => `checklist.${k}`),
    ...COST_MODELS.map((m) => `costModel.${m}`),
    ...COST_EXPLANATION_CODES.map((c) => `costPart.${c}`),
    ...COST_MODEL_EXPLANATION_CODES.map((c) => `costModelExplanation.${c}`),
    ...BASIS_KINDS.map((b) => `basis.${b}`),
    ...CONFIDENCES.flatMap((c) => [`confidence.${c}`, `confidenceMeaning.${c}`]),
    'simNote.SMALL_USAGE_PROTECTED',
    'simNote.HOST_SHARE_NEGATIVE',
  ];
  expect(keys.filter((k) => !(k in nb) || !(k in en))).toEqual([]);
  // Nothing English-looking left untranslated in the bokmål file for these, and no bokmål letters in English.
  expect(keys.filter((k) => /[æøå]/i.test((en as Record<string, string>)[k]))).toEqual([]);
});

it('words every messageKey the server can send, and every label its params can name, in both languages', () => {
  const keys = [
    ...Object.keys(SERVER_MESSAGES).map((k) => `serverError.${k}`),
    ...Object.keys(SERVER_LABELS).map((k) => `serverLabel.${k}`),
  ];
  const texts = (m: Record<string, string>) => keys.filter((k) => !(k in m) || m[k].trim() === '');
  expect(texts(nb)).toEqual([]);
  expect(texts(en)).toEqual([]);
  // The bokmål is the server's own text (one source), and the English has no bokmål left in it («øre» is the unit).
  expect(
    Object.entries(SERVER_MESSAGES).filter(([k, text]) => (nb as Record<string, string>)[`serverError.${k}`] !== text),
  ).toEqual([]);
  const english = en as Record<string, string>;
  expect(keys.filter((k) => /[æøå]/i.test(english[k].replace(/ øre\b/g, '')))).toEqual([]);
  // A message names its fields and records only through label params, which are worded too.
  expect(LABEL_PARAMS).toContain('label');
});

it('words the codes sent instead of web-text gaps, cost gaps, KOSTRA sources, source dates, legal bases and form checks', () => {
  const keys = [
    ...WEB_TEXT_GAP_CODES.map((c) => `webtextGap.${c}`),
    ...['NO_CENTRE', 'NO_AGREEMENT', 'NO_MODEL', 'NO_BUDGET', 'NO_POPULATION', 'HOST_UNKNOWN', 'MODEL_INVALID'].map(
      (c) => `costGap.${c}`,
    ),
    ...['SSB', 'SSB_KOSTRA', 'BUFDIR_SSB_KOSTRA'].map((c) => `kostraSource.${c}`),
    ...SOURCE_DATING_CODES.map((c) => `sourceDating.${c}`),
    ...LEGAL_BASIS_CODES.map((c) => `legalBasis.${c}`),
    ...FORM_CHECK_CODES.map((c) => `formCheck.${c}`),
    ...Object.keys(PARAM_FIELDS).map((f) => `formField.${f}`),
    ...Object.keys(REMINDER_TEXTS.nb).map((k) => `reminder.${k}`),
  ];
  expect(keys.filter((k) => !(k in nb) || !(k in en))).toEqual([]);
  expect(keys.filter((k) => /[æøå]/i.test((en as Record<string, string>)[k]))).toEqual([]);
});

it('says in bokmål what the server says in its deprecated prose (one wording, two places)', () => {
  const text = nb as Record<string, string>;
  expect(LEGAL_BASIS_CODES.filter((c) => text[`legalBasis.${c}`] !== LEGAL_BASIS_NB[c])).toEqual([]);
  expect(WEB_TEXT_GAP_CODES.filter((c) => text[`webtextGap.${c}`] !== WEB_TEXT_GAPS_NB[c])).toEqual([]);
  // The reminder e-mail and the dashboard word reminders alike, in both languages.
  for (const [language, texts] of Object.entries(REMINDER_TEXTS)) {
    const messages = (language === 'nb' ? nb : en) as Record<string, string>;
    expect(Object.entries(texts).filter(([k, v]) => messages[`reminder.${k}`] !== v)).toEqual([]);
  }
});
