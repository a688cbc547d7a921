import type { Transaction } from 'dexie';
import { upgradeToBilingualTexts } from './bilingualUpgrade';
import { upgradeInitiativeTexts } from './bilingualUpgradeV9';
import { startChangeLog } from './changeLog';

/** Tables whose records carried `searchWords` before version 4. */
const SEARCH_WORD_TABLES = ['appeals', 'applicants', 'agencies'] as const;

/**
 * Upgrade to version 4: the records lose their `searchWords` field (the indexes are
 * dropped by the new store definitions). Not logged: what the records say is unchanged.
 */
async function dropSearchWords(tx: Transaction): Promise<void> {
  for (const table of SEARCH_WORD_TABLES) {
    await tx
      .table(table)
      .toCollection()
      .modify((record: { searchWords?: unknown }) => {
        delete record.searchWords;
      });
  }
}

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
  {
    version: 4,
    stores: {
      // The search is an in-memory index (searchIndex.ts, docs/search.md): the multi-entry
      // `*searchWords` indexes go, which made every write of an appeal or an applicant
      // several times slower (an import of 10,000 appeals most of all).
      appeals:
        'id, &regNo, status, topic, channel, kind, receivedAt, registeredOn, decideBy, acknowledgeBy, assignee, location.locality, applicantId, *coApplicantIds, receptionId, priority, deletedAt, [status+decideBy]',
      applicants: 'id, iin, *phones, mergedInto, deletedAt',
      agencies: 'id',
    },
    upgrade: dropSearchWords,
  },
  {
    version: 5,
    stores: {},
    // Public texts (an appeal's public summary, a reception's place and accessibility notes)
    // become { kk, ru }: each stored text moves into the language it reads as.
    upgrade: upgradeToBilingualTexts,
  },
  {
    version: 6,
    stores: {
      // `*aliases`: a record's earlier numbers (a provisional one, one renumbered on merge),
      // so a number printed on a receipt or a letter finds its record for ever.
      appeals:
        'id, &regNo, status, topic, channel, kind, receivedAt, registeredOn, decideBy, acknowledgeBy, assignee, location.locality, applicantId, *coApplicantIds, receptionId, priority, deletedAt, [status+decideBy], *aliases',
      inquiries: 'id, outgoingNo, status, agencyId, *appealIds, dueDate, outgoingDate, *aliases',
      // Exchange packages (docs/exchange.md), local to this laptop like `device`: never
      // exported or logged. The common ancestor kept per peer and record...
      exchangeBases: '[peer+table+id], peer',
      // ...and what this laptop knows about each other laptop of the office.
      exchangePeers: 'deviceId',
    },
  },
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
  {
    version: 8,
    stores: {
      // The "7 steps to an open deputy" scorecard (shared/scorecard): step 4, each quarterly
      // report's publication (found by its quarter)...
      reportPublications: 'id, [year+quarter], publishedOn',
      // ...and step 5, feedback rounds after the maslikhat's decisions (read by period).
      feedbackRounds: 'id, collectedOn',
    },
    // New tables only: nothing to rewrite, and the change log gets their records as they come.
  },
  {
    version: 9,
    stores: {
      // The okrug's map for the problem map (okrugMap.ts): one record, the checked GeoJSON
      // of its streets or microdistricts. Local to this laptop, like the exchange state.
      okrugMaps: 'id',
    },
    // An initiative's title, result and public summary and a plan item's title and actions
    // become { kk, ru }: each stored text moves into the language it reads as.
    upgrade: upgradeInitiativeTexts,
  },
  {
    version: 10,
    stores: {
      // Fewer index entries per record: a restore or an import of 50,000 appeals writes
      // some 450,000 events and as many log entries, and every index entry is one more
      // write (and one more to undo when a restore clears the table). Events: `at` was
      // never queried; `appealId` is the first part of `[appealId+at]`, which Dexie uses for
      // `where('appealId')` (a virtual index), as every event has its `at`.
      events: 'id, [appealId+at], type',
      // Appeals keep only the indexes something queries (by number, status, topic, time of
      // receipt, applicant, reception, earlier numbers); the registry filters and sorts its
      // in-memory rows (registryRows.ts), so channel, kind, registeredOn, decideBy,
      // acknowledgeBy, assignee, location.locality, priority, deletedAt and
      // [status+decideBy] were written on every save and read by nothing.
      appeals:
        'id, &regNo, status, topic, receivedAt, applicantId, *coApplicantIds, receptionId, *aliases',
      // The log: `[table+id]` only served compaction, which now reads the log in seq order.
      changes: '++seq',
    },
    // Dropping indexes rewrites no record.
  },
  {
    version: 11,
    stores: {
      // The sync's base rows of records a pull brought for the first time, many per value
      // (renderer/src/sync/baseRows.ts): a first sync of an office wrote one row per record,
      // as many IndexedDB requests as the records themselves. `*docIds` finds the pack of a
      // record's row, `*tables` the rows of a table.
      syncPacks: '++key, *docIds, *tables',
    },
    // A new table only: the rows already in `syncDocs` stay where they are and are read
    // first, so a laptop that synced before keeps every base.
  },
];

export const LATEST_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;

/**
 * The versions the database object declares to Dexie, up to `upToVersion`: each version with
 * an upgrade, and the last, each with the stores of every version up to it.
 *
 * Dexie (since 3.0) takes the schema a database has from the database itself, so a version
 * without an upgrade need not be declared: its index changes come with the next declared one.
 * And every declaration costs: Dexie parses the stores of every version declared so far
 * again, twice per version, so eleven versions took 7 ms (idle) to 30 ms (busy) on the way
 * to the first screen. The upgrades run as before: each at its own version, seeing the
 * tables of that version.
 */
export function declaredVersions(
  upToVersion: number = LATEST_VERSION,
  versions: readonly SchemaVersion[] = SCHEMA_VERSIONS,
): SchemaVersion[] {
  const upTo = versions.filter((v) => v.version <= upToVersion);
  const declared: SchemaVersion[] = [];
  let stores: Record<string, string | null> = {};
  upTo.forEach((step, i) => {
    stores = { ...stores, ...step.stores };
    if (step.upgrade || i === upTo.length - 1) {
      declared.push({
        version: step.version,
        stores,
        ...(step.upgrade ? { upgrade: step.upgrade } : {}),
      });
    }
  });
  return declared;
}
