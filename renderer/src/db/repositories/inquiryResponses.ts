import {
  attachmentSchema,
  inquiryResponseSchema,
  inquirySchema,
  makeEvent,
  missingResponseParts,
  newBaseFields,
  type Attachment,
  type Inquiry,
  type ResponseCheck,
} from '@shared/domain';
import { newId } from '@shared/ids';
import { isAwaitingAnswer } from '@shared/workflow/inquiries';
import type { TizilimDb } from '@renderer/db/database';
import {
  FILE_TOO_LARGE,
  fitFileName,
  MAX_ATTACHMENT_BYTES,
  type NewAttachmentFile,
} from './attachments';
import { stamp, type Stamp, type WriteContext } from './context';
import { parseOrThrow, RepositoryError } from './errors';
import { checkVersion, nextVersion } from './records';
import { fieldError, getInquiry, inquiryTables, releaseAppeals } from './inquiries';
import { checkInquiryDates, type DateIssue } from '@shared/validation/dates';
import { refuseIssues, factClockOf } from './facts';

/** The answer's date issues on the answer form's own fields ('receivedOn', 'theirDate'). */
function refuseResponseDates(issues: readonly DateIssue[]): void {
  refuseIssues(issues.map((issue) => ({ ...issue, path: issue.path.replace(/^response\./, '') })));
}

export interface ResponseInput {
  receivedOn: string;
  theirNo?: string;
  theirDate?: string | null;
  summary?: string;
  check: Partial<ResponseCheck>;
}

export interface RecordedResponse {
  inquiry: Inquiry;
  attachments: Attachment[];
  /** Appeals that left "waiting for an agency" with this answer. */
  releasedAppealIds: string[];
}

export function answerAttachments(
  inquiryId: string,
  files: readonly NewAttachmentFile[],
  ctx: WriteContext,
  time: Stamp,
): Attachment[] {
  return files.map((file, i) => {
    if (file.size > MAX_ATTACHMENT_BYTES) {
      throw fieldError(`attachments.${String(i)}`, FILE_TOO_LARGE);
    }
    return parseOrThrow(attachmentSchema, {
      ...newBaseFields({ id: newId(), now: time.iso, userId: ctx.userId }),
      appealId: null,
      inquiryId,
      fileName: fitFileName(file.fileName),
      mimeType: file.mimeType,
      size: file.size,
      blob: file.blob,
    });
  });
}

/**
 * Records the agency's answer: dates, their number, summary, the scanned letter and the
 * five-part check. The inquiry becomes answered; each linked appeal gets a
 * `responseReceived` event (saying whether the answer is complete) and leaves "waiting for
 * an agency" unless another inquiry still holds it. One transaction.
 */
export async function recordInquiryResponse(
  db: TizilimDb,
  id: string,
  input: ResponseInput,
  files: readonly NewAttachmentFile[],
  ctx: WriteContext,
  options: { expectedVersion?: number } = {},
): Promise<RecordedResponse> {
  const time = stamp(ctx);
  const records = answerAttachments(id, files, ctx, time);
  const response = parseOrThrow(inquiryResponseSchema, {
    ...input,
    theirDate: input.theirDate === '' ? null : input.theirDate,
    attachmentIds: records.map((r) => r.id),
  });
  const clock = factClockOf(ctx);
  // The answer's dates are facts: received not in the future, the letter not after that.
  refuseResponseDates(checkInquiryDates({ outgoingDate: null, response }, clock));
  return db.transaction('rw', inquiryTables(db), async () => {
    const current = await getInquiry(db, id);
    checkVersion(current, options.expectedVersion);
    if (!isAwaitingAnswer(current)) throw new RepositoryError('workflow', 'inquiry_not_awaiting');
    // …and not before the inquiry was sent.
    refuseResponseDates(
      checkInquiryDates({ outgoingDate: current.outgoingDate, response }, clock).filter((issue) =>
        issue.path.startsWith('response.'),
      ),
    );
    if (records.length > 0) await db.attachments.bulkAdd(records);
    const inquiry = parseOrThrow(
      inquirySchema,
      nextVersion(current, { status: 'answered', response }, time, ctx.userId),
    );
    await db.inquiries.put(inquiry);

    const missing = missingResponseParts(response.check);
    const note = `№ ${current.outgoingNo ?? ''}${response.theirNo ? ` → ${response.theirNo}` : ''}`;
    for (const appealId of inquiry.appealIds) {
      const appeal = await db.appeals.get(appealId);
      if (!appeal || appeal.deletedAt !== null) continue;
      await db.events.add(
        makeEvent({
          appealId,
          type: 'responseReceived',
          data: {
            inquiryId: id,
            receivedOn: response.receivedOn,
            complete: missing.length === 0,
            missing,
          },
          now: time.iso,
          userId: ctx.userId,
          note,
        }),
      );
    }
    const releasedAppealIds = await releaseAppeals(db, inquiry, note, ctx, time);
    return { inquiry, attachments: records, releasedAppealIds };
  });
}
