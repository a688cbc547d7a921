import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toKzLocalDate } from '@shared/calendar/zone';
import { formatNumber } from '@shared/format/numbers';
import type { DemoProgress } from './buildDemoOffice';
import { switchTo } from './office';
import './demo.css';

type State =
  | { kind: 'idle' }
  | { kind: 'working'; progress: DemoProgress }
  | { kind: 'opening' }
  | { kind: 'failed'; detail: string };

/**
 * "Open the demo office": builds it in its own database with its progress on screen, then
 * switches the window to it. The office's own data is neither read nor changed.
 */
export function OpenDemoOffice({ primary = false }: { primary?: boolean }) {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ kind: 'idle' });

  const open = async () => {
    setState({ kind: 'working', progress: { phase: 'generate' } });
    try {
      const { buildDemoOffice } = await import('./buildDemoOffice');
      await buildDemoOffice({
        today: toKzLocalDate(new Date()),
        onProgress: (progress) => setState({ kind: 'working', progress }),
      });
      setState({ kind: 'opening' });
      switchTo(true);
    } catch (error) {
      setState({
        kind: 'failed',
        detail: error instanceof Error ? error.message : String(error),
      });
    }
  };

  const busy = state.kind === 'working' || state.kind === 'opening';
  return (
    <div className="demo-open">
      <p>
        <button
          type="button"
          className={primary ? 'button primary' : 'button'}
          disabled={busy}
          onClick={() => void open()}
        >
          {t('demo.open.button')}
        </button>
      </p>
      <div aria-live="polite">
        {state.kind === 'working' && (
          <div className="demo-progress" data-testid="demo-progress">
            <progress
              max={state.progress.phase === 'generate' ? undefined : state.progress.total}
              value={state.progress.phase === 'generate' ? undefined : state.progress.done}
              aria-label={t('demo.open.generate')}
            />
            <span>
              {state.progress.phase === 'generate' || state.progress.phase === 'backup'
                ? t('demo.open.generate')
                : t(`demo.open.${state.progress.phase}`, {
                    done: formatNumber(state.progress.done),
                    total: formatNumber(state.progress.total),
                  })}
            </span>
          </div>
        )}
        {state.kind === 'opening' && <p className="notice">{t('demo.open.opening')}</p>}
        {state.kind === 'failed' && (
          <p className="notice error" role="alert">
            {t('demo.open.failed', { detail: state.detail })}
          </p>
        )}
      </div>
    </div>
  );
}
