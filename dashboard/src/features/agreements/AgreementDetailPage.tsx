import { useMemo, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Link as RouterLink, useParams } from 'react-router';
import {
  Alert,
  Button,
  Checkbox,
  Dialog,
  Field,
  Heading,
  Label,
  Paragraph,
  Select,
  Textfield,
} from '@digdir/designsystemet-react';
import { ExampleTag } from '../../components/ExampleTag';
import { Loading, QueryError } from '../../components/States';
import {
  AGREEMENT_STATUS_LABELS,
  BINDING_STATUSES,
  canAdministerAgreement,
  canProposeAmendment,
  canReadAgreementHistory,
  isAdmin,
  NOTICE_RUNS_TO,
  SIGNING_LEVEL_LABELS,
  SIGNING_LEVELS,
  sourceDatingOf,
} from '@samordna/domain';
import { History } from '../history/History';
import { PermissionNote } from '../auth/Permission';
import { useSession } from '../auth/session';
import { AgreementTermsView } from './AgreementTermsView';
import { AmendmentsPanel } from './AmendmentsPanel';
import { DraftParties } from './DraftParties';
import { AgreementVersions, PartyTable } from './PartyTable';
import { MembershipPanel } from './MembershipPanel';
import type { AgreementStatus, NoticeRunsTo, SigningLevel } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import { useCodeText } from '../../i18n/codes';
import { conflictCurrent, errorMessage, fieldErrors, generalError, isConflict } from '../../lib/errors';
import { ConflictAlert, ConflictNotice } from '../history/ConflictNotice';
import { useMergingForm } from '../../lib/useMergingForm';
import { formatDate } from '../../lib/format';
import { AgreementDetailQuery, ChangeStatusMutation, UpdateAgreementMutation } from './agreements.graphql';
import { DeadlineText } from './DeadlineText';

/** The editable terms as form values; also applied to the record a CONFLICT sends back. */
function toForm(a: {
  title: string;
  validFrom?: string | null;
  validTo?: string | null;
  autoRenew: boolean;
  noticeMonths?: number | null;
  noticeRunsTo: NoticeRunsTo;
  signingLevel: SigningLevel;
}) {
  return {
    title: a.title,
    validFrom: a.validFrom ?? '',
    validTo: a.validTo ?? '',
    autoRenew: a.autoRenew,
    noticeMonths: a.noticeMonths === null || a.noticeMonths === undefined ? '' : String(a.noticeMonths),
    noticeRunsTo: a.noticeRunsTo,
    signingLevel: a.signingLevel,
  };
}
type AgreementForm = ReturnType<typeof toForm> & { version?: number };
const EMPTY_FORM: AgreementForm = {
  title: '',
  validFrom: '',
  validTo: '',
  autoRenew: false,
  noticeMonths: '',
  noticeRunsTo: 'NONE',
  signingLevel: 'UNKNOWN',
};
const FORM_KEYS = [
  'title',
  'validFrom',
  'validTo',
  'autoRenew',
  'noticeMonths',
  'noticeRunsTo',
  'signingLevel',
] as const;

