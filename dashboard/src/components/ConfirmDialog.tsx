import { forwardRef } from 'react';
import { Button, Dialog, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useI18n } from '../i18n/i18n';

/** A question before a change («Vedta rutinen?», «Fjern steget?»): confirm or cancel. */
export const ConfirmDialog = forwardRef<
  HTMLDialogElement,
  {
    /** The heading's id, for the dialog's name. */
    id: string;
    title: string;
    text: string;
    confirmLabel: string;
    danger?: boolean;
    disabled: boolean;
    onConfirm: () => void;
    onCancel: () => void;
    /** When the dialog closes, however it closes. */
    onClose?: () => void;
  }
>(function ConfirmDialog({ id, title, text, confirmLabel, danger, disabled, onConfirm, onCancel, onClose }, ref) {
  const { t } = useI18n();
  return (
    <Dialog ref={ref} closeButton={t('common.close')} onClose={onClose} aria-labelledby={id}>
      <Dialog.Block>
        <Heading level={2} data-size="xs" id={id}>
          {title}
        </Heading>
        <Paragraph>{text}</Paragraph>
        <div className="button-row">
          <Button data-color={danger ? 'danger' : undefined} disabled={disabled} onClick={onConfirm}>
            {confirmLabel}
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            {t('agreement.cancel')}
          </Button>
        </div>
      </Dialog.Block>
    </Dialog>
  );
});
