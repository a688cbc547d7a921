import { useCallback, useRef } from 'react';
import type { TizilimDb } from '@renderer/db/database';
import { INTAKE_DRAFT_KIND, saveDraft } from '@renderer/db/repositories';
import {
  type StatusStore,
  useFlushOnLeave,
  useLatest,
  useStatus,
  useStatusStore,
} from '@renderer/ui/autosave';

/** A pause in typing this long writes the draft… */
export const INTAKE_DEBOUNCE_MS = 200;
/** …and while typing goes on without a pause, it is written at least this often. */
export const INTAKE_MAX_WAIT_MS = 1_000;

export type IntakeSaveStatus =
  { kind: 'idle' } | { kind: 'saved'; at: Date; chars: number } | { kind: 'failed' };

/** The save status, re-rendering only the component that shows it (not the text area). */
export function useIntakeSaveStatus(store: StatusStore<IntakeSaveStatus>): IntakeSaveStatus {
  return useStatus(store);
}

/**
 * Autosave of one visitor's intake into the drafts table. Writes are chained, so an older
 * snapshot never lands after a newer one; identical snapshots are not written again. Every
 * change schedules a write after a short pause, and continuous typing still writes at least
 * once a second. Leaving the field, hiding the window, closing the page or leaving the screen
 * writes at once.
 */
export function useIntakeDraft<T extends { text: string }>(options: {
  db: TizilimDb;
  draftKey: string;
  snapshot: () => T;
}) {
  const { db, draftKey } = options;
  const snapshotRef = useLatest(options.snapshot);
  const status = useStatusStore<IntakeSaveStatus>({ kind: 'idle' });
  const debounce = useRef<ReturnType<typeof setTimeout> | null>(null);
  const maxWait = useRef<ReturnType<typeof setTimeout> | null>(null);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const lastWritten = useRef<string | null>(null);
  const active = useRef(true);

  const clearTimers = () => {
    if (debounce.current) clearTimeout(debounce.current);
    if (maxWait.current) clearTimeout(maxWait.current);
    debounce.current = null;
    maxWait.current = null;
  };

  const flush = useCallback((): Promise<void> => {
    clearTimers();
    if (!active.current) return chain.current;
    const data = snapshotRef.current();
    const serialised = JSON.stringify(data);
    if (serialised === lastWritten.current) return chain.current;
    lastWritten.current = serialised;
    chain.current = chain.current.then(async () => {
      try {
        await saveDraft(db, { kind: INTAKE_DRAFT_KIND, key: draftKey, data });
        status.set({ kind: 'saved', at: new Date(), chars: data.text.length });
      } catch {
        // Try again with the next change or flush.
        lastWritten.current = null;
        status.set({ kind: 'failed' });
      }
    });
    return chain.current;
  }, [db, draftKey, status, snapshotRef]);

  const schedule = useCallback(() => {
    if (!active.current) return;
    if (debounce.current) clearTimeout(debounce.current);
    debounce.current = setTimeout(() => void flush(), INTAKE_DEBOUNCE_MS);
    maxWait.current ??= setTimeout(() => void flush(), INTAKE_MAX_WAIT_MS);
  }, [flush]);

  // Another visitor or another screen: keep what was typed.
  useFlushOnLeave(flush);

  /** Before registering: no more autosaves, and every pending write finished. */
  const stop = useCallback(async () => {
    await flush();
    active.current = false;
    clearTimers();
    await chain.current;
  }, [flush]);

  /** Registering failed: the draft keeps being saved. */
  const resume = useCallback(() => {
    active.current = true;
    lastWritten.current = null;
    void flush();
  }, [flush]);

  return { status, schedule, flush, stop, resume };
}
