export { JournalImportDialog } from './JournalImportDialog';
export { JournalDataPanel } from './JournalActions';
export { RegistryJournalActions } from './RegistryJournalActions';
