import {
  reminderDetailKey,
  reminderValues,
  type BasisKind,
  type ChecklistKey,
  type Confidence,
  type CostModelKind,
  type FormCheckCode,
  type LegalBasisCode,
  type ReminderKind,
  type ReminderParams,
  type Role,
  type SourceDatingCode,
  type WebTextGapCode,
} from '@samordna/domain';
import { formatInteger, formatOre } from '../lib/format';
import { useI18n } from './i18n';
import type { MessageKey } from './nb';

/**
 * The server sends codes with numbers, never prose (roles, checklist headings, cost explanations,
 * a finding's basis, a source's confidence): this words them in the UI language, from nb.ts/en.ts.
 */
export interface CostPart {
  code: string;
  population?: number | null;
  amountOre?: number | null;
  shareBp?: number | null;
}

/** A year whose costs could not be computed, as the server sends it. */
export interface CostGapCoded {
  year: number;
  code: string;
  centreName?: string | null;
  agreementTitle?: string | null;
  kommunenummer?: string | null;
  field?: string | null;
}

const percent = (bp: number) => (bp / 100).toLocaleString('nb-NO');

export function useCodeText() {
  const { t, locale } = useI18n();
  const key = (prefix: string, code: string) => `${prefix}.${code}` as MessageKey;
  const numbers = (p: CostPart) => ({
    population: formatInteger(p.population ?? 0),
    amount: formatOre(p.amountOre ?? 0),
    /** A rate per inhabitant, to the øre. */
    rate: formatOre(p.amountOre ?? 0, true),
    share: percent(p.shareBp ?? 0),
    rest: percent(10_000 - (p.shareBp ?? 0)),
  });
  const confidence = (c: Confidence) => t(key('confidence', c));
  return {
    role: (r: Role) => t(key('role', r)),
    checklist: (k: ChecklistKey) => t(key('checklist', k)),
    basis: (k: BasisKind) => t(key('basis', k)),
    model: (m: CostModelKind) => t(key('costModel', m)),
    confidence,
    confidenceMeaning: (c: Confidence) => t(key('confidenceMeaning', c)),
    /** «Middels sikkerhet; kilden er fra 2012» from the confidence, the source year and whether it is old. */
    evidence: (p: { confidence: Confidence; sourceYear?: number | null; old: boolean }) => {
      const level = confidence(p.confidence);
      if (p.sourceYear === null || p.sourceYear === undefined) return t('evidence.undated', { level });
      return p.old ? t('evidence.old', { level, year: p.sourceYear }) : t('evidence.level', { level });
    },
    /** A party's amount: its parts joined by « + ». */
    costParts: (parts: readonly CostPart[]) => parts.map((p) => t(key('costPart', p.code), numbers(p))).join(' + '),
    costModelExplanation: (e: CostPart) => t(key('costModelExplanation', e.code), numbers(e)),
    simulationNote: (code: string) => t(key('simNote', code)),
    webTextGap: (code: WebTextGapCode) => t(key('webtextGap', code)),
    costGap: (g: CostGapCoded) =>
      t(key('costGap', g.code), {
        year: g.year,
        centre: g.centreName ?? '',
        agreement: g.agreementTitle ?? '',
        kommunenummer: g.kommunenummer ?? '',
        field: g.field ?? '',
      }),
    legalBasis: (code: LegalBasisCode) => t(key('legalBasis', code)),
    kostraSource: (kind: string) => t(key('kostraSource', kind)),
    /**
     * A source's date: in bokmål as recorded (it may say more, «udatert (viser til kommuneloven 1992;
     * altså før 2020)»), in English worded from its code («undated (before 2020)»).
     */
    sourceDate: (p: {
      sourceDate: string;
      sourceDating: { code: SourceDatingCode; date?: string | null; year?: number | null };
    }) =>
      locale === 'nb'
        ? p.sourceDate
        : t(key('sourceDating', p.sourceDating.code), {
            date: p.sourceDating.date ?? '',
            year: p.sourceDating.year ?? '',
          }),
    /** A reminder's title and detail from its kind and parameters (the same wording as the e-mail). */
    reminder: (r: { kind: ReminderKind; dueOn: string; params: ReminderParams }) => {
      const values = reminderValues(r);
      return {
        title: t(key('reminder', `title.${r.kind}`), values),
        detail: t(key('reminder', reminderDetailKey(r.kind, r.params.count)), values),
      };
    },
    /** A refused typed value, named by its field («The amount cannot be negative.»). */
    formCheck: (code: FormCheckCode, field: string) => t(key('formCheck', code), { label: t(key('formField', field)) }),
    /** The simulator's and cost terms' refused fields, each worded with its name. */
    paramErrors: (c: Partial<Record<string, FormCheckCode>>) =>
      Object.fromEntries(
        Object.entries(c).map(([field, code]) => [
          field,
          t(key('formCheck', code!), { label: t(key('formField', field)) }),
        ]),
      ),
    /** «Oppgi beløpet i kroner.» for an empty required amount. */
    required: (field: string) => {
      const label = t(key('formField', field));
      return t('formCheck.REQUIRED_KRONER', { label: label.charAt(0).toLocaleLowerCase() + label.slice(1) });
    },
  };
}
