import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { APPEAL_CHANNELS, APPEAL_KINDS, APPEAL_STATUSES, OUTCOMES } from '@shared/domain';
import {
  DEADLINE_STATES,
  DEFAULT_QUERY,
  filterRows,
  inView,
  selectRows,
  VIEWS,
  type RegistryQuery,
  type Row,
  type ViewContext,
} from '@renderer/features/registry/query';

/** The selection as it was written before it tested only the conditions that are set. */
function reference(
  rows: readonly Row[],
  query: RegistryQuery,
  ctx: ViewContext,
  matches: { has(id: string): boolean } | null,
): Row[] {
  const locality = query.locality.trim().toLocaleLowerCase();
  return rows.filter(
    (row) =>
      (matches === null || matches.has(row.id)) &&
      inView(row, query.view, ctx) &&
      (!query.status || row.status === query.status) &&
      (!query.outcome || row.outcome === query.outcome) &&
      (!query.topic || row.topic === query.topic) &&
      (!query.channel || row.channel === query.channel) &&
      (!query.kind || row.kind === query.kind) &&
      (!locality || row.locality.toLocaleLowerCase().includes(locality)) &&
      (!query.assignee || row.assignee === query.assignee) &&
      (!query.priority || row.priority) &&
      (!query.deadline || row.deadlineState === query.deadline) &&
      (!query.from || row.receivedAt.slice(0, 10) >= query.from) &&
      (!query.to || row.receivedAt.slice(0, 10) <= query.to),
  );
}

const day = fc.integer({ min: 1, max: 28 }).map((d) => `2026-11-${String(d).padStart(2, '0')}`);
const users = ['u1', 'u2'];
const topics = ['water', 'roads_transport', 'housing'];
const places = ['Астана', 'Алматы', 'Қарағанды', 'Көкшетау ауылы'];

const rowArb: fc.Arbitrary<Row> = fc
  .record({
    n: fc.integer({ min: 1, max: 9999 }),
    received: day,
    status: fc.constantFrom(...APPEAL_STATUSES),
    outcome: fc.option(fc.constantFrom(...OUTCOMES), { nil: null }),
    topic: fc.constantFrom(...topics),
    channel: fc.constantFrom(...APPEAL_CHANNELS),
    kind: fc.constantFrom(...APPEAL_KINDS),
    locality: fc.constantFrom(...places),
    assignee: fc.option(fc.constantFrom(...users), { nil: null }),
    priority: fc.boolean(),
    applicantId: fc.option(fc.constant('a1'), { nil: null }),
    firstContactAt: fc.option(fc.constant('2026-11-03T09:00'), { nil: null }),
    decidedOn: fc.option(day, { nil: null }),
    informed: fc.option(fc.constant('2026-11-10T09:00'), { nil: null }),
    open: fc.boolean(),
    deadlineState: fc.option(fc.constantFrom(...DEADLINE_STATES), { nil: null }),
  })
  .map((r) => ({
    id: `id-${r.n}`,
    regNo: `2026-${String(r.n).padStart(4, '0')}`,
    receivedAt: `${r.received}T10:00`,
    registeredOn: r.received,
    applicantId: r.applicantId,
    applicantName: 'Төлегенова Жанар',
    subject: 'Ыстық су жоқ',
    topic: r.topic,
    status: r.status,
    outcome: r.outcome,
    channel: r.channel,
    kind: r.kind,
    locality: r.locality,
    assignee: r.assignee,
    priority: r.priority,
    collective: false,
    decideBy: '2026-11-23',
    acknowledgeBy: '2026-11-05T10:00',
    firstContactAt: r.firstContactAt,
    decidedOn: r.decidedOn,
    applicantInformedAt: r.informed,
    receptionId: null,
    open: r.open,
    deadlineState: r.open ? r.deadlineState : null,
    daysLeft: r.open ? 3 : null,
  }));

