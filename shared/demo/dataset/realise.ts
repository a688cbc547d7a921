/** Applies the planned steps to an appeal up to the end of "today", as the repositories would. */
import { formatLocalDateTime } from '../../calendar/dates';
import { KZ_UTC_OFFSET_MINUTES } from '../../calendar/zone';
import type { Appeal, NotResolvedReason } from '../../domain';
import type { Lang } from '../../i18n/lang';
import { type WorkflowAction, applyTransition } from '../../workflow/status';
import type { Agency } from '../phrases';
import { type Builder, type Step, dayOf, event, newId, stampAt } from './core';

/** Applies the planned steps up to the end of `today`, as the repositories would. */
export function realise(
  b: Builder,
  start: Appeal,
  planned: Step[],
  notResolvedReason: NotResolvedReason | null,
  agency: Agency,
  lang: Lang,
): Appeal {
  let appeal = start;
  const steps = planned.sort((a, b) => a.lm - b.lm);
  let last = Math.floor(Date.parse(appeal.createdAt) / 60_000) + KZ_UTC_OFFSET_MINUTES;
  for (const step of steps) {
    // Two writes never share a minute, so the history has one order however it is sorted.
    const lm = Math.max(step.lm, last + 1);
    if (lm > b.cutoff) break;
    last = lm;
    const stamp = stampAt(b, lm);
    const transition = (action: WorkflowAction): void => {
      const result = applyTransition(appeal, action, { now: stamp.iso, userId: step.user });
      if (!result.ok) {
        throw new Error(`${appeal.regNo}: ${action.type} refused (${result.error.code})`);
      }
      appeal = result.appeal;
      result.event.id = newId(b, stamp);
      b.events.push(result.event);
    };
    // applyTransition returns a fresh object each time and nothing else holds this one, so
    // plain edits can change it in place (a 45-field spread per edit is slow in Node 20).
    const touch = (): void => {
      appeal.updatedAt = stamp.iso;
      appeal.updatedBy = step.user;
      appeal.version += 1;
    };
    switch (step.kind) {
      case 'start':
      case 'awaitAgency':
      case 'agencyAnswered':
      case 'close':
        transition({ type: step.kind, note: step.note });
        break;
      case 'decide':
        transition({
          type: 'decide',
          outcome: step.outcome,
          outcomeSummary: step.summary,
          notResolvedReason: step.outcome === 'not_resolved' ? notResolvedReason : null,
          decidedOn: dayOf(lm),
          forwardedTo: step.outcome === 'forwarded' ? agency[lang] : undefined,
        });
        break;
      case 'inform':
        transition({
          type: 'informApplicant',
          informedAt: formatLocalDateTime(lm),
          via: step.via,
        });
        break;
      case 'reopen':
        transition({ type: 'reopen', reason: step.reason });
        break;
      case 'note':
        event(
          b,
          {
            appealId: appeal.id,
            type: 'noteAdded',
            data: {},
            now: stamp.iso,
            userId: step.user,
            note: step.note,
          },
          stamp,
        );
        break;
      case 'contact': {
        if (appeal.firstContactAt !== null) break;
        const to = formatLocalDateTime(Math.min(step.contactAt, lm));
        appeal.firstContactAt = to;
        touch();
        event(
          b,
          {
            appealId: appeal.id,
            type: 'fieldChanged',
            data: { changes: [{ field: 'firstContactAt', from: null, to }] },
            now: stamp.iso,
            userId: step.user,
            note: step.note,
          },
          stamp,
        );
        break;
      }
      case 'extend': {
        if (appeal.status === 'decided' || appeal.status === 'closed') break;
        const from = appeal.decideBy;
        appeal.extendedTo = step.to;
        appeal.extensionReason = step.reason;
        appeal.decideBy = step.to;
        touch();
        event(
          b,
          {
            appealId: appeal.id,
            type: 'deadlineExtended',
            data: { from, to: step.to, reason: step.reason },
            now: stamp.iso,
            userId: step.user,
            note: step.reason,
          },
          stamp,
        );
        break;
      }
      case 'publish': {
        const changes: { field: string; from: unknown; to: unknown }[] = [];
        if (
          appeal.publicSummary.kk !== step.summary.kk ||
          appeal.publicSummary.ru !== step.summary.ru
        ) {
          changes.push({ field: 'publicSummary', from: appeal.publicSummary, to: step.summary });
        }
        if (appeal.inReport !== step.inReport) {
          changes.push({ field: 'inReport', from: appeal.inReport, to: step.inReport });
        }
        if (changes.length === 0) break;
        appeal.publicSummary = step.summary;
        appeal.inReport = step.inReport;
        touch();
        event(
          b,
          {
            appealId: appeal.id,
            type: 'fieldChanged',
            data: { changes },
            now: stamp.iso,
            userId: step.user,
          },
          stamp,
        );
        break;
      }
    }
  }
  return appeal;
}
