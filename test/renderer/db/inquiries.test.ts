import { describe, expect, it } from 'vitest';
import {
  closeInquiry,
  createAgency,
  createAppeal,
  createInquiry,
  createRepeatInquiry,
  deleteInquiryDraft,
  sendInquiry,
  setAgencyRetired,
  transitionAppeal,
  updateInquiryDraft,
} from '@renderer/db/repositories';
import { recordInquiryResponse } from '@renderer/db/repositories/inquiryResponses';
import { appealHistory } from '@renderer/db/queries/appeals';
import type { TizilimDb } from '@renderer/db/database';
import { newId } from '@shared/ids';
import {
  ctxAt,
  deleteFreshDbsAfterEach,
  freshDb,
  kazakhAppeal,
  rejection,
  russianAppeal,
} from './helpers';

let db: TizilimDb;
deleteFreshDbsAfterEach();

/** Monday 7 December 2026, 10:00 in Astana: after the answer to a 20 Nov letter is... not due. */
const DEC_7 = new Date('2026-12-07T05:00:00Z');
/** Monday 14 December 2026: past the 15 working days of a letter sent on 20 November. */
const DEC_14 = new Date('2026-12-14T05:00:00Z');

const FULL = {
  reference: true,
  receipt: true,
  answer: true,
  furtherActions: true,
  conclusion: true,
};
const NO_PART_4 = { ...FULL, furtherActions: false };

async function snapshot(db: TizilimDb) {
  return {
    inquiries: await db.inquiries.toArray(),
    appeals: await db.appeals.toArray(),
    events: await db.events.count(),
    counters: await db.counters.toArray(),
    attachments: await db.attachments.count(),
  };
}

async function office() {
  db = freshDb();
  const agency = await createAgency(
    db,
    {
      name: { kk: '«Астана-Жылу желілері» АҚ', ru: 'АО «Астана-Тепловые сети»' },
      kind: 'utility',
      headName: 'Сейітов Б. Е.',
    },
    ctxAt(),
  );
  const one = await createAppeal(db, kazakhAppeal(), ctxAt());
  const two = await createAppeal(db, russianAppeal(), ctxAt());
  await transitionAppeal(db, two.id, { type: 'start' }, ctxAt());
  return { agency, one, two };
}

async function draft(agencyId: string, appealIds: string[]) {
  return createInquiry(
    db,
    {
      agencyId,
      addressee: '',
      appealIds,
      subject: 'Абай көшесі 12-үйдегі ыстық су туралы',
      body: 'Құрметті Бауыржан Ерланұлы! ...',
      language: 'kk',
    },
    ctxAt(),
  );
}

