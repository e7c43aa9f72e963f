import { useState } from 'react';
import { useMutation } from 'urql';
import { useNavigate } from 'react-router';
import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useI18n } from '../../i18n/i18n';
import { fieldErrors, unplacedErrors } from '../../lib/errors';
import { LoginMutation } from './auth.graphql';
import { useSession } from './session';

export default function LoginPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { refresh } = useSession();
  const [state, login] = useMutation(LoginMutation);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const errors = fieldErrors(state.error);
  const general = unplacedErrors(state.error, t('error.network'), ['email', 'password']).join(' ');

  return (
    <section aria-labelledby="login-heading" className="login-page">
      <Heading level={1} data-size="lg" id="login-heading">
        {t('auth.heading')}
      </Heading>
      <Paragraph>{t('auth.intro')}</Paragraph>
      <form
        noValidate
        className="dialog-form"
        onSubmit={async (e) => {
          e.preventDefault();
          const r = await login({ email, password });
          if (!r.error) {
            refresh();
            navigate('/');
          }
        }}
      >
        {general && <Alert data-color="danger">{general}</Alert>}
        <Textfield label={t('auth.email')} type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} error={errors.email} />
        <Textfield label={t('auth.password')} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} error={errors.password} />
        <Button type="submit" disabled={state.fetching} aria-busy={state.fetching}>
          {state.fetching ? t('auth.signingIn') : t('auth.submit')}
        </Button>
      </form>
      <Paragraph data-size="sm" className="muted">
        {t('auth.demoUsers')}
      </Paragraph>
    </section>
  );
}
