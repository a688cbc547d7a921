import { useCallback, useEffect, useRef, useState } from 'react';
import type { Draft } from '@shared/domain';
import type { TizilimDb } from '@renderer/db/database';
import { discardDraft, loadDraft, saveDraft } from '@renderer/db/repositories';
import {
  type StatusStore,
  useAutosaveTimer,
  useFlushOnLeave,
  useLatest,
  useStatus,
  useStatusStore,
} from '@renderer/ui/autosave';
import type { DraftState } from './DraftEditor';

/** The inquiry editor's autosaved text in the drafts table. */
export const INQUIRY_DRAFT_KIND = 'inquiry';
/** A pause in typing this long writes the draft… */
export const INQUIRY_DRAFT_DELAY_MS = 300;
/** …and while typing goes on without a pause, it is written at least this often. */
export const INQUIRY_DRAFT_MAX_WAIT_MS = 1_000;

/**
 * The draft's key: the inquiry's id once it is stored, otherwise the appeals it starts from
 * (sorted, so the same appeals in another order open the same draft).
 */
export function inquiryDraftKey(inquiryId: string | null, appealIds: readonly string[]): string {
  return inquiryId ?? `new:${[...appealIds].sort().join(',')}`;
}

export type InquiryDraftStatus =
  { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: Date } | { kind: 'failed' };

export function useInquiryDraftStatus(store: StatusStore<InquiryDraftStatus>): InquiryDraftStatus {
  return useStatus(store);
}

const text = (value: unknown, fallback: string): string =>
  typeof value === 'string' ? value : fallback;

/**
 * What a stored draft holds, read field by field: the drafts table takes anything, and an
 * older or damaged draft must not break the editor (a missing field keeps the editor's own).
 */
export function draftStateFrom(data: unknown, fallback: DraftState): DraftState {
  const d = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  const extra =
    typeof d.extra === 'object' && d.extra !== null
      ? Object.fromEntries(
          Object.entries(d.extra as Record<string, unknown>).filter(
            (entry): entry is [string, string] => typeof entry[1] === 'string',
          ),
        )
      : fallback.extra;
  return {
    agencyId:
      d.agencyId === null || typeof d.agencyId === 'string' ? d.agencyId : fallback.agencyId,
    addressee: text(d.addressee, fallback.addressee),
    language: d.language === 'kk' || d.language === 'ru' ? d.language : fallback.language,
    subject: text(d.subject, fallback.subject),
    templateId: text(d.templateId, fallback.templateId),
    extra,
    appealIds: Array.isArray(d.appealIds)
      ? d.appealIds.filter((id): id is string => typeof id === 'string')
      : fallback.appealIds,
    notes: text(d.notes, fallback.notes),
  };
}

/** Equal as the letter sees them: the order of keys does not matter, empty extras do not. */
export function sameDraftState(a: DraftState, b: DraftState): boolean {
  const canonical = (s: DraftState) =>
    JSON.stringify({
      ...s,
      extra: Object.fromEntries(
        Object.entries(s.extra)
          .filter(([, v]) => v !== '')
          .sort(([x], [y]) => x.localeCompare(y)),
      ),
    });
  return canonical(a) === canonical(b);
}

/**
 * Keeps what is typed into an inquiry in the drafts table, so a crash, a closed lid or a
 * dead battery loses nothing: written after a short pause, at least once a second while
 * typing goes on, and at once when a field loses focus, the window is hidden or the editor
 * leaves the screen. Writes are chained, so an older text never lands after a newer one.
 *
 * Text equal to `baseline` (the stored inquiry, or the untouched new one) is not a draft.
 * On opening, a draft that differs from it is offered back (`offer`); until the user
 * restores or discards it, nothing is written over it.
 */
