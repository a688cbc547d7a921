// Live sync with the council's server: its settings section (with the list of conflicts a
// person decides, renderer/src/ui/ConflictList) and the sidebar's status.
export { SyncSection } from './SyncSection';
export { SyncStatus } from './SyncStatus';
