// npm run couchdb-design [-- --out tizilim-design.json]
// Prints Tizilim's design document for an office database (server/couchdb/design.cjs): the
// marker "test connection" looks for and the validate_doc_update function. IT staff install
// it with curl (docs/sync-server.md):
//   curl -u admin -X PUT https://sync.example.kz/office-almaty-7/_design/tizilim \
//        -H 'Content-Type: application/json' -d @tizilim-design.json
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { designDocument } = require('../server/couchdb/design.cjs');

const json = `${JSON.stringify(designDocument(), null, 2)}\n`;
const i = process.argv.indexOf('--out');
if (i > 0) {
  const out = process.argv[i + 1];
  if (!out) {
    console.error('couchdb-design: --out needs a file name');
    process.exit(2);
  }
  writeFileSync(out, json);
  console.error(`couchdb-design: wrote ${out}`);
} else {
  process.stdout.write(json);
}
