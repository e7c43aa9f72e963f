import { forwardRef } from 'react';
import { Alert, Button, Dialog, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useI18n } from '../../i18n/i18n';
import { usePlural } from '../../i18n/plural';

/** «Bekreft kontaktene»: who verified the selected contacts; the page saves. */
export const VerifyDialog = forwardRef<
  HTMLDialogElement,
  {
    count: number;
    verifiedBy: string;
    onVerifiedBy: (name: string) => void;
    /** Messages that belong to no field of this form. */
    problems: readonly string[];
    verifiedByError?: string;
    busy: boolean;
    onSubmit: () => void;
  }
>(function VerifyDialog({ count, verifiedBy, onVerifiedBy, problems, verifiedByError, busy, onSubmit }, ref) {
  const { t } = useI18n();
  const plural = usePlural();
  return (
    <Dialog ref={ref} closeButton={t('common.close')} aria-labelledby="verify-heading">
      <Dialog.Block>
        <Heading level={2} data-size="xs" id="verify-heading">
          {t('contacts.verifyTitle')}
        </Heading>
        <form
          noValidate
          className="dialog-form"
          onSubmit={(e) => {
            e.preventDefault();
            onSubmit();
          }}
        >
          {problems.length > 0 && <Alert data-color="danger">{problems.join(' ')}</Alert>}
          <Paragraph>{plural(count, 'contacts.verifyTextOne', 'contacts.verifyText')}</Paragraph>
          <Textfield
            label={t('contacts.verifiedBy')}
            value={verifiedBy}
            onChange={(e) => onVerifiedBy(e.target.value)}
            error={verifiedByError}
          />
          <Button type="submit" disabled={busy} aria-busy={busy}>
            {t('contacts.verify')}
          </Button>
        </form>
      </Dialog.Block>
    </Dialog>
  );
});