export function useInquiryDraft(options: {
  db: TizilimDb;
  draftKey: string;
  baseline: DraftState;
  snapshot: () => DraftState;
}) {
  const { db, draftKey } = options;
  const snapshotRef = useLatest(options.snapshot);
  // The stored inquiry changes on save (`saved`), not with each render.
  const baseline = useRef(options.baseline);
  const [offer, setOffer] = useState<Draft | null>(null);
  /** The stored draft has been looked at (and offered, if there was one). */
  const [checked, setChecked] = useState(false);
  const status = useStatusStore<InquiryDraftStatus>({ kind: 'idle' });
  const chain = useRef<Promise<void>>(Promise.resolve());
  /** Off until the stored draft is looked at, while one is offered, and while saving. */
  const active = useRef(false);
  /** A draft row exists (or is being written) for this key. */
  const stored = useRef(false);
  const lastWritten = useRef<string | null>(null);

  const write = useCallback(
    (job: () => Promise<void>): Promise<void> => {
      chain.current = chain.current.then(async () => {
        try {
          await job();
        } catch {
          // Tried again with the next change or flush.
          lastWritten.current = null;
          status.set({ kind: 'failed' });
        }
      });
      return chain.current;
    },
    [status],
  );

  const flushNow = useCallback((): Promise<void> => {
    if (!active.current) return chain.current;
    const data = snapshotRef.current();
    if (sameDraftState(data, baseline.current)) {
      // Typed back to what is stored: nothing worth keeping.
      if (!stored.current) return chain.current;
      stored.current = false;
      lastWritten.current = null;
      return write(async () => {
        await discardDraft(db, INQUIRY_DRAFT_KIND, draftKey);
        status.set({ kind: 'idle' });
      });
    }
    const serialised = JSON.stringify(data);
    if (serialised === lastWritten.current) return chain.current;
    lastWritten.current = serialised;
    stored.current = true;
    return write(async () => {
      status.set({ kind: 'saving' });
      await saveDraft(db, { kind: INQUIRY_DRAFT_KIND, key: draftKey, data });
      status.set({ kind: 'saved', at: new Date() });
    });
  }, [db, draftKey, status, snapshotRef, write]);

  const timer = useAutosaveTimer(flushNow, INQUIRY_DRAFT_DELAY_MS, INQUIRY_DRAFT_MAX_WAIT_MS);
  const { cancel } = timer;
  const flush = useCallback(() => {
    cancel();
    return flushNow();
  }, [cancel, flushNow]);
  const schedule = useCallback(() => {
    if (active.current) timer.schedule();
  }, [timer]);

  useEffect(() => {
    let cancelled = false;
    active.current = false;
    void loadDraft(db, INQUIRY_DRAFT_KIND, draftKey).then((found) => {
      if (cancelled) return;
      stored.current = found !== undefined;
      if (found && !sameDraftState(draftStateFrom(found.data, baseline.current), baseline.current))
        setOffer(found);
      else {
        active.current = true;
        // Whatever was typed while the draft was being looked up.
        void flushNow();
      }
      setChecked(true);
    });
    return () => {
      cancelled = true;
    };
  }, [db, draftKey, flushNow]);

  // Another screen, a hidden window, a closed page: keep what was typed.
  useFlushOnLeave(flush);

  /**
   * The offer was taken or declined; autosave starts. Restoring returns the draft's text for
   * the editor to show (it is then written again as the editor's own).
   */
  const resolveOffer = useCallback(
    async (choice: 'restore' | 'discard'): Promise<DraftState | null> => {
      const offered = offer;
      setOffer(null);
      if (!offered) return null;
      lastWritten.current = null;
      if (choice === 'discard') {
        stored.current = false;
        await write(() => discardDraft(db, INQUIRY_DRAFT_KIND, draftKey));
      }
      active.current = true;
      schedule();
      return choice === 'restore' ? draftStateFrom(offered.data, baseline.current) : null;
    },
    [db, draftKey, offer, schedule, write],
  );

  /** Saving, sending or deleting the inquiry: no more writes, and the ones under way done. */
  const stop = useCallback(async () => {
    active.current = false;
    cancel();
    await chain.current;
  }, [cancel]);

  /** Removes the draft for good (the inquiry was created, deleted, or the user gave it up). */
  const remove = useCallback(async () => {
    await stop();
    stored.current = false;
    lastWritten.current = null;
    await write(() => discardDraft(db, INQUIRY_DRAFT_KIND, draftKey));
    status.set({ kind: 'idle' });
  }, [db, draftKey, status, stop, write]);

  /**
   * The inquiry was stored as `next`: the draft is gone, and autosave goes on against it
   * (whatever was typed during the save is written as a new draft).
   */
  const saved = useCallback(
    async (next: DraftState) => {
      await remove();
      baseline.current = next;
      active.current = true;
      void flushNow();
    },
    [flushNow, remove],
  );

  /** The save failed: keep autosaving what is on screen. */
  const resume = useCallback(() => {
    active.current = true;
    lastWritten.current = null;
    void flushNow();
  }, [flushNow]);

  return { checked, offer, status, schedule, flush, resolveOffer, stop, remove, saved, resume };
}
