import { describe, expect, it } from 'vitest';

import { EVENT_TYPES } from '@shared/domain/enums';
import type { EventType } from '@shared/domain/enums';
import { eventSchema, makeEvent } from '@shared/domain/event';
import type { EventDataMap } from '@shared/domain/event';
import { newId } from '@shared/ids';
import { issueCodes, NOW, USER_ID } from './fixtures';

const inquiryId = newId();

const sampleData: EventDataMap = {
  created: { regNo: '2026-0042' },
  statusChanged: { from: 'registered', to: 'in_progress', action: 'start' },
  fieldChanged: { changes: [{ field: 'topic', from: 'other', to: 'housing' }] },
  noteAdded: {},
  inquirySent: { inquiryId },
  responseReceived: { inquiryId },
  deadlineExtended: { from: '2026-03-24', to: '2026-04-30', reason: 'Бюджет қаражаты күтілуде' },
  applicantInformed: { informedAt: '2026-03-13T11:00', via: 'phone' },
  attachmentAdded: { attachmentId: newId(), fileName: 'акт.pdf' },
  merged: { sourceId: newId(), targetId: newId() },
  applicantAnonymised: { applicantId: newId() },
  deleted: {},
  journalImported: {
    regNo: '2026-0042',
    batchId: newId(),
    row: 12,
    sheet: '2026',
    fileName: 'журнал.xlsx',
    fingerprint: 'a1b2c3d4e5f60718',
  },
};

describe('events', () => {
  it.each(EVENT_TYPES)('makeEvent builds a valid %s event', (type: EventType) => {
    const appealId = newId();
    const event = makeEvent({ appealId, type, data: sampleData[type], now: NOW, userId: USER_ID });
    expect(eventSchema.parse(event)).toEqual(event);
    expect(event).toMatchObject({
      appealId,
      type,
      at: NOW,
      userId: USER_ID,
      note: '',
      createdAt: NOW,
      createdBy: USER_ID,
      version: 1,
      deletedAt: null,
    });
  });

  it('gives every event a fresh id and takes a backdated time and a note', () => {
    const params = {
      appealId: newId(),
      type: 'noteAdded' as const,
      data: {},
      now: NOW,
      userId: USER_ID,
      note: 'Тұрғындармен телефон арқылы сөйлестім',
      at: '2026-03-01T09:00:00.000Z',
    };
    const a = makeEvent(params);
    const b = makeEvent(params);
    expect(a.id).not.toBe(b.id);
    expect(a.at).toBe('2026-03-01T09:00:00.000Z');
    expect(a.note).toBe('Тұрғындармен телефон арқылы сөйлестім');
  });

  it('keeps unknown keys in event data (history is never rewritten)', () => {
    const event = makeEvent({
      appealId: newId(),
      type: 'statusChanged',
      data: { from: 'decided', to: 'closed', action: 'close', addedLater: 1 },
      now: NOW,
      userId: USER_ID,
    });
    expect(eventSchema.parse(event).data).toMatchObject({ addedLater: 1 });
  });

  it('rejects unknown types and data that does not fit the type', () => {
    const event = makeEvent({
      appealId: newId(),
      type: 'statusChanged',
      data: { from: 'registered', to: 'in_progress', action: 'start' },
      now: NOW,
      userId: USER_ID,
    });
    expect(eventSchema.safeParse({ ...event, type: 'renamed' }).success).toBe(false);
    expect(
      issueCodes(
        eventSchema.safeParse({ ...event, data: { from: 'x', to: 'closed', action: 'close' } }),
      ),
    ).toEqual(['data.from: invalid_option']);
    expect(eventSchema.safeParse({ ...event, type: 'inquirySent' }).success).toBe(false);
  });
});
