import Dexie, { type EntityTable, type Table } from 'dexie';
import type {
  Agency,
  Appeal,
  Applicant,
  AppEvent,
  Attachment,
  ChecklistTemplate,
  Counter,
  Draft,
  Inquiry,
  Initiative,
  PlanItem,
  ReportPublication,
  FeedbackRound,
  Reception,
  Settings,
  Template,
} from '@shared/domain';
import { ChangeLayer } from './changeLayer';
import { chosenDbName } from './demoOffice';
import { ensureDeviceIn, type StoredChange, type MetaRecord } from './changeLog';
import type { DeviceIdentity } from './device';
import type { ExchangeBase, ExchangePeer } from './exchangeState';
import type { RegistryRow } from './registryRow';
import type { OkrugMapRecord } from './repositories/okrugMap';
import { DB_NAME, declaredVersions, LATEST_VERSION, SCHEMA_VERSIONS } from './schema';
import type {
  SyncConflictRow,
  SyncDocRow,
  SyncMetaRow,
  SyncPackRow,
  SyncQuarantineRow,
} from './syncTables';

export class TizilimDb extends Dexie {
  appeals!: EntityTable<Appeal, 'id'>;
  registryRows!: EntityTable<RegistryRow, 'id'>;
  applicants!: EntityTable<Applicant, 'id'>;
  events!: EntityTable<AppEvent, 'id'>;
  inquiries!: EntityTable<Inquiry, 'id'>;
  agencies!: EntityTable<Agency, 'id'>;
  receptions!: EntityTable<Reception, 'id'>;
  checklistTemplates!: EntityTable<ChecklistTemplate, 'id'>;
  templates!: EntityTable<Template, 'id'>;
  initiatives!: EntityTable<Initiative, 'id'>;
  planItems!: EntityTable<PlanItem, 'id'>;
  /** Publications of the quarterly report (scorecard step 4). Since version 8. */
  reportPublications!: EntityTable<ReportPublication, 'id'>;
  /** Feedback rounds after maslikhat decisions (scorecard step 5). Since version 8. */
  feedbackRounds!: EntityTable<FeedbackRound, 'id'>;
  attachments!: EntityTable<Attachment, 'id'>;
  settings!: EntityTable<Settings, 'id'>;
  drafts!: EntityTable<Draft, 'id'>;
  counters!: EntityTable<Counter, 'id'>;
  /** The change log (changeLog.ts); written only by the change layer. Since version 2. */
  changes!: EntityTable<StoredChange, 'seq'>;
  /** This laptop's identity (device.ts); local, never exported. Since version 2. */
  device!: EntityTable<DeviceIdentity, 'key'>;
  /** Local facts about this database (the change log's id); never exported. Since version 3. */
  meta!: EntityTable<MetaRecord, 'key'>;
  /** Sync with the council's server (syncTables.ts); local, never exported. Since version 7. */
  syncDocs!: EntityTable<SyncDocRow, 'docId'>;
  /** Base rows written together by a pull (sync/baseRows.ts); local. Since version 11. */
  syncPacks!: EntityTable<SyncPackRow, 'key'>;
  syncMeta!: EntityTable<SyncMetaRow, 'key'>;
  syncQuarantine!: EntityTable<SyncQuarantineRow, 'docId'>;
  syncConflicts!: EntityTable<SyncConflictRow, 'id'>;
  /** Common ancestors per peer and record (exchangeState.ts); local. Since version 6. */
  exchangeBases!: Table<ExchangeBase, [string, string, string]>;
  /** The other laptops of the office this one exchanges packages with; local. Since version 6. */
  exchangePeers!: EntityTable<ExchangePeer, 'deviceId'>;
  /** The okrug's map for the problem map (repositories/okrugMap.ts); local. Since version 9. */
  okrugMaps!: EntityTable<OkrugMapRecord, 'id'>;

  /** Keeps derived data and the change log in step with every write (changeLayer.ts). */
  readonly changeLayer = new ChangeLayer();

  /** `upToVersion` exists for migration tests, which build databases of older versions. */
  constructor(name: string = DB_NAME, upToVersion: number = LATEST_VERSION) {
    // Strict durability: a write is reported done only once it is on disk, so a power cut
    // right after "saved" loses nothing (Chromium defaults to relaxed).
    super(name, { chromeTransactionDurability: 'strict' });
    for (const step of declaredVersions(upToVersion)) {
      const version = this.version(step.version).stores(step.stores);
      if (step.upgrade) version.upgrade(step.upgrade);
    }
    this.use(this.changeLayer.middleware);
    // A new database gets this laptop's identity at once (an upgraded one gets it in the
    // upgrade to version 2): "each laptop is a named device" from its first start.
    const hasDevice = SCHEMA_VERSIONS.some((v) => v.version <= upToVersion && 'device' in v.stores);
    if (hasDevice) this.on('populate', (tx) => ensureDeviceIn(tx).then(() => undefined));
  }
}

let shared: TizilimDb | undefined;

/** The app's one database connection: the office's, or the demo office's (demoOffice.ts). */
export function getDb(): TizilimDb {
  shared ??= new TizilimDb(chosenDbName());
  return shared;
}
