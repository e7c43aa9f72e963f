import { Button } from '@digdir/designsystemet-react';
import { useI18n } from '../i18n/i18n';

/** A form's submit button that says «Lagrer …» and is busy while the save runs; `label` defaults to «Lagre». */
export function SaveButton({ busy, label }: { busy: boolean; label?: string }) {
  const { t } = useI18n();
  return (
    <Button type="submit" disabled={busy} aria-busy={busy}>
      {busy ? t('agreement.saving') : (label ?? t('contacts.save'))}
    </Button>
  );
}
