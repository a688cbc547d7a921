import type { DBCore, DBCoreTable, DBCoreTransaction } from 'dexie';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changesSince, latestSeq, OFFICE_TABLES, type ChangeOp } from '@renderer/db/changeLog';
import type { TizilimDb } from '@renderer/db/database';
import { registryRowOf } from '@renderer/db/registryRow';
import {
  addNote,
  anonymiseApplicant,
  createAgency,
  createAppeal,
  createApplicant,
  importExportFile,
  importRecords,
  mergeApplicants,
  saveDraft,
  softDeleteAppeal,
  transitionAppeal,
  updateAgency,
  updateApplicant,
  updateAppeal,
} from '@renderer/db/repositories';
import { generateDataset } from '@test/fixtures/generate';
import { generateOffice } from '@test/fixtures/generateOffice';
import { ctxAt, deleteFreshDbsAfterEach, freshDb, kazakhAppeal, russianAppeal } from './helpers';

deleteFreshDbsAfterEach();

/**
 * After ANY sequence of repository calls — including calls that are refused or fail — the
 * change log and the derived data agree with the records:
 * - the entries a call adds are exactly the office writes it committed, in order (recorded
 *   independently, above the change layer), and every record whose content changed is among
 *   them; a call that failed adds nothing and changes nothing;
 * - nothing is logged for drafts (or any table that is not office data);
 * - registry rows are `registryRowOf` of each live appeal with its applicant's current name;
 * - search words are those of the record as stored.
 */

const NAMES = [
  'Сейітқали Гүлнар Маратқызы',
  'Иванова Ольга Петровна',
  'Нұрланұлы Әлібек',
  'Ким Сергей Владимирович',
  'Жұмабаева Айгүл',
  'Әбдірахманов Ерлан Серікұлы',
];
const SUBJECTS = [
  'Ыстық су жоқ',
  'Ремонт дороги во дворе',
  'Аулада түнде жарық жоқ',
  'Лифт не работает третью неделю',
  'Балалар алаңы қираған',
  'Мусор не вывозят',
];
const AGENCIES = ['Астана Су Арнасы', 'Акимат района Сарыарка', 'Қалалық энергия орталығы'];

type Action =
  | { kind: 'createApplicant'; name: number; phone: number }
  | { kind: 'renameApplicant'; who: number; name: number }
  | { kind: 'createAppeal'; ru: boolean; who: number | null; subject: number }
  | { kind: 'editAppeal'; which: number; subject: number }
  | { kind: 'startAppeal'; which: number }
  | { kind: 'note'; which: number; subject: number }
  | { kind: 'deleteAppeal'; which: number }
  | { kind: 'merge'; keep: number; merge: number }
  | { kind: 'anonymise'; who: number }
  | { kind: 'import'; appeals: number; seed: number }
  | { kind: 'replace'; seed: number }
  | { kind: 'draft'; subject: number }
  | { kind: 'agency'; name: number; edit: boolean };

const pick = fc.nat({ max: 50 });
const action: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('createApplicant'),
      name: pick,
      phone: fc.nat({ max: 9_999_999 }),
    }),
  },
  fc.record({ kind: fc.constant('renameApplicant'), who: pick, name: pick }),
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('createAppeal'),
      ru: fc.boolean(),
      who: fc.option(pick, { nil: null }),
      subject: pick,
    }),
  },
  fc.record({ kind: fc.constant('editAppeal'), which: pick, subject: pick }),
  fc.record({ kind: fc.constant('startAppeal'), which: pick }),
  fc.record({ kind: fc.constant('note'), which: pick, subject: pick }),
  fc.record({ kind: fc.constant('deleteAppeal'), which: pick }),
  fc.record({ kind: fc.constant('merge'), keep: pick, merge: pick }),
  fc.record({ kind: fc.constant('anonymise'), who: pick }),
  fc.record({
    kind: fc.constant('import'),
    appeals: fc.integer({ min: 1, max: 6 }),
    seed: fc.nat(3),
  }),
  fc.record({ kind: fc.constant('replace'), seed: fc.nat(2) }),
  fc.record({ kind: fc.constant('draft'), subject: pick }),
  fc.record({ kind: fc.constant('agency'), name: pick, edit: fc.boolean() }),
);

