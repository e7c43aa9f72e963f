import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import {
  Alert,
  Button,
  Field,
  Heading,
  Label,
  Paragraph,
  Select,
  Table,
  Tag,
  Textfield,
} from '@digdir/designsystemet-react';
import { grantableRoles, mayAdministerUsers, scopeOf, type Role } from '@samordna/domain';
import { useI18n } from '../../i18n/i18n';
import { useCodeText } from '../../i18n/codes';
import { errorMessage, fieldErrors } from '../../lib/errors';
import { formatOsloDate } from '../../lib/format';
import { Loading, QueryError } from '../../components/States';
import { useSession } from '../auth/session';
import {
  DeactivateUserMutation,
  InviteUserMutation,
  ReactivateUserMutation,
  ResetLinkMutation,
  RevokeInvitationMutation,
  SetUserGrantsMutation,
  UserAdministrationQuery,
} from './users.graphql';

interface GrantDraft {
  role: Role;
  kommunenummer: string;
  centreId: string;
}

/** Role, then the scope the role takes (a municipality number, or a centre). */
function GrantFields({
  draft,
  onChange,
  roles,
  centres,
  errors,
  idPrefix,
}: {
  draft: GrantDraft;
  onChange(d: GrantDraft): void;
  roles: Role[];
  centres: { id: string; name: string }[];
  errors: Record<string, string>;
  idPrefix: string;
}) {
  const { t } = useI18n();
  const codes = useCodeText();
  const scope = scopeOf(draft.role);
  return (
    <>
      <Field>
        <Label htmlFor={`${idPrefix}-role`}>{t('users.role')}</Label>
        <Select
          id={`${idPrefix}-role`}
          value={draft.role}
          onChange={(e) => onChange({ ...draft, role: e.target.value as Role })}
        >
          {roles.map((r) => (
            <Select.Option key={r} value={r}>
              {codes.role(r)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      {(scope === 'municipality' || scope === 'optionalMunicipality') && (
        <Textfield
          id={`${idPrefix}-knr`}
          label={t('users.municipality')}
          description={scope === 'optionalMunicipality' ? t('users.municipalityAll') : undefined}
          inputMode="numeric"
          value={draft.kommunenummer}
          onChange={(e) => onChange({ ...draft, kommunenummer: e.target.value })}
          error={errors['grant.kommunenummer'] ?? errors['grants.0.kommunenummer']}
        />
      )}
      {scope === 'centre' && (
        <Field>
          <Label htmlFor={`${idPrefix}-centre`}>{t('users.centre')}</Label>
          <Select
            id={`${idPrefix}-centre`}
            value={draft.centreId}
            onChange={(e) => onChange({ ...draft, centreId: e.target.value })}
          >
            <Select.Option value="">–</Select.Option>
            {centres.map((c) => (
              <Select.Option key={c.id} value={c.id}>
                {c.name}
              </Select.Option>
            ))}
          </Select>
        </Field>
      )}
    </>
  );
}

const toInput = (d: GrantDraft) => {
  const scope = scopeOf(d.role);
  return {
    role: d.role,
    kommunenummer: scope === 'municipality' || scope === 'optionalMunicipality' ? d.kommunenummer.trim() || null : null,
    centreId: scope === 'centre' ? d.centreId || null : null,
  };
};

function OneTimeLinkNotice({ link, text }: { link: string; text: string }) {
  return (
    <Alert data-color="warning" role="status">
      <Paragraph>{text}</Paragraph>
      <Textfield
        label="URL"
        readOnly
        value={link}
        data-testid="one-time-link"
        onFocus={(e) => e.currentTarget.select()}
      />
    </Alert>
  );
}

export default function UsersPage() {
  const { t } = useI18n();
  const codes = useCodeText();
  const { me, grants } = useSession();
  const [result, refetch] = useQuery({ query: UserAdministrationQuery, pause: !mayAdministerUsers(grants) });
  const [invite, sendInvite] = useMutation(InviteUserMutation);
  const [, revoke] = useMutation(RevokeInvitationMutation);
  const [setGrantsState, setGrants] = useMutation(SetUserGrantsMutation);
  const [deactivateState, deactivate] = useMutation(DeactivateUserMutation);
  const [, reactivate] = useMutation(ReactivateUserMutation);
  const [resetState, resetLink] = useMutation(ResetLinkMutation);
  const roles = grantableRoles(grants);
  const [draft, setDraft] = useState<GrantDraft>({
    role: roles.includes('READ_ONLY') ? 'READ_ONLY' : roles[0],
    kommunenummer: grants.find((g) => g.role === 'DIRECTOR')?.kommunenummer ?? '',
    centreId: '',
  });
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [editing, setEditing] = useState<{ id: string; version: number; draft: GrantDraft } | null>(null);
  const reload = () => refetch({ requestPolicy: 'network-only' });

  if (!me || !mayAdministerUsers(grants)) {
    return (
      <section>
        <Heading level={1} data-size="lg">
          {t('users.heading')}
        </Heading>
        <Paragraph>{t('users.noAccess')}</Paragraph>
      </section>
    );
  }
  const errors = fieldErrors(invite.error);
  const centres = result.data?.crisisCentres.items ?? [];
  const data = result.data?.userAdministration;
  const refresh = (r: { error?: unknown }) => {
    if (!r.error) reload();
  };

  return (
    <section aria-labelledby="users-heading">
      <Heading level={1} data-size="lg" id="users-heading">
        {t('users.heading')}
      </Heading>
      <Paragraph>{t('users.intro')}</Paragraph>

      <section aria-labelledby="invite-heading" className="block">
        <Heading level={2} data-size="sm" id="invite-heading">
          {t('users.invite')}
        </Heading>
        <form
          noValidate
          className="dialog-form"
          onSubmit={async (e) => {
            e.preventDefault();
            const r = await sendInvite({ input: { email, name, grant: toInput(draft) } });
            if (!r.error) {
              setEmail('');
              setName('');
              reload();
            }
          }}
        >
          {invite.error && !Object.keys(errors).length && (
            <Alert data-color="danger">{errorMessage(invite.error, t('error.network'))}</Alert>
          )}
          <Textfield
            label={t('users.name')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={errors.name}
            autoComplete="off"
          />
          <Textfield
            label={t('users.email')}
            type="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={errors.email}
            autoComplete="off"
          />
          <GrantFields
            draft={draft}
            onChange={setDraft}
            roles={roles}
            centres={centres}
            errors={errors}
            idPrefix="invite"
          />
          <Button type="submit" disabled={invite.fetching}>
            {t('users.send')}
          </Button>
        </form>
        {invite.data?.inviteUser.link && (
          <OneTimeLinkNotice
            link={invite.data.inviteUser.link}
            text={t('users.linkOnce', { email: invite.data.inviteUser.invitation.email })}
          />
        )}
        {invite.data?.inviteUser.mailed && (
          <Alert data-color="success">{t('users.mailed', { email: invite.data.inviteUser.invitation.email })}</Alert>
        )}
      </section>

      {result.error ? (
        <QueryError error={result.error} onRetry={reload} />
      ) : !data ? (
        <Loading />
      ) : (
        <>
          {resetState.data?.createPasswordResetLink.link && (
            <OneTimeLinkNotice link={resetState.data.createPasswordResetLink.link} text={t('users.resetLinkOnce')} />
          )}
          {resetState.data?.createPasswordResetLink.mailed && (
            <Alert data-color="success">{t('users.resetMailed')}</Alert>
          )}
          {[setGrantsState.error, deactivateState.error, resetState.error].filter(Boolean).map((err, i) => (
            <Alert key={i} data-color="danger">
              {errorMessage(err!, t('error.network'))}
            </Alert>
          ))}
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t('users.list')}>
            <Table zebra border data-size="sm" data-testid="users-table">
              <caption>{t('users.list')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('users.col.user')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('users.col.roles')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('users.col.status')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('users.col.lastSeen')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('users.col.actions')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {data.users.map((u) => (
                  <Table.Row key={u.id}>
                    <Table.Cell>
                      <strong>{u.name}</strong>
                      <br />
                      <span className="muted">{u.email}</span>
                      <br />
                      {u.hasExternalIdentity && <Tag data-size="sm">{t('users.sso')}</Tag>}{' '}
                      {u.totpEnabled && <Tag data-size="sm">{t('users.totp')}</Tag>}{' '}
                      {u.isExample && <Tag data-size="sm">{t('users.demo')}</Tag>}
                    </Table.Cell>
                    <Table.Cell>
                      {u.grants.map((g) => [codes.role(g.role), g.kommunenummer].filter(Boolean).join(' ')).join(', ')}
                      {editing?.id === u.id && (
                        <form
                          noValidate
                          className="dialog-form"
                          onSubmit={async (e) => {
                            e.preventDefault();
                            const r = await setGrants({
                              id: u.id,
                              grants: [toInput(editing.draft)],
                              expectedVersion: editing.version,
                            });
                            if (!r.error) setEditing(null);
                            refresh(r);
                          }}
                        >
                          <GrantFields
                            draft={editing.draft}
                            onChange={(d) => setEditing({ ...editing, draft: d })}
                            roles={roles}
                            centres={centres}
                            errors={fieldErrors(setGrantsState.error)}
                            idPrefix={`edit-${u.id}`}
                          />
                          <Button type="submit" data-size="sm">
                            {t('users.saveRole')}
                          </Button>
                        </form>
                      )}
                    </Table.Cell>
                    <Table.Cell>{u.active ? t('users.active') : t('users.inactive')}</Table.Cell>
                    <Table.Cell>{u.lastSeenAt ? formatOsloDate(u.lastSeenAt) : '–'}</Table.Cell>
                    <Table.Cell>
                      {u.mayManage && (
                        <div className="button-row">
                          <Button
                            variant="tertiary"
                            data-size="sm"
                            onClick={() =>
                              setEditing({
                                id: u.id,
                                version: u.version,
                                draft: {
                                  role: (u.grants[0]?.role as Role) ?? roles[0],
                                  kommunenummer: u.grants[0]?.kommunenummer ?? '',
                                  centreId: u.grants[0]?.centreId ?? '',
                                },
                              })
                            }
                          >
                            {t('users.changeRole')}
                          </Button>
                          {u.active ? (
                            <Button
                              variant="tertiary"
                              data-size="sm"
                              onClick={async () => refresh(await deactivate({ id: u.id, expectedVersion: u.version }))}
                            >
                              {t('users.deactivate')}
                            </Button>
                          ) : (
                            <Button
                              variant="tertiary"
                              data-size="sm"
                              onClick={async () => refresh(await reactivate({ id: u.id, expectedVersion: u.version }))}
                            >
                              {t('users.reactivate')}
                            </Button>
                          )}
                          {u.active && (
                            <Button variant="tertiary" data-size="sm" onClick={() => resetLink({ id: u.id })}>
                              {t('users.resetLink')}
                            </Button>
                          )}
                        </div>
                      )}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
          <Heading level={2} data-size="sm">
            {t('users.invitations')}
          </Heading>
          {data.invitations.length === 0 ? (
            <Paragraph>{t('users.noInvitations')}</Paragraph>
          ) : (
            <ul className="plain-list" data-testid="invitations">
              {data.invitations.map((i) => (
                <li key={i.id}>
                  <strong>{i.name}</strong> &lt;{i.email}&gt; –{' '}
                  {[codes.role(i.grant.role), i.grant.kommunenummer].filter(Boolean).join(' ')} –{' '}
                  {t('users.expires', { date: formatOsloDate(i.expiresAt) })}{' '}
                  <Button variant="tertiary" data-size="sm" onClick={async () => refresh(await revoke({ id: i.id }))}>
                    {t('users.revoke')}
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
