import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useNavigate } from 'react-router';
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useI18n } from '../../i18n/i18n';
import { NewPasswordField, TotpCodeField } from '../auth/CredentialFields';
import { useCodeText } from '../../i18n/codes';
import { errorMessage, fieldErrors } from '../../lib/errors';
import { formatOsloDate } from '../../lib/format';
import { Loading } from '../../components/States';
import { useSession } from '../auth/session';
import { TotpSecret } from '../auth/TotpStep';
import { AcceptInvitationMutation, InvitationQuery } from './users.graphql';

/** /invitasjon#<token>: the token stays in the fragment, so it never reaches a server log. */
export default function InvitationPage() {
  const { t, locale } = useI18n();
  const codes = useCodeText();
  const navigate = useNavigate();
  const { refresh } = useSession();
  const [token] = useState(() => window.location.hash.replace(/^#/, ''));
  const [result] = useQuery({ query: InvitationQuery, variables: { token }, pause: !token });
  const [state, accept] = useMutation(AcceptInvitationMutation);
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const errors = fieldErrors(state.error);
  const inv = result.data?.invitation;
  const sso = result.data?.signInOptions;

  if (!token || result.error) {
    return (
      <section className="login-page">
        <Heading level={1} data-size="lg">
          {t('invite.heading')}
        </Heading>
        <Alert data-color="danger">{t('invite.invalid')}</Alert>
      </section>
    );
  }
  if (!inv) return <Loading />;
  return (
    <section aria-labelledby="invite-heading" className="login-page">
      <Heading level={1} data-size="lg" id="invite-heading">
        {t('invite.heading')}
      </Heading>
      <Paragraph>
        {t('invite.intro', {
          name: inv.name,
          role: locale === 'nb' ? codes.role(inv.grant.role).toLowerCase() : codes.role(inv.grant.role),
          email: inv.email,
          expires: formatOsloDate(inv.expiresAt),
        })}
      </Paragraph>
      <form
        noValidate
        className="dialog-form"
        onSubmit={async (e) => {
          e.preventDefault();
          const r = await accept({
            token,
            password,
            totpSecret: inv.totpSetup?.secret ?? null,
            totpCode: inv.totpSetup ? code : null,
          });
          if (!r.error) {
            refresh();
            navigate('/');
          }
        }}
      >
        {state.error && !Object.keys(errors).length && (
          <Alert data-color="danger">{errorMessage(state.error, t('error.network'))}</Alert>
        )}
        <input type="email" autoComplete="username" value={inv.email} readOnly hidden />
        <NewPasswordField
          label={t('invite.choosePassword')}
          value={password}
          onChange={setPassword}
          error={errors.password ?? errors.token}
        />
        {inv.totpSetup && (
          <>
            <TotpSecret secret={inv.totpSetup.secret} uri={inv.totpSetup.uri} />
            <TotpCodeField value={code} onChange={setCode} error={errors.totpCode ?? errors.totpSecret} />
          </>
        )}
        <Button type="submit" disabled={state.fetching}>
          {t('invite.accept')}
        </Button>
      </form>
      {sso?.oidcLoginUrl && sso.oidcName && !inv.totpSetup && (
        <p>
          <a
            className="ds-button"
            data-variant="secondary"
            href={`${sso.oidcLoginUrl}?invitation=${encodeURIComponent(token)}`}
          >
            {t('auth.sso', { name: sso.oidcName })}
          </a>
        </p>
      )}
    </section>
  );
}
