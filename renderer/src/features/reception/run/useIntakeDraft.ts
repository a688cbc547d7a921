import { useCallback } from 'react';
import type { TizilimDb } from '@renderer/db/database';
import { INTAKE_DRAFT_KIND } from '@renderer/db/repositories';
import {
  useDraft,
  useDraftStatus,
  type DraftStatus,
  type DraftStatusStore,
} from '@renderer/ui/useDraft';

/** A pause in typing this long writes the draft… */
export const INTAKE_DEBOUNCE_MS = 200;
/** …and while typing goes on without a pause, it is written at least this often. */
export const INTAKE_MAX_WAIT_MS = 1_000;

export type IntakeSaveStatus<T extends { text: string } = { text: string }> = DraftStatus<T>;

/** The save status, re-rendering only the component that shows it (not the text area). */
export function useIntakeSaveStatus<T extends { text: string }>(
  store: DraftStatusStore<T>,
): IntakeSaveStatus<T> {
  return useDraftStatus(store);
}

/**
 * Autosave of one visitor's intake into the drafts table (useDraft): written after a short
 * pause and at least once a second while typing goes on; leaving the field, hiding the
 * window, closing the page or leaving the screen writes at once. There is nothing to offer
 * back here: the intake screen reads its draft itself.
 */
export function useIntakeDraft<T extends { text: string }>(options: {
  db: TizilimDb;
  draftKey: string;
  snapshot: () => T;
}) {
  const draft = useDraft<T>({
    db: options.db,
    kind: INTAKE_DRAFT_KIND,
    draftKey: options.draftKey,
    snapshot: options.snapshot,
    delayMs: INTAKE_DEBOUNCE_MS,
    maxWaitMs: INTAKE_MAX_WAIT_MS,
  });
  const { flush, resume: restart } = draft;
  const stopDraft = draft.stop;

  /** Before registering: what is typed is written, then no more autosaves. */
  const stop = useCallback(async () => {
    await flush();
    await stopDraft();
  }, [flush, stopDraft]);

  /** Registering failed: the draft keeps being saved. */
  const resume = useCallback(() => {
    void restart();
  }, [restart]);

  return { status: draft.status, schedule: draft.schedule, flush, stop, resume };
}
