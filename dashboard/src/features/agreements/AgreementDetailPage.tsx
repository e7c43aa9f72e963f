import { useMemo, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Link as RouterLink, useParams } from 'react-router';
import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { Loading, QueryError } from '../../components/States';
import {
  AGREEMENT_STATUS_LABELS,
  BINDING_STATUSES,
  canAdministerAgreement,
  canProposeAmendment,
  canReadAgreementHistory,
  isAdmin,
} from '@samordna/domain';
import { History } from '../history/History';
import { useSession } from '../auth/session';
import { AgreementTermsView } from './AgreementTermsView';
import { AgreementStatusSection } from './AgreementStatusSection';
import { AgreementSource, ChecklistSection, DeadlineSection } from './AgreementSections';
import { AmendmentsPanel } from './AmendmentsPanel';
import { DraftParties } from './DraftParties';
import { AgreementVersions, PartyTable } from './PartyTable';
import { MembershipPanel } from './MembershipPanel';
import { useI18n } from '../../i18n/i18n';
import { conflictCurrent, errorMessage, fieldErrors, generalError, isConflict } from '../../lib/errors';
import { useMergingForm } from '../../lib/useMergingForm';
import { formatDate } from '../../lib/format';
import { AgreementDetailQuery, ChangeStatusMutation, UpdateAgreementMutation } from './agreements.graphql';
import {
  AGREEMENT_TERMS,
  AgreementTermsForm,
  EMPTY_FORM,
  termsInput,
  toForm,
  type AgreementForm,
  type AgreementTermsRecord,
} from './AgreementTermsForm';

export default function AgreementDetailPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const { me, grants } = useSession();
  const [result, reexecute] = useQuery({ query: AgreementDetailQuery, variables: { id } });
  const [update, save] = useMutation(UpdateAgreementMutation);
  const [statusState, changeStatus] = useMutation(ChangeStatusMutation);
  const [saved, setSaved] = useState(false);
  const a = result.data?.agreement;

  // The form starts from the agreement as loaded (again when another agreement is opened); a CONFLICT
  // merges against the agreement as shown now, which is reloaded after it.
  const draft = useMemo(() => (a ? toForm(a) : null), [a?.id]); // eslint-disable-line react-hooks/exhaustive-deps
  const {
    form: edited,
    setForm,
    conflict,
    settle,
  } = useMergingForm<AgreementForm, AgreementTermsRecord>(draft, AGREEMENT_TERMS, toForm, {
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
  const errors = fieldErrors(update.error);
  const general = generalError(update.error, t('error.network'));
  const ex = (f: string) => a.exampleFields.includes(f);
  const saveTerms = async () => {
    setSaved(false);
    // Terms that bind the parties are sent only where this user may change them directly.
    const r = await save({ id: a.id, expectedVersion: a.version, input: termsInput(form, locked) });
    // Someone else saved first: take in what only they changed, list what we both changed.
    settle(r.error);
    if (!r.error) setSaved(true);
    else if (conflictCurrent(r.error)) reexecute({ requestPolicy: 'network-only' });
  };

  return (
    <article aria-labelledby="agreement-heading">
      <Paragraph data-size="sm">
        <RouterLink to="/avtaler">← {t('agreement.back')}</RouterLink>
      </Paragraph>
      <Heading level={1} data-size="lg" id="agreement-heading">
        {a.title}
      </Heading>
      <Paragraph>
        {a.centre.name} · <strong data-testid="agreement-status">{AGREEMENT_STATUS_LABELS[a.status][locale]}</strong>
        {a.noticeGivenOn && ` (${formatDate(a.noticeGivenOn)})`}
      </Paragraph>
      <Paragraph data-size="sm">
        <RouterLink to={`/avtaler/${a.id}/dokument`}>{t('document.open')}</RouterLink>
      </Paragraph>
      {a.exampleFields.length > 0 && <Alert data-color="warning">{t('agreement.exampleFields')}</Alert>}

      <DeadlineSection deadline={a.deadline} example={ex('noticeMonths') || ex('validTo')} />
      <AgreementStatusSection
        transitions={a.allowedTransitions}
        administers={administers}
        signedIn={!!me}
        parties={currentParties.length}
        conflicted={statusConflicted}
        error={statusState.error ? errorMessage(statusState.error, t('error.network')) : null}
        busy={statusState.fetching}
        onChange={(status) => changeStatus({ id: a.id, status, expectedVersion: a.version })}
        onDone={reload}
      />

      <section aria-labelledby="details-heading" className="block">
        <Heading level={2} data-size="sm" id="details-heading">
          {t('agreement.details')}
        </Heading>
        {!administers ? (
          <AgreementTermsView agreement={a} />
        ) : (
          <AgreementTermsForm
            form={form}
            onChange={setForm}
            onSubmit={() => void saveTerms()}
            errors={errors}
            general={general}
            conflict={conflict}
            locked={locked}
            lockedNote={binding && !isAdmin(grants)}
            example={ex}
            saving={update.fetching}
            saved={saved}
          />
        )}
        <AgreementSource agreement={a} />
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

      <ChecklistSection agreement={a} example={ex('checklist')} />

      {(!me || canReadAgreementHistory(grants, host)) && <History entity="Agreement" entityId={a.id} />}

      <AgreementVersions supersedes={a.supersedes} supersededBy={a.supersededBy} />
    </article>
  );
}
