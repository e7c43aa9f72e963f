import { Component, useState, type ErrorInfo, type ReactNode } from 'react';
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useI18n } from '../i18n/i18n';

/** A page's code (a lazily loaded chunk) could not be downloaded: the server or the network is gone. */
export function isChunkLoadError(error: unknown): boolean {
  const message = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  return /dynamically imported module|Importing a module script failed|error loading dynamically imported|ChunkLoadError|Failed to load module script/i.test(
    message,
  );
}

function ChunkFailed() {
  const { t } = useI18n();
  const [offline, setOffline] = useState(false);
  const [checking, setChecking] = useState(false);
  return (
    <Alert data-color="danger" role="alert" data-testid="route-error">
      <Heading level={1} data-size="xs">
        {t('error.pageFailed')}
      </Heading>
      <Paragraph>{t('error.chunk')}</Paragraph>
      {offline && <Paragraph>{t('error.stillOffline')}</Paragraph>}
      <Button
        data-size="sm"
        disabled={checking}
        onClick={async () => {
          // Reloading while the server is still away would swap the app for the browser's own error page.
          setChecking(true);
          try {
            const r = await fetch('/healthz', { cache: 'no-store' });
            if (!r.ok) throw new Error(String(r.status));
            window.location.reload();
          } catch {
            setOffline(true);
          } finally {
            setChecking(false);
          }
        }}
      >
        {t('error.reload')}
      </Button>
    </Alert>
  );
}

function PageFailed({ onRetry }: { onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <Alert data-color="danger" role="alert" data-testid="route-error">
      <Heading level={1} data-size="xs">
        {t('error.pageFailed')}
      </Heading>
      <Paragraph>{t('error.heading')}.</Paragraph>
      <Button data-size="sm" onClick={onRetry}>
        {t('error.retry')}
      </Button>
    </Alert>
  );
}

interface State {
  error: unknown;
}

/**
 * One per route: a page that throws (or whose code cannot be downloaded) shows an error with a way
 * out inside the page, and the header and menu stay. Give it `key={pathname}` so that going to
 * another page starts afresh.
 */
export class RouteBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    // No personal data here: only what failed and where.
    console.error(
      'page failed',
      error instanceof Error ? error.message : error,
      info.componentStack?.split('\n')[1]?.trim(),
    );
  }

  override render() {
    const { error } = this.state;
    if (error === null) return this.props.children;
    if (isChunkLoadError(error)) return <ChunkFailed />;
    return <PageFailed onRetry={() => this.setState({ error: null })} />;
  }
}
