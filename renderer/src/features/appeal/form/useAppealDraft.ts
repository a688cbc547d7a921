import { useCallback, useEffect, useRef, useState } from 'react';
import type { Draft } from '@shared/domain';
import type { TizilimDb } from '@renderer/db/database';
import { discardDraft, loadDraft, saveDraft } from '@renderer/db/repositories';
import { useLatest } from '@renderer/ui/autosave';
import {
  useDraft,
  useDraftStatus as useGenericStatus,
  type DraftStatus,
  type DraftStatusStore as GenericStatusStore,
} from '@renderer/ui/useDraft';

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

/** The autosave status: only the small status line re-renders when a draft is written. */
export type DraftStatusStore = GenericStatusStore<unknown>;

export function useDraftStatus(store: DraftStatusStore): DraftStatus<unknown> {
  return useGenericStatus(store);
}

/**
 * Keeps what is typed on the appeal form in the drafts table (useDraft): debounced after
 * changes, and at once when a field loses focus or the window is hidden (a closed lid, a
 * switch to another program). On opening, an existing draft is offered back (`pending`,
 * with its files) and autosave waits until the assistant restores or discards it, so the
 * offer is never overwritten. The chosen files are a draft of their own.
 */
export function useAppealDraft(options: {
  db: TizilimDb;
  draftKey: string;
  snapshot: () => DraftSnapshot;
}) {
  const { db, draftKey } = options;
  const snapshotRef = useLatest(options.snapshot);
  /** Whether the snapshot just taken is the untouched form (read right after taking it). */
  const pristine = useRef(false);
  const draft = useDraft<unknown>({
    db,
    kind: DRAFT_KIND,
    draftKey,
    snapshot: () => {
      const snap = snapshotRef.current();
      pristine.current = snap.pristine;
      return snap.data;
    },
    isPristine: () => pristine.current,
    delayMs: AUTOSAVE_DELAY_MS,
    offerIf: () => true,
  });

  // The files of a draft on offer, looked up alongside it.
  const [files, setFiles] = useState<{ key: string; draft: Draft | undefined } | null>(null);
  useEffect(() => {
    let cancelled = false;
    void loadDraft(db, DRAFT_FILES_KIND, draftKey).then((found) => {
      if (!cancelled) setFiles({ key: draftKey, draft: found });
    });
    return () => {
      cancelled = true;
    };
  }, [db, draftKey]);
  const filesChecked = files !== null && files.key === draftKey;
  const pending: PendingDraft | null =
    draft.offer && filesChecked ? { values: draft.offer, files: files.draft } : null;

  const { isActive, stop } = draft;
  /** Files are few and large: written when the list changes, replacing the previous list. */
  const saveFiles = useCallback(
    async (list: readonly unknown[]) => {
      if (!isActive()) return;
      if (list.length === 0) await discardDraft(db, DRAFT_FILES_KIND, draftKey);
      else await saveDraft(db, { kind: DRAFT_FILES_KIND, key: draftKey, data: list });
    },
    [db, draftKey, isActive],
  );

  const resolveDraftOffer = draft.resolveOffer;
  /** The offer was taken or declined: autosave starts. */
  const resolveOffer = useCallback(
    async (choice: 'restore' | 'discard') => {
      if (choice === 'discard') await discardDraft(db, DRAFT_FILES_KIND, draftKey);
      await resolveDraftOffer(choice);
    },
    [db, draftKey, resolveDraftOffer],
  );

  const removeDraft = draft.remove;
  /** Removes the draft and its files (after a save, or when leaving without keeping it). */
  const remove = useCallback(async () => {
    await Promise.all([removeDraft(), discardDraft(db, DRAFT_FILES_KIND, draftKey)]);
  }, [db, draftKey, removeDraft]);

  const restart = draft.resume;
  return {
    checked: draft.checked && filesChecked,
    pending,
    status: draft.status,
    schedule: draft.schedule,
    flush: draft.flush,
    saveFiles,
    resolveOffer,
    /** Saving the appeal: no more autosaves (a late one would resurrect the draft). */
    stop: () => void stop(),
    /** The save failed: keep autosaving what is on screen. */
    resume: () => void restart(),
    remove,
  };
}
