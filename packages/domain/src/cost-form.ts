import type { CostModelKind } from './cost-allocation';
import { MODEL_PARAMS, type CostParams } from './cost-scenario';
import type { Ore } from './money';

/**
 * Amounts and percentages typed by people (kroner with a decimal comma, spaces as thousands
 * separators) turned into øre and basis points, or a message in the unit they typed in. The
 * dashboard's forms and the simulator use these; the server gets only whole øre.
 */
export type Parsed<T> = { ok: true; value: T | null } | { ok: false; code: FormCheckCode; error: string };

/** Why a typed value was refused, for clients to word with the field's name; `error` is the bokmål. */
export const FORM_CHECK_CODES = [
  'KRONER_FORMAT',
  'NEGATIVE',
  'KRONER_DECIMALS',
  'TOO_LARGE',
  'PERCENT_FORMAT',
  'PERCENT_DECIMALS',
  'PERCENT_OVER_100',
  'YEARS_RANGE',
  'RATE_OR_SHARE',
] as const;
export type FormCheckCode = (typeof FORM_CHECK_CODES)[number];
const refuse = (code: FormCheckCode, error: string) => ({ ok: false as const, code, error });

const NUMBER = /^-?\d+(?:[.,]\d+)?$/;

function clean(text: string): string {
  return text
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/^kr\.?/i, '')
    .replace(/(kr|%)$/i, '');
}

/** "1 234,50" → 123 450 øre. Empty → null. Refuses letters, negatives and more than two decimals. */
export function parseKroner(text: string, label: string): Parsed<Ore> {
  const t = clean(text);
  if (t === '') return { ok: true, value: null };
  if (!NUMBER.test(t))
    return refuse('KRONER_FORMAT', `${label} må være et beløp i kroner, for eksempel 120 eller 120,50.`);
  const [whole, frac = ''] = t.replace('-', '').split(/[.,]/);
  if (t.startsWith('-')) return refuse('NEGATIVE', `${label} kan ikke være negativ.`);
  if (frac.length > 2) return refuse('KRONER_DECIMALS', `${label} kan ha høyst to desimaler (kr 0,01).`);
  const ore = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  if (!Number.isSafeInteger(ore)) return refuse('TOO_LARGE', `${label} er for stor.`);
  return { ok: true, value: ore };
}

/** "12,5" → 1 250 basis points (0–100 %). Empty → null. */
export function parsePercent(text: string, label: string): Parsed<number> {
  const t = clean(text);
  if (t === '') return { ok: true, value: null };
  if (!NUMBER.test(t)) return refuse('PERCENT_FORMAT', `${label} må være en prosent, for eksempel 40 eller 12,5.`);
  if (t.startsWith('-')) return refuse('NEGATIVE', `${label} kan ikke være negativ.`);
  const [whole, frac = ''] = t.split(/[.,]/);
  if (frac.length > 2) return refuse('PERCENT_DECIMALS', `${label} kan ha høyst to desimaler.`);
  const bp = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  if (bp > 10_000) return refuse('PERCENT_OVER_100', `${label} kan ikke være over 100 %.`);
  return { ok: true, value: bp };
}

/** Whole years ≥ 1. */
export function parseYears(text: string, label: string): Parsed<number> {
  const t = text.trim();
  if (t === '') return { ok: true, value: null };
  if (!/^\d+$/.test(t) || Number(t) < 1 || Number(t) > 100)
    return refuse('YEARS_RANGE', `${label} må være et helt antall år fra 1 til 100.`);
  return { ok: true, value: Number(t) };
}

/** The simulator's parameter fields, each in the unit people type. */
export const PARAM_FIELDS = {
  rateOre: { label: 'Prisen per innbygger', unit: 'kr' },
  hostRateOre: { label: 'Vertskommunens pris per innbygger', unit: 'kr' },
  hostShareBp: { label: 'Vertskommunens andel', unit: '%' },
  baseOre: { label: 'Grunnbeløpet', unit: 'kr' },
  usageWeightBp: { label: 'Vekten for bruk', unit: '%' },
} as const;
export type ParamField = keyof typeof PARAM_FIELDS;

/** The fields of a model the simulator can set (lists of shares and lump sums are not typed there). */
export function paramFieldsOf(kind: CostModelKind): ParamField[] {
  return MODEL_PARAMS[kind].filter((k): k is ParamField => k in PARAM_FIELDS);
}

/**
 * Reads the typed parameters of a model: the values in øre/basis points, or a message per field.
 * Fields of other models are ignored (the form shows only this model's). A host rate and a host share
 * together are refused at the share.
 */
export function readModelParams(
  kind: CostModelKind,
  typed: Partial<Record<ParamField, string>>,
): {
  params: CostParams;
  errors: Partial<Record<ParamField, string>>;
  /** The same refusals as codes, for clients to word. */
  codes: Partial<Record<ParamField, FormCheckCode>>;
  any: boolean;
} {
  const params: CostParams = {};
  const errors: Partial<Record<ParamField, string>> = {};
  const codes: Partial<Record<ParamField, FormCheckCode>> = {};
  let any = false;
  for (const field of paramFieldsOf(kind)) {
    const { label, unit } = PARAM_FIELDS[field];
    const r = unit === 'kr' ? parseKroner(typed[field] ?? '', label) : parsePercent(typed[field] ?? '', label);
    if (!r.ok) {
      errors[field] = r.error;
      codes[field] = r.code;
    } else if (r.value !== null) {
      (params as Record<string, number>)[field] = r.value;
      any = true;
    }
  }
  if (kind === 'HOST_EXCEPTION' && params.hostRateOre != null && params.hostShareBp != null) {
    errors.hostShareBp = 'Oppgi enten vertskommunens pris per innbygger eller dens andel, ikke begge.';
    codes.hostShareBp = 'RATE_OR_SHARE';
  }
  return { params, errors, codes, any };
}
