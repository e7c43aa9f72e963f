import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useI18n } from '../../i18n/i18n';
import { TotpCodeField } from './CredentialFields';
import { errorMessage } from '../../lib/errors';
import { CompleteLoginMutation, LoginChallengeQuery } from '../users/users.graphql';

/** Shows an authenticator secret to add (key and otpauth link). */
export function TotpSecret({ secret, uri }: { secret: string; uri: string }) {
  const { t } = useI18n();
  return (
    <div className="totp-secret">
      <Paragraph>{t('auth.totpSetupIntro')}</Paragraph>
      <Paragraph>
        {t('auth.totpSecret')}: <code data-testid="totp-secret">{secret.replace(/(.{4})/g, '$1 ').trim()}</code>
      </Paragraph>
      <Paragraph data-size="sm">
        <a href={uri}>{t('auth.totpLink')}</a>
      </Paragraph>
    </div>
  );
}

/** The second sign-in step: a code from the authenticator app (set up first when the user has none). */
export function TotpStep({ challenge, onDone }: { challenge: string; onDone(): void }) {
  const { t } = useI18n();
  const [info] = useQuery({ query: LoginChallengeQuery, variables: { challenge } });
  const [state, complete] = useMutation(CompleteLoginMutation);
  const [code, setCode] = useState('');
  const setup = info.data?.loginChallenge.setup;
  return (
    <div>
      <Heading level={2} data-size="sm">
        {t('auth.totpHeading')}
      </Heading>
      {info.error && <Alert data-color="danger">{errorMessage(info.error, t('error.network'))}</Alert>}
      {setup ? <TotpSecret secret={setup.secret} uri={setup.uri} /> : <Paragraph>{t('auth.totpIntro')}</Paragraph>}
      <form
        noValidate
        className="dialog-form"
        onSubmit={async (e) => {
          e.preventDefault();
          const r = await complete({ challenge, code });
          if (!r.error) onDone();
        }}
      >
        {state.error && <Alert data-color="danger">{errorMessage(state.error, t('error.network'))}</Alert>}
        <TotpCodeField value={code} onChange={setCode} />
        <Button type="submit" disabled={state.fetching}>
          {t('auth.totpSubmit')}
        </Button>
      </form>
    </div>
  );
}
