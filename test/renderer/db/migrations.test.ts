import { afterEach, describe, expect, it } from 'vitest';
import { TizilimDb } from '@renderer/db/database';
import { LATEST_VERSION, SCHEMA_VERSIONS } from '@renderer/db/schema';
import { createAppeal } from '@renderer/db/repositories';
import { ctxAt, kazakhAppeal } from './helpers';

/**
 * Migration harness. For every schema version N > 1 there must be a test here that:
 * 1. builds a database at version N-1 with `new TizilimDb(name, N - 1)` and fixture rows,
 * 2. closes it and opens it with the current `TizilimDb(name)`,
 * 3. checks the rows after the upgrade.
 * `openAtVersionThenUpgrade` does steps 1–2.
 */
async function openAtVersionThenUpgrade(
  name: string,
  version: number,
  fill: (db: TizilimDb) => Promise<void>,
): Promise<TizilimDb> {
  const old = new TizilimDb(name, version);
  await old.open();
  await fill(old);
  old.close();
  const upgraded = new TizilimDb(name);
  await upgraded.open();
  return upgraded;
}

// A copy of version 1 as released. Versions are append-only: if this test fails, a shipped
// version was edited in place — add a new version instead.
const RELEASED_V1 = {
  appeals:
    'id, &regNo, status, topic, channel, kind, receivedAt, registeredOn, decideBy, acknowledgeBy, assignee, location.locality, applicantId, *coApplicantIds, receptionId, priority, *searchWords, deletedAt, [status+decideBy]',
  registryRows: 'id, receivedAt, regNo',
  applicants: 'id, iin, *phones, *searchWords, mergedInto, deletedAt',
  events: 'id, appealId, [appealId+at], type, at',
  inquiries: 'id, outgoingNo, status, agencyId, *appealIds, dueDate, outgoingDate',
  agencies: 'id, *searchWords',
  receptions: 'id, date, status',
  checklistTemplates: 'id',
  templates: 'id, kind',
  initiatives: 'id, submittedOn, status',
  planItems: 'id, [year+quarter]',
  attachments: 'id, appealId',
  settings: 'id',
  drafts: 'id, &[kind+key], kind, updatedAt',
  counters: 'id',
};

let db: TizilimDb | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

describe('schema versions', () => {
  it('are numbered 1, 2, 3… in order', () => {
    expect(SCHEMA_VERSIONS.map((v) => v.version)).toEqual(SCHEMA_VERSIONS.map((_, i) => i + 1));
    expect(LATEST_VERSION).toBe(SCHEMA_VERSIONS.length);
  });

  it('version 1 is unchanged since release', () => {
    expect(SCHEMA_VERSIONS[0]?.stores).toEqual(RELEASED_V1);
  });

  it('open with strict durability and every table of the schema', async () => {
    db = new TizilimDb('tizilim-migration-tables');
    await db.open();
    expect(db.tables.map((t) => t.name).sort()).toEqual(Object.keys(RELEASED_V1).sort());
    expect(db.appeals.schema.indexes.find((i) => i.name === 'regNo')?.unique).toBe(true);
    expect(db.appeals.schema.indexes.find((i) => i.name === 'searchWords')?.multi).toBe(true);
  });

  it('the harness keeps data across reopening at the latest version', async () => {
    let regNo = '';
    db = await openAtVersionThenUpgrade('tizilim-migration-harness', 1, async (old) => {
      regNo = (await createAppeal(old, kazakhAppeal(), ctxAt())).regNo;
    });
    expect(db.verno).toBe(LATEST_VERSION);
    const stored = await db.appeals.where('regNo').equals(regNo).first();
    expect(stored?.subject).toBe('Ыстық су жоқ');
    expect(await db.events.count()).toBe(1);
  });
});
