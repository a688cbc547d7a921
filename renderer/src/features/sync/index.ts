// Live sync with the council's server: its settings section, the sidebar's status, and the
// list of conflicts a person decides.
export { ConflictList } from './ConflictList';
export { SyncSection } from './SyncSection';
export { SyncStatus } from './SyncStatus';
