import { Textfield } from '@digdir/designsystemet-react';
import { useI18n } from '../../i18n/i18n';

type Props = { value: string; onChange: (value: string) => void; error?: string };

/** A new password (invitation, reset, account): with the rules under it, and saved as new by the browser. */
export function NewPasswordField({ label, value, onChange, error }: Props & { label: string }) {
  const { t } = useI18n();
  return (
    <Textfield
      label={label}
      description={t('reset.passwordHelp')}
      type="password"
      autoComplete="new-password"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
    />
  );
}

/** The six digits from an authenticator app (login, invitation, account), filled in by the browser where it can. */
export function TotpCodeField({ value, onChange, error }: Props) {
  const { t } = useI18n();
  return (
    <Textfield
      label={t('auth.totpCode')}
      inputMode="numeric"
      autoComplete="one-time-code"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
    />
  );
}
