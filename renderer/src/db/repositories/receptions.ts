import { toKzLocalDate } from '@shared/calendar/zone';
import {
  err,
  localDateSchema,
  newBaseFields,
  receptionInputObjectSchema,
  receptionSchema,
  requiredText,
  type BilingualText,
  type ChecklistStepState,
  type Reception,
  type ReceptionFormat,
} from '@shared/domain';
import { newId } from '@shared/ids';
import { z } from 'zod';
import type { TizilimDb } from '../database';
import { checklistFor, getChecklistTemplate } from '@renderer/db/queries/checklists';
import { stamp, type WriteContext } from './context';
import { parseOrThrow, RepositoryError } from './errors';
import { checkReceptionDates } from '@shared/validation/dates';
import { factClockOf, refuseIssues } from './facts';
import { checkVersion, loadLive, nextVersion } from './records';

/*
 * Receptions (азаматтарды қабылдау). A reception belongs to no appeal, so its changes write
 * no appeal Event: the record's own `version`, `updatedAt` and `updatedBy` are its history.
 * The appeals registered at a reception carry their own `created` events (see intake.ts).
 * Status moves planned → held (markReceptionHeld) or planned → cancelled (cancelReception);
 * only a planned reception's plan can be edited.
 */

/** What the planning form edits. */
export const receptionPlanSchema = receptionInputObjectSchema
  .pick({
    date: true,
    startTime: true,
    endTime: true,
    place: true,
    format: true,
    accessibilityNotes: true,
    notes: true,
  })
  .superRefine((plan, ctx) => {
    if (plan.endTime !== null && plan.endTime <= plan.startTime) {
      ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'end_before_start' });
    }
  });

export interface ReceptionPlan {
  date: string;
  startTime: string;
  endTime?: string | null;
  /** Both languages; a single string (as earlier callers sent) moves by its language. */
  place: BilingualText | string;
  format?: ReceptionFormat;
  accessibilityNotes?: BilingualText | string;
  notes?: string;
}

function planOf(reception: Reception): ReceptionPlan {
  const { date, startTime, endTime, place, format, accessibilityNotes, notes } = reception;
  return { date, startTime, endTime, place, format, accessibilityNotes, notes };
}

function mustBePlanned(reception: Reception): void {
  if (reception.status === 'cancelled')
    throw new RepositoryError('workflow', 'reception_cancelled');
  if (reception.status !== 'planned')
    throw new RepositoryError('workflow', 'reception_not_planned');
}

/** The next version of a stored reception, validated as a whole. */
function revise(reception: Reception, change: Partial<Reception>, ctx: WriteContext): Reception {
  return parseOrThrow(receptionSchema, nextVersion(reception, change, stamp(ctx), ctx.userId));
}

/**
 * Plans a reception. Its preparation checklist is the office's current one (or the built-in),
 * every step not yet done; the template's id is kept, so later edits of the template do not
 * lose what was ticked.
 */
export async function createReception(
  db: TizilimDb,
  plan: ReceptionPlan,
  ctx: WriteContext,
): Promise<Reception> {
  const data = parseOrThrow(receptionPlanSchema, plan);
  refuseIssues(
    checkReceptionDates(
      { ...data, status: 'planned', announcedOn: null, queue: [] },
      factClockOf(ctx),
    ),
  );
  const time = stamp(ctx);
  return db.transaction('rw', [db.receptions, db.checklistTemplates], async () => {
    const template = await checklistFor(db, 'reception_preparation');
    if (!(await db.checklistTemplates.get(template.id))) {
      await db.checklistTemplates.add(template);
    }
    const reception = parseOrThrow(receptionSchema, {
      ...newBaseFields({ id: newId(), now: time.iso, userId: ctx.userId }),
      ...data,
      status: 'planned',
      checklistTemplateId: template.id,
      checklist: template.steps.map((step) => ({ stepId: step.id, done: false, note: '' })),
      queue: [],
    });
    await db.receptions.add(reception);
    return reception;
  });
}

/** Changes the plan (date, time, place, format, notes) of a planned reception. */
export async function updateReception(
  db: TizilimDb,
  id: string,
  change: Partial<ReceptionPlan>,
  ctx: WriteContext,
  options: { expectedVersion?: number } = {},
): Promise<Reception> {
  return db.transaction('rw', db.receptions, async () => {
    const current = await loadLive(db.receptions, id);
    checkVersion(current, options.expectedVersion);
    mustBePlanned(current);
    const plan = parseOrThrow(receptionPlanSchema, { ...planOf(current), ...change });
    // Moved to another day: not before 2000, not after its announcement or its first visitor.
    if (plan.date !== current.date) {
      refuseIssues(
        checkReceptionDates({ ...current, ...plan }, factClockOf(ctx)).map((issue) =>
          issue.path === 'date' ? issue : { path: 'date', code: issue.code },
        ),
      );
    }
    const saved = revise(current, plan, ctx);
    await db.receptions.put(saved);
    return saved;
  });
}

const cancelReasonSchema = requiredText(1_000);

