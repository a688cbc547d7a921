/**
 * Each rule of docs/merge.md on an office's real data shapes: two laptops set up from one
 * generated office (test/fixtures/laptops.ts) do their work, and the office laptop merges.
 */
import { describe, expect, it } from 'vitest';
import {
  appealSchema,
  type Appeal,
  type Applicant,
  type AppEvent,
  type Inquiry,
  type Reception,
} from '@shared/domain';
import {
  applyMerge,
  mergeDatasets,
  mergeNeeds,
  resolveConflicts,
  selectNeeded,
  type AnyRecord,
  WORKFLOW_FIELDS,
  type MergeResult,
  type MergeTables,
} from '@shared/merge';
import { deviceCodeOf, findByNumber } from '@shared/numbering';
import { generateOffice } from '@test/fixtures/generateOffice';
import {
  createApplicant,
  deleteAppeal,
  editAppeal,
  editApplicant,
  laptopFrom,
  moveAppeal,
  person,
  registerAppeal,
  type Laptop,
} from '@test/fixtures/laptops';

const OFFICE = generateOffice({ appeals: 40, seed: 11, from: '2026-09-01', today: '2026-11-20' });
const NOW = '2026-11-24T06:00:00.000Z';

function laptops(issuer?: string): [Laptop, Laptop] {
  const file = structuredClone(OFFICE);
  if (issuer) file.tables.settings[0]!.numberIssuerDeviceId = issuer;
  return [
    laptopFrom(file, 'office-laptop', 'Кеңсе', 1),
    laptopFrom(file, 'reception-laptop', 'Қабылдау', 2),
  ];
}

function merge(into: Laptop, from: Laptop, issuer = true): MergeResult {
  const outcome = mergeDatasets({
    mine: into.data,
    theirs: from.data,
    context: {
      now: NOW,
      userId: into.userId,
      device: { deviceId: into.id, deviceCode: deviceCodeOf(into.id), issuer },
      from: { deviceId: from.id, name: from.name },
      packageId: 'p1',
    },
  });
  if (!outcome.ok) throw new Error('refused');
  return outcome.result;
}

/** A merge at the office laptop with a kept common ancestor of one record. */
function mergeWithBase(office: Laptop, reception: Laptop, table: string, record: AnyRecord) {
  const outcome = mergeDatasets({
    mine: office.data,
    theirs: reception.data,
    base: (t, id) => (t === table && id === record.id ? record : undefined),
    context: {
      now: NOW,
      userId: office.userId,
      device: { deviceId: 'office-laptop', deviceCode: 'KTM', issuer: true },
      from: { deviceId: 'reception-laptop' },
    },
  });
  if (!outcome.ok) throw new Error('refused');
  return outcome.result;
}

const appealIn = (data: MergeTables, id: string) =>
  (data.appeals ?? []).find((a) => a.id === id) as unknown as Appeal;
const eventsOf = (events: readonly AppEvent[], id: string) =>
  events.filter((e) => e.appealId === id);
/** An appeal still being worked on, the same on both laptops. */
const openAppeal = (laptop: Laptop, nth = 0) =>
  (laptop.data.appeals as unknown as Appeal[]).filter(
    (a) => a.deletedAt === null && (a.status === 'registered' || a.status === 'in_progress'),
  )[nth]!;

function recordsOf(data: MergeTables) {
  const index = new Map<string, AnyRecord>();
  for (const [table, records] of Object.entries(data)) {
    for (const r of (records ?? []) as AnyRecord[]) index.set(`${table}/${r.id}`, r);
  }
  return (table: string, id: string) => index.get(`${table}/${id}`);
}

