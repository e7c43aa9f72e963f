import type { ReactNode } from 'react';
import type { CombinedError, OperationContext } from 'urql';
import { Alert, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useI18n } from '../i18n/i18n';
import { errorMessage } from '../lib/errors';

/** A spinner with a text, announced as a status: «Henter …» unless told otherwise. */
export function Loading({ label, size = 'md', className }: { label?: string; size?: 'sm' | 'md'; className?: string }) {
  const { t } = useI18n();
  return (
    <div role="status" className={className ? `loading ${className}` : 'loading'}>
      <Spinner aria-hidden data-size={size} /> {label ?? t('common.loading')}
    </div>
  );
}

/**
 * A query that failed: the server's message (or that it cannot be reached), with «Prøv igjen» when
 * `onRetry` is given. `heading` adds «Noe gikk galt» above, for a page whose main content failed;
 * children go last (a way back, say).
 */
export function QueryError({
  error,
  onRetry,
  heading = false,
  children,
}: {
  error: CombinedError;
  onRetry?: () => void;
  heading?: boolean;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Alert data-color="danger" role="alert">
      {heading && (
        <Heading level={2} data-size="xs">
          {t('error.heading')}
        </Heading>
      )}
      <Paragraph>{errorMessage(error, t('error.network'))}</Paragraph>
      {onRetry && (
        <button type="button" className="link-button" onClick={onRetry}>
          {t('error.retry')}
        </button>
      )}
      {children}
    </Alert>
  );
}

/**
 * A query's three states in one place: its error (with «Prøv igjen» when `reexecute` is given),
 * a spinner until data arrives, then `children(data)`. Without children it renders only the first
 * two, for a component that returns early: `if (result.error || !result.data) return <QueryState … />`.
 */
export function QueryState<D>({
  result,
  reexecute,
  heading,
  size,
  children,
}: {
  result: { data?: D; error?: CombinedError };
  reexecute?: (opts?: Partial<OperationContext>) => void;
  heading?: boolean;
  size?: 'sm' | 'md';
  children?: (data: D) => ReactNode;
}) {
  if (result.error) {
    const retry = reexecute ? () => reexecute({ requestPolicy: 'network-only' }) : undefined;
    return <QueryError error={result.error} heading={heading} onRetry={retry} />;
  }
  if (result.data === undefined || result.data === null) return <Loading size={size} />;
  return <>{children?.(result.data)}</>;
}
