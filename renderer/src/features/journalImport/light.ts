// The registry header's journal buttons: the wizard and the export load when they are used.
export { RegistryJournalActions } from './RegistryJournalActions';
