// npm run backup -- create|verify|restore|info|decrypt|recovery-key ...
// Encrypted backups for IT staff and tests, with the app's own shared/backup code (see
// scripts/backupCli.ts for the commands; docs/backup-format.md for the format). Exit codes:
// 0 done / the file is good; 2 bad arguments; 3 wrong password or recovery key, damaged
// file, invalid export; 1 anything else.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';
import { viteAliases } from '../aliases.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { module } = await runnerImport(resolve(root, 'scripts/backupCli.ts'), {
  root,
  configFile: false,
  logLevel: 'silent',
  resolve: { alias: viteAliases },
});

try {
  process.exitCode = await module.run(process.argv.slice(2), {
    log: (message) => console.error(message),
    result: (value) => console.log(JSON.stringify(value)),
  });
} catch (error) {
  console.error('backup:', error);
  process.exitCode = 1;
}