const ctx = ctxAt();
const of = <T>(list: readonly T[], i: number): T | undefined =>
  list.length ? list[i % list.length] : undefined;

async function run(db: TizilimDb, a: Action): Promise<void> {
  const applicants = (await db.applicants.toArray()).filter((x) => x.deletedAt === null);
  const appeals = (await db.appeals.toArray()).filter((x) => x.deletedAt === null);
  switch (a.kind) {
    case 'createApplicant': {
      const phone = `8701${String(a.phone).padStart(7, '0')}`;
      await createApplicant(db, { fullName: of(NAMES, a.name)!, phones: [phone] }, ctx);
      return;
    }
    case 'renameApplicant': {
      const who = of(applicants, a.who);
      if (who) await updateApplicant(db, who.id, { fullName: of(NAMES, a.name)! }, ctx);
      return;
    }
    case 'createAppeal': {
      const who = a.who === null ? null : (of(applicants, a.who)?.id ?? null);
      const input = { applicantId: who, subject: of(SUBJECTS, a.subject)! };
      await createAppeal(db, a.ru ? russianAppeal(input) : kazakhAppeal(input), ctx);
      return;
    }
    case 'editAppeal': {
      const which = of(appeals, a.which);
      if (which) await updateAppeal(db, which.id, { subject: of(SUBJECTS, a.subject)! }, ctx);
      return;
    }
    case 'startAppeal': {
      const which = of(appeals, a.which);
      if (which) await transitionAppeal(db, which.id, { type: 'start' }, ctx);
      return;
    }
    case 'note': {
      const which = of(appeals, a.which);
      if (which) await addNote(db, which.id, `Хабарласты: ${of(SUBJECTS, a.subject)!}`, ctx);
      return;
    }
    case 'deleteAppeal': {
      const which = of(appeals, a.which);
      if (which) await softDeleteAppeal(db, which.id, 'Қайталама тіркеу', ctx);
      return;
    }
    case 'merge': {
      // Two different applicants (merging one into itself is refused before any write).
      const keep = of(applicants, a.keep);
      const merge = of(applicants, a.keep + 1 + (a.merge % Math.max(1, applicants.length - 1)));
      if (keep && merge && keep !== merge)
        await mergeApplicants(db, { keepId: keep.id, mergeId: merge.id }, ctx);
      return;
    }
    case 'anonymise': {
      const who = of(applicants, a.who);
      if (who) await anonymiseApplicant(db, who.id, { reason: 'Азаматтың жазбаша өтініші' }, ctx);
      return;
    }
    case 'import': {
      // The same seed twice gives the same ids and numbers: a refused batch, on purpose.
      await importRecords(db, generateDataset({ appeals: a.appeals, seed: a.seed }));
      return;
    }
    case 'replace': {
      const office = generateOffice({ appeals: 3, seed: a.seed, from: '2026-09-01' });
      await importExportFile(db, office, ctx, {
        mode: 'replace',
        fileAs: 'bytes',
        backup: async () => undefined,
      });
      return;
    }
    case 'draft': {
      await saveDraft(db, {
        kind: 'intake',
        key: 'r1:v1',
        data: { text: of(SUBJECTS, a.subject) },
      });
      return;
    }
    case 'agency': {
      const existing = await db.agencies.toArray();
      const name = of(AGENCIES, a.name)!;
      const target = of(existing, a.name);
      if (a.edit && target) {
        await updateAgency(db, target.id, { name: { kk: name, ru: name } }, ctx);
      } else {
        await createAgency(db, { name: { kk: name, ru: name }, kind: 'utility' }, ctx);
      }
      return;
    }
  }
}

/**
 * Records every write to an office table that committed, as [table, id, op], above the
 * change layer and independently of it.
 */