const maybe = <T extends string>(arb: fc.Arbitrary<T>) => fc.oneof(fc.constant(''), arb);
const queryArb: fc.Arbitrary<RegistryQuery> = fc.record({
  ...Object.fromEntries(Object.entries(DEFAULT_QUERY).map(([k, v]) => [k, fc.constant(v)])),
  view: fc.constantFrom(...VIEWS),
  status: maybe(fc.constantFrom(...APPEAL_STATUSES)),
  outcome: maybe(fc.constantFrom(...OUTCOMES)),
  topic: maybe(fc.constantFrom(...topics)),
  channel: maybe(fc.constantFrom(...APPEAL_CHANNELS)),
  kind: maybe(fc.constantFrom(...APPEAL_KINDS)),
  locality: fc.constantFrom('', ' астана ', 'ҚАРА', 'ауыл', 'Алм'),
  assignee: maybe(fc.constantFrom(...users)),
  priority: fc.constantFrom('' as const, 'yes' as const),
  deadline: maybe(fc.constantFrom(...DEADLINE_STATES)),
  from: maybe(day),
  to: maybe(day),
}) as fc.Arbitrary<RegistryQuery>;

describe('filterRows', () => {
  it('selects exactly what every condition together selects, in the rows’ order', () => {
    const ctx: ViewContext = { userId: 'u1', now: '2026-11-20T10:00' };
    fc.assert(
      fc.property(
        fc.array(rowArb, { maxLength: 60 }),
        queryArb,
        fc.option(fc.array(fc.integer({ min: 1, max: 9999 }), { maxLength: 40 }), { nil: null }),
        (rows, query, found) => {
          const matches = found && new Set(found.map((n) => `id-${n}`));
          const got = filterRows(rows, query, ctx, matches);
          expect(got).toEqual(reference(rows, query, ctx, matches));
          // A new list, never the rows given.
          expect(got).not.toBe(rows);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('selectRows', () => {
  it('selects what filterRows selects, however the queries follow each other on one list', () => {
    fc.assert(
      fc.property(
        fc.array(rowArb, { maxLength: 60 }),
        fc.array(queryArb, { minLength: 1, maxLength: 6 }),
        fc.constantFrom('u1', 'u2'),
        (rows, queries, userId) => {
          // The subsets kept for one list answer every later query on it.
          const ctx: ViewContext = { userId, now: '2026-11-20T10:00' };
          for (const query of queries) {
            expect([...selectRows(rows, query, ctx)]).toEqual(reference(rows, query, ctx, null));
          }
          // A copy of the list is a list of its own: nothing kept for the first answers it.
          const other = rows.slice(1);
          for (const query of queries) {
            expect([...selectRows(other, query, ctx)]).toEqual(reference(other, query, ctx, null));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('answers a condition on one field from the list grouped once, without a new pass', () => {
    const base = fc.sample(rowArb, { numRuns: 40, seed: 7 });
    const rows = base.map((row, i) => ({ ...row, id: `id-${i}` }));
    const ctx: ViewContext = { userId: 'u1', now: '2026-11-20T10:00' };
    let reads = 0;
    const counted = rows.map((row) =>
      Object.defineProperty({ ...row }, 'status', {
        get: () => {
          reads += 1;
          return row.status;
        },
        enumerable: true,
      }),
    );
    const closed = { ...DEFAULT_QUERY, status: 'closed' };
    const first = selectRows(counted, closed, ctx);
    expect(reads).toBe(rows.length);
    // Another status of the same list, and the first again: no row is read again.
    selectRows(counted, { ...DEFAULT_QUERY, status: 'registered' }, ctx);
    expect(selectRows(counted, closed, ctx)).toBe(first);
    expect(reads).toBe(rows.length);
    // No condition: the list itself, not a copy.
    expect(selectRows(counted, DEFAULT_QUERY, ctx)).toBe(counted);
  });
});