describe('records changed on one side', () => {
  it('take that side’s change, its version and a «received from» note', () => {
    const [office, reception] = laptops();
    const appeal = openAppeal(reception);
    editAppeal(reception, appeal, 'subject', 'Абай көшесі');
    const result = merge(office, reception);
    expect(result.conflicts).toEqual([]);
    const merged = result.put.appeals![0]!;
    expect(merged).toMatchObject({
      id: appeal.id,
      subject: `${appeal.subject} — Абай көшесі`,
      version: appeal.version + 1,
    });
    expect(merged).not.toHaveProperty('searchWords');
    const received = result.events.filter((e) => e.type === 'noteAdded');
    expect(received).toHaveLength(1);
    expect(received[0]!.data).toEqual({
      exchange: {
        fromDevice: 'reception-laptop',
        fromName: 'Қабылдау',
        packageId: 'p1',
        added: false,
      },
    });
    expect(result.events.filter((e) => e.type === 'fieldChanged')).toHaveLength(1);
    expect(result.summary).toEqual({ added: {}, changed: { appeals: 1 } });
  });

  it('bring new appeals, their people and their history', () => {
    const [office, reception] = laptops('office-laptop');
    const applicant = createApplicant(reception, 1);
    const appeal = registerAppeal(reception, applicant.id);
    const result = merge(office, reception);
    expect(result.summary.added).toEqual({ appeals: 1, applicants: 1 });
    const merged = applyMerge(office.data, result);
    expect(eventsOf(merged.events!, appeal.id).map((e) => e.type)).toEqual([
      'created',
      'fieldChanged',
      'noteAdded',
    ]);
  });
});

describe('records changed on both sides', () => {
  it('merge field by field: the office’s street, the reception’s subject', () => {
    const [office, reception] = laptops();
    const appeal = openAppeal(office);
    editAppeal(office, appeal, 'street', 'Сарыарқа');
    editAppeal(reception, openAppeal(reception), 'subject', 'Ленина');
    const result = merge(office, reception);
    expect(result.conflicts).toEqual([]);
    const merged = result.put.appeals![0]! as unknown as Appeal;
    expect(merged.location.street).toBe('Сарыарқа көшесі');
    expect(merged.subject).toBe(`${appeal.subject} — Ленина`);
    expect(merged.version).toBe(appeal.version + 2);
    expect(appealSchema.safeParse(merged).success).toBe(true);
  });

  it('list a field changed differently on both as a conflict, keeping this laptop’s value', () => {
    const [office, reception] = laptops();
    const appeal = openAppeal(office);
    editAppeal(office, appeal, 'subject', 'Тәуелсіздік');
    editAppeal(reception, openAppeal(reception), 'subject', 'Жеңіс');
    const result = merge(office, reception);
    expect(result.conflicts).toEqual([
      {
        id: `appeals/${appeal.id}/subject`,
        table: 'appeals',
        recordId: appeal.id,
        label: `${appeal.regNo} ${appeal.subject} — Тәуелсіздік`,
        kind: 'field',
        path: ['subject'],
        field: 'subject',
        mine: `${appeal.subject} — Тәуелсіздік`,
        theirs: `${appeal.subject} — Жеңіс`,
        base: appeal.subject,
        baseKnown: true,
      },
    ]);
    // Nothing else changed: the office keeps its record until somebody decides.
    expect(result.put.appeals).toBeUndefined();
  });

  it('merge tags as sets: both sides’ additions, no conflict', () => {
    const [office, reception] = laptops();
    const appeal = openAppeal(office);
    editAppeal(office, appeal, 'tags', 'жарық');
    editAppeal(reception, openAppeal(reception), 'tags', 'освещение');
    const result = merge(office, reception);
    expect(result.conflicts).toEqual([]);
    expect(result.put.appeals![0]!.tags).toEqual([...appeal.tags, 'жарық', 'освещение']);
  });
});

describe('status', () => {
  it('keeps moves that form one path: both started, the reception also decided', () => {
    const [office, reception] = laptops();
    const appeal = (office.data.appeals as unknown as Appeal[]).find(
      (a) => a.status === 'registered' && a.deletedAt === null,
    )!;
    const their = () => appealIn(reception.data, appeal.id);
    expect(moveAppeal(office, appeal, 0)).toBe(true); // start
    expect(moveAppeal(reception, their(), 0)).toBe(true); // start
    expect(moveAppeal(reception, their(), 0)).toBe(true); // decide (explained)
    const result = merge(office, reception);
    expect(result.conflicts).toEqual([]);
    expect(result.put.appeals![0]).toMatchObject({ status: 'decided', outcome: 'explained' });
  });

  it('is a conflict when one laptop decided while the other started work', () => {
    const [office, reception] = laptops();
    const appeal = (office.data.appeals as unknown as Appeal[]).find(
      (a) => a.status === 'registered' && a.deletedAt === null,
    )!;
    moveAppeal(office, appeal, 0); // start
    moveAppeal(reception, appealIn(reception.data, appeal.id), 1); // decide from registered
    const result = merge(office, reception);
    expect(result.conflicts).toHaveLength(1);
    expect(result.conflicts[0]).toMatchObject({
      kind: 'status',
      field: 'status',
      fields: [...WORKFLOW_FIELDS],
      mine: { status: 'in_progress', outcome: null },
      theirs: { status: 'decided', outcome: 'explained' },
    });
  });
});

