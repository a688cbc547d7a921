import type { Transaction } from 'dexie';
import { upgradeToBilingualTexts } from './bilingualUpgrade';
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
    // Versions 3 and 4 are other branches' of this wave; the lead orders them when merging.
    version: 5,
    stores: {},
    // Public texts (an appeal's public summary, a reception's place and accessibility notes)
    // become { kk, ru }: each stored text moves into the language it reads as.
    upgrade: upgradeToBilingualTexts,
  },
];

export const LATEST_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;
