/**
 * Properties of the merge over generated offices and random work on two and three laptops
 * (test/fixtures/laptops.ts): nothing is ever dropped, no two records share a number, every
 * number a laptop printed still finds its record, merging is idempotent, independent work
 * merges to the same data in any order, and laptops converge after a round of packages.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appealSchema, type Appeal, type Applicant } from '@shared/domain';
import type { ExportFile } from '@shared/export';
import { applyMerge, mergeDatasets, type AnyRecord, type MergeTables } from '@shared/merge';
import { findByNumber } from '@shared/numbering';
import { generateOffice } from '@test/fixtures/generateOffice';
import {
  attach,
  cloneLaptop,
  createApplicant,
  deleteAppeal,
  editAppeal,
  editApplicant,
  exchange,
  laptopFrom,
  liveAppeals,
  moveAppeal,
  noteOn,
  person,
  receivePackage,
  registerAppeal,
  sendInquiry,
  writePackage,
  type AppealEdit,
  type Decide,
  type Laptop,
} from '@test/fixtures/laptops';

const OFFICE = generateOffice({ appeals: 30, seed: 5, from: '2026-07-01', today: '2026-11-20' });

function office(mode: 'legacy' | 'blocks'): ExportFile {
  const file = structuredClone(OFFICE);
  if (mode === 'blocks') file.tables.settings[0]!.numberIssuerDeviceId = 'office-laptop';
  return file;
}

function laptops(mode: 'legacy' | 'blocks', count: 2 | 3): Laptop[] {
  const file = office(mode);
  const names = ['office-laptop', 'reception-laptop', 'deputy-laptop'];
  return names.slice(0, count).map((name, i) => laptopFrom(file, name, name, 100 + i));
}

const WORDS = ['Абай', 'Сарыарқа', 'Тәуелсіздік', 'Ленина', 'Мәңгілік Ел', 'Кенесары'];
const EDITS: AppealEdit[] = ['subject', 'tags', 'street', 'priority', 'expectation'];

type Step =
  | { kind: 'register'; at: number; who: number | null }
  | { kind: 'edit'; at: number; pick: number; edit: AppealEdit; word: number }
  | { kind: 'move'; at: number; pick: number; action: number }
  | { kind: 'delete'; at: number; pick: number }
  | { kind: 'note'; at: number; pick: number }
  | { kind: 'attach'; at: number; pick: number }
  | { kind: 'phone'; at: number; pick: number; who: number }
  | { kind: 'inquiry'; at: number; pick: number }
  | { kind: 'exchange'; from: number; to: number };

function stepArb(count: number): fc.Arbitrary<Step> {
  const at = fc.nat(count - 1);
  const pick = fc.nat(40);
  return fc.oneof(
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('register' as const),
        at,
        who: fc.option(fc.nat(6)),
      }),
    },
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant('edit' as const),
        at,
        pick,
        edit: fc.constantFrom(...EDITS),
        word: fc.nat(WORDS.length - 1),
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({ kind: fc.constant('move' as const), at, pick, action: fc.nat(5) }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), at, pick }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('note' as const), at, pick }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('attach' as const), at, pick }) },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant('phone' as const), at, pick, who: fc.nat(20) }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('inquiry' as const), at, pick }) },
    ...(count > 1
      ? [
          {
            weight: 3,
            arbitrary: fc
              .record({ kind: fc.constant('exchange' as const), from: at, to: at })
              .filter((s) => s.from !== s.to),
          },
        ]
      : []),
  );
}

/** Appeals are picked among the first few, so laptops often work on the same ones. */
function pickAppeal(laptop: Laptop, pick: number): Appeal | undefined {
  const live = liveAppeals(laptop);
  if (live.length === 0) return undefined;
  return live[pick % Math.min(live.length, 8)];
}

const decideByParity: Decide = (conflict) =>
  conflict.id.charCodeAt(conflict.id.length - 1) % 2 === 0 ? 'mine' : 'theirs';

