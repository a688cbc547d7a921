import { useCallback, useRef } from 'react';
import type { TizilimDb } from '@renderer/db/database';
import {
  useDraft,
  useDraftStatus,
  type DraftStatus,
  type DraftStatusStore,
} from '@renderer/ui/useDraft';
import type { DraftState } from './draftState';

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

export type InquiryDraftStatus = DraftStatus<DraftState>;

export function useInquiryDraftStatus(store: DraftStatusStore<DraftState>): InquiryDraftStatus {
  return useDraftStatus(store);
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
 * Keeps what is typed into an inquiry in the drafts table (useDraft), so a crash, a closed
 * lid or a dead battery loses nothing: written after a short pause, at least once a second
 * while typing goes on, and at once when a field loses focus, the window is hidden or the
 * editor leaves the screen.
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
  // The stored inquiry changes on save (`saved`), not with each render.
  const baseline = useRef(options.baseline);
  const draft = useDraft<DraftState>({
    db: options.db,
    kind: INQUIRY_DRAFT_KIND,
    draftKey: options.draftKey,
    snapshot: options.snapshot,
    delayMs: INQUIRY_DRAFT_DELAY_MS,
    maxWaitMs: INQUIRY_DRAFT_MAX_WAIT_MS,
    isPristine: (data) => sameDraftState(data, baseline.current),
    offerIf: (found) =>
      !sameDraftState(draftStateFrom(found.data, baseline.current), baseline.current),
    reportSaving: true,
  });
  const { remove, resume: restart } = draft;
  const resolveDraftOffer = draft.resolveOffer;

  /**
   * The offer was taken or declined; autosave starts. Restoring returns the draft's text for
   * the editor to show (it is then written again as the editor's own).
   */
  const resolveOffer = useCallback(
    async (choice: 'restore' | 'discard'): Promise<DraftState | null> => {
      const taken = await resolveDraftOffer(choice);
      return taken ? draftStateFrom(taken.data, baseline.current) : null;
    },
    [resolveDraftOffer],
  );

  /**
   * The inquiry was stored as `next`: the draft is gone, and autosave goes on against it
   * (whatever was typed during the save is written as a new draft).
   */
  const saved = useCallback(
    async (next: DraftState) => {
      await remove();
      baseline.current = next;
      void restart();
    },
    [remove, restart],
  );

  /** The save failed: keep autosaving what is on screen. */
  const resume = useCallback(() => {
    void restart();
  }, [restart]);

  return {
    checked: draft.checked,
    offer: draft.offer,
    status: draft.status,
    schedule: draft.schedule,
    flush: draft.flush,
    resolveOffer,
    stop: draft.stop,
    remove,
    saved,
    resume,
  };
}
