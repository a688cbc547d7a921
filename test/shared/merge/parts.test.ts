/** The merge's building blocks on their own: values, history, ids, the gate, the command. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idSchema } from '@shared/ids';
import type { AppEvent } from '@shared/domain';
import {
  admitPackage,
  canonicalJson,
  checkOffice,
  commonBase,
  deepEqual,
  deriveRules,
  fieldsTouchedBy,
  getAtPath,
  officeIdOf,
  RECORD_TABLES,
  resolveConflicts,
  TABLE_RULES,
  withDerived,
  parseMergeArgs,
  recordsWithNumber,
  replayStatus,
  runMerge,
  setAtPath,
  splitHistory,
  stableId,
  UNKNOWN,
  ValueMerger,
  type AnyRecord,
} from '@shared/merge';
import { generateOffice } from '@test/fixtures/generateOffice';

function merged(base: unknown, mine: unknown, theirs: unknown) {
  const merger = new ValueMerger();
  const value = merger.merge(['f'], base, mine, theirs);
  return { value, conflicts: merger.conflicts };
}

describe('ValueMerger', () => {
  it('takes the one side that changed, and keeps what both agree on', () => {
    expect(merged('Абай', 'Абай', 'Абая').value).toBe('Абая');
    expect(merged('Абай', 'Абая', 'Абай').value).toBe('Абая');
    expect(merged('x', 'Жеңіс', 'Жеңіс')).toEqual({ value: 'Жеңіс', conflicts: [] });
  });

  it('lists a value changed differently on both sides, with the base or without', () => {
    expect(merged('a', 'b', 'c')).toEqual({
      value: 'b',
      conflicts: [{ path: ['f'], mine: 'b', theirs: 'c', base: 'a' }],
    });
    expect(merged(UNKNOWN, 'b', 'c').conflicts[0]!.base).toBe(UNKNOWN);
  });

  it('merges objects key by key, down to the field that differs', () => {
    const base = { locality: 'Астана', street: 'Абай', building: '5' };
    const out = merged(
      base,
      { ...base, street: 'Абая даңғылы' },
      { ...base, building: '5А', district: 'Сарыарқа' },
    );
    expect(out).toEqual({
      value: { locality: 'Астана', street: 'Абая даңғылы', building: '5А', district: 'Сарыарқа' },
      conflicts: [],
    });
    const clash = merged(base, { ...base, street: 'Абая' }, { ...base, street: 'Абай к-сі' });
    expect(clash.conflicts.map((c) => c.path)).toEqual([['f', 'street']]);
  });

  it('merges lists of values as sets, and without a base as their union', () => {
    expect(merged(['су', 'жарық'], ['су', 'жарық', 'жол'], ['жарық', 'газ']).value).toEqual([
      'жарық',
      'газ',
      'жол',
    ]);
    expect(merged(UNKNOWN, ['су', 'газ'], ['жол', 'су']).value).toEqual(['газ', 'жол', 'су']);
  });

  it('merges lists of records by key; one side removed what the other changed is a conflict', () => {
    const a = { id: 'a', role: 'assistant', fullName: 'Айгерім' };
    const b = { id: 'b', role: 'deputy', fullName: 'Ерлан' };
    const c = { id: 'c', role: 'staff', fullName: 'Ольга' };
    expect(
      merged([a, b], [a, { ...b, role: 'staff' }], [{ ...a, fullName: 'Айгерім С.' }, b, c]).value,
    ).toEqual([{ ...a, fullName: 'Айгерім С.' }, { ...b, role: 'staff' }, c]);
    const gone = merged([a, b], [a], [a, { ...b, fullName: 'Ерлан Қасымов' }]);
    expect(gone.value).toEqual([a]);
    expect(gone.conflicts).toEqual([
      { path: ['f', 'b'], mine: null, theirs: { ...b, fullName: 'Ерлан Қасымов' }, base: b },
    ]);
    // Removed on one side, untouched on the other: removed.
    expect(merged([a, b], [a], [a, b, c]).value).toEqual([a, c]);
    // No base: nothing is known to be removed; both sides' records are kept.
    expect(merged(UNKNOWN, [a], [c]).value).toEqual([a, c]);
  });

  it('is symmetric when both sides changed: the same merged value from either side', () => {
    const value = fc.oneof(fc.constantFrom('су', 'жарық', 'жол', 'газ'), fc.boolean());
    const list = fc.uniqueArray(fc.constantFrom('су', 'жарық', 'жол', 'газ', 'мектеп'));
    fc.assert(
      fc.property(list, list, list, (base, mine, theirs) => {
        expect(merged(base, mine, theirs).value).toEqual(merged(base, theirs, mine).value);
      }),
    );
    fc.assert(
      fc.property(value, value, value, (base, mine, theirs) => {
        const ab = merged(base, mine, theirs);
        const ba = merged(base, theirs, mine);
        expect(ab.conflicts.length).toBe(ba.conflicts.length);
        if (ab.conflicts.length === 0) expect(ab.value).toEqual(ba.value);
      }),
    );
  });
});

describe('stable helpers', () => {
  it('deepEqual ignores key order and absent keys, not values', () => {
    expect(
      deepEqual({ a: 1, b: [1, { c: 'қ' }] }, { b: [1, { c: 'қ' }], a: 1, d: undefined }),
    ).toBe(true);
    expect(deepEqual({ a: 1 }, { a: 2 })).toBe(false);
    expect(deepEqual([1, 2], [2, 1])).toBe(false);
    expect(deepEqual({ a: [] }, { a: {} })).toBe(false);
    const bytes = new Uint8Array([1]);
    expect(deepEqual(bytes, bytes)).toBe(true);
    expect(deepEqual(bytes, new Uint8Array([1]))).toBe(false);
    expect(canonicalJson({ b: 1, a: [true, null] })).toBe('{"a":[true,null],"b":1}');
  });

  it('stableId is a valid UUIDv7 of the moment, the same for the same key', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 0, max: 4_102_444_800_000 }), (key, ms) => {
        const now = new Date(ms).toISOString();
        const id = stableId(now, key);
        expect(idSchema.safeParse(id).success).toBe(true);
        expect(stableId(now, key)).toBe(id);
        expect(parseInt(id.replaceAll('-', '').slice(0, 12), 16)).toBe(ms);
      }),
    );
    expect(stableId('2026-11-24T06:00:00.000Z', 'a')).not.toBe(
      stableId('2026-11-24T06:00:00.000Z', 'b'),
    );
  });
});

function ev(
  id: string,
  at: string,
  type: AppEvent['type'],
  data: Record<string, unknown>,
): AppEvent {
  return {
    id,
    createdAt: at,
    updatedAt: at,
    createdBy: 'u',
    updatedBy: 'u',
    version: 1,
    deletedAt: null,
    appealId: 'a',
    type,
    at,
    userId: 'u',
    note: '',
    data,
  } as AppEvent;
}

describe('history', () => {
  const start = (id: string, at: string) =>
    ev(id, at, 'statusChanged', { from: 'registered', to: 'in_progress', action: 'start' });
  const decide = (id: string, at: string, from = 'in_progress', outcome = 'explained') =>
    ev(id, at, 'statusChanged', {
      from,
      to: 'decided',
      action: 'decide',
      outcome,
      decidedOn: '2026-11-24',
    });
  const inform = (id: string, at: string) =>
    ev(id, at, 'applicantInformed', { informedAt: '2026-11-24T12:00', via: 'phone' });

  it('names the fields each kind of event changes', () => {
    expect(
      fieldsTouchedBy(
        ev('1', 't', 'fieldChanged', {
          changes: [{ field: 'location.street', from: 'a', to: 'b' }],
        }),
      ),
    ).toEqual(['location']);
    expect(fieldsTouchedBy(decide('2', 't'))).toContain('outcomeSummary');
    expect(fieldsTouchedBy(start('3', 't'))).not.toContain('outcomeSummary');
    expect(
      fieldsTouchedBy(
        ev('4', 't', 'deadlineExtended', { from: null, to: '2026-12-30', reason: 'x' }),
      ),
    ).toEqual(['extendedTo', 'extensionReason']);
    expect(fieldsTouchedBy(ev('5', 't', 'noteAdded', { conflict: { field: 'subject' } }))).toEqual([
      'subject',
    ]);
    expect(
      fieldsTouchedBy(
        ev('6', 't', 'noteAdded', { conflict: { table: 'applicants', field: 'email' } }),
      ),
    ).toEqual([]);
    expect(fieldsTouchedBy(ev('7', 't', 'inquirySent', { inquiryId: 'x' }))).toEqual([]);
  });

  it('replays both sides’ moves along the workflow', () => {
    const shared = [ev('0', '2026-11-20T05:00:00Z', 'created', { regNo: '2026-0001' })];
    const split = (mine: AppEvent[], theirs: AppEvent[]) =>
      splitHistory([...shared, ...mine], [...shared, ...theirs]);
    // The same move on both sides counts once; the later side wins.
    expect(
      replayStatus(
        'registered',
        split(
          [start('m1', '2026-11-21T05:00:00Z')],
          [start('t1', '2026-11-21T06:00:00Z'), decide('t2', '2026-11-21T07:00:00Z')],
        ),
      ),
    ).toEqual({ ok: true, status: 'decided', winner: 'theirs' });
    // Informing twice after a shared decision is a path; closing after it too.
    expect(
      replayStatus(
        undefined,
        split([inform('m1', '2026-11-21T05:00:00Z')], [inform('t1', '2026-11-21T06:00:00Z')]),
      ),
    ).toMatchObject({ ok: true, winner: 'theirs' });
    // Different decisions are not the same move.
    expect(
      replayStatus(
        'in_progress',
        split(
          [decide('m1', '2026-11-21T05:00:00Z')],
          [decide('t1', '2026-11-21T06:00:00Z', 'in_progress', 'resolved')],
        ),
      ),
    ).toEqual({ ok: false });
    // Decided from registered on one side, started on the other.
    expect(
      replayStatus(
        undefined,
        split(
          [start('m1', '2026-11-21T05:00:00Z')],
          [decide('t1', '2026-11-21T06:00:00Z', 'registered')],
        ),
      ),
    ).toEqual({ ok: false });
    // Nothing to replay.
    expect(replayStatus('registered', split([], []))).toEqual({ ok: false });
  });
});

describe('the gate and the common ancestor', () => {
  const state = {
    officeId: 'office-1',
    deviceId: 'office-laptop',
    lastReceived: { 'reception-laptop': 3 },
  };
  const header = {
    officeId: 'office-1',
    fromDeviceId: 'reception-laptop',
    toDeviceId: 'office-laptop',
    seq: 4,
    ack: 2,
  };

  it('admits the next package and refuses what must not be merged', () => {
    expect(admitPackage(header, state)).toEqual({ ok: true, joins: false });
    expect(admitPackage({ ...header, officeId: 'office-2' }, state)).toEqual({
      ok: false,
      code: 'other_office',
    });
    expect(admitPackage({ ...header, seq: 3 }, state)).toEqual({
      ok: false,
      code: 'already_received',
    });
    expect(admitPackage({ ...header, seq: 2 }, state)).toEqual({ ok: false, code: 'older' });
    expect(admitPackage({ ...header, toDeviceId: 'deputy-laptop' }, state)).toEqual({
      ok: false,
      code: 'not_for_this_device',
    });
    expect(admitPackage({ ...header, fromDeviceId: 'office-laptop' }, state)).toEqual({
      ok: false,
      code: 'own_package',
    });
    expect(admitPackage({ ...header, toDeviceId: null }, { ...state, officeId: null })).toEqual({
      ok: true,
      joins: true,
    });
  });

  it('derives one office for laptops set up from one export, and refuses two offices', () => {
    const settings = { createdAt: '2026-01-05T04:00:00.000Z' };
    expect(officeIdOf(settings)).toBe(officeIdOf({ ...settings }));
    expect(officeIdOf({ ...settings, officeId: 'kz-astana-14' })).toBe('kz-astana-14');
    expect(officeIdOf(null)).toBeNull();
    expect(checkOffice(settings, { createdAt: '2026-02-01T04:00:00.000Z' })).toMatchObject({
      ok: false,
      code: 'other_office',
    });
    expect(checkOffice(undefined, settings)).toEqual({ ok: true, officeId: officeIdOf(settings) });
  });

  it('takes the later of the version received and the version sent that the peer acknowledged', () => {
    const v = (version: number) => ({ id: 'x', version }) as AnyRecord;
    expect(commonBase(v(3), { record: v(5), seq: 2 }, 2)).toEqual(v(5));
    expect(commonBase(v(3), { record: v(5), seq: 2 }, 1)).toEqual(v(3));
    expect(commonBase(undefined, { record: v(5), seq: 2 }, 2)).toEqual(v(5));
    expect(commonBase(v(6), { record: v(5), seq: 2 }, 2)).toEqual(v(6));
    expect(commonBase(undefined, undefined, 9)).toBeUndefined();
  });
});

describe('setAtPath', () => {
  it('writes into objects and into lists of records by key; null removes the record', () => {
    const settings = { users: [{ id: 'a', role: 'staff' }], deputy: { fullName: { kk: 'Ерлан' } } };
    expect(setAtPath(settings, ['users', 'a', 'role'], 'deputy')).toEqual({
      ...settings,
      users: [{ id: 'a', role: 'deputy' }],
    });
    expect(setAtPath(settings, ['users', 'b'], { id: 'b', role: 'assistant' })).toMatchObject({
      users: [{ id: 'a' }, { id: 'b' }],
    });
    expect(setAtPath(settings, ['users', 'a'], null)).toMatchObject({ users: [] });
    expect(setAtPath(settings, ['deputy', 'fullName', 'ru'], 'Ерлан')).toMatchObject({
      deputy: { fullName: { kk: 'Ерлан', ru: 'Ерлан' } },
    });
  });
});

describe('the command line', () => {
  const office = generateOffice({ appeals: 20, seed: 4, from: '2026-09-01' });
  const args = {
    into: 'office.json',
    from: 'reception.json',
    fromDevice: 'Қабылдау',
    now: '2026-12-01T05:00:00.000Z',
    user: 'system',
    lang: 'kk' as const,
  };

  it('reads its arguments and refuses bad ones', () => {
    expect(
      parseMergeArgs(['--into', 'a.json', '--from', 'b.json', '--out', 'm.json']),
    ).toMatchObject({
      ok: true,
      args: { conflicts: 'm.conflicts.json', base: null, lang: 'ru', user: 'system', now: null },
    });
    for (const bad of [
      ['--into', 'a.json'],
      ['--into', 'a.json', '--from', 'b.json', '--out', 'm.json', '--x', '1'],
      ['--into', '--from', 'b.json'],
      ['--into', 'a.json', '--into', 'b.json'],
      ['--into', 'a.json', '--from', 'b.json', '--out', 'm.json', '--now', 'кеше'],
      ['--into', 'a.json', '--from', 'b.json', '--out', 'm.json', '--lang', 'en'],
    ]) {
      expect(parseMergeArgs(bad).ok, bad.join(' ')).toBe(false);
    }
  });

  it('0 without conflicts, 5 with them, 3 for a file that is not an export or another office', () => {
    const other = structuredClone(office);
    const same = runMerge({ into: JSON.stringify(office), from: JSON.stringify(other) }, args);
    expect(same.exitCode).toBe(0);
    const applicant = other.tables.applicants[0]!;
    other.tables.applicants[0] = {
      ...applicant,
      email: 'aigul@example.kz',
      version: applicant.version + 1,
    };
    const changed = structuredClone(office);
    changed.tables.applicants[0] = {
      ...applicant,
      email: 'serik@example.kz',
      version: applicant.version + 1,
    };
    const conflict = runMerge({ into: JSON.stringify(changed), from: JSON.stringify(other) }, args);
    expect(conflict.exitCode).toBe(5);
    if (conflict.exitCode !== 5) return;
    expect(conflict.report.conflicts.map((c) => c.field)).toEqual(['email']);
    expect(conflict.file.tables.applicants[0]!.email).toBe('serik@example.kz');
    // With the export both started from, the same change on one side is not a conflict.
    const withBase = runMerge(
      { into: JSON.stringify(office), from: JSON.stringify(other), base: JSON.stringify(office) },
      args,
    );
    expect(withBase.exitCode).toBe(0);
    if (withBase.exitCode === 0)
      expect(withBase.file.tables.applicants[0]!.email).toBe('aigul@example.kz');

    const broken = runMerge(
      { into: '{"format":"tizilim-export"', from: JSON.stringify(other) },
      args,
    );
    expect(broken).toEqual({
      exitCode: 3,
      messages: ['office.json: Файл JSON пішімінде емес немесе зақымдалған.'],
    });
    const elsewhere = structuredClone(other);
    elsewhere.tables.settings[0]!.officeId = 'another-office';
    expect(
      runMerge(
        { into: JSON.stringify(office), from: JSON.stringify(elsewhere) },
        { ...args, lang: 'ru' },
      ),
    ).toEqual({
      exitCode: 3,
      messages: ['Файлы принадлежат разным офисам: данные другого офиса не объединяются.'],
    });
  });

  it('finds records by number in a dataset', () => {
    const appeal = office.tables.appeals[0]!;
    expect(recordsWithNumber(office.tables as never, appeal.regNo).map((r) => r.record.id)).toEqual(
      [appeal.id],
    );
  });
});

describe('derived data of a combination neither side had', () => {
  const office = generateOffice({ appeals: 12, seed: 4, from: '2026-09-01' });
  const appeal = office.tables.appeals.find((a) => a.extendedTo === null && a.status !== 'closed')!;
  const rules = () => deriveRules(office.tables.settings[0]);

  it('recomputes the deadline from the merged receivedAt and extension', () => {
    // The reception corrected when the appeal arrived; the office extended the deadline.
    const theirs = {
      ...appeal,
      receivedAt: '2026-09-07T19:30',
      registeredOn: '2026-09-08',
      acknowledgeBy: '2026-09-10T19:30',
    };
    const mine = {
      ...appeal,
      extendedTo: '2026-10-30',
      extensionReason: 'Әкімдіктің жауабы күтілуде',
      decideBy: '2026-10-30',
    };
    const merged = { ...mine, receivedAt: theirs.receivedAt } as unknown as AnyRecord;
    const out = withDerived('appeals', merged, [mine, theirs] as unknown as AnyRecord[], rules);
    expect(out).toMatchObject({
      registeredOn: '2026-09-08',
      decideBy: '2026-10-30',
      acknowledgeBy: '2026-09-10T19:30',
    });
  });

  it('keeps an extension the merged registration day no longer allows', () => {
    const theirs = { ...appeal, receivedAt: '2026-08-03T10:00', registeredOn: '2026-08-03' };
    const mine = {
      ...appeal,
      extendedTo: '2026-11-06',
      extensionReason: 'Қосымша тексеру',
      decideBy: '2026-11-06',
    };
    const merged = { ...mine, receivedAt: theirs.receivedAt } as unknown as AnyRecord;
    const out = withDerived('appeals', merged, [mine, theirs] as unknown as AnyRecord[], rules);
    expect(out.decideBy).toBe('2026-11-06');
  });

  it('names records of every table for a person', () => {
    for (const table of RECORD_TABLES) {
      const record = (office.tables[table] as unknown as AnyRecord[])[0];
      if (!record) continue;
      expect(TABLE_RULES[table].label(record), table).not.toBe('');
    }
  });
});

describe('resolveConflicts on whole records and groups', () => {
  const office = generateOffice({ appeals: 12, seed: 4, from: '2026-09-01' });
  const appeal = office.tables.appeals.find(
    (a) => a.status === 'in_progress',
  )! as unknown as AnyRecord;
  const base = {
    table: 'appeals' as const,
    recordId: appeal.id,
    label: String(appeal.regNo),
    base: null,
    baseKnown: false,
  };
  const ctx = { now: '2026-11-24T07:00:00.000Z', userId: 'aigerim' };
  const recordOf = (table: string, id: string) =>
    table === 'appeals' && id === appeal.id ? appeal : undefined;

  it('keeps the record’s number whatever record is chosen', () => {
    const theirs = { ...appeal, regNo: '2026-9999', subject: 'Су құбыры жарылды' };
    const out = resolveConflicts({
      conflicts: [
        {
          ...base,
          id: `appeals/${appeal.id}/*`,
          kind: 'invalid',
          path: ['*'],
          field: '*',
          mine: appeal,
          theirs,
        },
      ],
      resolutions: [{ conflictId: `appeals/${appeal.id}/*`, choice: 'theirs' }],
      recordOf,
      context: ctx,
    });
    expect(out.put.appeals![0]).toMatchObject({
      regNo: appeal.regNo,
      subject: 'Су құбыры жарылды',
    });
  });

  it('applies a group and reports a decision about a record that is gone', () => {
    const fields = ['extendedTo', 'extensionReason'];
    const conflict = {
      ...base,
      id: `appeals/${appeal.id}/extendedTo`,
      kind: 'group' as const,
      path: ['extendedTo'],
      field: 'extendedTo',
      fields,
      mine: { extendedTo: null, extensionReason: null },
      theirs: { extendedTo: '2026-12-30', extensionReason: 'Жауап күтілуде' },
    };
    const out = resolveConflicts({
      conflicts: [conflict, { ...conflict, id: 'appeals/gone/subject', recordId: 'gone' }],
      resolutions: [
        {
          conflictId: conflict.id,
          choice: 'edit',
          value: { extendedTo: '2026-12-29', extensionReason: 'Мерзім ұзартылды' },
        },
        { conflictId: 'appeals/gone/subject', choice: 'mine' },
      ],
      recordOf,
      context: ctx,
    });
    expect(out.put.appeals![0]).toMatchObject({ extendedTo: '2026-12-29', decideBy: '2026-12-29' });
    expect(out.problems).toEqual([{ conflictId: 'appeals/gone/subject', code: 'record_missing' }]);
    expect(getAtPath({ users: [{ id: 'a', role: 'staff' }] }, ['users', 'a', 'role'])).toBe(
      'staff',
    );
    expect(getAtPath({ a: 1 }, ['a', 'b'])).toBeUndefined();
  });
});