/** One step of work on a laptop; `choose` picks the appeal a step works on. */
function work(
  step: Exclude<Step, { kind: 'exchange' }>,
  laptop: Laptop,
  choose: (laptop: Laptop, pick: number) => Appeal | undefined = pickAppeal,
  people: (who: number) => number = (who) => who,
): void {
  if (step.kind === 'register') {
    const applicant = step.who === null ? null : createApplicant(laptop, people(step.who));
    registerAppeal(laptop, applicant?.id ?? null);
    return;
  }
  if (step.kind === 'phone') {
    const applicants = (laptop.data.applicants ?? []) as unknown as Applicant[];
    const live = applicants.filter((a) => a.deletedAt === null && a.anonymisedAt === null);
    const applicant = live[step.pick % Math.max(1, Math.min(live.length, 8))];
    if (applicant) editApplicant(laptop, applicant, person(50 + step.who).phone);
    return;
  }
  const appeal = choose(laptop, step.pick);
  if (!appeal) return;
  switch (step.kind) {
    case 'edit':
      editAppeal(laptop, appeal, step.edit, WORDS[step.word]!);
      break;
    case 'move':
      moveAppeal(laptop, appeal, step.action);
      break;
    case 'delete':
      deleteAppeal(laptop, appeal);
      break;
    case 'note':
      noteOn(laptop, appeal);
      break;
    case 'attach':
      attach(laptop, appeal);
      break;
    case 'inquiry':
      sendInquiry(laptop, appeal);
      break;
  }
}

function run(step: Step, all: Laptop[], check: (from: Laptop, to: Laptop) => void): void {
  if (step.kind === 'exchange') {
    const from = all[step.from]!;
    const to = all[step.to]!;
    exchange(from, to, decideByParity);
    check(from, to);
    return;
  }
  work(step, all[step.at]!);
}

const ids = (records: readonly { id: string }[] | undefined) =>
  new Set((records ?? []).map((r) => r.id));

function snapshot(laptop: Laptop) {
  return {
    appeals: ids(laptop.data.appeals),
    events: ids(laptop.data.events),
    attachments: ids(laptop.data.attachments),
    applicants: ids(laptop.data.applicants),
    inquiries: ids(laptop.data.inquiries),
  };
}

function expectSuperset(after: Set<string>, before: Set<string>, what: string) {
  const missing = [...before].filter((id) => !after.has(id));
  expect(missing, `${what} dropped`).toEqual([]);
}

function expectUniqueNumbers(laptop: Laptop) {
  const regNos = (laptop.data.appeals ?? []).map((a) => a.regNo as string);
  expect(new Set(regNos).size, `${laptop.id}: duplicate registry numbers`).toBe(regNos.length);
  const outgoing = (laptop.data.inquiries ?? [])
    .map((i) => i.outgoingNo as string | null)
    .filter((n): n is string => n !== null);
  expect(new Set(outgoing).size, `${laptop.id}: duplicate inquiry numbers`).toBe(outgoing.length);
}

function expectPrintsFound(laptop: Laptop, prints: Laptop['printed']) {
  const records = [...(laptop.data.appeals ?? []), ...(laptop.data.inquiries ?? [])] as AnyRecord[];
  const present = ids(records);
  for (const print of prints) {
    if (!present.has(print.appealId)) continue;
    const found = findByNumber(records as never, print.number).map((r: { id: string }) => r.id);
    expect(found, `${print.number} printed on ${print.laptop}`).toContain(print.appealId);
  }
}

/** After `from` → `to`: `to` lost nothing of its own or of `from`, and its numbers hold. */
function checker(all: Laptop[]) {
  const before = new Map(all.map((l) => [l.id, snapshot(l)]));
  return (from: Laptop, to: Laptop) => {
    const after = snapshot(to);
    for (const source of [before.get(to.id)!, snapshot(from)]) {
      for (const key of Object.keys(after) as (keyof typeof after)[]) {
        expectSuperset(after[key], source[key], key);
      }
    }
    expectUniqueNumbers(to);
    expectPrintsFound(to, [...from.printed, ...to.printed]);
    for (const appeal of to.data.appeals ?? []) {
      const parsed = appealSchema.safeParse(appeal);
      expect(
        parsed.success,
        `${String(appeal.regNo)}: ${JSON.stringify(parsed.error?.issues)}`,
      ).toBe(true);
    }
    for (const laptop of all) before.set(laptop.id, snapshot(laptop));
  };
}