describe('soft delete', () => {
  it('against an edit is a conflict; the edit is merged into the record either way', () => {
    const [office, reception] = laptops();
    const appeal = openAppeal(office);
    deleteAppeal(office, appeal);
    editAppeal(reception, openAppeal(reception), 'expectation', 'Жарық орнатылсын');
    const result = merge(office, reception);
    expect(result.conflicts.map((c) => [c.kind, c.field])).toEqual([['deleteVsEdit', 'deletedAt']]);
    const merged = result.put.appeals![0]!;
    expect(merged.deletedAt).not.toBeNull();
    expect(merged.expectation).toBe('Жарық орнатылсын: жауап жазбаша берілсін');
  });

  it('against a record left alone deletes it; deleted on both keeps the earlier deletion', () => {
    const [office, reception] = laptops();
    const appeal = openAppeal(reception);
    deleteAppeal(reception, appeal);
    let result = merge(office, reception);
    expect(result.conflicts).toEqual([]);
    const deletedAt = result.put.appeals![0]!.deletedAt;
    expect(deletedAt).toBe(appealIn(reception.data, appeal.id).deletedAt);
    office.clock += 3_600_000;
    deleteAppeal(office, appealIn(office.data, appeal.id));
    result = merge(office, reception);
    expect(result.conflicts).toEqual([]);
    expect(result.put.appeals![0]!.deletedAt).toBe(deletedAt);
  });
});

describe('numbers', () => {
  it('renumber one of two appeals both laptops numbered 2026-NNNN alike, keeping the old number', () => {
    const [office, reception] = laptops();
    const ours = registerAppeal(office, null);
    reception.clock += 60_000;
    const theirs = registerAppeal(reception, null);
    expect(theirs.regNo).toBe(ours.regNo);
    const result = merge(office, reception);
    // The one registered first keeps the number.
    const [later, earlier] = [theirs, ours];
    expect(result.renumberings).toHaveLength(1);
    const change = result.renumberings[0]!;
    expect(change).toMatchObject({
      table: 'appeals',
      recordId: later.id,
      from: ours.regNo,
      reason: 'collision',
      keptBy: earlier.id,
    });
    const merged = applyMerge(office.data, result);
    const renumbered = appealIn(merged, later.id);
    expect(renumbered.regNo).toBe(change.to);
    expect(renumbered.aliases).toEqual([ours.regNo]);
    expect(
      findByNumber(merged.appeals as never, ours.regNo).map((a: { id: string }) => a.id),
    ).toEqual([earlier.id, later.id]);
    const event = result.events.find((e) => e.type === 'fieldChanged' && e.appealId === later.id)!;
    expect(event.data).toMatchObject({
      changes: [{ field: 'regNo', from: ours.regNo, to: change.to }],
      numbering: { reason: 'collision', keptBy: earlier.id },
    });
    const counter = result.counters.find((c) => c.id === 'appeal:2026')!;
    expect(counter.value).toBe(Number(change.to.slice(5)));
  });

  it('replace provisional numbers on the office laptop only, keeping them findable', () => {
    const [office, reception] = laptops('office-laptop');
    const appeal = registerAppeal(reception, null);
    const code = deviceCodeOf('reception-laptop');
    expect(appeal.regNo).toBe(`2026-${code}-0001`);
    // Another laptop receiving it keeps the provisional number.
    expect(merge(office, reception, false).renumberings).toEqual([]);
    const result = merge(office, reception);
    expect(result.renumberings).toEqual([
      expect.objectContaining({ recordId: appeal.id, from: appeal.regNo, reason: 'provisional' }),
    ]);
    const merged = applyMerge(office.data, result);
    const final = appealIn(merged, appeal.id);
    expect(final.regNo).toMatch(/^2026-\d{4}$/);
    expect(findByNumber(merged.appeals as never, `2026-${code.toLowerCase()}-1`)).toHaveLength(1);
    // The reception laptop takes the office's number with the office's next package.
    const back = merge(reception, { ...office, data: merged }, false);
    expect(appealIn(applyMerge(reception.data, back), appeal.id)).toMatchObject({
      regNo: final.regNo,
      aliases: [appeal.regNo],
    });
  });
});

