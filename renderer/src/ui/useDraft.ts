import { useCallback, useEffect, useRef, useState } from 'react';
import type { Draft } from '@shared/domain';
import type { TizilimDb } from '@renderer/db/database';
import { discardDraft, loadDraft, saveDraft } from '@renderer/db/repositories';
import {
  useAutosaveTimer,
  useFlushOnLeave,
  useLatest,
  useStatus,
  useStatusStore,
  type StatusStore,
} from './autosave';

/** Where a draft stands; `saved` carries what was written (a status line may count it). */
export type DraftStatus<T> =
  { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: Date; data: T } | { kind: 'failed' };

export type DraftStatusStore<T> = StatusStore<DraftStatus<T>>;

/** The save status, re-rendering only the component that shows it (not the form). */
export function useDraftStatus<T>(store: DraftStatusStore<T>): DraftStatus<T> {
  return useStatus(store);
}

/** Writes under way in any draft: a screen that closes still finishes its last write. */
const inFlight = new Set<Promise<void>>();

/**
 * Resolves once every draft write started so far has finished (saved or failed). For the
 * moment a screen is gone and its last write must land before the database is touched
 * again, e.g. between tests.
 */
export async function draftWritesSettled(): Promise<void> {
  while (inFlight.size > 0) await Promise.all([...inFlight]);
}

export interface DraftOptions<T> {
  db: TizilimDb;
  /** The drafts table's `kind` ('appeal', 'inquiry', 'intake'…). */
  kind: string;
  draftKey: string;
  /** What is on screen now. */
  snapshot: () => T;
  /** A pause in typing this long writes the draft… */
  delayMs: number;
  /** …and while typing goes on without a pause, it is written at least this often. */
  maxWaitMs?: number;
  /**
   * Data that is no draft (the untouched form, text typed back to what is stored): it is not
   * written, and a draft stored before is removed.
   */
  isPristine?: (data: T) => boolean;
  /**
   * Look up a stored draft on opening and offer it back when this says it is worth it;
   * autosave waits until the offer is taken or declined, so it is never overwritten.
   * Without it, autosave starts at once.
   */
  offerIf?: (stored: Draft) => boolean;
  /** Show 'saving' while a write is under way. */
  reportSaving?: boolean;
}

/**
 * Keeps what is typed on a screen in the drafts table, so a crash, a closed lid or a dead
 * battery loses nothing: written after a pause in typing (and at least every `maxWaitMs`
 * while it never pauses), at once on `flush()` (a field left), when the window is hidden and
 * when the screen is left. Writes are chained, so an older snapshot never lands after a
 * newer one; a snapshot equal to the last one written is not written again.
 */
export function useDraft<T>(options: DraftOptions<T>) {
  const { db, kind, draftKey, delayMs } = options;
  const maxWaitMs = options.maxWaitMs ?? Number.POSITIVE_INFINITY;
  const snapshotRef = useLatest(options.snapshot);
  const isPristineRef = useLatest(options.isPristine);
  const offerIfRef = useLatest(options.offerIf);
  const reportSaving = options.reportSaving ?? false;
  const offering = options.offerIf !== undefined;
  const [offer, setOffer] = useState<Draft | null>(null);
  /** The stored draft has been looked at (and offered, if it was worth it). */
  const [checked, setChecked] = useState(!offering);
  const status = useStatusStore<DraftStatus<T>>({ kind: 'idle' });
  const chain = useRef<Promise<void>>(Promise.resolve());
  /** Off until the stored draft is looked at, while one is offered, and once stopped. */
  const active = useRef(!offering);
  /** A draft row exists (or is being written) for this key. */
  const stored = useRef(false);
  const lastWritten = useRef<string | null>(null);

  const write = useCallback(
    (job: () => Promise<void>): Promise<void> => {
      const next = chain.current.then(async () => {
        try {
          await job();
        } catch {
          // Tried again with the next change or flush.
          lastWritten.current = null;
          status.set({ kind: 'failed' });
        }
      });
      chain.current = next;
      inFlight.add(next);
      void next.then(() => inFlight.delete(next));
      return next;
    },
    [status],
  );

  const flushNow = useCallback((): Promise<void> => {
    if (!active.current) return chain.current;
    const data = snapshotRef.current();
    if (isPristineRef.current?.(data)) {
      if (!stored.current) return chain.current;
      stored.current = false;
      lastWritten.current = null;
      return write(async () => {
        await discardDraft(db, kind, draftKey);
        status.set({ kind: 'idle' });
      });
    }
    const serialised = JSON.stringify(data);
    if (serialised === lastWritten.current) return chain.current;
    lastWritten.current = serialised;
    stored.current = true;
    return write(async () => {
      if (reportSaving) status.set({ kind: 'saving' });
      await saveDraft(db, { kind, key: draftKey, data });
      status.set({ kind: 'saved', at: new Date(), data });
    });
  }, [db, kind, draftKey, status, snapshotRef, isPristineRef, reportSaving, write]);

  const timer = useAutosaveTimer(flushNow, delayMs, maxWaitMs);
  const { cancel } = timer;
  const flush = useCallback(() => {
    cancel();
    return flushNow();
  }, [cancel, flushNow]);
  const schedule = useCallback(() => {
    if (active.current) timer.schedule();
  }, [timer]);

  useEffect(() => {
    if (!offering) return;
    let cancelled = false;
    active.current = false;
    void loadDraft(db, kind, draftKey).then((found) => {
      if (cancelled) return;
      stored.current = found !== undefined;
      if (found && (offerIfRef.current?.(found) ?? true)) {
        setOffer(found);
      } else {
        active.current = true;
        // Whatever was typed while the draft was being looked up.
        void flushNow();
      }
      setChecked(true);
    });
    return () => {
      cancelled = true;
    };
  }, [db, kind, draftKey, offering, offerIfRef, flushNow]);

  // Another screen, a hidden window, a closed page: keep what was typed.
  useFlushOnLeave(flush);

  /**
   * The offer was taken or declined; autosave starts. Returns the draft taken (the screen
   * shows it, and it is then written again as the screen's own), or null.
   */
  const resolveOffer = useCallback(
    async (choice: 'restore' | 'discard'): Promise<Draft | null> => {
      const offered = offer;
      setOffer(null);
      lastWritten.current = null;
      if (choice === 'discard') {
        stored.current = false;
        await write(() => discardDraft(db, kind, draftKey));
      }
      active.current = true;
      schedule();
      return choice === 'restore' ? offered : null;
    },
    [db, kind, draftKey, offer, schedule, write],
  );

  /** Saving what the draft was for: no more writes, and the ones under way done. */
  const stop = useCallback(async () => {
    active.current = false;
    cancel();
    await chain.current;
  }, [cancel]);

  /** Autosave goes on (a save failed, or the screen starts over): what is on screen is written. */
  const resume = useCallback(() => {
    active.current = true;
    lastWritten.current = null;
    return flushNow();
  }, [flushNow]);

  /** Removes the draft for good (it was saved, or the user gave it up). */
  const remove = useCallback(async () => {
    await stop();
    stored.current = false;
    lastWritten.current = null;
    await write(() => discardDraft(db, kind, draftKey));
    status.set({ kind: 'idle' });
  }, [db, kind, draftKey, status, stop, write]);

  /** Autosave is on (no offer waiting, not stopped). */
  const isActive = useCallback(() => active.current, []);

  return { checked, offer, status, schedule, flush, resolveOffer, stop, resume, remove, isActive };
}