describe('createInquiry / updateInquiryDraft', () => {
  it('stores a draft about two appeals, addressed from the directory, with nothing numbered', async () => {
    const { agency, one, two } = await office();
    const before = await snapshot(db);
    const inquiry = await draft(agency.id, [one.id, two.id]);
    expect(inquiry).toMatchObject({
      status: 'draft',
      outgoingNo: null,
      dueDate: null,
      addressee: '«Астана-Жылу желілері» АҚ',
      appealIds: [one.id, two.id],
      version: 1,
    });
    const after = await snapshot(db);
    expect(after.appeals).toEqual(before.appeals);
    expect(after.counters).toEqual(before.counters);
    expect(after.events).toBe(before.events);
  });

  it('refuses bad input with field codes and leaves the data unchanged', async () => {
    const { agency, one } = await office();
    const before = await snapshot(db);
    const noSubject = await rejection(
      createInquiry(db, { agencyId: agency.id, addressee: '', subject: ' ' }, ctxAt()),
    );
    expect(noSubject.issues.map((i) => i.path)).toContain('subject');
    const noAddressee = await rejection(
      createInquiry(db, { agencyId: null, addressee: '', subject: 'Су' }, ctxAt()),
    );
    expect(noAddressee.issues).toEqual([{ path: 'addressee', code: 'required' }]);
    const missingAppeal = await rejection(
      createInquiry(
        db,
        { agencyId: agency.id, addressee: '', subject: 'Су', appealIds: [one.id, newId()] },
        ctxAt(),
      ),
    );
    expect(missingAppeal.issues).toEqual([{ path: 'appealIds.1', code: 'record_not_found' }]);
    await setAgencyRetired(db, agency.id, true, ctxAt());
    const retired = await rejection(
      createInquiry(db, { agencyId: agency.id, addressee: '', subject: 'Су' }, ctxAt()),
    );
    expect(retired.issues).toEqual([{ path: 'agencyId', code: 'agency_retired' }]);
    const after = await snapshot(db);
    expect(after.inquiries).toEqual(before.inquiries);
  });

  it('edits a draft only, with a version check', async () => {
    const { agency, one } = await office();
    const inquiry = await draft(agency.id, [one.id]);
    const edited = await updateInquiryDraft(db, inquiry.id, { subject: 'Ыстық су' }, ctxAt(), {
      expectedVersion: 1,
    });
    expect(edited).toMatchObject({ subject: 'Ыстық су', version: 2 });
    expect(
      (await updateInquiryDraft(db, inquiry.id, { subject: 'Ыстық су' }, ctxAt())).version,
    ).toBe(2);
    const stale = await rejection(
      updateInquiryDraft(db, inquiry.id, { subject: 'X' }, ctxAt(), { expectedVersion: 1 }),
    );
    expect(stale.detail).toBe('edit_conflict');
    await sendInquiry(db, inquiry.id, { outgoingDate: '2026-11-20' }, ctxAt());
    const sent = await rejection(updateInquiryDraft(db, inquiry.id, { subject: 'X' }, ctxAt()));
    expect(sent.detail).toBe('inquiry_not_draft');
    expect((await db.inquiries.get(inquiry.id))?.subject).toBe('Ыстық су');
  });

  it('deletes a draft softly and refuses to delete a sent inquiry', async () => {
    const { agency } = await office();
    const a = await draft(agency.id, []);
    await deleteInquiryDraft(db, a.id, ctxAt());
    expect((await db.inquiries.get(a.id))?.deletedAt).not.toBeNull();
    expect((await rejection(updateInquiryDraft(db, a.id, {}, ctxAt()))).code).toBe('not_found');
    const b = await draft(agency.id, []);
    await sendInquiry(db, b.id, { outgoingDate: '2026-11-20' }, ctxAt());
    expect((await rejection(deleteInquiryDraft(db, b.id, ctxAt()))).detail).toBe(
      'inquiry_not_draft',
    );
  });
});

