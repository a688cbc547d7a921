// The design document every office database holds (docs/sync-server.md): it marks the
// database as Tizilim's (the app's "test connection" looks for it) and carries the
// validate_doc_update function. `node scripts/couchdb-design.mjs` prints it as JSON.
'use strict';

const validateDocUpdate = require('./validateDocUpdate.cjs');

/** Document schema versions this design document accepts (shared/sync: SYNC_SCHEMA). */
const SCHEMAS = [1];

function designDocument() {
  return {
    _id: '_design/tizilim',
    tizilim: { format: 'tizilim-office', schemas: SCHEMAS },
    validate_doc_update: String(validateDocUpdate),
  };
}

module.exports = { designDocument, SCHEMAS };
