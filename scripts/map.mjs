// npm run map -- --data export.json --quarter 2026-Q3 --lang kk|ru [--level street|district|locality]
//   [--geojson okrug.geojson] [--out map.svg]
// The problem map of a quarter from an export, with the app's own shared/map code (see
// scripts/mapCli.ts). Exit codes: 0 done; 2 bad arguments or a missing file; 3 an invalid
// export or GeoJSON; 1 anything else.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';
import { viteAliases } from '../aliases.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { module } = await runnerImport(resolve(root, 'scripts/mapCli.ts'), {
  root,
  configFile: false,
  logLevel: 'silent',
  resolve: { alias: viteAliases },
});

try {
  process.exitCode = module.run(process.argv.slice(2), {
    log: (message) => console.error(message),
    out: (line) => console.log(line),
  });
} catch (error) {
  console.error('map:', error);
  process.exitCode = 1;
}
