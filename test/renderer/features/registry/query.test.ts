import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createKzCalendar } from '@shared/calendar';
import type { RegistryRow } from '@renderer/db/registryRow';
import {
  DEFAULT_QUERY,
  filterRows,
  parseQuery,
  queryToParams,
  sortRows,
  viewCounts,
  withDeadlines,
  type RegistryQuery,
} from '@renderer/features/registry/query';

const cal = createKzCalendar();
const TODAY = '2026-11-20';

function row(overrides: Partial<RegistryRow>): RegistryRow {
  return {
    id: overrides.regNo ?? 'x',
    regNo: '2026-0001',
    receivedAt: '2026-11-02T10:00',
    registeredOn: '2026-11-02',
    applicantId: 'a1',
    applicantName: 'Сейітқали Гүлнар',
    subject: 'Ыстық су жоқ',
    topic: 'water',
    status: 'in_progress',
    outcome: null,
    channel: 'reception',
    kind: 'complaint',
    locality: 'Астана',
    assignee: null,
    priority: false,
    collective: false,
    decideBy: '2026-11-23',
    acknowledgeBy: '2026-11-05T10:00',
    firstContactAt: '2026-11-03T09:00',
    decidedOn: null,
    applicantInformedAt: null,
    receptionId: null,
    ...overrides,
  };
}

const rows = withDeadlines(
  [
    row({ regNo: '2026-0001', decideBy: '2026-11-13', receivedAt: '2026-10-23T10:00' }),
    row({
      regNo: '2026-0002',
      decideBy: '2026-11-20',
      applicantName: 'Петров Иван',
      topic: 'roads_transport',
    }),
    row({
      regNo: '2026-0003',
      decideBy: '2026-11-24',
      status: 'waiting_agency',
      assignee: 'u1',
      priority: true,
    }),
    row({
      regNo: '2026-0004',
      status: 'closed',
      outcome: 'resolved',
      decidedOn: '2026-11-05',
      locality: 'Қосшы',
    }),
    row({
      regNo: '2026-0005',
      firstContactAt: null,
      status: 'registered',
      decideBy: '2026-12-10',
      receivedAt: '2026-11-19T09:00',
    }),
  ],
  cal,
  TODAY,
);
const ctx = { userId: 'u1', now: '2026-11-20T10:00' };
const q = (patch: Partial<RegistryQuery>): RegistryQuery => ({ ...DEFAULT_QUERY, ...patch });
const regNos = (list: { regNo: string }[]) => list.map((r) => r.regNo);

describe('registry query', () => {
  it('computes each open row’s deadline position once', () => {
    expect(rows.map((r) => r.deadlineState)).toEqual([
      'overdue',
      'due_today',
      'due_soon',
      null,
      'on_track',
    ]);
    expect(rows[0]?.daysLeft).toBe(-5);
  });

  it('counts the saved views', () => {
    expect(viewCounts(rows, ctx)).toEqual({
      all: 5,
      due_today: 1,
      overdue: 1,
      not_contacted: 1,
      waiting_agency: 1,
      not_informed: 0,
      mine: 1,
    });
  });

  it('filters by each field and by the search matches', () => {
    expect(regNos(filterRows(rows, q({ topic: 'roads_transport' }), ctx, null))).toEqual([
      '2026-0002',
    ]);
    expect(
      regNos(filterRows(rows, q({ status: 'closed', outcome: 'resolved' }), ctx, null)),
    ).toEqual(['2026-0004']);
    expect(regNos(filterRows(rows, q({ locality: 'қос' }), ctx, null))).toEqual(['2026-0004']);
    expect(regNos(filterRows(rows, q({ priority: 'yes' }), ctx, null))).toEqual(['2026-0003']);
    expect(regNos(filterRows(rows, q({ deadline: 'overdue' }), ctx, null))).toEqual(['2026-0001']);
    expect(
      regNos(filterRows(rows, q({ from: '2026-11-19', to: '2026-11-19' }), ctx, null)),
    ).toEqual(['2026-0005']);
    expect(regNos(filterRows(rows, q({ view: 'mine' }), ctx, null))).toEqual(['2026-0003']);
    expect(regNos(filterRows(rows, q({}), ctx, new Set(['2026-0002', '2026-0005'])))).toEqual([
      '2026-0002',
      '2026-0005',
    ]);
  });

  it('sorts by deadline (most urgent first), by name with Kazakh collation, and keeps ties stable', () => {
    const labels = {
      topic: (id: string) => id,
      assignee: () => '',
      collator: new Intl.Collator('kk'),
    };
    expect(regNos(sortRows(rows, 'deadline', 'asc', labels))).toEqual([
      '2026-0001',
      '2026-0002',
      '2026-0003',
      '2026-0005',
      '2026-0004',
    ]);
    expect(regNos(sortRows(rows, 'applicantName', 'asc', labels))[0]).toBe('2026-0002');
    expect(regNos(sortRows(rows, 'receivedAt', 'desc', labels))[0]).toBe('2026-0005');
  });

  it('round-trips through the URL and ignores junk', () => {
    fc.assert(
      fc.property(
        fc.record({
          view: fc.constantFrom('all', 'overdue', 'mine'),
          q: fc.string({ maxLength: 20 }),
          status: fc.constantFrom('', 'closed', 'registered'),
          sort: fc.constantFrom('regNo', 'deadline'),
          dir: fc.constantFrom('asc', 'desc'),
          from: fc.constantFrom('', '2026-01-31'),
        }),
        (patch) => {
          const query = q(patch as Partial<RegistryQuery>);
          expect(parseQuery(queryToParams(query))).toEqual(query);
        },
      ),
    );
    expect(
      parseQuery(new URLSearchParams('view=everything&status=lost&from=31.01.2026&sort=x')),
    ).toEqual(DEFAULT_QUERY);
    expect(queryToParams(DEFAULT_QUERY).toString()).toBe('');
  });
});
