/**
 * An appeal's history as its version history (docs/merge.md, "The common ancestor"). Every
 * change of an appeal is written with an event (the repositories' rule), events never change
 * and keep their ids on every laptop, so the events one side holds and the other does not
 * say exactly which fields each side changed since they last shared the appeal — and a
 * `fieldChanged` event's `from` says what the field was before. This works the same for
 * a package, an export and a CouchDB document, with nothing stored besides the history.
 */
import type { AppEvent } from '../domain/event';
import type { AppealStatus } from '../domain/enums';
import { TRANSITIONS, canApply, type ActionType } from '../workflow/status';
import { deepEqual } from './stable';

/** Fields moved together by the workflow (status, decision, informing the applicant). */
export const WORKFLOW_FIELDS = [
  'status',
  'outcome',
  'notResolvedReason',
  'decidedOn',
  'applicantInformedAt',
  'informedVia',
] as const;

function topField(path: string): string {
  const dot = path.indexOf('.');
  return dot < 0 ? path : path.slice(0, dot);
}

/** The appeal fields an event records a change of. */
export function fieldsTouchedBy(event: AppEvent): readonly string[] {
  switch (event.type) {
    case 'fieldChanged':
      return event.data.changes.map((change) => topField(change.field));
    case 'statusChanged':
      return event.data.action === 'decide'
        ? [...WORKFLOW_FIELDS, 'outcomeSummary', 'forwardedTo']
        : WORKFLOW_FIELDS;
    case 'applicantInformed':
      return ['applicantInformedAt', 'informedVia', 'firstContactAt'];
    case 'deadlineExtended':
      return ['extendedTo', 'extensionReason'];
    case 'attachmentAdded':
      return ['attachmentIds'];
    case 'merged':
      return ['applicantId', 'coApplicantIds'];
    case 'deleted':
      return ['deletedAt'];
    case 'noteAdded':
      return decidedFields(event.data);
    default:
      return [];
  }
}

/**
 * A person's decision on a conflict where they kept this laptop's value is a note (nothing
 * changed here), but it is a change for the other laptop: the decided fields count as
 * touched, so the same conflict is not offered again by the next package.
 */
function decidedFields(data: Record<string, unknown>): readonly string[] {
  const conflict = data.conflict as
    { field?: unknown; fields?: unknown; table?: unknown } | undefined;
  if (!conflict || conflict.table !== undefined) return [];
  if (Array.isArray(conflict.fields)) return conflict.fields.map(String);
  return typeof conflict.field === 'string' ? [topField(conflict.field)] : [];
}

export function byTime(a: AppEvent, b: AppEvent): number {
  return a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The events of one appeal that only one side holds, oldest first. */
export interface HistorySplit {
  mineOnly: AppEvent[];
  theirsOnly: AppEvent[];
}

export function splitHistory(mine: readonly AppEvent[], theirs: readonly AppEvent[]): HistorySplit {
  const mineIds = new Set(mine.map((e) => e.id));
  const theirIds = new Set(theirs.map((e) => e.id));
  return {
    mineOnly: mine.filter((e) => !theirIds.has(e.id)).sort(byTime),
    theirsOnly: theirs.filter((e) => !mineIds.has(e.id)).sort(byTime),
  };
}

export function touchedFields(events: readonly AppEvent[]): Set<string> {
  const out = new Set<string>();
  for (const event of events) for (const field of fieldsTouchedBy(event)) out.add(field);
  return out;
}

/**
 * What a field was before either side changed it, from the oldest unshared `fieldChanged`
 * event that names it; `undefined` when no event says.
 */
export function valueBefore(field: string, split: HistorySplit): { value: unknown } | undefined {
  const events = [...split.mineOnly, ...split.theirsOnly].sort(byTime);
  for (const event of events) {
    if (event.type !== 'fieldChanged') continue;
    const change = event.data.changes.find((c) => c.field === field);
    if (change) return { value: change.from };
  }
  return undefined;
}

type Move = { key: string; side: 'mine' | 'theirs' } & (
  { kind: 'status'; action: ActionType; from: AppealStatus; to: AppealStatus } | { kind: 'inform' }
);

function moveOf(event: AppEvent, side: 'mine' | 'theirs'): Move | null {
  if (event.type === 'statusChanged') {
    const { action, from, to } = event.data;
    const details = event.data as Record<string, unknown>;
    // Two laptops waiting for different inquiries, or deciding differently, did not make the
    // same move; two that both started work on the appeal did.
    const key = [
      action,
      from,
      to,
      details.outcome ?? '',
      details.decidedOn ?? '',
      details.inquiryId ?? '',
    ].join('|');
    return { kind: 'status', action, from, to, key, side };
  }
  if (event.type === 'applicantInformed') {
    const key = ['inform', event.data.informedAt, event.data.via].join('|');
    return { kind: 'inform', key, side };
  }
  return null;
}

export type StatusReplay =
  { ok: true; status: AppealStatus; winner: 'mine' | 'theirs' } | { ok: false };

/**
 * A status that moved on both sides is kept only if both sides' moves, in time order, form
 * one valid path of the workflow (shared/workflow/status.ts) from where they parted: each
 * move starts where the previous one ended and is an allowed transition. The same move made
 * on both laptops (both started work on the appeal; both recorded the same decision) counts
 * once. The side whose move comes last wins the workflow fields; anything else is a conflict.
 */
export function replayStatus(
  baseStatus: AppealStatus | undefined,
  split: HistorySplit,
): StatusReplay {
  const moves = [
    ...split.mineOnly.map((e) => ({ e, m: moveOf(e, 'mine') })),
    ...split.theirsOnly.map((e) => ({ e, m: moveOf(e, 'theirs') })),
  ]
    .filter((x): x is { e: AppEvent; m: Move } => x.m !== null)
    .sort((a, b) => byTime(a.e, b.e))
    .map((x) => x.m);
  const firstOf = (side: 'mine' | 'theirs'): AppealStatus | undefined => {
    const first = moves.find((m) => m.side === side);
    if (!first) return undefined;
    return first.kind === 'status' ? first.from : 'decided';
  };
  let current = baseStatus;
  if (current === undefined) {
    const mine = firstOf('mine');
    const theirs = firstOf('theirs');
    if (mine !== undefined && theirs !== undefined && mine !== theirs) return { ok: false };
    current = mine ?? theirs;
  }
  if (current === undefined) return { ok: false };
  const applied = new Set<string>();
  let winner: 'mine' | 'theirs' | null = null;
  for (const move of moves) {
    const valid =
      move.kind === 'status'
        ? move.from === current &&
          canApply(current, move.action) &&
          TRANSITIONS[move.action].to === move.to
        : canApply(current, 'informApplicant');
    if (valid) {
      if (move.kind === 'status') current = move.to;
      applied.add(move.key);
      winner = move.side;
    } else if (!applied.has(move.key)) {
      return { ok: false };
    }
  }
  return winner === null ? { ok: false } : { ok: true, status: current, winner };
}

/** Whether two values of one field are the same (exported for the record merge). */
export const sameValue = deepEqual;
