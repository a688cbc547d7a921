import { useCallback, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '@shared/format';
import { etaMinutes, nextEta, type EtaState } from '@shared/progress';
import type { ImportProgressStep } from '@renderer/db/repositories/dataExport';
import { Dialog } from '@renderer/ui/Dialog';

const PHASES = ['validate', 'backup', 'write'] as const;

/** Where an import is: its step, and the time left in it when it can be told honestly. */
export interface ImportState {
  step: ImportProgressStep | null;
  remainingMs: number | null;
}

/**
 * The time left from the steps an import reports, measured on the page's clock
 * (shared/progress/eta.ts). `track` is called with each step; `reset` before an import.
 */
export function useImportEta(clock: () => number = () => performance.now()) {
  const state = useRef<EtaState | null>(null);
  const track = useCallback(
    (step: ImportProgressStep): ImportState => {
      const next = nextEta(state.current, { ...step, at: clock() });
      state.current = next.state;
      return { step, remainingMs: next.remainingMs };
    },
    [clock],
  );
  const reset = useCallback(() => {
    state.current = null;
  }, []);
  return { track, reset };
}

/**
 * The import's progress, over the page while it runs: the three steps (checking the file,
 * the backup of the current data, writing the records), the current one's share done and,
 * once it can be measured, about how many minutes are left. It cannot be closed: the import
 * cannot be stopped halfway (it either lands whole or not at all).
 */
export function ImportProgressDialog({ state }: { state: ImportState | null }) {
  const { t } = useTranslation();
  const step = state?.step ?? null;
  const current = step ? PHASES.indexOf(step.phase) : 0;
  // Once every record is checked, the records are checked together (references, numbers):
  // that has no count of its own, so the bar runs without a share.
  const linking = step?.phase === 'validate' && step.total > 1 && step.done >= step.total;
  const counted = step !== null && step.phase !== 'backup' && step.total > 1 && !linking;
  const percent = counted ? Math.floor((Math.min(step.done, step.total) / step.total) * 100) : null;
  const minutes = etaMinutes(state?.remainingMs ?? null);
  return (
    <Dialog open={state !== null} title={t('importProgress.title')} onClose={() => undefined}>
      <div className="import-progress" role="status" aria-live="polite">
        <ol className="import-steps">
          {PHASES.map((phase, i) => {
            const where = i < current ? 'done' : i === current ? 'current' : 'waiting';
            return (
              <li key={phase} className={`import-step ${where}`}>
                <span className="import-step-mark" aria-hidden="true">
                  {where === 'done' ? '✓' : i + 1}
                </span>
                <span>{t(`importProgress.steps.${phase}`)}</span>
                <span className="visually-hidden"> — {t(`importProgress.state.${where}`)}</span>
              </li>
            );
          })}
        </ol>
        <progress
          className="import-bar"
          max={100}
          value={percent ?? undefined}
          aria-label={step ? t(`importProgress.steps.${step.phase}`) : t('importProgress.title')}
        />
        <p className="import-figures">
          <span>
            {step?.phase === 'backup'
              ? t('importProgress.backupWorking')
              : linking
                ? t('importProgress.links')
                : counted
                  ? t('importProgress.records', {
                      done: formatNumber(step.done),
                      total: formatNumber(step.total),
                    })
                  : null}
          </span>
          {percent !== null && (
            <strong>{t('importProgress.percent', { percent: formatNumber(percent) })}</strong>
          )}
        </p>
        <p className="import-eta">
          {minutes !== null
            ? t('importProgress.eta', { minutes: formatNumber(minutes) })
            : counted && percent !== 100
              ? t('importProgress.estimating')
              : ' '}
        </p>
        <p className="settings-lead">{t('importProgress.lead')}</p>
      </div>
    </Dialog>
  );
}
