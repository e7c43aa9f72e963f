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
