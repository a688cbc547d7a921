import { appealSchema, type Appeal, type AppEvent } from '@shared/domain';
import { correctDecision, type DecisionCorrection } from '@shared/workflow/correction';
import type { TizilimDb } from '../database';
import { appealTables, storeAppeal } from './appeals';
import { stamp, type WriteContext } from './context';
import { parseOrThrow, RepositoryError } from './errors';
import { checkVersion, loadLive } from './records';

/**
 * Corrects the recorded decision of a decided or closed appeal (a mistyped decision date,
 * the wrong outcome) by the rules of shared/workflow/correction.ts: a reason is required,
 * the corrected decision obeys the rules of a new one (its date a fact, not before the
 * appeal arrived nor after the applicant was told), and the history gets one `fieldChanged`
 * event with the old and new values and the reason. One transaction; a refusal changes
 * nothing. A problem with the correction as a whole (the appeal is not decided, nothing
 * changed) is the error's `detail`; a problem with a field is an issue on that field.
 */
export async function correctAppealDecision(
  db: TizilimDb,
  id: string,
  correction: DecisionCorrection,
  ctx: WriteContext,
  options: { expectedVersion?: number } = {},
): Promise<{ appeal: Appeal; event: AppEvent }> {
  const time = stamp(ctx);
  return db.transaction('rw', appealTables(db), async () => {
    const current = await loadLive(db.appeals, id);
    checkVersion(current, options.expectedVersion);
    const result = correctDecision(current, correction, { now: time.iso, userId: ctx.userId });
    if (!result.ok) {
      const whole = result.issues.find((issue) => issue.path === '');
      if (whole) throw new RepositoryError('workflow', whole.code);
      throw new RepositoryError('validation', null, result.issues);
    }
    const appeal = parseOrThrow(appealSchema, result.appeal);
    await storeAppeal(db, appeal);
    await db.events.add(result.event);
    return { appeal, event: result.event };
  });
}
