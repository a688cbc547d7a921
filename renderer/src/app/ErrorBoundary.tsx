import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isStorageFailure } from '@renderer/backup/storage';

interface Props {
  children: ReactNode;
}
interface State {
  error: Error | null;
}

/** Keeps a rendering bug in one screen from blanking the whole app. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('Tizilim render error', error, info.componentStack);
  }

  override render() {
    if (this.state.error) return <ErrorScreen error={this.state.error} />;
    return this.props.children;
  }
}

export function ErrorScreen({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  // The database could not be opened or written (most often a full disk): say what to do.
  const storage = isStorageFailure(error);
  return (
    <div role="alert" className="error-screen">
      <h1>{t(storage ? 'errors.storageTitle' : 'errors.boundaryTitle')}</h1>
      <p>{t(storage ? 'errors.storageBody' : 'errors.boundaryBody')}</p>
      <button type="button" className="button primary" onClick={() => location.reload()}>
        {t('errors.reload')}
      </button>
      <details>
        <summary>{t('errors.details')}</summary>
        <pre>{message}</pre>
      </details>
    </div>
  );
}
