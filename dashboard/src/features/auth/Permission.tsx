import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n';
import { useSession } from './session';
import type { Grant } from '@samordna/domain';

/**
 * Shows its children (the controls) when `allowed(grants)` holds; otherwise a short reason:
 * sign in, or no access. Checked again on the server: this only keeps the page honest.
 */
export function Permission({ allowed, children }: { allowed: (grants: Grant[]) => boolean; children: ReactNode }) {
  const { me, grants } = useSession();
  if (me && allowed(grants)) return <>{children}</>;
  return <PermissionNote />;
}

/**
 * Why the controls are missing: sign in, or no access. Nothing while the session is still being
 * asked for, so a signed-in user does not see «Logg inn for å endre.» flash by.
 */
export function PermissionNote() {
  const { t } = useI18n();
  const { me, loading } = useSession();
  if (loading) return null;
  return (
    <p className="permission-note muted" data-testid="permission-note">
      {me ? t('auth.noAccess') : t('auth.needLogin')}
    </p>
  );
}
