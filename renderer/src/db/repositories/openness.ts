import {
  feedbackRoundInputSchema,
  feedbackRoundSchema,
  newBaseFields,
  reportPublicationInputSchema,
  reportPublicationSchema,
  type FeedbackRound,
  type FeedbackRoundInput,
  type ReportPublication,
  type ReportPublicationInput,
} from '@shared/domain';
import { quarterId, quarterIdBounds } from '@shared/format';
import { newId } from '@shared/ids';
import { checkFeedbackDates, checkPublicationDates } from '@shared/validation/dates';
import type { TizilimDb } from '../database';
import { stamp, type WriteContext } from './context';
import { RepositoryError, parseOrThrow } from './errors';
import { factClockOf, refuseIssues } from './facts';
import { checkVersion, inputOf, loadLive, nextVersion, sameData, softDeleted } from './records';

// The two records of the open-deputy scorecard (shared/scorecard): a quarterly report's
// publication (step 4) and a feedback round after a maslikhat decision (step 5). Each write
// is one transaction; the change layer logs it (history, backups' journal, exchange, sync)
// like every office table.

function parsePublication(input: ReportPublicationInput, ctx: WriteContext) {
  const data = parseOrThrow(reportPublicationInputSchema, input);
  refuseIssues(checkPublicationDates(data, factClockOf(ctx)));
  const bounds = quarterIdBounds(quarterId(data.year, data.quarter));
  if (bounds !== null && data.publishedOn < bounds.end) {
    throw new RepositoryError('validation', null, [
      { path: 'publishedOn', code: 'publication_before_quarter_end' },
    ]);
  }
  return data;
}

/** One publication per quarter: a second one for the same quarter is an edit of the first. */
async function refuseTakenQuarter(
  db: TizilimDb,
  data: { year: number; quarter: number },
  exceptId: string | null,
): Promise<void> {
  const same = await db.reportPublications
    .where('[year+quarter]')
    .equals([data.year, data.quarter])
    .filter((p) => p.deletedAt === null && p.id !== exceptId)
    .count();
  if (same > 0) {
    throw new RepositoryError('validation', null, [
      { path: 'quarter', code: 'publication_quarter_taken' },
    ]);
  }
}

/** Records that a quarter's public report was published (when, and where to read it). */
export async function createReportPublication(
  db: TizilimDb,
  input: ReportPublicationInput,
  ctx: WriteContext,
): Promise<ReportPublication> {
  const data = parsePublication(input, ctx);
  const time = stamp(ctx);
  return db.transaction('rw', db.reportPublications, async () => {
    await refuseTakenQuarter(db, data, null);
    const record = parseOrThrow(reportPublicationSchema, {
      ...data,
      ...newBaseFields({ id: newId(), now: time.iso, userId: ctx.userId }),
    });
    await db.reportPublications.add(record);
    return record;
  });
}

export async function updateReportPublication(
  db: TizilimDb,
  id: string,
  patch: Partial<ReportPublicationInput>,
  ctx: WriteContext,
  options: { expectedVersion?: number } = {},
): Promise<ReportPublication> {
  const time = stamp(ctx);
  return db.transaction('rw', db.reportPublications, async () => {
    const current = await loadLive(db.reportPublications, id);
    checkVersion(current, options.expectedVersion);
    const data = parsePublication({ ...inputOf(current), ...patch }, ctx);
    if (sameData(data, inputOf(current))) return current;
    await refuseTakenQuarter(db, data, id);
    const record = parseOrThrow(
      reportPublicationSchema,
      nextVersion(current, data, time, ctx.userId),
    );
    await db.reportPublications.put(record);
    return record;
  });
}

export async function deleteReportPublication(
  db: TizilimDb,
  id: string,
  ctx: WriteContext,
): Promise<ReportPublication> {
  const time = stamp(ctx);
  return db.transaction('rw', db.reportPublications, async () => {
    const current = await loadLive(db.reportPublications, id);
    const record = softDeleted(current, time, ctx.userId);
    await db.reportPublications.put(record);
    return record;
  });
}

function parseRound(input: FeedbackRoundInput, ctx: WriteContext) {
  const data = parseOrThrow(feedbackRoundInputSchema, input);
  refuseIssues(checkFeedbackDates(data, factClockOf(ctx)));
  return data;
}

/** Records a feedback round: the decision, when and how residents were heard, what they said. */
export async function createFeedbackRound(
  db: TizilimDb,
  input: FeedbackRoundInput,
  ctx: WriteContext,
): Promise<FeedbackRound> {
  const data = parseRound(input, ctx);
  const time = stamp(ctx);
  return db.transaction('rw', db.feedbackRounds, async () => {
    const record = parseOrThrow(feedbackRoundSchema, {
      ...data,
      ...newBaseFields({ id: newId(), now: time.iso, userId: ctx.userId }),
    });
    await db.feedbackRounds.add(record);
    return record;
  });
}

export async function updateFeedbackRound(
  db: TizilimDb,
  id: string,
  patch: Partial<FeedbackRoundInput>,
  ctx: WriteContext,
  options: { expectedVersion?: number } = {},
): Promise<FeedbackRound> {
  const time = stamp(ctx);
  return db.transaction('rw', db.feedbackRounds, async () => {
    const current = await loadLive(db.feedbackRounds, id);
    checkVersion(current, options.expectedVersion);
    const data = parseRound({ ...inputOf(current), ...patch }, ctx);
    if (sameData(data, inputOf(current))) return current;
    const record = parseOrThrow(feedbackRoundSchema, nextVersion(current, data, time, ctx.userId));
    await db.feedbackRounds.put(record);
    return record;
  });
}

export async function deleteFeedbackRound(
  db: TizilimDb,
  id: string,
  ctx: WriteContext,
): Promise<FeedbackRound> {
  const time = stamp(ctx);
  return db.transaction('rw', db.feedbackRounds, async () => {
    const current = await loadLive(db.feedbackRounds, id);
    const record = softDeleted(current, time, ctx.userId);
    await db.feedbackRounds.put(record);
    return record;
  });
}
