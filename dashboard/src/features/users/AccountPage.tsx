import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useNavigate } from 'react-router';
import { Alert, Button, Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useI18n } from '../../i18n/i18n';
import { NewPasswordField, TotpCodeField } from '../auth/CredentialFields';
import { useCodeText } from '../../i18n/codes';
import { errorMessage, fieldErrors } from '../../lib/errors';
import { formatOsloDate } from '../../lib/format';
import { Loading, QueryError } from '../../components/States';
import { useSession } from '../auth/session';
import { TotpSecret } from '../auth/TotpStep';
import {
  ChangePasswordMutation,
  ConfirmTotpMutation,
  MyAccountQuery,
  RevokeSessionMutation,
  SignOutEverywhereMutation,
  StartTotpMutation,
} from './users.graphql';

/** The signed-in user's own page: roles, sessions (device, last use), sign out everywhere, password, authenticator. */
export default function AccountPage() {
  const { t } = useI18n();
  const codes = useCodeText();
  const navigate = useNavigate();
  const { me, refresh } = useSession();
  const [result, refetch] = useQuery({ query: MyAccountQuery, pause: !me, requestPolicy: 'network-only' });
  const [everywhere, signOutEverywhere] = useMutation(SignOutEverywhereMutation);
  const [, revokeSession] = useMutation(RevokeSessionMutation);
  const [pw, changePassword] = useMutation(ChangePasswordMutation);
  const [setup, startTotp] = useMutation(StartTotpMutation);
  const [confirm, confirmTotp] = useMutation(ConfirmTotpMutation);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [code, setCode] = useState('');
  const reload = () => refetch({ requestPolicy: 'network-only' });

  if (!me) return <Paragraph>{t('auth.needLogin')}</Paragraph>;
  if (result.error) return <QueryError error={result.error} onRetry={reload} />;
  const a = result.data?.myAccount;
  if (!a) return <Loading />;
  const pwErrors = fieldErrors(pw.error);
  return (
    <section aria-labelledby="account-heading">
      <Heading level={1} data-size="lg" id="account-heading">
        {t('account.heading')}
      </Heading>
      <Paragraph>
        <strong>{a.name}</strong> &lt;{a.email}&gt;
      </Paragraph>
      <Paragraph>
        {t('account.roles')}: {a.grants.map((g) => codes.role(g.role)).join(', ')}
      </Paragraph>

      <Heading level={2} data-size="sm">
        {t('account.sessions')}
      </Heading>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t('account.sessions')}>
        <Table zebra border data-size="sm" data-testid="sessions-table">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('account.device')}</Table.HeaderCell>
              <Table.HeaderCell>{t('account.started')}</Table.HeaderCell>
              <Table.HeaderCell>{t('account.lastSeen')}</Table.HeaderCell>
              <Table.HeaderCell>{t('users.col.actions')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {a.sessions.map((s) => (
              <Table.Row key={s.id}>
                <Table.Cell>
                  {s.current && <strong>{t('account.thisDevice')}: </strong>}
                  <span className="muted">{s.userAgent ?? '–'}</span> (
                  {s.method === 'OIDC' ? t('users.sso') : t('auth.password')})
                </Table.Cell>
                <Table.Cell>{formatOsloDate(s.createdAt)}</Table.Cell>
                <Table.Cell>{formatOsloDate(s.lastSeenAt)}</Table.Cell>
                <Table.Cell>
                  {!s.current && (
                    <Button
                      variant="tertiary"
                      data-size="sm"
                      onClick={async () => (await revokeSession({ id: s.id }), reload())}
                    >
                      {t('account.end')}
                    </Button>
                  )}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      <Button
        variant="secondary"
        disabled={everywhere.fetching}
        onClick={async () => {
          const r = await signOutEverywhere({});
          if (!r.error) {
            refresh();
            navigate('/logg-inn');
          }
        }}
      >
        {t('account.everywhere')}
      </Button>

      {a.hasPassword && (
        <section className="block" aria-labelledby="pw-heading">
          <Heading level={2} data-size="sm" id="pw-heading">
            {t('account.password')}
          </Heading>
          {pw.data?.changePassword && <Alert data-color="success">{t('account.passwordChanged')}</Alert>}
          <form
            noValidate
            className="dialog-form"
            onSubmit={async (e) => {
              e.preventDefault();
              const r = await changePassword({ currentPassword: current, newPassword: next });
              if (!r.error) {
                setCurrent('');
                setNext('');
                reload();
              }
            }}
          >
            <input type="email" autoComplete="username" value={a.email} readOnly hidden />
            <Textfield
              label={t('account.currentPassword')}
              type="password"
              autoComplete="current-password"
              value={current}
              onChange={(e) => setCurrent(e.target.value)}
              error={pwErrors.current}
            />
            <NewPasswordField label={t('reset.newPassword')} value={next} onChange={setNext} error={pwErrors.next} />
            <Button type="submit" disabled={pw.fetching}>
              {t('reset.save')}
            </Button>
          </form>
        </section>
      )}
      {a.hasExternalIdentity && <Paragraph>{t('account.sso')}</Paragraph>}

      <section className="block" aria-labelledby="totp-heading">
        <Heading level={2} data-size="sm" id="totp-heading">
          {t('account.totp')}
        </Heading>
        <Paragraph>
          {a.totpEnabled ? t('account.totpOn') : t('account.totpOff')} {a.totpRequired && t('account.totpRequired')}
        </Paragraph>
        {!a.totpEnabled && !setup.data && (
          <Button variant="secondary" onClick={() => startTotp({})}>
            {t('account.totpStart')}
          </Button>
        )}
        {!a.totpEnabled && setup.data && (
          <form
            noValidate
            className="dialog-form"
            onSubmit={async (e) => {
              e.preventDefault();
              const r = await confirmTotp({ code });
              if (!r.error) reload();
            }}
          >
            <TotpSecret secret={setup.data.startTotpSetup.secret} uri={setup.data.startTotpSetup.uri} />
            {confirm.error && <Alert data-color="danger">{errorMessage(confirm.error, t('error.network'))}</Alert>}
            <TotpCodeField value={code} onChange={setCode} />
            <Button type="submit">{t('auth.totpSubmit')}</Button>
          </form>
        )}
      </section>
    </section>
  );
}
