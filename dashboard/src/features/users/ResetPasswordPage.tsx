import { useState } from 'react';
import { useMutation } from 'urql';
import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useI18n } from '../../i18n/i18n';
import { NewPasswordField } from '../auth/CredentialFields';
import { errorMessage, fieldErrors } from '../../lib/errors';
import { RequestResetMutation, ResetPasswordMutation } from './users.graphql';

/** /nytt-passord asks for a link; /nytt-passord#<token> sets the new password. */
export default function ResetPasswordPage() {
  const { t } = useI18n();
  const [token] = useState(() => window.location.hash.replace(/^#/, ''));
  const [request, send] = useMutation(RequestResetMutation);
  const [reset, save] = useMutation(ResetPasswordMutation);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const errors = fieldErrors(reset.error);
  return (
    <section aria-labelledby="reset-heading" className="login-page">
      <Heading level={1} data-size="lg" id="reset-heading">
        {t('reset.heading')}
      </Heading>
      {token ? (
        reset.data?.resetPassword ? (
          <Alert data-color="success">{t('reset.done')}</Alert>
        ) : (
          <form
            noValidate
            className="dialog-form"
            onSubmit={(e) => {
              e.preventDefault();
              void save({ token, password });
            }}
          >
            {reset.error && !Object.keys(errors).length && (
              <Alert data-color="danger">{errorMessage(reset.error, t('error.network'))}</Alert>
            )}
            <NewPasswordField
              label={t('reset.newPassword')}
              value={password}
              onChange={setPassword}
              error={errors.password ?? errors.token}
            />
            <Button type="submit" disabled={reset.fetching}>
              {t('reset.save')}
            </Button>
          </form>
        )
      ) : request.data?.requestPasswordReset ? (
        <Alert data-color="info">{t('reset.sent')}</Alert>
      ) : (
        <form
          noValidate
          className="dialog-form"
          onSubmit={(e) => {
            e.preventDefault();
            void send({ email });
          }}
        >
          <Paragraph>{t('reset.requestIntro')}</Paragraph>
          {request.error && <Alert data-color="danger">{errorMessage(request.error, t('error.network'))}</Alert>}
          <Textfield
            label={t('auth.email')}
            type="email"
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <Button type="submit" disabled={request.fetching}>
            {t('reset.send')}
          </Button>
        </form>
      )}
    </section>
  );
}
