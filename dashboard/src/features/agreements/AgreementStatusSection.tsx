import { useRef, useState } from 'react';
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { AGREEMENT_STATUS_LABELS } from '@samordna/domain';
import type { AgreementStatus } from '../../gql/graphql';
import { useI18n } from '../../i18n/i18n';
import { PermissionNote } from '../auth/Permission';
import { ConflictAlert } from '../history/ConflictNotice';

/**
 * «Endre status»: a button for each status the agreement may move to (for those who administer
 * it), each confirmed in a dialog that says how many parties it touches.
 */
export function AgreementStatusSection({
  transitions,
  administers,
  signedIn,
  parties,
  conflicted,
  error,
  busy,
  onChange,
  onDone,
}: {
  transitions: readonly AgreementStatus[];
  administers: boolean;
  signedIn: boolean;
  /** How many parties the agreement has now. */
  parties: number;
  conflicted: boolean;
  /** A failed change's message (not a conflict). */
  error: string | null;
  busy: boolean;
  /** Moves the agreement to `status`; the dialog closes when it resolves. */
  onChange: (status: AgreementStatus) => Promise<unknown>;
  /** After the dialog closes on «Bekreft» (to reload the agreement). */
  onDone: () => void;
}) {
  const { t, locale } = useI18n();
  const [pending, setPending] = useState<AgreementStatus | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const status = (s: AgreementStatus) => AGREEMENT_STATUS_LABELS[s][locale];
  return (
    <section aria-labelledby="status-heading" className="block">
      <Heading level={2} data-size="sm" id="status-heading">
        {t('agreement.statusChange')}
      </Heading>
      {conflicted && <ConflictAlert />}
      {administers ? (
        <div className="button-row">
          {transitions.map((s) => (
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
      ) : signedIn ? (
        <Paragraph data-size="sm" className="muted">
          {t('agreement.statusHostOnly')}
        </Paragraph>
      ) : (
        <PermissionNote />
      )}
      {error && !conflicted && <Alert data-color="danger">{error}</Alert>}
      <ConfirmDialog
        ref={dialog}
        id="confirm-heading"
        title={t('agreement.confirmTitle')}
        text={
          pending === 'NOTICE_GIVEN'
            ? t('agreement.confirmNotice', { count: parties })
            : t('agreement.confirmEnd', { status: pending ? status(pending) : '', count: parties })
        }
        confirmLabel={t('agreement.confirm')}
        danger
        disabled={busy}
        onConfirm={async () => {
          if (pending) await onChange(pending);
          dialog.current?.close();
          onDone();
        }}
        onCancel={() => dialog.current?.close()}
        onClose={() => setPending(null)}
      />
    </section>
  );
}
