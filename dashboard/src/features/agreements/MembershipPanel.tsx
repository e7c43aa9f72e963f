import { useRef, useState } from 'react';
import { useMutation } from 'urql';
import { Alert, Button, Dialog, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { todayInNorway } from '@samordna/domain';
import { formatDate } from '../../lib/format';
import { useI18n } from '../../i18n/i18n';
import { DecisionFields } from './DecisionFields';
import { fieldErrors, generalError } from '../../lib/errors';
import { GiveNoticeMutation, RecordDecisionMutation } from './agreements.graphql';

export interface OwnParty {
  id: string;
  version: number;
  noticeGivenOn?: string | null;
  leftOn?: string | null;
  decisionBody?: string | null;
  decisionRef?: string | null;
  decisionDate?: string | null;
  noticeEffect: { kind: string; leavesOn?: string | null };
  municipality: { kommunenummer: string; name: string };
}

/**
 * A party's own membership, for its director: its decision about the agreement, and notice for its
 * own municipality with the day the membership ends (computed from the agreement's terms and shown
 * before anything is sent). The agreement and the other parties are not touched.
 */
export function MembershipPanel({
  party,
  agreementTitle,
  binding,
  onChanged,
}: {
  party: OwnParty;
  agreementTitle: string;
  binding: boolean;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const name = party.municipality.name;
  const [decision, saveDecision] = useMutation(RecordDecisionMutation);
  const [notice, giveNotice] = useMutation(GiveNoticeMutation);
  const [form, setForm] = useState({
    decisionBody: party.decisionBody ?? t('membership.defaultBody'),
    decisionRef: party.decisionRef ?? '',
    decisionDate: party.decisionDate ?? '',
  });
  const [leavesOn, setLeavesOn] = useState('');
  const [saved, setSaved] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const errors = fieldErrors(decision.error);
  const noticeErrors = fieldErrors(notice.error);
  const unknownEnd = !party.noticeEffect.leavesOn;

  return (
    <section aria-labelledby={`membership-${party.id}`} className="block" data-testid="membership-panel">
      <Heading level={2} data-size="sm" id={`membership-${party.id}`}>
        {t('membership.heading', { name })}
      </Heading>
      <Paragraph data-size="sm" className="muted">
        {t('membership.intro')}
      </Paragraph>

      <Heading level={3} data-size="xs">
        {t('membership.decision')}
      </Heading>
      <Paragraph data-testid="membership-decision">
        {party.decisionRef
          ? t('membership.decisionRecorded', {
              body: party.decisionBody ?? '',
              ref: party.decisionRef,
              date: party.decisionDate ? formatDate(party.decisionDate) : '–',
            })
          : t('membership.noDecision')}
      </Paragraph>
      <form
        noValidate
        className="form-grid"
        onSubmit={async (e) => {
          e.preventDefault();
          setSaved(false);
          const r = await saveDecision({ partyId: party.id, expectedVersion: party.version, input: form });
          if (!r.error) {
            setSaved(true);
            onChanged();
          }
        }}
      >
        {generalError(decision.error, t('error.network')) && (
          <Alert data-color="danger">{generalError(decision.error, t('error.network'))}</Alert>
        )}
        <DecisionFields form={form} setForm={setForm} errors={errors} />
        <div>
          <Button type="submit" variant="secondary" disabled={decision.fetching}>
            {t('membership.saveDecision')}
          </Button>
          {saved && (
            <span role="status" className="saved-note">
              {t('agreement.saved')}
            </span>
          )}
        </div>
      </form>

      <Heading level={3} data-size="xs">
        {t('membership.notice')}
      </Heading>
      {party.noticeGivenOn ? (
        <Paragraph data-testid="membership-notice">
          {t('membership.noticeGiven', {
            given: formatDate(party.noticeGivenOn),
            left: party.leftOn ? formatDate(party.leftOn) : '–',
          })}
        </Paragraph>
      ) : !binding ? (
        <Paragraph className="muted">{t('membership.noticeNotBinding')}</Paragraph>
      ) : (
        <>
          <Paragraph data-size="sm">
            {unknownEnd
              ? t('membership.noticeUnknown')
              : t('membership.noticeEffect', { date: formatDate(party.noticeEffect.leavesOn!) })}
          </Paragraph>
          <Button variant="secondary" data-color="danger" onClick={() => dialog.current?.showModal()}>
            {t('membership.giveNotice', { name })}
          </Button>
        </>
      )}
      {notice.error && !noticeErrors.leavesOn && (
        <Alert data-color="danger">
          {generalError(notice.error, t('error.network')) ?? Object.values(noticeErrors)[0]}
        </Alert>
      )}
      <Dialog ref={dialog} closeButton={t('common.close')} aria-labelledby={`notice-${party.id}`}>
        <Dialog.Block>
          <Heading level={2} data-size="xs" id={`notice-${party.id}`}>
            {t('membership.confirmTitle', { name })}
          </Heading>
          <Paragraph>
            {unknownEnd
              ? t('membership.confirmUnknown', { name, title: agreementTitle })
              : t('membership.confirmText', {
                  name,
                  title: agreementTitle,
                  date: formatDate(party.noticeEffect.leavesOn!),
                })}
          </Paragraph>
          {unknownEnd && (
            <Textfield
              label={t('membership.leavesOn')}
              type="date"
              value={leavesOn}
              onChange={(e) => setLeavesOn(e.target.value)}
              error={noticeErrors.leavesOn}
            />
          )}
          <div className="button-row">
            <Button
              data-color="danger"
              disabled={notice.fetching}
              onClick={async () => {
                const r = await giveNotice({
                  partyId: party.id,
                  expectedVersion: party.version,
                  input: { givenOn: todayInNorway(), leavesOn: leavesOn || null },
                });
                if (!r.error || !fieldErrors(r.error).leavesOn) dialog.current?.close();
                if (!r.error) onChanged();
              }}
            >
              {t('membership.confirmNotice', { name })}
            </Button>
            <Button variant="secondary" onClick={() => dialog.current?.close()}>
              {t('agreement.cancel')}
            </Button>
          </div>
        </Dialog.Block>
      </Dialog>
    </section>
  );
}