function recordCommittedWrites(db: TizilimDb) {
  const committed: [string, string, ChangeOp][] = [];
  const pending = new WeakMap<DBCoreTransaction, [string, string, ChangeOp][]>();
  const office = new Set<string>(OFFICE_TABLES);
  db.use({
    stack: 'dbcore',
    name: 'test-recorder',
    level: 20,
    create: (down: DBCore) => ({
      ...down,
      table: (name: string): DBCoreTable => {
        const table = down.table(name);
        if (!office.has(name)) return table;
        return {
          ...table,
          mutate: (req) =>
            table.mutate(req).then((res) => {
              let list = pending.get(req.trans);
              if (!list) {
                const created: [string, string, ChangeOp][] = [];
                list = created;
                pending.set(req.trans, created);
                (req.trans as unknown as EventTarget).addEventListener('complete', () =>
                  committed.push(...created),
                );
              }
              if (req.type === 'deleteRange') list.push([name, '', 'clear']);
              else if (req.type === 'delete') {
                req.keys.forEach((key: string) => list.push([name, key, 'delete']));
              } else {
                req.values.forEach((value: { id: string }, i) => {
                  if (res.failures[i] === undefined) list.push([name, value.id, 'put']);
                });
              }
              return res;
            }),
        };
      },
    }),
  });
  return { take: () => committed.splice(0) };
}

async function officeRecords(db: TizilimDb) {
  const out = new Map<string, string>();
  for (const table of OFFICE_TABLES) {
    for (const record of await db.table(table).toArray()) {
      out.set(`${table}|${(record as { id: string }).id}`, JSON.stringify(record));
    }
  }
  return out;
}

async function expectDerivedAgree(db: TizilimDb) {
  const names = new Map((await db.applicants.toArray()).map((a) => [a.id, a.fullName]));
  const appeals = await db.appeals.toArray();
  const live = appeals.filter((a) => a.deletedAt === null);
  expect(await db.registryRows.toArray()).toEqual(
    live.map((a) => registryRowOf(a, a.applicantId ? (names.get(a.applicantId) ?? '') : '')),
  );
  // Since schema version 4 nothing stores search words (the index is in memory).
  for (const a of [
    ...appeals,
    ...(await db.applicants.toArray()),
    ...(await db.agencies.toArray()),
  ]) {
    expect(a).not.toHaveProperty('searchWords');
  }
}

describe('the change layer, after any sequence of repository calls', () => {
  it('logs exactly the committed writes and keeps derived data equal to the records', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 14 }), async (actions) => {
        const db = freshDb();
        const recorder = recordCommittedWrites(db);
        await db.open();
        recorder.take();
        for (const a of actions) {
          const seq = await latestSeq(db);
          const before = await officeRecords(db);
          const outcome = await run(db, a).then(
            () => 'done',
            (error: unknown) => error,
          );
          const after = await officeRecords(db);
          const entries = await changesSince(db, seq, 100_000);
          const logged = entries.map((e) => [e.table, e.id, e.op]);

          expect(logged).toEqual(recorder.take());
          expect(entries.map((e) => e.seq)).toEqual(
            [...entries.map((e) => e.seq)].sort((x, y) => x - y),
          );
          expect(logged.some(([table]) => table === 'drafts')).toBe(false);
          if (outcome !== 'done') {
            expect(logged).toEqual([]);
            expect(after).toEqual(before);
          }
          // Every record that appeared, changed or went away is named by the entries.
          const named = new Set(logged.map(([table, id]) => `${table}|${id}`));
          const cleared = new Set(logged.filter(([, , op]) => op === 'clear').map(([t]) => t));
          for (const key of new Set([...before.keys(), ...after.keys()])) {
            if (before.get(key) === after.get(key)) continue;
            const table = key.slice(0, key.indexOf('|'));
            expect(named.has(key) || cleared.has(table), key).toBe(true);
          }
          await expectDerivedAgree(db);
        }
      }),
      { numRuns: 30 },
    );
  }, 240_000);
});