function syncRound(all: Laptop[], check: (from: Laptop, to: Laptop) => void) {
  const [hub, ...others] = all as [Laptop, ...Laptop[]];
  for (const other of others) {
    exchange(other, hub, decideByParity);
    check(other, hub);
  }
  for (const other of others) {
    exchange(hub, other, decideByParity);
    check(hub, other);
  }
}

const RUNS = Number(process.env.TIZILIM_MERGE_RUNS ?? 20);
/** Each run merges a few dozen times; on a loaded two-core machine that takes a while. */
const SLOW = { timeout: 180_000 };

describe.each(['legacy', 'blocks'] as const)('laptops numbering in %s mode', (mode) => {
  it.each([2, 3] as const)(
    'never drop a record, an event or an attachment, never share a number, and keep every printed number findable (%i laptops)',
    (count) => {
      fc.assert(
        fc.property(fc.array(stepArb(count), { minLength: 5, maxLength: 40 }), (steps) => {
          const all = laptops(mode, count);
          const check = checker(all);
          for (const step of steps) run(step, all, check);
          syncRound(all, check);
          syncRound(all, check);
          for (const other of all.slice(1)) {
            exchange(other, all[0]!, decideByParity);
            check(other, all[0]!);
          }
          const prints = all.flatMap((l) => l.printed);
          for (const laptop of all) {
            expectPrintsFound(laptop, prints);
            expectUniqueNumbers(laptop);
          }
          // Everyone has every record after two rounds through the office laptop, and the
          // office every event (the others' last «received» notes came back with the last
          // packages).
          const reference = snapshot(all[0]!);
          for (const laptop of all.slice(1)) {
            const other = snapshot(laptop);
            for (const key of ['appeals', 'attachments', 'applicants', 'inquiries'] as const) {
              expect(other[key], `${laptop.id} ${key}`).toEqual(reference[key]);
            }
            expectSuperset(reference.events, other.events, 'events');
          }
          if (mode === 'blocks') {
            const numbers = (l: Laptop) =>
              new Map((l.data.appeals ?? []).map((a) => [a.id, a.regNo]));
            for (const laptop of all.slice(1)) {
              expect(numbers(laptop)).toEqual(numbers(all[0]!));
            }
            // The office gave final numbers to everything: no provisional number is left.
            expect([...numbers(all[0]!).values()].filter((n) => /[A-Z]/.test(String(n)))).toEqual(
              [],
            );
          }
        }),
        { numRuns: RUNS },
      );
    },
    SLOW.timeout,
  );
});