export default function AgreementDetailPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const codes = useCodeText();
  const { me, grants } = useSession();
  const [result, reexecute] = useQuery({ query: AgreementDetailQuery, variables: { id } });
  const [update, save] = useMutation(UpdateAgreementMutation);
  const [statusState, changeStatus] = useMutation(ChangeStatusMutation);
  const [pending, setPending] = useState<AgreementStatus | null>(null);
  const [saved, setSaved] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const a = result.data?.agreement;

  // The form starts from the agreement as loaded (again when another agreement is opened); a CONFLICT
  // merges against the agreement as shown now, which is reloaded after it.
  const draft = useMemo(() => (a ? toForm(a) : null), [a?.id]); // eslint-disable-line react-hooks/exhaustive-deps
  const {
    form: edited,
    setForm,
    conflict,
    settle,
  } = useMergingForm<AgreementForm, Parameters<typeof toForm>[0]>(draft, FORM_KEYS, toForm, {
    base: a ? toForm(a) : null,
  });
  const form = edited ?? draft ?? EMPTY_FORM;

  if (result.error) {
    return (
      <QueryError error={result.error}>
        <RouterLink to="/avtaler">{t('agreement.back')}</RouterLink>
      </QueryError>
    );
  }
  if (!a) return <Loading />;
  const host = {
    hostKommunenummer: a.centre.hostKommunenummer,
    partyKommunenummer: a.parties.map((p) => p.municipality.kommunenummer),
  };
  // Who may do what (checked again on the server): the host administers; a partner's director acts on its own membership.
  const administers = !!me && canAdministerAgreement(grants, host);
  const binding = BINDING_STATUSES.includes(a.status);
  const locked = (field: string) => binding && !isAdmin(grants) && !a.exampleFields.includes(field);
  const directs = grants.filter((g) => g.role === 'DIRECTOR' && g.kommunenummer).map((g) => g.kommunenummer!);
  const ownParties = a.parties.filter(
    (p) => p.role === 'PARTNER' && directs.includes(p.municipality.kommunenummer) && (!p.leftOn || p.isCurrent),
  );
  const canPropose = !me
    ? null
    : canProposeAmendment(grants, host, false)
      ? 'ALL'
      : canProposeAmendment(grants, host, true)
        ? 'COST'
        : null;
  const currentParties = a.parties.filter((p) => p.isCurrent);
  const reload = () => reexecute({ requestPolicy: 'network-only' });
  const statusConflicted = isConflict(statusState.error);
  const labels: Record<(typeof FORM_KEYS)[number], string> = {
    title: t('agreement.title'),
    validFrom: t('agreement.validFrom'),
    validTo: t('agreement.validTo'),
    autoRenew: t('agreement.autoRenew'),
    noticeMonths: t('agreement.noticeMonths'),
    noticeRunsTo: t('agreement.noticeRunsTo'),
    signingLevel: t('agreement.signingLevel'),
  };
  const errors = fieldErrors(update.error);
  const general = generalError(update.error, t('error.network'));
  const ex = (f: string) => a.exampleFields.includes(f);
  const status = (s: AgreementStatus) => AGREEMENT_STATUS_LABELS[s][locale];

  return (
    <article aria-labelledby="agreement-heading">
      <Paragraph data-size="sm">
        <RouterLink to="/avtaler">← {t('agreement.back')}</RouterLink>
      </Paragraph>
      <Heading level={1} data-size="lg" id="agreement-heading">
        {a.title}
      </Heading>
      <Paragraph>
        {a.centre.name} · <strong data-testid="agreement-status">{status(a.status)}</strong>
        {a.noticeGivenOn && ` (${formatDate(a.noticeGivenOn)})`}
      </Paragraph>
      <Paragraph data-size="sm">
        <RouterLink to={`/avtaler/${a.id}/dokument`}>{t('document.open')}</RouterLink>
      </Paragraph>
      {a.exampleFields.length > 0 && <Alert data-color="warning">{t('agreement.exampleFields')}</Alert>}

      <section aria-labelledby="deadline-heading" className="block">
        <Heading level={2} data-size="sm" id="deadline-heading">
          {t('agreement.deadline')} <ExampleTag show={ex('noticeMonths') || ex('validTo')} />
        </Heading>
        <Paragraph data-testid="agreement-deadline">
          <DeadlineText d={a.deadline} />
        </Paragraph>
        {a.deadline.noticeAfterBudgetCutoff && a.deadline.budgetCutoff && (
          <Alert data-color="warning">
            {t('agreement.budgetWarning', { date: formatDate(a.deadline.budgetCutoff) })}
          </Alert>
        )}
      </section>

      <section aria-labelledby="status-heading" className="block">
        <Heading level={2} data-size="sm" id="status-heading">
          {t('agreement.statusChange')}
        </Heading>
        {statusConflicted && <ConflictAlert />}
        {administers ? (
          <div className="button-row">
            {a.allowedTransitions.map((s) => (
              <Button
                key={s}
                variant="secondary"
                data-color={s === 'ENDED' || s === 'NOTICE_GIVEN' ? 'danger' : undefined}
                onClick={() => {
                  setPending(s);
                  dialog.current?.showModal();
                }}
              >
                {t('agreement.moveTo', { status: status(s) })}
              </Button>
            ))}
          </div>
        ) : me ? (
          <Paragraph data-size="sm" className="muted">
            {t('agreement.statusHostOnly')}
          </Paragraph>
        ) : (
          <PermissionNote />
        )}
        {statusState.error && !statusConflicted && (
          <Alert data-color="danger">{errorMessage(statusState.error, t('error.network'))}</Alert>
        )}
        <Dialog
          ref={dialog}
          closeButton={t('common.close')}
          onClose={() => setPending(null)}
          aria-labelledby="confirm-heading"
        >
          <Dialog.Block>
            <Heading level={2} data-size="xs" id="confirm-heading">
              {t('agreement.confirmTitle')}
            </Heading>
            <Paragraph>
              {pending === 'NOTICE_GIVEN'
                ? t('agreement.confirmNotice', { count: currentParties.length })
                : t('agreement.confirmEnd', { status: pending ? status(pending) : '', count: currentParties.length })}
            </Paragraph>
            <div className="button-row">
              <Button
                data-color="danger"
                disabled={statusState.fetching}
                onClick={async () => {
                  if (pending) await changeStatus({ id: a.id, status: pending, expectedVersion: a.version });
                  dialog.current?.close();
                  reload();
                }}
              >
                {t('agreement.confirm')}
              </Button>
              <Button variant="secondary" onClick={() => dialog.current?.close()}>
                {t('agreement.cancel')}
              </Button>
            </div>
          </Dialog.Block>
        </Dialog>
      </section>

      <section aria-labelledby="details-heading" className="block">
        <Heading level={2} data-size="sm" id="details-heading">
          {t('agreement.details')}
        </Heading>
        {!administers ? (
          <AgreementTermsView agreement={a} />
        ) : (
          <form
            noValidate
            className="form-grid"
            onSubmit={async (e) => {
              e.preventDefault();
              setSaved(false);
              const terms = {
                validFrom: form.validFrom || null,
                validTo: form.validTo || null,
                autoRenew: form.autoRenew,
                noticeMonths: form.noticeMonths === '' ? null : Number(form.noticeMonths),
                noticeRunsTo: form.noticeRunsTo,
              };
              // Terms that bind the parties are sent only where this user may change them directly.
              const open = Object.fromEntries(Object.entries(terms).filter(([k]) => !locked(k)));
              const r = await save({
                id: a.id,
                expectedVersion: a.version,
                input: { title: form.title, signingLevel: form.signingLevel, ...open },
              });
              // Someone else saved first: take in what only they changed, list what we both changed.
              settle(r.error);
              if (!r.error) setSaved(true);
              else if (conflictCurrent(r.error)) reexecute({ requestPolicy: 'network-only' });
            }}
          >
            {general && !conflict && <Alert data-color="danger">{general}</Alert>}
            {conflict && (
              <ConflictNotice
                merge={conflict}
                labels={labels}
                format={{
                  noticeRunsTo: (v) => t(`agreement.runsTo.${v as NoticeRunsTo}`),
                  signingLevel: (v) => SIGNING_LEVEL_LABELS[v as SigningLevel]?.[locale] ?? v,
                  validFrom: formatDate,
                  validTo: formatDate,
                }}
              />
            )}
            <Textfield
              label={t('agreement.title')}
              value={form.title}
              onChange={(e) => setForm({ ...form, title: e.target.value })}
              error={errors.title}
            />
            {binding && !isAdmin(grants) && (
              <Paragraph data-size="sm" className="muted" data-testid="terms-locked">
                {t('agreement.termsLocked')}
              </Paragraph>
            )}
            <Textfield
              readOnly={locked('validFrom')}
              label={
                <>
                  {t('agreement.validFrom')} <ExampleTag show={ex('validFrom')} />
                </>
              }
              type="date"
              value={form.validFrom}
              onChange={(e) => setForm({ ...form, validFrom: e.target.value })}
              error={errors.validFrom}
            />
            <Textfield
              readOnly={locked('validTo')}
              label={
                <>
                  {t('agreement.validTo')} <ExampleTag show={ex('validTo')} />
                </>
              }
              type="date"
              value={form.validTo}
              onChange={(e) => setForm({ ...form, validTo: e.target.value })}
              error={errors.validTo}
            />
            <Checkbox
              disabled={locked('autoRenew')}
              label={t('agreement.autoRenew')}
              checked={form.autoRenew}
              onChange={(e) => setForm({ ...form, autoRenew: e.target.checked })}
            />
            <Textfield
              readOnly={locked('noticeMonths')}
              label={
                <>
                  {t('agreement.noticeMonths')} <ExampleTag show={ex('noticeMonths')} />
                </>
              }
              inputMode="numeric"
              value={form.noticeMonths}
              onChange={(e) => setForm({ ...form, noticeMonths: e.target.value })}
              error={errors.noticeMonths}
            />
            <Field>
              <Label htmlFor="runs-to">{t('agreement.noticeRunsTo')}</Label>
              <Select
                id="runs-to"
                disabled={locked('noticeRunsTo')}
                value={form.noticeRunsTo}
                onChange={(e) => setForm({ ...form, noticeRunsTo: e.target.value as NoticeRunsTo })}
              >
                {NOTICE_RUNS_TO.map((r) => (
                  <Select.Option key={r} value={r}>
                    {t(`agreement.runsTo.${r}`)}
                  </Select.Option>
                ))}
              </Select>
            </Field>
            <Field>
              <Label htmlFor="signing">
                {t('agreement.signingLevel')} <ExampleTag show={ex('signingLevel')} />
              </Label>
              <Select
                id="signing"
                value={form.signingLevel}
                onChange={(e) => setForm({ ...form, signingLevel: e.target.value as SigningLevel })}
              >
                {SIGNING_LEVELS.map((s) => (
                  <Select.Option key={s} value={s}>
                    {SIGNING_LEVEL_LABELS[s][locale]}
                  </Select.Option>
                ))}
              </Select>
            </Field>
            <div>
              <Button type="submit" disabled={update.fetching} aria-busy={update.fetching}>
                {update.fetching ? t('agreement.saving') : t('agreement.save')}
              </Button>
              {saved && (
                <span role="status" className="saved-note">
                  {t('agreement.saved')}
                </span>
              )}
            </div>
          </form>
        )}
        {a.legalBasis && (
          <Paragraph data-size="sm">
            {/* The agreement's own words, as registered (Norwegian). */}
            {t('agreement.legalBasis')}: <span lang="nb">{a.legalBasis}</span>
          </Paragraph>
        )}
        {a.sourceUrl && (
          <Paragraph data-size="sm">
            {t('agreement.source')}: <a href={a.sourceUrl}>{a.sourceUrl}</a>{' '}
            {a.sourceAsOf &&
              `(${codes.sourceDate({ sourceDate: a.sourceAsOf, sourceDating: sourceDatingOf(a.sourceAsOf) })})`}
          </Paragraph>
        )}
      </section>

      <section aria-labelledby="parties-heading" className="block">
        <Heading level={2} data-size="sm" id="parties-heading">
          {t('agreement.parties')}
        </Heading>
        <PartyTable parties={a.parties} />
        {administers && !binding && a.status !== 'ENDED' && (
          <>
            <Paragraph data-size="sm" className="muted">
              {t('agreement.draftParties')}
            </Paragraph>
            <DraftParties agreementId={a.id} parties={a.parties} onChanged={reload} />
          </>
        )}
      </section>

      {ownParties.map((p) => (
        <MembershipPanel key={p.id} party={p} agreementTitle={a.title} binding={binding} onChanged={reload} />
      ))}

      <AmendmentsPanel
        amendments={a.amendments}
        canPropose={canPropose}
        actsFor={directs}
        onChanged={reload}
        context={{
          agreementId: a.id,
          version: a.version,
          binding,
          noticeMonths: a.noticeMonths ?? null,
          noticeRunsTo: a.noticeRunsTo,
          validTo: a.validTo ?? null,
          costModel: a.costTerms?.model ?? null,
          partners: currentParties.filter((p) => p.role === 'PARTNER').map((p) => p.municipality),
          names: Object.fromEntries(a.parties.map((p) => [p.municipality.kommunenummer, p.municipality.name])),
        }}
      />

      <section aria-labelledby="checklist-heading" className="block">
        <Heading level={2} data-size="sm" id="checklist-heading">
          {t('agreement.checklist', { covered: a.checklistCompleteness.covered, total: a.checklistCompleteness.total })}{' '}
          <ExampleTag show={ex('checklist')} />
        </Heading>
        <ul className="checklist">
          {a.checklist.map((c) => (
            <li key={c.key}>
              <span aria-hidden="true">{c.covered ? '✓' : '✗'}</span> {codes.checklist(c.key)} –{' '}
              <span className={c.covered ? '' : 'muted'}>
                {c.covered ? t('agreement.covered') : t('agreement.notCovered')}
              </span>
            </li>
          ))}
        </ul>
      </section>

      {(!me || canReadAgreementHistory(grants, host)) && <History entity="Agreement" entityId={a.id} />}

      <AgreementVersions supersedes={a.supersedes} supersededBy={a.supersededBy} />
    </article>
  );
}
