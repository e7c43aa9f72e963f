import { formatInteger } from '../lib/format';
import { useI18n } from './i18n';
import type { MessageKey } from './nb';

/** «1 kontaktperson» / «3 kontaktpersoner»: the locale's plural rules (Intl.PluralRules) pick the key. */
export function usePlural() {
  const { t, locale } = useI18n();
  const rules = new Intl.PluralRules(locale === 'nb' ? 'nb-NO' : 'en-GB');
  return (count: number, one: MessageKey, other: MessageKey, values: Record<string, string | number> = {}) =>
    t(rules.select(count) === 'one' ? one : other, { ...values, count: formatInteger(count) });
}