describe('people', () => {
  it('offer the same person registered on both laptops for merging (same IIN)', () => {
    const [office, reception] = laptops();
    const ours = createApplicant(office, 3);
    const theirs = createApplicant(reception, 3);
    const result = merge(office, reception);
    expect(result.duplicates).toEqual([
      { keepId: ours.id, mergeId: theirs.id, reasons: ['iin', 'phoneName'] },
    ]);
  });

  it('offer them by a shared phone and the same name written another way, not across two IINs', () => {
    const [office, reception] = laptops();
    const ours = createApplicant(office, 4);
    const theirs = createApplicant(reception, 5);
    const p = person(4);
    const twisted = p.fullName.split(' ').reverse().join('  ').toLocaleUpperCase('kk');
    const same = { ...theirs, fullName: twisted, iin: null, phones: [p.phone] };
    reception.data.applicants = reception.data.applicants!.map((a) =>
      a.id === theirs.id ? (same as unknown as AnyRecord) : a,
    );
    expect(merge(office, reception).duplicates).toEqual([
      { keepId: ours.id, mergeId: theirs.id, reasons: ['phoneName'] },
    ]);
    const otherIin = { ...same, iin: person(6).iin };
    reception.data.applicants = reception.data.applicants!.map((a) =>
      a.id === theirs.id ? (otherIin as unknown as AnyRecord) : a,
    );
    expect(merge(office, reception).duplicates).toEqual([]);
  });

  it('an appeal of a person the other laptop merged into another follows the merge', () => {
    const [office, reception] = laptops();
    const keep = createApplicant(office, 7);
    const gone = createApplicant(office, 8);
    reception.data.applicants = [...reception.data.applicants!, gone as unknown as AnyRecord];
    const appeal = registerAppeal(reception, gone.id);
    office.data.applicants = office.data.applicants!.map((a) =>
      a.id === gone.id
        ? ({ ...a, mergedInto: keep.id, deletedAt: NOW, version: 2 } as AnyRecord)
        : a,
    );
    const result = merge(office, reception);
    const merged = applyMerge(office.data, result);
    expect(appealIn(merged, appeal.id).applicantId).toBe(keep.id);
    expect(result.events).toContainEqual(
      expect.objectContaining({
        appealId: appeal.id,
        type: 'merged',
        data: { sourceId: gone.id, targetId: keep.id },
      }),
    );
  });

  it('anonymisation wins over an edit of the person, without a conflict', () => {
    const [office, reception] = laptops();
    const applicant = (office.data.applicants as unknown as Applicant[]).find(
      (a) => a.deletedAt === null && a.phones.length > 0,
    )!;
    office.data.applicants = office.data.applicants!.map((a) =>
      a.id === applicant.id
        ? ({
            ...a,
            fullName: '',
            iin: null,
            phones: [],
            email: null,
            anonymisedAt: NOW,
            version: applicant.version + 1,
          } as AnyRecord)
        : a,
    );
    editApplicant(reception, applicant, '+77015550101');
    const result = merge(office, reception);
    expect(result.conflicts).toEqual([]);
    const merged =
      result.put.applicants?.[0] ?? office.data.applicants!.find((a) => a.id === applicant.id)!;
    expect(merged).toMatchObject({ fullName: '', phones: [], iin: null });
  });
});

