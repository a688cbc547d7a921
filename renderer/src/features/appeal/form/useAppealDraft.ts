import { useCallback, useEffect, useRef, useState } from 'react';
import type { Draft } from '@shared/domain';
import type { TizilimDb } from '@renderer/db/database';
import { discardDraft, loadDraft, saveDraft } from '@renderer/db/repositories';
import {
  type StatusStore,
  useFlushOnLeave,
  useLatest,
  useStatus,
  useStatusStore,
} from '@renderer/ui/autosave';

/** The appeal form's draft: field values (and an unfinished new applicant). */
export const DRAFT_KIND = 'appeal';
/**
 * Files chosen on the form but not saved yet, kept apart from the values: they are written
 * only when the list changes, not with every keystroke.
 */
export const DRAFT_FILES_KIND = 'appealFiles';

/** Autosave waits this long after the last change. */
export const AUTOSAVE_DELAY_MS = 500;

export interface DraftSnapshot {
  data: unknown;
  /** True when it equals the untouched form: nothing worth keeping. */
  pristine: boolean;
}

export interface PendingDraft {
  values: Draft;
  files: Draft | undefined;
}

export type DraftStatus = { kind: 'idle' } | { kind: 'saved'; at: Date } | { kind: 'failed' };

/** The autosave status: only the small status line re-renders when a draft is written. */
export type DraftStatusStore = StatusStore<DraftStatus>;

export function useDraftStatus(store: DraftStatusStore): DraftStatus {
  return useStatus(store);
}

/**
 * Keeps what is typed on the appeal form in the drafts table: debounced after changes, and
 * at once when a field loses focus or the window is hidden (a closed lid, a switch to another
 * program). On opening, an existing draft is offered back (`pending`) and autosave waits
 * until the assistant restores or discards it, so the offer is never overwritten.
 */
export function useAppealDraft(options: {
  db: TizilimDb;
  draftKey: string;
  snapshot: () => DraftSnapshot;
}) {
  const { db, draftKey } = options;
  const snapshotRef = useLatest(options.snapshot);
  const [pending, setPending] = useState<PendingDraft | null>(null);
  const [checked, setChecked] = useState(false);
  const status = useStatusStore<DraftStatus>({ kind: 'idle' });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** Off while a draft is on offer, and for good once the form is saved. */
  const active = useRef(false);
  const stored = useRef(false);
  const lastWritten = useRef<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    void Promise.all([
      loadDraft(db, DRAFT_KIND, draftKey),
      loadDraft(db, DRAFT_FILES_KIND, draftKey),
    ]).then(([values, files]) => {
      if (cancelled) return;
      if (values) {
        stored.current = true;
        setPending({ values, files });
      } else {
        active.current = true;
      }
      setChecked(true);
    });
    return () => {
      cancelled = true;
    };
  }, [db, draftKey]);

  const flush = useCallback(async () => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    if (!active.current) return;
    const snap = snapshotRef.current();
    if (snap.pristine) {
      if (stored.current) {
        stored.current = false;
        lastWritten.current = null;
        await discardDraft(db, DRAFT_KIND, draftKey);
        status.set({ kind: 'idle' });
      }
      return;
    }
    const serialised = JSON.stringify(snap.data);
    if (serialised === lastWritten.current) return;
    lastWritten.current = serialised;
    try {
      await saveDraft(db, { kind: DRAFT_KIND, key: draftKey, data: snap.data });
      stored.current = true;
      status.set({ kind: 'saved', at: new Date() });
    } catch {
      lastWritten.current = null;
      status.set({ kind: 'failed' });
    }
  }, [db, draftKey, status, snapshotRef]);

  const schedule = useCallback(() => {
    if (!active.current) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
  }, [flush]);

  // Leaving the form (another screen): keep what was typed.
  useFlushOnLeave(flush);

  /** Files are few and large: written when the list changes, replacing the previous list. */
  const saveFiles = useCallback(
    async (files: readonly unknown[]) => {
      if (!active.current) return;
      if (files.length === 0) await discardDraft(db, DRAFT_FILES_KIND, draftKey);
      else await saveDraft(db, { kind: DRAFT_FILES_KIND, key: draftKey, data: files });
    },
    [db, draftKey],
  );

  /** The offer was taken or declined: autosave starts. */
  const resolveOffer = useCallback(
    async (choice: 'restore' | 'discard') => {
      setPending(null);
      if (choice === 'discard') {
        stored.current = false;
        await Promise.all([
          discardDraft(db, DRAFT_KIND, draftKey),
          discardDraft(db, DRAFT_FILES_KIND, draftKey),
        ]);
      } else {
        lastWritten.current = null;
      }
      active.current = true;
      schedule();
    },
    [db, draftKey, schedule],
  );

  /** Saving the appeal: no more autosaves (a late one would resurrect the draft). */
  const stop = useCallback(() => {
    active.current = false;
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  }, []);

  /** The save failed: keep autosaving what is on screen. */
  const resume = useCallback(() => {
    active.current = true;
    lastWritten.current = null;
    void flush();
  }, [flush]);

  /** Removes the draft and its files (after a save, or when leaving without keeping it). */
  const remove = useCallback(async () => {
    stop();
    stored.current = false;
    await Promise.all([
      discardDraft(db, DRAFT_KIND, draftKey),
      discardDraft(db, DRAFT_FILES_KIND, draftKey),
    ]);
  }, [db, draftKey, stop]);

  return {
    checked,
    pending,
    status,
    schedule,
    flush,
    saveFiles,
    resolveOffer,
    stop,
    resume,
    remove,
  };
}
