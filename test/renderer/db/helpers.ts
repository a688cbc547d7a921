import type { Table } from 'dexie';
import { afterEach, expect } from 'vitest';
import { TizilimDb } from '@renderer/db/database';
import { RepositoryError, type WriteContext } from '@renderer/db/repositories';
import type { AppealInput } from '@shared/domain';

let counter = 0;
const opened: TizilimDb[] = [];

/** A fresh, empty database per test (fake-indexeddb keeps them in memory). */
export function freshDb(): TizilimDb {
  counter += 1;
  const db = new TizilimDb(`tizilim-test-${counter}-${Math.random().toString(36).slice(2)}`);
  opened.push(db);
  return db;
}

/**
 * Call once at the top of a test file: after each test, deletes every database `freshDb()`
 * opened in it, so no test sees another's rows and fake-indexeddb does not pile them up.
 */
export function deleteFreshDbsAfterEach(): void {
  afterEach(async () => {
    for (const db of opened.splice(0)) await db.delete();
  });
}

/** The RepositoryError a write was refused with; fails the test if it succeeded or threw else. */
export async function rejection(promise: Promise<unknown>): Promise<RepositoryError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RepositoryError);
  return error as RepositoryError;
}

/** Friday 20 November 2026, 10:00 in Astana. */
export const FRIDAY_MORNING = new Date('2026-11-20T05:00:00Z');

/** Monday 23 November 2026, 10:00 in Astana: after an appeal of Friday evening. */
export const MONDAY_MORNING = new Date('2026-11-23T05:00:00Z');

export function ctxAt(instant: Date = FRIDAY_MORNING, userId = 'aigerim'): WriteContext {
  return { userId, now: () => instant };
}

/** Written consent taken on the Friday: what the office records before it keeps a person's data. */
export const WRITTEN_CONSENT = { given: true, date: '2026-11-20', form: 'written' } as const;

export function kazakhAppeal(overrides: Partial<AppealInput> = {}): AppealInput {
  return {
    receivedAt: '2026-11-20T10:00',
    channel: 'reception',
    kind: 'complaint',
    applicantId: null,
    subject: 'Ыстық су жоқ',
    text: 'Абай көшесі 12-үйде екі аптадан бері ыстық су жоқ. Пәтер иелері кооперативіне жүгіндік, жауап болмады.',
    expectation: 'Жылу желілеріне депутаттық сауал жіберуді сұраймын',
    topic: 'heating_gas',
    location: { locality: 'Астана', district: 'Сарыарқа', street: 'Абай көшесі', building: '12' },
    ...overrides,
  };
}

export function russianAppeal(overrides: Partial<AppealInput> = {}): AppealInput {
  return {
    receivedAt: '2026-11-20T09:30',
    channel: 'whatsapp',
    kind: 'application',
    applicantId: null,
    subject: 'Ремонт дороги во дворе',
    text: 'Во дворе дома №5 по улице Кенесары ямы глубиной до 20 см, после дождя не пройти.',
    topic: 'roads_transport',
    location: { locality: 'Астана', district: '', street: 'Кенесары', building: '5' },
    ...overrides,
  };
}

export async function counts(db: TizilimDb) {
  return {
    appeals: await db.appeals.count(),
    events: await db.events.count(),
    counters: await db.counters.toArray(),
    applicants: await db.applicants.count(),
  };
}

type TableName = {
  [K in keyof TizilimDb]: TizilimDb[K] extends Table ? K : never;
}[keyof TizilimDb];

/** Every row of the named tables, to prove that a refused write changed none of them. */
export async function rowsOf<N extends TableName>(
  db: TizilimDb,
  ...names: N[]
): Promise<Record<N, unknown[]>> {
  const rows = {} as Record<N, unknown[]>;
  for (const name of names) rows[name] = await db.table(name).toArray();
  return rows;
}

/**
 * Makes IndexedDB refuse writes to one table while `armed`, below the change layer (as a
 * full disk would): for proving that a transaction whose derived data or change-log entry
 * cannot be written leaves nothing behind. Call before the database is first used.
 */
export function failingWrites(db: TizilimDb, table: string, message = 'quota exceeded') {
  const control = { armed: false };
  db.use({
    stack: 'dbcore',
    name: `test-failing-${table}`,
    level: 1.2,
    create: (down) => ({
      ...down,
      table: (name) => {
        const downTable = down.table(name);
        if (name !== table) return downTable;
        return {
          ...downTable,
          mutate: (req) =>
            control.armed ? Promise.reject(new Error(message)) : downTable.mutate(req),
        };
      },
    }),
  });
  return control;
}