describe('derived data', () => {
  it('comes with its sources: the side whose receivedAt is kept keeps its deadlines', () => {
    const [office, reception] = laptops();
    const appeal = openAppeal(reception);
    const moved = {
      ...appeal,
      receivedAt: '2026-11-20T19:30',
      registeredOn: '2026-11-23',
      version: appeal.version + 1,
    };
    moved.decideBy = '2026-12-14';
    reception.data.appeals = reception.data.appeals!.map((a) =>
      a.id === appeal.id ? (moved as unknown as AnyRecord) : a,
    );
    (reception.data.events as AppEvent[]).push({
      ...eventsOf(reception.data.events!, appeal.id)[0]!,
      id: '019ab000-0000-7000-8000-000000000001',
      type: 'fieldChanged',
      data: { changes: [{ field: 'receivedAt', from: appeal.receivedAt, to: moved.receivedAt }] },
    } as AppEvent);
    editAppeal(office, openAppeal(office), 'subject', 'Кенесары');
    const result = merge(office, reception);
    const merged = result.put.appeals![0]! as unknown as Appeal;
    expect(merged).toMatchObject({
      receivedAt: '2026-11-20T19:30',
      registeredOn: '2026-11-23',
      decideBy: '2026-12-14',
      subject: `${appeal.subject} — Кенесары`,
    });
    expect(merged).not.toHaveProperty('searchWords');
  });
});

describe('keyed lists', () => {
  it('merge a reception’s visitor queue by visitor; two visitors with one ticket number are a conflict', () => {
    const [office, reception] = laptops();
    const held = (office.data.receptions as unknown as Reception[]).find(
      (r) => r.queue.length > 0,
    )!;
    const visitor = (id: string, n: number, name: string) => ({
      ...held.queue[0]!,
      id,
      number: n,
      name,
      appealId: null,
      applicantId: null,
      status: 'waiting' as const,
    });
    const add = (laptop: Laptop, v: ReturnType<typeof visitor>) => {
      laptop.data.receptions = laptop.data.receptions!.map((r) =>
        r.id === held.id
          ? ({
              ...r,
              queue: [...(r.queue as unknown[]), v],
              version: held.version + 1,
            } as AnyRecord)
          : r,
      );
    };
    const next = Math.max(...held.queue.map((q) => q.number)) + 1;
    add(office, visitor('019ab000-0000-7000-8000-0000000000a1', next, 'Серікова Айгүл'));
    add(reception, visitor('019ab000-0000-7000-8000-0000000000a2', next + 1, 'Иванов Пётр'));
    const outcome = {
      result: mergeWithBase(office, reception, 'receptions', held as unknown as AnyRecord),
    };
    const queue = (outcome.result.put.receptions![0] as unknown as Reception).queue;
    expect(queue.map((q) => q.name).slice(-2)).toEqual(['Серікова Айгүл', 'Иванов Пётр']);

    add(reception, { ...visitor('019ab000-0000-7000-8000-0000000000a3', next, 'Петрова Анна') });
    reception.data.receptions = reception.data.receptions!.map((r) =>
      r.id === held.id
        ? ({
            ...r,
            queue: (r.queue as { id: string }[]).filter(
              (q) => q.id !== '019ab000-0000-7000-8000-0000000000a2',
            ),
          } as AnyRecord)
        : r,
    );
    const clash = {
      result: mergeWithBase(office, reception, 'receptions', held as unknown as AnyRecord),
    };
    expect(clash.result.conflicts.map((c) => [c.kind, c.field])).toEqual([['invalid', 'queue']]);
  });
});

describe('inquiries', () => {
  it('a letter sent on one laptop while the other edited its draft is a conflict', () => {
    const [office, reception] = laptops();
    const draft = {
      ...(office.data.inquiries![0] as unknown as Inquiry),
      id: '019ab000-0000-7000-8000-0000000000b1',
      status: 'draft' as const,
      outgoingNo: null,
      outgoingDate: null,
      dueDate: null,
      response: null,
      body: 'Құрметті басшы! Абай көшесіндегі жарық мәселесі бойынша...',
      version: 1,
    };
    office.data.inquiries = [
      ...office.data.inquiries!,
      { ...draft, body: `${draft.body} Қосымша.`, version: 2 } as unknown as AnyRecord,
    ];
    reception.data.inquiries = [
      ...reception.data.inquiries!,
      {
        ...draft,
        status: 'sent',
        outgoingNo: '99/2026',
        outgoingDate: '2026-11-23',
        dueDate: '2026-12-14',
        version: 2,
      } as unknown as AnyRecord,
    ];
    const outcome = {
      result: mergeWithBase(office, reception, 'inquiries', draft as unknown as AnyRecord),
    };
    expect(outcome.result.conflicts.map((c) => [c.kind, c.field])).toEqual([['group', 'status']]);
    // The number printed on the sent letter is not lost while somebody decides.
    expect(outcome.result.put.inquiries![0]!.outgoingNo).toBe('99/2026');
  });
});

