import { useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Navigate, Link as RouterLink, useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useI18n } from '../../i18n/i18n';
import { fieldErrors, unplacedErrors } from '../../lib/errors';
import { LoginMutation } from './auth.graphql';
import { useSession } from './session';
import { SignInOptionsQuery } from '../users/users.graphql';
import { TotpStep } from './TotpStep';

/** The challenge of a second sign-in step: from the password sign-in's answer, or after the identity provider (#challenge=…). */
function challengeFromHash(): string | null {
  const m = /^#challenge=([\w-]+)$/.exec(window.location.hash);
  return m ? m[1] : null;
}

export default function LoginPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { refresh, me } = useSession();
  const [state, login] = useMutation(LoginMutation);
  const [options] = useQuery({ query: SignInOptionsQuery });
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [challenge, setChallenge] = useState<string | null>(challengeFromHash);
  useEffect(() => {
    if (challenge && window.location.hash) window.history.replaceState(null, '', window.location.pathname);
  }, [challenge]);
  const totpNeeded = state.error?.graphQLErrors.find((e) => e.extensions?.code === 'TOTP_REQUIRED');
  const errors = fieldErrors(state.error);
  const general = totpNeeded ? '' : unplacedErrors(state.error, t('error.network'), ['email', 'password']).join(' ');
  const signIn = options.data?.signInOptions;
  const done = () => {
    refresh();
    navigate('/');
  };

  // Already signed in: the start page, not a second sign-in.
  if (me && !challenge) return <Navigate to="/" replace />;

  if (challenge) {
    return (
      <section aria-labelledby="login-heading" className="login-page">
        <Heading level={1} data-size="lg" id="login-heading">
          {t('auth.heading')}
        </Heading>
        <TotpStep challenge={challenge} onDone={done} />
      </section>
    );
  }

  return (
    <section aria-labelledby="login-heading" className="login-page">
      <Heading level={1} data-size="lg" id="login-heading">
        {t('auth.heading')}
      </Heading>
      <Paragraph>{t('auth.intro')}</Paragraph>
      {params.get('sso') && <Alert data-color="danger">{t('auth.ssoFailed')}</Alert>}
      <form
        noValidate
        className="dialog-form"
        onSubmit={async (e) => {
          e.preventDefault();
          const r = await login({ email, password });
          const next = r.error?.graphQLErrors.find((g) => g.extensions?.code === 'TOTP_REQUIRED')?.extensions
            ?.challenge;
          if (typeof next === 'string') setChallenge(next);
          else if (!r.error) done();
        }}
      >
        {general && <Alert data-color="danger">{general}</Alert>}
        <Textfield
          label={t('auth.email')}
          type="email"
          autoComplete="username"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={errors.email}
        />
        <Textfield
          label={t('auth.password')}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.password}
        />
        <Button type="submit" disabled={state.fetching} aria-busy={state.fetching}>
          {state.fetching ? t('auth.signingIn') : t('auth.submit')}
        </Button>
      </form>
      {signIn?.oidcLoginUrl && signIn.oidcName && (
        <p>
          <a className="ds-button" data-variant="secondary" href={signIn.oidcLoginUrl}>
            {t('auth.sso', { name: signIn.oidcName })}
          </a>
        </p>
      )}
      <Paragraph data-size="sm">
        <RouterLink to="/nytt-passord">{t('auth.forgot')}</RouterLink>
      </Paragraph>
      {signIn?.demoUsers && (
        <Paragraph data-size="sm" className="muted">
          {t('auth.demoUsersLocal')}
        </Paragraph>
      )}
    </section>
  );
}
