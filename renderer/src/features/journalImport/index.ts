export { JournalImportDialog } from './JournalImportDialog';
export { JournalDataPanel, RegistryJournalActions } from './JournalActions';
