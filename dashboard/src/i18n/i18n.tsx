import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { nb, type MessageKey } from './nb';
import { LABEL_PARAMS } from '@samordna/domain';
import { setErrorWording, setMessageKeyWording } from '../lib/errors';

export type Locale = 'nb' | 'en';
/** Bokmål is in the first chunk; English is its own chunk, fetched when it is chosen (or was last time). */
const MESSAGES: Partial<Record<Locale, Record<MessageKey, string>>> = { nb };

/** Fetches a language's messages once; main.tsx awaits the remembered one before the first render. */
export async function loadMessages(locale: Locale): Promise<void> {
  if (MESSAGES[locale]) return;
  if (locale === 'en') MESSAGES.en = (await import('./en')).en;
}

interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  t(key: MessageKey, values?: Record<string, string | number>): string;
}

const I18nContext = createContext<I18n | null>(null);

const STORAGE_KEY = 'samordna.locale';

/** The language chosen last time in this browser (local storage), else bokmål. */
export function rememberedLocale(): Locale {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === 'en' ? 'en' : 'nb';
  } catch {
    return 'nb';
  }
}

export function I18nProvider({ children, initialLocale }: { children: ReactNode; initialLocale?: Locale }) {
  const [wanted, setWanted] = useState<Locale>(() => initialLocale ?? rememberedLocale());
  // The language shown: the wanted one once its messages are here (bokmål until then).
  const [locale, setLocaleState] = useState<Locale>(() => (MESSAGES[wanted] ? wanted : 'nb'));
  const setLocale = useCallback((next: Locale) => {
    setWanted(next);
    // Already fetched (bokmål always is): shown at once, not a tick later.
    if (MESSAGES[next]) setLocaleState(next);
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode without storage: the choice lasts until the page is closed.
    }
  }, []);
  useEffect(() => {
    let current = true;
    // A language whose chunk cannot be fetched (the server is away) leaves the page as it is.
    if (MESSAGES[wanted]) return;
    loadMessages(wanted).then(
      () => current && setLocaleState(wanted),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [wanted]);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const t = useCallback(
    (key: MessageKey, values?: Record<string, string | number>) =>
      (MESSAGES[locale] ?? nb)[key].replace(/\{(\w+)\}/g, (_, name: string) => String(values?.[name] ?? `{${name}}`)),
    [locale],
  );
  // Errors whose code says it all are worded here in English; in bokmål the server's own message
  // (often more specific, e.g. how many minutes to wait) stays.
  useMemo(() => setErrorWording((code) => (locale === 'en' ? t(`error.code.${code}`) : null)), [locale, t]);
  // Errors about input and records by their messageKey, in either language (see serverErrorText).
  useMemo(() => setMessageKeyWording((key, params) => serverErrorText(t, key, params)), [t]);
  const value = useMemo(() => ({ locale, setLocale, t }), [locale, setLocale, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

const known = (key: string): key is MessageKey => key in nb;

/**
 * A server error by its messageKey (`serverError.<key>`), its params filled in; params that name a
 * field or record (LABEL_PARAMS, keys of `serverLabel.`, several joined by «,») are worded too.
 * Null for a key this dashboard does not know (the server's message is shown instead).
 */
export function serverErrorText(t: I18n['t'], key: string, params: Record<string, unknown>): string | null {
  const full = `serverError.${key}`;
  if (!known(full)) return null;
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    if ((LABEL_PARAMS as readonly string[]).includes(name))
      values[name] = String(value)
        .split(',')
        .map((k) => (known(`serverLabel.${k}`) ? t(`serverLabel.${k}` as MessageKey) : k))
        .join(', ');
    else values[name] = typeof value === 'number' ? value : String(value);
  }
  return t(full, values);
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