describe('sendInquiry', () => {
  it('numbers the letter, sets the working-day due date and moves the appeals in one go', async () => {
    const { agency, one, two } = await office();
    const inquiry = await draft(agency.id, [one.id, two.id]);
    const { inquiry: sent, movedAppealIds } = await sendInquiry(
      db,
      inquiry.id,
      { outgoingDate: '2026-11-20' },
      ctxAt(),
    );
    expect(sent).toMatchObject({
      status: 'sent',
      outgoingNo: '1/2026',
      outgoingDate: '2026-11-20',
      // 15 working days from Friday 20 November 2026.
      dueDate: '2026-12-11',
      version: 2,
    });
    expect(movedAppealIds).toEqual([one.id, two.id]);
    expect(await db.counters.get('inquiry:2026')).toEqual({ id: 'inquiry:2026', value: 1 });
    for (const id of [one.id, two.id]) {
      expect((await db.appeals.get(id))?.status).toBe('waiting_agency');
      expect((await db.registryRows.get(id))?.status).toBe('waiting_agency');
    }
    // The registered appeal is taken into work first, then waits.
    const history = await appealHistory(db, one.id);
    expect(history.map((e) => e.type)).toEqual([
      'created',
      'statusChanged',
      'statusChanged',
      'inquirySent',
    ]);
    expect(history[2]).toMatchObject({ data: { action: 'awaitAgency', inquiryId: inquiry.id } });
    expect(history[3]).toMatchObject({ data: { inquiryId: inquiry.id, outgoingNo: '1/2026' } });
  });

  it('gives consecutive numbers per year, restarting in a new year', async () => {
    const { agency } = await office();
    const numbers: string[] = [];
    for (const date of ['2026-11-19', '2026-11-20', '2026-11-20']) {
      const d = await draft(agency.id, []);
      numbers.push(
        (await sendInquiry(db, d.id, { outgoingDate: date }, ctxAt())).inquiry.outgoingNo!,
      );
    }
    expect(numbers).toEqual(['1/2026', '2/2026', '3/2026']);
    const next = await draft(agency.id, []);
    const january = new Date('2027-01-05T05:00:00Z');
    const sent = await sendInquiry(db, next.id, { outgoingDate: '2027-01-05' }, ctxAt(january));
    expect(sent.inquiry.outgoingNo).toBe('1/2027');
  });

  it('refuses to send when a linked appeal is decided, naming it, and changes nothing', async () => {
    const { agency, one, two } = await office();
    await transitionAppeal(
      db,
      two.id,
      {
        type: 'decide',
        outcome: 'explained',
        outcomeSummary: 'Түсіндірілді',
        decidedOn: '2026-11-20',
      },
      ctxAt(),
    );
    const inquiry = await draft(agency.id, [one.id, two.id]);
    const before = await snapshot(db);
    const error = await rejection(
      sendInquiry(db, inquiry.id, { outgoingDate: '2026-11-20' }, ctxAt()),
    );
    expect(error.detail).toBe('inquiry_appeal_cannot_wait');
    expect(error.issues).toEqual([{ path: 'appealIds.1', code: 'inquiry_appeal_cannot_wait' }]);
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses a bad or future date, a sent inquiry and a retired addressee', async () => {
    const { agency } = await office();
    const inquiry = await draft(agency.id, []);
    const before = await snapshot(db);
    expect(
      (await rejection(sendInquiry(db, inquiry.id, { outgoingDate: '20.11.2026' }, ctxAt())))
        .issues,
    ).toEqual([{ path: 'outgoingDate', code: 'invalid_date' }]);
    expect(
      (await rejection(sendInquiry(db, inquiry.id, { outgoingDate: '2026-11-21' }, ctxAt())))
        .issues,
    ).toEqual([{ path: 'outgoingDate', code: 'date_future_inquirySent' }]);
    expect(
      (await rejection(sendInquiry(db, inquiry.id, { outgoingDate: '1999-12-31' }, ctxAt())))
        .issues,
    ).toEqual([{ path: 'outgoingDate', code: 'date_early_inquirySent' }]);
    await setAgencyRetired(db, agency.id, true, ctxAt());
    expect(
      (await rejection(sendInquiry(db, inquiry.id, { outgoingDate: '2026-11-20' }, ctxAt())))
        .issues,
    ).toEqual([{ path: 'agencyId', code: 'agency_retired' }]);
    expect((await snapshot(db)).counters).toEqual(before.counters);
    await setAgencyRetired(db, agency.id, false, ctxAt());
    await sendInquiry(db, inquiry.id, { outgoingDate: '2026-11-20' }, ctxAt());
    expect(
      (await rejection(sendInquiry(db, inquiry.id, { outgoingDate: '2026-11-20' }, ctxAt())))
        .detail,
    ).toBe('inquiry_not_draft');
    expect(await db.counters.get('inquiry:2026')).toEqual({ id: 'inquiry:2026', value: 1 });
  });
});