describe('safety', () => {
  it('refuses another office’s data', () => {
    const [office, reception] = laptops();
    reception.data.settings = [{ ...reception.data.settings![0]!, officeId: 'another-office' }];
    const outcome = mergeDatasets({
      mine: office.data,
      theirs: reception.data,
      context: {
        now: NOW,
        userId: 'system',
        device: { deviceId: 'office-laptop', deviceCode: 'KTM', issuer: true },
        from: { deviceId: 'reception-laptop' },
      },
    });
    expect(outcome).toMatchObject({ ok: false, refusal: { code: 'other_office' } });
  });

  it('never changes an event this laptop holds', () => {
    const [office, reception] = laptops();
    const event = reception.data.events![0]!;
    reception.data.events = [
      { ...event, note: 'өзгертілген жазба' },
      ...reception.data.events!.slice(1),
    ];
    const result = merge(office, reception);
    expect(result.events).toEqual([]);
  });

  it('gives the same patch from the part mergeNeeds names as from the whole registry', () => {
    const [office, reception] = laptops('office-laptop');
    registerAppeal(office, createApplicant(office, 9).id);
    const applicant = createApplicant(reception, 9);
    registerAppeal(reception, applicant.id);
    editAppeal(reception, openAppeal(reception, 2), 'street', 'Абай');
    const whole = merge(office, reception);
    const context = {
      now: NOW,
      userId: office.userId,
      device: { deviceId: office.id, deviceCode: deviceCodeOf(office.id), issuer: true },
      from: { deviceId: reception.id, name: reception.name },
      packageId: 'p1',
    };
    const part = mergeDatasets({
      mine: selectNeeded(office.data, mergeNeeds(reception.data, context)),
      theirs: reception.data,
      context,
    });
    if (!part.ok) throw new Error('refused');
    expect(part.result).toEqual(whole);
    expect(whole.duplicates).toHaveLength(1);
    expect(whole.renumberings).toHaveLength(1);
  });
});

