import {
  newBaseFields,
  planItemInputSchema,
  planItemSchema,
  type PlanItem,
  type PlanItemInput,
} from '@shared/domain';
import { newId } from '@shared/ids';
import type { TizilimDb } from '../database';
import { stamp, type WriteContext } from './context';
import { parseOrThrow } from './errors';
import { checkVersion, inputOf, loadLive, nextVersion, sameData, softDeleted } from './records';
import { listPlanItems } from '@renderer/db/queries/initiatives';

/**
 * Adds a priority to a quarter's plan. Without an explicit `order` it goes to the end of the
 * list (the schema's default of 0 would put every new item first).
 */
export async function createPlanItem(
  db: TizilimDb,
  input: PlanItemInput,
  ctx: WriteContext,
): Promise<PlanItem> {
  const data = parseOrThrow(planItemInputSchema, input);
  const time = stamp(ctx);
  return db.transaction('rw', db.planItems, async () => {
    let order = data.order;
    if (input.order === undefined) {
      const existing = await listPlanItems(db, data.year, data.quarter);
      order = existing.reduce((max, p) => Math.max(max, p.order + 1), 0);
    }
    const item = parseOrThrow(planItemSchema, {
      ...data,
      order,
      ...newBaseFields({ id: newId(), now: time.iso, userId: ctx.userId }),
    });
    await db.planItems.add(item);
    return item;
  });
}

/** Edits a plan item; a stale `expectedVersion` (a colleague saved first) is refused. */
export async function updatePlanItem(
  db: TizilimDb,
  id: string,
  patch: Partial<PlanItemInput>,
  ctx: WriteContext,
  options: { expectedVersion?: number } = {},
): Promise<PlanItem> {
  const time = stamp(ctx);
  return db.transaction('rw', db.planItems, async () => {
    const current = await loadLive(db.planItems, id);
    checkVersion(current, options.expectedVersion);
    const data = parseOrThrow(planItemInputSchema, { ...inputOf(current), ...patch });
    if (sameData(data, inputOf(current))) return current;
    const item = parseOrThrow(planItemSchema, nextVersion(current, data, time, ctx.userId));
    await db.planItems.put(item);
    return item;
  });
}

/** Soft-deletes a plan item. */
export async function deletePlanItem(
  db: TizilimDb,
  id: string,
  ctx: WriteContext,
  options: { expectedVersion?: number } = {},
): Promise<PlanItem> {
  const time = stamp(ctx);
  return db.transaction('rw', db.planItems, async () => {
    const current = await loadLive(db.planItems, id);
    checkVersion(current, options.expectedVersion);
    const item = softDeleted(current, time, ctx.userId);
    await db.planItems.put(item);
    return item;
  });
}

/**
 * Moves a plan item one place up or down in its quarter's list. The whole list is renumbered
 * 0, 1, 2… in the same transaction, so gaps and ties left by deletions or imports never make
 * a move look like it did nothing. Returns the quarter's list in its new order; at either end
 * of the list nothing changes.
 */
export async function movePlanItem(
  db: TizilimDb,
  id: string,
  direction: 'up' | 'down',
  ctx: WriteContext,
): Promise<PlanItem[]> {
  const time = stamp(ctx);
  return db.transaction('rw', db.planItems, async () => {
    const current = await loadLive(db.planItems, id);
    const list = await listPlanItems(db, current.year, current.quarter);
    const from = list.findIndex((p) => p.id === id);
    const to = direction === 'up' ? from - 1 : from + 1;
    if (to < 0 || to >= list.length) return list;
    const moved = [...list];
    const [item] = moved.splice(from, 1);
    if (item) moved.splice(to, 0, item);
    const result: PlanItem[] = [];
    for (const [order, p] of moved.entries()) {
      if (p.order === order) {
        result.push(p);
        continue;
      }
      const next = nextVersion(p, { order }, time, ctx.userId);
      await db.planItems.put(next);
      result.push(next);
    }
    return result;
  });
}