describe('receiving the same changes twice', () => {
  it(
    'changes nothing: the same package is refused, a new one with nothing new is an empty merge',
    () => {
      fc.assert(
        fc.property(fc.array(stepArb(2), { minLength: 3, maxLength: 25 }), (steps) => {
          const all = laptops('blocks', 2);
          const check = checker(all);
          for (const step of steps) run(step, all, check);
          const [a, b] = all as [Laptop, Laptop];
          const pkg = writePackage(a, b);
          expect(receivePackage(b, pkg, decideByParity).admitted).toBe(true);
          const held = structuredClone(b.data);
          expect(receivePackage(b, pkg, decideByParity).admitted).toBe(false);
          const again = receivePackage(b, writePackage(a, b), decideByParity).result!;
          expect(again.put).toEqual({});
          expect(again.events).toEqual([]);
          expect(again.conflicts).toEqual([]);
          expect(again.renumberings).toEqual([]);
          expect(b.data).toEqual(held);
        }),
        { numRuns: RUNS },
      );
    },
    SLOW.timeout,
  );

  it(
    'is idempotent as a pure function: merging the same data into the merged result adds nothing',
    () => {
      fc.assert(
        fc.property(fc.array(stepArb(2), { minLength: 3, maxLength: 25 }), (steps) => {
          const all = laptops('legacy', 2);
          for (const step of steps) run(step, all, () => undefined);
          const [a, b] = all as [Laptop, Laptop];
          const context = {
            now: '2026-12-01T05:00:00.000Z',
            userId: a.userId,
            device: { deviceId: a.id, deviceCode: 'KTM', issuer: true },
            from: { deviceId: b.id },
          };
          const first = mergeDatasets({ mine: a.data, theirs: b.data, context });
          if (!first.ok) throw new Error('refused');
          const merged = applyMerge(a.data, first.result);
          // The other side's records are the ancestors now (the kept base of docs/merge.md).
          const index = new Map<string, AnyRecord>();
          for (const [table, records] of Object.entries(b.data)) {
            for (const r of (records ?? []) as AnyRecord[]) index.set(`${table}/${r.id}`, r);
          }
          const second = mergeDatasets({
            mine: merged,
            theirs: b.data,
            base: (table, id) => index.get(`${table}/${id}`),
            context,
          });
          if (!second.ok) throw new Error('refused');
          expect(second.result.put).toEqual({});
          expect(second.result.events).toEqual([]);
          expect(second.result.counters).toEqual([]);
        }),
        { numRuns: RUNS },
      );
    },
    SLOW.timeout,
  );
});

/** Data compared as sets: record order and the «received from» notes differ by design. */
function comparable(data: MergeTables) {
  const sorted = <T extends { id: string }>(list: readonly T[] | undefined) =>
    [...(list ?? [])].sort((x, y) => (x.id < y.id ? -1 : 1));
  return {
    ...Object.fromEntries(
      Object.entries(data).map(([table, records]) => [
        table,
        sorted(records as unknown as { id: string }[]),
      ]),
    ),
    events: sorted(data.events).filter(
      (e) => !(e.type === 'noteAdded' && 'exchange' in (e.data as object)),
    ),
    counters: [...(data.counters ?? [])].sort((x, y) => (x.id < y.id ? -1 : 1)),
  };
}

describe('independent work on two laptops', () => {
  it(
    'merges into the office laptop to the same data in either order',
    () => {
      const independentSteps = fc.array(
        stepArb(1).filter((s): s is Exclude<Step, { kind: 'exchange' }> => s.kind !== 'exchange'),
        { maxLength: 15 },
      );
      fc.assert(
        fc.property(independentSteps, independentSteps, (first, second) => {
          const [office, r1, r2] = laptops('blocks', 3) as [Laptop, Laptop, Laptop];
          exchange(office, r1, decideByParity);
          exchange(office, r2, decideByParity);
          // Each laptop works on its own half of the registry and its own people.
          for (const [laptop, steps, half] of [
            [r1, first, 0],
            [r2, second, 1],
          ] as const) {
            const ownHalf = (l: Laptop, pick: number) => {
              const own = liveAppeals(l).filter((a) => a.id.charCodeAt(35) % 2 === half);
              return own[pick % Math.max(1, Math.min(own.length, 6))];
            };
            for (const step of steps) {
              if (step.kind === 'phone') continue;
              work(step, laptop, ownHalf, (who) => who * 2 + half);
            }
          }
          const a = cloneLaptop(office, 7);
          const b = cloneLaptop(office, 7);
          const pa1 = writePackage(r1, a);
          const pa2 = writePackage(r2, a);
          const ra1 = receivePackage(a, pa1, decideByParity).result!;
          const ra2 = receivePackage(a, pa2, decideByParity).result!;
          const rb2 = receivePackage(b, writePackage(r2, b), decideByParity).result!;
          const rb1 = receivePackage(b, writePackage(r1, b), decideByParity).result!;
          for (const r of [ra1, ra2, rb1, rb2]) {
            expect(r.conflicts).toEqual([]);
            expect(r.renumberings.filter((x) => x.reason === 'collision')).toEqual([]);
          }
          expect(comparable(a.data)).toEqual(comparable(b.data));
        }),
        { numRuns: RUNS },
      );
    },
    SLOW.timeout,
  );
});