describe('resolveConflicts', () => {
  function conflicted() {
    const [office, reception] = laptops();
    const appeal = openAppeal(office);
    editAppeal(office, appeal, 'subject', 'Тәуелсіздік');
    editAppeal(reception, openAppeal(reception), 'subject', 'Жеңіс');
    const result = merge(office, reception);
    const merged = applyMerge(office.data, result);
    return { appeal, result, merged, conflict: result.conflicts[0]! };
  }
  const ctx = {
    now: '2026-11-24T07:00:00.000Z',
    userId: 'aigerim',
    fromDeviceId: 'reception-laptop',
  };

  it('keep theirs: the value changes and the history keeps both values', () => {
    const { appeal, merged, conflict } = conflicted();
    const out = resolveConflicts({
      conflicts: [conflict],
      resolutions: [{ conflictId: conflict.id, choice: 'theirs' }],
      recordOf: recordsOf(merged),
      context: ctx,
    });
    expect(out.problems).toEqual([]);
    expect(out.put.appeals![0]).toMatchObject({
      subject: `${appeal.subject} — Жеңіс`,
      updatedBy: 'aigerim',
    });
    expect(out.events).toEqual([
      expect.objectContaining({
        type: 'fieldChanged',
        appealId: appeal.id,
        data: {
          changes: [
            {
              field: 'subject',
              from: `${appeal.subject} — Тәуелсіздік`,
              to: `${appeal.subject} — Жеңіс`,
            },
          ],
          conflict: {
            conflictId: conflict.id,
            field: 'subject',
            kind: 'field',
            choice: 'theirs',
            mine: `${appeal.subject} — Тәуелсіздік`,
            theirs: `${appeal.subject} — Жеңіс`,
            base: appeal.subject,
            fromDevice: 'reception-laptop',
          },
        },
      }),
    ]);
  });

  it('keep mine: nothing changes but the decision and both values go into the history', () => {
    const { merged, conflict } = conflicted();
    const out = resolveConflicts({
      conflicts: [conflict],
      resolutions: [{ conflictId: conflict.id, choice: 'mine' }],
      recordOf: recordsOf(merged),
      context: ctx,
    });
    expect(out.events.map((e) => e.type)).toEqual(['noteAdded']);
    expect(out.events[0]!.data).toMatchObject({ conflict: { choice: 'mine' } });
  });

  it('edit: a value of its own; an edit that breaks the rules is refused and changes nothing', () => {
    const { appeal, merged, conflict } = conflicted();
    const edited = resolveConflicts({
      conflicts: [conflict],
      resolutions: [
        { conflictId: conflict.id, choice: 'edit', value: 'Жарық жоқ (Тәуелсіздік, Жеңіс)' },
      ],
      recordOf: recordsOf(merged),
      context: ctx,
    });
    expect(edited.put.appeals![0]!.subject).toBe('Жарық жоқ (Тәуелсіздік, Жеңіс)');
    const refused = resolveConflicts({
      conflicts: [conflict],
      resolutions: [
        { conflictId: conflict.id, choice: 'edit', value: '   ' },
        { conflictId: 'appeals/nothing/subject', choice: 'mine' },
        { conflictId: conflict.id, choice: 'edit' },
      ],
      recordOf: recordsOf(merged),
      context: ctx,
    });
    expect(refused.put).toEqual({});
    expect(refused.events).toEqual([]);
    expect(refused.problems.map((p) => p.code)).toEqual([
      'unknown_conflict',
      'value_required',
      'invalid_value',
    ]);
    expect(appealIn(merged, appeal.id).subject).toBe(`${appeal.subject} — Тәуелсіздік`);
  });

  it('a decision on a person goes into their appeals’ history; on settings into the log', () => {
    const [office, reception] = laptops();
    const applicant = (office.data.applicants as unknown as Applicant[]).find(
      (a) => a.deletedAt === null,
    )!;
    editApplicant(office, applicant, '+77011112233');
    editApplicant(reception, applicant, '+77014445566');
    office.data.settings = [{ ...office.data.settings![0]!, okrugNumber: 15, version: 3 }];
    reception.data.settings = [{ ...reception.data.settings![0]!, okrugNumber: 16, version: 3 }];
    const result = merge(office, reception);
    // Phones merge as a set without a base: both numbers kept, no conflict over them.
    expect(result.conflicts.map((c) => c.field)).toEqual(['okrugNumber']);
    const merged = applyMerge(office.data, result);
    const ids = (merged.appeals as unknown as Appeal[])
      .filter((a) => a.applicantId === applicant.id)
      .map((a) => a.id);
    expect(merged.applicants!.find((a) => a.id === applicant.id)!.phones).toEqual(
      expect.arrayContaining(['+77011112233', '+77014445566']),
    );
    const out = resolveConflicts({
      conflicts: [
        ...result.conflicts,
        {
          ...result.conflicts[0]!,
          id: `applicants/${applicant.id}/email`,
          table: 'applicants',
          recordId: applicant.id,
          path: ['email'],
          field: 'email',
          mine: null,
          theirs: 'aigul@example.kz',
        },
      ],
      resolutions: [
        { conflictId: result.conflicts[0]!.id, choice: 'theirs' },
        { conflictId: `applicants/${applicant.id}/email`, choice: 'theirs' },
      ],
      recordOf: recordsOf(merged),
      appealsOf: (table, record) =>
        table === 'applicants' ? ids.filter(() => record.id === applicant.id) : [],
      context: ctx,
    });
    expect(out.problems).toEqual([]);
    expect(out.put.settings![0]!.okrugNumber).toBe(16);
    expect(out.log.map((l) => l.conflict.field)).toEqual(['okrugNumber']);
    expect(out.events.map((e) => e.appealId).sort()).toEqual([...ids].sort());
    expect(out.events[0]!.data).toMatchObject({
      conflict: { table: 'applicants', recordId: applicant.id },
    });
  });
});