describe('recordInquiryResponse', () => {
  async function sentAbout(appealIds: string[], agencyId: string, date = '2026-11-20') {
    const d = await draft(agencyId, appealIds);
    return (await sendInquiry(db, d.id, { outgoingDate: date }, ctxAt())).inquiry;
  }

  it('records an answer with its scan and five-part check, and releases the appeals', async () => {
    const { agency, one } = await office();
    const inquiry = await sentAbout([one.id], agency.id);
    const scan = new TextEncoder().encode('%PDF-1.4 жауап');
    const {
      inquiry: answered,
      attachments,
      releasedAppealIds,
    } = await recordInquiryResponse(
      db,
      inquiry.id,
      {
        receivedOn: '2026-12-04',
        theirNo: '03-12/4455',
        theirDate: '2026-12-03',
        summary: 'Құбыр 5 желтоқсанға дейін ауыстырылады',
        check: NO_PART_4,
      },
      [{ fileName: 'жауап.pdf', mimeType: 'application/pdf', size: scan.byteLength, blob: scan }],
      ctxAt(DEC_7),
    );
    expect(answered.status).toBe('answered');
    expect(answered.response).toMatchObject({
      receivedOn: '2026-12-04',
      theirNo: '03-12/4455',
      attachmentIds: [attachments[0]!.id],
      check: NO_PART_4,
    });
    expect(await db.attachments.get(attachments[0]!.id)).toMatchObject({
      inquiryId: inquiry.id,
      appealId: null,
      fileName: 'жауап.pdf',
    });
    expect(releasedAppealIds).toEqual([one.id]);
    expect((await db.appeals.get(one.id))?.status).toBe('in_progress');
    const history = await appealHistory(db, one.id);
    expect(history.slice(-2).map((e) => e.type)).toEqual(['responseReceived', 'statusChanged']);
    expect(history.at(-2)).toMatchObject({
      data: { inquiryId: inquiry.id, complete: false, missing: ['furtherActions'] },
    });
    expect(history.at(-1)).toMatchObject({ data: { action: 'agencyAnswered', to: 'in_progress' } });
  });

  it('keeps an appeal waiting while another inquiry about it is still unanswered', async () => {
    const { agency, one } = await office();
    const first = await sentAbout([one.id], agency.id);
    const second = await sentAbout([one.id], agency.id);
    const r1 = await recordInquiryResponse(
      db,
      first.id,
      { receivedOn: '2026-12-04', check: FULL },
      [],
      ctxAt(DEC_7),
    );
    expect(r1.releasedAppealIds).toEqual([]);
    expect((await db.appeals.get(one.id))?.status).toBe('waiting_agency');
    const r2 = await recordInquiryResponse(
      db,
      second.id,
      { receivedOn: '2026-12-07', check: FULL },
      [],
      ctxAt(DEC_7),
    );
    expect(r2.releasedAppealIds).toEqual([one.id]);
    expect((await db.appeals.get(one.id))?.status).toBe('in_progress');
  });

  it('refuses impossible dates, an unsent inquiry and a second answer, changing nothing', async () => {
    const { agency, one } = await office();
    const unsent = await draft(agency.id, [one.id]);
    expect(
      (
        await rejection(
          recordInquiryResponse(
            db,
            unsent.id,
            { receivedOn: '2026-11-20', check: FULL },
            [],
            ctxAt(),
          ),
        )
      ).detail,
    ).toBe('inquiry_not_awaiting');
    const inquiry = await sentAbout([one.id], agency.id, '2026-11-20');
    const before = await snapshot(db);
    const cases: [Parameters<typeof recordInquiryResponse>[2], string, string][] = [
      [{ receivedOn: '2026-11-19', check: FULL }, 'receivedOn', 'response_before_sent'],
      [{ receivedOn: '2026-12-20', check: FULL }, 'receivedOn', 'date_future_answerReceived'],
      [
        { receivedOn: '2026-12-04', theirDate: '2026-11-19', check: FULL },
        'theirDate',
        'answer_letter_before_sent',
      ],
      [
        { receivedOn: '2026-12-04', theirDate: '2026-12-05', check: FULL },
        'theirDate',
        'their_date_after_received',
      ],
      [{ receivedOn: 'вчера', check: FULL }, 'receivedOn', 'invalid_date'],
    ];
    for (const [input, path, code] of cases) {
      const error = await rejection(recordInquiryResponse(db, inquiry.id, input, [], ctxAt(DEC_7)));
      expect(error.issues).toEqual([{ path, code }]);
    }
    const huge = await rejection(
      recordInquiryResponse(
        db,
        inquiry.id,
        { receivedOn: '2026-12-04', check: FULL },
        [
          {
            fileName: 'скан.tif',
            mimeType: 'image/tiff',
            size: 26 * 1024 * 1024,
            blob: new Uint8Array(1),
          },
        ],
        ctxAt(DEC_7),
      ),
    );
    expect(huge.issues).toEqual([{ path: 'attachments.0', code: 'file_too_large' }]);
    expect(await snapshot(db)).toEqual(before);
    await recordInquiryResponse(
      db,
      inquiry.id,
      { receivedOn: '2026-12-04', check: FULL },
      [],
      ctxAt(DEC_7),
    );
    expect(
      (
        await rejection(
          recordInquiryResponse(
            db,
            inquiry.id,
            { receivedOn: '2026-12-04', check: FULL },
            [],
            ctxAt(DEC_7),
          ),
        )
      ).detail,
    ).toBe('inquiry_not_awaiting');
  });
});

