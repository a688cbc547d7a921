// Child process of backup-kill.test.ts: loads the TypeScript writer through Vite (aliases).
import { loadTs } from '../../scripts/load-ts.mjs';

const { writeUntilKilled } = await loadTs('test/electron/backupKillChild.ts');
await writeUntilKilled(process.argv[2]);
