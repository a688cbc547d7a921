// Backups and restore on screen: Settings › Data's part, Today's warnings, the first-run offer.
export { BackupSettings } from './BackupSettings';
export { BackupWarnings } from './BackupWarnings';
export { FirstRunRestore } from './FirstRunRestore';
export { RestoreDoneGate } from './RestoreDone';
export { setFirstRunRestore, useFirstRunRestore } from './firstRunRestore';
