import { useEffect, useRef } from 'react';
import { useMutation } from 'urql';
import { useI18n } from '../../i18n/i18n';
import { useSession } from './session';
import { SetMyLanguageMutation } from './auth.graphql';

/**
 * Stores the language shown on the signed-in user (reminder e-mails go out in it): once per user
 * and language, on sign-in and when the language is switched. The server writes only a change.
 */
export function useRememberLanguageOnUser(): void {
  const { locale } = useI18n();
  const { me } = useSession();
  const [, save] = useMutation(SetMyLanguageMutation);
  const sent = useRef<string | null>(null);
  useEffect(() => {
    if (!me) {
      sent.current = null;
      return;
    }
    const key = `${me.id}:${locale}`;
    if (sent.current === key) return;
    sent.current = key;
    // Nothing to show when it fails: the next sign-in or switch sends it again.
    void save({ language: locale === 'en' ? 'EN' : 'NB' });
  }, [me, locale, save]);
}
