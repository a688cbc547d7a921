import type { Transaction } from 'dexie';
import { startChangeLog } from './changeLog';

/**
 * Every schema version the app has ever shipped, oldest first. Append only: a released
 * version is never edited, because offices' databases were created from it. A new version
 * lists only the tables whose indexes change, plus an `upgrade` when data must be rewritten,
 * and comes with a test in test/renderer/db/migrations.test.ts that opens a fixture database
 * of the previous version and checks the data after the upgrade.
 */
export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const DB_NAME = 'tizilim';

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      // The registry filters and sorts on these; `*searchWords` is the word index for search.
      appeals:
        'id, &regNo, status, topic, channel, kind, receivedAt, registeredOn, decideBy, acknowledgeBy, assignee, location.locality, applicantId, *coApplicantIds, receptionId, priority, *searchWords, deletedAt, [status+decideBy]',
      // A compact copy of each live appeal's list columns, kept by the repositories in the
      // same transaction as the appeal: the registry reads 50,000 of these at start, which
      // is several times faster than reading whole appeals with their texts.
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
    },
  },
  {
    version: 2,
    stores: {
      // The change log (changeLog.ts): `seq` orders it; `[table+id]` finds a record's entries.
      changes: '++seq, [table+id]',
      // This laptop's identity (device.ts): one record, never exported.
      device: 'key',
    },
    // The log starts with one `put` per stored record; the laptop gets its identity.
    upgrade: startChangeLog,
  },
  {
    version: 3,
    stores: {
      // Local facts about this database that are not office data (changeLog.ts, `getLogId`):
      // the id of the change log, renewed whenever the database (and so `seq`) starts anew.
      meta: 'key',
    },
  },
  // Versions 4–6 are reserved for work merged from other branches (Dexie allows gaps).
  {
    version: 7,
    stores: {
      // Sync with the council's server (syncTables.ts, docs/sync.md): per record, the
      // revision both sides last shared and its body (the merge's base); `table` lists a
      // table's records for a `clear`.
      syncDocs: 'docId, table',
      // Per-laptop sync settings and the replication checkpoints (`_local/...`).
      syncMeta: 'key',
      // Documents from the server that failed the app's rules: listed, never applied.
      syncQuarantine: 'docId, receivedAt',
      // Decisions for a person: fields changed differently here and on the server.
      syncConflicts: 'id, docId, detectedAt',
    },
    // No data to rewrite: sync starts switched off, and its first push reads the change log
    // from 0, which names every record (docs/change-log.md).
  },
];

export const LATEST_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;