describe('createRepeatInquiry and closeInquiry', () => {
  it('repeats an incomplete answer to the same addressee and appeals; sending it makes them wait again', async () => {
    const { agency, one } = await office();
    const first = await draft(agency.id, [one.id]);
    await sendInquiry(db, first.id, { outgoingDate: '2026-11-20' }, ctxAt());
    // A complete answer needs no repeat.
    const repeatLetter = {
      subject: 'Қайта сауал: ыстық су',
      body: 'Жауабыңызда 4-бөлім жоқ',
      language: 'kk' as const,
    };
    expect(
      (await rejection(createRepeatInquiry(db, first.id, repeatLetter, ctxAt(DEC_7)))).detail,
    ).toBe('repeat_not_needed');
    await recordInquiryResponse(
      db,
      first.id,
      { receivedOn: '2026-12-04', check: NO_PART_4 },
      [],
      ctxAt(DEC_7),
    );
    const repeat = await createRepeatInquiry(db, first.id, repeatLetter, ctxAt(DEC_7));
    expect(repeat).toMatchObject({
      status: 'draft',
      repeatOfId: first.id,
      agencyId: agency.id,
      addressee: first.addressee,
      appealIds: [one.id],
      subject: 'Қайта сауал: ыстық су',
    });
    const sent = await sendInquiry(db, repeat.id, { outgoingDate: '2026-12-07' }, ctxAt(DEC_7));
    expect(sent.inquiry.outgoingNo).toBe('2/2026');
    expect((await db.appeals.get(one.id))?.status).toBe('waiting_agency');
  });

  it('repeats an inquiry left without an answer past its due date', async () => {
    const { agency, one } = await office();
    const first = await draft(agency.id, [one.id]);
    await sendInquiry(db, first.id, { outgoingDate: '2026-11-20' }, ctxAt());
    const letter = { subject: 'Қайта сауал', body: '', language: 'kk' as const };
    expect((await rejection(createRepeatInquiry(db, first.id, letter, ctxAt(DEC_7)))).detail).toBe(
      'repeat_not_needed',
    );
    const repeat = await createRepeatInquiry(db, first.id, letter, ctxAt(DEC_14));
    expect(repeat.repeatOfId).toBe(first.id);
  });

  it('closes an answered inquiry; closing an unanswered one lets its appeals go on', async () => {
    const { agency, one, two } = await office();
    const a = await draft(agency.id, [one.id]);
    await sendInquiry(db, a.id, { outgoingDate: '2026-11-20' }, ctxAt());
    await recordInquiryResponse(
      db,
      a.id,
      { receivedOn: '2026-12-04', check: FULL },
      [],
      ctxAt(DEC_7),
    );
    const closed = await closeInquiry(db, a.id, ctxAt(DEC_7), { note: 'Жауап толық' });
    expect(closed.inquiry).toMatchObject({ status: 'closed', notes: 'Жауап толық' });
    expect(closed.releasedAppealIds).toEqual([]);
    expect((await rejection(closeInquiry(db, a.id, ctxAt(DEC_7)))).detail).toBe('inquiry_closed');

    const b = await draft(agency.id, [two.id]);
    expect((await rejection(closeInquiry(db, b.id, ctxAt(DEC_7)))).detail).toBe(
      'inquiry_not_awaiting',
    );
    await sendInquiry(db, b.id, { outgoingDate: '2026-11-20' }, ctxAt());
    expect((await db.appeals.get(two.id))?.status).toBe('waiting_agency');
    const closedB = await closeInquiry(db, b.id, ctxAt(DEC_7));
    expect(closedB.releasedAppealIds).toEqual([two.id]);
    expect((await db.appeals.get(two.id))?.status).toBe('in_progress');
  });
});