/**
 * Cancels a planned reception, with the reason (told to those who signed up). A reception at
 * which appeals were already registered took place: mark it held instead.
 */
export async function cancelReception(
  db: TizilimDb,
  id: string,
  reason: string,
  ctx: WriteContext,
  options: { expectedVersion?: number } = {},
): Promise<Reception> {
  const parsed = cancelReasonSchema.safeParse(reason);
  if (!parsed.success) {
    throw new RepositoryError('validation', null, [
      { path: 'cancelReason', code: 'cancel_reason_required' },
    ]);
  }
  return db.transaction('rw', db.receptions, async () => {
    const current = await loadLive(db.receptions, id);
    checkVersion(current, options.expectedVersion);
    mustBePlanned(current);
    if (current.queue.some((entry) => entry.appealId !== null)) {
      throw new RepositoryError('workflow', 'reception_has_appeals');
    }
    const saved = revise(current, { status: 'cancelled', cancelReason: parsed.data }, ctx);
    await db.receptions.put(saved);
    return saved;
  });
}

const announcementSchema = z.object({
  on: localDateSchema,
  where: z
    .string(err('announced_where_required'))
    .trim()
    .min(1, err('announced_where_required'))
    .max(500, err('too_long')),
});

/**
 * Records when and where the reception was announced (the seed requires a public
 * announcement). Recording it also ticks the preparation step "announce", if the checklist
 * has one. Recording again replaces the earlier record.
 */
export async function recordAnnouncement(
  db: TizilimDb,
  id: string,
  announcement: { on: string; where: string },
  ctx: WriteContext,
): Promise<Reception> {
  const data = parseOrThrow(announcementSchema, announcement);
  return db.transaction('rw', db.receptions, async () => {
    const current = await loadLive(db.receptions, id);
    if (current.status === 'cancelled') {
      throw new RepositoryError('workflow', 'reception_cancelled');
    }
    // The announcement is a fact made no later than the reception's day.
    refuseIssues(
      checkReceptionDates({ ...current, announcedOn: data.on, queue: [] }, factClockOf(ctx))
        .filter((issue) => issue.path === 'announcedOn')
        .map((issue) => ({ path: 'on', code: issue.code })),
    );
    const checklist = current.checklist.map((state) =>
      state.stepId === 'announce' ? { ...state, done: true } : state,
    );
    const saved = revise(
      current,
      { announcedOn: data.on, announcedWhere: data.where, checklist },
      ctx,
    );
    await db.receptions.put(saved);
    return saved;
  });
}

/**
 * Ticks (or unticks) one step of a planned reception's preparation checklist, with an
 * optional note. No version check: ticks of different steps by two people must both land.
 */
export async function setPreparationStep(
  db: TizilimDb,
  receptionId: string,
  stepId: string,
  state: { done: boolean; note?: string },
  ctx: WriteContext,
): Promise<Reception> {
  return db.transaction('rw', [db.receptions, db.checklistTemplates], async () => {
    const current = await loadLive(db.receptions, receptionId);
    mustBePlanned(current);
    const template = current.checklistTemplateId
      ? await getChecklistTemplate(db, current.checklistTemplateId)
      : undefined;
    const known =
      current.checklist.some((s) => s.stepId === stepId) ||
      (template?.steps.some((s) => s.id === stepId) ?? false);
    if (!known) {
      throw new RepositoryError('validation', null, [
        { path: 'checklist', code: 'checklist_step_unknown' },
      ]);
    }
    const previous = current.checklist.find((s) => s.stepId === stepId);
    const next: ChecklistStepState = {
      stepId,
      done: state.done,
      note: state.note ?? previous?.note ?? '',
    };
    const checklist = previous
      ? current.checklist.map((s) => (s.stepId === stepId ? next : s))
      : [...current.checklist, next];
    const saved = revise(current, { checklist }, ctx);
    await db.receptions.put(saved);
    return saved;
  });
}

/**
 * Marks a reception held, from its summary. Refused for a reception still ahead (its day has
 * not come) and while a visitor's conversation is open: finishing that intake registers an
 * appeal, and a held reception takes no new ones. Visitors still waiting are allowed — the
 * summary lists them.
 */
export async function markReceptionHeld(
  db: TizilimDb,
  id: string,
  ctx: WriteContext,
  options: { expectedVersion?: number } = {},
): Promise<Reception> {
  const today = toKzLocalDate(ctx.now ? ctx.now() : new Date());
  return db.transaction('rw', db.receptions, async () => {
    const current = await loadLive(db.receptions, id);
    checkVersion(current, options.expectedVersion);
    mustBePlanned(current);
    if (current.date > today) throw new RepositoryError('workflow', 'reception_in_future');
    if (current.queue.some((entry) => entry.status === 'in_conversation')) {
      throw new RepositoryError('workflow', 'reception_intake_open');
    }
    const saved = revise(current, { status: 'held' }, ctx);
    await db.receptions.put(saved);
    return saved;
  });
}

/* ---------- reading ---------- */
