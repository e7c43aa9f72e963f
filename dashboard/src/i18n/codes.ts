import type { BasisKind, ChecklistKey, Confidence, CostModelKind, Role } from '@samordna/domain';
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

const percent = (bp: number) => (bp / 100).toLocaleString('nb-NO');

export function useCodeText() {
  const { t } = useI18n();
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
  };
}
